// The whole-graph export built once per version of the graph (src/server/export/built-exports.ts):
// served again without a write, it is the same bytes and ETag, and the graph is not read again
// when the app is the store's only writer; after a write it is the new graph's file; requests that
// ask while a build runs share it; a build that fails is not kept. Without the only-writer option
// (Neo4j), a write the app did not see is still in the next export. And the long loops' turns
// (inTurns) give the same results as running them in one go, with other callbacks run between.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atOnce, inTurns } from "../../src/graphql/limits/event-loop-turns.js";
import { exportGraphOf } from "../../src/server/export/export-graph.js";
import { toGexf } from "../../src/server/export/gexf.js";
import { toGraphML } from "../../src/server/export/graphml.js";
import { StoreUnavailableError, type GraphStore } from "../../src/store/port.js";
import { startServer, TEST_KEYS, useSeededServer, type TestServer } from "../helpers/server.js";
import { MEMORY_CASE, openSeeded, STORE_CASES } from "../helpers/stores.js";

const WHOLE = "AI Actors Graph: the whole graph";

/** The store, with its snapshot() calls counted and, while `failing`, refused as an outage. */
function watchedSnapshots(inner: GraphStore): { store: GraphStore; snapshots: () => number; fail: (on: boolean) => void } {
  let snapshots = 0;
  let failing = false;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property !== "snapshot") return value.bind(target);
      return async () => {
        snapshots++;
        if (failing) throw new StoreUnavailableError("the test's store is down");
        return target.snapshot();
      };
    },
  });
  return { store, snapshots: () => snapshots, fail: (on) => void (failing = on) };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, etag: res.headers.get("etag"), body: await res.text(), res };
}

const upsert = (slug: string, name: string) => ({ query: `mutation { upsertOrganization(input: { slug: "${slug}", name: "${name}", countryCode: "KR" }) { slug } }` });
const curator = { authorization: `Bearer ${TEST_KEYS[0].secret}` };

describe("the whole-graph export, kept while the app is the store's only writer", () => {
  let inner: GraphStore;
  let watched: ReturnType<typeof watchedSnapshots>;
  let server: TestServer;
  beforeAll(async () => {
    inner = await openSeeded(MEMORY_CASE);
    watched = watchedSnapshots(inner);
    server = await startServer(watched.store, { onlyWriter: true });
  });
  afterAll(async () => {
    await server.close();
    await inner.close();
  });

  it("is the same bytes and ETag served twice without a write, read from the store once, and a 304 reads nothing", async () => {
    const before = watched.snapshots();
    const first = await get(`${server.url}/export/graph.graphml`);
    const second = await get(`${server.url}/export/graph.graphml`);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.etag).toBe(first.etag);
    expect(second.body).toBe(first.body);
    expect(first.body).toBe(toGraphML(exportGraphOf(await inner.snapshot(), WHOLE)));
    expect(watched.snapshots() - before).toBe(1);
    expect((await get(`${server.url}/export/graph.graphml`, { "if-none-match": first.etag! })).status).toBe(304);
    expect(watched.snapshots() - before).toBe(1);
    // Each format is a file of its own, kept apart.
    const gexf = await get(`${server.url}/export/graph.gexf`);
    expect(gexf.etag).not.toBe(first.etag);
    expect(gexf.body).toBe(toGexf(exportGraphOf(await inner.snapshot(), WHOLE)));
    expect(watched.snapshots() - before).toBe(2);
  });

  it("is the new graph's file after a write through the app, with a new ETag, and the old ETag gets the file", async () => {
    const old = await get(`${server.url}/export/graph.graphml`);
    const write = await server.post(upsert("kept-export-org", "Kept Export Org"), curator);
    expect(write.status).toBe(200);
    expect(write.body.errors).toBeUndefined();
    const changed = await get(`${server.url}/export/graph.graphml`, { "if-none-match": old.etag! });
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(old.etag);
    expect(changed.body).toContain("Kept Export Org");
    expect(changed.body).toBe(toGraphML(exportGraphOf(await inner.snapshot(), WHOLE)));
    expect((await get(`${server.url}/export/graph.graphml`)).body).toBe(changed.body);
  });

  it("shares one build among requests that ask while it runs", async () => {
    await server.post(upsert("shared-build-org", "Shared Build Org"), curator);
    const before = watched.snapshots();
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(`${server.url}/export/graph.gexf`)));
    expect(watched.snapshots() - before).toBe(1);
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0].body).toContain("Shared Build Org");
  });

  it("does not keep a build that failed: the store's outage is answered 503, and the next request builds again", async () => {
    await server.post(upsert("failed-build-org", "Failed Build Org"), curator);
    watched.fail(true);
    try {
      const down = await get(`${server.url}/export/graph.graphml`);
      expect(down.status).toBe(503);
      expect(JSON.parse(down.body).errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      watched.fail(false);
    }
    const back = await get(`${server.url}/export/graph.graphml`);
    expect(back.status).toBe(200);
    expect(back.body).toContain("Failed Build Org");
  });
});

describe.each(STORE_CASES)("the whole-graph export without the only-writer option ($name)", (storeCase) => {
  const suite = useSeededServer(storeCase);

  it("is the same bytes and ETag twice, and still holds a write that did not go through the app", async () => {
    const first = await get(`${suite.server.url}/export/graph.graphml`);
    const second = await get(`${suite.server.url}/export/graph.graphml`);
    expect(second.etag).toBe(first.etag);
    expect(second.body).toBe(first.body);
    // Another writer (kg import on the same Neo4j): the app sees no write, the export still does.
    await suite.store.write({ nodes: [{ kind: "Organization", key: "other-writer-org", props: { name: "Other Writer Org", countryCode: "KR" } }], relationships: [] });
    const third = await get(`${suite.server.url}/export/graph.graphml`, { "if-none-match": first.etag! });
    expect(third.status).toBe(200);
    expect(third.etag).not.toBe(first.etag);
    expect(third.body).toContain("Other Writer Org");
    expect(third.body).toBe(toGraphML(exportGraphOf(await suite.store.snapshot(), WHOLE)));
  });
});

describe("inTurns", () => {
  function* counting(until: () => boolean, max: number): Generator<void, number> {
    let steps = 0;
    while (steps < max && !until()) {
      steps++;
      yield;
    }
    return steps;
  }

  it("returns what the steps return, as running them in one go does", async () => {
    expect(await inTurns(counting(() => false, 10_000))).toBe(10_000);
    expect(atOnce(counting(() => false, 10_000))).toBe(10_000);
  });

  it("lets callbacks waiting for the event loop run between its slices, where running in one go does not", async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    expect(atOnce(counting(() => ran, 100_000))).toBe(100_000);
    await new Promise((resolve) => setImmediate(resolve));
    ran = false;
    setImmediate(() => (ran = true));
    // Slices of 0 ms: a turn at the first clock reading, so the callback runs long before the end.
    expect(await inTurns(counting(() => ran, 100_000), 0)).toBeLessThan(100_000);
  });
});
