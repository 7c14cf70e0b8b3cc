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

/** A client's budget as it stands after a request's charges (server/rate-limit.ts keeps it). */
export interface BudgetState {
  /** Points per window. */
  limit: number;
  /** Points this request was charged so far. */
  cost: number;
  remaining: number;
  resetAt: Date;
}

/** The budget of the request's client: what the cost limit charges each operation to. */
export interface ClientBudget {
  /** Charges `cost` more to the client; rejects with RATE_LIMITED (charging nothing) when the budget cannot pay it. */
  charge(cost: number): Promise<void>;
  /** The operation whose document is `document` passed the limits: what was held for reading it is given back. */
  admit(document: unknown): Promise<void>;
  state(): BudgetState;
}

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  stats: Stats;
  requestId: string;
  auth: Auth;
  /** Absent where nothing is charged (in-process execution: tests, the CLI). */
  budget?: ClientBudget;
}

export interface ContextOptions {
  batching?: boolean;
  requestId?: string;
  auth?: Auth;
  budget?: ClientBudget;
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
    budget: options.budget,
  };
}
