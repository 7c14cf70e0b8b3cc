// The closed sets of the domain: node kinds, relationship types and the enums the schema exposes.

export const NODE_KINDS = ["Country", "Organization", "Model", "Benchmark", "Indicator", "Report", "Source", "Dataset", "Application", "UnresolvedAsset", "Hardware"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * Kinds of the assets of the foundation-model ecosystem (Ecosystem Graphs): what a model, dataset or
 * application is built from. A dependency names an asset without saying its kind, so asset slugs
 * are unique across these kinds. An UnresolvedAsset stands for a dependency that names no known asset.
 */
export const ASSET_KINDS = ["Model", "Dataset", "Application", "UnresolvedAsset"] as const satisfies readonly NodeKind[];
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ORGANIZATION_KINDS = ["COMPANY", "RESEARCH_LAB", "ACADEMIC", "GOVERNMENT", "NONPROFIT", "MEDIA"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** SYNTHETIC: made up by `kg generate` for load tests and benchmarks; it states nothing true. */
export const SOURCE_KINDS = ["REPORT", "NEWS_ARTICLE", "GOVERNMENT_STATEMENT", "DATASET", "CURATION", "SYNTHETIC"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const OMISSION_BASES = ["CLAIMED", "IN_SCOPE"] as const;
export type OmissionBasis = (typeof OMISSION_BASES)[number];

export const MODEL_KINDS = ["FOUNDATION", "NOTABLE"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/**
 * Relationship types of the property graph, with the kinds they join. Every relationship carries a
 * `sources` list (source slugs) and a `key` that tells apart parallel relationships of one type
 * between the same two nodes (an indicator observed for a country in several years).
 */
export const RELATIONSHIP_TYPES = {
  HEADQUARTERED_IN: { from: ["Organization"], to: ["Country"] },
  DEVELOPED_BY: { from: ["Model", "Dataset", "Application"], to: ["Organization"] },
  ORIGINATES_IN: { from: ["Model", "Dataset", "Application"], to: ["Country"] },
  /** A result: score, unit, shots, modelVersion, url (the publisher's page); keyed by the result's id. A placeholder scores when the model is unknown. */
  SCORED: { from: ["Model", "UnresolvedAsset"], to: ["Benchmark"] },
  /** An organization is a unit of another (Google DeepMind of Google): curated, never merged. */
  PART_OF: { from: ["Organization"], to: ["Organization"] },
  /** A model was trained on this hardware; `quantity` chips when the source gives it. */
  TRAINED_ON: { from: ["Model"], to: ["Hardware"] },
  OBSERVED: { from: ["Indicator"], to: ["Country", "Organization"] },
  INCLUDES: { from: ["Report"], to: ["Model"] },
  OMITS: { from: ["Report"], to: ["Model"] },
  PUBLISHED_BY: { from: ["Report"], to: ["Organization"] },
  /** An asset is built from another (a fine-tune from its base model, a model from its data). */
  DEPENDS_ON: { from: ASSET_KINDS, to: ASSET_KINDS },
  /**
   * A source's value for a fact about an asset that the graph holds on another source's word (or
   * that the source gives twice): `property`, `value` (text), keyed `property:value`. The held value
   * stays where it was; claims sit beside it so that no source's word is lost (domain/provenance.ts).
   */
  CLAIMS: { from: ["Source"], to: ASSET_KINDS },
} as const satisfies Record<string, { from: readonly NodeKind[]; to: readonly NodeKind[] }>;
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/** The property that holds a node's key: the ISO code for countries, the slug for everything else. */
export function keyProperty(kind: NodeKind): "code" | "slug" {
  return kind === "Country" ? "code" : "slug";
}
