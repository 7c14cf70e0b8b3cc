// Source: a document that facts cite (a report, a news article, a government statement, a dataset).
import { LocalDateResolver, URLResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { SourceKind as SourceKindValue } from "../../domain/kinds.js";
import { SourceKind } from "./enums.js";
import { entityFields, Node, str, strings } from "./node-type.js";

@ObjectType({
  implements: Node,
  description:
    "A document that facts cite. It says only what is known of it: the title it gives itself (or none), a description where no title is known, and the sources it is known through.",
})
export class Source extends Node {
  @Field()
  slug: string;

  @Field(() => SourceKind)
  kind: SourceKindValue;

  @Field(() => String, {
    nullable: true,
    description: "The title the document gives itself, as the document or the page at its `url` shows it; null when no source gives one (a statement known only through an article).",
  })
  title: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What the source is, in the maintainers' words where no title is known (a statement known through an article, a curator's CURATION source); never the document's own words.",
  })
  description: string | null;

  /** Slugs of the sources this one is known through; the Sources are loaded by the field resolver. */
  reportedInSlugs: string[];

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
      title: str(record, "title"),
      // Records written before sources had a title of their own hold only a name: say it as a description.
      description: str(record, "description") ?? (str(record, "title") === null ? (str(record, "name") ?? record.key) : null),
      reportedInSlugs: strings(record, "reportedIn"),
      publisher: str(record, "publisher"),
      url: str(record, "url"),
      date: str(record, "date"),
      language: str(record, "language"),
    });
  }
}
