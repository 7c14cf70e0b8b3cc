// Asset: what models, datasets and applications share as parts of the foundation-model ecosystem
// (Ecosystem Graphs), and the notes that came with their values.
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, InterfaceType, ObjectType } from "type-graphql";
import { AssetKind, DatePrecision } from "./enums.js";
import { fieldsOfRecord, reads, Node, num, str, strings } from "./node-type.js";

/** The properties a note may explain, in the order `notes` lists them. */
const NOTE_FIELDS = ["releaseDate", "developers", "country", "access", "license", "modality", "size", "url", "description", "dependencies"] as const;

@ObjectType({ description: "The explanation a source gives with one of an asset's values." })
export class AssetNote {
  @Field({ description: "The field explained: releaseDate, developers, country, access, license, modality, size, url, description or dependencies." })
  field: string;

  @Field()
  note: string;
}

@InterfaceType({ implements: Node, description: "A model, dataset or application of the foundation-model ecosystem, and what it is built from." })
export abstract class Asset extends Node {
  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => [String])
  aliases: string[];

  @Field(() => AssetKind)
  assetKind: (typeof AssetKind)[keyof typeof AssetKind];

  @Field(() => LocalDateResolver, { nullable: true })
  releaseDate: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `releaseDate` the source gives; null when that is a whole date or unknown." })
  releaseDatePrecision: keyof typeof DatePrecision | null;

  @Field(() => String, { nullable: true, description: "Who may use it: open, limited or closed." })
  access: string | null;

  @Field(() => String, { nullable: true })
  license: string | null;

  @Field(() => String, { nullable: true, description: "Input and output modalities as the source writes them, e.g. `text; text`." })
  modality: string | null;

  @Field(() => String, { nullable: true, description: "Size as the source writes it, e.g. `70B parameters (dense)` or `200 GB`." })
  size: string | null;

  @Field(() => Float, { nullable: true, description: "Number of parameters, when `size` states one." })
  parameters: number | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: "Nationality as the source writes it; `country` and `claims` give what it resolved to." })
  nationality: string | null;

  @Field({ description: "True for a placeholder: a dependency that names no asset the graph knows." })
  unresolved: boolean;

  @Field(() => [AssetNote], { description: "Explanations that came with the asset's values." })
  notes: AssetNote[];
}

// The Asset fields, read from the record when selected (fieldsOfRecord): a model's ten `${field}Note`
// lookups happen only for `notes`.
fieldsOfRecord(Asset as unknown as abstract new () => Asset, {
  slug: reads([], (r) => r.key),
  name: reads(["name"], (r) => str(r, "name") ?? r.key),
  aliases: reads(["aliases"], (r) => strings(r, "aliases")),
  assetKind: reads([], (r) => r.kind as (typeof AssetKind)[keyof typeof AssetKind]),
  releaseDate: reads(["releaseDate"], (r) => str(r, "releaseDate")),
  releaseDatePrecision: reads(["releaseDatePrecision"], (r) => {
    const precision = str(r, "releaseDatePrecision");
    return precision === "MONTH" || precision === "YEAR" ? precision : null;
  }),
  access: reads(["access"], (r) => str(r, "access")),
  license: reads(["license"], (r) => str(r, "license")),
  modality: reads(["modality"], (r) => str(r, "modality")),
  size: reads(["size"], (r) => str(r, "size")),
  parameters: reads(["parameters"], (r) => num(r, "parameters")),
  description: reads(["description"], (r) => str(r, "description")),
  url: reads(["url"], (r) => str(r, "url")),
  nationality: reads(["nationality"], (r) => str(r, "nationality")),
  unresolved: reads(["unresolved"], (r) => r.kind === "UnresolvedAsset" || r.props.unresolved === true),
  notes: reads(
    NOTE_FIELDS.map((field) => `${field}Note`),
    (r) =>
      NOTE_FIELDS.flatMap((field) => {
        const note = str(r, `${field}Note`);
        return note ? [Object.assign(new AssetNote(), { field, note })] : [];
      }),
  ),
});
