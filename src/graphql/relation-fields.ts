// One declaration per relationship field: which relation(s) a field reads and with which window.
// The field resolvers (through resolvers/load.ts), the prefetch of root lookups (prefetch.ts) and the
// loader keys are all derived from this table, so that none of them restates another: a prefetch
// fills exactly the loader the field's resolver then reads. tests/graphql/relation-fields.test.ts
// fails when a relationship field of the schema has no declaration here (or no reason in
// NOT_DECLARED why it needs none).
import { firstsCarriedBy, RELATIONS, type RelationName } from "../domain/relations.js";
import { RELATED_ORDER_PROPERTIES } from "../domain/sort-keys.js";
import { FIRST_ITEM, type FirstRead, type RelatedRead, type Window } from "../store/port.js";
import { relatedOrdering } from "./cursors.js";
import { listSize } from "./page-sizes.js";
import { windowOf } from "./types/connection-type.js";

/** The properties a projection asks for, in a stable order; null: the whole record. */
export type WantedProperties = readonly string[] | null;

/** What a relationship field's selection reads of its pages (wanted-properties.ts): the nodes' properties, and whether `totalCount`. */
export interface SelectionReads {
  properties: WantedProperties;
  totalCount: boolean;
  /** Whether the items read their relationships whole (objects built from them: `item` of the declaration). */
  wholeRelationships: boolean;
  /**
   * The `first` fields selected on the items (a model's organization), each as the load its resolver
   * makes for one item: a page whose relation carries them (firstsCarriedBy) reads them along.
   */
  firsts: readonly FirstRead[];
}

/** A selection read whole, total included: for loads without a GraphQL selection. */
const WHOLE_SELECTION: SelectionReads = { properties: null, totalCount: true, wholeRelationships: true, firsts: [] };

type Args = Record<string, unknown>;

/**
 * How a field windows its relation:
 * - `first`: the first item (a model's organization, an organization's country);
 * - `list`: the first `first` items when the field has that argument, MAX_LIST by default and at most;
 * - `connection`: `first` (DEFAULT_PAGE_SIZE, at most MAX_PAGE_SIZE) after the cursor `after`, in the
 *   relation's ordering (RELATIONS[relation].order, cursors.ts).
 */
export type WindowRule = "first" | "list" | "connection";

export interface RelationFieldDeclaration {
  window: WindowRule;
  /** The relation the field reads, or several read together (claimed and in-scope omissions), or one chosen by an argument. */
  relations: RelationName | readonly RelationName[] | ((args: Args) => RelationName);
  /**
   * Arguments from which the resolver builds a relation filter (filter inputs are checked by the
   * resolver). A prefetch starts the field's load only when none of them is given.
   */
  filterArgs?: readonly string[];
  /**
   * For a field whose items are objects of their own (a result, an omission) built from the
   * relationship and holding the related node in one field: that field, and the item's other fields
   * that read only the relationship or the parent (what a projection of the node allows; see
   * wanted-properties.ts). The item objects must then hold the node's record, not load it again.
   */
  item?: ItemNode;
}

/** The field of an item object that holds the related node, and the item's fields that read only the relationship or the parent. */
export interface ItemNode {
  node: string;
  besides: readonly string[];
}

/** `Type.field` -> its declaration. An interface's entry (Asset) holds for every type implementing it that declares none of its own. */
export const RELATION_FIELDS = {
  "Model.organization": { window: "first", relations: "model-developers" },
  "Model.developers": { window: "list", relations: "model-developers" },
  "Model.country": { window: "first", relations: "model-country" },
  "Model.benchmarkResults": { window: "list", relations: "model-benchmark-results", filterArgs: ["benchmark"] },
  "Model.hardware": { window: "list", relations: "model-hardware" },
  "Model.includedIn": { window: "list", relations: "model-included-in" },
  "Model.omittedFrom": { window: "list", relations: ["model-omitted-from", "model-in-scope-omitted-from"] },
  "Asset.dependencies": { window: "connection", relations: "asset-dependencies", filterArgs: ["filter"] },
  "Asset.dependents": { window: "connection", relations: "asset-dependents", filterArgs: ["filter"] },
  "Asset.developers": { window: "list", relations: "asset-developers" },
  "Benchmark.results": {
    window: "list",
    relations: "benchmark-results",
    item: { node: "model", besides: ["score", "unit", "shots", "modelVersion", "url", "history", "sources", "benchmark"] },
  },
  "Country.organizations": { window: "connection", relations: "country-organizations" },
  "Country.models": { window: "connection", relations: "country-models" },
  "Country.observations": { window: "list", relations: "country-observations", filterArgs: ["indicator", "year"] },
  "Hardware.models": { window: "connection", relations: "hardware-models", filterArgs: ["filter"] },
  "Indicator.observations": { window: "list", relations: "indicator-observations", filterArgs: ["year"] },
  "Organization.country": { window: "first", relations: "organization-country" },
  "Organization.models": {
    window: "connection",
    relations: (args) => (args.includeUnits ? "organization-unit-models" : "organization-models"),
    filterArgs: ["filter"],
  },
  "Organization.parent": { window: "first", relations: "organization-parent" },
  "Organization.units": { window: "list", relations: "organization-units" },
  "Organization.observations": { window: "list", relations: "organization-observations", filterArgs: ["indicator", "year"] },
  "Organization.reports": { window: "list", relations: "organization-reports" },
  "Report.publisher": { window: "first", relations: "report-publisher" },
  "Report.includedModels": { window: "connection", relations: "report-included-models" },
  "Report.omittedModels": { window: "list", relations: ["report-omissions", "report-in-scope-omissions"], item: { node: "model", besides: ["basis", "note", "claimedBy", "report"] } },
} as const satisfies Record<string, RelationFieldDeclaration>;

export type RelationField = keyof typeof RELATION_FIELDS;

/**
 * Fields of entity types whose type is another entity (or a list or connection of them, or of items
 * of a relation) that are NOT one declared relation load, and why.
 */
export const NOT_DECLARED: Record<string, string> = {
  "*.sources": "source slugs held on the entity, loaded as nodes (load.ts sourcesOf)",
  "Asset.country": "derived in resolvers/claims.ts: the own country, else the first developer's headquarters (dependent loads)",
  "Asset.claims": "computed from several relations in resolvers/claims.ts",
  "Source.reportedIn": "source slugs held on the source, loaded as nodes",
  "Report.coverage": "an aggregate of its own loader (coverage), not a relation page",
  "Report.scope": "properties of the report",
  "Asset.notes": "notes held on the asset's own properties",
  "Indicator.definition": "properties of the indicator (its definition, seed/indicators.json); its counts go through the modelGroups loader (resolvers/recomputed-resolver.ts)",
};

/** One load of a field: the loader key (without the parent) the resolver and a prefetch share. */
export interface RelationLoad {
  relation: RelationName;
  window: Window;
  /** What the field's selection reads of the pages (wanted-properties.ts): the nodes' properties; the total, for a connection that selects it. */
  read: RelatedRead;
}

/** The declaration of `type.field`, looking at the type's interfaces after the type itself. */
export function declarationOf(type: string, field: string, interfaces: readonly string[] = []): RelationFieldDeclaration | null {
  const table = RELATION_FIELDS as Record<string, RelationFieldDeclaration>;
  for (const t of [type, ...interfaces]) {
    const d = table[`${t}.${field}`];
    if (d) return d;
  }
  return null;
}

/**
 * The relations and windows a field reads for these arguments (BAD_USER_INPUT for a bad `first` or
 * `after`), with the properties its selection reads.
 */
export function loadsOf(declaration: RelationFieldDeclaration, fieldArgs: object, reads: SelectionReads = WHOLE_SELECTION): RelationLoad[] {
  const args = fieldArgs as Args;
  const { relations } = declaration;
  const names: readonly RelationName[] = typeof relations === "function" ? [relations(args)] : typeof relations === "string" ? [relations] : relations;
  // Only a connection shows its total (`totalCount`); a list or a first item never does.
  const total = declaration.window === "connection" && reads.totalCount;
  return names.map((relation) => {
    // Entity objects read nothing of the relationship but what orders it (for cursors).
    const read: RelatedRead = { properties: reads.properties, total, relationships: reads.wholeRelationships ? null : RELATED_ORDER_PROPERTIES[RELATIONS[relation].order] };
    const carried = firstsCarriedBy(relation);
    const firsts = reads.properties ? reads.firsts.filter((f) => carried.includes(f.relation)) : [];
    if (firsts.length > 0) read.firsts = firsts;
    return { relation, window: windowFor(declaration.window, relation, args), read };
  });
}

function windowFor(rule: WindowRule, relation: RelationName, args: Args): Window {
  if (rule === "first") return FIRST_ITEM;
  if (rule === "list") return { after: null, limit: listSize(args.first as number | null | undefined) };
  return windowOf({ first: args.first as number | null | undefined, after: args.after as string | null | undefined }, relatedOrdering(relation));
}

/** Whether a prefetch may start the field's loads: no filter argument is given. */
export function prefetchable(declaration: RelationFieldDeclaration, args: Args): boolean {
  return !(declaration.filterArgs ?? []).some((name) => args[name] !== null && args[name] !== undefined);
}

