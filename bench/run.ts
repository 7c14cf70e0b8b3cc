// `npm run bench [-- --scale S|M|L[,..] --duration s --connections n --targets a,b,c,d,m --neo4j-uri URI]`:
// for each scale, loads a generated graph into a real Neo4j (clear, migrate, generate) and into the
// embedded store, starts the targets, and measures Q1-Q5 on each with autocannon at a fixed
// concurrency. Writes docs/benchmarks.json (merged by scale), docs/benchmarks.md and docs/benchmarks.svg.
// Without --neo4j-uri it starts its own Neo4j (tools/neo4j/neo4j-local.sh) and stops it at the end.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { usageError, UsageError } from "../src/cli/command.js";
import { exitOnFailure } from "./failure.js";
import { PROJECT_ROOT } from "../src/config.js";
import { SyntheticGraph } from "../src/generate/synthetic-graph.js";
import { compareAnswers } from "./answers.js";
import { measure, probe, type Measurement, type Probe } from "./load.js";
import { settle } from "./settle.js";
import { compareScales } from "./memory-lookup.js";
import { awaitIndexes, clearNeo4j, externalNeo4j, neo4jVersion, startNeo4j, type BenchNeo4j } from "./neo4j.js";
import { QUERIES, type QueryId } from "./queries.js";
import { DOCS, machineInfo, readResults, writeReport, type Cell, type LoadInfo, type ScaleResult } from "./report.js";
import { startTarget, TARGETS, type RunningTarget, type TargetId } from "./targets.js";

const SCALES = { S: 1_000, M: 10_000, L: 100_000 } as const;
type Scale = keyof typeof SCALES;

interface Options {
  scales: Scale[];
  duration: number;
  warmup: number;
  rounds: number;
  connections: number;
  targets: TargetId[];
  queries: QueryId[];
  neo4jUri: string | null;
  lookup: boolean;
  /** Where the report is written (docs/ by default). */
  out: string;
  /** --profile <dir>: the targets' CPU profiles go there. */
  profile: string | null;
}

const USAGE = `usage: npm run bench [-- --scale S|M|L[,S|M|L...]] [--duration seconds] [--warmup seconds] [--rounds n] [--connections n]
                        [--targets a,b,c,d,m] [--queries Q1,...] [--neo4j-uri bolt://... (CLEARED!)] [--no-lookup] [--out dir] [--profile dir]`;

/** The options, read by node:util's parseArgs; a bad one is a UsageError (one line and the usage). */
function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        scale: { type: "string" },
        duration: { type: "string" },
        warmup: { type: "string" },
        rounds: { type: "string" },
        connections: { type: "string" },
        targets: { type: "string" },
        queries: { type: "string" },
        "neo4j-uri": { type: "string" },
        "no-lookup": { type: "boolean" },
        out: { type: "string" },
        profile: { type: "string" },
      },
    }));
  } catch (error) {
    usageError(error, USAGE);
  }
  const list = (value: string) => value.split(",").map((s) => s.trim()).filter(Boolean);
  const options: Options = {
    scales: values.scale ? list(values.scale).map((s) => s.toUpperCase() as Scale) : ["S", "M", "L"],
    duration: Number(values.duration ?? 5),
    warmup: Number(values.warmup ?? 1),
    rounds: Number(values.rounds ?? 3),
    connections: Number(values.connections ?? 16),
    targets: values.targets ? (list(values.targets) as TargetId[]) : TARGETS.map((t) => t.id),
    queries: values.queries ? list(values.queries).map((q) => q.toUpperCase() as QueryId) : QUERIES.map((q) => q.id),
    neo4jUri: values["neo4j-uri"] ?? null,
    lookup: !values["no-lookup"],
    out: values.out ? path.resolve(values.out) : DOCS,
    profile: values.profile ? path.resolve(values.profile) : null,
  };
  const unknown = (what: string, given: string[], known: string[]) => {
    const bad = given.filter((g) => !known.includes(g));
    if (bad.length) throw new UsageError(`unknown ${what} ${bad.map((b) => `'${b}'`).join(", ")} (known: ${known.join(", ")})\n${USAGE}`);
  };
  unknown("scale", options.scales, Object.keys(SCALES));
  unknown("target", options.targets, TARGETS.map((t) => t.id));
  unknown("query", options.queries, QUERIES.map((q) => q.id));
  if (!(options.rounds >= 3)) throw new UsageError(`--rounds must be at least 3: a cell is the median round\n${USAGE}`);
  if (!(options.duration > 0) || !(options.connections > 0) || !(options.warmup >= 0)) throw new UsageError(`--duration and --connections must be positive, --warmup not negative\n${USAGE}`);
  return options;
}

function log(text: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}

const CLI = path.join(PROJECT_ROOT, "dist", "src", "cli", "main.js");

/** Runs `kg generate` into the store the environment names and reads back its write rate. */
async function generate(models: number, env: NodeJS.ProcessEnv): Promise<LoadInfo> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, "generate", "--models", String(models)], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    maxBuffer: 1 << 20,
  });
  const m = /: (\d+) nodes and (\d+) relationships in (\d+) batches, ([\d.]+) s, (\d+) nodes\+rels\/s/.exec(stdout);
  if (!m) throw new Error(`kg generate printed: ${stdout}`);
  return { nodes: Number(m[1]), relationships: Number(m[2]), seconds: Number(m[4]), rate: Number(m[5]) };
}

async function runScale(scale: Scale, options: Options, neo4j: BenchNeo4j): Promise<ScaleResult> {
  const models = SCALES[scale];
  const graph = new SyntheticGraph({ models });
  const wanted = TARGETS.filter((t) => options.targets.includes(t.id));
  const loadAverage = [os.loadavg()[0]];
  const load: ScaleResult["load"] = {};

  let memoryDir: string | null = null;
  if (wanted.some((t) => t.store === "neo4j")) {
    log(`${scale}: clearing Neo4j, then generating ${models} models into it`);
    await clearNeo4j(neo4j.uri);
    load.neo4j = await generate(models, { NEO4J_URI: neo4j.uri });
    await awaitIndexes(neo4j.uri);
    log(`${scale}: Neo4j holds ${load.neo4j.nodes} nodes and ${load.neo4j.relationships} relationships (${load.neo4j.rate} nodes+rels/s)`);
  }
  if (wanted.some((t) => t.store === "memory")) {
    memoryDir = await mkdtemp(path.join(os.tmpdir(), `ai-actors-bench-${scale}-`));
    load.memory = await generate(models, { NEO4J_URI: "", KG_DATA_DIR: memoryDir });
    log(`${scale}: embedded store written (${load.memory.rate} nodes+rels/s)`);
  }

  const cells: Cell[] = [];
  const running = new Map<TargetId, RunningTarget>();
  const queries = QUERIES.filter((q) => options.queries.includes(q.id));
  const fail = (target: TargetId, query: QueryId, error: unknown) => {
    log(`${scale} ${query} ${target} failed: ${String((error as Error)?.message ?? error).slice(0, 300)}`);
    cells.push({ target, query, error: String((error as Error)?.message ?? error).slice(0, 300) });
  };
  try {
    for (const spec of wanted) {
      const env = spec.store === "neo4j" ? { NEO4J_URI: neo4j.uri, KG_AUTO_SEED: "false", ...spec.env } : { NEO4J_URI: "", KG_DATA_DIR: memoryDir!, KG_AUTO_SEED: "false", ...spec.env };
      try {
        running.set(spec.id, await startTarget(spec, env, options.profile));
      } catch (error) {
        for (const q of queries) fail(spec.id, q.id, error);
      }
    }
    // Every argument set answers without error, on every target; and what it costs in store calls.
    const probes = new Map<string, Probe>();
    for (const q of queries) {
      for (const [id, t] of running) {
        try {
          probes.set(`${id}|${q.id}`, await probe(t.url, t.spec.kind, q, q.args(graph)));
        } catch (error) {
          fail(id, q.id, error);
        }
      }
      // A ratio compares equal answers only: every target answers each argument set as (a) does
      // (modulo the query's documented tie order), or the run stops here.
      const answered = [...running].filter(([id]) => probes.has(`${id}|${q.id}`) && id !== "b" && !q.uncompared?.targets.includes(id));
      if (q.uncompared) log(`${scale} ${q.id}: answers of ${q.uncompared.targets.map((t) => `(${t})`).join(", ")} not compared: ${q.uncompared.why}`);
      const problems = compareAnswers(q, q.args(graph), answered.map(([id, t]) => ({ target: id, kind: t.spec.kind, answers: probes.get(`${id}|${q.id}`)!.answers })));
      if (problems.length) throw new Error(`${scale}: the targets answer ${q.id} differently, so their ratios would compare different work:\n  ${problems.join("\n  ")}`);
      if (answered.length > 1) log(`${scale} ${q.id}: ${answered.map(([id]) => `(${id})`).join(", ")} give the same answers to ${Math.min(...answered.map(([id]) => probes.get(`${id}|${q.id}`)!.answers.length))} argument sets`);
      for (const [id] of answered) probes.get(`${id}|${q.id}`)!.answers.length = 0;
    }
    // Rounds: each query on every target in turn, in an order that rotates by round (and query), so
    // that a change in the machine's load (it is shared) or a target's leftovers fall on no target
    // more than another. A cell reports the median round and the spread; ratios are per round.
    const rounds = new Map<string, Array<Measurement | null>>();
    const ids = [...running.keys()];
    for (let round = 0; round < options.rounds; round++) {
      for (const [qi, q] of queries.entries()) {
        const order = ids.map((_, i) => ids[(i + round + qi) % ids.length]);
        for (const id of order) {
          const t = running.get(id)!;
          const key = `${id}|${q.id}`;
          if (!probes.has(key) || cells.some((c) => c.target === id && c.query === q.id)) continue;
          const measured = rounds.get(key) ?? [];
          rounds.set(key, measured);
          try {
            const pool = q.args(graph);
            await measure(t.url, t.spec.kind, q, pool, options.warmup, options.connections);
            const m = await measure(t.url, t.spec.kind, q, pool, options.duration, options.connections);
            measured[round] = m;
            const calls = probes.get(key)?.storeCalls;
            log(`${scale} round ${round + 1} ${q.id} ${id}: ${m.requestsPerSecond.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms` +
                `${calls ? `, ${calls.mean.toFixed(1)} store calls` : ""}${m.failures ? `, ${m.failures} FAILED` : ""}`);
          } catch (error) {
            fail(id, q.id, error);
          }
          // What the load generator left in flight is ended before the next cell (settle.ts).
          const settled = await settle(t.spec.store === "neo4j" ? neo4j.uri : null, t.child.pid);
          if (settled.terminated > 0 || settled.timedOut) {
            log(`${scale} round ${round + 1} ${q.id} ${id}: ${settled.terminated} Neo4j transactions left running were terminated, settled in ${(settled.ms / 1000).toFixed(1)} s${settled.timedOut ? " (gave up waiting)" : ""}`);
          }
        }
      }
    }
    for (const [key, measured] of rounds) {
      const [target, query] = key.split("|") as [TargetId, QueryId];
      if (cells.some((c) => c.target === target && c.query === query)) continue;
      const done = measured.filter((m): m is Measurement => !!m);
      if (!done.length) continue;
      const median = [...done].sort((x, y) => x.requestsPerSecond - y.requestsPerSecond)[Math.floor((done.length - 1) / 2)];
      cells.push({ target, query, ...median, rounds: Array.from({ length: options.rounds }, (_, r) => (measured[r] ? Math.round(measured[r]!.requestsPerSecond) : null)), storeCalls: probes.get(key)?.storeCalls ?? null });
    }
  } finally {
    for (const t of running.values()) await t.stop();
    if (memoryDir) await rm(memoryDir, { recursive: true, force: true });
  }
  loadAverage.push(os.loadavg()[0]);
  return { scale, models, at: new Date().toISOString(), duration: options.duration, rounds: options.rounds, connections: options.connections, load, loadAverage, cells };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const needsNeo4j = options.targets.some((id) => TARGETS.find((t) => t.id === id)?.store === "neo4j");
  let neo4j: BenchNeo4j | null = null;
  const results = await readResults(options.out);
  try {
    if (needsNeo4j) {
      if (options.neo4jUri) {
        log(`using ${options.neo4jUri}: it will be CLEARED`);
        neo4j = externalNeo4j(options.neo4jUri);
      } else {
        log("starting a Neo4j of its own (tools/neo4j/neo4j-local.sh, heap 2g, page cache 1g)");
        neo4j = await startNeo4j({ heap: "2g", pageCache: "1g" });
      }
      results.versions.neo4j = await neo4jVersion(neo4j.uri);
    }
    results.machine = machineInfo();
    for (const scale of options.scales) {
      results.scales[scale] = await runScale(scale, options, neo4j ?? externalNeo4j(""));
      await writeReport(results, options.out);
    }
    if (options.lookup) {
      log("embedded store: model lookup at 1k and 100k models (bench/memory-lookup.ts)");
      results.lookup = { ...(await compareScales()), at: new Date().toISOString() };
    }
    await writeReport(results, options.out);
    log(`done in ${((Date.now() - started) / 60000).toFixed(1)} min: ${path.relative(process.cwd(), options.out) || "."}/benchmarks.{md,svg,json}`);
  } finally {
    if (neo4j?.owned) await neo4j.stop();
  }
}

main().catch(exitOnFailure("bench"));
