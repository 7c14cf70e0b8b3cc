// The embedded store's storage: the graphology multigraph and the indexes kept beside it (nodes by
// kind, each node's relationships by type and direction, the word index of search, models by
// release date, and the sorted lists that relation pages are windows of). Every change of the graph goes
// through the mutators here, which keep the indexes in step; reads (reads.ts) and writes
// (writes.ts) see nothing else.
import Graphology from "graphology";
import type { NodeRecord, Properties } from "../../domain/graph.js";
import { NODE_KINDS, type NodeKind } from "../../domain/kinds.js";
import type { CountryLinks } from "../../domain/model-country.js";
import type { RelationName } from "../../domain/relations.js";
import type { SortKey } from "../../domain/sort-keys.js";
import type { RelatedItem } from "../port.js";
// Keeps graphology's neighbour indexes in dictionaries, so lookups stay as fast at 100k models as at 1k.
import "./adjacency.js";
import { lowerBound } from "./order.js";
import { WordIndex, wordsOf } from "./word-index.js";

// graphology ships CommonJS; under NodeNext its default import is the module object.
const { MultiDirectedGraph } = Graphology as unknown as typeof import("graphology");
export type Graph = InstanceType<typeof MultiDirectedGraph>;

export function emptyGraph(): Graph {
  return new MultiDirectedGraph();
}

export interface NodeAttrs {
  kind: NodeKind;
  key: string;
  props: Properties;
  searchText: string;
}

/** What the graph holds on each edge (slices.ts reads it too). */
export interface EdgeAttrs {
  type: string;
  key: string;
  props: Properties;
}

/** One relationship seen from one of its ends: the node at the other end and the relationship. */
export interface Neighbour {
  uid: string;
  edge: string;
  attrs: EdgeAttrs;
}

/**
 * A relation's items for one parent in the relation's order, with their sort keys: what a page of
 * the relation is a window of. `attrs` is null for a derived relation's items (they have no
 * relationship of their own).
 */
export interface SortedItems {
  entries: ReadonlyArray<{ uid: string; attrs: EdgeAttrs | null }>;
  keys: readonly SortKey[];
  /**
   * Its items as served, each built on its first read and then handed to every read until the list
   * is dropped (readers never change an item). At 100k models a walk of 400 organizations' model
   * pages built 8,000 items per request, a third of the store's time and garbage the collector copied.
   */
  served: Array<RelatedItem | undefined>;
}

/**
 * A node's relationships of one type and one direction, in no particular order (readers sort). A
 * plain array rather than a Map by edge key: at 100k models the index held 740k Maps (about 200
 * bytes each when nearly empty, and most hold one or two relationships), 300 MB beside a graph of
 * 440 MB, and every full collection of the process marks all of it. A long list also keeps each
 * edge's position, so that replacing or dropping one of a country's 30,000 relationships is not a scan.
 */
class EdgeList {
  items: Neighbour[] = [];
  private positions: Map<string, number> | null = null;

  /** Drops the room an array keeps for growth (17 slots for one item): called once the graph is loaded. */
  compact(): void {
    this.items = this.items.slice();
  }

  private indexOf(edge: string): number {
    if (this.positions) return this.positions.get(edge) ?? -1;
    for (let i = 0; i < this.items.length; i++) if (this.items[i].edge === edge) return i;
    return -1;
  }

  set(neighbour: Neighbour): void {
    const i = this.indexOf(neighbour.edge);
    if (i >= 0) {
      this.items[i] = neighbour;
      return;
    }
    this.items.push(neighbour);
    if (this.positions) this.positions.set(neighbour.edge, this.items.length - 1);
    else if (this.items.length > LONG_EDGE_LIST) this.positions = new Map(this.items.map((n, at) => [n.edge, at]));
  }

  delete(edge: string): void {
    const i = this.indexOf(edge);
    if (i < 0) return;
    // The last takes the place of the one dropped: order is not kept, positions stay right.
    const last = this.items.pop()!;
    this.positions?.delete(edge);
    if (i < this.items.length) {
      this.items[i] = last;
      this.positions?.set(last.edge, i);
    }
  }
}

/** How many short relation lists the store keeps (MemoryGraph.recentWindows): about 400 bytes each. */
const RECENT_WINDOWS = 50_000;

/** From this many relationships on, an EdgeList keeps their positions by edge key. */
const LONG_EDGE_LIST = 32;

/** A node's relationships of one type: those leaving it and those reaching it (null: none yet). */
interface TypedEdges {
  type: string;
  out: EdgeList | null;
  in: EdgeList | null;
}

const NO_NEIGHBOURS: readonly Neighbour[] = Object.freeze([]);

const SEARCHABLE: ReadonlySet<NodeKind> = new Set(["Country", "Organization", "Model", "Benchmark", "Indicator", "Report"]);

export class MemoryGraph {
  private readonly byKind = new Map<NodeKind, Set<string>>(NODE_KINDS.map((k) => [k, new Set<string>()]));
  /** Words of the searchable nodes, so that search reads the nodes that can match, not all. */
  readonly words = new WordIndex();
  /** Models with a release date, by date: the candidates of a scope's period. Rebuilt after a model is written. */
  private modelDates: Array<{ date: string; uid: string }> | null = null;
  /**
   * Each node's relationships by type, so that a relation reads the relationships of its type, not
   * every relationship of the parent (graphology indexes them by neighbour only): a country holds
   * thousands of organizations and observations, a benchmark thousands of results.
   */
  private readonly adjacency = new Map<string, TypedEdges[]>();
  /**
   * Sorted items of one-hop relations, by parent uid then relation; dropped for a parent when one
   * of its relationships or neighbours changes (their sort keys read both).
   */
  private readonly hopWindows = new Map<string, Map<RelationName, SortedItems>>();
  /** Sorted items of derived relations, by relation and parent; dropped at every write (their rules read far). */
  private readonly derivedWindows = new Map<string, SortedItems>();
  /**
   * Short lists that `keep` declines, by relation and parent: the most recent RECENT_WINDOWS of
   * them (the oldest goes first), dropped at every write. A report's omitted models each read
   * their developers (one or two): at 100k models Q3 built 150 such lists per request. Bounded,
   * since 100k models' short lists of every relation would hold hundreds of MB.
   */
  private readonly recentWindows = new Map<string, SortedItems>();

  constructor(readonly graph: Graph) {
    graph.forEachNode((uid, attrs) => {
      this.byKind.get((attrs as NodeAttrs).kind)?.add(uid);
      this.indexWords(uid, attrs as NodeAttrs);
    });
    graph.forEachEdge((edge, attrs, source, target) => this.indexEdge(edge, source, target, attrs as EdgeAttrs));
    for (const byType of this.adjacency.values()) {
      for (const edges of byType) {
        edges.out?.compact();
        edges.in?.compact();
      }
    }
  }

  /** A node's relationships of one type (a node has a few types: a list is smaller than a Map). */
  private typedEdges(uid: string, type: string): TypedEdges | undefined {
    const byType = this.adjacency.get(uid);
    if (byType) for (const edges of byType) if (edges.type === type) return edges;
    return undefined;
  }

  private typed(uid: string, type: string, direction: "out" | "in"): EdgeList {
    let edges = this.typedEdges(uid, type);
    if (!edges) {
      edges = { type, out: null, in: null };
      const byType = this.adjacency.get(uid);
      if (byType) byType.push(edges);
      else this.adjacency.set(uid, [edges]);
    }
    return (edges[direction] ??= new EdgeList());
  }

  private indexEdge(edge: string, source: string, target: string, attrs: EdgeAttrs): void {
    this.typed(source, attrs.type, "out").set({ uid: target, edge, attrs });
    this.typed(target, attrs.type, "in").set({ uid: source, edge, attrs });
  }

  private unindexEdge(edge: string, source: string, target: string, type: string): void {
    this.typedEdges(source, type)?.out?.delete(edge);
    this.typedEdges(target, type)?.in?.delete(edge);
  }

  /**
   * The sorted items of `relation` for `parent`, from the cache, else built by `build`: kept until
   * a change when `keep` says the list is worth keeping, else among the recent short lists.
   */
  sortedItems(relation: RelationName, parent: string, derived: boolean, build: () => SortedItems, keep: (sorted: SortedItems) => boolean): SortedItems {
    const hop = derived ? undefined : this.hopWindows.get(parent)?.get(relation);
    if (hop) return hop;
    const key = `${relation}|${parent}`;
    const cached = (derived ? this.derivedWindows.get(key) : undefined) ?? this.recentWindows.get(key);
    if (cached) return cached;
    const sorted = build();
    if (!keep(sorted)) {
      if (this.recentWindows.size >= RECENT_WINDOWS) this.recentWindows.delete(this.recentWindows.keys().next().value!);
      this.recentWindows.set(key, sorted);
      return sorted;
    }
    if (derived) this.derivedWindows.set(key, sorted);
    else {
      let byRelation = this.hopWindows.get(parent);
      if (!byRelation) this.hopWindows.set(parent, (byRelation = new Map()));
      byRelation.set(relation, sorted);
    }
    return sorted;
  }

  /** Forgets the sorted items that a change of `uids` may have reordered. */
  private changed(...uids: string[]): void {
    for (const uid of uids) this.hopWindows.delete(uid);
    this.derivedWindows.clear();
    this.recentWindows.clear();
  }

  /** A node's properties changed: the windows of its neighbours hold it under its old sort key. */
  private nodeChanged(uid: string): void {
    this.changed(uid);
    if (this.hopWindows.size > 0) this.graph.forEachNeighbor(uid, (neighbour) => this.changed(neighbour));
  }

  private indexWords(uid: string, attrs: NodeAttrs): void {
    if (SEARCHABLE.has(attrs.kind)) this.words.set(uid, wordsOf(attrs));
  }

  has(uid: string): boolean {
    return this.graph.hasNode(uid);
  }

  attrs(uid: string): NodeAttrs {
    return this.graph.getNodeAttributes(uid) as NodeAttrs;
  }

  record(uid: string): NodeRecord {
    const { kind, key, props } = this.attrs(uid);
    return { kind, key, props };
  }

  /** The uids of every node of `kind`. */
  uidsOf(kind: NodeKind): ReadonlySet<string> {
    return this.byKind.get(kind) ?? new Set();
  }

  /**
   * The nodes joined to `uid` by relationships of `type`, leaving it ("out") or reaching it ("in"),
   * in no particular order. The index's own list, not a copy (a read of a country's models would
   * otherwise copy 30,000 entries): callers read it and let go of it before the next write.
   */
  neighbours(uid: string, type: string, direction: "out" | "in"): readonly Neighbour[] {
    return this.typedEdges(uid, type)?.[direction]?.items ?? NO_NEIGHBOURS;
  }

  /** The types of the relationships from `from` to `to`. */
  typesBetween(from: string, to: string): string[] {
    return this.graph.outEdges(from, to).map((e) => (this.graph.getEdgeAttributes(e) as EdgeAttrs).type);
  }

  /** What domain/model-country.ts reads, from this graph. */
  readonly countryLinks: CountryLinks = {
    ownCountries: (model) => this.neighbours(model, "ORIGINATES_IN", "out").map((n) => n.uid),
    developers: (model) => this.neighbours(model, "DEVELOPED_BY", "out").map((n) => ({ uid: n.uid, order: n.attrs.props.order })),
    headquarters: (organization) => this.neighbours(organization, "HEADQUARTERED_IN", "out").map((n) => n.uid),
  };

  /** The models released from `from` to `to` (inclusive; null: open), by binary search over the models sorted by date. */
  modelsReleasedBetween(from: string | null, to: string | null): string[] {
    const dates = this.modelDatesIndex();
    const lo = from === null ? 0 : lowerBound(dates.length, (i) => dates[i].date < from);
    const found: string[] = [];
    for (let i = lo; i < dates.length && (to === null || dates[i].date <= to); i++) found.push(dates[i].uid);
    return found;
  }

  private modelDatesIndex(): Array<{ date: string; uid: string }> {
    if (!this.modelDates) {
      const dates: Array<{ date: string; uid: string }> = [];
      for (const uid of this.uidsOf("Model")) {
        const date = this.attrs(uid).props.releaseDate;
        if (typeof date === "string") dates.push({ date, uid });
      }
      this.modelDates = dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    return this.modelDates;
  }

  // The mutators: the only changes of the graph, each keeping the indexes in step.

  addNode(uid: string, attrs: NodeAttrs): void {
    this.changed();
    this.graph.addNode(uid, attrs);
    this.byKind.get(attrs.kind)?.add(uid);
    this.indexWords(uid, attrs);
    if (attrs.kind === "Model") this.modelDates = null;
  }

  replaceNode(uid: string, attrs: NodeAttrs): void {
    this.nodeChanged(uid);
    this.graph.replaceNodeAttributes(uid, attrs);
    this.indexWords(uid, attrs);
    if (attrs.kind === "Model") this.modelDates = null;
  }

  /** Takes back a node added by addNode (its relationships are dropped with it). */
  dropNode(uid: string): void {
    const { kind } = this.attrs(uid);
    this.nodeChanged(uid);
    this.graph.forEachEdge(uid, (edge, attrs, source, target) => this.unindexEdge(edge, source, target, (attrs as EdgeAttrs).type));
    this.adjacency.delete(uid);
    this.graph.dropNode(uid);
    this.byKind.get(kind)?.delete(uid);
    this.words.delete(uid);
    if (kind === "Model") this.modelDates = null;
  }

  addEdge(edge: string, from: string, to: string, attrs: EdgeAttrs): void {
    this.graph.addDirectedEdgeWithKey(edge, from, to, attrs);
    this.indexEdge(edge, from, to, attrs);
    this.changed(from, to);
  }

  replaceEdge(edge: string, attrs: EdgeAttrs): void {
    const [from, to] = this.graph.extremities(edge);
    this.graph.replaceEdgeAttributes(edge, attrs);
    this.indexEdge(edge, from, to, attrs);
    this.changed(from, to);
  }

  dropEdge(edge: string): void {
    const [from, to] = this.graph.extremities(edge);
    this.unindexEdge(edge, from, to, (this.graph.getEdgeAttributes(edge) as EdgeAttrs).type);
    this.graph.dropEdge(edge);
    this.changed(from, to);
  }
}
