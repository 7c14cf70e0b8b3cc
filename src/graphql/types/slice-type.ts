// GraphSlice: a piece of the graph as plain nodes and edges, shaped for drawing libraries
// (Cytoscape.js, graphology, sigma) rather than for walking fields.
import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { NodeRecord, Properties, RelationshipRecord } from "../../domain/graph.js";
import { labelOf } from "../../domain/graph.js";
import { NODE_KINDS, RELATIONSHIP_TYPE_NAMES, type NodeKind, type RelationshipType as RelationshipTypeValue } from "../../domain/kinds.js";
import type { GraphSlice as GraphSliceValue } from "../../store/port.js";
import { toEdgeId, toGlobalId } from "../ids.js";

/** "UnresolvedAsset" -> "UNRESOLVED_ASSET": the schema's name for a node kind. */
export function nodeTypeName(kind: NodeKind): string {
  return kind.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

/** COUNTRY -> "Country", UNRESOLVED_ASSET -> "UnresolvedAsset": the enum over the domain's node kinds. */
export const NodeType = Object.fromEntries(NODE_KINDS.map((k) => [nodeTypeName(k), k])) as Record<string, NodeKind>;
export const RelationshipType = Object.fromEntries(RELATIONSHIP_TYPE_NAMES.map((t) => [t, t])) as { [K in RelationshipTypeValue]: K };

registerEnumType(NodeType, { name: "NodeType", description: "The kind of a node: the GraphQL type that `node(id:)` returns for it, in capitals (UnresolvedAsset: UNRESOLVED_ASSET)." });
registerEnumType(RelationshipType, { name: "RelationshipType", description: "The type of a relationship of the graph." });

@ObjectType({ description: "A node of a graph slice." })
export class SliceNode {
  @Field(() => ID, { description: "Global id; `node(id:)` resolves it." })
  id: string;

  @Field(() => NodeType)
  type: NodeKind;

  @Field({ description: "Its name (a report's title)." })
  label: string;

  @Field(() => GraphQLJSONObject, { description: "Every stored property: names, dates, figures, `sources` (source slugs)." })
  properties: Properties;

  static from(record: NodeRecord): SliceNode {
    return Object.assign(new SliceNode(), {
      id: toGlobalId(record.kind, record.key),
      type: record.kind,
      label: labelOf(record),
      properties: record.props,
    });
  }
}

@ObjectType({ description: "A relationship of a graph slice, from `source` to `target`." })
export class SliceEdge {
  @Field(() => ID, { description: "Opaque and stable within the graph." })
  id: string;

  @Field(() => RelationshipType)
  type: RelationshipTypeValue;

  @Field(() => ID, { description: "Global id of the start node, one of the slice's nodes." })
  source: string;

  @Field(() => ID, { description: "Global id of the end node, one of the slice's nodes." })
  target: string;

  @Field(() => GraphQLJSONObject, { description: "The relationship's properties (`sources`, and `score`, `year`, `order`... by type)." })
  properties: Properties;

  static from(rel: RelationshipRecord): SliceEdge {
    return Object.assign(new SliceEdge(), {
      id: toEdgeId(rel),
      type: rel.type,
      source: toGlobalId(rel.from.kind, rel.from.key),
      target: toGlobalId(rel.to.kind, rel.to.key),
      properties: rel.props,
    });
  }
}

@ObjectType({ description: "Nodes, and edges whose two ends are among them: ready to load into a graph library." })
export class GraphSlice {
  @Field(() => [SliceNode], { description: "Breadth-first from the start: by hops, then by uid. A path's nodes are in path order." })
  nodes: SliceNode[];

  @Field(() => [SliceEdge], { description: "For a path, one per hop in path order." })
  edges: SliceEdge[];

  @Field({ description: "True when `limit` left out nodes within reach." })
  truncated: boolean;

  static from(slice: GraphSliceValue): GraphSlice {
    return Object.assign(new GraphSlice(), { nodes: slice.nodes.map(SliceNode.from), edges: slice.edges.map(SliceEdge.from), truncated: slice.truncated });
  }
}
