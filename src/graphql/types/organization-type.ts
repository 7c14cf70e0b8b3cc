// Organization: a company, lab, university, government body, nonprofit or media outlet.
import { Field, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { OrganizationKind as OrganizationKindValue } from "../../domain/kinds.js";
import { OrganizationKind } from "./enums.js";
import { fieldsOfRecord, reads, NamedNode, Node, ofRecord, str } from "./node-type.js";

@ObjectType({ implements: Node, description: "A company, lab, university, government body, nonprofit or media outlet." })
export class Organization extends NamedNode {
  @Field()
  slug: string;

  @Field(() => OrganizationKind, { nullable: true })
  kind: OrganizationKindValue | null;

  static from(record: NodeRecord): Organization {
    return ofRecord(new Organization(), record);
  }
}

fieldsOfRecord(Organization, { slug: reads([], (r) => r.key), kind: reads(["orgKind"], (r) => str(r, "orgKind") as OrganizationKindValue | null) });
