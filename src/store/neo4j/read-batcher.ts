// Coalesces reads across requests: calls of the same query with the same parameters but their keys
// (the same relation, filter and window; or node lookups), made by any request in the same turn of
// the event loop, become ONE query over the union of their keys. Per-request DataLoaders already
// make one store call per field and level; this makes concurrent requests share those calls, since
// a query's fixed cost (a round trip, a transaction) outweighs its per-key work (docs/benchmarks.md).
// Each caller still gets exactly its own keys' results, and still counts as one store call.
// Callers name their reads with store/batch-key.ts, as the loaders do, and a query takes at most
// its MAX_BATCH_KEYS keys, the loaders' cap.
import { batchChunks } from "../batch-key.js";

interface Waiter<T> {
  resolve: (rows: Map<string, T>) => void;
  reject: (error: unknown) => void;
}

interface Group<T> {
  keys: Set<string>;
  fetch: (keys: string[]) => Promise<Map<string, T>>;
  waiters: Array<Waiter<T>>;
}

export class ReadBatcher {
  private groups = new Map<string, Group<unknown>>();
  private scheduled = false;

  /**
   * Results by key for at least `keys`, from one query per `id` and turn. `id` must name
   * everything the query depends on except the keys; `fetch` runs it for a list of keys.
   */
  load<T>(id: string, keys: readonly string[], fetch: (keys: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>> {
    return new Promise<Map<string, T>>((resolve, reject) => {
      let group = this.groups.get(id) as Group<T> | undefined;
      if (!group) {
        group = { keys: new Set(), fetch, waiters: [] };
        this.groups.set(id, group as Group<unknown>);
      }
      for (const key of keys) group.keys.add(key);
      group.waiters.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const groups = this.groups;
    this.groups = new Map();
    this.scheduled = false;
    for (const group of groups.values()) void this.run(group);
  }

  private async run<T>(group: Group<T>): Promise<void> {
    const keys = [...group.keys];
    try {
      const chunks = batchChunks(keys);
      const results = await Promise.all(chunks.map((chunk) => group.fetch(chunk)));
      const merged = results.length === 1 ? results[0] : new Map(results.flatMap((r) => [...r]));
      for (const waiter of group.waiters) waiter.resolve(merged);
    } catch (error) {
      for (const waiter of group.waiters) waiter.reject(error);
    }
  }
}
