// The graph-slice calls of the store port (neighborhood, path, snapshot), run against every store:
// the embedded one always, Neo4j when NEO4J_URI is set. Both must give the same slices, in the same
// order, for every node of the seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NodeRef } from "../../src/domain/graph.js";
import { uidOf } from "../../src/domain/graph.js";
import type { NodeKind } from "../../src/domain/kinds.js";
import { loadSeed } from "../../src/seed/load-seed.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import type { GraphSlice, GraphStore } from "../../src/store/port.js";
import { config, openSeeded, STORE_CASES } from "../helpers/stores.js";

const seed = await loadSeed(config.seedDir);
const refs: NodeRef[] = seed.nodes.map((n) => ({ kind: n.kind, key: n.key }));
const connected = refs.filter((r) => r.kind !== "Source");
const gpt4 = { kind: "Model", key: "gpt-4" } as const;

const uids = (slice: GraphSlice | null) => slice?.nodes.map(uidOf) ?? null;
const edgeUids = (slice: GraphSlice) => slice.edges.map((e) => `${uidOf(e.from)} -${e.type}-> ${uidOf(e.to)}`);

/** Every edge of the slice has both ends among its nodes, and no node comes twice. */
function expectClosed(slice: GraphSlice): void {
  const nodes = new Set(slice.nodes.map(uidOf));
  expect(nodes.size).toBe(slice.nodes.length);
  for (const e of slice.edges) {
    expect(nodes.has(uidOf(e.from)), `${uidOf(e.from)} of ${e.type}`).toBe(true);
    expect(nodes.has(uidOf(e.to)), `${uidOf(e.to)} of ${e.type}`).toBe(true);
  }
}

describe.each(STORE_CASES)("graph slices [$name]", (storeCase) => {
  let store: GraphStore;
  let reference: GraphStore;

  beforeAll(async () => {
    store = await openSeeded(storeCase);
    reference = await MemoryStore.open(null);
    await seedStore(reference, config.seedDir);
  });
  afterAll(() => store.close());

  it("neighborhood of gpt-4 holds it, its relationships, and only edges whose ends it holds", async () => {
    const slice = (await store.neighborhood(gpt4, 1, null, 100))!;
    expect(uids(slice)).toEqual(["Model:gpt-4", "Benchmark:mmmu", "Organization:openai", "Report:ai-index-2024"]);
    expect(edgeUids(slice)).toEqual([
      "Model:gpt-4 -SCORED-> Benchmark:mmmu",
      "Model:gpt-4 -DEVELOPED_BY-> Organization:openai",
      "Report:ai-index-2024 -INCLUDES-> Model:gpt-4",
    ]);
    expect(slice.truncated).toBe(false);
    expect(slice.nodes[0].props).toMatchObject({ name: "GPT-4", releaseDate: "2023-03-14" });
    expect(slice.edges[0].props).toMatchObject({ score: 56.8 });
    expect(slice.edges[0].props).not.toHaveProperty("key");
    expectClosed(slice);
  });

  it("orders nodes breadth-first (hop count, then uid) and cuts at the limit, saying so", async () => {
    const full = (await store.neighborhood(gpt4, 2, null, 500))!;
    expect(full.truncated).toBe(false);
    const cut = (await store.neighborhood(gpt4, 2, null, 5))!;
    expect(cut.truncated).toBe(true);
    expect(uids(cut)).toEqual(uids(full)!.slice(0, 5));
    expectClosed(cut);
    const exact = (await store.neighborhood(gpt4, 2, null, full.nodes.length))!;
    expect(exact.truncated).toBe(false);
    expect((await store.neighborhood(gpt4, 1, null, 1))!.nodes.map(uidOf)).toEqual(["Model:gpt-4"]);
  });

  it("walks only through the kinds asked for, keeping the center", async () => {
    const slice = (await store.neighborhood({ kind: "Country", key: "KR" }, 2, ["Model", "Organization"], 500))!;
    expect(slice.nodes[0].kind).toBe("Country");
    expect(new Set(slice.nodes.slice(1).map((n) => n.kind))).toEqual(new Set(["Model", "Organization"]));
    expectClosed(slice);
    expect((await store.neighborhood(gpt4, 3, [], 500))!.nodes.map(uidOf)).toEqual(["Model:gpt-4"]);
  });

  it("answers null for a missing center or end", async () => {
    expect(await store.neighborhood({ kind: "Model", key: "no-such-model" }, 1, null, 10)).toBeNull();
    expect(await store.path({ kind: "Model", key: "no-such-model" }, gpt4, 6)).toBeNull();
    expect(await store.path(gpt4, { kind: "Country", key: "ZZ" }, 6)).toBeNull();
  });

  it("finds a path from exaone-2-0 to KR, one relationship per hop", async () => {
    const slice = (await store.path({ kind: "Model", key: "exaone-2-0" }, { kind: "Country", key: "KR" }, 4))!;
    expect(uids(slice)).toEqual(["Model:exaone-2-0", "Country:KR"]);
    expect(edgeUids(slice)).toEqual(["Model:exaone-2-0 -ORIGINATES_IN-> Country:KR"]);
    const longer = (await store.path({ kind: "Model", key: "exaone-2-0" }, { kind: "Country", key: "US" }, 6))!;
    expect(longer.nodes[0].key).toBe("exaone-2-0");
    expect(longer.nodes.at(-1)!.key).toBe("US");
    expect(longer.edges).toHaveLength(longer.nodes.length - 1);
    longer.edges.forEach((e, i) => {
      expect([uidOf(e.from), uidOf(e.to)].sort()).toEqual([uidOf(longer.nodes[i]), uidOf(longer.nodes[i + 1])].sort());
    });
  });

  it("respects maxHops, and a path to itself is the lone node", async () => {
    const exaone = { kind: "Model", key: "exaone-2-0" } as const;
    const twoHops = (await store.path(exaone, gpt4, 6))!;
    expect(twoHops.edges).toHaveLength(2);
    expect(await store.path(exaone, gpt4, 1)).toBeNull();
    expect(await store.path(exaone, exaone, 6)).toEqual({ nodes: await store.getNodes([exaone]), edges: [], truncated: false });
  });

  it("snapshot holds every seed node and relationship, nodes by uid", async () => {
    const all = await store.snapshot();
    expect(all.nodes).toHaveLength(seed.nodes.length);
    expect(all.edges).toHaveLength(seed.relationships.length);
    expect(uids(all)).toEqual(seed.nodes.map(uidOf).sort());
    expectClosed(all);
    expect(all).toEqual(await reference.snapshot());
  });

  // The same calls on every seed node, compared with the embedded store: order included.
  it.each([1, 2, 3])("neighborhood at depth %i equals the reference store's for every node", async (depth) => {
    for (const center of refs) {
      const expected = await reference.neighborhood(center, depth, null, 500);
      expect(await store.neighborhood(center, depth, null, 500), uidOf(center)).toEqual(expected);
      expectClosed(expected!);
    }
  });

  it("neighborhood with kinds and small limits equals the reference store's", async () => {
    const kindSets: Array<NodeKind[] | null> = [["Model", "Organization"], ["Country", "Indicator"], ["Report", "Model"], null];
    for (const center of connected) {
      for (const kinds of kindSets) {
        for (const limit of [1, 3, 7]) {
          expect(await store.neighborhood(center, 2, kinds, limit), `${uidOf(center)} ${kinds} ${limit}`).toEqual(await reference.neighborhood(center, 2, kinds, limit));
        }
      }
    }
  });

  it("path equals the reference store's for every pair of connected nodes, ties broken alike", async () => {
    let found = 0;
    for (const from of connected) {
      for (const to of connected) {
        const expected = await reference.path(from, to, 6);
        if (expected) found++;
        expect(await store.path(from, to, 6), `${uidOf(from)} -> ${uidOf(to)}`).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(connected.length);
  });
});
