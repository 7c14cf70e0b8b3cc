// Per-request DataLoaders over the store port: every relationship field of one level of a query
// becomes ONE store call, whatever the number of parents.
import DataLoader from "dataloader";
import type { NodeRecord, NodeRef } from "../domain/graph.js";
import { uidOf } from "../domain/graph.js";
import type { RelationFilter, RelationName } from "../domain/relations.js";
import type { GroupKey, ModelDimension } from "../domain/model-stats.js";
import type { ModelFilter } from "../domain/relations.js";
import { batchKey, MAX_BATCH_KEYS as MAX_BATCH } from "../store/batch-key.js";
import { WHOLE_PAGES, type CoverageRow, type GraphStore, type ModelGroupRow, type RelatedPage, type RelatedRead, type Window } from "../store/port.js";

/** A related loader and the pages primed into it from the items that carried them (Loaders.primeCarried). */
interface RelatedLoader {
  loader: DataLoader<string, RelatedPage>;
  /** The loader's own cache (DataLoader's cacheMap): whether a key was loaded or primed before. */
  cached: Map<string, Promise<RelatedPage>>;
  /** The pages primed from carried firsts, by key; a key the loader had before is not among them. */
  carried: Map<string, RelatedPage>;
}

export class Loaders {
  readonly nodes: DataLoader<NodeRef, NodeRecord | null, string>;
  readonly coverage: DataLoader<string, CoverageRow[]>;
  private readonly relatedLoaders = new Map<string, RelatedLoader>();
  private readonly groupLoaders = new Map<string, DataLoader<GroupKey, ModelGroupRow | null, string>>();

  constructor(
    private readonly store: GraphStore,
    /** When false, each load is its own store call: the N+1 baseline that benchmarks compare with. */
    private readonly batching = true,
  ) {
    this.nodes = new DataLoader((refs) => store.getNodes(refs), { cacheKeyFn: uidOf, maxBatchSize: MAX_BATCH, batch: batching, name: "nodes" });
    this.coverage = new DataLoader((reports) => store.coverage(reports), { maxBatchSize: MAX_BATCH, batch: batching, name: "coverage" });
  }

  /**
   * The loader of one relation with one filter, window and read (the nodes' properties and whether
   * the total is read, port.ts RelatedRead): parents asking the same thing share it, so a field of a
   * level makes one store call whatever its number of parents.
   */
  related(relation: RelationName, filter: RelationFilter | null, window: Window, read: RelatedRead = WHOLE_PAGES): DataLoader<string, RelatedPage> {
    return this.relatedLoader(relation, filter, window, read).loader;
  }

  private relatedLoader(relation: RelationName, filter: RelationFilter | null, window: Window, read: RelatedRead): RelatedLoader {
    const id = batchKey({ method: "related", relation, filter, window, read });
    let entry = this.relatedLoaders.get(id);
    if (!entry) {
      const cached = new Map<string, Promise<RelatedPage>>();
      const loader = new DataLoader<string, RelatedPage>((keys) => this.store.related(relation, keys, filter, window, read), { maxBatchSize: MAX_BATCH, batch: this.batching, name: relation, cacheMap: cached });
      entry = { loader, cached, carried: new Map() };
      this.relatedLoaders.set(id, entry);
    }
    return entry;
  }

  /**
   * Gives the related loader the pages that a page's items carried (RelatedItem.firsts), by parent
   * key. The loader answers them without a store call, and relatedPage hands them out at once.
   */
  primeCarried(relation: RelationName, window: Window, read: RelatedRead, pages: ReadonlyArray<readonly [key: string, page: RelatedPage]>): void {
    const { loader, cached, carried } = this.relatedLoader(relation, null, window, read);
    for (const [key, page] of pages) {
      // A key loaded before keeps what the loader has, and is answered by it, as DataLoader.prime does.
      if (cached.has(key)) continue;
      carried.set(key, page);
      loader.prime(key, page);
    }
  }

  /**
   * The page of `key` of the relation with no filter: one that primeCarried gave the loader, at once,
   * else the loader's load. A field answered at once returns its value rather than a promise, so
   * graphql-js completes the object without waiting (at 100k models a report's 200 omitted models
   * each have an organization carried).
   */
  relatedPage(relation: RelationName, window: Window, read: RelatedRead, key: string): RelatedPage | Promise<RelatedPage> {
    const { loader, carried } = this.relatedLoader(relation, null, window, read);
    return carried.get(key) ?? loader.load(key);
  }

  /**
   * The loader of modelStats groups by key, for one filter and grouping, with their models in
   * `models` (ModelGroup.models, an indicator's recomputed figures): the groups of a level that ask
   * the same make one modelStats call. A key that names no group gets null.
   */
  modelGroups(filter: ModelFilter | null, groupBy: readonly ModelDimension[], models: Window | null): DataLoader<GroupKey, ModelGroupRow | null, string> {
    const id = JSON.stringify([filter ?? {}, groupBy, models]);
    let loader = this.groupLoaders.get(id);
    if (!loader) {
      loader = new DataLoader(
        async (keys) => {
          // Its readers (a group's models, a recomputed figure) read counts and models, never the summaries.
          const page = await this.store.modelStats({ filter, groupBy, order: "KEY", groups: keys, models, summaries: false }, { after: null, limit: keys.length });
          const byKey = new Map(page.items.map((row) => [JSON.stringify(row.key), row]));
          return keys.map((key) => byKey.get(JSON.stringify(key)) ?? null);
        },
        { cacheKeyFn: (key) => JSON.stringify(key), maxBatchSize: MAX_BATCH, batch: this.batching, name: "model-groups" },
      );
      this.groupLoaders.set(id, loader);
    }
    return loader;
  }

  /**
   * Loads many nodes, in the order of `refs`; missing ones are dropped. A key whose load failed (the
   * store is down: DataLoader puts an Error in its place) fails the whole call with that error,
   * because a node that could not be read is not a node that does not exist.
   */
  async nodesOf(refs: readonly NodeRef[]): Promise<NodeRecord[]> {
    const found = await this.nodes.loadMany(refs);
    const failed = found.find((n): n is Error => n instanceof Error);
    if (failed) throw failed;
    return found.filter((n): n is NodeRecord => n !== null);
  }

  /** Forgets everything loaded so far: a mutation is about to change the graph. */
  clearAll(): void {
    this.nodes.clearAll();
    this.coverage.clearAll();
    this.relatedLoaders.clear();
    this.groupLoaders.clear();
  }

  /** Primes the node cache with whole records a list or relation already returned (never projected ones). */
  prime(records: readonly NodeRecord[]): void {
    for (const r of records) this.nodes.prime(r, r);
  }
}
