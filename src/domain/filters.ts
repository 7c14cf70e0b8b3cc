// The filters of lists and relations (ModelFilter, AssetFilter, RelationFilter of relations.ts) as
// rules over a node's properties and what the graph says of it; cypher/fragments/model-filter.cypher
// and asset-filter.cypher write them out for Neo4j.
import type { NodeRecord, Properties } from "./graph.js";
import type { AssetFilter, ModelFilter, RelationFilter } from "./relations.js";

/** What a model filter reads of one model beyond its properties (each asked only if the filter needs it). */
export interface ModelFacts {
  props: Properties;
  /** The lowercased text search matches names in (domain/search.ts searchTextOf). */
  searchText: string;
  /** The uid of the model's country (domain/model-country.ts). */
  country(): string | null;
  /** Whether the organization of this uid develops the model (DEVELOPED_BY). */
  developedBy(organization: string): boolean;
}

/** No bound given, or a number inside the inclusive bounds. */
export function within(value: unknown, min: number | null | undefined, max: number | null | undefined): boolean {
  if (min == null && max == null) return true;
  if (typeof value !== "number") return false;
  return (min == null || value >= min) && (max == null || value <= max);
}

function releaseDate(props: Properties): string | null {
  return typeof props.releaseDate === "string" ? props.releaseDate : null;
}

export function matchesModelFilter(model: ModelFacts, f: ModelFilter): boolean {
  const { props } = model;
  const date = releaseDate(props);
  if (f.nameContains && !model.searchText.includes(f.nameContains.toLowerCase())) return false;
  if (f.releasedYear != null && !(date && date.startsWith(`${f.releasedYear}-`))) return false;
  if (f.releasedAfter && !(date && date > f.releasedAfter)) return false;
  if (f.releasedBefore && !(date && date < f.releasedBefore)) return false;
  if (f.countryCode && model.country() !== `Country:${f.countryCode}`) return false;
  if (f.organizationSlug && !model.developedBy(`Organization:${f.organizationSlug}`)) return false;
  if (f.domain && !(Array.isArray(props.domains) && (props.domains as string[]).some((d) => d.toLowerCase() === f.domain!.toLowerCase()))) return false;
  if (f.notable != null && (props.notable === true) !== f.notable) return false;
  if (!within(props.trainingComputeFlop, f.computeMin, f.computeMax)) return false;
  if (!within(props.parameters, f.parametersMin, f.parametersMax)) return false;
  if (f.listedBy && !(Array.isArray(props.sources) && (props.sources as string[]).includes(f.listedBy))) return false;
  return true;
}

/** The asset's kind, and the year of its release date. */
export function matchesAssetFilter(node: NodeRecord, f: AssetFilter): boolean {
  const date = releaseDate(node.props);
  if (f.kind != null && node.kind !== f.kind) return false;
  if (f.releasedYear != null && !(date && date.startsWith(`${f.releasedYear}-`))) return false;
  return true;
}

/** Whether an item of a relation passes the relation's filter; `models` applies a model filter to the item's node. */
export function matchesRelationFilter(item: { node: NodeRecord; rel: Properties }, filter: RelationFilter | null, models: (node: NodeRecord, f: ModelFilter) => boolean): boolean {
  if (!filter) return true;
  if (filter.year != null && item.rel.year !== filter.year) return false;
  if (filter.indicator != null && !(item.node.kind === "Indicator" && item.node.key === filter.indicator)) return false;
  if (filter.models && !models(item.node, filter.models)) return false;
  if (filter.assets && !matchesAssetFilter(item.node, filter.assets)) return false;
  if (filter.benchmark != null && !(item.node.kind === "Benchmark" && item.node.key === filter.benchmark)) return false;
  return true;
}
