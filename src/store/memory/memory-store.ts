// The embedded store: a graphology multigraph in memory, persisted to KG_DATA_DIR. The default for a
// quick start; it answers every port call exactly as the Neo4j adapter does.
import Graphology from "graphology";
import type { GraphBatch, NodeRecord, NodeRef, Properties, WriteSummary } from "../../domain/graph.js";
import { mergeSources, uidOf, withoutNulls } from "../../domain/graph.js";
import { NODE_KINDS, type NodeKind } from "../../domain/kinds.js";
import { parentKinds, RELATIONS, type AssetFilter, type ModelFilter, type RelationFilter, type RelationName, type RelationSpec } from "../../domain/relations.js";
import { compareHits, searchScore, searchTextOf, tokenize } from "../../domain/search.js";
import type { CoverageRow, GraphSlice, GraphStore, ListQuery, Page, RelatedItem, SearchHit, StoreCounts, Window } from "../port.js";
import { StoreInputError } from "../port.js";
import * as slices from "./slices.js";
import { compareValues, compareValuesDesc, lowerBound, sortRecords, sortRelated } from "./order.js";
// Keeps graphology's neighbour indexes in dictionaries, so lookups stay as fast at 100k models as at 1k.
import "./adjacency.js";
import { GraphFiles } from "./persistence.js";
import { WordIndex, wordsOf } from "./word-index.js";

// graphology ships CommonJS; under NodeNext its default import is the module object.
const { MultiDirectedGraph } = Graphology as unknown as typeof import("graphology");
type Graph = InstanceType<typeof MultiDirectedGraph>;

interface NodeAttrs {
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

const SEARCHABLE: ReadonlySet<NodeKind> = new Set(["Country", "Organization", "Model", "Benchmark", "Indicator", "Report"]);

function window<T>(items: T[], w: Window): T[] {
  return items.slice(w.offset, w.offset + w.limit);
}

export class MemoryStore implements GraphStore {
  readonly name = "memory";
  private readonly byKind = new Map<NodeKind, Set<string>>(NODE_KINDS.map((k) => [k, new Set<string>()]));
  /** Writes run one after another, so each persists a consistent graph. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Words of the searchable nodes, so that search reads the nodes that can match, not all. */
  private readonly words = new WordIndex();
  /** Models with a release date, by date: the candidates of a scope's period. Rebuilt after a model is written. */
  private modelDates: Array<{ date: string; uid: string }> | null = null;

  private constructor(
    private readonly graph: Graph,
    private readonly files: GraphFiles | null,
  ) {
    graph.forEachNode((uid, attrs) => {
      this.byKind.get((attrs as NodeAttrs).kind)?.add(uid);
      this.indexWords(uid, attrs as NodeAttrs);
    });
  }

  private indexWords(uid: string, attrs: NodeAttrs): void {
    if (SEARCHABLE.has(attrs.kind)) this.words.set(uid, wordsOf(attrs));
  }

  /**
   * Opens the store persisted in `dataDir` (created when missing); `null` keeps it in memory only.
   * The graph is the snapshot with the journalled writes replayed on top (persistence.ts).
   */
  static async open(dataDir: string | null): Promise<MemoryStore> {
    const graph = new MultiDirectedGraph();
    const files = dataDir ? new GraphFiles(dataDir) : null;
    const saved = files ? await files.read() : null;
    if (saved?.snapshot) graph.import(saved.snapshot);
    const store = new MemoryStore(graph, files);
    for (const batch of saved?.journal ?? []) {
      store.check(batch);
      store.applyInMemory(batch);
    }
    return store;
  }

  private record(uid: string): NodeRecord {
    const { kind, key, props } = this.graph.getNodeAttributes(uid) as NodeAttrs;
    return { kind, key, props };
  }

  async getNodes(refs: readonly NodeRef[]): Promise<Array<NodeRecord | null>> {
    return refs.map((ref) => (this.graph.hasNode(uidOf(ref)) ? this.record(uidOf(ref)) : null));
  }

  /** The traversals with rules of their own (DerivedRelation), as the Cypher of cypher/related/ has them. */
  private readonly derived: Record<string, (uid: string) => RelatedItem[]> = {
    "country-models": (uid) => this.countryModels(uid),
    "model-country": (uid) => {
      const country = this.effectiveCountry(uid);
      return country ? [{ node: this.record(country), rel: {} }] : [];
    },
    "report-in-scope-omissions": (uid) => this.inScopeOmissions(uid, this.scopeCandidates(uid), (report, model) => [report, model]),
    "model-in-scope-omitted-from": (uid) =>
      this.inScopeOmissions(uid, [...(this.byKind.get("Report") ?? [])], (model, report) => [report, model]),
  };

  /** Items of one relation for one parent, unordered. */
  private items(relation: RelationName, uid: string): RelatedItem[] {
    const spec = RELATIONS[relation] as RelationSpec;
    if (!this.graph.hasNode(uid)) return [];
    if ("derived" in spec) return this.derived[relation](uid);
    const items: RelatedItem[] = [];
    const visit = (_edge: string, attrs: unknown, source: string, target: string) => {
      const e = attrs as EdgeAttrs;
      if (e.type !== spec.type) return;
      const other = spec.direction === "out" ? target : source;
      const node = this.record(other);
      if ((spec.target as readonly NodeKind[]).includes(node.kind)) items.push({ node, rel: { ...e.props, key: e.key } });
    };
    if (spec.direction === "out") this.graph.forEachOutEdge(uid, visit);
    else this.graph.forEachInEdge(uid, visit);
    return items;
  }

  private neighbours(uid: string, type: string, direction: "out" | "in"): Array<{ uid: string; props: Properties }> {
    const found: Array<{ uid: string; props: Properties }> = [];
    const visit = (_e: string, attrs: unknown, source: string, target: string) => {
      const e = attrs as EdgeAttrs;
      if (e.type === type) found.push({ uid: direction === "out" ? target : source, props: e.props });
    };
    if (direction === "out") this.graph.forEachOutEdge(uid, visit);
    else this.graph.forEachInEdge(uid, visit);
    return found;
  }

  /** A model's own country, else its first developer's headquarters (the rule of Model.country). */
  private effectiveCountry(modelUid: string): string | null {
    const own = this.neighbours(modelUid, "ORIGINATES_IN", "out");
    if (own.length > 0) return own.map((n) => n.uid).sort()[0];
    const developers = this.neighbours(modelUid, "DEVELOPED_BY", "out").sort(
      (a, b) => compareValues(a.props.order as number, b.props.order as number) || compareValues(a.uid, b.uid),
    );
    if (developers.length === 0) return null;
    const hq = this.neighbours(developers[0].uid, "HEADQUARTERED_IN", "out").map((n) => n.uid).sort();
    return hq[0] ?? null;
  }

  /** Whether `model` falls inside `report`'s declared scope (cypher/fragments/in-scope.cypher). */
  private inScope(reportUid: string, modelUid: string): boolean {
    const report = (this.graph.getNodeAttributes(reportUid) as NodeAttrs).props;
    const model = (this.graph.getNodeAttributes(modelUid) as NodeAttrs).props;
    const { scopeModelKind: kind, scopeReleasedFrom: from, scopeReleasedTo: to } = report;
    if (kind == null && from == null && to == null) return false;
    const date = model.releaseDate as string | undefined;
    if (kind != null && model.modelKind !== kind) return false;
    if (from != null && !(date != null && date >= (from as string))) return false;
    if (to != null && !(date != null && date <= (to as string))) return false;
    return true;
  }

  /**
   * The models that can be inside a report's scope: those released in its period (by binary search
   * over the models sorted by date), or every model when the scope has no period.
   */
  private scopeCandidates(reportUid: string): string[] {
    const { scopeReleasedFrom: from, scopeReleasedTo: to } = (this.graph.getNodeAttributes(reportUid) as NodeAttrs).props;
    if (from == null && to == null) return [...(this.byKind.get("Model") ?? [])];
    const dates = this.modelDatesIndex();
    const lo = from == null ? 0 : lowerBound(dates.length, (i) => dates[i].date < (from as string));
    const found: string[] = [];
    for (let i = lo; i < dates.length && (to == null || dates[i].date <= (to as string)); i++) found.push(dates[i].uid);
    return found;
  }

  private modelDatesIndex(): Array<{ date: string; uid: string }> {
    if (!this.modelDates) {
      const dates: Array<{ date: string; uid: string }> = [];
      for (const uid of this.byKind.get("Model") ?? []) {
        const date = (this.graph.getNodeAttributes(uid) as NodeAttrs).props.releaseDate;
        if (typeof date === "string") dates.push({ date, uid });
      }
      this.modelDates = dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    return this.modelDates;
  }

  private includesOrClaims(reportUid: string, modelUid: string): boolean {
    return this.graph.outEdges(reportUid, modelUid).some((e) => ["INCLUDES", "OMITS"].includes((this.graph.getEdgeAttributes(e) as EdgeAttrs).type));
  }

  /** Pairs `uid` with each candidate as (report, model) and keeps the in-scope omissions. */
  private inScopeOmissions(uid: string, candidates: string[], pair: (a: string, b: string) => [string, string]): RelatedItem[] {
    return candidates
      .filter((other) => {
        const [report, model] = pair(uid, other);
        const complete = (this.graph.getNodeAttributes(report) as NodeAttrs).props.scopeInclusionsComplete === true;
        return complete && !this.includesOrClaims(report, model) && this.inScope(report, model);
      })
      .map((other) => ({ node: this.record(other), rel: {} }));
  }

  async coverage(reportKeys: readonly string[]): Promise<CoverageRow[][]> {
    return reportKeys.map((key) => {
      const report = uidOf({ kind: "Report", key });
      if (!this.graph.hasNode(report)) return [];
      const complete = (this.graph.getNodeAttributes(report) as NodeAttrs).props.scopeInclusionsComplete === true;
      const rows = new Map<string | null, CoverageRow>();
      for (const model of this.byKind.get("Model") ?? []) {
        const types = this.graph.outEdges(report, model).map((e) => (this.graph.getEdgeAttributes(e) as EdgeAttrs).type);
        const included = types.includes("INCLUDES");
        const inScope = this.inScope(report, model);
        if (!included && !inScope && !types.includes("OMITS")) continue;
        const omitted = types.includes("OMITS") || (inScope && !included && complete);
        const country = this.effectiveCountry(model)?.slice("Country:".length) ?? null;
        const row = rows.get(country) ?? { countryCode: country, inScope: 0, included: 0, omitted: 0 };
        row.inScope += inScope ? 1 : 0;
        row.included += included ? 1 : 0;
        row.omitted += omitted ? 1 : 0;
        rows.set(country, row);
      }
      return [...rows.values()].sort((a, b) => compareValues(a.countryCode, b.countryCode));
    });
  }

  /** Graph slices: breadth-first walks in slices.ts (port.ts has the rules). */
  private get sliceSource(): slices.SliceSource {
    return { graph: this.graph, record: (uid) => this.record(uid) };
  }

  async neighborhood(center: NodeRef, depth: number, kinds: readonly NodeKind[] | null, limit: number): Promise<GraphSlice | null> {
    return slices.neighborhood(this.sliceSource, uidOf(center), depth, kinds, limit);
  }

  async path(from: NodeRef, to: NodeRef, maxHops: number): Promise<GraphSlice | null> {
    return slices.path(this.sliceSource, uidOf(from), uidOf(to), maxHops);
  }

  async snapshot(): Promise<GraphSlice> {
    return slices.snapshot(this.sliceSource);
  }

  private countryModels(countryUid: string): RelatedItem[] {
    const models = new Set<string>(this.neighbours(countryUid, "ORIGINATES_IN", "in").map((n) => n.uid));
    for (const org of this.neighbours(countryUid, "HEADQUARTERED_IN", "in")) {
      for (const m of this.neighbours(org.uid, "DEVELOPED_BY", "in")) {
        if (this.effectiveCountry(m.uid) === countryUid) models.add(m.uid);
      }
    }
    // Only models count (datasets and applications originate in countries too), and a model with
    // several own countries counts in its first only, as cypher/related/country-models.cypher has it.
    return [...models]
      .filter((uid) => this.record(uid).kind === "Model" && this.effectiveCountry(uid) === countryUid)
      .map((uid) => ({ node: this.record(uid), rel: {} }));
  }

  private matchesRelationFilter(item: RelatedItem, filter: RelationFilter | null): boolean {
    if (!filter) return true;
    if (filter.year != null && item.rel.year !== filter.year) return false;
    if (filter.indicator != null && !(item.node.kind === "Indicator" && item.node.key === filter.indicator)) return false;
    if (filter.models && !this.matchesModelFilter(uidOf(item.node), filter.models)) return false;
    if (filter.assets && !matchesAssetFilter(item.node, filter.assets)) return false;
    return true;
  }

  async related(relation: RelationName, parentKeys: readonly string[], filter: RelationFilter | null, w: Window): Promise<Array<Page<RelatedItem>>> {
    const spec = RELATIONS[relation];
    return parentKeys.map((key) => {
      // A key of a relation over several parent kinds names a node of any of them (asset slugs).
      const items = parentKinds(spec)
        .flatMap((kind) => this.items(relation, uidOf({ kind, key })))
        .filter((item) => this.matchesRelationFilter(item, filter));
      return { items: window(sortRelated(items, spec.order), w), totalCount: items.length };
    });
  }

  private matchesModelFilter(uid: string, f: ModelFilter): boolean {
    const { props } = this.graph.getNodeAttributes(uid) as NodeAttrs;
    const date = typeof props.releaseDate === "string" ? props.releaseDate : null;
    if (f.nameContains && !this.searchText(uid).includes(f.nameContains.toLowerCase())) return false;
    if (f.releasedYear != null && !(date && date.startsWith(`${f.releasedYear}-`))) return false;
    if (f.releasedAfter && !(date && date > f.releasedAfter)) return false;
    if (f.releasedBefore && !(date && date < f.releasedBefore)) return false;
    if (f.countryCode && this.effectiveCountry(uid) !== `Country:${f.countryCode}`) return false;
    if (f.organizationSlug && !this.neighbours(uid, "DEVELOPED_BY", "out").some((d) => d.uid === `Organization:${f.organizationSlug}`)) return false;
    return true;
  }

  private searchText(uid: string): string {
    return (this.graph.getNodeAttributes(uid) as NodeAttrs).searchText;
  }

  private listUids(query: ListQuery): string[] {
    const uids = [...(this.byKind.get(query.kind) ?? [])];
    if (query.kind === "Model") {
      const filter = query.filter;
      return filter ? uids.filter((uid) => this.matchesModelFilter(uid, filter)) : uids;
    }
    const f = query.filter;
    return uids.filter((uid) => {
      if (f?.nameContains && !this.searchText(uid).includes(f.nameContains.toLowerCase())) return false;
      if (query.kind !== "Organization" || !query.filter) return true;
      const { countryCode, kind } = query.filter;
      const attrs = this.graph.getNodeAttributes(uid) as NodeAttrs;
      if (kind && attrs.props.orgKind !== kind) return false;
      if (countryCode && !this.neighbours(uid, "HEADQUARTERED_IN", "out").some((c) => c.uid === `Country:${countryCode}`)) return false;
      return true;
    });
  }

  async list(query: ListQuery, w: Window): Promise<Page<NodeRecord>> {
    const records = this.listUids(query).map((uid) => this.record(uid));
    const order = query.kind === "Model" ? query.order : null;
    const sorted = order ? sortRecords(records, MODEL_SORT_KEYS[order.field], order.direction === "DESC") : sortRecords(records);
    return { items: window(sorted, w), totalCount: sorted.length };
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const hits: SearchHit[] = [];
    for (const uid of this.words.candidates(tokenize(text))) {
      const node = this.record(uid);
      const score = searchScore(node, text);
      if (score > 0) hits.push({ node, score });
    }
    return hits.sort(compareHits).slice(0, limit);
  }

  write(batch: GraphBatch): Promise<WriteSummary> {
    const run = this.queue.then(() => this.apply(batch));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A relationship may only join nodes that exist or that the same batch writes. */
  private check(batch: GraphBatch): void {
    let written: Set<string> | null = null;
    for (const rel of batch.relationships) {
      for (const end of [rel.from, rel.to]) {
        const uid = uidOf(end);
        if (this.graph.hasNode(uid)) continue;
        written ??= new Set(batch.nodes.map(uidOf));
        if (!written.has(uid)) throw new StoreInputError(`${rel.type} refers to ${end.kind} '${end.key}', which does not exist`);
      }
    }
  }

  /** Checks, applies in memory, then makes the write durable (journal); all or nothing. */
  private async apply(batch: GraphBatch): Promise<WriteSummary> {
    this.check(batch);
    const undo: Array<() => void> = [];
    try {
      const summary = this.applyInMemory(batch, undo);
      if (this.files) {
        await this.files.append(batch);
        if (this.files.wantsCompaction) await this.compact();
      }
      return summary;
    } catch (error) {
      for (const step of undo.reverse()) step();
      throw error;
    }
  }

  /** Folds the journal into a new snapshot. A failure leaves the journal, which still holds every write. */
  private async compact(): Promise<void> {
    const graph = this.graph;
    await this.files?.compact({
      options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
      forEachNode: (visit) => graph.forEachNode((key, attrs) => visit(key, attrs)),
      forEachEdge: (visit) => graph.forEachEdge((key, attrs, source, target) => visit(key, attrs, source, target)),
    });
  }

  /**
   * Merges the batch into the graph. Each change pushes onto `undo` the step that takes it back,
   * so that a write that fails later (while persisting) leaves the graph as it was: all or nothing,
   * at the cost of the write, not of the graph.
   */
  private applyInMemory(batch: GraphBatch, undo: Array<() => void> = []): WriteSummary {
    const summary: WriteSummary = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 };
    for (const node of batch.nodes) {
      const uid = uidOf(node);
      const existing = this.graph.hasNode(uid) ? (this.graph.getNodeAttributes(uid) as NodeAttrs) : null;
      const props = withoutNulls({ ...(existing?.props ?? {}), ...node.props, sources: mergeSources(existing?.props.sources, node.props.sources) });
      const attrs: NodeAttrs = { kind: node.kind, key: node.key, props, searchText: searchTextOf({ ...node, props }) };
      if (node.kind === "Model") this.modelDates = null;
      if (existing) {
        if (!sameProps(existing.props, props)) summary.nodesUpdated++;
        this.graph.replaceNodeAttributes(uid, attrs);
        this.indexWords(uid, attrs);
        undo.push(() => {
          this.graph.replaceNodeAttributes(uid, existing);
          this.indexWords(uid, existing);
          this.modelDates = null;
        });
      } else {
        this.graph.addNode(uid, attrs);
        this.byKind.get(node.kind)?.add(uid);
        this.indexWords(uid, attrs);
        undo.push(() => {
          this.graph.dropNode(uid);
          this.byKind.get(node.kind)?.delete(uid);
          this.words.delete(uid);
          this.modelDates = null;
        });
        summary.nodesCreated++;
      }
    }
    for (const rel of batch.relationships) {
      const edge = `${rel.type}|${uidOf(rel.from)}|${uidOf(rel.to)}|${rel.key}`;
      if (this.graph.hasEdge(edge)) {
        const existing = this.graph.getEdgeAttributes(edge) as EdgeAttrs;
        const props = withoutNulls({ ...existing.props, ...rel.props, sources: mergeSources(existing.props.sources, rel.props.sources) });
        if (!sameProps(existing.props, props)) summary.relationshipsUpdated++;
        this.graph.replaceEdgeAttributes(edge, { ...existing, props });
        undo.push(() => this.graph.replaceEdgeAttributes(edge, existing));
      } else {
        this.graph.addDirectedEdgeWithKey(edge, uidOf(rel.from), uidOf(rel.to), { type: rel.type, key: rel.key, props: withoutNulls(rel.props) });
        undo.push(() => this.graph.dropEdge(edge));
        summary.relationshipsCreated++;
      }
    }
    return summary;
  }

  async counts(): Promise<StoreCounts> {
    return { nodes: this.graph.order, relationships: this.graph.size };
  }

  async ping(): Promise<void> {}

  /** Waits for pending writes, then folds the journal into the snapshot so the next open is quick. */
  async close(): Promise<void> {
    await this.queue;
    if (this.files?.hasJournal) await this.compact();
    await this.files?.close();
  }
}

/** cypher/fragments/asset-filter.cypher: the asset's kind, and the year of its release date. */
function matchesAssetFilter(node: NodeRecord, f: AssetFilter): boolean {
  const date = typeof node.props.releaseDate === "string" ? node.props.releaseDate : null;
  if (f.kind != null && node.kind !== f.kind) return false;
  if (f.releasedYear != null && !(date && date.startsWith(`${f.releasedYear}-`))) return false;
  return true;
}


function sameProps(a: Properties, b: Properties): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const MODEL_SORT_KEYS = {
  NAME: (n: NodeRecord) => String(n.props.name ?? "").toLowerCase(),
  RELEASE_DATE: (n: NodeRecord) => n.props.releaseDate as string | null,
  TRAINING_COST: (n: NodeRecord) => n.props.trainingCostUsd as number | null,
} as const;

