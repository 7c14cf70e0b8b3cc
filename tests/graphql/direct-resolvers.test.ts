// Field resolvers called directly (src/graphql/direct-resolvers.ts): the relation fields take that
// path, a call is answered in the same tick, and a call with an input object still goes through
// type-graphql, so both paths hand a resolver the same arguments.
import { isObjectType, type GraphQLObjectType } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSchema, type MiddlewareFn } from "type-graphql";
import { callFieldResolversDirectly, isDirectResolver } from "../../src/graphql/direct-resolvers.js";
import { RELATION_FIELDS } from "../../src/graphql/relation-fields.js";
import { OrganizationResolver } from "../../src/graphql/resolvers/organization-resolver.js";
import { getSchema, RESOLVERS } from "../../src/graphql/schema.js";
import { Organization } from "../../src/graphql/types/organization-type.js";
import { PageArgs } from "../../src/graphql/types/connection-type.js";
import { ModelFilter } from "../../src/graphql/types/filter-inputs.js";
import type { GraphStore } from "../../src/store/port.js";
import { query } from "../helpers/graphql.js";
import { MEMORY_CASE, openSeeded } from "../helpers/stores.js";

let store: GraphStore;
beforeAll(async () => {
  store = await openSeeded(MEMORY_CASE);
});
afterAll(async () => {
  await store.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("direct field resolvers", () => {
  it("resolve every field of the entity types, relation fields included", async () => {
    const schema = await getSchema();
    const entities = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === "Node"));
    const notDirect: string[] = [];
    for (const type of entities) {
      for (const field of Object.values(type.getFields())) {
        if (!isDirectResolver(field.resolve)) notDirect.push(`${type.name}.${field.name}`);
      }
    }
    expect(notDirect).toEqual([]);
    // The relation fields are among them.
    const organization = entities.find((t) => t.name === "Organization")!;
    expect(Object.keys(RELATION_FIELDS).filter((key) => key.startsWith("Organization.")).every((key) => key.split(".")[1] in organization.getFields())).toBe(true);
  });

  it("leave every field to type-graphql when the schema is built with global middlewares, which every field must run", async () => {
    const passOn: MiddlewareFn = (_data, next) => next();
    const options = { resolvers: RESOLVERS, validate: true, globalMiddlewares: [passOn] };
    const schema = callFieldResolversDirectly(await buildSchema(options), options);
    const models = (schema.getType("Organization") as GraphQLObjectType).getFields().models;
    expect(models.resolve).toBeDefined();
    expect(isDirectResolver(models.resolve)).toBe(false);
  });

  it("call a field resolver in the same tick, where type-graphql waits for its arguments' validation", async () => {
    const schema = await getSchema();
    const models = (schema.getType("Organization") as GraphQLObjectType).getFields().models;
    const spy = vi.spyOn(OrganizationResolver.prototype, "models").mockResolvedValue({ nodes: [] } as never);
    const naver = Organization.from({ kind: "Organization", key: "naver", props: {} });
    void models.resolve!(naver, { first: 2, includeUnits: false }, {}, {} as never);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("hand a resolver the same arguments on both paths: page arguments as a PageArgs, a filter as a ModelFilter", async () => {
    const spy = vi.spyOn(OrganizationResolver.prototype, "models");
    const text = `query($filter: ModelFilter) { organization(slug: "naver") { all: models(first: 1) { totalCount } some: models(first: 1, filter: $filter) { totalCount } } }`;
    await query(store, text, { filter: { nameContains: "clova" } });
    const calls = spy.mock.calls.map(([, page, filter, includeUnits]) => ({ page, filter, includeUnits }));
    expect(calls).toHaveLength(2);
    for (const { page, includeUnits } of calls) {
      expect(page).toBeInstanceOf(PageArgs);
      // Only the arguments given: `after` is not a key of it.
      expect({ ...page }).toEqual({ first: 1 });
      expect(includeUnits).toBe(false);
    }
    expect(calls.map((c) => c.filter)).toEqual([undefined, expect.any(ModelFilter)]);
    expect({ ...(calls[1].filter as ModelFilter) }).toEqual({ nameContains: "clova" });
  });
});
