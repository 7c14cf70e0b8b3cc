// Per-client budgets (server/rate-limit.ts): each request is charged its cost to its client (a
// curator's key, else its IP); an exhausted budget answers 429 RATE_LIMITED with Retry-After while
// other clients are still served; every response carries the budget.
import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMIT } from "../../src/config.js";
import { Budgets } from "../../src/server/rate-limit.js";
import { TEST_KEYS, useSeededServer } from "../helpers/server.js";
import { MEMORY_CASE } from "../helpers/stores.js";

const POINTS = 120;
const KEYED_POINTS = 5_000;
const QUERY = { query: "{ models(first: 10) { nodes { slug name } } }" };
/** Clients told apart by the address a trusted proxy says they come from. */
const from = (ip: string) => ({ "x-forwarded-for": ip });

function budgetHeaders(headers: Headers): { limit: number; remaining: number; reset: number } {
  return { limit: Number(headers.get("x-ratelimit-limit")), remaining: Number(headers.get("x-ratelimit-remaining")), reset: Number(headers.get("x-ratelimit-reset")) };
}

describe("per-client budgets", () => {
  // No size hold here (pointsPerKb 0): these tests count each operation's cost exactly; the hold has its own suite below.
  const suite = useSeededServer(MEMORY_CASE, { rateLimit: { points: POINTS, keyedPoints: KEYED_POINTS, windowSeconds: 600, pointsPerKb: 0 }, http: { trustProxyHops: 1 } });

  it("charges each request its cost and reports it in extensions.rateLimit and the X-RateLimit headers", async () => {
    const first = await suite.server.post(QUERY, from("198.51.100.1"));
    expect(first.status).toBe(200);
    const { cost, remaining, resetAt } = first.body.extensions.rateLimit;
    expect(cost).toBeGreaterThan(10);
    expect(remaining).toBe(POINTS - cost);
    expect(Date.parse(resetAt)).toBeGreaterThan(Date.now());
    expect(budgetHeaders(first.headers)).toEqual({ limit: POINTS, remaining, reset: Math.ceil(Date.parse(resetAt) / 1000) });
    const second = await suite.server.post(QUERY, from("198.51.100.1"));
    expect(second.body.extensions.rateLimit).toMatchObject({ cost, remaining: remaining - cost });
    // Introspection costs nothing in the cost analysis, but a request costs at least 1 point.
    const typename = await suite.server.post({ query: "{ __typename }" }, from("198.51.100.1"));
    expect(typename.body.extensions.rateLimit).toMatchObject({ cost: 1, remaining: remaining - cost - 1 });
  });

  it("answers a client over its budget 429 RATE_LIMITED with Retry-After, while another client is still served", async () => {
    const spender = from("198.51.100.2");
    let answer = await suite.server.post(QUERY, spender);
    const cost = answer.body.extensions.rateLimit.cost as number;
    let served = 1;
    while (answer.status === 200 && served < 50) {
      answer = await suite.server.post(QUERY, spender);
      if (answer.status === 200) served++;
    }
    expect(served).toBe(Math.floor(POINTS / cost));
    expect(answer.status).toBe(429);
    const retryAfter = Number(answer.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 600).toBe(true);
    expect(answer.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", budget: POINTS, cost, retryAfter });
    expect(answer.body.errors[0].message).toMatch(/budget of 120 per 600 s/);
    // The refused request paid its first point only.
    expect(budgetHeaders(answer.headers)).toMatchObject({ limit: POINTS, remaining: POINTS - served * cost - 1 });
    // A refused operation is not charged: what is left still pays for a cheap request.
    const cheap = await suite.server.post({ query: "{ __typename }" }, spender);
    expect(cheap.status).toBe(200);

    const other = await suite.server.post(QUERY, from("198.51.100.3"));
    expect(other.status).toBe(200);
    expect(other.body.data.models.nodes.length).toBeGreaterThan(0);
    // A curator's key is its own client, with the larger budget.
    const keyed = await suite.server.post(QUERY, { ...spender, authorization: `Bearer ${TEST_KEYS[0].secret}` });
    expect(keyed.status).toBe(200);
    expect(budgetHeaders(keyed.headers).limit).toBe(KEYED_POINTS);
  });

  it("refuses a spent client's next request before parsing it, in the one error shape", async () => {
    const spender = from("198.51.100.4");
    for (let i = 0; i < POINTS; i++) await suite.server.post({ query: "{ __typename }" }, spender);
    const refused = await suite.server.post({ query: "{ __typename }" }, spender);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.body).toEqual({ errors: [{ message: expect.stringMatching(/budget/), extensions: expect.objectContaining({ code: "RATE_LIMITED", remaining: 0 }) }] });
    const exported = await fetch(`${suite.server.url}/export/graph.gexf`, { headers: spender });
    expect(exported.status).toBe(429);
  });

  it("puts the budget headers on every response: success, errors, GET, batches, exports, unknown paths", async () => {
    const client = from("198.51.100.5");
    const answers = [
      await suite.server.post(QUERY, client),
      await suite.server.post({ query: "query($n: Int!) { models(first: $n) { totalCount } }", variables: { n: "ten" } }, client),
      await suite.server.post("{not json", client),
      await suite.server.post([{ query: "{ __typename }" }, { query: "{ models(first: 1) { totalCount } }" }], client),
      await suite.server.post({ query: "mutation { claimOmission(input: { reportSlug: \"a\", modelSlug: \"b\" }) { basis } }" }, client),
    ];
    const statuses = answers.map((a) => a.status);
    expect(statuses).toEqual([200, 400, 400, 200, 401]);
    const gets = await Promise.all(["/graphql?query={__typename}", "/export/graph.graphml?around=nonsense", "/no-such-path", "/"].map((p) => fetch(`${suite.server.url}${p}`, { headers: client })));
    const all = [...answers.map((a) => a.headers), ...gets.map((g) => g.headers)];
    for (const headers of all) expect(budgetHeaders(headers).limit).toBe(POINTS);
    const remaining = all.map((h) => budgetHeaders(h).remaining);
    expect([...remaining].sort((a, b) => b - a)).toEqual(remaining);
    // Health probes are free and carry none.
    expect((await fetch(`${suite.server.url}/healthz`, { headers: client })).headers.get("x-ratelimit-limit")).toBeNull();
  });
});

describe("refusals pay for their size", () => {
  const HOLD_POINTS = 30_000;
  const PER_KB = 1_000;
  /** About 8.5 KB: 2,900 repeated fields, over the field limit, refused after it is parsed. */
  const REFUSED = { query: `{ model(slug: "gpt-4") { ${"id ".repeat(2_900)}} }` };
  const refusedPoints = Math.ceil((Buffer.byteLength(REFUSED.query) * PER_KB) / 1024);
  const suite = useSeededServer(MEMORY_CASE, { rateLimit: { points: HOLD_POINTS, keyedPoints: HOLD_POINTS, windowSeconds: 600, pointsPerKb: PER_KB }, http: { trustProxyHops: 1 } });

  it("gives back what an answered operation's document held: it pays its cost alone", async () => {
    const client = from("198.51.100.20");
    const first = await suite.server.post(QUERY, client);
    expect(first.status).toBe(200);
    const { cost } = first.body.extensions.rateLimit;
    const second = await suite.server.post(QUERY, client);
    expect(second.body.extensions.rateLimit).toMatchObject({ cost, remaining: HOLD_POINTS - 2 * cost });
    // A large valid document holds its size while it is read, and gives it all back.
    const padded = await suite.server.post({ query: `{ ${"__typename ".repeat(900)}}` }, client);
    expect(padded.status).toBe(200);
    expect(padded.body.extensions.rateLimit).toMatchObject({ cost: 1, remaining: HOLD_POINTS - 2 * cost - 1 });
  });

  it("charges a refused document by its size, so a refusing client gets 429 with Retry-After before its documents are parsed, while another client is served", async () => {
    const refuser = from("198.51.100.21");
    let refusals = 0;
    let answer = await suite.server.post(REFUSED, refuser);
    while (answer.status === 400 && refusals < 20) {
      refusals++;
      expect(answer.body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "fields" });
      // The first point, and the document's size.
      expect(answer.body.extensions.rateLimit.cost).toBe(1 + refusedPoints);
      answer = await suite.server.post(REFUSED, refuser);
    }
    expect(refusals).toBe(Math.floor(HOLD_POINTS / (1 + refusedPoints)));
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", budget: HOLD_POINTS });
    expect(answer.body.errors[0].message).toMatch(/Reading this request's document \(8\.\d KB\) takes \d+ points/);
    // What is left still pays for a small query, and other clients are not affected.
    expect((await suite.server.post({ query: "{ __typename }" }, refuser)).status).toBe(200);
    const other = await suite.server.post(QUERY, from("198.51.100.22"));
    expect(other.status).toBe(200);
    expect(other.body.data.models.nodes.length).toBeGreaterThan(0);
  });

  it("keeps the hold of an operation its budget cannot pay, so budget refusals after parsing are paid for too", async () => {
    const client = from("198.51.100.24");
    // Three levels of connections at first: 20 cost 377,260, more than this whole budget.
    const walk = `{ countries(first: 20) { nodes { organizations(first: 20) { nodes { models(first: 20) { nodes { slug organization { slug } benchmarkResults { score benchmark { slug } } } } } } } } }`;
    const refused = await suite.server.post({ query: walk }, client);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(budgetHeaders(refused.headers).remaining).toBe(HOLD_POINTS - 1 - Math.ceil((Buffer.byteLength(walk) * PER_KB) / 1024));
  });

  it("holds a whole batch before parsing any of its operations, and keeps only the refused ones' part", async () => {
    const client = from("198.51.100.23");
    // Ten refused documents take more than the budget: the batch is refused whole, as one error.
    const batch = await suite.server.post(Array.from({ length: 10 }, () => REFUSED), client);
    expect(batch.status).toBe(429);
    expect(Array.isArray(batch.body)).toBe(false);
    expect(batch.body.errors[0].message).toMatch(/Reading this request's 10 documents/);
    expect(batch.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", cost: 1 + 10 * refusedPoints });
    // One refused and one answered operation: only the refused one pays for its size.
    const mixed = await suite.server.post([REFUSED, { query: "{ __typename }" }], client);
    expect(mixed.status).toBe(400);
    expect(mixed.body.map((r: any) => r.errors?.[0]?.extensions?.code ?? "ok")).toEqual(["QUERY_TOO_COMPLEX", "ok"]);
    expect(budgetHeaders(mixed.headers).remaining).toBe(HOLD_POINTS - 2 - refusedPoints);
  });
});

describe("Budgets", () => {
  it("charges a client a given cost and refuses, charging nothing, what its budget cannot pay", async () => {
    const budgets = new Budgets({ ...DEFAULT_RATE_LIMIT, points: 100 });
    const client = { id: "ip:192.0.2.9", keyed: false };
    const request = budgets.forRequest(client);
    await request.charge(60);
    expect(request.state()).toMatchObject({ limit: 100, cost: 60, remaining: 40 });
    const next = budgets.forRequest(client);
    await expect(next.charge(41)).rejects.toMatchObject({ extensions: { code: "RATE_LIMITED", remaining: 40, cost: 41 } });
    expect(next.state()).toMatchObject({ cost: 0, remaining: 40 });
    await next.charge(40);
    expect(next.state()).toMatchObject({ cost: 40, remaining: 0 });
  });
});
