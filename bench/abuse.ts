// The abuse benchmark of `npm run bench:abuse` (issue 18): how a simple query fares while hostile
// but cheap clients hammer the API. It starts the server of a checkout (`--root`, default this
// one; its dist/ must be built) as a child process on the embedded store seeded with the datasets,
// measures the simple query's latency alone, then under each scenario from 4 and 12 clients:
//   introspection  batches of 10 aliased GraphiQL introspection queries (54 KB in)
//   refused        batches of 10 documents of 2,900 repeated fields (91 KB), which the limits refuse
//   export         the whole-graph GraphML export
// The hostile clients run in a child process of their own, each with its own address
// (X-Forwarded-For, KG_TRUST_PROXY=1) so that each has its own budget, as separate machines would;
// every phase has new addresses, so that no phase starts with budgets an earlier one spent.
// Bounded: `--seconds` (default 4) per phase, 7 phases, plus the start. Prints a Markdown table.
// `--scenarios export,refused` runs only those; `--profile <dir>` writes the server's V8 CPU
// profile there (node --cpu-prof, on its exit), for `node dist/bench/cpu-profile.js <file>`.
//
//   npm run bench:abuse -- [--root /path/to/checkout] [--seconds 4] [--scenarios a,b] [--profile dir]
import { spawn, fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getIntrospectionQuery } from "graphql";
import { usageError, UsageError } from "../src/cli/command.js";
import { exitOnFailure } from "./failure.js";

type Scenario = "introspection" | "refused" | "export";
const SCENARIOS: Scenario[] = ["introspection", "refused", "export"];
const CLIENTS = [4, 12];
/** A simple query that waits longer is given up (and counted at this latency): the run stays bounded. */
const PROBE_TIMEOUT_MS = 5_000;
const PROBE = JSON.stringify({ query: `{ model(slug: "gpt-4") { name organization { name } } }` });
const GRAPHIQL = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });

const USAGE = "usage: npm run bench:abuse -- [--root /path/to/checkout] [--seconds 4] [--scenarios introspection,refused,export] [--profile dir]";

/** The options, read by node:util's parseArgs; a bad one is a UsageError (one line and the usage). */
function readOptions(argv: string[]): { root: string; seconds: number; scenarios: Scenario[]; profileDir: string | null } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options: { root: { type: "string" }, seconds: { type: "string" }, scenarios: { type: "string" }, profile: { type: "string" } } }));
  } catch (error) {
    usageError(error, USAGE);
  }
  const scenarios = (values.scenarios ?? SCENARIOS.join(",")).split(",") as Scenario[];
  const unknown = scenarios.filter((s) => !SCENARIOS.includes(s));
  if (unknown.length > 0) throw new UsageError(`unknown scenarios ${unknown.join(", ")}; known: ${SCENARIOS.join(", ")}\n${USAGE}`);
  const seconds = Number(values.seconds ?? 4);
  if (!(seconds > 0)) throw new UsageError(`--seconds must be positive\n${USAGE}`);
  return {
    root: path.resolve(values.root ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")),
    seconds,
    scenarios,
    profileDir: values.profile ? path.resolve(values.profile) : null,
  };
}

/** A request of a scenario; introspection aliases change each time, so no answer is cached whole. */
function hostileRequest(scenario: Scenario, url: string): { url: string; init: RequestInit } {
  if (scenario === "export") return { url: `${url}/export/graph.graphml`, init: { method: "GET" } };
  const ops =
    scenario === "introspection"
      ? Array.from({ length: 10 }, () => ({ query: GRAPHIQL.replace("__schema", `s${Math.floor(Math.random() * 1e9)}: __schema`) }))
      : Array.from({ length: 10 }, () => ({ query: `{ model(slug: "gpt-4") { ${"id ".repeat(2_900)}} }` }));
  return { url: `${url}/graphql`, init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ops) } };
}

interface LoadReport {
  requests: number;
  statuses: Record<string, number>;
  bytesIn: number;
}

/** Child mode: `clients` closed loops sending the scenario's request until told to stop. */
async function runLoad(scenario: Scenario, clients: number, url: string): Promise<void> {
  let running = true;
  const stop = new AbortController();
  const report: LoadReport = { requests: 0, statuses: {}, bytesIn: 0 };
  process.on("message", () => {
    running = false;
    // Requests still in flight are cut off: the phase is over.
    stop.abort();
  });
  const loops = Array.from({ length: clients }, async (_, i) => {
    while (running) {
      const { url: target, init } = hostileRequest(scenario, url);
      try {
        const res = await fetch(target, { ...init, signal: stop.signal, headers: { ...(init.headers as Record<string, string>), "x-forwarded-for": `10.${1 + SCENARIOS.indexOf(scenario)}.${clients}.${i + 1}` } });
        // Read first, then added: `bytesIn += await ...` reads bytesIn before the await, and the
        // loops beside this one add to it meanwhile (their bytes were lost: the column was too low).
        const bytes = (await res.arrayBuffer()).byteLength;
        report.bytesIn += bytes;
        report.statuses[res.status] = (report.statuses[res.status] ?? 0) + 1;
      } catch {
        if (!running) break;
        report.statuses.error = (report.statuses.error ?? 0) + 1;
      }
      report.requests++;
    }
  });
  await Promise.all(loops);
  process.send!(report);
  process.exit(0);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The server's resident memory, in MB (Linux /proc). */
function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function startServer(root: string, profileDir: string | null): Promise<{ url: string; child: ChildProcess; dataDir: string; logLines: () => number }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "kg-abuse-"));
  const profiling = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const child = spawn(process.execPath, [...profiling, path.join(root, "dist", "src", "server", "main.js")], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", KG_DATA_DIR: dataDir, LOG_LEVEL: "warn", KG_TRUST_PROXY: "1", NEO4J_URI: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let lines = 0;
  child.stderr!.on("data", (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) lines++;
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server of ${root} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) throw new Error("the server did not start within 120 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, dataDir, logLines: () => lines };
}

/** Sends the simple query one after another for `ms`; its latencies in ms, and its failures. */
async function probe(url: string, ms: number): Promise<{ latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const started = performance.now();
    try {
      const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.9" }, body: PROBE, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      await res.arrayBuffer();
      if (res.status !== 200) failed++;
    } catch {
      // Waited PROBE_TIMEOUT_MS: counted as failed, at the time it waited.
      failed++;
    }
    latencies.push(performance.now() - started);
  }
  return { latencies, failed };
}

/** The machine's load average (Linux /proc): other work on the cores skews every number here. */
function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Sends every hostile request once, alone, and times it (what one costs without contention), each from a fresh address (a full budget). */
async function alone(url: string, scenario: Scenario): Promise<{ ms: number; status: number; kb: number }> {
  const { url: target, init } = hostileRequest(scenario, url);
  const times: Array<{ ms: number; status: number; kb: number }> = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const res = await fetch(target, { ...init, signal: AbortSignal.timeout(30_000), headers: { ...(init.headers as Record<string, string>), "x-forwarded-for": `10.8.${SCENARIOS.indexOf(scenario)}.${i + 1}` } });
    const kb = (await res.arrayBuffer()).byteLength / 1024;
    times.push({ ms: performance.now() - started, status: res.status, kb });
  }
  return times.sort((a, b) => a.ms - b.ms)[0];
}

async function main(): Promise<void> {
  // A hard bound whatever the machine does: the phases take about 8 x (seconds + 1) s.
  setTimeout(() => {
    console.error("abuse benchmark: over 5 minutes, giving up");
    process.exit(1);
  }, 300_000).unref();
  const { root, seconds, scenarios, profileDir } = readOptions(process.argv.slice(2));
  const loadAtStart = loadAverage();
  const server = await startServer(root, profileDir);
  // Whatever ends this process ends its children too.
  const children = new Set<ChildProcess>([server.child]);
  process.on("exit", () => children.forEach((c) => c.kill("SIGKILL")));
  const rows: string[] = [];
  const statusesNote: string[] = [];
  try {
    // Warm-up: JIT, the introspection cache, the first export (alone() runs each 3 times).
    await probe(server.url, 1_000);
    // One after another: each alone, not beside the others.
    const single: Array<readonly [Scenario, Awaited<ReturnType<typeof alone>>]> = [];
    for (const s of scenarios) single.push([s, await alone(server.url, s)]);
    const base = await probe(server.url, seconds * 1_000);
    const baseSorted = [...base.latencies].sort((a, b) => a - b);
    const baseP99 = percentile(baseSorted, 0.99);
    rows.push(`| unloaded | 0 | - | - | ${percentile(baseSorted, 0.5).toFixed(1)} | ${baseP99.toFixed(1)} | 1.0 | ${rssMb(server.child.pid!)} |`);
    for (const scenario of scenarios) {
      for (const clients of CLIENTS) {
        const load = fork(fileURLToPath(import.meta.url), ["--load", scenario, String(clients), server.url], { stdio: "inherit" });
        children.add(load);
        let peakRss = 0;
        const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.child.pid!))), 250);
        await new Promise((r) => setTimeout(r, 500));
        const measured = await probe(server.url, seconds * 1_000);
        const report = await new Promise<LoadReport>((resolve) => {
          load.once("message", (m) => resolve(m as LoadReport));
          load.send("stop");
        });
        clearInterval(sampler);
        const sorted = [...measured.latencies].sort((a, b) => a - b);
        const p99 = percentile(sorted, 0.99);
        const statuses = Object.entries(report.statuses)
          .map(([s, n]) => `${s}: ${n}`)
          .join(", ");
        if (measured.failed > 0) statusesNote.push(`${scenario} x${clients}: ${measured.failed} simple queries failed or waited over ${PROBE_TIMEOUT_MS} ms`);
        rows.push(
          `| ${scenario} | ${clients} | ${(report.requests / (seconds + 0.5)).toFixed(1)}/s (${statuses}) | ${(report.bytesIn / 1e6).toFixed(0)} MB | ${percentile(sorted, 0.5).toFixed(1)} | ${p99.toFixed(1)} | ${(p99 / baseP99).toFixed(1)} | ${peakRss} |`,
        );
        // Let the server finish what the stopped clients left in flight before the next phase.
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    console.log(`\nabuse benchmark of ${root} (${seconds} s per phase; simple query: ${PROBE})`);
    console.log(`load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${loadAverage()}\n`);
    console.log("one hostile request alone (fastest of 3): " + single.map(([s, r]) => `${s} ${r.ms.toFixed(0)} ms (${r.status}, ${r.kb.toFixed(0)} KB)`).join("; "));
    console.log(`server log lines written: ${server.logLines()}`);
    for (const note of statusesNote) console.log(note);
    console.log("");
    console.log("| scenario | clients | hostile requests (statuses) | hostile bytes in | simple p50 ms | simple p99 ms | p99 / unloaded p99 | server RSS MB (peak) |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const row of rows) console.log(row);
  } finally {
    server.child.kill("SIGTERM");
    await new Promise((r) => server.child.once("exit", r));
    rmSync(server.dataDir, { recursive: true, force: true });
    if (profileDir) console.log(`\nthe server's CPU profile is in ${profileDir}: node dist/bench/cpu-profile.js <file>`);
  }
}

if (process.argv[2] === "--load") {
  await runLoad(process.argv[3] as Scenario, Number(process.argv[4]), process.argv[5]);
} else {
  await main().catch(exitOnFailure("bench:abuse"));
}
