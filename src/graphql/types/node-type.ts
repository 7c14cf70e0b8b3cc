// The Node interface: every entity has a global, opaque id that node(id) resolves.
import { Field, ID, InterfaceType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { NodeKind } from "../../domain/kinds.js";
import { toGlobalId } from "../ids.js";

@InterfaceType({ description: "An entity of the graph, with a global id." })
export abstract class Node {
  @Field(() => ID, { description: "Global, opaque id; resolve it with `node(id:)`." })
  id: string;

  /** The record this object was built from (not exposed). */
  record: NodeRecord;
}

/** Props shared by the entity types, read from a record. */
export function entityFields(record: NodeRecord): { id: string; record: NodeRecord } {
  return { id: toGlobalId(record.kind as NodeKind, record.key), record };
}

export function str(record: NodeRecord, prop: string): string | null {
  const v = record.props[prop];
  return typeof v === "string" ? v : null;
}

export function num(record: NodeRecord, prop: string): number | null {
  const v = record.props[prop];
  return typeof v === "number" ? v : null;
}

export function strings(record: NodeRecord, prop: string): string[] {
  const v = record.props[prop];
  return Array.isArray(v) ? (v as string[]) : [];
}
