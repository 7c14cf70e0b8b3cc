// `kg generate --models N [--seed S] [--batch-size B]`: writes a deterministic synthetic graph
// (src/generate/) into an empty store (or one it generated before: never beside real data) in
// batches, with the progress bar on a terminal, and reports the write rate in nodes + relationships per second.
import { DEFAULT_SEED, SyntheticGraph } from "../generate/synthetic-graph.js";
import { acceptsGenerated, writeGenerated } from "../generate/write-generated.js";
import type { GraphStore } from "../store/port.js";
import { defineCommand, integerOption, UsageError, type Io } from "./command.js";
import { progressBar } from "./progress.js";
import { withStore } from "./store-access.js";

interface GenerateArgs {
  models: number;
  seed: number;
  batchSize: number;
}

const DEFAULT_BATCH_SIZE = 2000;

async function generate({ models, seed, batchSize }: GenerateArgs, store: GraphStore, io: Io): Promise<void> {
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
  const progress = progressBar(io.err, io.errIsTTY ?? false, "generating");
  const report = await writeGenerated(store, graph, batchSize, (done, items, seconds) => {
    progress.update(done, total, `nodes, ${seconds > 0 ? Math.round(items / seconds) : 0} nodes+rels/s`);
  });
  progress.done();
  io.out(
    `generated ${models} models (seed ${seed}) into ${store.name}: ${report.nodes} nodes and ${report.relationships} relationships ` +
      `in ${report.batches} batches, ${report.seconds.toFixed(1)} s, ${Math.round(report.rate)} nodes+rels/s\n`,
  );
}

export const generateCommand = defineCommand({
  name: "generate",
  summary: "write a deterministic synthetic graph (for load tests) into an empty store, reporting nodes+rels/s",
  options: {
    models: { type: "string", value: "N", required: true, description: "how many models; organizations, benchmarks, reports and the rest scale with it" },
    seed: { type: "string", value: "S", description: `the random seed: the same N and S give the same graph (default ${DEFAULT_SEED})` },
    "batch-size": { type: "string", value: "B", description: `nodes per write (default ${DEFAULT_BATCH_SIZE})` },
  },
  details: "It writes only into an empty store or one it generated before; every fact cites a SYNTHETIC source.",
  run: ({ options, usage }, config, io) => {
    const args: GenerateArgs = {
      models: integerOption("models", options.models, { min: 1 }, usage)!,
      seed: integerOption("seed", options.seed, { min: 0 }, usage) ?? DEFAULT_SEED,
      batchSize: integerOption("batch-size", options["batch-size"], { min: 1 }, usage) ?? DEFAULT_BATCH_SIZE,
    };
    return withStore(config, { holder: "kg generate" }, (store) => generate(args, store, io));
  },
});
