// Logs under a store outage (issue 18): one warning when the store goes down, one line when it is
// back with how long and how many requests were refused, and no line per refused request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import { StorageFailedError, StoreUnavailableError, type GraphStore } from "../../src/store/port.js";
import { createLogger, outageLog } from "../../src/server/logger.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { config } from "../helpers/stores.js";

/** The store, failing every call with `failure()` while it returns an error. */
function switchable(store: GraphStore, failure: () => Error | null): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const error = failure();
        return error ? Promise.reject(error) : (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe("outage logs", () => {
  let down: Error | null = null;
  let server: TestServer;
  beforeAll(async () => {
    const store = await MemoryStore.open(null);
    await seedStore(store, config.seedDir);
    server = await startServer(switchable(store, () => down));
  });
  afterAll(() => server.close());

  const lines = (msg: string) => server.logs.filter((l) => l.msg === msg);

  it("logs an outage once when it starts and once when it ends, with the refused requests counted", async () => {
    down = new StoreUnavailableError("Neo4j at bolt://10.0.0.7:7687 is not reachable");
    const refused = await Promise.all([
      ...Array.from({ length: 40 }, () => server.post({ query: `{ models { totalCount } }` })),
      ...Array.from({ length: 5 }, () => fetch(`${server.url}/readyz`)),
      ...Array.from({ length: 5 }, () => fetch(`${server.url}/export/graph.graphml`)),
    ]);
    expect(refused.map((r) => r.status)).toEqual(Array(50).fill(503));
    expect(lines("store unavailable")).toHaveLength(1);
    expect(lines("store unavailable")[0]).toMatchObject({ level: "warn", store: "memory" });
    expect(JSON.stringify(lines("store unavailable")[0].err)).toContain("10.0.0.7");
    expect(lines("request failed")).toHaveLength(0);
    expect(lines("store not ready")).toHaveLength(0);
    expect(lines("store available again")).toHaveLength(0);

    down = null;
    const ok = await server.post({ query: `{ models { totalCount } }` });
    expect(ok.status).toBe(200);
    await server.post({ query: `{ models { totalCount } }` });
    expect(lines("store available again")).toHaveLength(1);
    expect(lines("store available again")[0]).toMatchObject({ level: "info", store: "memory", refused: 50 });
    expect(lines("store available again")[0].downMs).toBeGreaterThanOrEqual(0);

    // A second outage is logged again, once.
    down = new StoreUnavailableError("again");
    for (let i = 0; i < 3; i++) expect((await server.post({ query: `{ models { totalCount } }` })).status).toBe(503);
    down = null;
    await fetch(`${server.url}/readyz`);
    expect(lines("store unavailable")).toHaveLength(2);
    expect(lines("store available again").at(-1)).toMatchObject({ refused: 3 });
    expect(lines("request failed")).toHaveLength(0);
  });

  it("still logs each failure that is not an outage: a masked internal error, a storage failure", async () => {
    const before = lines("request failed").length;
    down = new Error("a bug");
    const res = await server.post({ query: `{ models { totalCount } }` });
    expect(res.status).toBe(500);
    down = new StorageFailedError("disk full in /data");
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    down = null;
    expect(lines("request failed").length).toBe(before + 2);
    expect(lines("store not ready")).toHaveLength(1);
    expect(lines("store unavailable")).toHaveLength(2);
  });
});

describe("outageLog", () => {
  it("counts only 503s, and only during an outage", async () => {
    const logged: Array<Record<string, unknown>> = [];
    let clock = 1_000;
    const log = outageLog(createLogger("debug", (line) => logged.push(JSON.parse(line))), "neo4j", () => clock);
    let failing = true;
    const store = log.watch({ name: "neo4j", ping: () => (failing ? Promise.reject(new StoreUnavailableError("down")) : Promise.resolve()) } as unknown as GraphStore);
    expect(log.refused(503)).toBe(false);
    await store.ping().catch(() => undefined);
    await store.ping().catch(() => undefined);
    expect(log.refused(503)).toBe(true);
    expect(log.refused(500)).toBe(false);
    expect(log.refused(503)).toBe(true);
    failing = false;
    clock += 2_500;
    await store.ping();
    await Promise.resolve();
    expect(logged.map((l) => l.msg)).toEqual(["store unavailable", "store available again"]);
    expect(logged[1]).toMatchObject({ store: "neo4j", refused: 2, downMs: 2_500 });
    expect(log.refused(503)).toBe(false);
  });
});
