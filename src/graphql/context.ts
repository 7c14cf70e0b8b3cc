// The per-request context: the store as this request sees it (counted, bounded by the request's
// deadline: store/request-store.ts), its loaders, its stats, and who is asking.
import type { GraphStore } from "../store/port.js";
import { RequestStore, type Stats } from "../store/request-store.js";
import { serviceUnavailable } from "./errors.js";
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
  const deadline = timeout
    ? { at: timeout.startedAt + timeout.ms, outOfTime: () => serviceUnavailable(`The request ran out of its ${timeout.ms} ms; try a smaller query, or again shortly.`) }
    : null;
  const requestStore = new RequestStore(store, stats, deadline);
  return {
    store: requestStore,
    loaders: new Loaders(requestStore, options.batching ?? true),
    stats,
    requestId: options.requestId ?? "",
    auth: options.auth ?? ANONYMOUS,
  };
}
