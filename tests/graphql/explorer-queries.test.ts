// Every operation the explorer (web/explore/queries.ts) sends or links to, run against the schema:
// a renamed field fails here rather than in a browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { NodeType } from "../../src/graphql/types/slice-type.js";
import { loadSeed } from "../../src/seed/load-seed.js";
import type { GraphStore } from "../../src/store/port.js";
import { MODEL_ID_QUERY, NEIGHBORHOOD_QUERY, NODE_TYPES, nodeQuery, PATH_QUERY, playgroundLink, SEARCH_QUERY, SOURCE_QUERY } from "../../web/explore/queries.js";
import { execute } from "../helpers/graphql.js";
import { config, openSeeded, STORE_CASES } from "../helpers/stores.js";

const seed = await loadSeed(config.seedDir);

describe.each(STORE_CASES)("explorer operations [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("finds GPT-4's id, then its neighborhood", async () => {
    const id = await execute(store, MODEL_ID_QUERY, { slug: "gpt-4" });
    expect(id.errors).toBeUndefined();
    const slice = await execute(store, NEIGHBORHOOD_QUERY, { id: id.data!.model.id, depth: 2 });
    expect(slice.errors).toBeUndefined();
    expect(slice.data!.neighborhood.nodes).toHaveLength(13);
  });

  it("searches in Korean, each hit with an id and a name", async () => {
    const result = await execute(store, SEARCH_QUERY, { text: "엑사원" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.search).toEqual([{ __typename: "Model", id: toGlobalId("Model", "exaone-2-0"), name: "EXAONE 2.0", nameKo: "엑사원 2.0" }]);
    const report = await execute(store, SEARCH_QUERY, { text: "AI Index" });
    expect(report.data!.search.some((h: { __typename: string; name: string }) => h.__typename === "Report" && h.name.length > 0)).toBe(true);
  });

  it("finds an indicator by name, in English and in Korean", async () => {
    for (const text of ["talent migration", "인재 이동"]) {
      const result = await execute(store, SEARCH_QUERY, { text });
      expect(result.errors).toBeUndefined();
      expect(result.data!.search[0]).toEqual({ __typename: "Indicator", id: toGlobalId("Indicator", "ai-talent-migration"), name: "Net AI talent migration", nameKo: "AI 인재 이동 지표" });
    }
  });

  it("asks for the path between two nodes, one edge per hop", async () => {
    const result = await execute(store, PATH_QUERY, { from: toGlobalId("Model", "exaone-2-0"), to: toGlobalId("Country", "KR") });
    expect(result.errors).toBeUndefined();
    const { nodes, edges } = result.data!.path;
    expect(nodes[0].id).toBe(toGlobalId("Model", "exaone-2-0"));
    expect(nodes.at(-1).id).toBe(toGlobalId("Country", "KR"));
    expect(edges).toHaveLength(nodes.length - 1);
  });

  it("reads a source named by a slice's slug, with what the panel cites", async () => {
    const slug = seed.nodes.find((n) => n.kind === "Source" && typeof n.props.url === "string")!.key;
    const result = await execute(store, SOURCE_QUERY, { slug });
    expect(result.errors).toBeUndefined();
    expect(result.data!.source).toMatchObject({ slug, title: expect.any(String), url: expect.stringMatching(/^https?:\/\//) });
  });

  it("knows every NodeType of the schema", () => {
    expect([...NODE_TYPES].sort()).toEqual(Object.keys(NodeType).sort());
  });

  it.each(NODE_TYPES)("the playground link of a %s node runs without errors", async (type) => {
    const kind = NodeType[type];
    // Kinds the seed lacks (imported assets) still get their query checked, on an id of no node.
    const node = seed.nodes.find((n) => n.kind === kind);
    const id = toGlobalId(kind, node?.key ?? "no-such-node");
    const result = await execute(store, nodeQuery(type), { id });
    expect(result.errors).toBeUndefined();
    if (node) expect(result.data!.node).toMatchObject({ id, __typename: kind });
    else expect(result.data!.node).toBeNull();
    const link = new URL(playgroundLink(nodeQuery(type), { id }), "http://127.0.0.1");
    expect(link.pathname).toBe("/graphiql/");
    expect(JSON.parse(link.searchParams.get("variables")!)).toEqual({ id });
  });
});
