// Organization: a company, lab, university, government body, nonprofit or media outlet.
import { Field, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { OrganizationKind as OrganizationKindValue } from "../../domain/kinds.js";
import { OrganizationKind } from "./enums.js";
import { entityFields, NamedNode, nameFields, Node, str } from "./node-type.js";

@ObjectType({ implements: Node, description: "A company, lab, university, government body, nonprofit or media outlet." })
export class Organization extends NamedNode {
  @Field()
  slug: string;

  @Field(() => OrganizationKind, { nullable: true })
  kind: OrganizationKindValue | null;

  static from(record: NodeRecord): Organization {
    return Object.assign(new Organization(), entityFields(record), nameFields(record), {
      slug: record.key,
      kind: str(record, "orgKind") as OrganizationKindValue | null,
    });
  }
}
