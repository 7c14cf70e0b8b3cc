// The enums of the schema, registered from the closed sets of the domain.
import { registerEnumType } from "type-graphql";
import { MODEL_KINDS, OMISSION_BASES, ORGANIZATION_KINDS, SOURCE_KINDS } from "../../domain/kinds.js";
import { MODEL_DIMENSIONS } from "../../domain/model-stats.js";

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const OrganizationKind = enumOf(ORGANIZATION_KINDS);
export const SourceKind = enumOf(SOURCE_KINDS);
export const OmissionBasis = enumOf(OMISSION_BASES);
export const ModelKind = enumOf(MODEL_KINDS);
export const ModelOrderField = enumOf(["NAME", "RELEASE_DATE", "TRAINING_COST", "TRAINING_COMPUTE", "PARAMETERS"] as const);
export const OrderDirection = enumOf(["ASC", "DESC"] as const);

registerEnumType(OrganizationKind, { name: "OrganizationKind", description: "What kind of body an organization is." });
registerEnumType(SourceKind, { name: "SourceKind", description: "What kind of document a source is." });
registerEnumType(OmissionBasis, {
  name: "OmissionBasis",
  description: "Why a model counts as omitted from a report.",
  valuesConfig: {
    CLAIMED: { description: "A source says the report omitted the model." },
    IN_SCOPE: { description: "The model falls inside the report's declared scope, and the report does not include it." },
  },
});
registerEnumType(ModelKind, { name: "ModelKind" });
registerEnumType(ModelOrderField, { name: "ModelOrderField" });
registerEnumType(OrderDirection, { name: "OrderDirection" });

// Ecosystem Graphs assets (issue: importer). Values name the node kinds they stand for.
export const AssetKind = { MODEL: "Model", DATASET: "Dataset", APPLICATION: "Application", UNRESOLVED: "UnresolvedAsset" } as const;
export const DatePrecision = enumOf(["DAY", "MONTH", "YEAR"] as const);

registerEnumType(AssetKind, {
  name: "AssetKind",
  description: "What kind of asset of the foundation-model ecosystem a node is.",
  valuesConfig: { UNRESOLVED: { description: "A dependency that names no asset the graph knows; a placeholder." } },
});
registerEnumType(DatePrecision, { name: "DatePrecision", description: "How much of a date its source gives: a day, a month (the date is its first day) or a year (January 1)." });

// Grouped statistics (Query.modelStats): the dimensions and their rules are in domain/model-stats.ts.
export const ModelDimension = enumOf(MODEL_DIMENSIONS);
export const ModelGroupOrder = enumOf(["COUNT_DESC", "KEY"] as const);

registerEnumType(ModelDimension, {
  name: "ModelDimension",
  description: "What models are grouped by. A model with several values in a dimension (developers, countries, domains, sources) counts once in each of their groups; one with none counts in the group whose key is null.",
  valuesConfig: {
    COUNTRY: { description: "The model's own countries where a source gives them, else its developers' headquarters (each once): a model of a US and a Chinese developer counts for both." },
    ORGANIZATION: { description: "Each developer as listed (Google DeepMind apart from Google)." },
    PARENT_ORGANIZATION: { description: "Each developer rolled up through PART_OF (up to 3 levels) to the organization that is part of none: Google DeepMind's models count for Google, each model once." },
    YEAR: { description: "The year of the release date." },
    KIND: { description: "The model kind (FOUNDATION, NOTABLE, ...)." },
    DOMAIN: { description: "Each of the model's domains (Language, Vision, ...), as its source writes it." },
    ACCESSIBILITY: { description: "How the model can be used, as its source writes it: Epoch AI's accessibility, else Ecosystem Graphs' access (open, limited, closed)." },
    SOURCE: { description: "Each source the model cites: the datasets that list it, the reports and curations that state its facts." },
  },
});
registerEnumType(ModelGroupOrder, {
  name: "ModelGroupOrder",
  valuesConfig: {
    COUNT_DESC: { description: "Largest group first; ties by key." },
    KEY: { description: "By key: each dimension's value ascending (codes, slugs, years as text), the null group last." },
  },
});
