// Stage 5 of every import: the batch written in chunks, each chunk one transaction.
import type { GraphBatch, WriteSummary } from "../../domain/graph.js";
import type { GraphStore } from "../../store/port.js";

export const DEFAULT_BATCH_SIZE = 500;

/**
 * Writes the batch in chunks of `size`: all nodes first, then all relationships, so that each
 * relationship's ends exist. Each chunk is one store write, one transaction: a failure leaves the
 * chunks before it written and none of its own; running the import again completes it.
 */
export async function writeInChunks(store: GraphStore, batch: GraphBatch, size: number, onProgress?: (done: number, total: number) => void): Promise<{ write: WriteSummary; batches: number }> {
  const write: WriteSummary = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 };
  const total = batch.nodes.length + batch.relationships.length;
  const chunks: GraphBatch[] = [];
  for (let i = 0; i < batch.nodes.length; i += size) chunks.push({ nodes: batch.nodes.slice(i, i + size), relationships: [] });
  for (let i = 0; i < batch.relationships.length; i += size) chunks.push({ nodes: [], relationships: batch.relationships.slice(i, i + size) });
  let done = 0;
  onProgress?.(0, total);
  for (const chunk of chunks) {
    const s = await store.write(chunk);
    write.nodesCreated += s.nodesCreated;
    write.nodesUpdated += s.nodesUpdated;
    write.relationshipsCreated += s.relationshipsCreated;
    write.relationshipsUpdated += s.relationshipsUpdated;
    done += chunk.nodes.length + chunk.relationships.length;
    onProgress?.(done, total);
  }
  return { write, batches: chunks.length };
}
