// The property-graph records that pass between the store port and its callers.
import type { NodeKind, RelationshipType } from "./kinds.js";

export type Scalar = string | number | boolean | null;
export type PropertyValue = Scalar | readonly string[] | readonly number[];
export type Properties = Record<string, PropertyValue>;

/** A node as the store holds it. `props` always includes `name` and `sources` (slugs). */
export interface NodeRecord {
  kind: NodeKind;
  key: string;
  props: Properties;
}

export interface NodeRef {
  kind: NodeKind;
  key: string;
}

export interface RelationshipRecord {
  type: RelationshipType;
  from: NodeRef;
  to: NodeRef;
  /** Tells apart parallel relationships of one type between the same nodes; "" when there is one. */
  key: string;
  props: Properties;
}

/** What one write applies: nodes are merged by (kind, key), relationships by (type, from, to, key). */
export interface GraphBatch {
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
}

export interface WriteSummary {
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
}

export function uidOf(ref: NodeRef): string {
  return `${ref.kind}:${ref.key}`;
}

export function refOfUid(uid: string): NodeRef | null {
  const at = uid.indexOf(":");
  if (at <= 0) return null;
  return { kind: uid.slice(0, at) as NodeKind, key: uid.slice(at + 1) };
}

/**
 * Provenance accumulates: writing a node or relationship again adds its sources to those it had
 * (in order, without repeats) instead of replacing them. Both stores apply this rule.
 */
export function mergeSources(existing: PropertyValue | undefined, incoming: PropertyValue | undefined): string[] {
  const before = Array.isArray(existing) ? (existing as string[]) : [];
  const added = Array.isArray(incoming) ? (incoming as string[]) : [];
  return [...before, ...added.filter((s) => !before.includes(s))];
}

/** The properties without null and undefined values: setting a property to null removes it, as in Neo4j. */
export function withoutNulls(props: Record<string, PropertyValue | undefined>): Properties {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined)) as Properties;
}

/** How a node is labelled in graph views and exports: its name, else its key. */
export function labelOf(record: NodeRecord): string {
  const name = record.props.name;
  return typeof name === "string" && name.length > 0 ? name : record.key;
}
