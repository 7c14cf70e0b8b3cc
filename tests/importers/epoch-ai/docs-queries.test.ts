// The Epoch AI queries of docs/importing.md (```graphql epoch-ai blocks), run on every store after both
// imports onto the seed, with the answers the page gives.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.js";
import type { GraphStore } from "../../../src/store/port.js";
import { query } from "../../helpers/graphql.js";
import { openWithDatasets, STORE_CASES } from "../../helpers/stores.js";

const DOC = readFileSync(path.join(PROJECT_ROOT, "docs", "importing.md"), "utf8");
const QUERIES = new Map([...DOC.matchAll(/```graphql epoch-ai\n(query (\w+)[\s\S]*?)```/g)].map((m) => [m[2], m[1]]));

describe.each(STORE_CASES)("the Epoch AI questions of docs/importing.md [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openWithDatasets(storeCase);
  }, 300_000);
  afterAll(() => store.close());

  it("has the three queries", () => {
    expect([...QUERIES.keys()]).toEqual(["TopTrainingCompute", "KoreanNotableModels", "GpqaDiamondLeaderboard"]);
  });

  it("lists the ten models with the most training compute, with their hardware", async () => {
    const data = await query(store, QUERIES.get("TopTrainingCompute")!);
    const nodes = data.models.nodes;
    expect(nodes.map((m: { name: string }) => m.name).slice(0, 3)).toEqual(["Grok 4", "GPT-4.5", "Grok 3"]);
    const flops = nodes.map((m: { trainingComputeFlop: number }) => m.trainingComputeFlop);
    expect(flops).toEqual([...flops].sort((a, b) => b - a));
    const ultra = nodes.find((m: { name: string }) => m.name === "Gemini Ultra");
    expect(ultra.hardware).toEqual([{ quantity: 57000, hardware: { name: "Google TPU v4" } }]);
    expect(ultra.developers.map((d: { name: string }) => d.name)).toEqual(["Google", "Google DeepMind"]);
  });

  it("finds 19 Korean notable models, five of them LG AI Research's", async () => {
    const data = await query(store, QUERIES.get("KoreanNotableModels")!);
    expect(data.models.totalCount).toBe(19);
    expect(data.models.nodes[0].name).toBe("K-EXAONE");
    const lg = data.models.nodes.filter((m: { developers: Array<{ name: string }> }) => m.developers.some((d) => d.name === "LG AI Research"));
    expect(lg).toHaveLength(5);
  });

  it("gives GPQA diamond's leaderboard best first, each score with its source", async () => {
    const data = await query(store, QUERIES.get("GpqaDiamondLeaderboard")!);
    const results = data.benchmark.results;
    expect(results[0]).toMatchObject({ score: 87.6, modelVersion: "gpt-5.1_high", subject: { name: "GPT-5.1", unresolved: false } });
    expect(results.every((r: { sources: Array<{ title: string }> }) => r.sources[0].title === "Epoch AI Benchmarking Hub")).toBe(true);
    // A version of a family the model files list by release: the release of its date.
    expect(results.find((r: { modelVersion: string }) => r.modelVersion === "gemini-2.5-pro").subject).toEqual({ name: "Gemini 2.5 Pro (Jun 2025)", unresolved: false });
    expect(results.find((r: { modelVersion: string }) => r.modelVersion === "gemini-2.5-pro-exp-03-25").subject).toEqual({ name: "Gemini 2.5 Pro (Mar 2025)", unresolved: false });
  });
});
