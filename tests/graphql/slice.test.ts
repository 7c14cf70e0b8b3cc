// neighborhood and path through GraphQL (Apollo executeOperation): ids, types, closed slices, limits
// and BAD_USER_INPUT for arguments out of range.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import type { GraphStore } from "../../src/store/port.js";
import { execute, query } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

const SLICE = `nodes { id type label properties } edges { id type source target properties } truncated`;
const NEIGHBORHOOD = `query N($id: ID!, $depth: Int, $types: [NodeType!], $limit: Int) {
  neighborhood(id: $id, depth: $depth, types: $types, limit: $limit) { ${SLICE} }
}`;
const PATH = `query P($from: ID!, $to: ID!, $maxHops: Int) { path(from: $from, to: $to, maxHops: $maxHops) { ${SLICE} } }`;

const gpt4 = toGlobalId("Model", "gpt-4");
const exaone = toGlobalId("Model", "exaone-2-0");
const kr = toGlobalId("Country", "KR");

interface Slice {
  nodes: Array<{ id: string; type: string; label: string; properties: Record<string, unknown> }>;
  edges: Array<{ id: string; type: string; source: string; target: string; properties: Record<string, unknown> }>;
  truncated: boolean;
}

function expectClosed(slice: Slice): void {
  const ids = new Set(slice.nodes.map((n) => n.id));
  expect(ids.size).toBe(slice.nodes.length);
  for (const e of slice.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
  expect(new Set(slice.edges.map((e) => e.id)).size).toBe(slice.edges.length);
}

describe.each(STORE_CASES)("graph slices in GraphQL [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("neighborhood of gpt-4 returns it, its edges, and only edges whose ends it returns, in one store call", async () => {
    const result = await execute<{ neighborhood: Slice }>(store, NEIGHBORHOOD, { id: gpt4 });
    expect(result.errors).toBeUndefined();
    expect(result.storeCalls).toBe(1);
    const slice = result.data!.neighborhood;
    expect(slice.nodes[0]).toMatchObject({ id: gpt4, type: "MODEL", label: "GPT-4", properties: { releaseDate: "2023-03-14" } });
    expect(slice.nodes.map((n) => [n.type, n.label])).toEqual([
      ["MODEL", "GPT-4"],
      ["BENCHMARK", "MMMU"],
      ["ORGANIZATION", "OpenAI"],
      ["REPORT", "Artificial Intelligence Index Report 2024"],
    ]);
    expect(slice.edges.map((e) => e.type).sort()).toEqual(["DEVELOPED_BY", "INCLUDES", "SCORED"]);
    expect(slice.edges.every((e) => e.source === gpt4 || e.target === gpt4)).toBe(true);
    expect(slice.edges.find((e) => e.type === "SCORED")!.properties).toMatchObject({ score: 56.8 });
    expect(slice.truncated).toBe(false);
    expectClosed(slice);
  });

  it("node ids of a slice resolve with node(id:)", async () => {
    const { neighborhood } = await query<{ neighborhood: Slice }>(store, NEIGHBORHOOD, { id: gpt4, depth: 2 });
    const ids = neighborhood.nodes.map((n) => n.id);
    const { nodes } = await query<{ nodes: Array<{ id: string; __typename: string }> }>(store, `query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, { ids });
    expect(nodes.map((n) => n.id)).toEqual(ids);
    expect(nodes.map((n) => n.__typename.toUpperCase())).toEqual(neighborhood.nodes.map((n) => n.type));
  });

  it("filters by types, bounds the node count by limit and says it cut", async () => {
    const { neighborhood } = await query<{ neighborhood: Slice }>(store, NEIGHBORHOOD, { id: kr, depth: 2, types: ["MODEL", "ORGANIZATION"], limit: 4 });
    expect(neighborhood.nodes).toHaveLength(4);
    expect(neighborhood.truncated).toBe(true);
    expect(neighborhood.nodes[0].type).toBe("COUNTRY");
    expect(neighborhood.nodes.slice(1).every((n) => ["MODEL", "ORGANIZATION"].includes(n.type))).toBe(true);
    expectClosed(neighborhood);
  });

  it("path from exaone-2-0 to KR exists, one edge per hop", async () => {
    const { path } = await query<{ path: Slice }>(store, PATH, { from: exaone, to: kr });
    expect(path.nodes.map((n) => n.id)).toEqual([exaone, kr]);
    expect(path.edges).toMatchObject([{ type: "ORIGINATES_IN", source: exaone, target: kr }]);
    expectClosed(path);
  });

  it("path is null when no path is short enough, neighborhood null for an unknown node", async () => {
    expect((await query(store, PATH, { from: exaone, to: gpt4, maxHops: 1 })).path).toBeNull();
    expect((await query(store, PATH, { from: exaone, to: gpt4 })).path.edges).toHaveLength(2);
    expect((await query(store, NEIGHBORHOOD, { id: toGlobalId("Model", "no-such-model") })).neighborhood).toBeNull();
  });

  it.each([
    [NEIGHBORHOOD, { id: gpt4, depth: 0 }, "depth"],
    [NEIGHBORHOOD, { id: gpt4, depth: 4 }, "depth"],
    [NEIGHBORHOOD, { id: gpt4, limit: 0 }, "limit"],
    [NEIGHBORHOOD, { id: gpt4, limit: 501 }, "limit"],
    [NEIGHBORHOOD, { id: "not-an-id" }, "id"],
    [PATH, { from: exaone, to: kr, maxHops: 7 }, "maxHops"],
    [PATH, { from: exaone, to: kr, maxHops: 0 }, "maxHops"],
    [PATH, { from: "bm9wZQ", to: kr }, "from"],
  ])("answers BAD_USER_INPUT for out-of-range arguments (%#: %o)", async (text, variables, field) => {
    const result = await execute(store, text, variables);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});
