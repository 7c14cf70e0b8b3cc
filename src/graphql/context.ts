// The per-request context: the store as this request sees it (counted), its loaders and its stats.
import type { GraphStore } from "../store/port.js";
import { countingStore, type Stats } from "./counting-store.js";
import { Loaders } from "./loaders.js";

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  stats: Stats;
  requestId: string;
}

export interface ContextOptions {
  batching?: boolean;
  requestId?: string;
}

export function createContext(store: GraphStore, options: ContextOptions = {}): Context {
  const stats: Stats = { storeCalls: 0 };
  const counted = countingStore(store, stats);
  return { store: counted, loaders: new Loaders(counted, options.batching ?? true), stats, requestId: options.requestId ?? "" };
}
