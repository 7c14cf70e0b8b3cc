// Writes a generated graph into a store batch by batch, timing it: the load step of `kg generate`
// and of the benchmarks.
import { listOrder, listSortKey, type SortKey } from "../domain/sort-keys.js";
import type { GraphStore } from "../store/port.js";
import { GENERATOR_SOURCE, type SyntheticGraph } from "./synthetic-graph.js";

export interface GenerateReport {
  nodes: number;
  relationships: number;
  batches: number;
  seconds: number;
  /** Nodes plus relationships written per second. */
  rate: number;
}

/** Writes the graph batch by batch; `progress` hears after each batch how many nodes are written. */
export async function writeGenerated(
  store: GraphStore,
  graph: SyntheticGraph,
  batchSize: number,
  progress: (nodesWritten: number, itemsWritten: number, seconds: number) => void = () => undefined,
): Promise<GenerateReport> {
  const started = performance.now();
  let nodes = 0;
  let relationships = 0;
  let batches = 0;
  for (const batch of graph.batches(batchSize)) {
    await store.write(batch);
    nodes += batch.nodes.length;
    relationships += batch.relationships.length;
    batches++;
    progress(nodes, nodes + relationships, (performance.now() - started) / 1000);
  }
  const seconds = (performance.now() - started) / 1000;
  return { nodes, relationships, batches, seconds, rate: (nodes + relationships) / seconds };
}

/**
 * Whether `kg generate` may write into this store: it is empty, or it holds only what the generator
 * wrote before (its sources, every one SYNTHETIC, the generator's own among them). Synthetic values
 * written over real ones would keep the real sources' citations (writes merge `sources`).
 */
export async function acceptsGenerated(store: GraphStore): Promise<boolean> {
  if ((await store.counts()).nodes === 0) return true;
  let marked = false;
  const limit = 100;
  const order = listOrder("Source");
  for (let after: SortKey | null = null; ; ) {
    const page = await store.list({ kind: "Source" }, { after, limit });
    for (const source of page.items) {
      if (source.props.sourceKind !== "SYNTHETIC") return false;
      if (source.key === GENERATOR_SOURCE) marked = true;
    }
    const last = page.items.at(-1);
    if (page.items.length < limit || !last) return marked;
    after = listSortKey(last, order);
  }
}
