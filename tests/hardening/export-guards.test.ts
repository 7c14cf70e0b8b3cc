// Exports priced and cacheable (issue 18): the whole graph is streamed with an ETag and answered
// 304 while unchanged, refused above its size cap with a clear error, and charged to the client's
// budget by its size; neighborhoods stay cheap.
import http from "node:http";
import express, { type ErrorRequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimited, sendError } from "../../src/graphql/errors.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { exportGraphOf } from "../../src/server/export/export-graph.js";
import { toGexf } from "../../src/server/export/gexf.js";
import { toGraphML } from "../../src/server/export/graphml.js";
import { EXPORT_POINTS_PER_ELEMENT, exportRouter, type Charge } from "../../src/server/export/routes.js";
import type { GraphStore } from "../../src/store/port.js";
import { startServer, TEST_KEYS, useSeededServer, type TestServer } from "../helpers/server.js";
import { MEMORY_CASE, openSeeded } from "../helpers/stores.js";

const GPT4 = toGlobalId("Model", "gpt-4");

describe("whole-graph export over the app", () => {
  const suite = useSeededServer(MEMORY_CASE);

  it("streams the file it always wrote, with an ETag, and answers 304 to If-None-Match until the graph changes", async () => {
    const res = await fetch(`${suite.server.url}/export/graph.graphml`);
    expect(res.status).toBe(200);
    // Streamed: sent in chunks, not as one body of a known length.
    expect(res.headers.get("transfer-encoding")).toBe("chunked");
    expect(res.headers.get("content-length")).toBeNull();
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toBe(toGraphML(exportGraphOf(await suite.store.snapshot(), "AI Actors Graph: the whole graph")));

    const again = await fetch(`${suite.server.url}/export/graph.graphml`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    // Another format is another file.
    const gexf = await fetch(`${suite.server.url}/export/graph.gexf`, { headers: { "if-none-match": etag } });
    expect(gexf.status).toBe(200);
    expect(await gexf.text()).toBe(toGexf(exportGraphOf(await suite.store.snapshot(), "AI Actors Graph: the whole graph")));

    const write = await suite.server.post(
      { query: `mutation { upsertOrganization(input: { slug: "etag-org", name: "ETag Org", countryCode: "KR" }) { slug } }` },
      { authorization: `Bearer ${TEST_KEYS[0].secret}` },
    );
    expect(write.status).toBe(200);
    const changed = await fetch(`${suite.server.url}/export/graph.graphml`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toContain("ETag Org");
  });

  it("gives a neighborhood its own ETag and 304", async () => {
    const res = await fetch(`${suite.server.url}/export/graph.graphml?around=${GPT4}&depth=1`);
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag")!;
    await res.text();
    expect((await fetch(`${suite.server.url}/export/graph.graphml?around=${GPT4}&depth=1`, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await fetch(`${suite.server.url}/export/graph.graphml?around=${GPT4}&depth=2`, { headers: { "if-none-match": etag } })).status).toBe(200);
  });
});

describe("the export size cap", () => {
  let store: GraphStore;
  let server: TestServer;
  beforeAll(async () => {
    store = await openSeeded(MEMORY_CASE);
    server = await startServer(store, { limits: { maxExportElements: 10 } });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it("refuses the whole graph above the cap, naming the limit and the way out, and still exports a neighborhood", async () => {
    const counts = await store.counts();
    for (const extension of ["graphml", "gexf"]) {
      const res = await fetch(`${server.url}/export/graph.${extension}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-disposition")).toBeNull();
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit: "export", max: 10, actual: counts.nodes + counts.relationships });
      expect(body.errors[0].message).toMatch(/KG_EXPORT_MAX_ELEMENTS.*\?around=/);
    }
    const slice = await fetch(`${server.url}/export/graph.graphml?around=${GPT4}&depth=1&limit=5`);
    expect(slice.status).toBe(200);
    expect(await slice.text()).toContain("GPT-4");
  });
});

describe("exports against the app's budgets", () => {
  let store: GraphStore;
  let server: TestServer;
  beforeAll(async () => {
    store = await openSeeded(MEMORY_CASE);
    server = await startServer(store, { rateLimit: { points: 500 } });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it("refuses a whole export the client's budget cannot pay with 429, while a neighborhood is still served", async () => {
    const { nodes, relationships } = await store.counts();
    expect((nodes + relationships) * EXPORT_POINTS_PER_ELEMENT).toBeGreaterThan(500);
    const res = await fetch(`${server.url}/export/graph.graphml`);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("x-ratelimit-limit")).toBe("500");
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
    const slice = await fetch(`${server.url}/export/graph.graphml?around=${GPT4}&depth=1&limit=10`);
    expect(slice.status).toBe(200);
    expect(Number(slice.headers.get("x-ratelimit-remaining"))).toBeLessThan(500);
    expect(await slice.text()).toContain("GPT-4");
  });
});

describe("the export's price", () => {
  let store: GraphStore;
  let url: string;
  let httpServer: http.Server;
  const charged: number[] = [];
  let budget = Infinity;
  const charge: Charge = async (_res, cost) => {
    if (cost > budget) throw rateLimited("spent", { budget: 100, cost, remaining: budget, resetAt: new Date(Date.now() + 30_000) });
    budget -= cost;
    charged.push(cost);
  };
  beforeAll(async () => {
    store = await openSeeded(MEMORY_CASE);
    const app = express();
    app.use("/export", exportRouter(store, { maxElements: 1_000_000, charge }));
    app.use(((error, _req, res, _next) => void sendError(res, error)) as ErrorRequestHandler);
    httpServer = http.createServer(app);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(httpServer.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => httpServer.close(resolve));
    await store.close();
  });

  it("charges the whole graph by its size before it is read, and a 304 only the share of reading it", async () => {
    const { nodes, relationships } = await store.counts();
    const price = (nodes + relationships) * EXPORT_POINTS_PER_ELEMENT;
    charged.length = 0;
    const res = await fetch(`${url}/export/graph.graphml`);
    await res.text();
    expect(charged.reduce((a, b) => a + b, 0)).toBe(price);
    charged.length = 0;
    expect((await fetch(`${url}/export/graph.graphml`, { headers: { "if-none-match": res.headers.get("etag")! } })).status).toBe(304);
    const conditional = charged.reduce((a, b) => a + b, 0);
    expect(conditional).toBeGreaterThan(0);
    expect(conditional).toBeLessThan(price / 2);
  });

  it("charges a neighborhood by what it holds, far less than the whole graph", async () => {
    charged.length = 0;
    const res = await fetch(`${url}/export/graph.graphml?around=${GPT4}&depth=1`);
    await res.text();
    const { nodes, relationships } = await store.counts();
    const total = charged.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan((nodes + relationships) * EXPORT_POINTS_PER_ELEMENT);
  });

  it("answers a spent budget with 429 and Retry-After, before reading the graph, and without the file's headers", async () => {
    budget = 5;
    try {
      const res = await fetch(`${url}/export/graph.graphml`);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      // No file's headers (the JSON error body has Express's own weak ETag, if any).
      expect(res.headers.get("etag") ?? "W/").toMatch(/^W\//);
      expect(res.headers.get("content-disposition")).toBeNull();
      expect(((await res.json()) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
    } finally {
      budget = Infinity;
    }
  });
});
