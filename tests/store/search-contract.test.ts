// Search on every store (tests/helpers/stores.ts) answers by one rule, domain/search.ts: every node
// whose names match is a candidate, ranked by searchScore then compareHits, the best `limit`. Here
// far more than 50 names share a prefix (as at the benchmark's L scale), the best-ranked nodes are
// written last (Lucene's prefix queries score every match alike, so a capped candidate list in
// index order would miss them), and names carry punctuation that Lucene's standard analyzer keeps
// inside a word ("3.5", "o'vel", "vel_bot").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphBatch, NodeRecord } from "../../src/domain/graph.js";
import type { NodeKind } from "../../src/domain/kinds.js";
import { compareHits, searchScore } from "../../src/domain/search.js";
import type { GraphStore } from "../../src/store/port.js";
import { STORE_CASES } from "../helpers/stores.js";

const node = (kind: NodeKind, key: string, props: NodeRecord["props"]): NodeRecord => ({ kind, key, props });

/** 150 word-prefix matches of "vel" first, then 40 name-prefix ones, then the exact names, and names that must not match. */
function nodes(): NodeRecord[] {
  const list: NodeRecord[] = [];
  for (let i = 0; i < 150; i++) list.push(node("Model", `ultra-velo-${i}`, { name: `Ultra Velo ${i}`, aliases: [`UV-${i}`] }));
  for (let i = 0; i < 40; i++) list.push(node("Model", `velox-${i}`, { name: `Velox ${i}` }));
  list.push(node("Organization", "vela-labs", { name: "Vela Labs", nameKo: "벨라 랩스" }));
  list.push(node("Benchmark", "velbench", { name: "VelBench" }));
  list.push(node("Model", "vela-3-5", { name: "Vela 3.5", aliases: ["Vela-3.5-Turbo"] }));
  list.push(node("Model", "o-vel", { name: "O'Vel" }));
  list.push(node("Model", "vel-bot", { name: "Vel_Bot" }));
  // Exact names, one of them only by an alias (and named to sort before the rest).
  list.push(node("Model", "vel", { name: "Vel" }));
  list.push(node("Organization", "vel", { name: "VEL" }));
  list.push(node("Model", "aardvark", { name: "Aardvark", aliases: ["Vel"] }));
  // Words of two different names: no match for "alpha vel" (and "vel" matches by the alias).
  list.push(node("Model", "alpha", { name: "Alpha", aliases: ["Velocity"] }));
  return list;
}

const batch: GraphBatch = { nodes: nodes(), relationships: [] };

/** The rule applied to every node: what any store must answer. */
function expected(text: string, limit: number): string[] {
  return batch.nodes
    .map((n) => ({ node: n, score: searchScore(n, text) }))
    .filter((h) => h.score > 0)
    .sort(compareHits)
    .slice(0, limit)
    .map((h) => `${h.node.kind}:${h.node.key}:${h.score}`);
}

describe.each(STORE_CASES)("search ranks every match by one rule [$name]", (storeCase) => {
  let store: GraphStore;
  const answer = async (text: string, limit: number) => (await store.search(text, limit)).map((h) => `${h.node.kind}:${h.node.key}:${h.score}`);

  beforeAll(async () => {
    store = await storeCase.open();
    await store.write(batch);
  });
  afterAll(async () => {
    await store?.close();
  });

  it("answers the best hits of all 199 matches of a shared prefix, however many share it", async () => {
    expect(expected("vel", 1000)).toHaveLength(199);
    for (const limit of [1, 10, 50, 60, 1000]) expect(await answer("vel", limit)).toEqual(expected("vel", limit));
    // The exact names first (by lowercased name, kind, key), then names that start with the word.
    expect((await answer("vel", 5)).slice(0, 4)).toEqual(["Model:aardvark:3", "Model:vel:3", "Organization:vel:3", "Model:alpha:2"]);
  });

  it("ranks the same on a longer prefix and on several words", async () => {
    for (const text of ["velo", "Ultra Vel", "velox 1", "vela", "vela labs", "벨라"]) expect(await answer(text, 10)).toEqual(expected(text, 10));
    expect(await answer("velox 1", 3)).toEqual(["Model:velox-1:3", "Model:velox-10:2", "Model:velox-11:2"]);
  });

  it("splits names into words as the domain does, punctuation included", async () => {
    expect(await answer("vela 3 5", 10)).toEqual(["Model:vela-3-5:3"]);
    expect(await answer("turbo", 10)).toEqual(["Model:vela-3-5:1"]);
    expect(await answer("3 5", 10)).toEqual(["Model:vela-3-5:1"]);
    expect(await answer("o vel", 10)).toEqual(["Model:o-vel:3"]);
    expect(await answer("bot", 10)).toEqual(["Model:vel-bot:1"]);
  });

  it("matches the words of one name, never across names or inside a word", async () => {
    expect(await answer("alpha vel", 10)).toEqual([]);
    expect(await answer("elo", 10)).toEqual([]);
    expect(await answer("velocity", 10)).toEqual(["Model:alpha:3"]);
  });

  it("reads the asked properties of each hit, the same hits in the same order as whole records", async () => {
    const whole = await store.search("vel", 60);
    const projected = await store.search("vel", 60, ["name", "aliases", "nameKo", "releaseDate"]);
    expect(projected.map((h) => `${h.node.kind}:${h.node.key}:${h.score}`)).toEqual(whole.map((h) => `${h.node.kind}:${h.node.key}:${h.score}`));
    for (const [i, hit] of projected.entries()) {
      for (const p of ["name", "aliases", "nameKo", "releaseDate"]) expect([hit.node.key, p, hit.node.props[p]]).toEqual([hit.node.key, p, whole[i].node.props[p]]);
    }
    expect(projected.find((h) => h.node.key === "vela-labs")?.node.props.nameKo).toBe("벨라 랩스");
    // Neo4j sends only those (the embedded store hands out its whole records, which cost nothing).
    if (storeCase.name === "neo4j") for (const hit of projected) expect(Object.keys(hit.node.props).filter((p) => !["name", "aliases", "nameKo", "releaseDate"].includes(p))).toEqual([]);
  });

  it("answers nothing for no words or no hits asked", async () => {
    expect(await answer(" - ", 10)).toEqual([]);
    expect(await answer("vel", 0)).toEqual([]);
  });
});
