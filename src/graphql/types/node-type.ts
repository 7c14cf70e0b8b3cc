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

/**
 * How a field of an entity type is read from the record: the properties it reads (besides the
 * node's kind and key, which every record has) and the function that reads them. The list is what a
 * store projection asks for when a selection names the field (wanted-properties.ts), so a reader
 * that reads a property not in its list would see it missing: tests/graphql/wanted-properties.test.ts
 * reads every field of every seed node both ways.
 */
export interface RecordField<V> {
  readonly props: readonly string[];
  read(record: NodeRecord): V;
}

/** A field that reads `props` of the record with `read`. */
export function reads<V>(props: readonly string[], read: (record: NodeRecord) => V): RecordField<V> {
  return { props, read };
}

type Readers<T> = { [K in keyof T]?: RecordField<T[K]> };

/** Per entity class, the record fields fieldsOfRecord gave it; GraphQL type names to their classes. */
const RECORD_FIELDS = new Map<abstract new () => unknown, ReadonlyMap<string, readonly string[]>>();
const CLASSES_BY_TYPE_NAME = new Map<string, abstract new () => unknown>();

/**
 * Makes fields of a type computed from the object's `record` when graphql-js reads them, instead of
 * copied when the object is built: a walk of thousands of objects reads two or three fields of each
 * (profile in docs/benchmarks.md, "Where (a)'s CPU goes"). Assigning a field (Object.assign in a
 * `from` that builds eagerly, or code that sets a value) stores it on the object, over the reader.
 * The type's GraphQL name (its class name) then answers recordPropertiesOf.
 */
export function fieldsOfRecord<T extends { record: NodeRecord }>(type: abstract new () => T, readers: Readers<T>): void {
  const props = new Map<string, readonly string[]>();
  for (const [name, field] of Object.entries(readers) as Array<[string, RecordField<unknown>]>) {
    props.set(name, field.props);
    Object.defineProperty(type.prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: T) {
        return field.read(this.record);
      },
      set(this: T, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  RECORD_FIELDS.set(type, props);
  CLASSES_BY_TYPE_NAME.set(type.name, type);
}

/**
 * The properties each record-read field of the GraphQL type `typeName` reads, its own and its
 * ancestors' (a Model's `name` is Asset's); null for a type whose objects are not built lazily from
 * their record by fieldsOfRecord (their `from` may read any property).
 */
export function recordPropertiesOf(typeName: string): ReadonlyMap<string, readonly string[]> | null {
  const type = CLASSES_BY_TYPE_NAME.get(typeName);
  if (!type) return null;
  const all = new Map<string, readonly string[]>();
  for (let c: unknown = type; typeof c === "function" && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    for (const [field, props] of RECORD_FIELDS.get(c as abstract new () => unknown) ?? []) if (!all.has(field)) all.set(field, props);
  }
  return all;
}

/** An object of an entity type whose fields are read from `record` (fieldsOfRecord). */
export function ofRecord<T extends { record: NodeRecord }>(object: T, record: NodeRecord): T {
  object.record = record;
  return object;
}

// Every entity's global id, base64 of its kind and key: made only when a client selects `id`.
fieldsOfRecord(Node as unknown as abstract new () => Node, { id: reads([], (r) => toGlobalId(r.kind as NodeKind, r.key)) });
fieldsOfRecord(NamedNode as unknown as abstract new () => NamedNode, {
  name: reads(["name"], (r) => str(r, "name") ?? r.key),
  nameKo: reads(["nameKo"], (r) => str(r, "nameKo")),
  aliases: reads(["aliases"], (r) => strings(r, "aliases")),
});

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
