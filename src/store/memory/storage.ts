// The embedded store's storage: the graphology multigraph and the indexes kept beside it (nodes by
// kind, the word index of search, models by release date). Every change of the graph goes through
// the mutators here, which keep the indexes in step; reads (reads.ts) and writes (writes.ts) see
// nothing else.
import Graphology from "graphology";
import type { NodeRecord, Properties } from "../../domain/graph.js";
import { NODE_KINDS, type NodeKind } from "../../domain/kinds.js";
import type { CountryLinks } from "../../domain/model-country.js";
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

const SEARCHABLE: ReadonlySet<NodeKind> = new Set(["Country", "Organization", "Model", "Benchmark", "Indicator", "Report"]);

export class MemoryGraph {
  private readonly byKind = new Map<NodeKind, Set<string>>(NODE_KINDS.map((k) => [k, new Set<string>()]));
  /** Words of the searchable nodes, so that search reads the nodes that can match, not all. */
  readonly words = new WordIndex();
  /** Models with a release date, by date: the candidates of a scope's period. Rebuilt after a model is written. */
  private modelDates: Array<{ date: string; uid: string }> | null = null;

  constructor(readonly graph: Graph) {
    graph.forEachNode((uid, attrs) => {
      this.byKind.get((attrs as NodeAttrs).kind)?.add(uid);
      this.indexWords(uid, attrs as NodeAttrs);
    });
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

  /** The nodes joined to `uid` by relationships of `type`, leaving it ("out") or reaching it ("in"). */
  neighbours(uid: string, type: string, direction: "out" | "in"): Neighbour[] {
    const found: Neighbour[] = [];
    const visit = (edge: string, attrs: unknown, source: string, target: string) => {
      const e = attrs as EdgeAttrs;
      if (e.type === type) found.push({ uid: direction === "out" ? target : source, edge, attrs: e });
    };
    if (direction === "out") this.graph.forEachOutEdge(uid, visit);
    else this.graph.forEachInEdge(uid, visit);
    return found;
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
    this.graph.addNode(uid, attrs);
    this.byKind.get(attrs.kind)?.add(uid);
    this.indexWords(uid, attrs);
    if (attrs.kind === "Model") this.modelDates = null;
  }

  replaceNode(uid: string, attrs: NodeAttrs): void {
    this.graph.replaceNodeAttributes(uid, attrs);
    this.indexWords(uid, attrs);
    if (attrs.kind === "Model") this.modelDates = null;
  }

  /** Takes back a node added by addNode (its relationships are dropped with it). */
  dropNode(uid: string): void {
    const { kind } = this.attrs(uid);
    this.graph.dropNode(uid);
    this.byKind.get(kind)?.delete(uid);
    this.words.delete(uid);
    if (kind === "Model") this.modelDates = null;
  }

  addEdge(edge: string, from: string, to: string, attrs: EdgeAttrs): void {
    this.graph.addDirectedEdgeWithKey(edge, from, to, attrs);
  }

  replaceEdge(edge: string, attrs: EdgeAttrs): void {
    this.graph.replaceEdgeAttributes(edge, attrs);
  }

  dropEdge(edge: string): void {
    this.graph.dropEdge(edge);
  }
}
