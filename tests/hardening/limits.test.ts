// Limits (issue: hardening): every operation is measured before it runs, and one that asks too much
// is refused with QUERY_TOO_COMPLEX (or BAD_USER_INPUT for a page size), never run, never a 5xx.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getIntrospectionQuery, isObjectType, parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_LIMITS, loadConfig, PROJECT_ROOT } from "../../src/config.js";
import { operationCost } from "../../src/graphql/limits/cost.js";
import { shapeLimitErrors } from "../../src/graphql/limits/limit-rules.js";
import { getSchema } from "../../src/graphql/schema.js";
import type { GraphStore } from "../../src/store/port.js";
import { execute } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

const examplesDir = path.join(PROJECT_ROOT, "examples", "queries");
const WALK = readFileSync(path.join(examplesDir, "visualization-walk.graphql"), "utf8");

async function costOf(text: string, variables: Record<string, unknown> = {}): Promise<number> {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
  return operationCost(await getSchema(), document, operation, variables);
}

/** A query exactly `levels` fields deep: model > benchmarkResults > model > ... > slug or score. */
function nested(levels: number): string {
  const wrappers = Array.from({ length: levels - 1 }, (_, i) => (i === 0 ? `model(slug: "gpt-4")` : i % 2 === 0 ? "model" : "benchmarkResults(first: 1)"));
  const leaf = (levels - 2) % 2 === 0 ? "slug" : "score";
  return `{ ${wrappers.map((w) => `${w} { `).join("")}${leaf}${" }".repeat(wrappers.length)} }`;
}

function expectRefused(result: Awaited<ReturnType<typeof execute>>, code: string, limit?: string): void {
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(result.errors![0].extensions).toMatchObject({ code, ...(limit ? { limit } : {}) });
  // Refused before it ran: not one store call.
  expect(result.storeCalls).toBe(0);
}

describe("the cost of operations (numbers stated in docs/operations.md)", () => {
  it("prices the visualization walk at first: 20 at 377,260, under the default limit of 500,000", async () => {
    expect(await costOf(WALK)).toBe(377_260);
    expect(await costOf(WALK, { first: 20 })).toBe(377_260);
    expect(DEFAULT_LIMITS.maxCost).toBe(500_000);
    expect(await costOf(WALK, { first: 25 })).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });

  it("keeps every example operation under the default limit", async () => {
    for (const file of readdirSync(examplesDir).filter((f) => f.endsWith(".graphql"))) {
      const cost = await costOf(readFileSync(path.join(examplesDir, file), "utf8"));
      expect(cost, file).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    }
  });

  it("prices GraphiQL's introspection query (nothing is free), well under the default limit", async () => {
    const cost = await costOf(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(cost).toBeGreaterThan(1_000);
    expect(cost).toBeLessThan(DEFAULT_LIMITS.maxCost / 10);
  });

  it("prices a connection at its page size times each item, and a page size above 100 at 100", async () => {
    expect(await costOf(`{ models(first: 5) { nodes { slug } } }`)).toBe(5 * 2);
    expect(await costOf(`{ models { nodes { slug } } }`)).toBe(20 * 2);
    expect(await costOf(`{ models(first: 100000) { nodes { slug } } }`)).toBe(100 * 2);
    expect(await costOf(`{ model(slug: "x") { benchmarkResults { score } } }`)).toBe(1 + 1 + 10 * 1);
    expect(await costOf(`{ model(slug: "x") { benchmarkResults(first: 3) { score } } }`)).toBe(1 + 1 + 3 * 1);
  });

  it("prices one parsed operation anew for each set of variables, and a bad variable every time (costs kept per operation)", async () => {
    const schema = await getSchema();
    const document = parse(`query Q($n: Int) { models(first: $n) { nodes { slug } } }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    // Each variable set priced as a fresh parse prices it, the first time and when kept.
    for (let round = 0; round < 2; round++) {
      for (let n = 1; n <= 160; n += 3) expect(operationCost(schema, document, operation, { n })).toBe(Math.min(n, 100) * 2);
    }
    expect(operationCost(schema, document, operation, {})).toBe(20 * 2);
    expect(operationCost(schema, document, operation, undefined)).toBe(20 * 2);
    for (let i = 0; i < 2; i++) expect(() => operationCost(schema, document, operation, { n: "five" })).toThrow(/Variable "\$n"/);
    // Another operation with the same variables is priced for itself.
    const wider = `query Q($n: Int) { models(first: $n) { nodes { slug name kind } } }`;
    const other = parse(wider);
    expect(operationCost(schema, other, other.definitions[0] as OperationDefinitionNode, { n: 4 })).toBe(await costOf(wider, { n: 4 }));
    expect(await costOf(wider, { n: 4 })).toBeGreaterThan(operationCost(schema, document, operation, { n: 4 }));
  });

  it("gives every field that returns a connection a complexity (a new one without it would be priced as one item)", async () => {
    const schema = await getSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        const named = field.type.toString().replace(/[[\]!]/g, "");
        if (named.endsWith("Connection") && field.extensions.complexity === undefined) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe.each(STORE_CASES)("limits [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("runs the visualization walk at first: 20, and refuses it at first: 25 as too costly", async () => {
    const ok = await execute(store, WALK, { first: 20 });
    expect(ok.errors).toBeUndefined();
    expectRefused(await execute(store, WALK, { first: 25 }), "QUERY_TOO_COMPLEX", "cost");
  });

  it("refuses a 30-level query, and counts levels through fragments but not __typename", async () => {
    expectRefused(await execute(store, nested(30)), "QUERY_TOO_COMPLEX", "depth");
    expect((await execute(store, nested(10))).errors).toBeUndefined();
    expectRefused(await execute(store, nested(11)), "QUERY_TOO_COMPLEX", "depth");
    const viaFragments = `{ model(slug: "gpt-4") { ...A } } fragment A on Model { organization { ...B } } fragment B on Organization { models(first: 1) { nodes { ...C } } }
      fragment C on Model { organization { models(first: 1) { nodes { organization { models(first: 1) { nodes { organization { slug } } } } } } } }`;
    expectRefused(await execute(store, viaFragments), "QUERY_TOO_COMPLEX", "depth");
    const typenames = `{ model(slug: "gpt-4") { __typename organization { __typename models(first: 1) { __typename nodes { __typename organization { __typename models(first: 1) { nodes { organization { slug __typename } } } } } } } } }`;
    expect((await execute(store, typenames)).errors).toBeUndefined();
  });

  it("refuses first: 100000 with BAD_USER_INPUT naming `first`", async () => {
    const result = await execute(store, `{ models(first: 100000) { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(result.data).toBeNull();
  });

  it("refuses 500 aliased connections, and allows 30", async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `m${i}: models(first: 1) { totalCount }`).join(" ")} }`;
    expectRefused(await execute(store, aliased(500)), "QUERY_TOO_COMPLEX", "aliases");
    expectRefused(await execute(store, aliased(31)), "QUERY_TOO_COMPLEX", "aliases");
    expect((await execute(store, aliased(30))).errors).toBeUndefined();
  });

  it("refuses repeated fields and fragments that spread each other into millions of fields", async () => {
    expectRefused(await execute(store, `{ ${"__typename ".repeat(2000)} }`), "QUERY_TOO_COMPLEX", "fields");
    let bomb = `{ ...F0 } `;
    for (let i = 0; i < 30; i++) bomb += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} } `;
    bomb += `fragment F30 on Query { models(first: 1) { totalCount } }`;
    const started = Date.now();
    expectRefused(await execute(store, bomb), "QUERY_TOO_COMPLEX", "fields");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("answers GraphiQL's introspection query, and refuses introspection nested beyond it", async () => {
    const introspection = await execute(store, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(introspection.errors).toBeUndefined();
    expect((introspection.data as any).__schema.types.length).toBeGreaterThan(20);
    const deep = `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`;
    expectRefused(await execute(store, deep), "QUERY_TOO_COMPLEX", "introspection");
  });

  it("refuses a document of more tokens than the parser takes", async () => {
    const refused = await execute(store, `{ ${"__typename ".repeat(DEFAULT_LIMITS.maxTokens)} }`);
    expectRefused(refused, "QUERY_TOO_COMPLEX", "tokens");
    // It names the limit and its setting, not graphql-js's "Syntax Error".
    expect(refused.errors![0].extensions).toMatchObject({ max: DEFAULT_LIMITS.maxTokens });
    expect(refused.errors![0].message).toBe(`The document holds more than ${DEFAULT_LIMITS.maxTokens} tokens; at most ${DEFAULT_LIMITS.maxTokens} are read (limit "tokens", KG_MAX_TOKENS).`);
  });

  it("keeps no part of a refused document's syntax tree in its errors, only where the operation starts", () => {
    const document = parse(`\n  { model(slug: "gpt-4") { ${"id ".repeat(DEFAULT_LIMITS.maxFields + 1)}} }`);
    const [error] = shapeLimitErrors(document, DEFAULT_LIMITS);
    expect(error.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "fields" });
    expect(error.locations).toEqual([{ line: 2, column: 3 }]);
    expect(error.nodes).toHaveLength(1);
    expect(error.nodes![0]).not.toHaveProperty("selectionSet");
    expect(error.nodes![0].loc).not.toHaveProperty("startToken");
  });

  it("answers variables of the wrong type with BAD_USER_INPUT", async () => {
    for (const value of ["ten", 1.5, [1], { a: 1 }, true, 2 ** 40]) {
      const result = await execute(store, `query($first: Int) { models(first: $first) { totalCount } }`, { first: value });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(value)).toBe("BAD_USER_INPUT");
    }
  });

  it("takes lower limits from the caller", async () => {
    expectRefused(await execute(store, nested(4), {}, { limits: { maxDepth: 3 } }), "QUERY_TOO_COMPLEX", "depth");
    expectRefused(await execute(store, `{ models(first: 5) { totalCount } }`, {}, { limits: { maxCost: 4 } }), "QUERY_TOO_COMPLEX", "cost");
  });
});

describe("limit settings (config.ts)", () => {
  it("reads each limit from its variable, and refuses values out of range", () => {
    const limits = loadConfig({ KG_MAX_DEPTH: "7", KG_MAX_COST: "1000", KG_MAX_ALIASES: "5", KG_MAX_FIELDS: "50", KG_MAX_TOKENS: "500", KG_MAX_BODY_BYTES: "2048", KG_MAX_BATCH: "1", KG_REQUEST_TIMEOUT_MS: "2000", KG_EXPORT_MAX_ELEMENTS: "300" }).limits;
    expect(limits).toEqual({ maxDepth: 7, maxCost: 1000, maxAliases: 5, maxFields: 50, maxTokens: 500, maxBodyBytes: 2048, maxBatch: 1, requestTimeoutMs: 2000, maxExportElements: 300 });
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS);
    expect(() => loadConfig({ KG_MAX_DEPTH: "0" })).toThrow(ConfigError);
    expect(() => loadConfig({ KG_MAX_COST: "lots" })).toThrow(ConfigError);
    expect(loadConfig({ NEO4J_URI: "bolt://127.0.0.1:7687" }).neo4j).toMatchObject({ transactionTimeoutMs: 10_000, connectTimeoutMs: 3_000, maxRetryMs: 1_000 });
    expect(loadConfig({ NEO4J_URI: "bolt://127.0.0.1:7687", NEO4J_MAX_RETRY_MS: "0" }).neo4j?.maxRetryMs).toBe(0);
  });

  it("reads KG_API_KEYS as curator:secret pairs, and refuses short secrets without printing them", () => {
    expect(loadConfig({ KG_API_KEYS: "alice:0123456789abcdef, bob-2:fedcba9876543210xyz" }).apiKeys).toEqual([
      { curator: "alice", secret: "0123456789abcdef" },
      { curator: "bob-2", secret: "fedcba9876543210xyz" },
    ]);
    expect(loadConfig({}).apiKeys).toEqual([]);
    expect(() => loadConfig({ KG_API_KEYS: "alice:short" })).toThrow(/at least 16/);
    expect(() => loadConfig({ KG_API_KEYS: "alice:short" })).not.toThrow(/short/);
    expect(() => loadConfig({ KG_API_KEYS: "0123456789abcdef0123" })).toThrow(ConfigError);
    expect(() => loadConfig({ KG_API_KEYS: "Alice Smith:0123456789abcdef" })).toThrow(ConfigError);
    expect(() => loadConfig({ KG_API_KEYS: "a:0123456789abcdef,b:0123456789abcdef" })).toThrow(/same secret/);
  });
});
