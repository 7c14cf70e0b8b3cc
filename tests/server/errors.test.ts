// Every kind of error, sent through GraphQL, /export and the pages, comes back in the one shape
// docs/operations.md documents ({"errors":[{"message","extensions":{"code",...}}]}) with the status
// errors.ts gives its code: one module classifies them all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify, ErrorCode, HTTP_STATUS, PROTOCOL_CODES, statusOf, type AnswerCode } from "../../src/graphql/errors.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { StoreTimeoutError, StoreUnavailableError } from "../../src/store/port.js";
import { startServer, TEST_KEYS, type TestServer } from "../helpers/server.js";
import { Executor } from "../../src/store/neo4j/executor.js";
import { config, hasNeo4j, MEMORY_CASE, openSeeded, withMethods } from "../helpers/stores.js";

const ALICE = { authorization: `Bearer ${TEST_KEYS[0].secret}` };
const GPT4 = toGlobalId("Model", "gpt-4");
const KNOWN = new Set<string>([...Object.values(ErrorCode), ...PROTOCOL_CODES]);

interface Answer {
  status: number;
  type: string;
  body: any;
}

async function send(url: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: JSON.parse(text) };
}

function graphql(server: TestServer, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

/** The documented shape: JSON, `errors` of { message, extensions.code, and path/locations at most }, the code's status. */
function expectShape(answer: Answer, code: AnswerCode): void {
  expect(answer.type).toMatch(/^application\/(graphql-response\+)?json/);
  const errors = Array.isArray(answer.body) ? answer.body.flatMap((r: any) => r.errors ?? []) : answer.body.errors;
  expect(Array.isArray(errors) && errors.length > 0, JSON.stringify(answer.body)).toBe(true);
  for (const error of errors) {
    expect(Object.keys(error).every((k) => ["message", "extensions", "path", "locations"].includes(k)), JSON.stringify(error)).toBe(true);
    expect(typeof error.message).toBe("string");
    expect(KNOWN.has(error.extensions.code), error.extensions.code).toBe(true);
    expect(JSON.stringify(error)).not.toMatch(/stacktrace|at .*\.(js|ts):\d+/);
  }
  expect(errors.map((e: any) => e.extensions.code)).toContain(code);
  // Request errors (parse, validation) answer 200 in the legacy application/json (the GraphQL-over-HTTP spec's SHOULD).
  const mediaType = answer.type.includes("application/graphql-response+json") ? "application/graphql-response+json" : "application/json";
  expect(answer.status, JSON.stringify(answer.body)).toBe(statusOf(code, mediaType) ?? 400);
}

describe("one error shape for every route", () => {
  let server: TestServer;
  let down: TestServer;
  let broken: TestServer;
  beforeAll(async () => {
    const seeded = await openSeeded(MEMORY_CASE);
    server = await startServer(seeded);
    const unavailable = () => Promise.reject(new StoreUnavailableError("Neo4j at bolt://10.0.0.7:7687 is not reachable"));
    down = await startServer(withMethods(seeded, { getNodes: unavailable, list: unavailable, snapshot: unavailable, neighborhood: unavailable }));
    const bug = () => Promise.reject(new Error("a bug at /srv/secret"));
    broken = await startServer(withMethods(seeded, { getNodes: bug, snapshot: bug }));
  });
  afterAll(async () => {
    await Promise.all([server.close(), down.close(), broken.close()]);
  });

  it.each<[string, unknown, Record<string, string>, AnswerCode]>([
    ["a bad argument", { query: "{ models(first: 1000) { totalCount } }" }, {}, ErrorCode.BAD_USER_INPUT],
    ["malformed JSON", "{not json", {}, ErrorCode.BAD_USER_INPUT],
    ["a mutation without a key", { query: 'mutation { upsertOrganization(input: { slug: "e-org", name: "E" }) { slug } }' }, {}, ErrorCode.UNAUTHENTICATED],
    ["a query too deep", { query: `{ ${"models { nodes { organization { models { nodes { ".repeat(3)} slug ${"} } } } }".repeat(3)} }` }, {}, ErrorCode.QUERY_TOO_COMPLEX],
    ["a body over the limit", { query: `{ search(text: "${"a".repeat(200_000)}") { __typename } }` }, {}, ErrorCode.QUERY_TOO_COMPLEX],
    ["a batch over the limit", Array.from({ length: 11 }, () => ({ query: "{ __typename }" })), {}, ErrorCode.QUERY_TOO_COMPLEX],
    ["a syntax error", { query: "{ models(" }, {}, "GRAPHQL_PARSE_FAILED"],
    ["an unknown field", { query: "{ noSuchField }" }, {}, "GRAPHQL_VALIDATION_FAILED"],
  ])("GraphQL: %s", async (_name, body, headers, code) => {
    expectShape(await graphql(server, body, headers), code);
    // The same in the GraphQL response media type (the shape is the same; request errors answer 400 there).
    expectShape(await graphql(server, body, { accept: "application/graphql-response+json", ...headers }), code);
  });

  it("GraphQL: another curator's source", async () => {
    const bob = { authorization: `Bearer ${TEST_KEYS[1].secret}` };
    expect((await graphql(server, { query: 'mutation { upsertOrganization(input: { slug: "bob-org", name: "B" }) { slug } }' }, bob)).status).toBe(200);
    expectShape(await graphql(server, { query: 'mutation { upsertOrganization(input: { slug: "e-org", name: "E", sourceSlug: "curation-bob" }) { slug } }' }, ALICE), ErrorCode.FORBIDDEN);
  });

  it("GraphQL: the store down, and a bug (masked, with the request id)", async () => {
    expectShape(await graphql(down, { query: '{ model(slug: "gpt-4") { name } }' }), ErrorCode.SERVICE_UNAVAILABLE);
    const masked = await graphql(broken, { query: '{ model(slug: "gpt-4") { name } }' }, { "x-request-id": "errors-gql" });
    expectShape(masked, ErrorCode.INTERNAL_SERVER_ERROR);
    expect(masked.body.errors[0]).toMatchObject({ message: "Internal server error", extensions: { requestId: "errors-gql" } });
    expect(JSON.stringify(masked.body)).not.toContain("secret");
  });

  it.each<[string, string, AnswerCode, string]>([
    ["a malformed id", "around=nonsense", ErrorCode.BAD_USER_INPUT, "around"],
    ["a depth out of range", `around=${GPT4}&depth=9`, ErrorCode.BAD_USER_INPUT, "depth"],
    ["an unknown node", `around=${toGlobalId("Model", "no-such-model")}`, ErrorCode.NOT_FOUND, "around"],
  ])("/export: %s", async (_name, query, code, field) => {
    const answer = await send(`${server.url}/export/graph.graphml?${query}`);
    expectShape(answer, code);
    expect(answer.body.errors[0].extensions.field).toBe(field);
  });

  it("/export: the store down, and a bug (masked, with the request id)", async () => {
    expectShape(await send(`${down.url}/export/graph.gexf`), ErrorCode.SERVICE_UNAVAILABLE);
    const masked = await send(`${broken.url}/export/graph.gexf`, { headers: { "x-request-id": "errors-export" } });
    expectShape(masked, ErrorCode.INTERNAL_SERVER_ERROR);
    expect(masked.body.errors[0].extensions.requestId).toBe("errors-export");
    expect(JSON.stringify(masked.body)).not.toContain("secret");
    expect(broken.logs.some((l) => l.level === "error" && l.requestId === "errors-export" && JSON.stringify(l).includes("secret"))).toBe(true);
  });

  it("pages and unknown paths: 404 NOT_FOUND in the same shape", async () => {
    expectShape(await send(`${server.url}/no-such-page`), ErrorCode.NOT_FOUND);
    expectShape(await send(`${server.url}/export/graph.csv`), ErrorCode.NOT_FOUND);
    expectShape(await send(`${server.url}/explore/no-such-file.js`), ErrorCode.NOT_FOUND);
  });

  it("one status per code: the body limit answers 400 like every other limit", () => {
    expect(HTTP_STATUS.QUERY_TOO_COMPLEX).toBe(400);
    expect(Object.values(ErrorCode).every((code) => statusOf(code) === HTTP_STATUS[code])).toBe(true);
  });
});

describe("classification", () => {
  it("a store timeout is SERVICE_UNAVAILABLE naming its limit, not a masked 500", () => {
    const classified = classify(new StoreTimeoutError(10_000));
    expect(classified).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, extensions: { limit: "transaction", max: 10_000 } });
    expect(classified.message).toMatch(/10000 ms limit/);
  });

  it("anything unknown is masked", () => {
    expect(classify(new Error("boom at /srv"))).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: "Internal server error", extensions: {} });
    expect(classify("a string")).toMatchObject({ code: ErrorCode.INTERNAL_SERVER_ERROR });
  });
});

describe.skipIf(!hasNeo4j)("a Neo4j transaction timeout", () => {
  it("becomes a StoreTimeoutError (SERVICE_UNAVAILABLE naming NEO4J_TX_TIMEOUT_MS), not a masked 500", async () => {
    const executor = new Executor({ ...config.neo4j!, transactionTimeoutMs: 200, maxRetryMs: 0 });
    try {
      // Tens of millions of rows: far longer than 200 ms on any machine.
      const error = await executor.read("UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS n", {}).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreTimeoutError);
      expect(classify(error)).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, extensions: { limit: "transaction", max: 200 } });
      // Neo4j is not down: the next read answers.
      expect(await executor.read("RETURN 1 AS one", {})).toEqual([{ one: 1 }]);
    } finally {
      await executor.close();
    }
  });
});
