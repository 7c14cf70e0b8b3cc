// The per-request loaders' pages carried by a parent page's items (Loaders.primeCarried): answered
// without a store call, handed out at once by relatedPage, and never in place of what a loader
// already loaded for the same key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Loaders } from "../../src/graphql/loaders.js";
import { FIRST_ITEM, WHOLE_PAGES, type GraphStore, type RelatedPage } from "../../src/store/port.js";
import { MEMORY_CASE, openSeeded } from "../helpers/stores.js";

/** A store whose `related` calls are counted. */
function counted(store: GraphStore): { store: GraphStore; calls: () => number } {
  let calls = 0;
  const wrapped = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (name !== "related" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
      return (...args: unknown[]) => {
        calls++;
        return value.apply(target, args);
      };
    },
  });
  return { store: wrapped, calls: () => calls };
}

/** A page no store holds, so that the tests can tell a carried page from a loaded one. */
const carriedOrganization: RelatedPage = { items: [{ node: { kind: "Organization", key: "carried-org", props: { slug: "carried-org" } }, rel: {} }], totalCount: null, hasMore: false };

describe("related loaders given carried pages", () => {
  let seeded: GraphStore;
  beforeAll(async () => {
    seeded = await openSeeded(MEMORY_CASE);
  });
  afterAll(() => seeded.close());

  it("answers a carried key from the carried page, at once and through the loader, with no store call", async () => {
    const { store, calls } = counted(seeded);
    const loaders = new Loaders(store);
    loaders.primeCarried("model-developers", FIRST_ITEM, WHOLE_PAGES, [["gpt-4", carriedOrganization]]);
    expect(loaders.relatedPage("model-developers", FIRST_ITEM, WHOLE_PAGES, "gpt-4")).toBe(carriedOrganization);
    expect(await loaders.related("model-developers", null, FIRST_ITEM, WHOLE_PAGES).load("gpt-4")).toBe(carriedOrganization);
    expect(calls()).toBe(0);
    // Not carried: loaded, through a promise.
    const loaded = new Loaders(store).relatedPage("model-developers", FIRST_ITEM, WHOLE_PAGES, "gpt-4");
    expect(loaded).toBeInstanceOf(Promise);
    expect((await loaded).items.map((i) => i.node.key)).toEqual(["openai"]);
    expect(calls()).toBe(1);
  });

  it("keeps a carried page to its own relation, window and read: no other load is answered from it", async () => {
    const loaders = new Loaders(seeded);
    loaders.primeCarried("model-developers", FIRST_ITEM, WHOLE_PAGES, [["gpt-4", carriedOrganization]]);
    const others = [
      loaders.relatedPage("model-developers", { after: null, limit: 2 }, WHOLE_PAGES, "gpt-4"),
      loaders.relatedPage("model-developers", FIRST_ITEM, { properties: ["slug"], total: false, relationships: null }, "gpt-4"),
      loaders.relatedPage("model-country", FIRST_ITEM, WHOLE_PAGES, "gpt-4"),
    ];
    for (const other of others) {
      expect(other).toBeInstanceOf(Promise);
      expect(await other).not.toBe(carriedOrganization);
    }
  });

  it("leaves a key the loader loaded before to the loader: what it loaded is what every field gets", async () => {
    const { store, calls } = counted(seeded);
    const loaders = new Loaders(store);
    const loader = loaders.related("model-developers", null, FIRST_ITEM, WHOLE_PAGES);
    const loaded = await loader.load("gpt-4");
    expect(loaded.items.map((i) => i.node.key)).toEqual(["openai"]);
    loaders.primeCarried("model-developers", FIRST_ITEM, WHOLE_PAGES, [["gpt-4", carriedOrganization]]);
    const page = loaders.relatedPage("model-developers", FIRST_ITEM, WHOLE_PAGES, "gpt-4");
    expect(page).toBeInstanceOf(Promise);
    expect(await page).toBe(loaded);
    expect(await loader.load("gpt-4")).toBe(loaded);
    expect(calls()).toBe(1);
  });

  it("forgets carried pages with everything else when a mutation clears the loaders", async () => {
    const loaders = new Loaders(seeded);
    loaders.primeCarried("model-developers", FIRST_ITEM, WHOLE_PAGES, [["gpt-4", carriedOrganization]]);
    loaders.clearAll();
    const page = loaders.relatedPage("model-developers", FIRST_ITEM, WHOLE_PAGES, "gpt-4");
    expect(page).toBeInstanceOf(Promise);
    expect(await page).not.toBe(carriedOrganization);
  });
});
