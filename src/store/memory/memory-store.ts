// The embedded store: a graphology multigraph in memory, persisted to KG_DATA_DIR. The default for a
// quick start; it answers every port call exactly as the Neo4j adapter does. This file holds its
// life (open, replay, inspect, repair, the write queue, durability, close); the graph and its
// indexes are storage.ts, the reads reads.ts, the merging of a batch writes.ts.
import type { GraphBatch, NodeRecord, NodeRef, WriteSummary } from "../../domain/graph.js";
import { uidOf } from "../../domain/graph.js";
import type { NodeKind } from "../../domain/kinds.js";
import type { RelationFilter, RelationName } from "../../domain/relations.js";
import type { CoverageRow, GraphSlice, GraphStore, ListQuery, ModelGroupRow, ModelStatsQuery, Page, RelatedItem, RelatedRead, SearchHit, StoreCounts, Window, WriteOptions } from "../port.js";
import { FIRST_ITEM, StorageFailedError } from "../port.js";
import { GraphFiles, StoreDamagedError, type SavedGraph } from "./persistence.js";
import { modelStats } from "./model-stats.js";
import { MemoryReads } from "./reads.js";
import * as slices from "./slices.js";
import { emptyGraph, MemoryGraph, type Graph } from "./storage.js";
import { StoreLock } from "./store-lock.js";
import { applyBatch, checkBatch, checkPreconditions } from "./writes.js";

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
  /** Writes run one after another, so each persists a consistent graph. */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Set when a write could not be saved (disk full, I/O error), with the size of its journal line;
   * cleared when a write is saved again. While set, ping() fails unless a probe write of that size
   * succeeds, so /readyz is 503 until the store can save writes again.
   */
  private unsaved: { bytes: number } | null = null;

  /** The store's lock while this process writes to it (null in memory or read-only). */
  private lock: StoreLock | null = null;
  private readOnly = false;
  private readonly storage: MemoryGraph;
  private readonly reads: MemoryReads;

  private constructor(
    private readonly graph: Graph,
    private readonly files: GraphFiles | null,
  ) {
    this.storage = new MemoryGraph(graph);
    this.reads = new MemoryReads(this.storage);
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
    const graph = emptyGraph();
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
          checkBatch(store.storage, entry.batch);
          applyBatch(store.storage, entry.batch, undo);
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

  async getNodes(refs: readonly NodeRef[]): Promise<Array<NodeRecord | null>> {
    return refs.map((ref) => (this.storage.has(uidOf(ref)) ? this.storage.record(uidOf(ref)) : null));
  }

  /**
   * Whole items whatever a caller reads (port.ts RelatedRead): each is built once and shared by
   * the reads after it (reads.ts), so a projection would only add work. Firsts asked with the read
   * (RelatedRead.firsts) are each item's own first-item reads, as a separate call would make them.
   */
  async related(relation: RelationName, parentKeys: readonly string[], filter: RelationFilter | null, w: Window, read?: RelatedRead): Promise<Array<Page<RelatedItem>>> {
    const pages = this.reads.related(relation, parentKeys, filter, w);
    const firsts = read?.firsts ?? [];
    if (firsts.length === 0) return pages;
    // Items are shared by later reads (reads.ts): those carrying firsts are copies.
    const withFirsts = (item: RelatedItem): RelatedItem => ({ ...item, firsts: firsts.map((f) => this.reads.related(f.relation, [item.node.key], null, FIRST_ITEM)[0]) });
    return pages.map((page) => ({ ...page, items: page.items.map(withFirsts) }));
  }

  async list(query: ListQuery, w: Window): Promise<Page<NodeRecord>> {
    return this.reads.list(query, w);
  }

  /** Whole records whatever a caller reads (port.ts search): the stored ones, which cost nothing to hand out. */
  async search(text: string, limit: number): Promise<SearchHit[]> {
    return this.reads.search(text, limit);
  }

  async coverage(reportKeys: readonly string[]): Promise<CoverageRow[][]> {
    return this.reads.coverage(reportKeys);
  }

  /** Grouped statistics over an index of the models (model-stats.ts). */
  async modelStats(query: ModelStatsQuery, w: Window): Promise<Page<ModelGroupRow>> {
    return modelStats(this.storage, query, w);
  }

  /** Graph slices: breadth-first walks in slices.ts (port.ts has the rules). */
  private get sliceSource(): slices.SliceSource {
    return { graph: this.graph, record: (uid) => this.storage.record(uid) };
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

  write(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteSummary> {
    if (this.readOnly) return Promise.reject(new StoreReadOnlyError("this store was opened read-only: writes go through the process that holds its lock"));
    // The rules are checked in the queue, right before the batch applies: no write runs in between.
    const run = this.queue.then(() => {
      checkPreconditions(this.storage, batch, options.preconditions ?? []);
      return this.apply(batch);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Checks the batch against the graph (writes run one at a time, so the graph stays as checked),
   * makes it durable (its journal line, synced), and only then applies it in memory, in one
   * synchronous step: no reader sees a write before it is saved, nor half of one, nor one that
   * is then refused. All or nothing.
   */
  private async apply(batch: GraphBatch): Promise<WriteSummary> {
    checkBatch(this.storage, batch);
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

  /** Merges the batch into the graph (writes.ts), synchronously, pushing onto `undo` how to take each change back. */
  private applyInMemory(batch: GraphBatch, undo: Array<() => void>): WriteSummary {
    return applyBatch(this.storage, batch, undo);
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

/** A file system error as "no space left on device (ENOSPC)", from Node's "ENOSPC: no space left on device, write". */
function describeFsError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const text = /^[A-Z0-9]+: ([^,]+)/.exec(String(message))?.[1];
  if (!code) return String(message);
  return text ? `${text} (${code})` : code;
}
