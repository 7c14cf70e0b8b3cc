// The DATASET source nodes of an Epoch AI snapshot, as seed/sources.json records sources.
import type { NodeRecord } from "../../domain/graph.js";

export function datasetSource(slug: string, t: { title: string; publisher: string; url: string; language: string }, date: string, commit: string | null): NodeRecord {
  return {
    kind: "Source",
    key: slug,
    props: { name: t.title, nameKo: null, aliases: [], sourceKind: "DATASET", publisher: t.publisher, url: t.url, date, language: t.language, ...(commit ? { commit } : {}), sources: [] },
  };
}
