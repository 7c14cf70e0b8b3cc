// `kg generate --models N [--seed S] [--batch-size B]`: writes a deterministic synthetic graph
// (src/generate/) into the store in batches, with a progress bar on a terminal, and reports the
// write rate in nodes + relationships per second.
import { DEFAULT_SEED, SyntheticGraph } from "../generate/synthetic-graph.js";
import type { GraphStore } from "../store/port.js";
import { UsageError, type Io } from "./commands.js";

export interface GenerateArgs {
  models: number;
  seed: number;
  batchSize: number;
}

export const DEFAULT_BATCH_SIZE = 2000;
const USAGE = "usage: npm run kg -- generate --models N [--seed S] [--batch-size B]";

function positiveInt(name: string, raw: string | undefined, allowZero = false): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new UsageError(`${name} must be ${allowZero ? "a non-negative" : "a positive"} integer, got '${raw ?? ""}'\n${USAGE}`);
  }
  return value;
}

export function parseGenerateArgs(args: string[]): GenerateArgs {
  const parsed: Partial<GenerateArgs> = { seed: DEFAULT_SEED, batchSize: DEFAULT_BATCH_SIZE };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split("=", 2);
    const value = () => inline ?? args[++i];
    if (flag === "--models") parsed.models = positiveInt("--models", value());
    else if (flag === "--seed") parsed.seed = positiveInt("--seed", value(), true);
    else if (flag === "--batch-size") parsed.batchSize = positiveInt("--batch-size", value());
    else throw new UsageError(`unknown argument '${args[i]}'\n${USAGE}`);
  }
  if (parsed.models === undefined) throw new UsageError(`--models is required\n${USAGE}`);
  return parsed as GenerateArgs;
}

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

function progressBar(done: number, total: number, items: number, seconds: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = seconds > 0 ? Math.round(items / seconds) : 0;
  return `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.floor((done / total) * 100)}% ${done}/${total} nodes, ${rate} nodes+rels/s `;
}

export async function generateCommand(args: string[], store: GraphStore, io: Io): Promise<void> {
  const { models, seed, batchSize } = parseGenerateArgs(args);
  const graph = new SyntheticGraph({ models, seed });
  const total = graph.nodeCount;
  const report = await writeGenerated(store, graph, batchSize, (done, items, seconds) => {
    if (io.isTTY) io.out(progressBar(done, total, items, seconds));
  });
  if (io.isTTY) io.out("\n");
  io.out(
    `generated ${models} models (seed ${seed}) into ${store.name}: ${report.nodes} nodes and ${report.relationships} relationships ` +
      `in ${report.batches} batches, ${report.seconds.toFixed(1)} s, ${Math.round(report.rate)} nodes+rels/s\n`,
  );
}
