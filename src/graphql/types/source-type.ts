// Source: a document that facts cite (a report, a news article, a government statement, a dataset).
import { LocalDateResolver, URLResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { SourceKind as SourceKindValue } from "../../domain/kinds.js";
import { SourceKind } from "./enums.js";
import { entityFields, Node, str } from "./node-type.js";

@ObjectType({ implements: Node, description: "A document that facts cite." })
export class Source extends Node {
  @Field()
  slug: string;

  @Field(() => SourceKind)
  kind: SourceKindValue;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  publisher: string | null;

  @Field(() => URLResolver, { nullable: true })
  url: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  date: string | null;

  @Field(() => String, { nullable: true, description: "ISO 639-1 code of the document's language." })
  language: string | null;

  static from(record: NodeRecord): Source {
    return Object.assign(new Source(), entityFields(record), {
      slug: record.key,
      kind: str(record, "sourceKind") as SourceKindValue,
      title: str(record, "name") ?? record.key,
      publisher: str(record, "publisher"),
      url: str(record, "url"),
      date: str(record, "date"),
      language: str(record, "language"),
    });
  }
}
