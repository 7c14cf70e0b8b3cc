// One measurement: autocannon at a fixed concurrency against one target and one query, each
// request with the next argument set of the query's pool; and a check, before it, that every
// argument set gets a proper answer (and how many store calls it costs, for this API).
import autocannon from "autocannon";
import type { QuerySpec } from "./queries.js";
import { requestOf, type TargetKind } from "./targets.js";

type Args = Record<string, string | number | null>;

export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Transport errors, timeouts, non-2xx answers and GraphQL errors during the run. */
  failures: number;
}

export interface Probe {
  /** extensions.stats.storeCalls over the probed argument sets (this API only). */
  storeCalls: { min: number; max: number; mean: number } | null;
  /** Answers that held data for the asked thing (not null, not empty). */
  nonEmpty: number;
  probed: number;
  /** Each probed argument set's `data` (the floor's rows), in order, for the answer check (bench/answers.ts). */
  answers: unknown[];
}

/**
 * Asks the first `count` argument sets once each, in order (at least `min`, then as many as fit in
 * `seconds`), failing on any error. Enough sets are asked that every shape of answer shows up (a
 * model with and without results, included in a report or not), so store-call ranges compare.
 */
export async function probe(url: string, kind: TargetKind, query: QuerySpec, pool: Args[], count = 100, min = 10, seconds = 10): Promise<Probe> {
  const calls: number[] = [];
  let nonEmpty = 0;
  const sets = pool.slice(0, count);
  const deadline = Date.now() + seconds * 1000;
  let probed = 0;
  const answers: unknown[] = [];
  for (const args of sets) {
    if (probed >= min && Date.now() > deadline) break;
    probed++;
    const { path, body } = requestOf(kind, query, args);
    const response = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const json = (await response.json()) as { data?: unknown; errors?: unknown; error?: unknown; extensions?: { stats?: { storeCalls: number } } };
    if (!response.ok || json.errors || json.error) {
      throw new Error(`${query.id} on ${kind} with ${JSON.stringify(args)}: HTTP ${response.status} ${JSON.stringify(json.errors ?? json.error ?? json).slice(0, 500)}`);
    }
    answers.push(json.data);
    const first = Array.isArray(json.data) ? json.data[0] : Object.values(json.data as object)[0];
    if (first !== null && first !== undefined && !(Array.isArray(first) && first.length === 0)) nonEmpty++;
    if (json.extensions?.stats) calls.push(json.extensions.stats.storeCalls);
  }
  const storeCalls = calls.length ? { min: Math.min(...calls), max: Math.max(...calls), mean: calls.reduce((a, b) => a + b, 0) / calls.length } : null;
  return { storeCalls, nonEmpty, probed, answers };
}

/** Drives the target for `seconds` with `connections` concurrent connections. */
export async function measure(url: string, kind: TargetKind, query: QuerySpec, pool: Args[], seconds: number, connections: number): Promise<Measurement> {
  const bodies = pool.map((args) => requestOf(kind, query, args));
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => {
          const { path, body } = bodies[next++ % bodies.length];
          return { ...request, path, body };
        },
        onResponse: (_status, body) => {
          if (body.startsWith('{"errors"') || body.includes('"errors":[')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
}
