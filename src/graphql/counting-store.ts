// Wraps the store port to count the calls one operation makes (reported as extensions.stats.storeCalls).
import type { GraphStore } from "../store/port.js";

export interface Stats {
  storeCalls: number;
}

/** A per-request view of the store: each call of a port method increments `stats.storeCalls`. */
export function countingStore(store: GraphStore, stats: Stats): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        stats.storeCalls++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
