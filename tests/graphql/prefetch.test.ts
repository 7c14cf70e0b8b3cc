// Root lookups start the loads of the relationship fields below them with their own (prefetch.ts):
// one round of store calls, the same answers, and the same number of store calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../src/store/port.js";
import { execute } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

/** A view of the store that counts rounds: a call made after an earlier call answered starts a new round. */
function roundCounting(store: GraphStore): { store: GraphStore; rounds: () => number } {
  let rounds = 0;
  let answered = true;
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || property === "close") return value;
      return async (...args: unknown[]) => {
        if (answered) rounds++;
        answered = false;
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        await new Promise((resolve) => setTimeout(resolve, 2));
        answered = true;
        return result;
      };
    },
  });
  return { store: proxy, rounds: () => rounds };
}

const Q1 = `query($slug: String!) { model(slug: $slug) { slug name organization { slug } country { code } benchmarkResults { score benchmark { slug } } } }`;
const Q3 = `query($slug: String!) { report(slug: $slug) { slug omittedModels { basis model { slug } } includedModels(first: 5) { nodes { slug } } publisher { slug } } }`;

describe.each(STORE_CASES)("prefetch under root lookups [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("makes a model's lookup and its relationship fields one round of store calls", async () => {
    const counting = roundCounting(store);
    const result = await execute(counting.store, Q1, { slug: "gpt-4" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.model).toMatchObject({ slug: "gpt-4", organization: { slug: "openai" }, country: { code: "US" } });
    expect(result.storeCalls).toBe(4);
    expect(counting.rounds()).toBe(1);
  });

  it("does the same for a report, and answers as without prefetch", async () => {
    const counting = roundCounting(store);
    const result = await execute(counting.store, Q3, { slug: "ai-index-2024" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.report.omittedModels).toHaveLength(5);
    expect(result.data!.report.includedModels.nodes.map((m: { slug: string }) => m.slug)).toEqual(["gemini-ultra", "gpt-4"]);
    expect(counting.rounds()).toBe(1);
  });

  it("costs nothing wrong for a missing entity: null, no errors", async () => {
    const result = await execute(store, Q1, { slug: "no-such-model" });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ model: null });
  });

  it("leaves bad arguments to the field's resolver", async () => {
    const result = await execute(store, `{ model(slug: "gpt-4") { benchmarkResults(first: 1000) { score } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
