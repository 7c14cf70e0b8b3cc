// The embedded store's writes: a batch checked against the graph (its relationships' ends, the
// write's preconditions) and merged into it, all or nothing. memory-store.ts orders the writes and
// makes each durable before it lands here.
import type { GraphBatch, Properties, WriteSummary } from "../../domain/graph.js";
import { mergeSources, uidOf, withoutNulls } from "../../domain/graph.js";
import { failedPrecondition, preconditionNodeNotWritten, preconditionNodes, type NodeState, type Precondition } from "../../domain/preconditions.js";
import { searchTextOf } from "../../domain/search.js";
import { PreconditionFailedError, StoreInputError } from "../port.js";
import type { EdgeAttrs, MemoryGraph, NodeAttrs } from "./storage.js";

/** A relationship may only join nodes that exist or that the same batch writes. */
export function checkBatch(g: MemoryGraph, batch: GraphBatch): void {
  let written: Set<string> | null = null;
  for (const rel of batch.relationships) {
    for (const end of [rel.from, rel.to]) {
      const uid = uidOf(end);
      if (g.has(uid)) continue;
      written ??= new Set(batch.nodes.map(uidOf));
      if (!written.has(uid)) throw new StoreInputError(`${rel.type} refers to ${end.kind} '${end.key}', which does not exist`);
    }
  }
}

/** Refuses the write when a rule does not hold in the graph as it is now (domain/preconditions.ts). */
export function checkPreconditions(g: MemoryGraph, batch: GraphBatch, preconditions: readonly Precondition[]): void {
  if (preconditions.length === 0) return;
  const unwritten = preconditionNodeNotWritten(preconditions, batch.nodes);
  if (unwritten) throw new StoreInputError(`a precondition names ${unwritten.kind} '${unwritten.key}', which the write does not write`);
  const state = new Map<string, NodeState>();
  for (const ref of preconditionNodes(preconditions)) {
    const uid = uidOf(ref);
    if (!g.has(uid)) {
      state.set(uid, { props: null, out: [] });
      continue;
    }
    const out: Array<NodeState["out"][number]> = [];
    g.graph.forEachOutEdge(uid, (_e, attrs, _source, target) => {
      const { kind, key } = g.attrs(target);
      const e = attrs as EdgeAttrs;
      out.push({ type: e.type, to: { kind, key }, key: e.key, props: e.props });
    });
    state.set(uid, { props: g.attrs(uid).props, out });
  }
  const failure = failedPrecondition(preconditions, state);
  if (failure) throw new PreconditionFailedError(failure);
}

/**
 * Merges the batch into the graph, synchronously. Each change pushes onto `undo` the step that
 * takes it back, so that a write that fails part way (a bug: checkBatch passed) leaves the graph as
 * it was: all or nothing, at the cost of the write, not of the graph.
 */
export function applyBatch(g: MemoryGraph, batch: GraphBatch, undo: Array<() => void> = []): WriteSummary {
  const summary: WriteSummary = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 };
  for (const node of batch.nodes) {
    const uid = uidOf(node);
    const existing = g.has(uid) ? g.attrs(uid) : null;
    const props = withoutNulls({ ...(existing?.props ?? {}), ...node.props, sources: mergeSources(existing?.props.sources, node.props.sources) });
    const attrs: NodeAttrs = { kind: node.kind, key: node.key, props, searchText: searchTextOf({ ...node, props }) };
    if (existing) {
      if (!sameProps(existing.props, props)) summary.nodesUpdated++;
      g.replaceNode(uid, attrs);
      undo.push(() => g.replaceNode(uid, existing));
    } else {
      g.addNode(uid, attrs);
      undo.push(() => g.dropNode(uid));
      summary.nodesCreated++;
    }
  }
  for (const rel of batch.relationships) {
    const edge = `${rel.type}|${uidOf(rel.from)}|${uidOf(rel.to)}|${rel.key}`;
    if (g.graph.hasEdge(edge)) {
      const existing = g.graph.getEdgeAttributes(edge) as EdgeAttrs;
      const props = withoutNulls({ ...existing.props, ...rel.props, sources: mergeSources(existing.props.sources, rel.props.sources) });
      if (!sameProps(existing.props, props)) summary.relationshipsUpdated++;
      g.replaceEdge(edge, { ...existing, props });
      undo.push(() => g.replaceEdge(edge, existing));
    } else {
      g.addEdge(edge, uidOf(rel.from), uidOf(rel.to), { type: rel.type, key: rel.key, props: withoutNulls(rel.props) });
      undo.push(() => g.dropEdge(edge));
      summary.relationshipsCreated++;
    }
  }
  return summary;
}

function sameProps(a: Properties, b: Properties): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
