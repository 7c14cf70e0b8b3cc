// Hostile input (issue: hardening): 1,200 generated requests over HTTP to an in-process server on
// 127.0.0.1 (random tokens, deep nests, huge aliases, wrong variable types, oversized strings,
// injection strings, broken JSON and batches, mutations without a valid key). None may get a 5xx
// other than a deliberate SERVICE_UNAVAILABLE, every error must carry a known code, and the graph
// must be the same afterwards. Deterministic: a fixed seed drives every choice.
import { isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { PROTOCOL_CODES, ErrorCode } from "../../src/graphql/errors.js";
import { getSchema } from "../../src/graphql/schema.js";
import type { NodeRef } from "../../src/domain/graph.js";
import { Rng } from "../../src/generate/prng.js";
import { TEST_KEYS, useSeededServer, type TestServer } from "../helpers/server.js";
import { STORE_CASES } from "../helpers/stores.js";

const SEED = 0x5eed2026;
const DOCUMENTS = 1_200;
const CONCURRENCY = 8;


export const INJECTIONS = [
  `"}) MATCH (n) DETACH DELETE n //`,
  `'}) MATCH (n) DETACH DELETE n //`,
  `x" OR 1=1 --`,
  `\\"}) CALL db.clearQueryCaches() //`,
  `*:* OR name:*`,
  `) OR (a:b`,
  `$where: function() { return true }`,
  `{"$gt": ""}`,
  `'; DROP TABLE models; --`,
  `\u0000\u0001\u0002`,
  `%00%0d%0a`,
  `../../../../etc/passwd`,
  `<script>alert(1)</script>`,
  `\uD800`,
  `🤖`.repeat(50),
  `a`.repeat(5_000),
];

const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), ...PROTOCOL_CODES]);
const PUNCTUATION = ["{", "}", "(", ")", ":", ",", "!", "$", "@", "...", "=", "[", "]", "|", "&", "#", '"', '"""', "\n"];
const KEYWORDS = ["query", "mutation", "subscription", "fragment", "on", "true", "false", "null", "__typename", "__schema", "__type", "@skip", "@include"];

interface Request {
  kind: string;
  method?: "GET" | "POST";
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}

function json(kind: string, payload: unknown, headers: Record<string, string> = {}): Request {
  return { kind, body: JSON.stringify(payload), headers };
}

/** Builds requests of each hostile kind from the schema's own names. */
function generators(names: string[]): Array<(r: Rng) => Request> {
  const str = (r: Rng) => (r.chance(0.5) ? r.pick(INJECTIONS) : r.pick(names));
  const literal = (r: Rng) => JSON.stringify(str(r));
  const anyValue = (r: Rng, depth = 0): unknown => {
    const choice = r.int(0, depth > 3 ? 4 : 7);
    if (choice === 0) return str(r);
    if (choice === 1) return r.pick([0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -1e308, 1e308]);
    if (choice === 2) return null;
    if (choice === 3) return r.chance(0.5);
    if (choice === 4) return "x".repeat(r.int(0, 3_000));
    if (choice === 5) return Array.from({ length: r.int(0, 5) }, () => anyValue(r, depth + 1));
    return Object.fromEntries(Array.from({ length: r.int(0, 4) }, () => [r.pick(names), anyValue(r, depth + 1)]));
  };
  return [
    // Random token soup.
    (r) => {
      const tokens = Array.from({ length: r.int(1, 80) }, () => {
        const c = r.int(0, 5);
        return c < 2 ? r.pick(names) : c === 2 ? r.pick(KEYWORDS) : c === 3 ? literal(r) : c === 4 ? String(r.int(-5, 200_000)) : r.pick(PUNCTUATION);
      });
      return json("tokens", { query: tokens.join(" ") });
    },
    // Deep nests, some valid in shape, some not.
    (r) => {
      const depth = r.int(5, 400);
      const query = r.chance(0.5)
        ? `{ model(slug: "gpt-4") { ${"benchmarkResults { model { ".repeat(depth)}slug${" } }".repeat(depth)} } }`
        : `{ ${`${r.pick(names)} { `.repeat(depth)}id${" }".repeat(depth)} }`;
      return json("deep", { query });
    },
    // Huge numbers of aliases.
    (r) => {
      const n = r.int(31, 1_200);
      return json("aliases", { query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: models(first: ${r.int(1, 100)}) { totalCount }`).join(" ")} }` });
    },
    // Valid operations with variables of wrong types.
    (r) => {
      const op = r.pick([
        `query($first: Int, $after: String) { models(first: $first, after: $after) { totalCount } }`,
        `query($slug: String!) { model(slug: $slug) { name } }`,
        `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
        `query($f: ModelFilter, $o: ModelOrder) { models(filter: $f, orderBy: $o) { totalCount } }`,
        `query($text: String!, $first: Int) { search(text: $text, first: $first) { __typename } }`,
        `query($code: String!, $year: Int) { country(code: $code) { observations(year: $year) { value } } }`,
      ]);
      const variables = Object.fromEntries(["first", "after", "slug", "ids", "f", "o", "text", "code", "year"].map((k) => [k, anyValue(r)]));
      return json("variables", { query: op, variables: r.chance(0.9) ? variables : anyValue(r) });
    },
    // Oversized strings in arguments (many beyond the body limit).
    (r) => {
      const size = r.pick([1_000, 50_000, 99_000, 150_000, 400_000]);
      const text = "Ω".repeat(size / 2);
      return json("oversized", { query: r.pick([`query($t: String!) { search(text: $t) { __typename } }`, `query($t: String!) { models(filter: { nameContains: $t }) { totalCount } }`, `query($t: String!) { model(slug: $t) { name } }`]), variables: { t: text } });
    },
    // Injection strings wherever a string goes, as literals and as variables.
    (r) => {
      const s = r.pick(INJECTIONS);
      const lit = JSON.stringify(s);
      return json(
        "injection",
        r.chance(0.5)
          ? {
              query: r.pick([
                `{ model(slug: ${lit}) { name } }`,
                `{ models(filter: { nameContains: ${lit}, organizationSlug: ${lit}, countryCode: ${lit} }) { totalCount nodes { slug } } }`,
                `{ search(text: ${lit}) { __typename } }`,
                `{ country(code: ${lit}) { name organizations { totalCount } } }`,
                `{ node(id: ${lit}) { id } }`,
                `{ models(after: ${lit}) { totalCount } }`,
                `{ organizations(filter: { nameContains: ${lit} }) { nodes { slug } } }`,
                `{ indicator(slug: ${lit}) { observations { value } } }`,
              ]),
            }
          : { query: `query($s: String!) { model(slug: $s) { name } search(text: $s) { __typename } organizations(filter: { nameContains: $s }) { totalCount } }`, variables: { s } },
      );
    },
    // Mutations: without a key, with a wrong key (headers carry only printable ASCII), or with a valid key and an input that fails validation.
    (r) => {
      const s = JSON.stringify(r.pick(INJECTIONS));
      const auth = r.int(0, 2);
      const headers: Record<string, string> = auth === 0 ? {} : auth === 1 ? { authorization: `Bearer ${r.pick(INJECTIONS).slice(0, 100).replace(/[^\x20-\x7e]/g, "?")}` } : { authorization: `Bearer ${TEST_KEYS[0].secret}` };
      const query = r.pick([
        `mutation { upsertModel(input: { slug: ${s}, name: ${s}, organizationSlug: "naver" }) { slug } }`,
        `mutation { upsertModel(input: { slug: "fuzz-model", name: "", organizationSlug: ${s} }) { slug } }`,
        `mutation { upsertOrganization(input: { slug: ${s}, name: "   " }) { slug } }`,
        `mutation { recordBenchmarkResult(input: { modelSlug: ${s}, benchmarkSlug: "mmmu", score: 1e400 }) { score } }`,
        `mutation { recordObservation(input: { indicatorSlug: "foundation-models", countryCode: ${s}, year: 99999, value: 1 }) { value } }`,
        `mutation { claimOmission(input: { reportSlug: ${s}, modelSlug: "gpt-4", note: "" }) { basis } }`,
        `mutation { setReportInclusion(input: { reportSlug: "ai-index-2024", modelSlug: ${s} }) { slug } }`,
      ]);
      return json("mutation", { query }, headers);
    },
    // Broken protocol: bad JSON, odd shapes, batches, odd content types, GETs.
    (r) => {
      const c = r.int(0, 9);
      if (c === 0) return { kind: "protocol", body: `{"query": "${r.pick(names)}` };
      if (c === 1) return { kind: "protocol", body: JSON.stringify(anyValue(r)) };
      if (c === 2) return json("protocol", { query: anyValue(r), variables: anyValue(r), operationName: anyValue(r), extensions: anyValue(r) });
      if (c === 3) return json("protocol", Array.from({ length: r.int(0, 14) }, () => (r.chance(0.7) ? { query: `{ model(slug: ${literal(r)}) { name } }` } : anyValue(r))));
      if (c === 4) return { kind: "protocol", body: `{ ${r.pick(names)} }`, headers: { "content-type": r.pick(["text/plain", "application/graphql", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16"]) } };
      if (c === 5) return { kind: "protocol", method: "GET", path: `/graphql?query=${encodeURIComponent(`{ model(slug: ${literal(r)}) { name } }`)}&variables=${encodeURIComponent(String(anyValue(r)))}`, headers: { "apollo-require-preflight": "1" } };
      if (c === 6) return { kind: "protocol", body: "[".repeat(r.int(1, 5_000)) };
      if (c === 7) return json("protocol", { query: "query A { __typename } query B { __typename }", operationName: r.pick(["A", "C", "", null]) });
      if (c === 8) return { kind: "protocol", body: "", headers: { "content-type": "application/json" } };
      return { kind: "protocol", method: "GET", path: `/graphql?query=${encodeURIComponent("mutation { upsertModel(input: {slug: \"x\", name: \"x\", organizationSlug: \"naver\"}) { slug } }")}`, headers: { "apollo-require-preflight": "1" } };
    },
    // Fragment bombs, fragment cycles and introspection nests.
    (r) => {
      const c = r.int(0, 2);
      if (c === 0) {
        const n = r.int(5, 60);
        let q = `{ ...F0 } `;
        for (let i = 0; i < n; i++) q += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} } `;
        return json("fragments", { query: `${q}fragment F${n} on Query { models { totalCount } }` });
      }
      if (c === 1) return json("fragments", { query: `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }` });
      const depth = r.int(2, 40);
      return json("fragments", { query: `{ __schema { types { ${"fields { type { ".repeat(depth)}name${" } }".repeat(depth)} } } }` });
    },
  ];
}

/** An example-like valid operation with random characters changed. */
function mutated(r: Rng): Request {
  const base = `query W($first: Int = 5) { countries(first: $first) { nodes { code organizations(first: $first) { nodes { slug models(first: $first) { nodes { slug benchmarkResults { score } } } } } } } }`;
  const chars = [...base];
  for (let i = r.int(1, 12); i > 0; i--) {
    const at = r.int(0, chars.length - 1);
    const op = r.int(0, 2);
    if (op === 0) chars.splice(at, 1);
    else if (op === 1) chars.splice(at, 0, r.pick(["{", "}", "(", ")", ":", "$", "!", "9", "a", " ", '"']));
    else chars.splice(at, 0, ...chars.slice(at, at + r.int(1, 40)));
  }
  return json("mutated", { query: chars.join("") });
}

async function send(server: TestServer, request: Request): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(`${server.url}${request.path ?? "/graphql"}`, {
    method: request.method ?? "POST",
    headers: { "content-type": "application/json", ...request.headers },
    body: request.method === "GET" ? undefined : request.body,
  });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
}

const WATCHED: NodeRef[] = [
  { kind: "Model", key: "gpt-4" },
  { kind: "Organization", key: "naver" },
  { kind: "Country", key: "KR" },
  { kind: "Report", key: "ai-index-2024" },
  { kind: "Source", key: "msit-2024-04-17" },
];

describe.each(STORE_CASES)("hostile input [$name]", (storeCase) => {
  const suite = useSeededServer(storeCase);

  it(`answers ${DOCUMENTS} generated requests without a 5xx and leaves the graph as it was`, { timeout: 60_000 }, async () => {
    const schema = await getSchema();
    const names = [...new Set(Object.values(schema.getTypeMap()).flatMap((t) => (isObjectType(t) ? [t.name, ...Object.keys(t.getFields())] : [t.name])))];
    const r = new Rng(SEED);
    const kinds = generators(names);
    const requests = Array.from({ length: DOCUMENTS }, () => (r.chance(0.1) ? mutated(r) : r.pick(kinds)(r)));

    const countsBefore = await suite.store.counts();
    const nodesBefore = await suite.store.getNodes(WATCHED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const slowest = new Map<string, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const i = next++;
          const request = requests[i];
          const sent = performance.now();
          const { status, type, body } = await send(suite.server, request);
          slowest.set(request.kind, Math.max(slowest.get(request.kind) ?? 0, Math.round(performance.now() - sent)));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const problem = checkResponse(status, type, body);
          if (problem) failures.push(`#${i} (${request.kind}) ${problem}: ${(request.body ?? request.path ?? "").slice(0, 200)}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz [${storeCase.name}]: ${DOCUMENTS} requests in ${seconds.toFixed(1)} s (${Math.round(DOCUMENTS / seconds)}/s), statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, slowest ms by kind ${JSON.stringify(Object.fromEntries(slowest))}`);

    expect(failures.slice(0, 10)).toEqual([]);
    expect(await suite.store.counts()).toEqual(countsBefore);
    expect(await suite.store.getNodes(WATCHED)).toEqual(nodesBefore);
    expect((await fetch(`${suite.server.url}/healthz`)).status).toBe(200);
    // Every kind of hostile input was sent.
    expect(new Set(requests.map((q) => q.kind)).size).toBe(kinds.length + 1);
  });
});

/** What is wrong with a response, or null. */
function checkResponse(status: number, type: string, body: string): string | null {
  if (!/json/.test(type)) return `status ${status} with content-type '${type}'`;
  let parsed: any;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `status ${status} with a body that is not JSON`;
  }
  const errors: any[] = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((p) => p?.errors ?? []);
  const unknown = errors.map((e) => e?.extensions?.code).filter((code) => !KNOWN_CODES.has(code));
  if (unknown.length > 0) return `unknown error code ${JSON.stringify(unknown[0])}`;
  if (status >= 500 && !(status === 503 && errors.length > 0 && errors.every((e) => e.extensions.code === ErrorCode.SERVICE_UNAVAILABLE))) {
    return `status ${status}: ${JSON.stringify(errors[0] ?? body).slice(0, 200)}`;
  }
  if (errors.some((e) => e.extensions.code === ErrorCode.INTERNAL_SERVER_ERROR)) return `an internal error: ${JSON.stringify(errors[0])}`;
  return null;
}
