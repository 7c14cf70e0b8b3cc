// A count of the writes a store has finished, for caches of what is read from it (the whole-graph
// exports, server/export/built-exports.ts): while the count has not moved, the graph is the one
// they read. Only true when every write to the store goes through the counted object, which is
// the caller's to know (the embedded store, whose lock the server holds; not Neo4j, which other
// processes may write).
import { observeCalls } from "./observed-store.js";
import type { GraphStore } from "./port.js";
import { PORT_POLICIES } from "./request-store.js";

export interface WriteCount {
  /** Writes finished (committed or failed) since the store was counted. */
  settled(): number;
}

/** The store, with its writes counted as they finish: `store` is the one to use from then on. */
export function countWrites(inner: GraphStore): { store: GraphStore; writes: WriteCount } {
  let settled = 0;
  // A failed write counts too: a write cut off after its commit (a timeout) may have landed.
  const done = () => void settled++;
  // What writes is what the port's policy table says writes (request-store.ts), not a name written here.
  const store = observeCalls(inner, (method, result) => {
    if (PORT_POLICIES[method] === "write") result.then(done, done);
  });
  return { store, writes: { settled: () => settled } };
}
