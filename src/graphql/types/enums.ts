// The enums of the schema, registered from the closed sets of the domain.
import { registerEnumType } from "type-graphql";
import { MODEL_KINDS, OMISSION_BASES, ORGANIZATION_KINDS, SOURCE_KINDS } from "../../domain/kinds.js";

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
