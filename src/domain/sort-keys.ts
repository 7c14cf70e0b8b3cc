// The sort key of every ordered list the store serves: the values an item is ordered by, ending with
// the ties (uid, relationship key), so that no two items share one. A page continues strictly after
// the key of the last item of the page before (keyset paging), which stays right when items are
// written between two pages, where an offset would repeat or skip one. Both stores order by these
// keys (cypher/ writes the same terms out), and cursors carry them (graphql/cursors.ts).
import type { NodeRecord, Properties } from "./graph.js";
import { uidOf } from "./graph.js";
import type { NodeKind } from "./kinds.js";
import type { ModelOrder, RelationOrder } from "./relations.js";

export type SortValue = string | number | null;
/** One item's place in its list's order. */
export type SortKey = readonly SortValue[];

/** Each term of a key sorts ascending or descending; nulls sort last either way. */
export type Direction = "ASC" | "DESC";

/** The order of a list without its own: by name (case-insensitive), then uid. */
export const NAME_ORDER: ModelOrder = { field: "NAME", direction: "ASC" };

/** The lowercased name both stores sort by ("" for a node without one). */
export function sortName(node: NodeRecord): string {
  return nameKey(node.props);
}

function nameKey(props: Properties): string {
  return String(props.name ?? "").toLowerCase();
}

function value(props: Properties, field: string): SortValue {
  const v = props[field];
  return typeof v === "string" || typeof v === "number" ? v : null;
}

const MODEL_SORT_VALUES = {
  NAME: sortName,
  RELEASE_DATE: (n: NodeRecord) => value(n.props, "releaseDate"),
  TRAINING_COST: (n: NodeRecord) => value(n.props, "trainingCostUsd"),
  TRAINING_COMPUTE: (n: NodeRecord) => value(n.props, "trainingComputeFlop"),
  PARAMETERS: (n: NodeRecord) => value(n.props, "parameters"),
} as const;

/** The order of a root list of `kind`: models by `order` (NAME ASC when none), other kinds by name (null). */
export function listOrder(kind: NodeKind, order?: ModelOrder | null): ModelOrder | null {
  return kind === "Model" ? (order ?? NAME_ORDER) : null;
}

/**
 * The key of a node in a root list: models by `order` (its value, then name, then uid); every other
 * kind by name, then uid.
 */
export function listSortKey(node: NodeRecord, order: ModelOrder | null): SortKey {
  if (!order) return [sortName(node), uidOf(node)];
  return [MODEL_SORT_VALUES[order.field](node), sortName(node), uidOf(node)];
}

export function listDirections(order: ModelOrder | null): readonly Direction[] {
  return order ? [order.direction, "ASC", "ASC"] : ["ASC", "ASC"];
}

/**
 * The relationship properties relatedSortKey reads for each order: all a projected related page
 * (port.ts `related` with properties) carries of its relationships.
 */
export const RELATED_ORDER_PROPERTIES: Readonly<Record<RelationOrder, readonly string[]>> = {
  TARGET_NAME: ["key"],
  REL_ORDER: ["order", "key"],
  SCORE_DESC: ["score", "key"],
  OBSERVATION: ["rank", "value", "year", "key"],
};

/** The key of an item of a relation in `order` (domain/relations.ts RelationOrder), ties by target uid then relationship key. */
export function relatedSortKey(order: RelationOrder, item: { node: NodeRecord; rel: Properties }): SortKey {
  return relatedSortKeyOf(order, uidOf(item.node), item.node.props, item.rel, String(item.rel.key ?? ""));
}

/**
 * relatedSortKey from the parts of an item: the target's uid and properties, the relationship's
 * properties and key. The embedded store keys the items of a relation from what it holds, without
 * first building each item.
 */
export function relatedSortKeyOf(order: RelationOrder, uid: string, node: Properties, rel: Properties, relKey: string): SortKey {
  switch (order) {
    case "TARGET_NAME":
      return [nameKey(node), uid, relKey];
    case "REL_ORDER":
      return [value(rel, "order"), uid, relKey];
    case "SCORE_DESC":
      return [value(rel, "score"), uid, relKey];
    case "OBSERVATION":
      return [value(rel, "rank"), value(rel, "value"), value(rel, "year"), uid, relKey];
  }
}

const RELATION_DIRECTIONS: Record<RelationOrder, readonly Direction[]> = {
  TARGET_NAME: ["ASC", "ASC", "ASC"],
  REL_ORDER: ["ASC", "ASC", "ASC"],
  SCORE_DESC: ["DESC", "ASC", "ASC"],
  OBSERVATION: ["ASC", "DESC", "DESC", "ASC", "ASC"],
};

export function relatedDirections(order: RelationOrder): readonly Direction[] {
  return RELATION_DIRECTIONS[order];
}

/** Code-point order for strings (as Neo4j sorts them), numeric order for numbers, nulls last. */
function compareValue(a: SortValue, b: SortValue, direction: Direction): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = a < b ? -1 : a > b ? 1 : 0;
  return direction === "DESC" ? -c : c;
}

/** Compares two keys of one order, term by term. */
export function compareSortKeys(a: SortKey, b: SortKey, directions: readonly Direction[]): number {
  for (let i = 0; i < directions.length; i++) {
    const c = compareValue(a[i] ?? null, b[i] ?? null, directions[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Whether `key` is a well-formed key of an order with `directions`: as many terms, each a string, a
 * number or null, the last two (uid and relationship key, or name and uid) strings.
 */
export function isSortKey(key: unknown, directions: readonly Direction[]): key is SortKey {
  if (!Array.isArray(key) || key.length !== directions.length) return false;
  const scalar = key.every((v) => v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)));
  return scalar && typeof key.at(-1) === "string" && typeof key.at(-2) === "string";
}
