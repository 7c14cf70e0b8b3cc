// The per-request context: the store as this request sees it (counted, bounded by the request's
// deadline), its loaders, its stats, and who is asking.
import type { GraphStore } from "../store/port.js";
import { countingStore, type Stats } from "./counting-store.js";
import { deadlineStore } from "./deadline-store.js";
import { Loaders } from "./loaders.js";

/**
 * Who sent the request: nobody in particular (reads are public), a curator whose API key matched,
 * or someone whose key did not (refused as soon as they try to write).
 */
export type Auth = { kind: "anonymous" } | { kind: "invalid" } | { kind: "curator"; curator: string };

export const ANONYMOUS: Auth = Object.freeze({ kind: "anonymous" });

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  stats: Stats;
  requestId: string;
  auth: Auth;
}

export interface ContextOptions {
  batching?: boolean;
  requestId?: string;
  auth?: Auth;
  /** The request's time limit and when it started: store reads past it fail with SERVICE_UNAVAILABLE. */
  timeout?: { ms: number; startedAt: number };
}

export function createContext(store: GraphStore, options: ContextOptions = {}): Context {
  const stats: Stats = { storeCalls: 0 };
  const { timeout } = options;
  const bounded = timeout ? deadlineStore(store, timeout.startedAt + timeout.ms, timeout.ms) : store;
  const counted = countingStore(bounded, stats);
  return {
    store: counted,
    loaders: new Loaders(counted, options.batching ?? true),
    stats,
    requestId: options.requestId ?? "",
    auth: options.auth ?? ANONYMOUS,
  };
}
