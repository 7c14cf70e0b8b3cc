// The named traversals the API reads through the store port. Each is one hop from a parent node;
// both adapters implement every name (Neo4j with cypher/related/<name>.cypher), and the contract
// suite holds them to the same order.
import { ASSET_KINDS, type NodeKind, type RelationshipType } from "./kinds.js";

interface RelationBase {
  /** Kind of the parent nodes the keys name. */
  parent: NodeKind;
  /**
   * Set when the keys may name nodes of several kinds (asset relations: asset slugs are unique across
   * ASSET_KINDS, so a key names one asset whatever its kind). `parent` is then the first of them.
   */
  parents?: readonly NodeKind[];
  target: readonly NodeKind[];
  /** Order of the items of one parent; ties break on the target's uid, then the relationship key. */
  order: RelationOrder;
}

/** One hop over one relationship type. */
export interface HopRelation extends RelationBase {
  type: RelationshipType;
  /** "out": parent -[type]-> target; "in": parent <-[type]- target. */
  direction: "out" | "in";
}

/** A traversal with a rule of its own (written out in each adapter; the comment says the rule). */
export interface DerivedRelation extends RelationBase {
  derived: string;
}

export type RelationSpec = HopRelation | DerivedRelation;

export type RelationOrder =
  | "TARGET_NAME" // target name, case-insensitive
  | "REL_ORDER" // the relationship's `order` property (developers in the order a source names them)
  | "SCORE_DESC" // best score first
  | "OBSERVATION"; // rank (nulls last), then value descending, then year descending

export const RELATIONS = {
  "country-organizations": { parent: "Country", type: "HEADQUARTERED_IN", direction: "in", target: ["Organization"], order: "TARGET_NAME" },
  // Models whose own country is the parent, and models with no own country whose first developer
  // is headquartered there: the same rule as Model.country.
  "country-models": { parent: "Country", derived: "models whose country (own, else first developer's) is the parent", target: ["Model"], order: "TARGET_NAME" },
  "country-observations": { parent: "Country", type: "OBSERVED", direction: "in", target: ["Indicator"], order: "OBSERVATION" },
  "organization-country": { parent: "Organization", type: "HEADQUARTERED_IN", direction: "out", target: ["Country"], order: "TARGET_NAME" },
  "organization-models": { parent: "Organization", type: "DEVELOPED_BY", direction: "in", target: ["Model"], order: "TARGET_NAME" },
  "organization-observations": { parent: "Organization", type: "OBSERVED", direction: "in", target: ["Indicator"], order: "OBSERVATION" },
  "organization-parent": { parent: "Organization", type: "PART_OF", direction: "out", target: ["Organization"], order: "TARGET_NAME" },
  "organization-units": { parent: "Organization", type: "PART_OF", direction: "in", target: ["Organization"], order: "TARGET_NAME" },
  // Models developed by the organization or by any of its units, their units ... (PART_OF, up to 3
  // levels), each model once: a group counted with its labs.
  "organization-unit-models": { parent: "Organization", derived: "models developed by the organization or its units (PART_OF, up to 3 levels), each once", target: ["Model"], order: "TARGET_NAME" },
  "organization-reports": { parent: "Organization", type: "PUBLISHED_BY", direction: "in", target: ["Report"], order: "TARGET_NAME" },
  "model-developers": { parent: "Model", type: "DEVELOPED_BY", direction: "out", target: ["Organization"], order: "REL_ORDER" },
  "model-own-country": { parent: "Model", type: "ORIGINATES_IN", direction: "out", target: ["Country"], order: "TARGET_NAME" },
  // The rule of Model.country in one traversal, so that the field is one store call, not three in a row.
  "model-country": { parent: "Model", derived: "the model's own country, else its first developer's headquarters", target: ["Country"], order: "TARGET_NAME" },
  "model-benchmark-results": { parent: "Model", type: "SCORED", direction: "out", target: ["Benchmark"], order: "SCORE_DESC" },
  "model-included-in": { parent: "Model", type: "INCLUDES", direction: "in", target: ["Report"], order: "TARGET_NAME" },
  "model-omitted-from": { parent: "Model", type: "OMITS", direction: "in", target: ["Report"], order: "TARGET_NAME" },
  "benchmark-results": { parent: "Benchmark", type: "SCORED", direction: "in", target: ["Model", "UnresolvedAsset"], order: "SCORE_DESC" },
  "model-hardware": { parent: "Model", type: "TRAINED_ON", direction: "out", target: ["Hardware"], order: "TARGET_NAME" },
  "hardware-models": { parent: "Hardware", type: "TRAINED_ON", direction: "in", target: ["Model"], order: "TARGET_NAME" },
  "indicator-observations": { parent: "Indicator", type: "OBSERVED", direction: "out", target: ["Country", "Organization"], order: "OBSERVATION" },
  "report-included-models": { parent: "Report", type: "INCLUDES", direction: "out", target: ["Model"], order: "TARGET_NAME" },
  "report-omissions": { parent: "Report", type: "OMITS", direction: "out", target: ["Model"], order: "TARGET_NAME" },
  "report-in-scope-omissions": {
    parent: "Report",
    derived: "when the report's inclusions are complete: models inside its scope that it neither includes nor is claimed to omit",
    target: ["Model"],
    order: "TARGET_NAME",
  },
  "model-in-scope-omitted-from": {
    parent: "Model",
    derived: "reports with complete inclusions whose scope holds the model but that neither include it nor are claimed to omit it",
    target: ["Report"],
    order: "TARGET_NAME",
  },
  "report-publisher": { parent: "Report", type: "PUBLISHED_BY", direction: "out", target: ["Organization"], order: "TARGET_NAME" },
  // Asset relations (Ecosystem Graphs): the keys are asset slugs, of any asset kind.
  "asset-dependencies": { parent: "Model", parents: ASSET_KINDS, type: "DEPENDS_ON", direction: "out", target: ASSET_KINDS, order: "TARGET_NAME" },
  "asset-dependents": { parent: "Model", parents: ASSET_KINDS, type: "DEPENDS_ON", direction: "in", target: ASSET_KINDS, order: "TARGET_NAME" },
  "asset-developers": { parent: "Model", parents: ASSET_KINDS, type: "DEVELOPED_BY", direction: "out", target: ["Organization"], order: "REL_ORDER" },
  "asset-own-country": { parent: "Model", parents: ASSET_KINDS, type: "ORIGINATES_IN", direction: "out", target: ["Country"], order: "TARGET_NAME" },
  "asset-claims": { parent: "Model", parents: ASSET_KINDS, type: "CLAIMS", direction: "in", target: ["Source"], order: "TARGET_NAME" },
  "source-claims": { parent: "Source", type: "CLAIMS", direction: "out", target: ASSET_KINDS, order: "TARGET_NAME" },
} as const satisfies Record<string, RelationSpec>;

export type RelationName = keyof typeof RELATIONS;
export const RELATION_NAMES = Object.keys(RELATIONS) as RelationName[];

/**
 * First items a relation's page can carry for each of its items (port.ts RelatedRead.firsts): per
 * kind of target, the one-item relations of such a node, in the order the Neo4j adapter reads them
 * (cypher/fragments/firsts-<kind>.cypher). A report's omitted models with their first developer, a
 * model's developers with their headquarters, its reports with their publisher: one query each, where
 * the items' first items were a second query for the same nodes.
 */
const FIRSTS_OF_TARGET: Partial<Record<NodeKind, readonly RelationName[]>> = {
  Model: ["model-developers"],
  Organization: ["organization-country"],
  Report: ["report-publisher"],
};

/** The relations whose Cypher file reads its targets' first items (it includes firsts-<target kind>). */
const CARRY_FIRSTS: readonly RelationName[] = [
  "organization-models",
  "organization-unit-models",
  "country-models",
  "hardware-models",
  "report-included-models",
  "report-omissions",
  "report-in-scope-omissions",
  "model-developers",
  "country-organizations",
  "organization-units",
  "organization-parent",
  "report-publisher",
  "model-included-in",
  "model-omitted-from",
  "organization-reports",
];

/** The one-item relations whose first item a page of `relation` can carry per item, in the adapters' order; [] for most. */
export function firstsCarriedBy(relation: RelationName): readonly RelationName[] {
  if (!CARRY_FIRSTS.includes(relation)) return [];
  const targets = RELATIONS[relation].target;
  return targets.length === 1 ? (FIRSTS_OF_TARGET[targets[0]] ?? []) : [];
}

/** Optional narrowing of a relation's items; each relation honours the fields that apply to it. */
export interface RelationFilter {
  /** Observations: only this year. */
  year?: number | null;
  /** Observations: only this indicator (slug) / only subjects of this kind. */
  indicator?: string | null;
  /** Models (organization-models): the same filter as the root `models` list. */
  models?: ModelFilter | null;
  /** Assets (asset-dependencies, asset-dependents): only assets of this kind / released that year. */
  assets?: AssetFilter | null;
  /** Results (model-benchmark-results): only on this benchmark (slug). */
  benchmark?: string | null;
}

export interface AssetFilter {
  kind?: NodeKind | null;
  releasedYear?: number | null;
}

/** The kinds whose nodes a relation's keys may name. */
export function parentKinds(spec: RelationSpec): readonly NodeKind[] {
  return spec.parents ?? [spec.parent];
}

export interface ModelFilter {
  countryCode?: string | null;
  organizationSlug?: string | null;
  releasedYear?: number | null;
  /** ISO dates (YYYY-MM-DD), exclusive bounds. */
  releasedAfter?: string | null;
  releasedBefore?: string | null;
  nameContains?: string | null;
  /** One of the model's domains (Epoch's `Domain`: Language, Vision, ...), case-insensitive. */
  domain?: string | null;
  /** true: models that meet Epoch AI's notability criteria; false: models that do not (or are not known to). */
  notable?: boolean | null;
  /** Inclusive bounds on training compute (FLOP) and parameters; a model without the value is left out. */
  computeMin?: number | null;
  computeMax?: number | null;
  parametersMin?: number | null;
  parametersMax?: number | null;
  /** Slug of a source the model cites (e.g. a dataset that lists it). */
  listedBy?: string | null;
}

export interface OrganizationFilter {
  countryCode?: string | null;
  kind?: string | null;
  nameContains?: string | null;
}

export interface NameFilter {
  nameContains?: string | null;
}

export type ModelOrderField = "NAME" | "RELEASE_DATE" | "TRAINING_COST" | "TRAINING_COMPUTE" | "PARAMETERS";
export interface ModelOrder {
  field: ModelOrderField;
  direction: "ASC" | "DESC";
}

/** The relations with rules of their own (DerivedRelation), each written out in each adapter. */
export type DerivedRelationName = { [K in RelationName]: (typeof RELATIONS)[K] extends DerivedRelation ? K : never }[RelationName];
/** The relations that are one hop over one relationship type (HopRelation). */
export type HopRelationName = Exclude<RelationName, DerivedRelationName>;

export function isDerived(relation: RelationName): relation is DerivedRelationName {
  return "derived" in RELATIONS[relation];
}
