// How long the shipped datasets take to import, on the embedded store (a new temporary folder) or on
// the Neo4j of NEO4J_URI (which must be empty: nothing is deleted). Seeds, imports Ecosystem Graphs
// then Epoch AI, imports both again (which must write nothing), and for the embedded store reopens
// the persisted graph, as a restart does. Prints one JSON object.
//   npm run bench:datasets                              embedded store
//   NEO4J_URI=bolt://127.0.0.1:7687 npm run bench:datasets
import "reflect-metadata";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.js";
import { FORMATS, FORMAT_NAMES, shippedSnapshot } from "../src/importers/formats.js";
import { MemoryStore } from "../src/store/memory/memory-store.js";
import { openStore, seedStore } from "../src/store/open-store.js";

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), "kg-bench-datasets-"));
const config = loadConfig({ ...process.env, KG_DATA_DIR: dataDir });
const store = await openStore(config, { holder: "bench:datasets" });
if ((await store.counts()).nodes > 0) {
  process.stderr.write(`the ${store.name} store is not empty; run this against an empty one\n`);
  process.exit(2);
}
const result: Record<string, unknown> = { store: store.name };
result.seedMs = (await timed(() => seedStore(store, config.seedDir))).ms;
for (const round of ["first", "again"]) {
  for (const format of FORMAT_NAMES) {
    const { ms, value } = await timed(() => FORMATS[format](store, shippedSnapshot(config.datasetsDir, format), {}));
    result[`${format}:${round}`] = { ms, write: value.summary.write };
  }
}
result.counts = await store.counts();
await store.close();
if (store.name === "memory") result.reopenMs = (await timed(async () => (await MemoryStore.open(dataDir)).close())).ms;
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
