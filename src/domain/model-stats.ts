// Grouped statistics over models (Query.modelStats): the dimensions a model is grouped by, the rule
// that gives a model its values in each, the order of groups and their keys, and the numeric summary
// both stores compute. The embedded store (store/memory/model-stats.ts) and the Cypher of
// cypher/stats/model-stats.cypher write out the same rules.
import type { SortKey } from "./sort-keys.js";

export const MODEL_DIMENSIONS = ["COUNTRY", "ORGANIZATION", "PARENT_ORGANIZATION", "YEAR", "KIND", "DOMAIN", "ACCESSIBILITY", "SOURCE"] as const;
export type ModelDimension = (typeof MODEL_DIMENSIONS)[number];

/**
 * A model's values in each dimension. A model with several values counts once in each of their
 * groups (a model of Microsoft and NVIDIA counts for both); a model with none counts in the group
 * whose value is null ("unknown").
 * - COUNTRY: the model's own countries (ORIGINATES_IN), else the headquarters of its developers.
 * - ORGANIZATION: its developers as listed (Google DeepMind and Google apart).
 * - PARENT_ORGANIZATION: its developers rolled up through PART_OF (up to 3 levels) to the
 *   organizations that are part of none (Google DeepMind counts as Google), each once.
 * - YEAR: the year of its release date; KIND: modelKind; ACCESSIBILITY: as its source writes it
 *   (Epoch AI's `accessibility`, else Ecosystem Graphs' `access`); DOMAIN: each of its domains;
 *   SOURCE: each source it cites (a dataset that lists it, a report, a curation).
 */
export const DIMENSION_RULES: Record<ModelDimension, string> = {
  COUNTRY: "the model's own countries, else its developers' headquarters",
  ORGANIZATION: "each developer as listed",
  PARENT_ORGANIZATION: "each developer rolled up through PART_OF to the organization that is part of none",
  YEAR: "the year of the release date",
  KIND: "the model kind",
  DOMAIN: "each domain",
  ACCESSIBILITY: "the accessibility its source gives",
  SOURCE: "each source the model cites",
};

export const MAX_GROUP_DIMENSIONS = 3;

export type ModelGroupOrder = "COUNT_DESC" | "KEY";

/** A group's value in one dimension, as text (a year as "2023"); null: the model has none. */
export type GroupValue = string | null;
export type GroupKey = readonly GroupValue[];

/** Over the models of a group that have the value; `count` says how many have it (the rest are null). */
export interface NumericSummary {
  count: number;
  min: number | null;
  max: number | null;
  avg: number | null;
  sum: number | null;
  median: number | null;
}

/** The measures every group summarizes, and the model property each reads. */
export const MEASURES = { parameters: "parameters", trainingCompute: "trainingComputeFlop", trainingCost: "trainingCostUsd" } as const;
export type Measure = keyof typeof MEASURES;

/** The summary of some values (order does not matter); the median interpolates between the two middle values, as Cypher's percentileCont(x, 0.5). */
export function summarize(values: readonly number[]): NumericSummary {
  if (values.length === 0) return { count: 0, min: null, max: null, avg: null, sum: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  const mid = (sorted.length - 1) / 2;
  const median = (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2;
  return { count: sorted.length, min: sorted[0], max: sorted.at(-1)!, avg: sum / sorted.length, sum, median };
}

/**
 * A group's place in its order: COUNT_DESC by count (largest first), then key; KEY by key. Key
 * values ascend with nulls last. The key names one group, so no tie term is needed.
 */
export function groupSortKey(order: ModelGroupOrder, count: number, key: GroupKey): SortKey {
  return order === "COUNT_DESC" ? [count, ...key] : [...key];
}

export function groupDirections(order: ModelGroupOrder, dimensions: number): Array<"ASC" | "DESC"> {
  const keys = Array.from({ length: dimensions }, () => "ASC" as const);
  return order === "COUNT_DESC" ? ["DESC", ...keys] : keys;
}

/** Whether `key` is a sort key of groups in `order` over `dimensions` dimensions. */
export function isGroupSortKey(key: unknown, order: ModelGroupOrder, dimensions: number): key is SortKey {
  if (!Array.isArray(key) || key.length !== groupDirections(order, dimensions).length) return false;
  const values = order === "COUNT_DESC" ? key.slice(1) : key;
  if (order === "COUNT_DESC" && !(Number.isInteger(key[0]) && key[0] >= 0)) return false;
  return values.every((v) => v === null || typeof v === "string");
}

/** A key as the stores compare it without nulls: [is null, value] per term (null sorts last). */
export function comparableKey(key: GroupKey): Array<[boolean, string]> {
  return key.map((v) => [v === null, v ?? ""]);
}
