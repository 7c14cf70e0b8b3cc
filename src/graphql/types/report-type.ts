// Report (the AI Index 2024, ...), its declared scope, and the models it is said to omit.
import { LocalDateResolver, URLResolver } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { ModelKind as ModelKindValue, OmissionBasis as OmissionBasisValue } from "../../domain/kinds.js";
import { ModelKind, OmissionBasis } from "./enums.js";
import { entityFields, Node, str, strings } from "./node-type.js";

@ObjectType({ description: "What a report declares it covers." })
export class ReportScope {
  @Field(() => ModelKind, { nullable: true })
  modelKind: ModelKindValue | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "First release date in scope (inclusive)." })
  releasedFrom: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Last release date in scope (inclusive)." })
  releasedTo: string | null;

  @Field({ description: "Whether the graph records every model the report includes; only then are IN_SCOPE omissions inferred." })
  inclusionsComplete: boolean;

  @Field(() => String, { nullable: true })
  note: string | null;

  sourceSlugs: string[];
}

@ObjectType({ implements: Node, description: "A report that counts AI actors, such as Stanford HAI's AI Index." })
export class Report extends Node {
  @Field()
  slug: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  titleKo: string | null;

  @Field(() => [String])
  aliases: string[];

  @Field(() => LocalDateResolver, { nullable: true, description: "Publication date." })
  date: string | null;

  @Field(() => URLResolver, { nullable: true })
  url: string | null;

  @Field(() => ReportScope, { nullable: true })
  scope: ReportScope | null;

  static from(record: NodeRecord): Report {
    const modelKind = str(record, "scopeModelKind") as ModelKindValue | null;
    const releasedFrom = str(record, "scopeReleasedFrom");
    const releasedTo = str(record, "scopeReleasedTo");
    const hasScope = modelKind !== null || releasedFrom !== null || releasedTo !== null;
    return Object.assign(new Report(), entityFields(record), {
      slug: record.key,
      title: str(record, "name") ?? record.key,
      titleKo: str(record, "nameKo"),
      aliases: strings(record, "aliases"),
      date: str(record, "date"),
      url: str(record, "url"),
      scope: hasScope
        ? Object.assign(new ReportScope(), {
            modelKind,
            releasedFrom,
            releasedTo,
            inclusionsComplete: record.props.scopeInclusionsComplete === true,
            note: str(record, "scopeNote"),
            sourceSlugs: strings(record, "scopeSources"),
          })
        : null,
    });
  }
}

@ObjectType({ description: "A model a report left out, why it counts as left out, and who says so." })
export class ReportOmission {
  @Field(() => OmissionBasis)
  basis: OmissionBasisValue;

  @Field(() => String, { nullable: true })
  note: string | null;

  reportSlug: string;
  modelSlug: string;
  claimSlugs: string[];
  /** The model's record where the omission was read with it (a report's omissions, perhaps a projection: relation-fields.ts `item`). */
  modelRecord: NodeRecord | null;
}

@ObjectType({ description: "How a report covers the models of one country." })
export class CountryCoverage {
  @Field(() => Int, { description: "Models inside the report's declared scope." })
  inScope: number;

  @Field(() => Int, { description: "Models the report includes." })
  included: number;

  @Field(() => Int, { description: "Models claimed omitted by a source, or in scope and not included when the report's inclusions are complete." })
  omitted: number;

  countryCode: string | null;
  reportSlug: string;
}
