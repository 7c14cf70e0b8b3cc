// Indicator (patents, talent, investment, ...) and its observations: a value for a country or an
// organization in a year, with its rank and sources.
import { Field, Float, Int, ObjectType } from "type-graphql";
import { historyOf, valueSources } from "../../domain/curation.js";
import { SupersededValue } from "./history-type.js";
import type { NodeRecord, NodeRef } from "../../domain/graph.js";
import type { RelatedItem } from "../../store/port.js";
import { fieldsOfRecord, NamedNode, Node, ofRecord, reads, str } from "./node-type.js";

@ObjectType({ implements: Node, description: "A measure observed for countries or organizations over the years." })
export class Indicator extends NamedNode {
  @Field()
  slug: string;

  @Field({ description: "Unit of values (percent as 0.79 for 0.79 %, money in USD)." })
  unit: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  static from(record: NodeRecord): Indicator {
    return ofRecord(new Indicator(), record);
  }
}

fieldsOfRecord(Indicator, {
  slug: reads([], (r) => r.key),
  unit: reads(["unit"], (r) => str(r, "unit") ?? ""),
  description: reads(["description"], (r) => str(r, "description")),
});

@ObjectType({ description: "The value of an indicator for a country or an organization in a year." })
export class Observation {
  @Field(() => Int)
  year: number;

  @Field(() => Float)
  value: number;

  @Field(() => Int, { nullable: true, description: "Rank among the subjects of that year, where a source gives one." })
  rank: number | null;

  indicatorSlug: string;
  subject: NodeRef;
  sourceSlugs: string[];

  @Field(() => [SupersededValue], { description: "The values curation writes replaced, oldest first, each with its sources and what replaced it." })
  history: SupersededValue[];

  static from(indicatorSlug: string, subject: NodeRef, item: RelatedItem): Observation {
    return Object.assign(new Observation(), {
      year: item.rel.year as number,
      value: item.rel.value as number,
      rank: (item.rel.rank as number | null) ?? null,
      indicatorSlug,
      subject,
      // The current value's own sources: a replaced value's sources do not vouch for the new one.
      sourceSlugs: valueSources(item.rel, "value"),
      history: historyOf(item.rel).map(SupersededValue.from),
    });
  }
}
