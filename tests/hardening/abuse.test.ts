// Cheap hostile requests (issue 18): introspection is priced and answered from memory, a document
// the limits refuse is refused before graphql-js validates it, repeated identical fields within
// the limits are answered, and fields that read no store still stop at the request's deadline.
import { execute as graphqlExecute, getIntrospectionQuery, parse, type OperationDefinitionNode } from "graphql";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, PROJECT_ROOT } from "../../src/config.js";
import { getComplexity } from "graphql-query-complexity";
import { estimatorsFor, operationCost } from "../../src/graphql/limits/cost.js";
import { getSchema } from "../../src/graphql/schema.js";
import type { GraphStore } from "../../src/store/port.js";
import { execute } from "../helpers/graphql.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { MEMORY_CASE, openSeeded } from "../helpers/stores.js";

const GRAPHIQL = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
/** The `__schema` selection of GraphiQL's query and its fragments, for aliasing it. */
const SCHEMA_SELECTION = GRAPHIQL.slice(GRAPHIQL.indexOf("__schema") + "__schema".length, GRAPHIQL.indexOf("fragment FullType")).trim().replace(/}\s*$/, "");
const FRAGMENTS = GRAPHIQL.slice(GRAPHIQL.indexOf("fragment FullType"));

function aliasedSchemas(aliases: number): string {
  return `query { ${Array.from({ length: aliases }, (_, i) => `s${i}: __schema ${SCHEMA_SELECTION}`).join(" ")} } ${FRAGMENTS}`;
}

async function costOf(text: string): Promise<number> {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
  return operationCost(await getSchema(), document, operation, {});
}

describe("introspection is priced", () => {
  it("prices GraphiQL's query at about the values of its answer, and every alias again", async () => {
    const one = await costOf(GRAPHIQL);
    const answer = graphqlExecute({ schema: await getSchema(), document: parse(GRAPHIQL) }) as { data: unknown };
    // Values in the answer: every key of every object (the cost counts fields resolved).
    const values = JSON.stringify(answer.data).match(/":/g)!.length;
    expect(one).toBeGreaterThan(values / 3);
    expect(one).toBeLessThan(values * 3);
    expect(one).toBeLessThan(DEFAULT_LIMITS.maxCost);
    const ten = await costOf(aliasedSchemas(10));
    expect(ten).toBeGreaterThanOrEqual(10 * (one - 1));
  });

  it("prices introspection field by field, each text once, at what pricing the whole operation gives", async () => {
    const schema = await getSchema();
    const whole = (text: string, variables: Record<string, unknown> = {}) =>
      Math.ceil(getComplexity({ schema, query: parse(text), variables, estimators: estimatorsFor(schema) }));
    const texts = [
      GRAPHIQL,
      aliasedSchemas(3),
      // The same fields under other aliases, after the first were priced and kept.
      aliasedSchemas(3).replace(/\bs(\d): __schema/g, "other$1: __schema"),
      `{ __typename t: __type(name: "Model") { name fields { name args { name } } } __schema { types { name } } }`,
    ];
    for (const text of texts) {
      expect(await costOf(text), text.slice(0, 60)).toBe(whole(text));
      expect(await costOf(text), text.slice(0, 60)).toBe(whole(text));
    }
    // Variables are part of what is priced: a `first` given by a variable changes nothing here,
    // but the same text with other variables is priced with them.
    const withVariable = `query ($n: String!) { __type(name: $n) { name fields { name } } }`;
    const document = parse(withVariable);
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(operationCost(schema, document, operation, { n: "Model" })).toBe(whole(withVariable, { n: "Model" }));
    expect(() => operationCost(schema, document, operation, { n: 5 })).toThrow(/Variable "\$n"/);
  });
});

describe("cheap hostile requests [memory]", () => {
  let store: GraphStore;
  let server: TestServer;
  beforeAll(async () => {
    store = await openSeeded(MEMORY_CASE);
    // A budget no test here spends: these tests are about the limits of one request.
    server = await startServer(store, { rateLimit: { points: Number.MAX_SAFE_INTEGER } });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it("refuses an aliased introspection batch above the cost limit, and runs GraphiQL's query", async () => {
    const single = await server.post({ query: GRAPHIQL });
    expect(single.status).toBe(200);
    expect(single.body.data.__schema.types.length).toBeGreaterThan(20);

    // One operation of 10 aliased __schema: more fields than one operation may select.
    const aliased = await server.post({ query: aliasedSchemas(10) });
    expect(aliased.status).toBe(400);
    expect(aliased.body.data).toBeUndefined();
    expect(aliased.body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "fields" });

    // A batch of 10 operations of 3 aliases each, within the field limit: the batch shares one
    // cost budget, so once it is spent the rest are refused, each naming the cost limit.
    const batch = await server.post(Array.from({ length: 10 }, () => ({ query: aliasedSchemas(3) })));
    expect(batch.status).toBe(400);
    const refused = batch.body.filter((r: any) => r.errors?.[0]?.extensions?.limit === "cost");
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(10);
    for (const r of refused) {
      expect(r.data).toBeUndefined();
      expect(r.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", max: DEFAULT_LIMITS.maxCost });
      expect(r.errors[0].extensions.actual).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    }
  });

  it("answers introspection from memory with what graphql-js executes, each alias alike", async () => {
    const expected = graphqlExecute({ schema: await getSchema(), document: parse(aliasedSchemas(1)) }) as { data: Record<string, unknown> };
    for (let round = 0; round < 2; round++) {
      const res = await server.post({ query: aliasedSchemas(3) });
      expect(res.status).toBe(200);
      expect(res.body.data.s0).toEqual(expected.data.s0);
      expect(res.body.data.s2).toEqual(expected.data.s0);
      expect(res.body.extensions.stats.storeCalls).toBe(0);
    }
    const typed = await server.post({ query: `query($name: String!) { __type(name: $name) { name fields { name } } t: __typename }`, variables: { name: "Model" } });
    expect(typed.body.data.__type.name).toBe("Model");
    expect(typed.body.data.t).toBe("Query");
    const other = await server.post({ query: `query($name: String!) { __type(name: $name) { name } }`, variables: { name: "Organization" } });
    expect(other.body.data.__type.name).toBe("Organization");
  });

  it("accepts 1,000 repeated __typename fields (the field limit) and refuses 1,001 naming the limit", async () => {
    const ok = await server.post({ query: `{ ${"__typename ".repeat(DEFAULT_LIMITS.maxFields)} }` });
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data).toEqual({ __typename: "Query" });
    const over = await server.post({ query: `{ ${"__typename ".repeat(DEFAULT_LIMITS.maxFields + 1)} }` });
    expect(over.status).toBe(400);
    expect(over.body.errors).toHaveLength(1);
    expect(over.body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "fields", max: DEFAULT_LIMITS.maxFields, actual: DEFAULT_LIMITS.maxFields + 1 });
    expect(over.body.errors[0].message).toMatch(/fields.*at most 1000/);
  });

  it("answers repeated identical fields with sub-selections as one, the way graphql-js merges them", async () => {
    const once = await server.post({ query: `{ model(slug: "gpt-4") { name organization { slug } } }` });
    const repeated = await server.post({ query: `{ ${`model(slug: "gpt-4") { name organization { slug } name } `.repeat(200)} }` });
    expect(repeated.status).toBe(200);
    expect(repeated.body.data).toEqual(once.body.data);
    // Different arguments under one name still conflict: the repeats are not what made them valid.
    const conflict = await server.post({ query: `{ model(slug: "gpt-4") { name } model(slug: "gpt-4") { name } model(slug: "claude-3-opus") { name } }` });
    expect(conflict.body.data).toBeUndefined();
    expect(conflict.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses an oversized document of repeated fields no slower than it answers a valid one of the same size", async () => {
    // 3,000 repeated `id` fields (9 KB): over the field limit. graphql-js's overlap check would
    // compare its 4.5 million pairs before the limit could refuse it.
    const refusedQuery = `{ model(slug: "gpt-4") { ${"id ".repeat(3_000)}} }`;
    // A valid document of the same size that reads the store: the visualization walk and 29 aliased
    // lists of models with their organizations (within every limit), padded with a comment.
    const walk = readFileSync(path.join(PROJECT_ROOT, "examples", "queries", "visualization-walk.graphql"), "utf8");
    const lists = Array.from({ length: 29 }, (_, i) => `m${i}: models(first: 100) { nodes { name slug organization { name models(first: 5) { nodes { slug } } } } }`).join(" ");
    const readsStore = walk.replace(/}\s*$/, ` ${lists} }`);
    const validQuery = `${readsStore}\n#${"x".repeat(refusedQuery.length - readsStore.length - 2)}`;
    expect(validQuery.length).toBe(refusedQuery.length);
    const timed = async (query: string) => {
      const started = performance.now();
      const res = await server.post({ query, variables: { first: 20 } });
      return { ms: performance.now() - started, res };
    };
    const refused: number[] = [];
    const valid: number[] = [];
    for (let i = 0; i < 15; i++) {
      const r = await timed(refusedQuery);
      expect(r.res.status).toBe(400);
      expect(r.res.body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "fields" });
      refused.push(r.ms);
      const v = await timed(validQuery);
      expect(v.res.status).toBe(200);
      valid.push(v.ms);
    }
    // The fastest of each: what the work costs, with the noise of a shared machine left out.
    console.log(`refused ${Math.min(...refused).toFixed(1)} ms, valid ${Math.min(...valid).toFixed(1)} ms (fastest of 15)`);
    expect(Math.min(...refused)).toBeLessThanOrEqual(Math.min(...valid));
  });

  it("stops an operation of introspection and other fields at the request's deadline", async () => {
    const result = await execute(store, `{ __schema { types { name fields { name } } } models(first: 1) { totalCount } }`, {}, { limits: { requestTimeoutMs: 0 } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(result.errors?.[0].message).toMatch(/ran out of its 0 ms/);
    expect((await execute(store, `{ __schema { types { name } } models(first: 1) { totalCount } }`)).errors).toBeUndefined();
  });
});
