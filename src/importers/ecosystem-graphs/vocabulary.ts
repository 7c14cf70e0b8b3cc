// The data the Ecosystem Graphs import reads besides the snapshot itself: the pipeline's shared tables
// (country names, organization spellings and units) and how to cite the snapshot. Facts live in
// JSON files, not in code.
import { SHARED_VOCABULARY, type Vocabulary as SharedVocabulary } from "../pipeline/vocabulary.js";
import sourceTemplate from "./source.json" with { type: "json" };

export interface Vocabulary extends SharedVocabulary {
  source: { slugPrefix: string; title: string; publisher: string; repository: string; language: string };
}

export const VOCABULARY: Vocabulary = { ...SHARED_VOCABULARY, source: sourceTemplate };
