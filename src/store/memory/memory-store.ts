// The embedded store: a graphology multigraph in memory, persisted to KG_DATA_DIR. The default for a
// quick start; it answers every port call exactly as the Neo4j adapter does.
import Graphology from "graphology";
import type { GraphBatch, NodeRecord, NodeRef, Properties, WriteSummary } from "../../domain/graph.js";
import { mergeSources, uidOf, withoutNulls } from "../../domain/graph.js";
import { NODE_KINDS, type NodeKind } from "../../domain/kinds.js";
import { parentKinds, RELATIONS, type AssetFilter, type ModelFilter, type RelationFilter, type RelationName, type RelationSpec } from "../../domain/relations.js";
import { compareHits, searchScore, searchTextOf, tokenize } from "../../domain/search.js";
import { failedPrecondition, preconditionNodeNotWritten, preconditionNodes, type NodeState, type Precondition } from "../../domain/preconditions.js";
import type { CoverageRow, GraphSlice, GraphStore, ListQuery, ModelGroupRow, ModelStatsQuery, Page, RelatedItem, SearchHit, StoreCounts, Window, WriteOptions } from "../port.js";
import { PreconditionFailedError, StorageFailedError, StoreInputError } from "../port.js";
import * as slices from "./slices.js";
import { modelStats } from "./model-stats.js";
import { compareValues, lowerBound, windowOf } from "./order.js";
import { listDirections, listOrder, listSortKey, relatedDirections, relatedSortKey } from "../../domain/sort-keys.js";
// Keeps graphology's neighbour indexes in dictionaries, so lookups stay as fast at 100k models as at 1k.
import "./adjacency.js";
import { GraphFiles, StoreDamagedError, type SavedGraph } from "./persistence.js";
import { StoreLock } from "./store-lock.js";
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

/** How a process opens the store: to write (holding the lock, as `holder`) or only to read. */
export interface StoreAccess {
  /** Open without the lock; writes are refused and nothing on disk changes. */
  readOnly?: boolean;
  /** What the writer is, for the message a second writer gets: "the server", "kg import". */
  holder?: string;
}

/** A write sent to a store opened read-only. */
export class StoreReadOnlyError extends Error {}

/** The first journal line that does not parse or replay. */
export interface JournalDamage {
  journal: string;
  line: number;
  /** Byte offset of the line: everything from here on is what repair sets aside. */
  offset: number;
  reason: string;
  /** Lines from the damaged one to the end (a torn last line counted too). */
  setAside: number;
}

export interface StoreInspection {
  /** What the snapshot holds, or null when there is none. */
  snapshot: { nodes: number; relationships: number } | null;
  journalLines: number;
  replayed: number;
  tornBytes: number;
  damage: JournalDamage | null;
  /** The graph as far as it replays. */
  counts: StoreCounts;
}

export interface RepairResult {
  setAside: number;
  file: string | null;
  damage: JournalDamage | null;
  counts: StoreCounts;
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
  /**
   * Set when a write could not be saved (disk full, I/O error), with the size of its journal line;
   * cleared when a write is saved again. While set, ping() fails unless a probe write of that size
   * succeeds, so /readyz is 503 until the store can save writes again.
   */
  private unsaved: { bytes: number } | null = null;

  /** The store's lock while this process writes to it (null in memory or read-only). */
  private lock: StoreLock | null = null;
  private readOnly = false;

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
   * A writer holds the store's lock (store-lock.ts) until close(): a second writer is refused at
   * once, naming the first. A read-only open takes no lock, changes nothing on disk, and refuses writes.
   */
  static async open(dataDir: string | null, access: StoreAccess & { files?: GraphFiles } = {}): Promise<MemoryStore> {
    const lock = dataDir && !access.readOnly ? await StoreLock.acquire(dataDir, access.holder ?? "a writer") : null;
    try {
      const { store, damage } = await MemoryStore.load(dataDir, access.files);
      if (damage) {
        throw new StoreDamagedError(
          `the embedded store's journal ${damage.journal} is damaged at line ${damage.line} (${damage.reason}); ` +
            `the writes before it are whole: run \`npm run kg -- verify\` to see the damage, \`npm run kg -- repair\` to set that line and the ${damage.setAside - 1} after it aside`,
        );
      }
      if (lock) await store.files!.dropTornTail();
      store.lock = lock;
      store.readOnly = Boolean(access.readOnly);
      return store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  /**
   * Reads `dataDir` without changing it: the store with every journal line replayed up to the
   * first that does not parse or does not replay (a write the graph refuses), and that line.
   */
  private static async load(dataDir: string | null, given?: GraphFiles): Promise<{ store: MemoryStore; saved: SavedGraph | null; damage: JournalDamage | null }> {
    const graph = new MultiDirectedGraph();
    // `files` lets a test put a slow or failing journal under the store.
    const files = given ?? (dataDir ? new GraphFiles(dataDir) : null);
    const saved = files ? await files.read() : null;
    if (saved?.snapshot) {
      try {
        graph.import(saved.snapshot);
      } catch (error) {
        throw new StoreDamagedError(`the embedded store's snapshot ${files!.snapshotPath} does not load: ${(error as Error).message}`);
      }
    }
    const store = new MemoryStore(graph, files);
    const lines = saved?.lines ?? [];
    for (const [i, entry] of lines.entries()) {
      let reason = entry.error;
      if (entry.batch) {
        const undo: Array<() => void> = [];
        try {
          store.check(entry.batch);
          store.applyInMemory(entry.batch, undo);
        } catch (error) {
          for (const step of undo.reverse()) step();
          reason = `it does not replay: ${(error as Error).message}`;
        }
      }
      if (reason !== null) {
        const damage = { journal: files!.journalPath, line: entry.line, offset: entry.offset, reason, setAside: lines.length - i + (saved!.tornBytes > 0 ? 1 : 0) };
        return { store, saved, damage };
      }
    }
    return { store, saved, damage: null };
  }

  /**
   * What `kg verify` reports of `dataDir`, read-only (a running server may hold the lock): whether
   * the snapshot loads, how many journal lines replay, the first damaged one, and the counts.
   */
  static async inspect(dataDir: string): Promise<StoreInspection> {
    const { store, saved, damage } = await MemoryStore.load(dataDir);
    return {
      snapshot: saved?.snapshot ? { nodes: saved.snapshot.nodes?.length ?? 0, relationships: saved.snapshot.edges?.length ?? 0 } : null,
      journalLines: saved?.lines.length ?? 0,
      replayed: damage ? damage.line - 1 : (saved?.lines.length ?? 0),
      tornBytes: saved?.tornBytes ?? 0,
      damage,
      counts: await store.counts(),
    };
  }

  /**
   * `kg repair`: under the lock, keeps every whole journal line before the first damaged one and
   * moves that line and the rest into graph.journal.damaged-<time>. Nothing is deleted.
   */
  static async repair(dataDir: string, holder: string): Promise<RepairResult> {
    const lock = await StoreLock.acquire(dataDir, holder);
    try {
      const { store, damage } = await MemoryStore.load(dataDir);
      if (!damage) return { setAside: 0, file: null, damage: null, counts: await store.counts() };
      const file = await store.files!.setAside(damage.offset);
      return { setAside: damage.setAside, file, damage, counts: await store.counts() };
    } finally {
      await lock.release();
    }
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
    "organization-unit-models": (uid) => this.unitModels(uid),
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

  /** Grouped statistics over an index of the models (model-stats.ts). */
  async modelStats(query: ModelStatsQuery, w: Window): Promise<Page<ModelGroupRow>> {
    const source = { graph: this.graph, modelUids: () => this.byKind.get("Model") ?? [], record: (uid: string) => this.record(uid), matches: (uid: string, f: ModelFilter) => this.matchesModelFilter(uid, f) };
    return modelStats(source, query, w);
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

  /** cypher/related/organization-unit-models.cypher: the organization and its units (PART_OF, up to 3 levels) developed them. */
  private unitModels(orgUid: string): RelatedItem[] {
    const orgs = new Set<string>([orgUid]);
    let frontier = [orgUid];
    for (let level = 0; level < 3 && frontier.length > 0; level++) {
      frontier = frontier.flatMap((o) => this.neighbours(o, "PART_OF", "in").map((n) => n.uid)).filter((o) => !orgs.has(o));
      for (const o of frontier) orgs.add(o);
    }
    const models = new Set<string>();
    for (const org of orgs) for (const m of this.neighbours(org, "DEVELOPED_BY", "in")) if (this.record(m.uid).kind === "Model") models.add(m.uid);
    return [...models].map((uid) => ({ node: this.record(uid), rel: {} }));
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
    if (filter.benchmark != null && !(item.node.kind === "Benchmark" && item.node.key === filter.benchmark)) return false;
    return true;
  }

  async related(relation: RelationName, parentKeys: readonly string[], filter: RelationFilter | null, w: Window): Promise<Array<Page<RelatedItem>>> {
    const spec = RELATIONS[relation];
    return parentKeys.map((key) => {
      // A key of a relation over several parent kinds names a node of any of them (asset slugs).
      const items = parentKinds(spec)
        .flatMap((kind) => this.items(relation, uidOf({ kind, key })))
        .filter((item) => this.matchesRelationFilter(item, filter));
      return windowOf(items, (item) => relatedSortKey(spec.order, item), relatedDirections(spec.order), w);
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
    if (f.domain && !(Array.isArray(props.domains) && (props.domains as string[]).some((d) => d.toLowerCase() === f.domain!.toLowerCase()))) return false;
    if (f.notable != null && (props.notable === true) !== f.notable) return false;
    if (!within(props.trainingComputeFlop, f.computeMin, f.computeMax)) return false;
    if (!within(props.parameters, f.parametersMin, f.parametersMax)) return false;
    if (f.listedBy && !(Array.isArray(props.sources) && (props.sources as string[]).includes(f.listedBy))) return false;
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
    const order = listOrder(query.kind, query.kind === "Model" ? query.order : null);
    return windowOf(records, (r) => listSortKey(r, order), listDirections(order), w);
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

  write(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteSummary> {
    if (this.readOnly) return Promise.reject(new StoreReadOnlyError("this store was opened read-only: writes go through the process that holds its lock"));
    // The rules are checked in the queue, right before the batch applies: no write runs in between.
    const run = this.queue.then(() => {
      this.checkPreconditions(batch, options.preconditions ?? []);
      return this.apply(batch);
    });
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

  /** Refuses the write when a rule does not hold in the graph as it is now (domain/preconditions.ts). */
  private checkPreconditions(batch: GraphBatch, preconditions: readonly Precondition[]): void {
    if (preconditions.length === 0) return;
    const unwritten = preconditionNodeNotWritten(preconditions, batch.nodes);
    if (unwritten) throw new StoreInputError(`a precondition names ${unwritten.kind} '${unwritten.key}', which the write does not write`);
    const state = new Map<string, NodeState>();
    for (const ref of preconditionNodes(preconditions)) {
      const uid = uidOf(ref);
      if (!this.graph.hasNode(uid)) {
        state.set(uid, { props: null, out: [] });
        continue;
      }
      const out: Array<NodeState["out"][number]> = [];
      this.graph.forEachOutEdge(uid, (_e, attrs, _source, target) => {
        const { kind, key } = this.graph.getNodeAttributes(target) as NodeAttrs;
        const e = attrs as EdgeAttrs;
        out.push({ type: e.type, to: { kind, key }, key: e.key, props: e.props });
      });
      state.set(uid, { props: (this.graph.getNodeAttributes(uid) as NodeAttrs).props, out });
    }
    const failure = failedPrecondition(preconditions, state);
    if (failure) throw new PreconditionFailedError(failure);
  }

  /**
   * Checks the batch against the graph (writes run one at a time, so the graph stays as checked),
   * makes it durable (its journal line, synced), and only then applies it in memory, in one
   * synchronous step: no reader sees a write before it is saved, nor half of one, nor one that
   * is then refused. All or nothing.
   */
  private async apply(batch: GraphBatch): Promise<WriteSummary> {
    this.check(batch);
    if (this.files) await this.save(this.files, batch);
    const undo: Array<() => void> = [];
    let summary: WriteSummary;
    try {
      summary = this.applyInMemory(batch, undo);
    } catch (error) {
      // Not expected once check() passed. The line is on disk: take it back too, or the write
      // would appear at the next start although it was refused.
      for (const step of undo.reverse()) step();
      await this.files?.dropLast();
      throw error;
    }
    if (this.files?.wantsCompaction) {
      // The write is saved and visible whatever happens here. A failed compaction leaves the
      // journal, which still holds every write (persistence.ts retries later); a full disk shows
      // in the next write's answer and in /readyz.
      await this.compact().catch(() => undefined);
    }
    return summary;
  }

  /** Appends the batch's journal line; a failure of the file system is a StorageFailedError saying why. */
  private async save(files: GraphFiles, batch: GraphBatch): Promise<void> {
    try {
      await files.append(batch);
    } catch (error) {
      if (typeof (error as NodeJS.ErrnoException).code !== "string") throw error; // not the disk: a bug
      this.unsaved = { bytes: Buffer.byteLength(JSON.stringify(batch)) + 1 };
      const outcome = files.clean ? "nothing was written" : "it was not applied, but its start may stay in the journal until the next write cuts it off";
      throw new StorageFailedError(`the embedded store could not save the write: ${describeFsError(error)} at ${files.dir}; ${outcome}`, { cause: error });
    }
    this.unsaved = null;
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
   * Merges the batch into the graph, synchronously. Each change pushes onto `undo` the step that
   * takes it back, so that a write that fails part way (a bug: check() passed) leaves the graph as
   * it was: all or nothing, at the cost of the write, not of the graph.
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

  /**
   * Ready unless the last write could not be saved. Then a probe write as large as that one (in the
   * write queue, so never during a write) says whether writes can be saved again.
   */
  async ping(): Promise<void> {
    const { files, unsaved } = this;
    if (!files || !unsaved) return;
    const probe = this.queue.then(() => files.probe(unsaved.bytes));
    this.queue = probe.catch(() => undefined);
    try {
      await probe;
    } catch (error) {
      throw new StorageFailedError(`the embedded store cannot save writes: ${describeFsError(error)} at ${files.dir}`, { cause: error });
    }
    if (this.unsaved === unsaved) this.unsaved = null;
  }

  /** Waits for pending writes, then folds the journal into the snapshot so the next open is quick. */
  async close(): Promise<void> {
    if (this.readOnly) return;
    try {
      await this.queue;
      if (this.files?.hasJournal) await this.compact();
    } finally {
      // A failed compaction keeps the journal (every write is in it); the handle and the lock are let go anyway.
      await this.files?.close();
      await this.lock?.release();
      this.lock = null;
    }
  }
}

/** cypher/fragments/asset-filter.cypher: the asset's kind, and the year of its release date. */
function matchesAssetFilter(node: NodeRecord, f: AssetFilter): boolean {
  const date = typeof node.props.releaseDate === "string" ? node.props.releaseDate : null;
  if (f.kind != null && node.kind !== f.kind) return false;
  if (f.releasedYear != null && !(date && date.startsWith(`${f.releasedYear}-`))) return false;
  return true;
}


/** A file system error as "no space left on device (ENOSPC)", from Node's "ENOSPC: no space left on device, write". */
function describeFsError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const text = /^[A-Z0-9]+: ([^,]+)/.exec(String(message))?.[1];
  if (!code) return String(message);
  return text ? `${text} (${code})` : code;
}

/** cypher/fragments/model-filter.cypher: no bound given, or a number inside the inclusive bounds. */
function within(value: unknown, min: number | null | undefined, max: number | null | undefined): boolean {
  if (min == null && max == null) return true;
  if (typeof value !== "number") return false;
  return (min == null || value >= min) && (max == null || value <= max);
}

function sameProps(a: Properties, b: Properties): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
