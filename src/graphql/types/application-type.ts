// Application: a product or service built on models (ChatGPT, GitHub Copilot, ...).
import { ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import { Asset } from "./asset-type.js";
import { Node, ofRecord } from "./node-type.js";

@ObjectType({ implements: [Node, Asset], description: "An application built on foundation models." })
export class Application extends Asset {
  static from(record: NodeRecord): Application {
    return ofRecord(new Application(), record);
  }
}
