// The store port's contract, run against every store (tests/helpers/stores.ts): the embedded one
// always, Neo4j when NEO4J_URI is set. Both must give the same answers to the same calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NodeRecord } from "../../src/domain/graph.js";
import { RELATION_NAMES, RELATIONS } from "../../src/domain/relations.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import { StoreInputError, type GraphStore, type Page } from "../../src/store/port.js";
import { compareSortKeys, listOrder, listSortKey, RELATED_ORDER_PROPERTIES, relatedDirections, relatedSortKey, type SortKey } from "../../src/domain/sort-keys.js";
import { loadSeed } from "../../src/seed/load-seed.js";
import { config, STORE_CASES } from "../helpers/stores.js";

const seed = await loadSeed(config.seedDir);
const keysOf = (kind: string) => seed.nodes.filter((n) => n.kind === kind).map((n) => n.key);
const all = { after: null, limit: 1000 };

describe.each(STORE_CASES)("store contract [$name]", (storeCase) => {
  let store: GraphStore;
  /** The embedded store holding the seed: the reference every store must agree with. */
  let reference: GraphStore;

  beforeAll(async () => {
    store = await storeCase.open();
    reference = await MemoryStore.open(null);
    await seedStore(reference, config.seedDir);
  });
  afterAll(async () => {
    await store.close();
  });

  it("seeds to exactly the seed's nodes and relationships, and a second seed changes nothing", async () => {
    expect(await store.counts()).toEqual({ nodes: 0, relationships: 0 });
    const first = await seedStore(store, config.seedDir);
    expect(first.nodesCreated).toBe(seed.nodes.length);
    expect(first.relationshipsCreated).toBe(seed.relationships.length);
    const counts = await store.counts();
    expect(counts).toEqual({ nodes: seed.nodes.length, relationships: seed.relationships.length });

    const second = await seedStore(store, config.seedDir);
    expect(second).toEqual({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
    expect(await store.counts()).toEqual(counts);
  });

  it("getNodes answers one entry per ref, in order, null for missing, duplicates allowed", async () => {
    const refs = [
      { kind: "Model" as const, key: "gpt-4" },
      { kind: "Model" as const, key: "no-such-model" },
      { kind: "Country" as const, key: "KR" },
      { kind: "Model" as const, key: "gpt-4" },
    ];
    const nodes = await store.getNodes(refs);
    expect(nodes.map((n) => n?.key ?? null)).toEqual(["gpt-4", null, "KR", "gpt-4"]);
    expect(nodes[0]!.props).toMatchObject({ name: "GPT-4", trainingCostUsd: 78352034, releaseDate: "2023-03-14" });
    expect(await store.getNodes([])).toEqual([]);
  });

  it.each(RELATION_NAMES)("relation %s with wanted properties gives the same pages, each node with at least those properties", async (relation) => {
    const parents = [...keysOf(RELATIONS[relation].parent), "missing-parent"];
    const wanted = ["uid", "kind", "slug", "code", "name", "releaseDate", "orgKind"];
    // Relationships come with what orders the relation (port.ts), whole without a projection.
    const ORDERING = [...RELATED_ORDER_PROPERTIES[RELATIONS[relation].order]];
    const pick = (props: Record<string, unknown>, names: string[]) => Object.fromEntries(names.filter((k) => k in props).map((k) => [k, props[k]]));
    const whole = await store.related(relation, parents, null, all);
    const projected = await store.related(relation, parents, null, all, { properties: wanted, total: true, relationships: ORDERING });
    // The embedded store may answer more than asked (port.ts); what is asked must be the same.
    const asked = (pages: typeof whole) =>
      pages.map((page) => ({
        ...page,
        items: page.items.map(({ node, rel }) => ({ rel: pick(rel, ORDERING), kind: node.kind, key: node.key, props: pick(node.props, wanted) })),
      }));
    expect(asked(projected)).toEqual(asked(whole));
    // Projected nodes with whole relationships (items of their own read them: results, omissions).
    const withRelationships = await store.related(relation, parents, null, all, { properties: wanted, total: true, relationships: null });
    expect(withRelationships.map((page) => page.items.map((i) => i.rel))).toEqual(whole.map((page) => page.items.map((i) => i.rel)));
    expect(withRelationships.map((page) => page.items.map((i) => i.node.key))).toEqual(whole.map((page) => page.items.map((i) => i.node.key)));
    if (storeCase.name === "neo4j") {
      for (const page of projected) {
        for (const { node, rel } of page.items) {
          expect(Object.keys(node.props).every((k) => wanted.includes(k))).toBe(true);
          expect(Object.keys(rel).every((k) => ORDERING.includes(k))).toBe(true);
        }
      }
    }
  });

  it.each(RELATION_NAMES)("relation %s read without its total gives the same windows, and a total only where the store counted it", async (relation) => {
    const parents = [...keysOf(RELATIONS[relation].parent), "missing-parent"];
    for (const w of [all, { after: null, limit: 1 }]) {
      const whole = await store.related(relation, parents, null, w);
      const uncounted = await store.related(relation, parents, null, w, { properties: null, total: false, relationships: null });
      expect(uncounted.map(({ totalCount: _t, ...page }) => page)).toEqual(whole.map(({ totalCount: _t, ...page }) => page));
      // A total the store gives anyway must be the right one; Neo4j counts nothing when not asked.
      for (const [i, page] of uncounted.entries()) if (page.totalCount !== null) expect(page.totalCount).toBe(whole[i].totalCount);
    }
  });

  it.each(RELATION_NAMES)("relation %s gives the same pages as the reference store, parent by parent", async (relation) => {
    const parents = [...keysOf(RELATIONS[relation].parent), "missing-parent"];
    const actual = await store.related(relation, parents, null, all);
    expect(actual).toHaveLength(parents.length);
    expect(actual).toEqual(await reference.related(relation, parents, null, all));
    expect(actual.at(-1)).toEqual({ items: [], totalCount: 0, hasMore: false });
  });

  it("windows each parent's items separately after the same sort key and counts them before windowing", async () => {
    const full = await store.related("country-organizations", ["US", "KR"], null, all);
    // A key between KR's first and second organization: each parent continues after it in its own list.
    const after = relatedSortKey("TARGET_NAME", full[1].items[0]);
    const [us, kr] = await store.related("country-organizations", ["US", "KR"], null, { after, limit: 2 });
    const following = (items: typeof full[0]["items"]) => items.filter((i) => compareSortKeys(relatedSortKey("TARGET_NAME", i), after, relatedDirections("TARGET_NAME")) > 0);
    expect(us.items.map((i) => i.node.key)).toEqual(following(full[0].items).slice(0, 2).map((i) => i.node.key));
    expect(kr.items.map((i) => i.node.key)).toEqual(full[1].items.slice(1, 3).map((i) => i.node.key));
    expect(us.totalCount).toBe(full[0].items.length);
    expect(kr.hasMore).toBe(full[1].items.length > 3);
  });

  it("orders relations as documented: results best first, developers in order, observations by rank then value", async () => {
    const [mmmu] = await store.related("benchmark-results", ["mmmu"], null, all);
    expect(mmmu.items.map((i) => [i.node.key, i.rel.score])).toEqual([["gemini-ultra", 59.4], ["gpt-4", 56.8]]);
    const [migration] = await store.related("indicator-observations", ["ai-talent-migration"], { year: 2023 }, all);
    expect(migration.items.map((i) => i.node.key)).toEqual(["LU", "AE", "US", "KR", "IL", "IN"]);
    const [kr] = await store.related("country-observations", ["KR"], { indicator: "ai-talent-migration" }, all);
    expect(kr.items.map((i) => [i.rel.year, i.rel.value])).toEqual([[2020, 0.3], [2023, -0.3]]);
  });

  it("finds a country's models through their own country or their first developer's", async () => {
    const [kr, us] = await store.related("country-models", ["KR", "US"], null, all);
    expect(kr.items.map((i) => i.node.key)).toEqual(["exaone-2-0", "hyperclova-x", "konan-llm", "samsung-gauss", "varco"]);
    expect(us.items.map((i) => i.node.key)).toEqual(["gemini-ultra", "gpt-4"]);
  });

  it("pages a list two at a time, visiting every model once, in a stable order", async () => {
    const seen: string[] = [];
    let total = -1;
    for (let after: SortKey | null = null, pages = 0; pages < 100; pages++) {
      const page: Page<NodeRecord> = await store.list({ kind: "Model" }, { after, limit: 2 });
      total = page.totalCount;
      seen.push(...page.items.map((n) => n.key));
      if (!page.hasMore) break;
      after = listSortKey(page.items.at(-1)!, listOrder("Model"));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...keysOf("Model")].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : 1)));
  });

  it("filters models by country, organization, year, dates and any of their names", async () => {
    const keys = async (filter: object) => (await store.list({ kind: "Model", filter }, all)).items.map((n) => n.key);
    expect(await keys({ countryCode: "KR" })).toEqual(["exaone-2-0", "hyperclova-x", "konan-llm", "samsung-gauss", "varco"]);
    expect(await keys({ countryCode: "US", organizationSlug: "openai" })).toEqual(["gpt-4"]);
    expect(await keys({ releasedYear: 2023, releasedAfter: "2023-07-19", releasedBefore: "2023-12-06" })).toEqual(["hyperclova-x", "samsung-gauss"]);
    expect(await keys({ nameContains: "엑사원" })).toEqual(["exaone-2-0"]);
    expect(await keys({ nameContains: "varco-llm" })).toEqual(["varco"]);
    expect(await keys({ nameContains: "GEMINI" })).toEqual(["gemini-ultra"]);
    expect(await keys({ releasedYear: 1999 })).toEqual([]);
  });

  it("orders models by training cost and release date, nulls last either way", async () => {
    const keys = async (field: "TRAINING_COST" | "RELEASE_DATE", direction: "ASC" | "DESC") =>
      (await store.list({ kind: "Model", order: { field, direction } }, all)).items.map((n) => n.key);
    expect((await keys("TRAINING_COST", "DESC")).slice(0, 2)).toEqual(["gemini-ultra", "gpt-4"]);
    expect((await keys("TRAINING_COST", "ASC")).slice(0, 2)).toEqual(["gpt-4", "gemini-ultra"]);
    expect(await keys("RELEASE_DATE", "DESC")).toEqual(["gemini-ultra", "samsung-gauss", "hyperclova-x", "exaone-2-0", "gpt-4", "konan-llm", "varco"]);
    expect(await keys("RELEASE_DATE", "ASC")).toEqual(["gpt-4", "exaone-2-0", "hyperclova-x", "samsung-gauss", "gemini-ultra", "konan-llm", "varco"]);
  });

  it("filters organizations by country, kind and name, and other kinds by name", async () => {
    const orgs = async (filter: object) => (await store.list({ kind: "Organization", filter }, all)).items.map((n) => n.key);
    expect(await orgs({ countryCode: "KR", kind: "COMPANY" })).toEqual(["konan-technology", "naver", "ncsoft", "samsung"]);
    expect(await orgs({ nameContains: "naver" })).toEqual(["naver"]);
    const countries = await store.list({ kind: "Country", filter: { nameContains: "한국" } }, all);
    expect(countries.items.map((n) => n.key)).toEqual(["KR"]);
  });

  it.each([
    ["엑사원", "exaone-2-0"],
    ["hyperclova", "hyperclova-x"],
    ["제미나이", "gemini-ultra"],
    ["HyperCLOVA X", "hyperclova-x"],
    ["ai index", "ai-index-2024"],
    ["talent migration", "ai-talent-migration"],
    ["AI 인재 이동", "ai-talent-migration"],
  ])("search '%s' finds %s first", async (text, key) => {
    const hits = await store.search(text, 10);
    expect(hits[0]?.node.key).toBe(key);
    expect(hits.map((h) => [h.node.kind, h.node.key])).toEqual((await reference.search(text, 10)).map((h) => [h.node.kind, h.node.key]));
  });

  it("search ignores punctuation-only text and finds nothing for unknown words", async () => {
    expect(await store.search("  ?!  ", 10)).toEqual([]);
    expect(await store.search("zzzyxw", 10)).toEqual([]);
  });

  it("refuses a write that refers to a missing node, and writes none of it", async () => {
    const before = await store.counts();
    const batch = {
      nodes: [{ kind: "Model" as const, key: "half-written", props: { name: "Half", sources: [] } }],
      relationships: [
        { type: "DEVELOPED_BY" as const, from: { kind: "Model" as const, key: "half-written" }, to: { kind: "Organization" as const, key: "nobody" }, key: "", props: { order: 0, sources: [] } },
      ],
    };
    await expect(store.write(batch)).rejects.toBeInstanceOf(StoreInputError);
    expect(await store.counts()).toEqual(before);
    expect(await store.getNodes([{ kind: "Model", key: "half-written" }])).toEqual([null]);
  });

  it("adds a second write's sources to the first's, and leaves facts it does not mention alone", async () => {
    const node: NodeRecord = { ...(await store.getNodes([{ kind: "Model", key: "konan-llm" }]))[0]! };
    await store.write({ nodes: [{ kind: "Model", key: "konan-llm", props: { name: "Konan LLM", releaseDate: "2023-08-17", sources: ["seed-curation"] } }], relationships: [] });
    await seedStore(store, config.seedDir);
    const after = (await store.getNodes([{ kind: "Model", key: "konan-llm" }]))[0]!;
    expect(after.props.sources).toEqual([...(node.props.sources as string[]), "seed-curation"]);
    expect(after.props.releaseDate).toBe("2023-08-17");
  });

  it("updates properties in place and reports what changed", async () => {
    const node: NodeRecord = { ...(await store.getNodes([{ kind: "Model", key: "varco" }]))[0]! };
    const changed = await store.write({ nodes: [{ ...node, props: { ...node.props, releaseDate: "2023-08-16" } }], relationships: [] });
    expect(changed).toEqual({ nodesCreated: 0, nodesUpdated: 1, relationshipsCreated: 0, relationshipsUpdated: 0 });
    expect((await store.getNodes([{ kind: "Model", key: "varco" }]))[0]!.props.releaseDate).toBe("2023-08-16");
    await store.write({ nodes: [node], relationships: [] });
  });
});

function nameOf(key: string): string {
  return String(seed.nodes.find((n) => n.kind === "Model" && n.key === key)!.props.name).toLowerCase();
}
