// Coalesces reads across requests: calls of the same query with the same parameters but their keys
// (the same relation, filter and window; or node lookups), made by any request in the same turn of
// the event loop, become ONE read over the union of their keys. Per-request DataLoaders already
// make one store call per field and level; this makes concurrent requests share those calls, since
// a query's fixed cost (a round trip, a transaction) outweighs its per-key work (docs/benchmarks.md).
// The reads of one turn then go to `runMany` together, which sends them as few queries as it can
// (executor.ts readMany, fused-reads.ts).
// Each caller still gets exactly its own keys' results, and still counts as one store call.
// Callers name their reads with store/batch-key.ts, as the loaders do, and a read takes at most
// its MAX_BATCH_KEYS keys, the loaders' cap.
import { batchChunks } from "../batch-key.js";
import type { Statement } from "./fused-reads.js";

type Rows = Array<Record<string, unknown>>;

/** A keyed read: the statement for a list of keys, and the results by key from its rows. */
export interface KeyedQuery<T> {
  statement(keys: string[]): Statement;
  decode(rows: Rows): Map<string, T>;
}

/** Runs statements, each to its rows or to its own error. */
export type RunMany = (statements: readonly Statement[]) => Promise<Array<Rows | Error>>;

interface Waiter<T> {
  resolve: (rows: Map<string, T>) => void;
  reject: (error: unknown) => void;
}

interface Group<T> {
  keys: Set<string>;
  query: KeyedQuery<T>;
  waiters: Array<Waiter<T>>;
}

export class ReadBatcher {
  private groups = new Map<string, Group<unknown>>();
  private scheduled = false;

  constructor(private readonly runMany: RunMany) {}

  /**
   * Results by key for at least `keys`, from one read per `id` and turn. `id` must name
   * everything the query depends on except the keys.
   */
  load<T>(id: string, keys: readonly string[], query: KeyedQuery<T>): Promise<Map<string, T>> {
    return new Promise<Map<string, T>>((resolve, reject) => {
      let group = this.groups.get(id) as Group<T> | undefined;
      if (!group) {
        group = { keys: new Set(), query, waiters: [] };
        this.groups.set(id, group as Group<unknown>);
      }
      for (const key of keys) group.keys.add(key);
      group.waiters.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const groups = [...this.groups.values()];
    this.groups = new Map();
    this.scheduled = false;
    const chunked = groups.map((group) => batchChunks([...group.keys]));
    let outcomes: Array<Rows | Error>;
    try {
      outcomes = await this.runMany(groups.flatMap((group, g) => chunked[g].map((keys) => group.query.statement(keys))));
    } catch (error) {
      for (const group of groups) for (const waiter of group.waiters) waiter.reject(error);
      return;
    }
    let at = 0;
    groups.forEach((group, g) => {
      const mine = outcomes.slice(at, at + chunked[g].length);
      at += chunked[g].length;
      const failed = mine.find((o): o is Error => o instanceof Error);
      if (failed) {
        for (const waiter of group.waiters) waiter.reject(failed);
        return;
      }
      try {
        const parts = mine.map((rows) => group.query.decode(rows as Rows));
        const merged = parts.length === 1 ? parts[0] : new Map(parts.flatMap((part) => [...part]));
        for (const waiter of group.waiters) waiter.resolve(merged);
      } catch (error) {
        for (const waiter of group.waiters) waiter.reject(error);
      }
    });
  }
}
