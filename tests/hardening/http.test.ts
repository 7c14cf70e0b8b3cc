// The HTTP edge (issue: hardening): malformed and oversized bodies, batches, CSRF, API keys,
// request ids, masked internal errors with their log line, store outages and request timeouts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import { StoreUnavailableError, type GraphStore } from "../../src/store/port.js";
import { startServer, TEST_KEYS, type TestServer } from "../helpers/server.js";
import { config, withMethods } from "../helpers/stores.js";

const ALICE_KEY = `Bearer ${TEST_KEYS[0].secret}`;

async function seededMemory(): Promise<GraphStore> {
  const store = await MemoryStore.open(null);
  await seedStore(store, config.seedDir);
  return store;
}

describe("HTTP hardening", () => {
  let store: GraphStore;
  let server: TestServer;
  beforeAll(async () => {
    store = await seededMemory();
    server = await startServer(store);
  });
  afterAll(() => server.close());

  it("answers malformed JSON with 400 and a GraphQL-style error", async () => {
    for (const body of ["{not json", '{"query": "{ __typename }"', "[1,2", '"just a string"x']) {
      const res = await server.post(body);
      expect(res.status, body).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(res.body.errors[0].message).toMatch(/not valid JSON/);
    }
  });

  it("answers a body over the limit with 400 and QUERY_TOO_COMPLEX (limit: body)", async () => {
    const res = await server.post({ query: `{ search(text: "${"a".repeat(200_000)}") { __typename } }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "body" });
  });

  it("runs a batch of operations, and refuses one longer than the limit", async () => {
    const ok = await server.post([{ query: "{ model(slug: \"gpt-4\") { name } }" }, { query: "{ models(first: 1) { totalCount } }" }]);
    expect(ok.status).toBe(200);
    expect(ok.body.map((r: any) => Object.keys(r.data)[0])).toEqual(["model", "models"]);
    const long = await server.post(Array.from({ length: 11 }, () => ({ query: "{ __typename }" })));
    expect(long.status).toBe(400);
    expect(long.body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "batch", max: 10, actual: 11 });
    // Each operation of a batch keeps every limit.
    const deep = await server.post([{ query: "{ __typename }" }, { query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(" ")} }` }]);
    expect(deep.body[1].errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("gives a batch one cost budget, not one per operation", async () => {
    // The visualization walk costs 377,260: one fits the 500,000 budget, two do not.
    const walk = readFileSync(path.join(PROJECT_ROOT, "examples", "queries", "visualization-walk.graphql"), "utf8");
    const res = await server.post([{ query: walk }, { query: walk }]);
    expect(res.status).toBe(400);
    expect(res.body[0].data.countries).toBeDefined();
    expect(res.body[1].errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost", max: 500_000, actual: 2 * 377_260 });
    expect(res.body[1].errors[0].message).toMatch(/this batch cost/);
  });

  it("refuses batches when KG_MAX_BATCH is 1", async () => {
    const single = await startServer(store, { limits: { maxBatch: 1 } });
    try {
      const res = await single.post([{ query: "{ __typename }" }]);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    } finally {
      await single.close();
    }
  });

  it("keeps CSRF prevention on for POSTs (a form-like POST is refused); GETs run queries, never mutations", async () => {
    const form = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(form.status).toBe(400);
    expect(((await form.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(get.status).toBe(200);
    const mutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { claimOmission(input: {reportSlug: "a", modelSlug: "b"}) { basis } }')}`, {
      headers: { authorization: ALICE_KEY },
    });
    expect(mutation.status).toBe(405);
  });

  it("refuses mutations without a key or with a wrong one with 401, and writes with a valid one", async () => {
    const mutation = { query: `mutation { upsertOrganization(input: { slug: "http-org", name: "HTTP Org", countryCode: "KR" }) { slug country { code } } }` };
    const before = await store.counts();
    for (const headers of [{} as Record<string, string>, { authorization: "Bearer wrong-key-0123456789" }, { authorization: "Basic YWxpY2U6c2VjcmV0" }, { authorization: TEST_KEYS[0].secret }]) {
      const res = await server.post(mutation, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(await store.counts()).toEqual(before);
    const ok = await server.post(mutation, { authorization: ALICE_KEY });
    expect(ok.status).toBe(200);
    expect(ok.body.data.upsertOrganization).toEqual({ slug: "http-org", country: { code: "KR" } });
    const read = await server.post({ query: `{ organization(slug: "http-org") { name sources { slug } } }` });
    expect(read.body.data.organization).toEqual({ name: "HTTP Org", sources: [{ slug: "curation-alice" }] });
    // Reads need no key, and a key of another curator works the same way.
    const bob = await server.post({ query: `mutation { upsertOrganization(input: { slug: "http-org", name: "HTTP Org" }) { sources { slug } } }` }, { authorization: `bearer ${TEST_KEYS[1].secret}` });
    expect(bob.body.data.upsertOrganization.sources).toEqual([{ slug: "curation-alice" }, { slug: "curation-bob" }]);
  });

  it("answers an empty name with 400 BAD_USER_INPUT naming input.name", async () => {
    const res = await server.post({ query: `mutation { upsertModel(input: { slug: "m", name: "", organizationSlug: "naver" }) { slug } }` }, { authorization: ALICE_KEY });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
  });

  it("echoes a plain x-request-id, and makes one up for a missing or odd one", async () => {
    const given = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "trace-42" } });
    expect(given.headers.get("x-request-id")).toBe("trace-42");
    const odd = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "a b\u00e9".repeat(30) } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers /healthz and /readyz with 200", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", store: "memory" });
  });

  it("writes its logs as JSON lines with a level, an ISO time and the request id", async () => {
    await server.post({ query: "{ __typename }" }, { "x-request-id": "log-check-1" });
    const line = server.logs.find((l) => l.requestId === "log-check-1");
    expect(line).toMatchObject({ level: "debug", msg: "request", method: "POST", path: "/graphql", status: 200 });
    expect(String(line!.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe("HTTP hardening when the store fails", () => {
  it("masks an internal error for the client and logs it with the request id", async () => {
    const store = withMethods(await seededMemory(), {
      getNodes: async () => {
        throw new Error("disk /var/lib/secret-path is on fire");
      },
    });
    const server = await startServer(store);
    try {
      const res = await server.post({ query: `{ model(slug: "gpt-4") { name } }` }, { "x-request-id": "req-boom" });
      expect(res.status).toBe(500);
      expect(res.body.errors[0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-boom" } });
      expect(JSON.stringify(res.body)).not.toContain("secret-path");
      const logged = server.logs.find((l) => l.level === "error" && l.requestId === "req-boom");
      expect(JSON.stringify(logged)).toContain("secret-path");
    } finally {
      await server.close();
    }
  });

  it("answers SERVICE_UNAVAILABLE with 503 while the store is down, and /readyz 503 without the reason", async () => {
    const down = () => Promise.reject(new StoreUnavailableError("Neo4j at bolt://10.0.0.7:7687 is not reachable"));
    const store = withMethods(await seededMemory(), { getNodes: down, list: down, related: down, search: down, ping: down });
    const server = await startServer(store);
    try {
      const res = await server.post({ query: `{ models { totalCount } }` });
      expect(res.status).toBe(503);
      expect(res.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(JSON.stringify(await ready.json())).not.toContain("10.0.0.7");
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("gives up on a request that outlives its time with 503, and keeps serving", async () => {
    const hang = () => new Promise(() => undefined);
    const store = withMethods(await seededMemory(), { list: hang });
    const server = await startServer(store, { limits: { requestTimeoutMs: 300 } });
    try {
      const started = Date.now();
      const res = await server.post({ query: `{ models { totalCount } }` });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(res.status).toBe(503);
      expect(res.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(res.body.errors[0].message).toMatch(/ran out of its 300 ms/);
      const after = await server.post({ query: `{ model(slug: "gpt-4") { name } }` });
      expect(after.body.data.model.name).toBe("GPT-4");
    } finally {
      await server.close();
    }
  });
});
