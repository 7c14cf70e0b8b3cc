// Query.modelStats through GraphQL on both stores: groups keyed by objects, counts as the store
// gives them, summaries, a group's models paged by keyset, group pages by keyset, one store call per
// level, bad input as BAD_USER_INPUT naming the argument, and the cost limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../src/store/port.js";
import { execute, query } from "../helpers/graphql.js";
import { openWithDatasets, STORE_CASES } from "../helpers/stores.js";

const EG = "ecosystem-graphs-2025-01-24";
const all = { after: null, limit: 10_000 };

describe.each(STORE_CASES)("modelStats over GraphQL [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openWithDatasets(storeCase);
  }, 300_000);
  afterAll(() => store.close());

  const BY_COUNTRY = `query($after: String, $first: Int) {
    modelStats(groupBy: [COUNTRY], filter: { releasedYear: 2023, listedBy: "${EG}" }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { key { country { code name } year organization { slug } } count parameters { count max median } models(first: 2) { totalCount nodes { slug } } }
    }
  }`;

  it("answers the counts of the store's grouping, with each key's country as an object", async () => {
    const data = await query(store, BY_COUNTRY, { first: 100 });
    const expected = await store.modelStats({ filter: { releasedYear: 2023, listedBy: EG }, groupBy: ["COUNTRY"], order: "COUNT_DESC" }, all);
    const groups = data.modelStats.nodes as Array<{ key: { country: { code: string; name: string } | null }; count: number; models: { totalCount: number; nodes: unknown[] } }>;
    expect(groups.map((g) => [g.key.country?.code ?? null, g.count])).toEqual(expected.items.map((g) => [g.key[0], g.count]));
    const us = groups.find((g) => g.key.country?.code === "US")!;
    expect(us.key.country!.name).toBe("United States");
    expect(us.models.totalCount).toBe(us.count);
    expect(us.models.nodes).toHaveLength(2);
    expect(groups.find((g) => g.key.country?.code === "KR")!.count).toBeGreaterThan(0);
  });

  it("gives the same groups whether the selection asks for summaries or not, and the summaries through fragments too", async () => {
    const bare = await query(store, `{ modelStats(groupBy: [COUNTRY], filter: { releasedYear: 2023 }, first: 100) { nodes { key { country { code } } count } } }`);
    const withSummaries = await query(
      store,
      `query { modelStats(groupBy: [COUNTRY], filter: { releasedYear: 2023 }, first: 100) { edges { node { ...G } } } }
       fragment G on ModelGroup { key { country { code } } count ... on ModelGroup { trainingCost { count } parameters { count max } } }`,
    );
    const expected = await store.modelStats({ filter: { releasedYear: 2023 }, groupBy: ["COUNTRY"], order: "COUNT_DESC" }, all);
    expect(bare.modelStats.nodes.map((g: { count: number }) => g.count)).toEqual(expected.items.map((g) => g.count));
    expect(withSummaries.modelStats.edges.map((e: { node: unknown }) => e.node)).toEqual(
      expected.items.map((g) => ({ key: { country: g.key[0] === null ? null : { code: g.key[0] } }, count: g.count, trainingCost: { count: g.trainingCost!.count }, parameters: { count: g.parameters!.count, max: g.parameters!.max } })),
    );
  });

  it("reads every group's models in one store call per level, however many groups", async () => {
    const result = await execute(store, BY_COUNTRY, { first: 10 });
    expect(result.errors).toBeUndefined();
    // modelStats, the groups' models, their countries (one nodes batch).
    expect(result.storeCalls).toBeLessThanOrEqual(3);
  });

  it("pages groups and a group's models by keyset cursors, each refusing the other's", async () => {
    const whole = await query(store, BY_COUNTRY, { first: 100 });
    const first = await query(store, BY_COUNTRY, { first: 4 });
    const second = await query(store, BY_COUNTRY, { first: 4, after: first.modelStats.pageInfo.endCursor });
    expect([...first.modelStats.nodes, ...second.modelStats.nodes].map((g: { count: number }) => g.count)).toEqual(whole.modelStats.nodes.slice(0, 8).map((g: { count: number }) => g.count));
    const kr = `query($after: String) { modelStats(groupBy: [COUNTRY], filter: { releasedYear: 2023, countryCode: "KR" }) { nodes { key { country { code } } models(first: 2, after: $after) { pageInfo { endCursor hasNextPage } nodes { slug } } } } }`;
    const page1 = await query(store, kr);
    const group = page1.modelStats.nodes.find((g: { key: { country: { code: string } | null } }) => g.key.country?.code === "KR");
    const page2 = await query(store, kr, { after: group.models.pageInfo.endCursor });
    const next = page2.modelStats.nodes.find((g: { key: { country: { code: string } | null } }) => g.key.country?.code === "KR");
    expect(next.models.nodes.map((n: { slug: string }) => n.slug)).not.toContain(group.models.nodes[0].slug);
    const foreign = await execute(store, BY_COUNTRY, { first: 2, after: group.models.pageInfo.endCursor });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("orders groups by key on request, years as numbers and the unknown group last", async () => {
    const data = await query(store, `{ modelStats(groupBy: [YEAR], filter: { listedBy: "${EG}" }, orderBy: KEY, first: 100) { nodes { key { year } count } } }`);
    const years = data.modelStats.nodes.map((g: { key: { year: number | null } }) => g.key.year);
    expect(years.at(-1)).toBeNull();
    const known = years.filter((y: number | null) => y !== null);
    expect(known).toEqual([...known].sort((a: number, b: number) => a - b));
  });

  it("keys groups of organizations and sources by objects", async () => {
    const data = await query(store, `{ modelStats(groupBy: [ORGANIZATION, SOURCE], filter: { releasedYear: 2023, listedBy: "${EG}" }, first: 3) { nodes { key { organization { slug name } source { slug kind } } count } } }`);
    expect(data.modelStats.nodes[0].key.organization.slug).toBe("google");
    expect(data.modelStats.nodes.every((g: { key: { source: { slug: string } | null } }) => g.key.source !== null)).toBe(true);
  });

  it.each([
    ["[]", "groupBy"],
    ["[COUNTRY, COUNTRY]", "groupBy"],
    ["[ORGANIZATION, PARENT_ORGANIZATION]", "groupBy"],
    ["[COUNTRY, YEAR, KIND, DOMAIN]", "groupBy"],
  ])("refuses groupBy %s with BAD_USER_INPUT naming %s", async (groupBy, argument) => {
    const result = await execute(store, `{ modelStats(groupBy: ${groupBy}) { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: argument });
  });

  it("prices modelStats like any list: its page times what each group selects", async () => {
    const result = await execute(store, `{ modelStats(groupBy: [COUNTRY], first: 100) { nodes { models(first: 100) { nodes { developers { models(first: 100) { nodes { slug } } } } } } } }`);
    expect(result.errors?.[0].extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});
