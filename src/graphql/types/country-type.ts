// Country: identified by its ISO 3166-1 alpha-2 code.
import { Field, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import { fieldsOfRecord, reads, NamedNode, Node, ofRecord } from "./node-type.js";

@ObjectType({ implements: Node, description: "A country, identified by its ISO 3166-1 alpha-2 code." })
export class Country extends NamedNode {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. KR." })
  code: string;

  static from(record: NodeRecord): Country {
    return ofRecord(new Country(), record);
  }
}

fieldsOfRecord(Country, { code: reads([], (r) => r.key) });
