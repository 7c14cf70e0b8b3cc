// The synthetic graph generator (src/generate/): deterministic for a seed, different across seeds,
// and loadable into the embedded store batch by batch with exactly the counts it announces.
import { describe, expect, it } from "vitest";
import type { GraphBatch } from "../../src/domain/graph.js";
import { uidOf } from "../../src/domain/graph.js";
import { RELATIONSHIP_TYPES } from "../../src/domain/kinds.js";
import { SyntheticGraph } from "../../src/generate/synthetic-graph.js";
import { writeGenerated } from "../../src/generate/write-generated.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

const batchesOf = (models: number, seed: number, size = 500): GraphBatch[] => [...new SyntheticGraph({ models, seed }).batches(size)];

describe("generate", () => {
  it("gives the same batches for the same seed", () => {
    expect(batchesOf(300, 7)).toEqual(batchesOf(300, 7));
  });

  it("gives a different graph for a different seed", () => {
    const a = batchesOf(300, 7);
    const b = batchesOf(300, 8);
    expect(a.map((x) => x.nodes.length)).toEqual(b.map((x) => x.nodes.length));
    expect(a).not.toEqual(b);
    const modelKeys = (batches: GraphBatch[]) => batches.flatMap((x) => x.nodes.filter((n) => n.kind === "Model").map((n) => n.key));
    expect(modelKeys(a)).not.toEqual(modelKeys(b));
  });

  it("derives every key from its index, so a benchmark can name nodes without reading the graph", () => {
    const graph = new SyntheticGraph({ models: 300, seed: 3 });
    const keys = new Set(batchesOf(300, 3).flatMap((x) => x.nodes.map(uidOf)));
    for (const i of [0, 1, 150, 299]) expect(keys.has(`Model:${graph.modelKey(i)}`)).toBe(true);
    for (const i of [0, 29]) expect(keys.has(`Organization:${graph.organizationKey(i)}`)).toBe(true);
    for (let i = 0; i < graph.counts.Report; i++) expect(keys.has(`Report:${graph.reportKey(i)}`)).toBe(true);
    expect(keys.has(`Benchmark:${graph.benchmarkKey(0)}`)).toBe(true);
  });

  it("writes batches of at most the asked number of nodes, each relationship after both its ends, every fact with a source", () => {
    const seen = new Set<string>();
    for (const batch of batchesOf(400, 1, 250)) {
      expect(batch.nodes.length).toBeLessThanOrEqual(250);
      for (const n of batch.nodes) {
        seen.add(uidOf(n));
        if (n.kind !== "Source") expect((n.props.sources as string[]).length).toBeGreaterThan(0);
      }
      for (const r of batch.relationships) {
        expect(seen.has(uidOf(r.from)) && seen.has(uidOf(r.to))).toBe(true);
        expect((r.props.sources as string[]).length).toBeGreaterThan(0);
        const types = RELATIONSHIP_TYPES[r.type];
        expect((types.from as readonly string[]).includes(r.from.kind) && (types.to as readonly string[]).includes(r.to.kind)).toBe(true);
      }
    }
  });

  it("loads into the embedded store with the expected counts", async () => {
    const graph = new SyntheticGraph({ models: 1000, seed: 1 });
    const all = [...graph.batches(2000)];
    const nodes = all.reduce((n, b) => n + b.nodes.length, 0);
    const relationships = all.reduce((n, b) => n + b.relationships.length, 0);
    expect(nodes).toBe(graph.nodeCount);
    expect(graph.counts).toMatchObject({ Country: 200, Organization: 100, Model: 1000, Indicator: 8 });

    const store = await MemoryStore.open(null);
    const report = await writeGenerated(store, graph, 2000);
    expect(report).toMatchObject({ nodes, relationships, batches: all.length });
    expect(await store.counts()).toEqual({ nodes, relationships });
    const page = await store.list({ kind: "Model" }, { after: null, limit: 1 });
    expect(page.totalCount).toBe(1000);

    // Reports include some models of their scope and are said to omit others.
    const [included] = await store.related("report-included-models", [graph.reportKey(0)], null, { after: null, limit: 1 });
    const [omitted] = await store.related("report-omissions", [graph.reportKey(0)], null, { after: null, limit: 1 });
    expect(included.totalCount).toBeGreaterThan(0);
    expect(omitted.totalCount).toBeGreaterThan(0);
    // Writing the same graph again changes nothing.
    const again = await store.write(all[0]);
    expect(again).toEqual({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
    await store.close();
  });
});
