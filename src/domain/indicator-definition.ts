// An indicator's definition, as data (seed/indicators.json `definition`): which source's models it
// counts, with which filter, by which dimension for a country and for an organization, per release
// year. An observation's figure is then recomputed from the graph on request (Query.modelStats'
// grouping, through the store) and set beside the stated one; it is never stored as a fact.
import type { NodeRecord, NodeRef } from "./graph.js";
import type { GroupKey, ModelDimension } from "./model-stats.js";
import type { ModelFilter } from "./relations.js";

export interface IndicatorDefinition {
  /** What it counts, in words. */
  counts: string;
  /** Slug of the source whose models it counts (a dataset). */
  listedBy: string;
  /** Only models Epoch AI lists as notable (true), or not (false); null: either. */
  notable: boolean | null;
  byCountry: ModelDimension | null;
  byOrganization: ModelDimension | null;
  note: string | null;
  /** The sources that say the indicator counts so (the report that states its figures). */
  sourceSlugs: string[];
}

export function definitionOf(indicator: NodeRecord): IndicatorDefinition | null {
  const p = indicator.props;
  if (typeof p.definitionListedBy !== "string") return null;
  const dimension = (v: unknown) => (typeof v === "string" ? (v as ModelDimension) : null);
  return {
    counts: String(p.definitionCounts ?? ""),
    listedBy: p.definitionListedBy,
    notable: typeof p.definitionNotable === "boolean" ? p.definitionNotable : null,
    byCountry: dimension(p.definitionByCountry),
    byOrganization: dimension(p.definitionByOrganization),
    note: typeof p.definitionNote === "string" ? p.definitionNote : null,
    sourceSlugs: Array.isArray(p.definitionSources) ? (p.definitionSources as string[]) : [],
  };
}

/** The modelStats question that recomputes the figure of `subject` in `year`; null when the definition has no dimension for that kind of subject. */
export function recountOf(definition: IndicatorDefinition, subject: NodeRef, year: number): { filter: ModelFilter; groupBy: ModelDimension[]; key: GroupKey } | null {
  const dimension = subject.kind === "Country" ? definition.byCountry : subject.kind === "Organization" ? definition.byOrganization : null;
  if (!dimension) return null;
  return { filter: { listedBy: definition.listedBy, notable: definition.notable, releasedYear: year }, groupBy: [dimension], key: [subject.key] };
}
