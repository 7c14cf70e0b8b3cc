// Organization: a company, lab, university, government body, nonprofit or media outlet.
import { Field, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { OrganizationKind as OrganizationKindValue } from "../../domain/kinds.js";
import { OrganizationKind } from "./enums.js";
import { entityFields, Node, str, strings } from "./node-type.js";

@ObjectType({ implements: Node, description: "A company, lab, university, government body, nonprofit or media outlet." })
export class Organization extends Node {
  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: "Name in Korean." })
  nameKo: string | null;

  @Field(() => [String])
  aliases: string[];

  @Field(() => OrganizationKind, { nullable: true })
  kind: OrganizationKindValue | null;

  static from(record: NodeRecord): Organization {
    return Object.assign(new Organization(), entityFields(record), {
      slug: record.key,
      name: str(record, "name") ?? record.key,
      nameKo: str(record, "nameKo"),
      aliases: strings(record, "aliases"),
      kind: str(record, "orgKind") as OrganizationKindValue | null,
    });
  }
}
