// The DATASET source nodes of an Epoch AI snapshot, as seed/sources.json records sources.
import type { NodeRecord } from "../../domain/graph.js";

export function datasetSource(slug: string, t: { title: string; publisher: string; url: string; language: string }, date: string, commit: string | null): NodeRecord {
  return {
    kind: "Source",
    key: slug,
    // The title Epoch AI asks to be cited by (source.json), as the dataset's own title.
    props: { name: t.title, title: t.title, nameKo: null, aliases: [], sourceKind: "DATASET", publisher: t.publisher, url: t.url, date, language: t.language, ...(commit ? { commit } : {}), sources: [] },
  };
}
