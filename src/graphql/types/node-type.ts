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

type Readers<T> = { [K in keyof T]?: (record: NodeRecord) => T[K] };

/**
 * Makes fields of a type computed from the object's `record` when graphql-js reads them, instead of
 * copied when the object is built: a walk of thousands of objects reads two or three fields of each
 * (profile in docs/benchmarks.md, "Where (a)'s CPU goes"). Assigning a field (Object.assign in a
 * `from` that builds eagerly, or code that sets a value) stores it on the object, over the reader.
 */
export function fieldsOfRecord<T extends { record: NodeRecord }>(type: abstract new () => T, readers: Readers<T>): void {
  for (const [name, read] of Object.entries(readers) as Array<[string, (record: NodeRecord) => unknown]>) {
    Object.defineProperty(type.prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: T) {
        return read(this.record);
      },
      set(this: T, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
}

/** An object of an entity type whose fields are read from `record` (fieldsOfRecord). */
export function ofRecord<T extends { record: NodeRecord }>(object: T, record: NodeRecord): T {
  object.record = record;
  return object;
}

// Every entity's global id, base64 of its kind and key: made only when a client selects `id`.
fieldsOfRecord(Node as unknown as abstract new () => Node, { id: (r) => toGlobalId(r.kind as NodeKind, r.key) });
fieldsOfRecord(NamedNode as unknown as abstract new () => NamedNode, { name: (r) => str(r, "name") ?? r.key, nameKo: (r) => str(r, "nameKo"), aliases: (r) => strings(r, "aliases") });

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
