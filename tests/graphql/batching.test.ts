// Batching (issue: the GraphQL API): every relationship field of a level is ONE store call, so a
// deep query costs the same number of store calls whatever its page sizes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../src/store/port.js";
import { execute } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

// Filtered to the United States so that, even with first: 1, every level has something to load.
const FIVE_LEVELS = `query($first: Int, $country: String = "states") {
  countries(first: $first, filter: { nameContains: $country }) { nodes { code
    organizations(first: $first) { nodes { slug
      models(first: $first) { nodes { slug
        organization { slug }
        benchmarkResults { score benchmark { slug humanBaseline } }
      } }
    } }
  } }
}`;

// first: 50 at three levels costs 5.6 million, far above the default limit; this file is about
// store calls, and tests/hardening/limits.test.ts holds the cost limit to account.
const limits = { maxCost: 10_000_000 };

describe.each(STORE_CASES)("batching [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("makes the same number of store calls, at most 12, with first: 1 and first: 50 at every level", async () => {
    const one = await execute(store, FIVE_LEVELS, { first: 1 }, { limits });
    const fifty = await execute(store, FIVE_LEVELS, { first: 50 }, { limits });
    expect(one.errors).toBeUndefined();
    expect(fifty.errors).toBeUndefined();
    expect(one.storeCalls).toBe(fifty.storeCalls);
    expect(fifty.storeCalls).toBeLessThanOrEqual(12);
    const deepest = (data: any) => data.countries.nodes.flatMap((c: any) => c.organizations.nodes.flatMap((o: any) => o.models.nodes.flatMap((m: any) => m.benchmarkResults)));
    expect(deepest(one.data)).toHaveLength(1);
    expect(deepest(fifty.data).length).toBeGreaterThan(1);
  });

  it("makes one store call per parent without batching (the N+1 that batching removes)", async () => {
    const unbatched = await execute(store, FIVE_LEVELS, { first: 50, country: "" }, { batching: false, limits });
    const batched = await execute(store, FIVE_LEVELS, { first: 50, country: "" }, { limits });
    expect(unbatched.data).toEqual(batched.data);
    const countries = batched.data!.countries.nodes.length;
    expect(unbatched.storeCalls).toBeGreaterThan(batched.storeCalls + countries);
  });

  it("batches Model.country's fallback through the developer too", async () => {
    const result = await execute(store, `{ models(first: 50) { nodes { slug country { code } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.storeCalls).toBeLessThanOrEqual(4);
    const bySlug = Object.fromEntries(result.data!.models.nodes.map((m: any) => [m.slug, m.country?.code]));
    expect(bySlug["gpt-4"]).toBe("US");
    expect(bySlug["varco"]).toBe("KR");
  });
});
