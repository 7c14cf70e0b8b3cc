// The embedded store's indexes (the word index of search, the models by release date of in-scope
// omissions) answer exactly as a scan of every node would, before and after writes.
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeRecord } from "../../src/domain/graph.js";
import { compareHits, searchScore } from "../../src/domain/search.js";
import { SyntheticGraph } from "../../src/generate/synthetic-graph.js";
import { writeGenerated } from "../../src/generate/write-generated.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

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
});
