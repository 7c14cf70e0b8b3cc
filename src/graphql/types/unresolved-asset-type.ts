// UnresolvedAsset: a placeholder for a dependency that names no asset the graph knows, so that the
// dependency is kept rather than dropped.
import { ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import { Asset } from "./asset-type.js";
import { Node, ofRecord } from "./node-type.js";

@ObjectType({ implements: [Node, Asset], description: "A dependency that names no asset the graph knows (a placeholder; `unresolved` is true)." })
export class UnresolvedAsset extends Asset {
  static from(record: NodeRecord): UnresolvedAsset {
    return ofRecord(new UnresolvedAsset(), record);
  }
}
