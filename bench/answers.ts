// The check that makes a ratio mean what it says: before anything is measured, every target must
// give the same answer to the same argument set of a query, in the shape of the query's `answer`
// (bench/queries.ts), which reads each target's JSON and applies the documented tie orders.
import type { QuerySpec } from "./queries.js";
import type { TargetKind } from "./targets.js";

/** The answer of a target (its `data`, or the floor's rows) in the query's common shape. */
export function shapeOf(query: QuerySpec, kind: TargetKind, data: unknown): unknown {
  const shape = kind === "api" ? query.answer.api : kind === "neo4j-graphql" ? query.answer.neo4jGraphql : query.answer.floor;
  return normalized(shape(data));
}

/** Numbers, strings and booleans as JSON has them; missing and null alike; objects' keys sorted. */
function normalized(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(normalized);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, normalized((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Where two shaped answers first differ (a path and both values), or null when they are the same. */
export function firstDifference(a: unknown, b: unknown, at = "$"): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : `${at}: ${a.length} items vs ${b.length} items`;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return (a ?? null) === (b ?? null) ? null : `${at}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

export interface Answers {
  target: string;
  kind: TargetKind;
  /** data per argument set, in the pool's order, as many as were probed. */
  answers: unknown[];
}

/**
 * Compares every target's answers with the first target's over the argument sets all of them were
 * asked; returns one line per target that differs (empty when all agree).
 */
export function compareAnswers(query: QuerySpec, pool: ReadonlyArray<Record<string, unknown>>, targets: Answers[]): string[] {
  if (targets.length < 2) return [];
  const count = Math.min(...targets.map((t) => t.answers.length));
  const [reference, ...others] = targets;
  const problems: string[] = [];
  for (const other of others) {
    for (let i = 0; i < count; i++) {
      const d = firstDifference(shapeOf(query, reference.kind, reference.answers[i]), shapeOf(query, other.kind, other.answers[i]));
      if (d) {
        problems.push(`${query.id} (${reference.target}) vs (${other.target}) with ${JSON.stringify(pool[i])}: ${d}`);
        break;
      }
    }
  }
  return problems;
}
