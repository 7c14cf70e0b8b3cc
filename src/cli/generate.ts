// `kg generate --models N [--seed S] [--batch-size B]`: writes a deterministic synthetic graph
// (src/generate/) into an empty store (or one it generated before: never beside real data) in batches, with a progress bar on a terminal, and reports the
// write rate in nodes + relationships per second.
import { DEFAULT_SEED, SyntheticGraph } from "../generate/synthetic-graph.js";
import { acceptsGenerated, writeGenerated } from "../generate/write-generated.js";
import type { GraphStore } from "../store/port.js";
import { UsageError, type Io } from "./commands.js";

interface GenerateArgs {
  models: number;
  seed: number;
  batchSize: number;
}

const DEFAULT_BATCH_SIZE = 2000;
const USAGE = "usage: npm run kg -- generate --models N [--seed S] [--batch-size B]";

function positiveInt(name: string, raw: string | undefined, allowZero = false): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new UsageError(`${name} must be ${allowZero ? "a non-negative" : "a positive"} integer, got '${raw ?? ""}'\n${USAGE}`);
  }
  return value;
}

function parseGenerateArgs(args: string[]): GenerateArgs {
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

function progressBar(done: number, total: number, items: number, seconds: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = seconds > 0 ? Math.round(items / seconds) : 0;
  return `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.floor((done / total) * 100)}% ${done}/${total} nodes, ${rate} nodes+rels/s `;
}

export async function generateCommand(args: string[], store: GraphStore, io: Io): Promise<void> {
  const { models, seed, batchSize } = parseGenerateArgs(args);
  if (!(await acceptsGenerated(store))) {
    const { nodes } = await store.counts();
    const elsewhere = store.name === "neo4j" ? "another Neo4j database (NEO4J_DATABASE) or an empty one" : "another KG_DATA_DIR (an empty or new directory)";
    throw new UsageError(
      `the ${store.name} store holds ${nodes} nodes that kg generate did not write; synthetic data is never mixed with real data, so nothing was written. ` +
        `Generate into ${elsewhere}`,
    );
  }
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
