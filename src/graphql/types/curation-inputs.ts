// Inputs of the curation mutations, checked by class-validator before a resolver runs
// (buildSchema({ validate: true })). A failed check answers BAD_USER_INPUT naming the field.
import { ArrayMaxSize, Matches, Max, MaxLength, Min } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, InputType, Int } from "type-graphql";
import type { ModelKind as ModelKindValue, OrganizationKind as OrganizationKindValue } from "../../domain/kinds.js";
import { SLUG_PATTERN as SLUG } from "../../domain/slug.js";
import { ModelKind, OrganizationKind } from "./enums.js";

const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const NOT_BLANK = /\S/;
const MAX_SLUG = 100;
const MAX_NAME = 200;
const MAX_ALIASES = 20;
const MAX_NOTE = 2_000;

/** Applies several property decorators as one, so each kind of field is declared once. */
function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

function slugField(description: string, nullable = false): PropertyDecorator {
  return all(
    Field(() => String, { nullable, description }),
    Matches(SLUG, { message: "must be a slug: lowercase letters and digits joined by single hyphens" }),
    MaxLength(MAX_SLUG),
  );
}

function textField(description: string, max: number, nullable: boolean): PropertyDecorator {
  return all(Field(() => String, { nullable, description }), Matches(NOT_BLANK, { message: "must not be empty or blank" }), MaxLength(max));
}

function countryField(description: string): PropertyDecorator {
  return all(Field(() => String, { nullable: true, description }), Matches(COUNTRY_CODE, { message: "must be an ISO 3166-1 alpha-2 code such as KR" }));
}

const aliasesField = all(
  Field(() => [String], { nullable: true, description: `Other names (at most ${MAX_ALIASES}); replaces the list. Omit to keep it.` }),
  ArrayMaxSize(MAX_ALIASES),
  Matches(NOT_BLANK, { each: true, message: "each item must not be empty or blank" }),
  MaxLength(MAX_NAME, { each: true }),
);

const sourceSlugField = slugField("Slug of the source that states these facts. Without one, they cite the curator's own CURATION source (curation-<curator>).", true);

/**
 * Every curation input travels in the argument `input`; formatError reads this to name a field
 * `input.name` rather than `name`.
 */
abstract class CurationInput {
  static readonly argumentName = "input";
}

@InputType({ description: "A model to create, or to update where its slug exists. Omitted fields keep their values; null clears one." })
export class ModelInput extends CurationInput {
  @slugField("The model's slug (its key), e.g. exaone-3-0.")
  slug: string;

  @textField("The model's name.", MAX_NAME, false)
  name: string;

  @slugField("Slug of an organization that developed it: added after the known developers unless it is one already.")
  organizationSlug: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Release date (YYYY-MM-DD)." })
  releaseDate?: string | null;

  @textField("Name in Korean.", MAX_NAME, true)
  nameKo?: string | null;

  @aliasesField
  aliases?: string[] | null;

  @Field(() => ModelKind, { nullable: true })
  modelKind?: ModelKindValue | null;

  @Field(() => Float, { nullable: true, description: "Estimated training cost in US dollars." })
  @Min(0)
  @Max(1e13)
  trainingCostUsd?: number | null;

  @countryField("The model's own country (ISO code), where it differs from its developer's or is worth stating. A model keeps the country it has.")
  countryCode?: string | null;

  @sourceSlugField
  sourceSlug?: string | null;
}

@InputType({ description: "An organization to create, or to update where its slug exists." })
export class OrganizationInput extends CurationInput {
  @slugField("The organization's slug (its key), e.g. upstage.")
  slug: string;

  @textField("The organization's name.", MAX_NAME, false)
  name: string;

  @textField("Name in Korean.", MAX_NAME, true)
  nameKo?: string | null;

  @aliasesField
  aliases?: string[] | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKindValue | null;

  @countryField("Headquarters country (ISO code). An organization keeps the country it has.")
  countryCode?: string | null;

  @sourceSlugField
  sourceSlug?: string | null;
}

@InputType({ description: "A model's score on a benchmark; a new score replaces the one recorded." })
export class BenchmarkResultInput extends CurationInput {
  @slugField("Slug of the model.")
  modelSlug: string;

  @slugField("Slug of the benchmark.")
  benchmarkSlug: string;

  @Field(() => Float)
  @Min(-1e9)
  @Max(1e9)
  score: number;

  @textField("Unit of the score, where it differs from the benchmark's.", 50, true)
  unit?: string | null;

  @sourceSlugField
  sourceSlug?: string | null;
}

@InputType({ description: "The value of an indicator for a country or an organization (give exactly one) in a year." })
export class ObservationInput extends CurationInput {
  @slugField("Slug of the indicator.")
  indicatorSlug: string;

  @countryField("The country observed (ISO code).")
  countryCode?: string | null;

  @slugField("The organization observed.", true)
  organizationSlug?: string | null;

  @Field(() => Int)
  @Min(1900)
  @Max(2200)
  year: number;

  @Field(() => Float)
  @Min(-1e15)
  @Max(1e15)
  value: number;

  @Field(() => Int, { nullable: true, description: "Rank among the subjects of that year." })
  @Min(1)
  @Max(100_000)
  rank?: number | null;

  @sourceSlugField
  sourceSlug?: string | null;
}

@InputType({ description: "That a report includes a model; optionally, that the graph now records all its inclusions." })
export class ReportInclusionInput extends CurationInput {
  @slugField("Slug of the report.")
  reportSlug: string;

  @slugField("Slug of the model the report includes.")
  modelSlug: string;

  @Field(() => Boolean, { nullable: true, description: "Whether the graph now records every model the report includes (IN_SCOPE omissions are inferred only then)." })
  inclusionsComplete?: boolean | null;

  @sourceSlugField
  sourceSlug?: string | null;
}

@InputType({ description: "A source's claim that a report left a model out." })
export class OmissionClaimInput extends CurationInput {
  @slugField("Slug of the report.")
  reportSlug: string;

  @slugField("Slug of the model left out.")
  modelSlug: string;

  @textField("What the claim says, briefly.", MAX_NOTE, true)
  note?: string | null;

  @Field(() => String, { nullable: true, description: "Slug of the source that makes the claim. Without one, the curator's own CURATION source makes it." })
  @Matches(SLUG, { message: "must be a slug: lowercase letters and digits joined by single hyphens" })
  @MaxLength(MAX_SLUG)
  sourceSlug?: string | null;
}
