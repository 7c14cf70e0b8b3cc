// A page whose items select a `first` field (a model's organization, an organization's country, a
// report's publisher) reads those first items in its own store call (RelatedRead.firsts), and the
// fields answer from it: the same answers as their own loads, no store call of their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../src/store/port.js";
import { execute } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

type Json = Record<string, any>;

describe.each(STORE_CASES)("first items carried by their parents' pages [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  async function run(query: string, variables: Json = {}) {
    const result = await execute(store, query, variables);
    expect(result.errors).toBeUndefined();
    return result;
  }

  /** The organization of a model, as its own lookup answers it. */
  async function organizationOf(slug: string): Promise<Json | null> {
    return (await run(`query($slug: String!) { model(slug: $slug) { organization { slug name } } }`, { slug })).data!.model.organization;
  }

  it("answers a report's omitted models' organizations from the omissions' own call", async () => {
    const withOrganizations = await run(`{ report(slug: "ai-index-2024") { omittedModels { model { slug organization { slug name } } } } }`);
    const without = await run(`{ report(slug: "ai-index-2024") { omittedModels { model { slug } } } }`);
    expect(withOrganizations.storeCalls).toBe(without.storeCalls);
    const omitted = withOrganizations.data!.report.omittedModels as Json[];
    expect(omitted.length).toBeGreaterThan(1);
    for (const { model } of omitted) expect(model.organization).toEqual(await organizationOf(model.slug));
    expect(omitted.some((o) => o.model.organization !== null)).toBe(true);
  });

  it("answers a model's developers' countries and its reports' publishers from their pages' calls", async () => {
    const query = (inner: string) => `{ model(slug: "gpt-4") { developers { slug ${inner ? "country { code name }" : ""} } includedIn { slug ${inner ? "publisher { slug }" : ""} } } }`;
    const withFirsts = await run(query("yes"));
    const without = await run(query(""));
    expect(withFirsts.storeCalls).toBe(without.storeCalls);
    const model = withFirsts.data!.model;
    expect(model.developers).toEqual([{ slug: "openai", country: { code: "US", name: expect.any(String) } }]);
    const publishers = await Promise.all(model.includedIn.map(async (r: Json) => (await run(`query($slug: String!) { report(slug: $slug) { publisher { slug } } }`, { slug: r.slug })).data!.report.publisher));
    expect(model.includedIn.map((r: Json) => r.publisher)).toEqual(publishers);
    expect(publishers.length).toBeGreaterThan(0);
  });

  it("answers connections' items the same way, under nodes and edges alike", async () => {
    const result = await run(`{ organization(slug: "naver") { models(first: 5) { nodes { slug organization { slug } } edges { node { slug organization { slug } } } } } }`);
    const without = await run(`{ organization(slug: "naver") { models(first: 5) { nodes { slug } edges { node { slug } } } } }`);
    expect(result.storeCalls).toBe(without.storeCalls);
    const { nodes, edges } = result.data!.organization.models;
    expect(nodes.length).toBeGreaterThan(0);
    for (const [i, node] of nodes.entries()) {
      expect(node.organization).toEqual({ slug: (await organizationOf(node.slug))!.slug });
      expect(edges[i].node).toEqual(node);
    }
  });

  it("still answers right where a page cannot carry the field: aliases asking differently, a first field below it", async () => {
    const aliased = await run(`{ report(slug: "ai-index-2024") { omittedModels { model { slug a: organization { slug } b: organization { name } } } } }`);
    for (const { model } of aliased.data!.report.omittedModels as Json[]) {
      const own = await organizationOf(model.slug);
      expect([model.a, model.b]).toEqual([own && { slug: own.slug }, own && { name: own.name }]);
    }
    const nested = await run(`{ report(slug: "ai-index-2024") { omittedModels { model { slug organization { slug country { code } } } } } }`);
    for (const { model } of nested.data!.report.omittedModels as Json[]) {
      const own = (await run(`query($slug: String!) { model(slug: $slug) { organization { slug country { code } } } }`, { slug: model.slug })).data!.model.organization;
      expect(model.organization).toEqual(own);
    }
  });
});
