// The Node interface: every entity has a global, opaque id that node(id) resolves.
import { Field, ID, InterfaceType, ObjectType } from "type-graphql";
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

/**
 * An entity known by names that search matches: its name, its Korean name, its aliases. Its fields are
 * inherited by the types that extend it; the schema has no type of its own for it, because
 * type-graphql emits only the types that a field, a resolver or an interface references.
 */
@ObjectType()
export abstract class NamedNode extends Node {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: "Name in Korean." })
  nameKo: string | null;

  @Field(() => [String], { description: "Other names and spellings, matched by search." })
  aliases: string[];
}

/** NamedNode's fields, read from a record; a separate source of Object.assign (no spread: see Model.from). */
export function nameFields(record: NodeRecord): { name: string; nameKo: string | null; aliases: string[] } {
  return { name: str(record, "name") ?? record.key, nameKo: str(record, "nameKo"), aliases: strings(record, "aliases") };
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
