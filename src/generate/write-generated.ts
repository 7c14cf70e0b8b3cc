// Writes a generated graph into a store batch by batch, timing it: the load step of `kg generate`
// and of the benchmarks.
import type { GraphStore } from "../store/port.js";
import type { SyntheticGraph } from "./synthetic-graph.js";

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
