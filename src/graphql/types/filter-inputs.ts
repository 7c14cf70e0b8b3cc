// Filter and order inputs of the list fields.
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, InputType, Int } from "type-graphql";
import type { OrganizationKind as OrganizationKindValue } from "../../domain/kinds.js";
import type { ModelOrderField as ModelOrderFieldValue } from "../../domain/relations.js";
import { AssetKind, ModelOrderField, OrderDirection, OrganizationKind } from "./enums.js";

@InputType({ description: "Narrows a list of models. Every field given must hold." })
export class ModelFilter {
  @Field(() => String, { nullable: true, description: "ISO code of the model's country (its own, else its first developer's)." })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: "Slug of one of the model's developers." })
  organizationSlug?: string | null;

  @Field(() => Int, { nullable: true })
  releasedYear?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Released after this date (exclusive)." })
  releasedAfter?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Released before this date (exclusive)." })
  releasedBefore?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the name, Korean name or an alias, case-insensitive." })
  nameContains?: string | null;

  @Field(() => String, { nullable: true, description: "One of the model's domains (Language, Vision, Multimodal, ...), case-insensitive." })
  domain?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: models Epoch AI lists as notable; false: the others." })
  notable?: boolean | null;

  @Field(() => Float, { nullable: true, description: "Training compute of at least this many FLOP (models without a figure are left out)." })
  computeMin?: number | null;

  @Field(() => Float, { nullable: true, description: "Training compute of at most this many FLOP." })
  computeMax?: number | null;

  @Field(() => Float, { nullable: true, description: "At least this many parameters (models without a figure are left out)." })
  parametersMin?: number | null;

  @Field(() => Float, { nullable: true, description: "At most this many parameters." })
  parametersMax?: number | null;

  @Field(() => String, { nullable: true, description: "Slug of a source the model cites: e.g. `epoch-ai-models-2026-02-02` for the models Epoch AI lists." })
  listedBy?: string | null;
}

@InputType()
export class ModelOrder {
  @Field(() => ModelOrderField)
  field: ModelOrderFieldValue;

  @Field(() => OrderDirection, { defaultValue: "ASC" })
  direction: "ASC" | "DESC";
}

@InputType({ description: "Narrows a list of organizations." })
export class OrganizationFilter {
  @Field(() => String, { nullable: true, description: "ISO code of the headquarters country." })
  countryCode?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKindValue | null;

  @Field(() => String, { nullable: true, description: "Part of the name, Korean name or an alias, case-insensitive." })
  nameContains?: string | null;
}

@InputType({ description: "Narrows a list by name." })
export class NameFilter {
  @Field(() => String, { nullable: true, description: "Part of the name, Korean name or an alias, case-insensitive." })
  nameContains?: string | null;
}

@InputType({ description: "Narrows a list of assets (dependencies, dependents)." })
export class AssetFilter {
  @Field(() => AssetKind, { nullable: true })
  kind?: (typeof AssetKind)[keyof typeof AssetKind] | null;

  @Field(() => Int, { nullable: true, description: "Released in this year." })
  releasedYear?: number | null;
}
