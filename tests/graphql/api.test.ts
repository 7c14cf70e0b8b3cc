// The API conventions (issue: the GraphQL API): node ids, connections, filters, search, errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../src/store/port.js";
import { execute, query } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

describe.each(STORE_CASES)("GraphQL API [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("resolves node(id) to what the id names, for every kind", async () => {
    const data = await query(
      store,
      `{ country(code: "KR") { id } organization(slug: "naver") { id } model(slug: "varco") { id } benchmark(slug: "mmmu") { id }
         indicator(slug: "foundation-models") { id } report(slug: "ai-index-2024") { id } source(slug: "msit-2024-04-17") { id } }`,
    );
    const expected: Record<string, [string, string, string]> = {
      country: ["Country", "code", "KR"],
      organization: ["Organization", "slug", "naver"],
      model: ["Model", "slug", "varco"],
      benchmark: ["Benchmark", "slug", "mmmu"],
      indicator: ["Indicator", "slug", "foundation-models"],
      report: ["Report", "slug", "ai-index-2024"],
      source: ["Source", "slug", "msit-2024-04-17"],
    };
    for (const [field, [typename, keyField, key]] of Object.entries(expected)) {
      const { id } = data[field];
      const resolved = await query(store, `query($id: ID!) { node(id: $id) { __typename id ... on Country { code } ... on Organization { slug } ... on Model { slug } ... on Benchmark { slug } ... on Indicator { slug } ... on Report { slug } ... on Source { slug } } }`, { id });
      expect(resolved.node).toMatchObject({ __typename: typename, id, [keyField]: key });
    }
    const many = await query(store, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [data.model.id, data.country.id] });
    expect(many.nodes).toEqual([{ id: data.model.id }, { id: data.country.id }]);
  });

  it("answers node(id) for a well-formed id of nothing with null, and a malformed id with BAD_USER_INPUT", async () => {
    const missing = Buffer.from("Model:nothing-here").toString("base64url");
    expect((await query(store, `query($id: ID!) { node(id: $id) { id } }`, { id: missing })).node).toBeNull();
    const bad = await execute(store, `{ node(id: "not-an-id") { id } }`);
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("pages models two at a time, visiting every model exactly once and matching totalCount", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount: number;
    let previous = false;
    for (;;) {
      const data: any = await query(store, `query($after: String) { models(first: 2, after: $after) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`, { after });
      const page = data.models;
      totalCount = page.totalCount;
      expect(page.pageInfo.hasPreviousPage).toBe(previous);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      seen.push(...page.edges.map((e: any) => e.node.slug));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      previous = true;
    }
    expect(seen.length).toBe(totalCount);
    expect(new Set(seen).size).toBe(totalCount);
    expect(totalCount).toBeGreaterThan(2);
  });

  it("refuses a page size above 100 and a foreign cursor with BAD_USER_INPUT", async () => {
    const big = await execute(store, `{ models(first: 101) { totalCount } }`);
    expect(big.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const negative = await execute(store, `{ organizations(first: -1) { totalCount } }`);
    expect(negative.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const cursor = await execute(store, `{ models(after: "bm9wZQ") { totalCount } }`);
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("defaults a page to 20 items", async () => {
    const data = await query(store, `{ countries { totalCount edges { cursor } } }`);
    expect(data.countries.edges.length).toBe(Math.min(20, data.countries.totalCount));
  });

  it("filters and orders models", async () => {
    const data = await query(
      store,
      `{ byOrg: models(filter: { organizationSlug: "naver" }) { nodes { slug } }
         y2023: models(filter: { releasedYear: 2023, releasedBefore: "2023-08-01" }, orderBy: { field: RELEASE_DATE }) { nodes { slug releaseDate } }
         cost: models(orderBy: { field: TRAINING_COST, direction: DESC }, first: 2) { nodes { slug } }
         korean: models(filter: { nameContains: "바르코" }) { nodes { slug } } }`,
    );
    expect(data.byOrg.nodes).toEqual([{ slug: "hyperclova-x" }]);
    expect(data.y2023.nodes).toEqual([{ slug: "gpt-4", releaseDate: "2023-03-14" }, { slug: "exaone-2-0", releaseDate: "2023-07-19" }]);
    expect(data.cost.nodes).toEqual([{ slug: "gemini-ultra" }, { slug: "gpt-4" }]);
    expect(data.korean.nodes).toEqual([{ slug: "varco" }]);
  });

  it("filters organizations by country and kind, and nested models by filter", async () => {
    const data = await query(
      store,
      `{ organizations(filter: { countryCode: "KR", kind: GOVERNMENT }) { nodes { slug country { code } } }
         organization(slug: "google") { models(filter: { releasedYear: 2023 }) { totalCount nodes { slug } } } }`,
    );
    expect(data.organizations.nodes).toEqual([{ slug: "msit", country: { code: "KR" } }]);
    expect(data.organization.models).toEqual({ totalCount: 1, nodes: [{ slug: "gemini-ultra" }] });
  });

  it.each([
    ["엑사원", "exaone-2-0"],
    ["hyperclova", "hyperclova-x"],
    ["제미나이", "gemini-ultra"],
    ["VARCO-LLM", "varco"],
  ])("search '%s' finds %s", async (text, slug) => {
    const data = await query(store, `query($text: String!) { search(text: $text) { __typename ... on Model { slug } } }`, { text });
    expect(data.search[0]).toEqual({ __typename: "Model", slug });
  });

  it("searches across kinds: countries, organizations and reports", async () => {
    const data = await query(store, `{ kr: search(text: "한국") { __typename ... on Country { code } } naver: search(text: "네이버") { __typename ... on Organization { slug } } report: search(text: "AI 인덱스") { __typename ... on Report { slug } } }`);
    expect(data.kr[0]).toEqual({ __typename: "Country", code: "KR" });
    expect(data.naver[0]).toEqual({ __typename: "Organization", slug: "naver" });
    expect(data.report[0]).toEqual({ __typename: "Report", slug: "ai-index-2024" });
  });

  it("answers a search's hits from what their fields read, and every other field of the same nodes from whole records", async () => {
    const fields = `slug name nameKo releaseDate parameters organization { slug }`;
    const data = await query(store, `{ search(text: "exaone") { ... on Model { ${fields} } } model(slug: "exaone-2-0") { ${fields} kind aliases } }`);
    const own = await query(store, `{ model(slug: "exaone-2-0") { ${fields} kind aliases } }`);
    expect(data.model).toEqual(own.model);
    const hit = (data.search as Array<Record<string, unknown>>).find((h) => h.slug === "exaone-2-0");
    expect(hit).toEqual(Object.fromEntries(Object.entries(own.model).filter(([k]) => !["kind", "aliases"].includes(k))));
    expect(own.model.organization).toEqual({ slug: "lg-ai-research" });
  });

  it("reports the store calls of every response", async () => {
    const result = await execute(store, `{ model(slug: "gpt-4") { slug organization { slug } } }`);
    expect(result.storeCalls).toBe(2);
  });
});
