// The soak test of `npm run load`: serves the API on 127.0.0.1 in this process (embedded store,
// seeded in memory; or Neo4j with --neo4j), drives it from a child process with autocannon on a
// mixed set of operations, and fails unless every answer was a good one and memory did not grow
// after warm-up beyond the bounds below. Prints one summary line; exits by itself.
//
//   npm run load -- [--duration 30] [--connections 50] [--warmup 10] [--neo4j]
import { fork } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import "reflect-metadata";
import autocannon from "autocannon";
import { loadConfig, PROJECT_ROOT, type Config } from "../src/config.js";
import { createApp } from "../src/server/app.js";
import { createLogger } from "../src/server/logger.js";
import { MemoryStore } from "../src/store/memory/memory-store.js";
import { openStore, seedIfEmpty, seedStore } from "../src/store/open-store.js";
import type { GraphStore } from "../src/store/port.js";

/**
 * Growth allowed between the end of warm-up and the end of the run, both measured after a full
 * GC. A leak of even 1 KB per request would pass 10 MB of heap within a 30 s run at these rates.
 */
const HEAP_GROWTH_BOUND_MB = 10;
/** Points per window for the load test's one client: more than it can spend (docs/operations.md, Budgets). */
const LOAD_TEST_BUDGET = Number.MAX_SAFE_INTEGER;

/** RSS also holds V8's free pages and malloc arenas, which the OS gets back lazily. */
const RSS_GROWTH_BOUND_MB = 64;

interface Options {
  duration: number;
  connections: number;
  warmup: number;
  neo4j: boolean;
}

interface ClientReport {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
}

function options(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    if (at < 0) return fallback;
    const n = Number(argv[at + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
    return n;
  };
  const duration = value("duration", 30);
  return { duration, connections: value("connections", 50), warmup: value("warmup", Math.min(10, Math.floor(duration / 3))), neo4j: argv.includes("--neo4j") };
}

/** The mixed set: every example operation plus the lookups a client makes most. */
function operations(): Array<{ query: string; variables?: Record<string, unknown> }> {
  const dir = path.join(PROJECT_ROOT, "examples", "queries");
  const examples = readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => ({ query: readFileSync(path.join(dir, f), "utf8") }));
  return [
    ...examples,
    { query: `query($slug: String!) { model(slug: $slug) { id name nameKo releaseDate organization { name } country { code } sources { title } } }`, variables: { slug: "exaone-2-0" } },
    { query: `query($text: String!) { search(text: $text, first: 5) { __typename ... on Model { slug } ... on Organization { slug } } }`, variables: { text: "gpt" } },
    { query: `{ models(first: 10, orderBy: { field: RELEASE_DATE, direction: DESC }) { totalCount nodes { slug releaseDate } } }` },
    { query: `{ report(slug: "ai-index-2024") { coverage { inScope included omitted country { code } } } }` },
  ];
}

/** The child: autocannon against `url`, reporting back over IPC (so the parent's memory is the server's alone). */
async function client(url: string, opts: Options): Promise<void> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: opts.connections,
    duration: opts.duration,
    timeout: 10,
    requests: operations().map((op) => ({
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(op),
      onResponse: (_status: number, body: string) => {
        if (body.includes('"errors":[')) graphqlErrors++;
      },
    })),
  });
  const report: ClientReport = {
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
  };
  process.send!(report);
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** Heap and RSS after a full collection (the script runs with --expose-gc; without it, as they are). */
function memory(): { heap: number; rss: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heap: mb(m.heapUsed), rss: mb(m.rss) };
}

async function openLoadStore(config: Config, neo4j: boolean): Promise<GraphStore> {
  if (neo4j) {
    if (!config.neo4j) throw new Error("--neo4j needs NEO4J_URI");
    const store = await openStore(config, { holder: "the load test" });
    await seedIfEmpty(store, config.seedDir);
    return store;
  }
  // In memory only: a load test must not write into anyone's KG_DATA_DIR.
  const store = await MemoryStore.open(null);
  await seedStore(store, config.seedDir);
  return store;
}

async function server(opts: Options): Promise<boolean> {
  const config = loadConfig();
  const store = await openLoadStore(config, opts.neo4j);
  // One client (this machine's IP) sends everything, far more than any one client's default budget
  // allows (the mix averages tens of thousands of points a request): the budget is raised out of
  // reach, so that the limiter still charges every request (its cost is in the numbers) but never refuses.
  const rateLimit = { ...config.rateLimit, points: LOAD_TEST_BUDGET, keyedPoints: LOAD_TEST_BUDGET };
  const app = await createApp({ store, logger: createLogger("warn"), publicDir: config.publicDir, limits: config.limits, rateLimit, http: config.http });
  const url = await app.listen(0, "127.0.0.1");

  const child = fork(fileURLToPath(import.meta.url), ["--client", url, ...process.argv.slice(2)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  // Bounded: a client that neither reports nor exits is killed.
  const killer = setTimeout(() => child.kill("SIGKILL"), (opts.duration + 60) * 1000);
  const before = memory();
  const warmedUp = new Promise<{ heap: number; rss: number }>((resolve) => setTimeout(() => resolve(memory()), opts.warmup * 1000));
  const report = await new Promise<ClientReport | null>((resolve) => {
    child.once("message", (m) => resolve(m as ClientReport));
    child.once("exit", () => resolve(null));
  });
  clearTimeout(killer);
  const afterWarmup = await warmedUp;
  const after = memory();
  await app.close();
  await store.close();
  if (!report) {
    console.log(`load: FAIL (the autocannon client exited without a report)`);
    return false;
  }

  const heapGrowth = after.heap - afterWarmup.heap;
  const rssGrowth = after.rss - afterWarmup.rss;
  const failures = report.errors + report.timeouts + report.non2xx + report.graphqlErrors;
  const pass = failures === 0 && report.requests > 0 && heapGrowth <= HEAP_GROWTH_BOUND_MB && rssGrowth <= RSS_GROWTH_BOUND_MB;
  const f = (n: number) => n.toFixed(1);
  console.log(
    `load [${store.name}]: ${opts.duration} s at ${opts.connections} connections, ${report.requests} requests (${Math.round(report.perSecond)} req/s), ` +
      `latency p50 ${report.p50} ms p99 ${report.p99} ms max ${report.max} ms; errors ${report.errors}, timeouts ${report.timeouts}, non-2xx ${report.non2xx}, GraphQL errors ${report.graphqlErrors}; ` +
      `heap ${f(before.heap)} -> ${f(afterWarmup.heap)} after ${opts.warmup} s warm-up -> ${f(after.heap)} MB (${heapGrowth >= 0 ? "+" : ""}${f(heapGrowth)}, bound ${HEAP_GROWTH_BOUND_MB}); ` +
      `rss ${f(before.rss)} -> ${f(afterWarmup.rss)} -> ${f(after.rss)} MB (${rssGrowth >= 0 ? "+" : ""}${f(rssGrowth)}, bound ${RSS_GROWTH_BOUND_MB}): ${pass ? "PASS" : "FAIL"}`,
  );
  return pass;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "--client") {
    await client(argv[1], options(argv.slice(2)));
    return;
  }
  const pass = await server(options(argv));
  process.exit(pass ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(`load: FAIL (${(error as Error)?.stack ?? error})`);
  process.exit(1);
});
