// The Neo4j adapter of the store port: every call is one parameterized query from cypher/.
import type { GraphBatch, NodeRecord, NodeRef, Properties, PropertyValue, RelationshipRecord, WriteSummary } from "../../domain/graph.js";
import { refOfUid, uidOf } from "../../domain/graph.js";
import { keyProperty, RELATIONSHIP_TYPE_NAMES, type NodeKind, type RelationshipType } from "../../domain/kinds.js";
import { firstsCarriedBy, RELATION_NAMES, type RelationFilter, type RelationName } from "../../domain/relations.js";
import { searchTextOf, searchWordsOf, tokenize } from "../../domain/search.js";
import { failedPrecondition, preconditionNodeNotWritten, preconditionNodes, preconditionTypes, type NodeState, type Precondition } from "../../domain/preconditions.js";
import { listOrder } from "../../domain/sort-keys.js";
import { batchKey } from "../batch-key.js";
import type { CoverageRow, GraphSlice, GraphStore, ListQuery, ModelGroupRow, ModelStatsQuery, Page, RelatedItem, RelatedPage, RelatedRead, SearchHit, StoreCounts, Window, WriteOptions } from "../port.js";
import { comparableKey, type GroupKey, type NumericSummary } from "../../domain/model-stats.js";
import { PreconditionFailedError, SLICE_LIMITS, StoreInputError, WHOLE_PAGES } from "../port.js";
import { CypherFiles, statements } from "./cypher-files.js";
import { Executor, isStoreProperty, recordOfProperties } from "./executor.js";
import type { Neo4jOptions } from "./neo4j-options.js";
import { ReadBatcher } from "./read-batcher.js";

/** cypher/slice/: one neighborhood file per depth (a path length bound must be a literal), path, snapshot. */
const SLICE_QUERIES = [...Array.from({ length: SLICE_LIMITS.maxDepth }, (_, i) => `slice/neighborhood-${i + 1}`), "slice/path", "slice/snapshot"];

const QUERIES = [
  "entity/get-by-uids",
  "entity/list",
  "entity/search",
  "entity/counts",
  "model/list",
  "organization/list",
  "write/merge-nodes",
  "write/merge-relationships",
  "write/precondition-nodes",
  "write/precondition-state",
  "write/search-words-missing",
  "write/search-words",
  "report/coverage",
  "stats/model-stats",
  "stats/model-stats-released-in",
  "health/ready",
  ...SLICE_QUERIES,
  ...RELATION_NAMES.map((name) => `related/${name}`),
];

/** A relationship as cypher/slice/ returns it: {type, from, to, key, r: its properties}. */
function relationshipOf(row: Row): RelationshipRecord {
  const { key: _key, ...props } = row.r as Properties;
  return { type: row.type as RelationshipRecord["type"], from: refOfUid(row.from as string)!, to: refOfUid(row.to as string)!, key: String(row.key ?? ""), props };
}

function sliceOf(row: Row, truncated: boolean): GraphSlice {
  return { nodes: row.nodes as NodeRecord[], edges: (row.edges as Row[]).map(relationshipOf), truncated };
}

/** Nodes per transaction when migrate fills in searchWords on a database written before them. */
const SEARCH_WORDS_BATCH = 2000;

type Row = Record<string, unknown>;

/**
 * An item of a projected page: [the relationship's values of `relProps`... (or its properties as one
 * map when `relProps` is null), kind, key, the values of `props`...].
 */
function projectedItem(relProps: readonly string[] | null, props: readonly string[], values: readonly unknown[]): RelatedItem {
  const rel = relProps ? propertiesOf(relProps, values, 0) : ((values[0] ?? {}) as Properties);
  return { node: projectedRecord(props, values, relProps ? relProps.length : 1), rel };
}

/** The properties a projection asks Neo4j for (null: whole records): not the store's own, which a projected node always carries (kind, key) or never reads. */
function askedProperties(properties: readonly string[] | null): string[] | null {
  return properties ? properties.filter((p) => !isStoreProperty(p)) : null;
}

/** A projected node from `values` at `at`: [kind, key, the values of `props`...] (fragments/item-properties.cypher, entity/search.cypher). */
function projectedRecord(props: readonly string[], values: readonly unknown[], at: number): NodeRecord {
  return { kind: values[at] as NodeKind, key: values[at + 1] as string, props: propertiesOf(props, values, at + 2) };
}

/** How a projected page's items carry their firsts (fragments/firsts-<kind>.cypher): the `$firsts` parameter, and the decoding. */
interface FirstsPlan {
  /** Per first the target kind can carry (firstsCarriedBy), its projection, or null when not asked. */
  param: Array<{ props: string[]; relProps: readonly string[] | null } | null>;
  /** Per first asked (read.firsts, in that order): its place among the carried ones, and its projection. */
  asked: Array<{ slot: number; props: string[]; relProps: readonly string[] | null }>;
}

function firstsPlan(relation: RelationName, read: RelatedRead): FirstsPlan | null {
  const firsts = read.firsts ?? [];
  if (firsts.length === 0) return null;
  const carried = firstsCarriedBy(relation);
  const param: FirstsPlan["param"] = carried.map(() => null);
  const asked = firsts.map(({ relation: first, read: r }) => {
    const slot = carried.indexOf(first);
    // A programming error: the API asks only for what firstsCarriedBy names, and always projected.
    if (slot < 0 || !r.properties || !read.properties) throw new Error(`related/${relation} carries no projected first item of ${first}`);
    const projection = { props: askedProperties(r.properties)!, relProps: r.relationships };
    param[slot] = projection;
    return { slot, ...projection };
  });
  return { param, asked };
}

/** A projected item with its firsts: they follow the item's values, one list of at most two items per carried first. */
function itemWithFirsts(relProps: readonly string[] | null, props: readonly string[], plan: FirstsPlan, values: readonly unknown[]): RelatedItem {
  const item = projectedItem(relProps, props, values);
  const firstsAt = (relProps ? relProps.length : 1) + 2 + props.length;
  item.firsts = plan.asked.map(({ slot, props: p, relProps: rp }) => {
    const found = (values[firstsAt + slot] ?? []) as unknown[][];
    return { items: found.slice(0, 1).map((v) => projectedItem(rp, p, v)), hasMore: found.length > 1, totalCount: null };
  });
  return item;
}

/** The properties `names` from `values` starting at `from`, in that order; null values are absent (Neo4j stores no nulls). */
function propertiesOf(names: readonly string[], values: readonly unknown[], from: number): Properties {
  const props: Properties = {};
  for (let i = 0; i < names.length; i++) if (values[from + i] !== null) props[names[i]] = values[from + i] as PropertyValue;
  return props;
}

function pageOf<T>(row: Row | undefined, map: (item: Row) => T): Page<T> {
  if (!row) return { items: [], totalCount: 0, hasMore: false };
  return { items: (row.items as Row[]).map(map), totalCount: row.total as number, hasMore: row.more === true };
}

/** Escapes Lucene's special characters in one query word. */
function luceneTerm(word: string): string {
  return word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&");
}

export class Neo4jStore implements GraphStore {
  readonly name = "neo4j";
  private readonly executor: Executor;
  /** Coalesces keyed reads across concurrent requests (read-batcher.ts); null when turned off. */
  private readonly batcher: ReadBatcher | null;

  constructor(
    options: Neo4jOptions,
    private readonly cypher: CypherFiles,
  ) {
    cypher.preload(QUERIES);
    this.executor = new Executor(options, cypher.get("health/ready"));
    this.batcher = options.coalesceReads === false ? null : new ReadBatcher();
  }

  /** Applies cypher/schema.cypher: constraints and indexes, idempotently. */
  async migrate(): Promise<void> {
    await this.executor.runSchema(statements(this.cypher.get("schema")));
    await this.fillSearchWords();
  }

  /**
   * Stores searchWords on the nodes written before the adapter stored them (once: afterwards no
   * node lacks them), so that the full-text index of search finds them.
   */
  private async fillSearchWords(): Promise<void> {
    for (;;) {
      const rows = await this.executor.read(this.cypher.get("write/search-words-missing"), { limit: SEARCH_WORDS_BATCH });
      if (rows.length === 0) return;
      const nodes = rows.map((r) => ({ uid: r.uid as string, words: searchWordsOf({ ...refOfUid(r.uid as string)!, props: r.n as Properties }) }));
      await this.executor.write((run) => run(this.cypher.get("write/search-words"), { nodes }));
    }
  }

  /**
   * Runs a keyed read: through the ReadBatcher (one query for the same `id` from all requests of a
   * turn) unless coalescing is off. `id` names everything the query depends on but the keys.
   */
  private keyedRead<T>(id: string, keys: string[], fetch: (keys: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>> {
    return this.batcher ? this.batcher.load(id, keys, fetch) : fetch(keys);
  }

  async getNodes(refs: readonly NodeRef[]): Promise<Array<NodeRecord | null>> {
    if (refs.length === 0) return [];
    const uids = [...new Set(refs.map(uidOf))];
    const byUid = await this.keyedRead(batchKey({ method: "getNodes" }), uids, async (all) => {
      const rows = await this.executor.read(this.cypher.get("entity/get-by-uids"), { uids: all });
      return new Map(rows.map((r) => [r.uid as string, r.n ? recordOfProperties(r.n as Row) : null]));
    });
    return refs.map((ref) => byUid.get(uidOf(ref)) ?? null);
  }

  async related(relation: RelationName, parentKeys: readonly string[], filter: RelationFilter | null, w: Window, read: RelatedRead = WHOLE_PAGES): Promise<RelatedPage[]> {
    if (parentKeys.length === 0) return [];
    const keys = [...new Set(parentKeys)];
    const { properties, total } = read;
    // A projection (fragments/item-properties.cypher): the target's kind and key always come, so
    // they are not asked again; of the relationship, what the caller reads (all: a map).
    const props = askedProperties(properties);
    const relProps = read.relationships;
    const plan = firstsPlan(relation, read);
    const byKey = await this.keyedRead(batchKey({ method: "related", relation, filter, window: w, read }), keys, async (all) => {
      const params = { keys: all, filter: filter ?? {}, after: w.after, limit: w.limit, props, relProps, total, firsts: plan?.param ?? null };
      const rows = await this.executor.read(this.cypher.get(`related/${relation}`), params);
      return new Map(rows.map((r) => [r.key as string, r]));
    });
    const itemOf: (item: unknown) => RelatedItem = !props
      ? (item) => ({ node: recordOfProperties((item as Row).t as Row), rel: ((item as Row).r ?? {}) as Properties })
      : plan
        ? (item) => itemWithFirsts(relProps, props, plan, item as unknown[])
        : (item) => projectedItem(relProps, props, item as unknown[]);
    return parentKeys.map((key) => {
      const row = byKey.get(key);
      // Null where not asked ($total false: cypher/related/ counts nothing).
      return { ...pageOf(row, itemOf), totalCount: row ? ((row.total as number | null) ?? null) : 0 };
    });
  }

  async list(query: ListQuery, w: Window): Promise<Page<NodeRecord>> {
    // The keyset condition runs in Cypher: `after` is the sort key of listSortKey (domain/sort-keys.ts).
    const window = { after: w.after, limit: w.limit };
    let rows: Row[];
    if (query.kind === "Model") {
      const order = listOrder("Model", query.order)!;
      rows = await this.executor.read(this.cypher.get("model/list"), {
        filter: query.filter ?? {},
        orderField: order.field,
        descending: order.direction === "DESC",
        ...window,
      });
    } else if (query.kind === "Organization") {
      rows = await this.executor.read(this.cypher.get("organization/list"), { filter: query.filter ?? {}, ...window });
    } else {
      rows = await this.executor.read(this.cypher.get("entity/list"), { kind: query.kind, filter: query.filter ?? {}, ...window });
    }
    return pageOf(rows[0], recordOfProperties);
  }

  async coverage(reportKeys: readonly string[]): Promise<CoverageRow[][]> {
    if (reportKeys.length === 0) return [];
    const rows = await this.executor.read(this.cypher.get("report/coverage"), { keys: [...new Set(reportKeys)] });
    const byKey = new Map(rows.map((r) => [r.key as string, r.rows as Array<Record<string, unknown>>]));
    return reportKeys.map((key) =>
      (byKey.get(key) ?? []).map((r) => ({
        countryCode: (r.country as string | null) ?? null,
        inScope: r.inScope as number,
        included: r.included as number,
        omitted: r.omitted as number,
      })),
    );
  }

  /**
   * One query (cypher/stats/model-stats.cypher): the dimensions are parameters, grouping and
   * aggregation run in Neo4j. A filter with a release year reads only that year's models, through
   * the releaseDate index (model-stats-released-in.cypher, the same grouping).
   */
  async modelStats(query: ModelStatsQuery, w: Window): Promise<Page<ModelGroupRow>> {
    const counted = query.order === "COUNT_DESC";
    const after = w.after;
    const file = query.filter?.releasedYear != null ? "stats/model-stats-released-in" : "stats/model-stats";
    const [row] = await this.executor.read(this.cypher.get(file), {
      filter: query.filter ?? {},
      groupBy: [...query.groupBy],
      order: query.order,
      groups: query.groups ? query.groups.map(comparableKey) : null,
      afterCount: after && counted ? after[0] : null,
      afterKey: after ? comparableKey((counted ? after.slice(1) : after) as GroupKey) : null,
      limit: w.limit,
      models: query.models ? { after: query.models.after, limit: query.models.limit } : null,
      summaries: query.summaries !== false,
    });
    const summary = (s: Row | null): NumericSummary | null => s && ({ count: s.count as number, min: (s.min as number | null) ?? null, max: (s.max as number | null) ?? null, avg: (s.avg as number | null) ?? null, sum: (s.sum as number | null) ?? null, median: (s.median as number | null) ?? null });
    return {
      totalCount: row.total as number,
      hasMore: row.more === true,
      items: (row.items as Row[]).map((g) => {
        const models = g.models as Row | null;
        return {
          key: g.key as GroupKey,
          count: g.count as number,
          parameters: summary(g.parameters as Row | null),
          trainingCompute: summary(g.trainingCompute as Row | null),
          trainingCost: summary(g.trainingCost as Row | null),
          models: models ? { items: (models.items as Row[]).map(recordOfProperties), totalCount: g.count as number, hasMore: models.more === true } : null,
        };
      }),
    };
  }

  async search(text: string, limit: number, properties: readonly string[] | null = null): Promise<SearchHit[]> {
    const words = tokenize(text);
    if (words.length === 0) return [];
    if (limit <= 0) return [];
    // Candidates, score, order and limit all in the database (cypher/entity/search.cypher), so that
    // only the hits travel and are decoded; projected as related pages are (kind, key, the asked properties).
    const query = words.map((w) => `${luceneTerm(w)}*`).join(" AND ");
    const props = askedProperties(properties);
    const rows = await this.executor.read(this.cypher.get("entity/search"), { query, words, joined: words.join(" "), limit, props });
    return rows.map((r) => ({ node: props ? projectedRecord(props, r.n as unknown[], 0) : recordOfProperties(r.n as Row), score: r.score as number }));
  }

  async neighborhood(center: NodeRef, depth: number, kinds: readonly NodeKind[] | null, limit: number): Promise<GraphSlice | null> {
    if (!Number.isInteger(depth) || depth < 1 || depth > SLICE_LIMITS.maxDepth) throw new RangeError(`depth must be from 1 to ${SLICE_LIMITS.maxDepth}`);
    const [row] = await this.executor.read(this.cypher.get(`slice/neighborhood-${depth}`), { center: uidOf(center), kinds, limit });
    return row ? sliceOf(row, row.truncated as boolean) : null;
  }

  async path(from: NodeRef, to: NodeRef, maxHops: number): Promise<GraphSlice | null> {
    const [row] = await this.executor.read(this.cypher.get("slice/path"), { from: uidOf(from), to: uidOf(to), maxHops: Math.min(maxHops, SLICE_LIMITS.maxHops) });
    return row ? sliceOf(row, false) : null;
  }

  async snapshot(): Promise<GraphSlice> {
    const [row] = await this.executor.read(this.cypher.get("slice/snapshot"), {});
    return sliceOf(row, false);
  }

  async write(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteSummary> {
    const preconditions = options.preconditions ?? [];
    const unwritten = preconditionNodeNotWritten(preconditions, batch.nodes);
    if (unwritten) throw new StoreInputError(`a precondition names ${unwritten.kind} '${unwritten.key}', which the write does not write`);
    const nodes = batch.nodes.map((n) => ({
      uid: uidOf(n),
      kind: n.kind,
      props: { ...n.props, uid: uidOf(n), kind: n.kind, [keyProperty(n.kind)]: n.key, searchText: searchTextOf(n), searchWords: searchWordsOf(n) },
    }));
    const rels = batch.relationships.map((r) => ({ type: r.type, from: uidOf(r.from), to: uidOf(r.to), key: r.key, props: { ...r.props, key: r.key } }));
    const byType = new Map<RelationshipType, typeof rels>();
    for (const rel of rels) {
      if (!RELATIONSHIP_TYPE_NAMES.includes(rel.type)) throw new StoreInputError(`unknown relationship type '${rel.type}'`);
      const list = byType.get(rel.type) ?? [];
      list.push(rel);
      byType.set(rel.type, list);
    }
    return this.executor.write(async (run) => {
      // The rules first, in the same transaction, with their nodes locked until it ends.
      if (preconditions.length > 0) await this.checkPreconditions(run, batch, preconditions);
      const [n] = nodes.length > 0 ? await run(this.cypher.get("write/merge-nodes"), { nodes }) : [{ created: 0, updated: 0 }];
      const summary = { nodesCreated: n.created as number, nodesUpdated: n.updated as number, relationshipsCreated: 0, relationshipsUpdated: 0 };
      for (const [type, ofType] of byType) {
        const [r] = await run(this.mergeRelationships(type), { rels: ofType });
        const missing = r.missing as string[];
        // Throwing inside the transaction rolls back the nodes written above too: all or nothing.
        if (missing.length > 0) throw new StoreInputError(`relationships refer to nodes that do not exist: ${missing.slice(0, 5).join(", ")}`);
        summary.relationshipsCreated += r.created as number;
        summary.relationshipsUpdated += r.updated as number;
      }
      return summary;
    });
  }

  /** Locks the write's nodes and reads the rules' state (write/precondition-*.cypher); throws when a rule fails. */
  private async checkPreconditions(run: (cypher: string, params: Record<string, unknown>) => Promise<Row[]>, batch: GraphBatch, preconditions: readonly Precondition[]): Promise<void> {
    // Every node the write touches is locked, in uid order: writes that lock in one order cannot
    // deadlock on each other (without it, 8 racing writes of one model met DeadlockDetected, once
    // its curator's source had grown dense with superseded claims).
    const written = new Set(batch.nodes.map(uidOf));
    const touched = new Set([...written, ...batch.relationships.flatMap((r) => [uidOf(r.from), uidOf(r.to)]), ...preconditionNodes(preconditions).map(uidOf)]);
    const uids = [...touched].sort();
    const ids = new Map((await run(this.cypher.get("write/precondition-nodes"), { uids })).map((r) => [r.uid as string, (r.id as string | null) ?? null]));
    const nodes = uids.map((uid) => ({ uid, id: ids.get(uid) ?? null, written: written.has(uid) }));
    const rows = await run(this.cypher.get("write/precondition-state"), { nodes, ...preconditionTypes(preconditions) });
    const state = new Map<string, NodeState>(
      rows.map((row) => [
        row.uid as string,
        {
          props: (row.props as Properties | null) ?? null,
          out: (row.out as Row[]).map((r) => ({ type: r.type as string, to: refOfUid(r.to as string)!, key: String(r.key ?? ""), props: (r.props ?? {}) as Properties })),
        },
      ]),
    );
    const failure = failedPrecondition(preconditions, state);
    if (failure) throw new PreconditionFailedError(failure);
  }

  /**
   * write/merge-relationships.cypher with its dynamic type `$(r.type)` made static for one type of
   * the closed set (domain/kinds.ts). Neo4j 5.26 plans a MERGE of a dynamic type as a scan of every
   * relationship in the database for each row; with a static type it expands between the two ends.
   */
  private mergeRelationships(type: RelationshipType): string {
    return this.cypher.get("write/merge-relationships").replaceAll("$(r.type)", type);
  }

  async counts(): Promise<StoreCounts> {
    const [row] = await this.executor.read(this.cypher.get("entity/counts"), {});
    return { nodes: row.nodes as number, relationships: row.relationships as number };
  }

  ping(): Promise<void> {
    return this.executor.ping();
  }

  close(): Promise<void> {
    return this.executor.close();
  }
}
