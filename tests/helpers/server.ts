// Starts the HTTP server in-process on 127.0.0.1 (a free port) over a store, collecting its logs.
import type { ApiKey, HttpConfig, Limits, RateLimitConfig } from "../../src/config.js";
import { DEFAULT_HTTP, DEFAULT_LIMITS, DEFAULT_RATE_LIMIT } from "../../src/config.js";
import { createApp, type App } from "../../src/server/app.js";
import { createLogger } from "../../src/server/logger.js";
import type { GraphStore } from "../../src/store/port.js";
import { afterAll, beforeAll } from "vitest";
import { config, openSeeded, type StoreCase } from "./stores.js";

export const TEST_KEYS: ApiKey[] = [
  { curator: "alice", secret: "alice-0123456789-secret" },
  { curator: "bob", secret: "bob-0123456789abcdef-secret" },
];

export interface TestServer {
  url: string;
  app: App;
  /** Log lines written so far, parsed. */
  logs: Array<Record<string, unknown>>;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export interface ServerOptions {
  limits?: Partial<Limits>;
  apiKeys?: ApiKey[];
  /** The budgets (defaults: config.ts's). */
  rateLimit?: Partial<RateLimitConfig>;
  http?: Partial<HttpConfig>;
  /** AppOptions.onlyWriter: every write to the store goes through this server. */
  onlyWriter?: boolean;
}

export async function startServer(store: GraphStore, options: ServerOptions = {}): Promise<TestServer> {
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger("debug", (line) => logs.push(JSON.parse(line)));
  const app = await createApp({ store, logger, publicDir: config.publicDir, limits: { ...DEFAULT_LIMITS, ...options.limits },
    apiKeys: options.apiKeys ?? TEST_KEYS,
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...options.rateLimit },
    http: { ...DEFAULT_HTTP, ...options.http },
    onlyWriter: options.onlyWriter,
  });
  const url = await app.listen(0, "127.0.0.1");
  return {
    url,
    app,
    logs,
    async post(body, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // left as text: the test asserts JSON where it matters
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    close: () => app.close(),
  };
}

/** What a suite of useSeededServer reads: set before its first test. */
export interface SeededServer {
  store: GraphStore;
  server: TestServer;
}

/**
 * A store of `storeCase` holding the seed and a server over it, opened before the suite's tests and
 * closed after them (call it in a describe block).
 */
export function useSeededServer(storeCase: StoreCase, options: ServerOptions = {}): SeededServer {
  const suite = {} as SeededServer;
  beforeAll(async () => {
    suite.store = await openSeeded(storeCase);
    suite.server = await startServer(suite.store, options);
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.store?.close();
  });
  return suite;
}
