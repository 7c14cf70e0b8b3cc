// The embedded store's indexes (the word index of search, the models by release date of in-scope
// omissions, relationships by node and type, relation lists kept sorted) answer exactly as a scan
// of every node would, or a store freshly built from the same graph, before and after writes.
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeRecord } from "../../src/domain/graph.js";
import { compareHits, searchScore } from "../../src/domain/search.js";
import { SyntheticGraph } from "../../src/generate/synthetic-graph.js";
import { writeGenerated } from "../../src/generate/write-generated.js";
import type { RelationFilter, RelationName } from "../../src/domain/relations.js";
import { RELATIONS } from "../../src/domain/relations.js";
import { relatedSortKey } from "../../src/domain/sort-keys.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { emptyGraph, MemoryGraph } from "../../src/store/memory/storage.js";
import type { GraphStore } from "../../src/store/port.js";

const graph = new SyntheticGraph({ models: 2000, seed: 5 });
const SEARCHABLE = new Set(["Country", "Organization", "Model", "Benchmark", "Indicator", "Report"]);

describe("embedded store indexes", () => {
  let store: MemoryStore;
  let nodes: NodeRecord[];

  /** Search by reading every searchable node: what the index must agree with. */
  function scan(text: string, limit: number) {
    return nodes
      .filter((n) => SEARCHABLE.has(n.kind))
      .map((node) => ({ node, score: searchScore(node, text) }))
      .filter((h) => h.score > 0)
      .sort(compareHits)
      .slice(0, limit)
      .map((h) => `${h.node.kind}:${h.node.key}`);
  }

  beforeAll(async () => {
    store = await MemoryStore.open(null);
    await writeGenerated(store, graph, 500);
    nodes = [...graph.batches(5000)].flatMap((b) => b.nodes);
  });

  it("finds by search exactly what a scan of every node finds", async () => {
    const texts = [
      ...Array.from({ length: 30 }, (_, i) => graph.modelWord(i * 61).slice(0, 2 + (i % 4)).toLowerCase()),
      graph.modelName(7),
      `${graph.modelWord(8)} 1`,
      "bench",
      "ai index",
      "south kor",
      "한국",
      "xyzzy",
      "...",
    ];
    for (const text of texts) {
      const hits = (await store.search(text, 25)).map((h) => `${h.node.kind}:${h.node.key}`);
      expect(hits, text).toEqual(scan(text, 25));
    }
  });

  it("finds a renamed node by its new name only, and forgets it when a write is undone", async () => {
    const key = graph.modelKey(3);
    await store.write({ nodes: [{ kind: "Model", key, props: { name: "Zyxwv Renamed", aliases: [] } }], relationships: [] });
    expect((await store.search("zyxwv", 5)).map((h) => h.node.key)).toEqual([key]);
    expect((await store.search(graph.modelName(3), 50)).map((h) => h.node.key)).not.toContain(key);

    const bad = {
      nodes: [{ kind: "Model" as const, key: "qqqq-new", props: { name: "Qqqq New", aliases: [], sources: ["x"] } }],
      relationships: [{ type: "DEPENDS_ON" as const, from: { kind: "Model" as const, key: "qqqq-new" }, to: { kind: "Model" as const, key: "no-such-model" }, key: "", props: { sources: ["x"] } }],
    };
    await expect(store.write(bad)).rejects.toThrow();
    expect(await store.search("qqqq", 5)).toEqual([]);
  });

  it("lists a report's in-scope omissions exactly as a scan of every model does", async () => {
    for (let i = 0; i < graph.counts.Report; i++) {
      const report = graph.reportKey(i);
      const [page] = await store.related("report-in-scope-omissions", [report], null, { after: null, limit: 1000 });
      const [included] = await store.related("report-included-models", [report], null, { after: null, limit: 10_000 });
      const [claimed] = await store.related("report-omissions", [report], null, { after: null, limit: 10_000 });
      const listed = new Set([...included.items, ...claimed.items].map((x) => x.node.key));
      const year = graph.reportYear(i);
      const models = (await store.list({ kind: "Model" }, { after: null, limit: 100_000 })).items;
      const expected = graph.reportComplete(i)
        ? models.filter((m) => m.props.modelKind === "FOUNDATION" && String(m.props.releaseDate ?? "").startsWith(`${year}-`) && !listed.has(m.key)).map((m) => m.key)
        : [];
      expect(page.items.map((x) => x.node.key).sort()).toEqual(expected.sort());
    }
  });

  /** Pages of relations for many parents: whole, a window after the third item, and filtered. */
  async function relationPages(target: GraphStore) {
    const parents: Array<[RelationName, string[], RelationFilter | null]> = [
      ["country-organizations", Array.from({ length: graph.counts.Country }, (_, i) => graph.countryKey(i)), null],
      ["country-models", Array.from({ length: graph.counts.Country }, (_, i) => graph.countryKey(i)), null],
      ["organization-models", Array.from({ length: graph.counts.Organization }, (_, i) => graph.organizationKey(i)), null],
      ["organization-models", Array.from({ length: graph.counts.Organization }, (_, i) => graph.organizationKey(i)), { models: { releasedYear: 2023 } }],
      ["organization-unit-models", Array.from({ length: graph.counts.Organization }, (_, i) => graph.organizationKey(i)), null],
      ["benchmark-results", Array.from({ length: graph.counts.Benchmark }, (_, i) => graph.benchmarkKey(i)), null],
      ["model-developers", Array.from({ length: 50 }, (_, i) => graph.modelKey(i)), null],
      ["model-benchmark-results", Array.from({ length: 50 }, (_, i) => graph.modelKey(i)), null],
      ["report-in-scope-omissions", Array.from({ length: graph.counts.Report }, (_, i) => graph.reportKey(i)), null],
    ];
    const answers: unknown[] = [];
    for (const [relation, keys, filter] of parents) {
      const whole = await target.related(relation, keys, filter, { after: null, limit: 100_000 });
      answers.push(relation, whole);
      const afters = whole.map((p) => (p.items[2] ? relatedSortKey(RELATIONS[relation].order, p.items[2]) : null));
      answers.push(await Promise.all(keys.map(async (key, i) => (await target.related(relation, [key], filter, { after: afters[i], limit: 5 }))[0])));
    }
    return answers;
  }

  it("serves relation pages after writes exactly as a store freshly built from the same graph", async () => {
    await relationPages(store); // fills what the store keeps sorted
    // The last of a large organization's models, renamed to come first: a list kept sorted.
    const org = graph.organizationKey(0);
    const [ofOrg] = await store.related("organization-models", [org], null, { after: null, limit: 100_000 });
    expect(ofOrg.totalCount).toBeGreaterThan(40);
    const model = ofOrg.items.at(-1)!.node.key;
    const [benchmark] = (await store.related("model-benchmark-results", [model], null, { after: null, limit: 1 }))[0].items;
    await store.write({
      nodes: [
        { kind: "Model", key: model, props: { name: "Aaaa First Now", aliases: [] } },
        { kind: "Model", key: "zz-new-model", props: { name: "Zz New Model", aliases: [], modelKind: "FOUNDATION", releaseDate: "2023-05-05", sources: ["x"] } },
      ],
      relationships: [
        { type: "DEVELOPED_BY", from: { kind: "Model", key: "zz-new-model" }, to: { kind: "Organization", key: graph.organizationKey(1) }, key: "", props: { order: 0, sources: ["x"] } },
        { type: "ORIGINATES_IN", from: { kind: "Model", key: "zz-new-model" }, to: { kind: "Country", key: graph.countryKey(0) }, key: "", props: { sources: ["x"] } },
        ...(benchmark ? [{ type: "SCORED" as const, from: { kind: "Model" as const, key: model }, to: { kind: "Benchmark" as const, key: benchmark.node.key }, key: String(benchmark.rel.key ?? ""), props: { score: -1 } }] : []),
      ],
    });
    const refused = { nodes: [{ kind: "Organization" as const, key: org, props: { name: "Renamed Then Refused" } }], relationships: [{ type: "PART_OF" as const, from: { kind: "Organization" as const, key: org }, to: { kind: "Organization" as const, key: "no-such-org" }, key: "", props: {} }] };
    await expect(store.write(refused)).rejects.toThrow();

    const slice = await store.snapshot();
    const fresh = await MemoryStore.open(null);
    await fresh.write({ nodes: slice.nodes, relationships: slice.edges });
    expect(await relationPages(store)).toEqual(await relationPages(fresh));
    await fresh.close();
  });

  it("keeps a node's relationships of one type right when any of a long list is dropped or replaced", () => {
    const g = new MemoryGraph(emptyGraph());
    g.addNode("Organization:lab", { kind: "Organization", key: "lab", props: { name: "Lab" }, searchText: "lab" });
    const live = new Map<string, number>();
    for (let i = 0; i < 50; i++) {
      g.addNode(`Model:m${i}`, { kind: "Model", key: `m${i}`, props: { name: `M${i}` }, searchText: `m${i}` });
      g.addEdge(`e${i}`, `Model:m${i}`, "Organization:lab", { type: "DEVELOPED_BY", key: "", props: { order: i } });
      live.set(`e${i}`, i);
    }
    const listed = () => new Map(g.neighbours("Organization:lab", "DEVELOPED_BY", "in").map((n) => [n.edge, n.attrs.props.order]));
    // Drops from the front, the middle and the end, each moving another into its place; then replaces moved ones.
    for (const i of [0, 17, 49, 3, 30, 48, 1]) {
      g.dropEdge(`e${i}`);
      live.delete(`e${i}`);
      expect(listed()).toEqual(live);
    }
    for (const i of [47, 2, 46]) {
      g.replaceEdge(`e${i}`, { type: "DEVELOPED_BY", key: "", props: { order: 100 + i } });
      live.set(`e${i}`, 100 + i);
      expect(listed()).toEqual(live);
    }
    expect(g.neighbours("Model:m2", "DEVELOPED_BY", "out").map((n) => n.attrs.props.order)).toEqual([102]);
  });

  it("keeps a node's relationships of one type right through adds, replacements and an undone write past the long-list size", async () => {
    const own = await MemoryStore.open(null);
    const org = { kind: "Organization" as const, key: "many-models-lab" };
    const models = Array.from({ length: 45 }, (_, i) => ({ kind: "Model" as const, key: `many-${String(i).padStart(2, "0")}`, props: { name: `Many ${44 - i}`, aliases: [], sources: ["x"] } }));
    const developedBy = (m: { key: string }, order: number) => ({ type: "DEVELOPED_BY" as const, from: { kind: "Model" as const, key: m.key }, to: org, key: "", props: { order, sources: ["x"] } });
    await own.write({ nodes: [{ ...org, props: { name: "Many Models Lab" } }, ...models], relationships: models.map((m) => developedBy(m, 0)) });
    const pages = async (target: GraphStore) => [
      await target.related("organization-models", [org.key], null, { after: null, limit: 100 }),
      await target.related("model-developers", models.map((m) => m.key), null, { after: null, limit: 5 }),
    ];
    await pages(own); // fills what the store keeps
    // Replaced relationships (new properties), then a write that adds more and is undone (they are dropped again).
    await own.write({ nodes: [], relationships: models.slice(0, 10).map((m) => developedBy(m, 3)) });
    const refused = {
      nodes: [{ kind: "Model" as const, key: "many-extra", props: { name: "Many Extra", aliases: [], sources: ["x"] } }],
      relationships: [developedBy({ key: "many-extra" }, 1), ...models.slice(20, 30).map((m) => developedBy(m, 5)), { type: "PART_OF" as const, from: org, to: { kind: "Organization" as const, key: "no-such-org" }, key: "", props: {} }],
    };
    await expect(own.write(refused)).rejects.toThrow();
    const [ofOrg] = (await pages(own))[0];
    expect(ofOrg.totalCount).toBe(45);
    const slice = await own.snapshot();
    const fresh = await MemoryStore.open(null);
    await fresh.write({ nodes: slice.nodes, relationships: slice.edges });
    expect(await pages(own)).toEqual(await pages(fresh));
    expect((await own.related("model-developers", ["many-05", "many-25"], null, { after: null, limit: 1 })).map((p) => p.items[0].rel.order)).toEqual([3, 0]);
    await fresh.close();
    await own.close();
  });
});
