// The store as one request sees it: every call of a port method goes through the policy declared
// for that method below, which says whether it is counted (extensions.stats.storeCalls) and whether
// the request's deadline cuts it off. The table is typed by the port, so a port method added,
// renamed or removed without its policy fails the type check instead of silently escaping both.
import type { GraphStore } from "./port.js";

/**
 * - `read`: counted; refused once the request's deadline has passed, and cut off when it passes
 *   while the read runs (the client gets an answer instead of waiting for a slow store).
 * - `write`: counted; refused once the deadline has passed, but never cut off once started:
 *   cutting a write off would hide whether it committed.
 * - `lifecycle`: the store's own life (readiness, shutdown) belongs to the process, not to a
 *   request: passed through, neither counted nor bounded.
 */
export type Policy = "read" | "write" | "lifecycle";

/** The methods of a store interface: every member that is a function (the port's `name` is not). */
export type PortMethod<S = GraphStore> = { [K in keyof S]-?: S[K] extends (...args: never[]) => unknown ? K : never }[keyof S];

/** A policy for every method of the store interface `S`, none missing and none extra. */
export type PortPolicies<S = GraphStore> = { readonly [K in PortMethod<S>]: Policy };

export const PORT_POLICIES = {
  getNodes: "read",
  related: "read",
  list: "read",
  search: "read",
  coverage: "read",
  modelStats: "read",
  neighborhood: "read",
  path: "read",
  snapshot: "read",
  counts: "read",
  write: "write",
  ping: "lifecycle",
  close: "lifecycle",
} as const satisfies PortPolicies;

/** What one request's store calls add up to. */
export interface Stats {
  storeCalls: number;
}

/** The request's time limit: `at` in epoch ms; `outOfTime` makes the error a call past it fails with. */
export interface Deadline {
  at: number;
  outOfTime: () => Error;
}

type Args<K extends PortMethod> = Parameters<GraphStore[K]>;

export class RequestStore implements GraphStore {
  constructor(
    private readonly inner: GraphStore,
    readonly stats: Stats,
    private readonly deadline: Deadline | null = null,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  getNodes(...args: Args<"getNodes">) {
    return this.call("getNodes", () => this.inner.getNodes(...args));
  }

  related(...args: Args<"related">) {
    return this.call("related", () => this.inner.related(...args));
  }

  list(...args: Args<"list">) {
    return this.call("list", () => this.inner.list(...args));
  }

  search(...args: Args<"search">) {
    return this.call("search", () => this.inner.search(...args));
  }

  coverage(...args: Args<"coverage">) {
    return this.call("coverage", () => this.inner.coverage(...args));
  }

  modelStats(...args: Args<"modelStats">) {
    return this.call("modelStats", () => this.inner.modelStats(...args));
  }

  neighborhood(...args: Args<"neighborhood">) {
    return this.call("neighborhood", () => this.inner.neighborhood(...args));
  }

  path(...args: Args<"path">) {
    return this.call("path", () => this.inner.path(...args));
  }

  snapshot(...args: Args<"snapshot">) {
    return this.call("snapshot", () => this.inner.snapshot(...args));
  }

  counts(...args: Args<"counts">) {
    return this.call("counts", () => this.inner.counts(...args));
  }

  write(...args: Args<"write">) {
    return this.call("write", () => this.inner.write(...args));
  }

  ping(...args: Args<"ping">) {
    return this.call("ping", () => this.inner.ping(...args));
  }

  close(...args: Args<"close">) {
    return this.call("close", () => this.inner.close(...args));
  }

  /** Runs one call of `method` as its policy says. */
  private call<T>(method: PortMethod, run: () => Promise<T>): Promise<T> {
    const policy: Policy = PORT_POLICIES[method];
    if (policy === "lifecycle") return run();
    this.stats.storeCalls++;
    const { deadline } = this;
    if (!deadline) return run();
    const left = deadline.at - Date.now();
    if (left <= 0) return Promise.reject(deadline.outOfTime());
    const call = run();
    if (policy === "write") return call;
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(deadline.outOfTime()), left);
      timer.unref();
    });
    return Promise.race([call, expiry]).finally(() => clearTimeout(timer));
  }
}
