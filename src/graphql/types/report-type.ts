// Report (the AI Index 2024, ...), its declared scope, and the models it is said to omit.
import { LocalDateResolver, URLResolver } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { ModelKind as ModelKindValue, OmissionBasis as OmissionBasisValue } from "../../domain/kinds.js";
import { ModelKind, OmissionBasis } from "./enums.js";
import { fieldsOfRecord, Node, ofRecord, reads, str, strings } from "./node-type.js";

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
    return ofRecord(new Report(), record);
  }
}

/** The scope a report's record declares; null when it declares none. */
function scopeOf(record: NodeRecord): ReportScope | null {
  const modelKind = str(record, "scopeModelKind") as ModelKindValue | null;
  const releasedFrom = str(record, "scopeReleasedFrom");
  const releasedTo = str(record, "scopeReleasedTo");
  if (modelKind === null && releasedFrom === null && releasedTo === null) return null;
  return Object.assign(new ReportScope(), {
    modelKind,
    releasedFrom,
    releasedTo,
    inclusionsComplete: record.props.scopeInclusionsComplete === true,
    note: str(record, "scopeNote"),
    sourceSlugs: strings(record, "scopeSources"),
  });
}

// Read from the record when selected (fieldsOfRecord), so that a page of reports can be projected.
fieldsOfRecord(Report, {
  slug: reads([], (r) => r.key),
  title: reads(["name"], (r) => str(r, "name") ?? r.key),
  titleKo: reads(["nameKo"], (r) => str(r, "nameKo")),
  aliases: reads(["aliases"], (r) => strings(r, "aliases")),
  date: reads(["date"], (r) => str(r, "date")),
  url: reads(["url"], (r) => str(r, "url")),
  scope: reads(["scopeModelKind", "scopeReleasedFrom", "scopeReleasedTo", "scopeInclusionsComplete", "scopeNote", "scopeSources"], scopeOf),
});

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
