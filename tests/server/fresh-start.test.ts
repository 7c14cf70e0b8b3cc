// A fresh store, as `npm start` finds it on a new clone: seeded with the seed graph and both shipped
// datasets (KG_SEED_DATASETS, on by default), so that the API serves GPT-4's training compute and
// GPQA diamond's results with no other step. KG_SEED_DATASETS=false leaves the seed alone.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedIfEmpty } from "../../src/store/open-store.js";
import type { GraphStore } from "../../src/store/port.js";
import { childEnv, ensureBuilt, startServerProcess } from "../helpers/processes.js";
import { startServer, type TestServer } from "../helpers/server.js";

describe("KG_SEED_DATASETS", () => {
  it("is on by default, off with false, and refuses anything else", () => {
    expect(loadConfig({}).seedDatasets).toBe(true);
    expect(loadConfig({ KG_SEED_DATASETS: "false" }).seedDatasets).toBe(false);
    expect(() => loadConfig({ KG_SEED_DATASETS: "no" })).toThrow(ConfigError);
  });
});

describe("a fresh embedded store at start", () => {
  let store: GraphStore;
  let server: TestServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "kg-fresh-"));
    const config = loadConfig({ KG_DATA_DIR: dataDir, NEO4J_URI: "" });
    store = await MemoryStore.open(config.dataDir);
    // What src/server/main.ts does before it serves.
    expect(await seedIfEmpty(store, config.seedDir, config.seedDatasets ? config.datasetsDir : null)).not.toBeNull();
    server = await startServer(store);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it("serves GPT-4's training compute and GPQA diamond's results with their sources", async () => {
    const res = await server.post({ query: `{
      model(slug: "gpt-4") { trainingComputeFlop hardware { quantity hardware { name } } }
      benchmark(slug: "gpqa-diamond") { results(first: 3) { score subject { name } sources { title } } }
    }` });
    expect(res.status).toBe(200);
    expect(res.body.data.model).toEqual({ trainingComputeFlop: 2.1e25, hardware: [{ quantity: 25000, hardware: { name: "NVIDIA A100 SXM4 40 GB" } }] });
    const results = res.body.data.benchmark.results;
    expect(results).toHaveLength(3);
    expect(results[0].score).toBeGreaterThanOrEqual(results[2].score);
    expect(results[0].sources[0].title).toBe("Epoch AI Benchmarking Hub");
  });

  it("does not seed again once the store holds anything, and reopens with the datasets persisted", async () => {
    expect(await seedIfEmpty(store, loadConfig({}).seedDir, loadConfig({}).datasetsDir)).toBeNull();
    const counts = await store.counts();
    await store.close();
    store = await MemoryStore.open(dataDir);
    expect(await store.counts()).toEqual(counts);
  });
});

describe("npm start on a fresh clone's data directory", () => {
  it("serves GPT-4's training compute and GPQA diamond's results with no other step", async () => {
    await ensureBuilt();
    const dir = await mkdtemp(path.join(os.tmpdir(), "kg-npm-start-"));
    const server = await startServerProcess(childEnv(dir, { KG_SEED_DATASETS: undefined }));
    try {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ model(slug: "gpt-4") { trainingComputeFlop } benchmark(slug: "gpqa-diamond") { results(first: 1) { score sources { title } } } }` }),
      });
      const body = (await res.json()) as { data: { model: { trainingComputeFlop: number }; benchmark: { results: Array<{ score: number; sources: Array<{ title: string }> }> } } };
      expect(body.data.model.trainingComputeFlop).toBe(2.1e25);
      expect(body.data.benchmark.results[0].sources[0].title).toBe("Epoch AI Benchmarking Hub");
    } finally {
      server.child.kill("SIGTERM");
      expect((await server.exit).code).toBe(0);
    }
  }, 180_000);
});
