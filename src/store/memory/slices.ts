// Graph slices of the embedded store (neighborhood, path, snapshot): breadth-first walks over the
// graphology graph that give exactly what cypher/slice/*.cypher gives on Neo4j (port.ts has the rules).
import type { AbstractGraph as Graph } from "graphology-types";
import type { NodeRecord, RelationshipRecord } from "../../domain/graph.js";
import { refOfUid, uidOf } from "../../domain/graph.js";
import type { NodeKind, RelationshipType } from "../../domain/kinds.js";
import { compareText } from "../../domain/search.js";
import type { GraphSlice } from "../port.js";
import type { EdgeAttrs } from "./storage.js";

/** What the walks need from the store: the graph and how to read a node's record. */
export interface SliceSource {
  graph: Graph;
  record(uid: string): NodeRecord;
}

function relationship(graph: Graph, edge: string): RelationshipRecord {
  const { type, key, props } = graph.getEdgeAttributes(edge) as EdgeAttrs;
  return { type: type as RelationshipType, from: refOfUid(graph.source(edge))!, to: refOfUid(graph.target(edge))!, key, props };
}

/** Source uid, target uid, type, key: the ORDER BY of the Cypher. */
function compareEdges(a: RelationshipRecord, b: RelationshipRecord): number {
  return (
    compareText(uidOf(a.from), uidOf(b.from)) ||
    compareText(uidOf(a.to), uidOf(b.to)) ||
    compareText(a.type, b.type) ||
    compareText(a.key, b.key)
  );
}

/** Every relationship whose two ends are in `uids`, in edge order. */
function edgesAmong(graph: Graph, uids: ReadonlySet<string>): RelationshipRecord[] {
  const edges: RelationshipRecord[] = [];
  for (const uid of uids) {
    graph.forEachOutEdge(uid, (edge, _attrs, _source, target) => {
      if (uids.has(target)) edges.push(relationship(graph, edge));
    });
  }
  return edges.sort(compareEdges);
}

/** Hop counts from `start` (relationships either way) up to `maxHops`, through nodes `pass` accepts. */
function hopCounts(graph: Graph, start: string, maxHops: number, pass: (uid: string) => boolean): Map<string, number> {
  const hops = new Map([[start, 0]]);
  let frontier = [start];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const uid of frontier) {
      graph.forEachNeighbor(uid, (neighbour) => {
        if (hops.has(neighbour) || !pass(neighbour)) return;
        hops.set(neighbour, hop);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  return hops;
}

export function neighborhood(source: SliceSource, center: string, depth: number, kinds: readonly NodeKind[] | null, limit: number): GraphSlice | null {
  const { graph } = source;
  if (!graph.hasNode(center)) return null;
  const allowed = kinds ? new Set<string>(kinds) : null;
  const hops = hopCounts(graph, center, depth, (uid) => !allowed || allowed.has(graph.getNodeAttribute(uid, "kind") as string));
  const ordered = [...hops].sort((a, b) => a[1] - b[1] || compareText(a[0], b[0])).map(([uid]) => uid);
  const kept = ordered.slice(0, limit);
  return { nodes: kept.map((uid) => source.record(uid)), edges: edgesAmong(graph, new Set(kept)), truncated: ordered.length > kept.length };
}

export function path(source: SliceSource, from: string, to: string, maxHops: number): GraphSlice | null {
  const { graph } = source;
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  // Hops to `to` tell, at each step from `from`, which neighbours lie on a shortest path; taking the
  // least uid each time gives the path whose list of uids is least.
  const toTarget = hopCounts(graph, to, maxHops, () => true);
  const length = toTarget.get(from);
  if (length === undefined) return null;
  const uids = [from];
  const edges: RelationshipRecord[] = [];
  for (let at = from, left = length; left > 0; left--) {
    const step = graph
      .neighbors(at)
      .filter((neighbour) => toTarget.get(neighbour) === left - 1)
      .sort(compareText)[0];
    const between = [...graph.edges(at, step), ...graph.edges(step, at)].map((e) => relationship(graph, e));
    edges.push(between.sort((a, b) => compareText(a.type, b.type) || compareText(a.key, b.key))[0]);
    uids.push(step);
    at = step;
  }
  return { nodes: uids.map((uid) => source.record(uid)), edges, truncated: false };
}

export function snapshot(source: SliceSource): GraphSlice {
  const uids = source.graph.nodes().sort(compareText);
  return { nodes: uids.map((uid) => source.record(uid)), edges: source.graph.edges().map((e) => relationship(source.graph, e)).sort(compareEdges), truncated: false };
}
