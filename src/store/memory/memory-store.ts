// The embedded store: a graphology multigraph in memory, persisted to KG_DATA_DIR. The default for a
// quick start; it answers every port call exactly as the Neo4j adapter does.
import Graphology from "graphology";
import type { GraphBatch, NodeRecord, NodeRef, Properties, WriteSummary } from "../../domain/graph.js";
import { mergeSources, uidOf } from "../../domain/graph.js";
import { NODE_KINDS, type NodeKind } from "../../domain/kinds.js";
import { parentKinds, RELATIONS, type AssetFilter, type ModelFilter, type ModelOrder, type RelationFilter, type RelationName, type RelationSpec } from "../../domain/relations.js";
import { compareHits, searchScore, searchTextOf } from "../../domain/search.js";
import type { CoverageRow, GraphStore, ListQuery, Page, RelatedItem, SearchHit, StoreCounts, Window } from "../port.js";
import { StoreInputError } from "../port.js";
import type { GraphSlice } from "../port.js";
import * as slices from "./slices.js";
import { compareByName, compareValues, compareValuesDesc, relationComparator } from "./order.js";
import { readGraphFile, writeGraphFile } from "./persistence.js";

// graphology ships CommonJS; under NodeNext its default import is the module object.
const { MultiDirectedGraph } = Graphology as unknown as typeof import("graphology");
type Graph = InstanceType<typeof MultiDirectedGraph>;

interface NodeAttrs {
  kind: NodeKind;
  key: string;
  props: Properties;
  searchText: string;
}
interface EdgeAttrs {
  type: string;
  key: string;
  props: Properties;
}

const SEARCHABLE: ReadonlySet<NodeKind> = new Set(["Country", "Organization", "Model", "Benchmark", "Report"]);

function window<T>(items: T[], w: Window): T[] {
  return items.slice(w.offset, w.offset + w.limit);
}

export class MemoryStore implements GraphStore {
  readonly name = "memory";
  private readonly byKind = new Map<NodeKind, Set<string>>(NODE_KINDS.map((k) => [k, new Set<string>()]));
  /** Writes run one after another, so each persists a consistent graph. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly graph: Graph,
    private readonly dataDir: string | null,
  ) {
    graph.forEachNode((uid, attrs) => this.byKind.get((attrs as NodeAttrs).kind)?.add(uid));
  }

  /** Opens the store persisted in `dataDir` (created when missing); `null` keeps it in memory only. */
  static async open(dataDir: string | null): Promise<MemoryStore> {
    const graph = new MultiDirectedGraph();
    const saved = dataDir ? await readGraphFile(dataDir) : null;
    if (saved) graph.import(saved);
    return new MemoryStore(graph, dataDir);
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
    "report-in-scope-omissions": (uid) =>
      this.inScopeOmissions(uid, [...(this.byKind.get("Model") ?? [])], (report, model) => [report, model]),
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
    const compare = relationComparator(spec.order);
    return parentKeys.map((key) => {
      // A key of a relation over several parent kinds names a node of any of them (asset slugs).
      const items = parentKinds(spec)
        .flatMap((kind) => this.items(relation, uidOf({ kind, key })))
        .filter((item) => this.matchesRelationFilter(item, filter))
        .sort(compare);
      return { items: window(items, w), totalCount: items.length };
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
    records.sort(order ? modelComparator(order) : compareByName);
    return { items: window(records, w), totalCount: records.length };
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const hits: SearchHit[] = [];
    for (const kind of SEARCHABLE) {
      for (const uid of this.byKind.get(kind) ?? []) {
        const node = this.record(uid);
        const score = searchScore(node, text);
        if (score > 0) hits.push({ node, score });
      }
    }
    return hits.sort(compareHits).slice(0, limit);
  }

  write(batch: GraphBatch): Promise<WriteSummary> {
    const run = this.queue.then(() => this.apply(batch));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(batch: GraphBatch): Promise<WriteSummary> {
    for (const rel of batch.relationships) {
      for (const end of [rel.from, rel.to]) {
        const uid = uidOf(end);
        if (!this.graph.hasNode(uid) && !batch.nodes.some((n) => uidOf(n) === uid)) {
          throw new StoreInputError(`${rel.type} refers to ${end.kind} '${end.key}', which does not exist`);
        }
      }
    }
    const summary: WriteSummary = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 };
    const before = this.graph.export();
    try {
      for (const node of batch.nodes) {
        const uid = uidOf(node);
        const existing = this.graph.hasNode(uid) ? (this.graph.getNodeAttributes(uid) as NodeAttrs) : null;
        const props = withoutNulls({ ...(existing?.props ?? {}), ...node.props, sources: mergeSources(existing?.props.sources, node.props.sources) });
        const attrs: NodeAttrs = { kind: node.kind, key: node.key, props, searchText: searchTextOf({ ...node, props }) };
        if (existing) {
          if (!sameProps(existing.props, props)) summary.nodesUpdated++;
          this.graph.replaceNodeAttributes(uid, attrs);
        } else {
          this.graph.addNode(uid, attrs);
          this.byKind.get(node.kind)?.add(uid);
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
        } else {
          this.graph.addDirectedEdgeWithKey(edge, uidOf(rel.from), uidOf(rel.to), { type: rel.type, key: rel.key, props: withoutNulls(rel.props) });
          summary.relationshipsCreated++;
        }
      }
      if (this.dataDir) await writeGraphFile(this.dataDir, this.graph.export());
    } catch (error) {
      this.restore(before);
      throw error;
    }
    return summary;
  }

  /** Puts back the graph as it was before a failed write: all or nothing. */
  private restore(saved: ReturnType<Graph["export"]>): void {
    this.graph.clear();
    this.graph.import(saved);
    for (const set of this.byKind.values()) set.clear();
    this.graph.forEachNode((uid, attrs) => this.byKind.get((attrs as NodeAttrs).kind)?.add(uid));
  }

  async counts(): Promise<StoreCounts> {
    return { nodes: this.graph.order, relationships: this.graph.size };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await this.queue;
  }
}

/** cypher/fragments/asset-filter.cypher: the asset's kind, and the year of its release date. */
function matchesAssetFilter(node: NodeRecord, f: AssetFilter): boolean {
  const date = typeof node.props.releaseDate === "string" ? node.props.releaseDate : null;
  if (f.kind != null && node.kind !== f.kind) return false;
  if (f.releasedYear != null && !(date && date.startsWith(`${f.releasedYear}-`))) return false;
  return true;
}

/** Setting a property to null removes it, as in Neo4j. */
function withoutNulls(props: Properties): Properties {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
}

function sameProps(a: Properties, b: Properties): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const MODEL_SORT_KEYS = {
  NAME: (n: NodeRecord) => String(n.props.name ?? "").toLowerCase(),
  RELEASE_DATE: (n: NodeRecord) => n.props.releaseDate as string | null,
  TRAINING_COST: (n: NodeRecord) => n.props.trainingCostUsd as number | null,
} as const;

function modelComparator(order: ModelOrder): (a: NodeRecord, b: NodeRecord) => number {
  const key = MODEL_SORT_KEYS[order.field];
  const compare = order.direction === "DESC" ? compareValuesDesc : compareValues;
  return (a, b) => compare(key(a), key(b)) || compareByName(a, b);
}
