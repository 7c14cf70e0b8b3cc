// Dataset: data that models are trained or evaluated on (The Pile, LAION-5B, ...).
import { ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import { Asset } from "./asset-type.js";
import { Node, ofRecord } from "./node-type.js";

@ObjectType({ implements: [Node, Asset], description: "A dataset of the foundation-model ecosystem." })
export class Dataset extends Asset {
  static from(record: NodeRecord): Dataset {
    return ofRecord(new Dataset(), record);
  }
}
