// The environment, read once into a typed, checked config. Nothing else reads process.env.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (holding seed/, cypher/, public/), wherever the process was started from. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), import.meta.url.includes("/dist/") ? "../.." : "..");

export interface Config {
  port: number;
  host: string;
  /** Neo4j connection; null selects the embedded store. */
  neo4j: {
    uri: string;
    user: string | null;
    password: string | null;
    database: string | null;
    transactionTimeoutMs: number;
    connectTimeoutMs: number;
    /** Concurrent requests' reads of the same query share one query (store/neo4j/read-batcher.ts). */
    coalesceReads: boolean;
  } | null;
  dataDir: string;
  seedDir: string;
  cypherDir: string;
  publicDir: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Seed an empty store at start. */
  autoSeed: boolean;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(`${name} must be one of ${allowed.join(", ")}, got '${raw}'`);
  return raw as T;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = env.NEO4J_URI?.trim();
  return {
    port: int(env, "PORT", 4000, 0, 65535),
    host: env.HOST?.trim() || "127.0.0.1",
    neo4j: uri
      ? {
          uri,
          user: env.NEO4J_USER || null,
          password: env.NEO4J_PASSWORD || null,
          database: env.NEO4J_DATABASE || null,
          transactionTimeoutMs: int(env, "NEO4J_TX_TIMEOUT_MS", 10_000, 100, 600_000),
          connectTimeoutMs: int(env, "NEO4J_CONNECT_TIMEOUT_MS", 3_000, 100, 120_000),
          coalesceReads: oneOf(env, "NEO4J_COALESCE_READS", ["true", "false"] as const, "true") === "true",
        }
      : null,
    dataDir: path.resolve(env.KG_DATA_DIR || path.join(PROJECT_ROOT, ".kg-data")),
    seedDir: path.resolve(env.KG_SEED_DIR || path.join(PROJECT_ROOT, "seed")),
    cypherDir: path.join(PROJECT_ROOT, "cypher"),
    publicDir: path.join(PROJECT_ROOT, "public"),
    logLevel: oneOf(env, "LOG_LEVEL", ["debug", "info", "warn", "error", "silent"] as const, "info"),
    autoSeed: oneOf(env, "KG_AUTO_SEED", ["true", "false"] as const, "true") === "true",
  };
}
