// What makes two keyed reads one batch: the per-request DataLoaders (graphql/loaders.ts) and the
// Neo4j adapter's ReadBatcher (neo4j/read-batcher.ts) group reads by the same key and split them by
// the same cap, so a batch means the same thing at both levels.
import type { RelationFilter, RelationName } from "../domain/relations.js";
import type { RelatedRead, Window } from "./port.js";

/**
 * Most keys of one store call and of one Neo4j query (one Cypher `UNWIND` list): large enough that
 * a level of a query is one call, small enough that one call's list stays cheap to plan and send.
 */
export const MAX_BATCH_KEYS = 500;

/** A keyed read of the port: everything it depends on except its keys. */
export type KeyedRead =
  | { method: "getNodes" }
  | { method: "coverage" }
  | { method: "related"; relation: RelationName; filter: RelationFilter | null; window: Window; read: RelatedRead };

/** The batch a keyed read belongs to: reads with the same key may share one call over the union of their keys. */
export function batchKey(read: KeyedRead): string {
  if (read.method !== "related") return read.method;
  const { relation, filter, window } = read;
  return `related|${relation}|${JSON.stringify(filter ?? {})}|${JSON.stringify(window.after)}|${window.limit}|${readKey(read.read)}`;
}

/** What a read reads, as a key: two reads with the same key read the same. */
export function readKey({ properties, total, relationships, firsts }: RelatedRead): string {
  const list = (names: readonly string[] | null) => (names ? names.join(",") : "*");
  const key = `${list(properties)}|${total}|${list(relationships)}`;
  // No firsts and an empty list are the same read.
  return firsts?.length ? `${key}|firsts(${firsts.map((f) => `${f.relation}:${readKey(f.read)}`).join(";")})` : key;
}

/** `keys` in runs of at most MAX_BATCH_KEYS. */
export function batchChunks<T>(keys: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < keys.length; i += MAX_BATCH_KEYS) chunks.push(keys.slice(i, i + MAX_BATCH_KEYS));
  return chunks;
}
