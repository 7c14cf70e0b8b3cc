// A count of the writes a store has finished, for caches of what is read from it (the whole-graph
// exports, server/export/built-exports.ts): while the count has not moved, the graph is the one
// they read. Only true when every write to the store goes through the counted object, which is
// the caller's to know (the embedded store, whose lock the server holds; not Neo4j, which other
// processes may write).
import type { GraphStore } from "./port.js";

export interface WriteCount {
  /** Writes finished (committed or failed) since the store was counted. */
  settled(): number;
}

/** The store, with its writes counted as they finish: `store` is the one to use from then on. */
export function countWrites(inner: GraphStore): { store: GraphStore; writes: WriteCount } {
  let settled = 0;
  // A failed write counts too: a write cut off after its commit (a timeout) may have landed.
  const done = () => void settled++;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "write" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
      return (...args: Parameters<GraphStore["write"]>) => {
        const result = (value as GraphStore["write"]).apply(target, args);
        // Observed on a branch of its own: the caller still gets (and handles) the original promise.
        result.then(done, done);
        return result;
      };
    },
  });
  return { store, writes: { settled: () => settled } };
}
