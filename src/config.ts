// The environment, read once into a typed, checked config. Nothing else reads process.env.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SLUG_PATTERN } from "./domain/slug.js";
import { DEFAULT_MAX_RETRY_MS, type Neo4jOptions } from "./store/neo4j/neo4j-options.js";

/** The repository root (holding seed/, cypher/, public/), wherever the process was started from. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), import.meta.url.includes("/dist/") ? "../.." : "..");

export interface Config {
  port: number;
  host: string;
  /** Neo4j connection (every option filled in); null selects the embedded store. */
  neo4j: Required<Neo4jOptions> | null;
  dataDir: string;
  seedDir: string;
  /** The shipped dataset snapshots (seed/datasets/<format>), the default folder of `kg import <format>`. */
  datasetsDir: string;
  cypherDir: string;
  publicDir: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Seed an empty store at start. */
  autoSeed: boolean;
  /**
   * Whether seeding a fresh store also imports the shipped datasets (Ecosystem Graphs, Epoch AI) after
   * the seed (KG_SEED_DATASETS, default true); false leaves a store that holds the seed alone.
   */
  seedDatasets: boolean;
  /** What one request may ask for; each is refused before it runs (docs/operations.md). */
  limits: Limits;
  /** Keys that may call the curation mutations (KG_API_KEYS); reads need none. */
  apiKeys: ApiKey[];
  /** Each client's budget of cost points per window (docs/operations.md, Budgets). */
  rateLimit: RateLimitConfig;
  /** Who may read the API from a browser on another origin, and how GET reads are cached (docs/operations.md). */
  http: HttpConfig;
  /**
   * How long a stop (SIGTERM, SIGINT) may take, in ms (KG_SHUTDOWN_TIMEOUT_MS): in-flight requests
   * get half of it to finish, then the journal is folded into the snapshot; past it the process exits 1.
   */
  shutdownTimeoutMs: number;
}

export interface Limits {
  /** Deepest field nesting of an operation, fragments followed, `__*` fields not counted (KG_MAX_DEPTH). */
  maxDepth: number;
  /** Highest estimated cost of an operation: a connection costs `first` times its children (KG_MAX_COST). */
  maxCost: number;
  /** Aliases in one operation, fragments expanded (KG_MAX_ALIASES). */
  maxAliases: number;
  /** Field selections in one operation, fragments expanded: bounds repeated fields and fragment fan-out (KG_MAX_FIELDS). */
  maxFields: number;
  /** Lexical tokens of a document; the parser stops beyond it (KG_MAX_TOKENS). */
  maxTokens: number;
  /** Size of a request body in bytes; larger bodies get HTTP 413 (KG_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Operations in one batched HTTP request (a JSON array); 1 turns batching off (KG_MAX_BATCH). */
  maxBatch: number;
  /** Time one request may take, in ms, including the time to receive it (KG_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /**
   * Nodes plus relationships a whole-graph export (/export/graph.*) may hold; a larger graph is
   * refused with QUERY_TOO_COMPLEX, `limit: "export"`, and exported by neighborhoods (KG_EXPORT_MAX_ELEMENTS).
   */
  maxExportElements: number;
}

/**
 * Per-client budgets: every request is charged its cost (at least 1 point) against its client's
 * budget for the current window; a curator's key gets `keyedPoints`, everyone else (by IP) `points`.
 */
export interface RateLimitConfig {
  /** Length of one budget window, in seconds (KG_RATE_LIMIT_WINDOW_S). */
  windowSeconds: number;
  /** Points per window for a client without a valid key, counted by IP (KG_RATE_LIMIT_POINTS). */
  points: number;
  /** Points per window for a curator's key (KG_RATE_LIMIT_KEYED_POINTS). */
  keyedPoints: number;
  /**
   * Points per KB of GraphQL documents a request sends, held from its budget before any of them is
   * parsed and given back for each operation that passes the limits: a refused document pays for
   * its size (KG_RATE_LIMIT_POINTS_PER_KB; 0 holds nothing).
   */
  pointsPerKb: number;
  /**
   * Where the counters live (KG_RATE_LIMIT_STORE): `memory`, this process only. A store several API
   * instances share (rate-limiter-flexible's Redis, Postgres, ... limiters) plugs in at
   * server/rate-limit.ts's `limiterFor`.
   */
  store: "memory";
}

export interface HttpConfig {
  /** Origins a browser may read the API from (KG_CORS_ORIGINS): `*` (any, the default) or a comma-separated list. */
  corsOrigins: "*" | string[];
  /** `max-age` of a successful GET query's `Cache-Control: public`, in seconds (KG_GET_MAX_AGE_S); 0 sends `no-cache`. */
  getMaxAgeSeconds: number;
  /**
   * Proxies in front of the server whose `X-Forwarded-For` is believed (KG_TRUST_PROXY, a hop count;
   * 0, the default, believes none): behind one, every client would otherwise share the proxy's IP budget.
   */
  trustProxyHops: number;
}

/** One curator's key: `curator` names who wrote a fact when no source is cited. */
export interface ApiKey {
  curator: string;
  secret: string;
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

/** Shorter secrets are guessable; `openssl rand -hex 24` gives 48 characters. */
const MIN_SECRET_LENGTH = 16;

/** KG_API_KEYS: comma-separated `curator:secret` entries. */
function apiKeys(env: NodeJS.ProcessEnv): ApiKey[] {
  const raw = env.KG_API_KEYS?.trim();
  if (!raw) return [];
  const keys = raw.split(",").map((entry, i) => {
    const at = entry.indexOf(":");
    const curator = entry.slice(0, at).trim();
    const secret = entry.slice(at + 1).trim();
    // The secret itself never goes into an error message: the message may end up in a log.
    if (at <= 0 || !SLUG_PATTERN.test(curator)) throw new ConfigError(`KG_API_KEYS entry ${i + 1} must be 'curator-name:secret' with a lowercase slug as the name`);
    if (secret.length < MIN_SECRET_LENGTH || /\s/.test(secret)) {
      throw new ConfigError(`KG_API_KEYS entry ${i + 1} ('${curator}') needs a secret of at least ${MIN_SECRET_LENGTH} characters without spaces`);
    }
    return { curator, secret };
  });
  if (new Set(keys.map((k) => k.secret)).size !== keys.length) throw new ConfigError("KG_API_KEYS holds the same secret twice");
  return keys;
}

function limits(env: NodeJS.ProcessEnv): Limits {
  return {
    maxDepth: int(env, "KG_MAX_DEPTH", 10, 1, 100),
    // The visualization walk (examples/queries/visualization-walk.graphql) at first: 20 costs 377,260 (docs/operations.md).
    maxCost: int(env, "KG_MAX_COST", 500_000, 1, 1_000_000_000),
    maxAliases: int(env, "KG_MAX_ALIASES", 30, 0, 10_000),
    maxFields: int(env, "KG_MAX_FIELDS", 1_000, 1, 100_000),
    maxTokens: int(env, "KG_MAX_TOKENS", 10_000, 100, 1_000_000),
    maxBodyBytes: int(env, "KG_MAX_BODY_BYTES", 100 * 1024, 1024, 50 * 1024 * 1024),
    maxBatch: int(env, "KG_MAX_BATCH", 10, 1, 100),
    requestTimeoutMs: int(env, "KG_REQUEST_TIMEOUT_MS", 15_000, 100, 600_000),
    // The seed with both datasets holds 12,619 (a 6.4 MB GraphML file); about 500 bytes each.
    maxExportElements: int(env, "KG_EXPORT_MAX_ELEMENTS", 50_000, 1, 10_000_000),
  };
}

/** The limits with every variable unset: what tests and in-process servers get by default. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze(limits({}));

function rateLimit(env: NodeJS.ProcessEnv): RateLimitConfig {
  const config: RateLimitConfig = {
    windowSeconds: int(env, "KG_RATE_LIMIT_WINDOW_S", 60, 1, 86_400),
    // About two visualization walks (377,260 each) a minute, or 500 of the typical examples (<= 1,800).
    points: int(env, "KG_RATE_LIMIT_POINTS", 1_000_000, 1, Number.MAX_SAFE_INTEGER),
    keyedPoints: int(env, "KG_RATE_LIMIT_KEYED_POINTS", 10_000_000, 1, Number.MAX_SAFE_INTEGER),
    // A body of the largest size (KG_MAX_BODY_BYTES, 100 KB) holds a tenth of a minute's budget;
    // docs/operations.md ("Refusals pay for their size") has the measurements behind it.
    pointsPerKb: int(env, "KG_RATE_LIMIT_POINTS_PER_KB", 3_000, 0, 1_000_000_000),
    store: oneOf(env, "KG_RATE_LIMIT_STORE", ["memory"] as const, "memory"),
  };
  if (config.keyedPoints < config.points) throw new ConfigError(`KG_RATE_LIMIT_KEYED_POINTS (${config.keyedPoints}) must be at least KG_RATE_LIMIT_POINTS (${config.points}): a key never gets less`);
  return config;
}

/** The budgets with every variable unset. */
export const DEFAULT_RATE_LIMIT: Readonly<RateLimitConfig> = Object.freeze(rateLimit({}));

function corsOrigins(env: NodeJS.ProcessEnv): "*" | string[] {
  const raw = env.KG_CORS_ORIGINS?.trim();
  if (!raw || raw === "*") return "*";
  return raw.split(",").map((entry, i) => {
    const origin = entry.trim();
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    // An origin is scheme://host[:port], exactly as a browser sends it in `Origin`.
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`KG_CORS_ORIGINS entry ${i + 1} must be '*' or an origin like https://example.org (no path, no trailing slash), got '${origin}'`);
    }
    return origin;
  });
}

function httpConfig(env: NodeJS.ProcessEnv): HttpConfig {
  return {
    corsOrigins: corsOrigins(env),
    getMaxAgeSeconds: int(env, "KG_GET_MAX_AGE_S", 60, 0, 31_536_000),
    trustProxyHops: int(env, "KG_TRUST_PROXY", 0, 0, 10),
  };
}

/** CORS and caching with every variable unset. */
export const DEFAULT_HTTP: Readonly<HttpConfig> = Object.freeze(httpConfig({}));

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
          maxRetryMs: int(env, "NEO4J_MAX_RETRY_MS", DEFAULT_MAX_RETRY_MS, 0, 600_000),
        }
      : null,
    dataDir: path.resolve(env.KG_DATA_DIR || path.join(PROJECT_ROOT, ".kg-data")),
    seedDir: path.resolve(env.KG_SEED_DIR || path.join(PROJECT_ROOT, "seed")),
    datasetsDir: path.resolve(env.KG_DATASETS_DIR || path.join(PROJECT_ROOT, "seed", "datasets")),
    cypherDir: path.join(PROJECT_ROOT, "cypher"),
    publicDir: path.join(PROJECT_ROOT, "public"),
    logLevel: oneOf(env, "LOG_LEVEL", ["debug", "info", "warn", "error", "silent"] as const, "info"),
    autoSeed: oneOf(env, "KG_AUTO_SEED", ["true", "false"] as const, "true") === "true",
    seedDatasets: oneOf(env, "KG_SEED_DATASETS", ["true", "false"] as const, "true") === "true",
    limits: limits(env),
    apiKeys: apiKeys(env),
    rateLimit: rateLimit(env),
    http: httpConfig(env),
    shutdownTimeoutMs: int(env, "KG_SHUTDOWN_TIMEOUT_MS", 8_000, 100, 600_000),
  };
}
