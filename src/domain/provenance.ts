// Provenance rules: which source's word the graph prefers when sources disagree about a fact.
import type { SourceKind } from "./kinds.js";
import { compareText } from "./search.js";

/**
 * Rank of a source kind, lower is stronger. Facts that people checked (the maintainers' curation,
 * a government statement, a report, a news article) outrank a bulk DATASET, so an import never
 * replaces a curated value; it adds its own claim beside it. A SYNTHETIC source (generated data)
 * is the weakest of all: it never outranks anything a real source says.
 */
const SOURCE_RANK: Readonly<Record<SourceKind, number>> = {
  CURATION: 0,
  GOVERNMENT_STATEMENT: 0,
  REPORT: 0,
  NEWS_ARTICLE: 0,
  DATASET: 1,
  SYNTHETIC: 2,
};

/**
 * The facts about an asset that sources may disagree on and that claims are kept for: the held value
 * (with `<property>Sources`) and every other source's value beside it, in the order `claims` lists
 * them; a curation write that replaces one keeps the old value as a superseded claim.
 */
export const CLAIM_PROPERTIES = ["releaseDate", "country", "parameters", "trainingComputeFlop", "trainingCostUsd"] as const;
export type ClaimProperty = (typeof CLAIM_PROPERTIES)[number];

/**
 * The rules by which the graph derives a fact that no source states of its subject. A derived
 * claim cites no source: it names the rule and the fact it comes from (`DerivedFrom`).
 */
export const DERIVATION_RULES = {
  /** A model's (an asset's) country, where no source gives one: its first developer's headquarters. */
  DEVELOPER_HEADQUARTERS: { property: "country", from: "headquarters" },
} as const;
export type DerivationRule = keyof typeof DERIVATION_RULES;

/** One source's value for one property of one subject. `held`: the value the graph holds. */
export interface ClaimInput {
  property: string;
  value: string;
  /** Null for a derived value: no source states it. */
  source: string | null;
  /** Null when the source is not in the graph: it ranks below every known kind. */
  sourceKind: SourceKind | null;
  held: boolean;
  note?: string | null;
}

export interface RankedClaim extends ClaimInput {
  preferred: boolean;
}

function rankOf(kind: SourceKind | null): number {
  return kind === null ? Number.MAX_SAFE_INTEGER : SOURCE_RANK[kind];
}

/** The strongest of some source kinds (null for none, or only unknown sources). */
export function strongest(kinds: ReadonlyArray<SourceKind | null>): SourceKind | null {
  return kinds.reduce<SourceKind | null>((best, kind) => (kind !== null && rankOf(kind) < rankOf(best) ? kind : best), null);
}

/**
 * Whether a value from a source of kind `incoming` may replace a value held on the word of
 * sources of kinds `held`: only a strictly stronger source may. A value held on no source's word
 * (an empty list) is open to any.
 */
export function outranks(incoming: SourceKind, held: ReadonlyArray<SourceKind | null>): boolean {
  return held.length === 0 || held.every((kind) => SOURCE_RANK[incoming] < rankOf(kind));
}

/**
 * Marks the preferred value among the claims of ONE property: the value of the strongest source;
 * on a tie, the value the graph holds. Every claim with that value is preferred. Returns the claims
 * preferred first, then by source rank, then held first, then by source slug and value.
 */
export function rankClaims(claims: readonly ClaimInput[]): RankedClaim[] {
  if (claims.length === 0) return [];
  const order = (a: ClaimInput, b: ClaimInput) =>
    rankOf(a.sourceKind) - rankOf(b.sourceKind) || Number(b.held) - Number(a.held) || compareText(a.source ?? "", b.source ?? "") || compareText(a.value, b.value);
  const best = [...claims].sort(order)[0];
  return claims
    .map((c) => ({ ...c, preferred: c.value === best.value }))
    .sort((a, b) => Number(b.preferred) - Number(a.preferred) || order(a, b));
}

/** Whether the claims of one property disagree: more than one value. */
export function disagree(claims: ReadonlyArray<{ value: string }>): boolean {
  return new Set(claims.map((c) => c.value)).size > 1;
}
