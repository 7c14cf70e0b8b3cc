// Unit-level benchmark of the embedded store: how much slower is a model lookup at 100k models than
// at 1k? (The target: at most 1.5x.) Measures the store call itself (getNodes of one model) and the
// API's Q1 executed in-process (Apollo executeOperation, no HTTP), each scale in a fresh process so
// that one graph's heap does not slow the other's.
//   node dist/bench/memory-lookup.js                 both scales, prints the ratios
//   node dist/bench/memory-lookup.js --models 1000   one scale, prints JSON
import "reflect-metadata";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { writeGenerated } from "../src/generate/write-generated.js";
import { SyntheticGraph } from "../src/generate/synthetic-graph.js";
import { createApollo } from "../src/graphql/apollo.js";
import { createContext } from "../src/graphql/context.js";
import { MemoryStore } from "../src/store/memory/memory-store.js";
import { QUERIES } from "./queries.js";

export interface LookupResult {
  models: number;
  /** Mean time of one getNodes([model]) call, in microseconds. */
  getNodesMicros: number;
  /** Median of `model(slug) { slug name releaseDate }` executed in-process, in microseconds. */
  lookupP50Micros: number;
  /** Median and mean of Q1 executed in-process, in microseconds. */
  q1P50Micros: number;
  q1MeanMicros: number;
}

export interface LookupComparison {
  small: LookupResult;
  large: LookupResult;
  getNodesRatio: number;
  lookupP50Ratio: number;
  q1P50Ratio: number;
}

/** The model lookup itself, as a client asks for it. */
const LOOKUP = `query Lookup($slug: String!) { model(slug: $slug) { slug name releaseDate } }`;

async function measureScale(models: number): Promise<LookupResult> {
  const graph = new SyntheticGraph({ models, seed: 1 });
  const store = await MemoryStore.open(null);
  await writeGenerated(store, graph, 2000);
  const slugs = Array.from({ length: Math.min(models, 5000) }, (_, k) => graph.modelKey((k * 7919 + 13) % models));

  // Noise on a shared machine only adds time, so each figure is the best of several rounds.
  const rounds = 7;
  const lookups = 50_000;
  for (let i = 0; i < 20_000; i++) await store.getNodes([{ kind: "Model", key: slugs[i % slugs.length] }]);
  const lookupRounds: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < lookups; i++) await store.getNodes([{ kind: "Model", key: slugs[(r * lookups + i) % slugs.length] }]);
    lookupRounds.push(Number(process.hrtime.bigint() - started) / 1000 / lookups);
  }

  const apollo = await createApollo();
  /** Best-of-rounds median and mean of one operation, executed in-process, in microseconds. */
  const time = async (query: string) => {
    const run = async (slug: string) => {
      const response = await apollo.executeOperation({ query, variables: { slug } }, { contextValue: createContext(store) });
      if (response.body.kind !== "single" || response.body.singleResult.errors) throw new Error(`operation failed for ${slug}`);
    };
    for (let i = 0; i < 2000; i++) await run(slugs[i % slugs.length]);
    const p50s: number[] = [];
    const means: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const times: number[] = [];
      for (let i = 0; i < 2000; i++) {
        const started = process.hrtime.bigint();
        await run(slugs[(r * 2000 + i * 31) % slugs.length]);
        times.push(Number(process.hrtime.bigint() - started) / 1000);
      }
      times.sort((a, b) => a - b);
      p50s.push(times[Math.floor(times.length / 2)]);
      means.push(times.reduce((a, b) => a + b, 0) / times.length);
    }
    return { p50: Math.min(...p50s), mean: Math.min(...means) };
  };
  const lookup = await time(LOOKUP);
  const q1 = await time(QUERIES.find((q) => q.id === "Q1")!.api.query);
  return {
    models,
    getNodesMicros: Math.min(...lookupRounds),
    lookupP50Micros: lookup.p50,
    q1P50Micros: q1.p50,
    q1MeanMicros: q1.mean,
  };
}


/** Runs each scale in its own process and compares them. */
export async function compareScales(small = 1000, large = 100_000): Promise<LookupComparison> {
  const self = fileURLToPath(import.meta.url);
  const one = async (models: number) => {
    const { stdout } = await promisify(execFile)(process.execPath, [self, "--models", String(models)], { maxBuffer: 1 << 20, env: { ...process.env, NODE_ENV: "production" } });
    return JSON.parse(stdout) as LookupResult;
  };
  const s = await one(small);
  const l = await one(large);
  return { small: s, large: l, getNodesRatio: l.getNodesMicros / s.getNodesMicros, lookupP50Ratio: l.lookupP50Micros / s.lookupP50Micros, q1P50Ratio: l.q1P50Micros / s.q1P50Micros };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--models");
  if (at >= 0) {
    process.stdout.write(`${JSON.stringify(await measureScale(Number(process.argv[at + 1])))}\n`);
  } else {
    const c = await compareScales();
    const line = (r: LookupResult) =>
      `${String(r.models).padStart(7)} models: getNodes ${r.getNodesMicros.toFixed(2)} µs, model(slug) p50 ${r.lookupP50Micros.toFixed(0)} µs, Q1 p50 ${r.q1P50Micros.toFixed(0)} µs (mean ${r.q1MeanMicros.toFixed(0)} µs), in-process`;
    process.stdout.write(`${line(c.small)}\n${line(c.large)}\nratio 100k/1k: getNodes ${c.getNodesRatio.toFixed(2)}x, model(slug) p50 ${c.lookupP50Ratio.toFixed(2)}x, Q1 p50 ${c.q1P50Ratio.toFixed(2)}x (target <= 1.5x)\n`);
  }
}
