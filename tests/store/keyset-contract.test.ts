// Keyset paging on both stores: for every root list and order and every relation order, a walk page
// by page with writes between two pages (an item inserted before the cursor and one after, an
// unseen item's sort key changed) visits every item that was in the list before the walk exactly
// once. Offsets would repeat one (the insert before the cursor shifts the rest by one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphBatch, NodeRecord, Properties, RelationshipRecord } from "../../src/domain/graph.js";
import { uidOf } from "../../src/domain/graph.js";
import type { NodeKind } from "../../src/domain/kinds.js";
import { RELATIONS, type ModelOrder, type RelationName } from "../../src/domain/relations.js";
import { compareSortKeys, listDirections, listOrder, listSortKey, relatedDirections, relatedSortKey, type SortKey, type SortValue } from "../../src/domain/sort-keys.js";
import type { GraphStore, Page, Window } from "../../src/store/port.js";
import { openSeeded, STORE_CASES, counted } from "../helpers/stores.js";

/** An item's sort key without its ties (uid, relationship key): what a fixture writes. */
type Value = SortKey;

/** One ordered list to walk: how to read a window, what an item's key and id are, how to write an item. */
interface ListCase {
  name: string;
  read(store: GraphStore, w: Window): Promise<Page<unknown>>;
  keyOf(item: unknown): SortKey;
  directions: readonly ("ASC" | "DESC")[];
  idOf(item: unknown): string;
  /** A batch writing the item `id` with the sort values `v` (a new one, or the same one again with other values). */
  write(id: string, v: Value): GraphBatch;
  /** Sort values of the fixture's items: ties and nulls included. */
  values: Value[];
  /** How many terms of a key are ties (uid, relationship key). */
  ties: number;
}

const SOURCES = { sources: [] as string[] };
const node = (kind: NodeKind, key: string, props: Properties): NodeRecord => ({ kind, key, props: { ...SOURCES, ...props } });
const rel = (type: RelationshipRecord["type"], from: NodeRecord, to: NodeRecord, props: Properties, key = ""): RelationshipRecord => ({
  type,
  from: { kind: from.kind, key: from.key },
  to: { kind: to.kind, key: to.key },
  key,
  props: { ...SOURCES, ...props },
});

/** A root list; `values` are the items' names, or the models' values of the order's field. */
function rootList(kind: NodeKind, order: ModelOrder | null, values: readonly SortValue[]): ListCase {
  const o = listOrder(kind, order);
  const field = { NAME: "name", RELEASE_DATE: "releaseDate", TRAINING_COST: "trainingCostUsd", TRAINING_COMPUTE: "trainingComputeFlop", PARAMETERS: "parameters" }[o?.field ?? "NAME"];
  return {
    name: order ? `${kind} list by ${order.field} ${order.direction}` : `${kind} list`,
    read: (store, w) => store.list(kind === "Model" ? { kind, order } : ({ kind } as Parameters<GraphStore["list"]>[0]), w),
    keyOf: (item) => listSortKey(item as NodeRecord, o),
    directions: listDirections(o),
    idOf: (item) => uidOf(item as NodeRecord),
    // A model's key is [sort value, name, uid]; other kinds' [name, uid].
    write: (id, v) => ({ nodes: [node(kind, id, o ? { name: v[1], [field]: v[0] } : { name: v[0] })], relationships: [] }),
    values: values.map((v) => (o ? [v, o.field === "NAME" ? v : "keyset"] : [v])),
    ties: 1,
  };
}

function relationList(relation: RelationName, parent: NodeRecord, item: (id: string, v: Value) => GraphBatch, values: Value[]): ListCase {
  const order = RELATIONS[relation].order;
  return {
    name: `relation ${relation} (${order})`,
    read: async (store, w) => counted((await store.related(relation, [parent.key], null, w))[0]),
    keyOf: (i) => relatedSortKey(order, i as { node: NodeRecord; rel: Properties }),
    directions: relatedDirections(order),
    idOf: (i) => `${uidOf((i as { node: NodeRecord }).node)}|${String((i as { rel: Properties }).rel.key ?? "")}`,
    write: (id, v) => {
      const batch = item(id, v);
      return { nodes: [parent, ...batch.nodes], relationships: batch.relationships };
    },
    values,
    ties: 2,
  };
}

const NAMES: SortValue[] = ["delta", "Alpha", "charlie", "bravo", "alpha", "echo", "delta", "foxtrot"];
const DATES: SortValue[] = ["2023-05-01", null, "2021-01-01", "2023-05-01", null, "2024-12-31", "2022-07-15", "2023-05-01"];
const COSTS: SortValue[] = [5_000_000, null, 12.5, 5_000_000, 78_352_034, null, 1, 300];

const keysetCountry = node("Country", "QK", { name: "Keysetland" });
const keysetModel = node("Model", "keyset-model", { name: "Keyset Model" });
const keysetBenchmark = node("Benchmark", "keyset-bench", { name: "Keyset Bench" });
const keysetIndicator = node("Indicator", "keyset-indicator", { name: "Keyset Indicator" });

const CASES: ListCase[] = [
  ...(["NAME", "RELEASE_DATE", "TRAINING_COST", "TRAINING_COMPUTE", "PARAMETERS"] as const).flatMap((field) =>
    (["ASC", "DESC"] as const).map((direction) => rootList("Model", { field, direction }, field === "NAME" ? NAMES : field === "RELEASE_DATE" ? DATES : COSTS)),
  ),
  ...(["Organization", "Country", "Benchmark", "Indicator", "Report", "Source"] as const).map((kind) => rootList(kind, null, NAMES)),
  relationList(
    "country-organizations",
    keysetCountry,
    (id, v) => {
      const org = node("Organization", id, { name: v[0] });
      return { nodes: [org], relationships: [rel("HEADQUARTERED_IN", org, keysetCountry, {})] };
    },
    NAMES.map((n): Value => [String(n).toLowerCase()]),
  ),
  relationList(
    "model-developers",
    keysetModel,
    (id, v) => {
      const org = node("Organization", id, { name: "Keyset Developer" });
      return { nodes: [org], relationships: [rel("DEVELOPED_BY", keysetModel, org, { order: v[0] })] };
    },
    [2, 0, null, 1, 1, null, 3, 0].map((v): Value => [v]),
  ),
  relationList(
    "benchmark-results",
    keysetBenchmark,
    (id, v) => {
      const model = node("Model", id, { name: "Keyset Contestant" });
      return { nodes: [model], relationships: [rel("SCORED", model, keysetBenchmark, { score: v[0] })] };
    },
    [59.4, 12, null, 59.4, 80.25, null, 0.5, 12].map((v): Value => [v]),
  ),
  relationList(
    "indicator-observations",
    keysetIndicator,
    (id, v) => {
      const [rank, value, year] = v;
      const country = node("Country", id, { name: `Keyset ${id}` });
      return { nodes: [country], relationships: [rel("OBSERVED", keysetIndicator, country, { rank, value, year }, "obs")] };
    },
    [
      [1, 5.5, 2023],
      [null, 2, 2022],
      [1, 5.5, 2021],
      [2, null, 2023],
      [null, null, null],
      [1, 7, 2023],
      [null, 2, 2020],
      [3, 1, null],
    ],
  ),
];

/** Node keys of the fixture's items: lowercase, so that "!" (before) and "~" (after) sort around them. */
const idFor = (c: ListCase, i: number) => `k${CASES.indexOf(c)}x${i}`;
const keyOfId = (id: string) => id.slice(id.indexOf(":") + 1).split("|")[0];

const PAGE = 3;

describe.each(STORE_CASES)("keyset paging [$name]", (storeCase) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await openSeeded(storeCase);
    for (const c of CASES) {
      for (const [i, v] of c.values.entries()) await store.write(c.write(idFor(c, i), v));
    }
  });
  afterAll(async () => {
    await store.close();
  });

  const readAll = async (c: ListCase) => (await c.read(store, { after: null, limit: 1000 })).items;

  it.each(CASES.map((c) => [c.name, c] as const))("%s: sorted by its keys, and paged windows add up to the whole list", async (_name, c) => {
    const all = await readAll(c);
    const keys = all.map(c.keyOf);
    expect([...keys].sort((a, b) => compareSortKeys(a, b, c.directions))).toEqual(keys);
    const seen: string[] = [];
    let after: SortKey | null = null;
    for (let page = await c.read(store, { after, limit: PAGE }); ; page = await c.read(store, { after, limit: PAGE })) {
      seen.push(...page.items.map(c.idOf));
      expect(page.totalCount).toBe(all.length);
      if (!page.hasMore) break;
      after = c.keyOf(page.items.at(-1));
    }
    expect(seen).toEqual(all.map(c.idOf));
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s: a write between two pages neither repeats nor skips an item", async (_name, c) => {
    const before = await readAll(c);
    const old = before.map(c.idOf);
    const first = await c.read(store, { after: null, limit: PAGE });
    const cursorItem = first.items.at(-1);
    const cursor = c.keyOf(cursorItem);
    const cursorKey = keyOfId(c.idOf(cursorItem));
    const value = cursor.slice(0, -c.ties);
    // Ties with the cursor's item, one ordered before it (by uid) and one after; then an unseen
    // item moved to the end of the list.
    await store.write(c.write(`!${cursorKey}`, value));
    await store.write(c.write(`${cursorKey}~`, value));
    const unseen = old[PAGE + 1];
    await store.write(c.write(keyOfId(unseen), c.keyOf(before.at(-1)).slice(0, -c.ties)));

    const seen = first.items.map(c.idOf);
    let page = await c.read(store, { after: cursor, limit: PAGE });
    expect(page.totalCount).toBe(old.length + 2);
    for (;;) {
      seen.push(...page.items.map(c.idOf));
      if (!page.hasMore) break;
      page = await c.read(store, { after: c.keyOf(page.items.at(-1)), limit: PAGE });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(old.filter((id) => !seen.includes(id))).toEqual([]);
    // The tie ordered before the cursor was written behind it, so the walk does not see it; the tie after does.
    expect(seen.some((id) => id.includes(`!${cursorKey}`))).toBe(false);
    expect(seen.some((id) => id.includes(`${cursorKey}~`))).toBe(true);
  });
});
