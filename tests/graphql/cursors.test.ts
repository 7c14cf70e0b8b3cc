// Connection cursors through the API: every root list (models in each order) and relation
// connection pages with a write between two pages without repeating or skipping an item that was
// there before; old offset cursors and cursors of another list or order are BAD_USER_INPUT naming `after`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphBatch, NodeRecord } from "../../src/domain/graph.js";
import type { NodeKind } from "../../src/domain/kinds.js";
import type { GraphStore } from "../../src/store/port.js";
import { execute, query } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

interface Walk {
  name: string;
  /** A query with `$after`, whose connection `path` reads. */
  text: string;
  path: string[];
  /** A batch inserting an item that sorts at the start of the list (`first`) or at its end. */
  insert(key: string, where: "first" | "last"): GraphBatch;
}

const node = (kind: NodeKind, key: string, props: NodeRecord["props"]): NodeRecord => ({ kind, key, props: { sources: [], ...props } });
const named = (kind: NodeKind) => (key: string, where: "first" | "last"): GraphBatch => ({ nodes: [node(kind, key, { name: where === "first" ? `  ${key}` : `zzz ${key}` })], relationships: [] });
const CONNECTION = "totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor }";

const MODEL_VALUES = {
  NAME: { ASC: ["  a", "zzz"], DESC: ["zzz", "  a"] },
  RELEASE_DATE: { ASC: ["1900-01-01", null], DESC: ["2999-12-31", null] },
  TRAINING_COST: { ASC: [0.5, null], DESC: [1e15, null] },
} as const;

const WALKS: Walk[] = [
  ...(["NAME", "RELEASE_DATE", "TRAINING_COST"] as const).flatMap((field) =>
    (["ASC", "DESC"] as const).map(
      (direction): Walk => ({
        name: `models by ${field} ${direction}`,
        text: `query($after: String) { list: models(first: 2, after: $after, orderBy: { field: ${field}, direction: ${direction} }) { ${CONNECTION} } }`,
        path: ["list"],
        insert: (key, where) => {
          const value = MODEL_VALUES[field][direction][where === "first" ? 0 : 1];
          const props = field === "NAME" ? { name: value as string } : { name: "Keyset", [field === "RELEASE_DATE" ? "releaseDate" : "trainingCostUsd"]: value };
          return { nodes: [node("Model", key, props)], relationships: [] };
        },
      }),
    ),
  ),
  ...(
    [
      ["organizations", "Organization"],
      ["countries", "Country"],
      ["benchmarks", "Benchmark"],
      ["indicators", "Indicator"],
      ["reports", "Report"],
      ["sources", "Source"],
    ] as const
  ).map(([field, kind]): Walk => ({ name: field, text: `query($after: String) { list: ${field}(first: 2, after: $after) { ${CONNECTION} } }`, path: ["list"], insert: named(kind) })),
  {
    name: "Country.organizations",
    text: `query($after: String) { country(code: "KR") { organizations(first: 2, after: $after) { ${CONNECTION} } } }`,
    path: ["country", "organizations"],
    insert: (key, where) => {
      const org = node("Organization", key, { name: where === "first" ? `  ${key}` : `zzz ${key}` });
      return { nodes: [org], relationships: [{ type: "HEADQUARTERED_IN", from: org, to: { kind: "Country", key: "KR" }, key: "", props: { sources: [] } }] };
    },
  },
  {
    name: "Country.models",
    text: `query($after: String) { country(code: "KR") { models(first: 2, after: $after) { ${CONNECTION} } } }`,
    path: ["country", "models"],
    insert: (key, where) => {
      const model = node("Model", key, { name: where === "first" ? `  ${key}` : `zzz ${key}` });
      return { nodes: [model], relationships: [{ type: "ORIGINATES_IN", from: model, to: { kind: "Country", key: "KR" }, key: "", props: { sources: [] } }] };
    },
  },
];

const at = (data: any, path: string[]) => path.reduce((o, k) => o[k], data);

describe.each(STORE_CASES)("cursors [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it.each(WALKS.map((w) => [w.name, w] as const))("%s: a write between two pages repeats and skips nothing", async (_name, walk) => {
    const read = async (after: string | null) => at(await query(store, walk.text, { after }), walk.path);
    const suffix = walk.name.replace(/\W+/g, "-").toLowerCase();
    // Lists the seed holds only one or two of get more, so that the walk has pages to go.
    for (let i = 0; i < 3; i++) await store.write(walk.insert(`fill-${i}-${suffix}`, "last"));
    const before: string[] = [];
    for (let page = await read(null); ; page = await read(page.pageInfo.endCursor)) {
      before.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
    }
    expect(before.length).toBeGreaterThan(2);

    const first = await read(null);
    expect(first.pageInfo.hasPreviousPage).toBe(false);
    const seen: string[] = first.edges.map((e: any) => e.node.id);
    await store.write(walk.insert(`aaa-${suffix}`, "first"));
    await store.write(walk.insert(`zzz-${suffix}`, "last"));
    let page = await read(first.pageInfo.endCursor);
    // totalCount counts the list as it is now.
    expect(page.totalCount).toBe(before.length + 2);
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    for (;;) {
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      page = await read(page.pageInfo.endCursor);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(before.filter((id) => !seen.includes(id))).toEqual([]);
    // The item written after the cursor is reached; the one written before it is not.
    expect(seen.length).toBe(before.length + 1);
  });

  it("refuses an offset cursor of the earlier API with BAD_USER_INPUT naming `after`", async () => {
    const old = Buffer.from("offset:1").toString("base64url");
    for (const text of [`{ models(after: "${old}") { totalCount } }`, `{ country(code: "KR") { organizations(after: "${old}") { totalCount } } }`]) {
      const result = await execute(store, text);
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
      expect(result.errors![0].message).toMatch(/offset cursor/);
    }
  });

  it("refuses a cursor of models by NAME given to models by RELEASE_DATE, and one of another list", async () => {
    const byName = await query(store, `{ models(first: 1) { pageInfo { endCursor } } }`);
    const cursor = byName.models.pageInfo.endCursor;
    const byDate = await execute(store, `query($after: String) { models(after: $after, orderBy: { field: RELEASE_DATE, direction: ASC }) { totalCount } }`, { after: cursor });
    expect(byDate.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect(byDate.errors?.[0].message).toMatch(/Model list by NAME ASC, not of the Model list by RELEASE_DATE ASC/);
    const explicit = await execute(store, `query($after: String) { models(after: $after, orderBy: { field: NAME, direction: ASC }) { totalCount } }`, { after: cursor });
    expect(explicit.errors).toBeUndefined();
    const other = await execute(store, `query($after: String) { countries(after: $after) { totalCount } }`, { after: cursor });
    expect(other.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const relation = await execute(store, `query($after: String) { country(code: "KR") { models(after: $after) { totalCount } } }`, { after: cursor });
    expect(relation.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
