// What curation replaced: when, by whom and on whose word (Supersession), and a replaced score or
// observed value (SupersededValue), kept like a wiki page's history.
import { Field, Float, Int, ObjectType } from "type-graphql";
import type { SupersededValue as SupersededValueRecord } from "../../domain/curation.js";

@ObjectType({ description: "When a curation write replaced a value, what replaced it and on whose word." })
export class Supersession {
  @Field({ description: "ISO 8601 date-time of the write that replaced the value." })
  at: string;

  @Field({ description: "The curator whose write replaced it." })
  curator: string;

  /** The source the new value cites; the Source is loaded by the field resolver. */
  bySlug: string;
}

@ObjectType({ description: "A score or an observed value that a curation write replaced, kept like a wiki page's history." })
export class SupersededValue {
  @Field(() => Float)
  value: number;

  @Field(() => String, { nullable: true, description: "The unit that went with a score." })
  unit: string | null;

  @Field(() => Int, { nullable: true, description: "The rank that went with an observed value." })
  rank: number | null;

  @Field(() => Supersession)
  superseded: Supersession;

  /** The sources the value was held on; the Sources are loaded by the field resolver. */
  sourceSlugs: string[];

  static from(entry: SupersededValueRecord): SupersededValue {
    return Object.assign(new SupersededValue(), {
      value: entry.value,
      unit: entry.unit ?? null,
      rank: entry.rank ?? null,
      sourceSlugs: entry.sources ?? [],
      superseded: Object.assign(new Supersession(), { at: entry.at, curator: entry.curator, bySlug: entry.supersededBy }),
    });
  }
}

