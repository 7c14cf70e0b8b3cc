// Reads from other origins and over GET (server/public-reads.ts): CORS without credentials,
// answered preflights, GET queries with Cache-Control and an ETag (304 on If-None-Match), and GET
// never running a mutation.
import { describe, expect, it } from "vitest";
import { TEST_KEYS, type TestServer, useSeededServer } from "../helpers/server.js";
import { MEMORY_CASE } from "../helpers/stores.js";

const ORIGIN = "http://example.test";

function preflight(url: string, origin: string, headers = "content-type,authorization"): Promise<Response> {
  return fetch(`${url}/graphql`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": headers } });
}

const get = (server: TestServer, query: string, headers: Record<string, string> = {}) => fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers });

describe("CORS and GET reads (defaults: any origin)", () => {
  const suite = useSeededServer(MEMORY_CASE);

  it("answers a preflight from http://example.test with the allow headers, and no credentials", async () => {
    const res = await preflight(suite.server.url, ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    const allowed = res.headers.get("access-control-allow-headers")!.split(",");
    expect(allowed).toEqual(expect.arrayContaining(["content-type", "authorization"]));
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(Number(res.headers.get("access-control-max-age"))).toBeGreaterThan(0);
  });

  it("lets a page on another origin read a POST answer and its budget headers", async () => {
    const res = await suite.server.post({ query: "{ __typename }" }, { origin: ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("x-ratelimit-remaining");
  });

  it("answers GET /graphql?query={__typename} 200, cacheable, and 304 on If-None-Match", async () => {
    const res = await fetch(`${suite.server.url}/graphql?query={__typename}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data).toEqual({ __typename: "Query" });
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    // The ETag is the data's: the same query gets the same one though its budget extension changed.
    const again = await get(suite.server, "{ __typename }");
    expect(again.headers.get("etag")).toBe(etag);
    // (fetch adds `cache-control: no-cache` to a conditional request unless told otherwise; a browser revalidating sends max-age=0.)
    const revalidated = await get(suite.server, "{ __typename }", { "if-none-match": etag, "cache-control": "max-age=0" });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    const other = await get(suite.server, '{ model(slug: "gpt-4") { name } }');
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("does not cache a GET that failed", async () => {
    const res = await get(suite.server, "{ models(first: 1000) { totalCount } }");
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("etag")).toBeNull();
  });

  it("refuses a GET mutation with 405 and a clear error, writing nothing, even with a valid key", async () => {
    const mutation = 'mutation { upsertOrganization(input: { slug: "get-org", name: "GET Org", countryCode: "KR" }) { slug } }';
    const res = await get(suite.server, mutation, { authorization: `Bearer ${TEST_KEYS[0].secret}` });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    const body = (await res.json()) as any;
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/GET requests only support query operations, not mutation/), extensions: { code: "BAD_REQUEST" } });
    const read = await suite.server.post({ query: '{ organization(slug: "get-org") { slug } }' });
    expect(read.body.data.organization).toBeNull();
  });

  it("keeps Apollo's CSRF check for POSTs: a form-like POST is refused", async () => {
    const form = await fetch(`${suite.server.url}/graphql`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN }, body: "query=%7B__typename%7D" });
    expect(form.status).toBe(400);
    expect(((await form.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });
});

describe("CORS with an allow-list", () => {
  const suite = useSeededServer(MEMORY_CASE, { http: { corsOrigins: ["https://notebooks.example.org"], getMaxAgeSeconds: 0 } });

  it("allows the listed origin only, and says the answer varies by Origin", async () => {
    const listed = await preflight(suite.server.url, "https://notebooks.example.org");
    expect(listed.headers.get("access-control-allow-origin")).toBe("https://notebooks.example.org");
    expect(listed.headers.get("vary")).toMatch(/origin/i);
    const other = await preflight(suite.server.url, ORIGIN);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends no-cache on GET queries when KG_GET_MAX_AGE_S is 0", async () => {
    const res = await get(suite.server, "{ __typename }");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("etag")).toBeTruthy();
  });
});
