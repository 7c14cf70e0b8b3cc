// An error is never read as "missing": while the store fails, fields that load nodes or relations
// answer SERVICE_UNAVAILABLE, not null or []; a malformed id in nodes(ids:) fails that item alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NodeRef } from "../../src/domain/graph.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { StoreUnavailableError, type GraphStore } from "../../src/store/port.js";
import { execute } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

/** Which calls of the store fail: a port method, and optionally only for some arguments. */
type Failure = { method: keyof GraphStore; when?: (args: unknown[]) => boolean } | null;

/** The store with the calls `failure` names rejecting as an outage does. */
function failingStore(store: GraphStore, failure: () => Failure): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const f = failure();
        if (f && f.method === property && (!f.when || f.when(args))) return Promise.reject(new StoreUnavailableError("the store is down (test)"));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const sourcesAsked = (args: unknown[]) => (args[0] as NodeRef[]).some((r) => r.kind === "Source");

describe.each(STORE_CASES)("read errors [$name]", (storeCase) => {
  let store: GraphStore;
  let failure: Failure = null;
  let failing: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
    failing = failingStore(store, () => failure);
  });
  afterAll(() => store.close());

  const codes = (errors: Array<{ extensions?: Record<string, unknown> }> | undefined) => (errors ?? []).map((e) => e.extensions?.code);

  it("nodes(ids) answers SERVICE_UNAVAILABLE for each item while the store fails, not null", async () => {
    failure = { method: "getNodes" };
    const ids = [toGlobalId("Model", "gpt-4"), toGlobalId("Country", "KR")];
    const result = await execute(failing, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    failure = null;
    expect(result.data?.nodes).toEqual([null, null]);
    expect(codes(result.errors)).toEqual(["SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE"]);
    expect(result.errors!.map((e) => e.path)).toEqual([
      ["nodes", 0],
      ["nodes", 1],
    ]);
  });

  it("node(id) answers SERVICE_UNAVAILABLE while the store fails", async () => {
    failure = { method: "getNodes" };
    const result = await execute(failing, `query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId("Model", "gpt-4") });
    failure = null;
    expect(codes(result.errors)).toEqual(["SERVICE_UNAVAILABLE"]);
  });

  it("sources answers SERVICE_UNAVAILABLE when the sources cannot be read, not []", async () => {
    failure = { method: "getNodes", when: sourcesAsked };
    const result = await execute(failing, `{ model(slug: "exaone-2-0") { slug sources { slug } } }`);
    failure = null;
    expect(codes(result.errors)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(result.errors![0].path).toEqual(["model", "sources"]);
    // Healthy again, the same query answers the sources.
    const healthy = await execute(failing, `{ model(slug: "exaone-2-0") { slug sources { slug } } }`);
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data?.model.sources.length).toBeGreaterThan(0);
  });

  it("an observation's and a result's sources answer SERVICE_UNAVAILABLE too", async () => {
    failure = { method: "getNodes", when: sourcesAsked };
    const result = await execute(failing, `{ benchmark(slug: "mmmu") { results { score sources { slug } } } }`);
    failure = null;
    expect(codes(result.errors).length).toBeGreaterThan(0);
    expect(new Set(codes(result.errors))).toEqual(new Set(["SERVICE_UNAVAILABLE"]));
  });

  it("a relation field answers SERVICE_UNAVAILABLE, not [] or null", async () => {
    failure = { method: "related" };
    const result = await execute(failing, `{ model(slug: "exaone-2-0") { slug developers { slug } organization { slug } } country(code: "KR") { organizations { totalCount } } }`);
    failure = null;
    expect(codes(result.errors).length).toBeGreaterThanOrEqual(3);
    expect(new Set(codes(result.errors))).toEqual(new Set(["SERVICE_UNAVAILABLE"]));
    expect(result.errors!.map((e) => e.path?.join("."))).toEqual(expect.arrayContaining(["model.developers", "model.organization", "country.organizations"]));
  });

  it("a list answers SERVICE_UNAVAILABLE while the store fails", async () => {
    failure = { method: "list" };
    const result = await execute(failing, `{ models { totalCount } }`);
    failure = null;
    expect(codes(result.errors)).toEqual(["SERVICE_UNAVAILABLE"]);
  });

  it("a malformed id in nodes(ids:) fails its item alone: BAD_USER_INPUT at its path, null in its place", async () => {
    const ids = [toGlobalId("Model", "gpt-4"), "not-an-id", toGlobalId("Model", "no-such-model"), toGlobalId("Country", "KR")];
    const result = await execute(store, `query($ids: [ID!]!) { nodes(ids: $ids) { id } countries(first: 1) { totalCount } }`, { ids });
    expect(result.data?.nodes).toEqual([{ id: ids[0] }, null, null, { id: ids[3] }]);
    expect(result.data?.countries.totalCount).toBeGreaterThan(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ["nodes", 1], extensions: { code: "BAD_USER_INPUT", field: "ids" } });
    expect(result.errors![0].message).toMatch(/not-an-id/);
  });
});
