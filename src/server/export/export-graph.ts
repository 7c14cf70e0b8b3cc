// The graph the XML exports write: a store slice flattened to nodes and edges with typed attribute
// columns, so that GraphML and GEXF declare the same columns the same way.
import type { Properties, PropertyValue } from "../../domain/graph.js";
import { labelOf, uidOf } from "../../domain/graph.js";
import { toEdgeId, toGlobalId } from "../../graphql/ids.js";
import { atOnce } from "../../graphql/limits/event-loop-turns.js";
import type { GraphSlice } from "../../store/port.js";

/** Column types both formats know (GraphML attr.type, GEXF attribute type). */
export type ColumnType = "string" | "long" | "double" | "boolean";

export interface Column {
  name: string;
  type: ColumnType;
}

export type Value = string | number | boolean;

export interface ExportNode {
  id: string;
  label: string;
  /** The node kind (Model, Country, ...). */
  type: string;
  values: Record<string, Value>;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  /** The relationship type (DEVELOPED_BY, ...). */
  type: string;
  values: Record<string, Value>;
}

export interface ExportGraph {
  /** Said in the file's description. */
  title: string;
  nodeColumns: Column[];
  edgeColumns: Column[];
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** Lists are written as one string, items joined by this. */
const LIST_SEPARATOR = " | ";

/** Node and edge columns every export has, before the stored properties. */
const NODE_COLUMNS: Column[] = [
  { name: "type", type: "string" },
  { name: "label", type: "string" },
  { name: "uid", type: "string" },
];
const EDGE_COLUMNS: Column[] = [
  { name: "type", type: "string" },
  { name: "label", type: "string" },
  // Not "key": NetworkX's GEXF reader passes edge attributes as keywords, and `key` is taken there.
  { name: "edgeKey", type: "string" },
];

function valueOf(value: PropertyValue): Value | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.length > 0 ? value.join(LIST_SEPARATOR) : undefined;
  return value as Value;
}

function typeOf(value: Value): ColumnType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isSafeInteger(value) ? "long" : "double";
  return "string";
}

/** One column per property name, typed by every value it takes (mixed kinds of values: string). */
function* columnsOf(rows: ReadonlyArray<Record<string, Value>>, fixed: readonly Column[]): Generator<void, Column[]> {
  const types = new Map<string, Set<ColumnType>>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (!types.has(name)) types.set(name, new Set());
      types.get(name)!.add(typeOf(value));
    }
    yield;
  }
  const reserved = new Set(fixed.map((c) => c.name));
  const extra = [...types.keys()]
    .filter((name) => !reserved.has(name))
    .sort()
    .map((name): Column => {
      const seen = types.get(name)!;
      const type: ColumnType = seen.size === 1 ? [...seen][0] : seen.size === 2 && seen.has("long") && seen.has("double") ? "double" : "string";
      return { name, type };
    });
  return [...fixed, ...extra];
}

/** Stored properties as column values; names the fixed columns use are left out. */
function valuesOf(props: Properties, skip: readonly string[]): Record<string, Value> {
  const values: Record<string, Value> = {};
  for (const [name, raw] of Object.entries(props)) {
    const value = valueOf(raw);
    if (value !== undefined && !skip.includes(name)) values[name] = value;
  }
  return values;
}

/**
 * Flattens a slice, yielding after each node and relationship so that a caller can run it in turns
 * of the event loop (inTurns: the whole graph's rows took about 60 ms in one go); node ids are the
 * API's global ids, edge ids the ids of GraphSlice edges.
 */
export function* exportGraphSteps(slice: GraphSlice, title: string): Generator<void, ExportGraph> {
  const nodes: ExportNode[] = [];
  for (const n of slice.nodes) {
    const label = labelOf(n);
    const uid = uidOf(n);
    nodes.push({ id: toGlobalId(n.kind, n.key), label, type: n.kind, values: { type: n.kind, label, uid, ...valuesOf(n.props, ["name", "type", "label", "uid"]) } });
    yield;
  }
  const edges: ExportEdge[] = [];
  for (const e of slice.edges) {
    edges.push({
      id: toEdgeId(e),
      source: toGlobalId(e.from.kind, e.from.key),
      target: toGlobalId(e.to.kind, e.to.key),
      type: e.type,
      values: { type: e.type, label: e.type, ...(e.key ? { edgeKey: e.key } : {}), ...valuesOf(e.props, ["type", "label", "edgeKey"]) },
    });
    yield;
  }
  return {
    title,
    nodeColumns: yield* columnsOf(nodes.map((n) => n.values), NODE_COLUMNS),
    edgeColumns: yield* columnsOf(edges.map((e) => e.values), EDGE_COLUMNS),
    nodes,
    edges,
  };
}

/** The same, in one go. */
export function exportGraphOf(slice: GraphSlice, title: string): ExportGraph {
  return atOnce(exportGraphSteps(slice, title));
}
