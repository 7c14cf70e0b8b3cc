// The servers a benchmark run measures, each in its own child process on 127.0.0.1, and how to
// build one request of a query for each.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { PROJECT_ROOT } from "../src/config.js";
import type { QuerySpec } from "./queries.js";

export type TargetId = "a" | "b" | "c" | "d" | "m";
export type TargetKind = "api" | "neo4j-graphql" | "floor";

export interface TargetSpec {
  id: TargetId;
  label: string;
  kind: TargetKind;
  /** Store the target reads: Neo4j, or the embedded store. */
  store: "neo4j" | "memory";
  script: string;
  args: string[];
  /** Environment of its own (on top of the store's). */
  env?: Record<string, string>;
}

export const TARGETS: TargetSpec[] = [
  { id: "a", label: "this API", kind: "api", store: "neo4j", script: "api-server.js", args: [] },
  // No batching at all: DataLoader batching off, and the Neo4j adapter's cross-request coalescing too.
  { id: "b", label: "this API, batching off", kind: "api", store: "neo4j", script: "api-server.js", args: ["--no-batching"], env: { NEO4J_COALESCE_READS: "false" } },
  { id: "c", label: "@neo4j/graphql", kind: "neo4j-graphql", store: "neo4j", script: "neo4j-graphql-server.js", args: [] },
  { id: "d", label: "floor: one Cypher, no GraphQL", kind: "floor", store: "neo4j", script: "floor-server.js", args: [] },
  { id: "m", label: "this API, embedded store", kind: "api", store: "memory", script: "api-server.js", args: [] },
];

export interface RunningTarget {
  spec: TargetSpec;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a target server and waits for the line that says where it listens. */
export async function startTarget(spec: TargetSpec, env: NodeJS.ProcessEnv, profileDir: string | null = null): Promise<RunningTarget> {
  const script = path.join(PROJECT_ROOT, "dist", "bench", "servers", spec.script);
  // --profile: V8 writes the target's CPU profile into the directory when it stops (bench/cpu-profile.ts summarizes it).
  const node = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${spec.id}-${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...node, script, ...spec.args], { env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`target ${spec.id} did not start within 300 s`)), 300_000);
    lines.once("line", (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`target ${spec.id} printed '${line}' instead of its URL`));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`target ${spec.id} exited with ${code} before it was ready`));
    });
  });
  return {
    spec,
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** The HTTP path and JSON body of one request of `query` against a target of this kind. */
export function requestOf(kind: TargetKind, query: QuerySpec, args: Record<string, string | number | null>): { path: string; body: string } {
  if (kind === "floor") return { path: `/${query.floor.file}`, body: JSON.stringify(query.floor.params(args)) };
  const q = kind === "api" ? query.api : query.neo4jGraphql;
  return { path: "/graphql", body: JSON.stringify({ query: q.query, variables: q.variables(args) }) };
}
