// The store port: every read and write the API makes, as batch operations over the property graph.
// Two adapters implement it (store/neo4j and store/memory) and tests/store/contract.test.ts holds
// both to the contracts written here.
import type { GraphBatch, NodeRecord, NodeRef, Properties, RelationshipRecord, WriteSummary } from "../domain/graph.js";
import type { NodeKind } from "../domain/kinds.js";
import type { Precondition, PreconditionFailure } from "../domain/preconditions.js";
import type { CoverageRow } from "../domain/scope.js";
import type { ModelFilter, ModelOrder, NameFilter, OrganizationFilter, RelationFilter, RelationName } from "../domain/relations.js";
import type { GroupKey, ModelDimension, ModelGroupOrder, NumericSummary } from "../domain/model-stats.js";
import type { SortKey } from "../domain/sort-keys.js";

/**
 * A window of a list: at most `limit` items, from the first one whose sort key (domain/sort-keys.ts,
 * for the list's order) comes strictly after `after`; from the start when `after` is null. Keyset,
 * not offset: a write between two windows neither repeats nor skips an item that was there before.
 */
export interface Window {
  after: SortKey | null;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Size of the whole list now, before windowing (it may change between two windows). */
  totalCount: number;
  /** Whether items follow the window. */
  hasMore: boolean;
}

/**
 * What a caller reads of the pages of `related`: with `properties`, the related nodes' properties
 * it reads (null: whole records); with `total` false, it does not read `totalCount`, which an adapter
 * may then leave null rather than count every item of every parent.
 */
export interface RelatedRead {
  properties: readonly string[] | null;
  total: boolean;
  /** With `properties`: the relationships' properties read (null: all of them). */
  relationships: readonly string[] | null;
  /**
   * With `properties`: one-item relations whose first item each item carries (RelatedItem.firsts,
   * in this order), each a relation of firstsCarriedBy(the relation read). None when absent.
   */
  firsts?: readonly FirstRead[];
}

/** A one-item relation read along with a page: each item's node's first item, as `read` says (itself without firsts). */
export interface FirstRead {
  relation: RelationName;
  read: RelatedRead;
}

/** The window of a first item (RelatedRead.firsts, and the fields that answer one item). */
export const FIRST_ITEM: Window = Object.freeze({ after: null, limit: 1 });

/** A page of a relation: its `totalCount` is null where the caller said it does not read it (RelatedRead.total). */
export type RelatedPage = Omit<Page<RelatedItem>, "totalCount"> & { totalCount: number | null };

/** Whole records and totals: what `related` answers when the caller does not say. */
export const WHOLE_PAGES: RelatedRead = Object.freeze({ properties: null, total: true, relationships: null });

/** One item of a relation: the node at the far end and the properties of the relationship. */
export interface RelatedItem {
  node: NodeRecord;
  rel: Properties;
  /**
   * When the read asked for firsts (RelatedRead.firsts): for each, in that order, the page that
   * `related(first.relation, [node.key], null, FIRST_ITEM, first.read)` answers.
   */
  firsts?: RelatedPage[];
}

export type ListQuery =
  | { kind: "Model"; filter?: ModelFilter | null; order?: ModelOrder | null }
  | { kind: "Organization"; filter?: OrganizationFilter | null }
  | { kind: Exclude<NodeKind, "Model" | "Organization">; filter?: NameFilter | null };

export interface SearchHit {
  node: NodeRecord;
  score: number;
}

/** How a report covers one country's models (Report.coverage): the rule is domain/scope.ts. */
export type { CoverageRow } from "../domain/scope.js";

/** What modelStats groups and how (domain/model-stats.ts has the rule of each dimension). */
export interface ModelStatsQuery {
  filter: ModelFilter | null;
  /** 1..MAX_GROUP_DIMENSIONS distinct dimensions. */
  groupBy: readonly ModelDimension[];
  order: ModelGroupOrder;
  /** Only these groups (keys in the order of `groupBy`); null: every group. */
  groups?: readonly GroupKey[] | null;
  /**
   * With a window, each group also gives its models in that window, ordered by name (lowercased)
   * then uid; the window's `after` is [name, uid]. Null: no models.
   */
  models?: Window | null;
  /**
   * false: the groups' summaries of parameters, training compute and training cost are not
   * computed (null in the rows), for a selection that asks for none of them. Default true.
   */
  summaries?: boolean;
}

/** One group of modelStats. */
export interface ModelGroupRow {
  key: GroupKey;
  count: number;
  /** Null when the query asked for no summaries (ModelStatsQuery.summaries false). */
  parameters: NumericSummary | null;
  trainingCompute: NumericSummary | null;
  trainingCost: NumericSummary | null;
  /** The group's models in ModelStatsQuery.models' window (totalCount = count); null without a window. */
  models: Page<NodeRecord> | null;
}

/**
 * A piece of the graph for drawing and export: nodes, and relationships whose two ends are both
 * among `nodes`. `truncated` says that a limit left nodes out.
 */
export interface GraphSlice {
  nodes: NodeRecord[];
  edges: RelationshipRecord[];
  truncated: boolean;
}

/** Bounds the adapters rely on (the Neo4j one has a Cypher file per neighborhood depth). */
export const SLICE_LIMITS = { maxDepth: 3, maxNodes: 500, maxHops: 6 } as const;

/** What a write asks beside its batch. */
export interface WriteOptions {
  /**
   * Rules checked inside the write's transaction, after every earlier write and before this one
   * lands (domain/preconditions.ts); the first that fails refuses the whole write with a
   * PreconditionFailedError. The node a KEEPS_TARGET or UNCHANGED rule names must be among the
   * batch's nodes (the Neo4j adapter creates it, if missing, to lock it); a StoreInputError otherwise.
   */
  preconditions?: readonly Precondition[];
}

export interface StoreCounts {
  nodes: number;
  relationships: number;
}

export interface GraphStore {
  /** "neo4j" or "memory", for logs and /readyz. */
  readonly name: string;

  /**
   * Nodes by reference. Returns exactly `refs.length` entries in the order of `refs`, `null` where
   * no node exists. Duplicate refs are allowed.
   */
  getNodes(refs: readonly NodeRef[]): Promise<Array<NodeRecord | null>>;

  /**
   * One relation for many parents (keys of the relation's parent kind). Returns exactly
   * `parentKeys.length` pages in key order; a missing parent gets an empty page. Each page is
   * ordered as RELATIONS[relation].order says and windowed per parent; `totalCount` counts the
   * parent's items after `filter`. The window's `after` is a key of relatedSortKey for the
   * relation's order.
   *
   * `read` says what the caller reads (RelatedRead; whole records and totals when not given). With
   * `read.properties`, an adapter may return only those properties of the nodes (and their kind and
   * key) and of each relationship only `read.relationships` (all when null), so that a walk asking
   * two of twenty-five properties moves two; it may also return more (the embedded store hands out
   * its records without copying). A projected record is never to be cached as the node. With
   * `read.total` false, `totalCount` may be null. With `read.firsts`, every item carries the first
   * item of those relations of its node (RelatedItem.firsts): the same pages as a `related` call of
   * each would give, read in the same call.
   */
  related(relation: RelationName, parentKeys: readonly string[], filter: RelationFilter | null, window: Window, read?: RelatedRead): Promise<RelatedPage[]>;

  /**
   * A filtered, ordered, windowed list of one kind. Default order: name (case-insensitive), then key.
   * Sorting puts nulls last in both directions; ties break on the uid, so paging is stable. The
   * window's `after` is a key of listSortKey for the query's order (models: NAME ASC when none).
   */
  list(query: ListQuery, window: Window): Promise<Page<NodeRecord>>;

  /**
   * Nodes of the searchable kinds (countries, organizations, models, benchmarks, indicators, reports) whose
   * name, Korean name or an alias matches `text` (domain/search.ts), best first, at most `limit`.
   * With `properties` (as RelatedRead.properties): each hit's record holds those of its properties,
   * at least; an adapter may return whole records, which every reader reads alike.
   */
  search(text: string, limit: number, properties?: readonly string[] | null): Promise<SearchHit[]>;

  /**
   * For each report key, one row per country of the models the report includes, omits or holds in
   * its scope, ordered by country code (null last). Exactly `reportKeys.length` entries; an unknown
   * report gets [].
   */
  coverage(reportKeys: readonly string[]): Promise<CoverageRow[][]>;

  /**
   * Models matching `query.filter`, grouped by `query.groupBy` (a model counts once in each group of
   * its values: domain/model-stats.ts), each group with its count and the summary of parameters,
   * training compute and training cost over its models that have the value. Groups are ordered by
   * `query.order` (domain/model-stats.ts groupSortKey: COUNT_DESC by count descending, then key;
   * KEY by key; key values ascending, nulls last) and windowed by `window`, whose `after` is a
   * groupSortKey. Grouping and aggregation run in the store (one Cypher query on Neo4j).
   */
  modelStats(query: ModelStatsQuery, window: Window): Promise<Page<ModelGroupRow>>;

  /**
   * The nodes within `depth` hops (1..SLICE_LIMITS.maxDepth) of `center`, relationships taken in
   * either direction. With `kinds`, the walk only passes through nodes of those kinds (the center
   * is always in), so every node of the slice is joined to the center inside the slice. Nodes come
   * in BFS order: by hop count, ties by uid; the first `limit` (1..maxNodes) are kept and
   * `truncated` says whether more were in reach. Edges are every relationship between two kept
   * nodes, ordered by source uid, target uid, type, key. `null` when `center` does not exist.
   */
  neighborhood(center: NodeRef, depth: number, kinds: readonly NodeKind[] | null, limit: number): Promise<GraphSlice | null>;

  /**
   * A shortest path from `from` to `to` of at most `maxHops` (0..SLICE_LIMITS.maxHops) hops,
   * relationships taken in either direction: nodes in path order, `edges[i]` joining `nodes[i]` and
   * `nodes[i + 1]`. Among shortest paths, the one whose list of node uids is least, then whose list
   * of (type, key) per hop is least, so that the answer does not depend on the store. `null` when
   * either end is missing or no path is that short. `from` = `to` gives the lone node.
   */
  path(from: NodeRef, to: NodeRef, maxHops: number): Promise<GraphSlice | null>;

  /** The whole graph: every node by uid, every relationship in the order of `neighborhood`. */
  snapshot(): Promise<GraphSlice>;

  /**
   * Merges nodes by (kind, key) and relationships by (type, from, to, key), all or nothing, if
   * every precondition of `options` holds when the write runs. No reader sees any of it before it
   * is durable; it resolves once it is. A write the store could not save rejects with a
   * StorageFailedError (or a StoreUnavailableError when the store is down).
   */
  write(batch: GraphBatch, options?: WriteOptions): Promise<WriteSummary>;

  counts(): Promise<StoreCounts>;

  /**
   * Resolves when the store can serve (Neo4j: a read query succeeds; embedded: its last write was
   * saved, or a probe write is); rejects with a StoreUnavailableError otherwise.
   */
  ping(): Promise<void>;

  close(): Promise<void>;
}

/** The store cannot be reached (Neo4j down, timed out). The API answers SERVICE_UNAVAILABLE. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

/**
 * The store's own storage failed (disk full, I/O error), so the store cannot save writes. Its message
 * says why and where (an error code and the data directory, nothing secret), for whoever sent the
 * write and for /readyz; the API answers SERVICE_UNAVAILABLE with it.
 */
export class StorageFailedError extends StoreUnavailableError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StorageFailedError";
  }
}

/**
 * The store gave up on a call that ran past its own time limit (Neo4j's transaction timeout,
 * NEO4J_TX_TIMEOUT_MS): the store is up but the work was too slow. The API answers
 * SERVICE_UNAVAILABLE with this message, which names the limit and nothing secret.
 */
export class StoreTimeoutError extends StoreUnavailableError {
  constructor(readonly timeoutMs: number, options?: { cause?: unknown }) {
    super(`The graph store stopped this request's query at its ${timeoutMs} ms limit; ask for less (smaller pages, fewer levels), or try again shortly.`, options);
    this.name = "StoreTimeoutError";
  }
}

/** A write refers to something that does not exist or breaks a rule of the graph. */
export class StoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreInputError";
  }
}

/** A write rule did not hold when the write ran (port.WriteOptions); nothing was written. */
export class PreconditionFailedError extends StoreInputError {
  constructor(readonly failure: PreconditionFailure) {
    super(PreconditionFailedError.describe(failure));
    this.name = "PreconditionFailedError";
  }

  private static describe({ precondition: p, held }: PreconditionFailure): string {
    if (p.kind === "KEEPS_TARGET") return `${p.from.kind} '${p.from.key}' holds ${p.type} to ${held?.kind} '${held?.key}'`;
    if (p.kind === "UNCHANGED") return `${p.node.kind} '${p.node.key}' changed since it was read`;
    return `${p.type} from ${p.from.kind} '${p.from.key}' to ${p.to.kind} '${p.to.key}' changed since it was read`;
  }
}
