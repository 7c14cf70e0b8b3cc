// Country: identified by its ISO 3166-1 alpha-2 code.
import { Field, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import { entityFields, Node, str, strings } from "./node-type.js";

@ObjectType({ implements: Node, description: "A country, identified by its ISO 3166-1 alpha-2 code." })
export class Country extends Node {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. KR." })
  code: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: "Name in Korean." })
  nameKo: string | null;

  @Field(() => [String])
  aliases: string[];

  static from(record: NodeRecord): Country {
    return Object.assign(new Country(), entityFields(record), {
      code: record.key,
      name: str(record, "name") ?? record.key,
      nameKo: str(record, "nameKo"),
      aliases: strings(record, "aliases"),
    });
  }
}
