// A report's declared scope (a model kind, a release period) and what follows from it: which models
// it should have included (in-scope omissions, when it says its inclusions are complete) and how it
// covers each country's models. cypher/fragments/in-scope.cypher, cypher/related/*in-scope*.cypher
// and cypher/report/coverage.cypher write the same rules out for Neo4j.
import type { Properties } from "./graph.js";

/** How a report already names a model: it includes it (INCLUDES), or a source claims it omits it (OMITS). */
export interface ReportLinks {
  included: boolean;
  claimed: boolean;
}

/** How one country's models count in a report (Report.coverage). */
export interface CoverageRow {
  /** The models' country code (own, else first developer's); null when unknown. */
  countryCode: string | null;
  /** Models inside the report's declared scope. */
  inScope: number;
  included: number;
  /** Claimed by a source, or in scope and not included when the report's inclusions are complete. */
  omitted: number;
}

/** Whether the report declares a scope at all. */
export function hasScope(report: Properties): boolean {
  return report.scopeModelKind != null || report.scopeReleasedFrom != null || report.scopeReleasedTo != null;
}

/**
 * The release period of the report's scope (either bound may be open), or null when the scope has
 * none: the models that can be in scope are then those of any date.
 */
export function scopePeriod(report: Properties): { from: string | null; to: string | null } | null {
  const from = (report.scopeReleasedFrom as string | null | undefined) ?? null;
  const to = (report.scopeReleasedTo as string | null | undefined) ?? null;
  return from === null && to === null ? null : { from, to };
}

/**
 * Whether the model falls inside the report's declared scope: the report declares one, and the model
 * matches its model kind and its release period (a model without a release date is outside a period).
 */
export function inScope(report: Properties, model: Properties): boolean {
  if (!hasScope(report)) return false;
  const { scopeModelKind: kind, scopeReleasedFrom: from, scopeReleasedTo: to } = report;
  const date = model.releaseDate as string | undefined;
  if (kind != null && model.modelKind !== kind) return false;
  if (from != null && !(date != null && date >= (from as string))) return false;
  if (to != null && !(date != null && date <= (to as string))) return false;
  return true;
}

/** Whether the report says its inclusions are complete, so that a model in scope and not included is omitted. */
export function inclusionsComplete(report: Properties): boolean {
  return report.scopeInclusionsComplete === true;
}

/**
 * Whether the model is an in-scope omission of the report: the report's inclusions are complete,
 * the model is in its scope, and the report neither includes it nor is claimed to omit it.
 */
export function isInScopeOmission(report: Properties, model: Properties, links: ReportLinks): boolean {
  return inclusionsComplete(report) && !links.included && !links.claimed && inScope(report, model);
}

/** How one model counts in the report's coverage; null when it counts nowhere (not included, claimed or in scope). */
export function coverageOf(report: Properties, model: Properties, links: ReportLinks): { inScope: boolean; included: boolean; omitted: boolean } | null {
  const scoped = inScope(report, model);
  if (!links.included && !links.claimed && !scoped) return null;
  return { inScope: scoped, included: links.included, omitted: links.claimed || (scoped && !links.included && inclusionsComplete(report)) };
}

/** Adds up models' coverage by country, one row per country code, ordered by code (null last). */
export function coverageRows(models: Iterable<{ countryCode: string | null; inScope: boolean; included: boolean; omitted: boolean }>): CoverageRow[] {
  const rows = new Map<string | null, CoverageRow>();
  for (const m of models) {
    const row = rows.get(m.countryCode) ?? { countryCode: m.countryCode, inScope: 0, included: 0, omitted: 0 };
    row.inScope += m.inScope ? 1 : 0;
    row.included += m.included ? 1 : 0;
    row.omitted += m.omitted ? 1 : 0;
    rows.set(m.countryCode, row);
  }
  return [...rows.values()].sort((a, b) => compareCodes(a.countryCode, b.countryCode));
}

function compareCodes(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
