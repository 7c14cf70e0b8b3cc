// Orders of the embedded store, written to match the ORDER BY clauses of cypher/ exactly.
import type { NodeRecord, Properties } from "../../domain/graph.js";
import { uidOf } from "../../domain/graph.js";
import type { RelationOrder } from "../../domain/relations.js";
import { compareText } from "../../domain/search.js";
import type { RelatedItem } from "../port.js";

type Value = string | number | null | undefined;

/** Ascending, nulls last; numbers by value, strings by code point. */
export function compareValues(a: Value, b: Value): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return compareText(String(a), String(b));
}

/** Descending, nulls still last. */
export function compareValuesDesc(a: Value, b: Value): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return -compareValues(a, b);
}

function lowerName(node: NodeRecord): string {
  return String(node.props.name ?? "").toLowerCase();
}

function relValue(props: Properties, field: string): Value {
  return props[field] as Value;
}

interface Decorated<T> {
  item: T;
  name: string;
  uid: string;
  relKey: string;
}

function decorate<T>(item: T, node: NodeRecord, relKey: string): Decorated<T> {
  return { item, name: lowerName(node), uid: uidOf(node), relKey };
}

/** Each relation order's first criterion; ties go to the target's uid, then the relationship key. */
const RELATION_ORDERS: Record<RelationOrder, (a: Decorated<RelatedItem>, b: Decorated<RelatedItem>) => number> = {
  TARGET_NAME: (a, b) => compareText(a.name, b.name),
  REL_ORDER: (a, b) => compareValues(relValue(a.item.rel, "order"), relValue(b.item.rel, "order")),
  SCORE_DESC: (a, b) => compareValuesDesc(relValue(a.item.rel, "score"), relValue(b.item.rel, "score")),
  OBSERVATION: (a, b) =>
    compareValues(relValue(a.item.rel, "rank"), relValue(b.item.rel, "rank")) ||
    compareValuesDesc(relValue(a.item.rel, "value"), relValue(b.item.rel, "value")) ||
    compareValuesDesc(relValue(a.item.rel, "year"), relValue(b.item.rel, "year")),
};

/**
 * Sorts a relation's items as cypher/related/ orders them, with each item's lowercased name and uid
 * computed once rather than in every comparison (a country with 1,700 organizations made ~36,000
 * lowercased copies of names per sort).
 */
export function sortRelated(items: RelatedItem[], order: RelationOrder): RelatedItem[] {
  const primary = RELATION_ORDERS[order];
  const decorated = items.map((item) => decorate(item, item.node, String(item.rel.key ?? "")));
  decorated.sort((a, b) => primary(a, b) || compareText(a.uid, b.uid) || compareText(a.relKey, b.relKey));
  return decorated.map((d) => d.item);
}

/**
 * Sorts records by `sortKey` (nulls last either way), then by name and uid, as the list queries
 * order them; each record's keys are computed once.
 */
export function sortRecords(records: NodeRecord[], sortKey: ((r: NodeRecord) => Value) | null = null, descending = false): NodeRecord[] {
  const compare = descending ? compareValuesDesc : compareValues;
  const decorated = records.map((r) => ({ ...decorate(r, r, ""), key: sortKey ? sortKey(r) : null }));
  decorated.sort((a, b) => (sortKey ? compare(a.key, b.key) : 0) || compareText(a.name, b.name) || compareText(a.uid, b.uid));
  return decorated.map((d) => d.item);
}

/** The first index in [0, length) at which `before(i)` is false, for a `before` true then false. */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
