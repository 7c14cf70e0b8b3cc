// Every relationship field of the schema has one declaration (src/graphql/relation-fields.ts), from
// which its resolver, the prefetch of root lookups and the loader keys are derived; a field added
// without one (or without a reason in NOT_DECLARED) fails here.
import { getNamedType, getNullableType, isLeafType, isListType, isObjectType, type GraphQLField, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema } from "../../src/graphql/schema.js";
import { declarationOf, loadsOf, NOT_DECLARED, RELATION_FIELDS } from "../../src/graphql/relation-fields.js";

/** Object types of entities (they implement Node) and their fields whose type is not a scalar or enum. */
async function entityFields(): Promise<Array<{ type: GraphQLObjectType; field: GraphQLField<unknown, unknown>; interfaces: string[] }>> {
  const schema = await getSchema();
  return Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === "Node"))
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => !isLeafType(getNamedType(field.type)))
        .map((field) => ({ type, field, interfaces: type.getInterfaces().map((i) => i.name) })),
    );
}

const exemption = (type: string, field: string, interfaces: string[]) => [type, ...interfaces, "*"].map((t) => NOT_DECLARED[`${t}.${field}`]).find(Boolean);

describe("relation field declarations", () => {
  it("declare every field of an entity that answers other entities or relation items, or say why not", async () => {
    const missing = (await entityFields())
      .filter(({ type, field, interfaces }) => !declarationOf(type.name, field.name, interfaces) && !exemption(type.name, field.name, interfaces))
      .map(({ type, field }) => `${type.name}.${field.name}`);
    expect(missing).toEqual([]);
  });

  it("declare windows that fit the field's type and arguments", async () => {
    const fields = await entityFields();
    for (const key of Object.keys(RELATION_FIELDS)) {
      const [typeName, fieldName] = key.split(".");
      const matching = fields.filter(({ type, field, interfaces }) => field.name === fieldName && (type.name === typeName || interfaces.includes(typeName)));
      expect(matching.length, `${key} is declared but no entity has that field`).toBeGreaterThan(0);
      const declaration = RELATION_FIELDS[key as keyof typeof RELATION_FIELDS];
      for (const { type, field, interfaces } of matching) {
        if (declarationOf(type.name, field.name, interfaces) !== declaration) continue;
        const args = field.args.map((a) => a.name);
        const list = isListType(getNullableType(field.type));
        const where = `${type.name}.${field.name} (${declaration.window})`;
        if (declaration.window === "connection") expect(getNamedType(field.type).name.endsWith("Connection") && args.includes("first") && args.includes("after"), where).toBe(true);
        if (declaration.window === "list") expect(list, where).toBe(true);
        if (declaration.window === "first") expect(list || getNamedType(field.type).name.endsWith("Connection"), where).toBe(false);
        for (const name of "filterArgs" in declaration ? declaration.filterArgs : []) expect(args, where).toContain(name);
      }
    }
  });

  it("name, for items of their own, fields those items have", async () => {
    const schema = await getSchema();
    for (const [key, declaration] of Object.entries(RELATION_FIELDS)) {
      if (!("item" in declaration)) continue;
      const [typeName, fieldName] = key.split(".");
      const type = schema.getType(typeName);
      const itemType = isObjectType(type) ? getNamedType(type.getFields()[fieldName].type) : null;
      const fields = isObjectType(itemType) ? Object.keys(itemType.getFields()) : [];
      expect([declaration.item.node, ...declaration.item.besides].filter((f) => !fields.includes(f)), key).toEqual([]);
    }
  });

  it("derive the windows the page-size rules give", () => {
    expect(loadsOf(RELATION_FIELDS["Model.organization"], {})).toEqual([{ relation: "model-developers", window: { after: null, limit: 1 }, read: { properties: null, total: false, relationships: null } }]);
    expect(loadsOf(RELATION_FIELDS["Model.benchmarkResults"], { first: 5 })).toEqual([{ relation: "model-benchmark-results", window: { after: null, limit: 5 }, read: { properties: null, total: false, relationships: null } }]);
    expect(loadsOf(RELATION_FIELDS["Report.omittedModels"], {}).map((l) => l.relation)).toEqual(["report-omissions", "report-in-scope-omissions"]);
    expect(loadsOf(RELATION_FIELDS["Organization.models"], { includeUnits: true })[0]).toMatchObject({ relation: "organization-unit-models", window: { limit: 20 } });
    expect(() => loadsOf(RELATION_FIELDS["Country.models"], { first: 101 })).toThrow(/first/);
    // Only a connection shows a total, and only when its selection reads it.
    const reads = { properties: ["uid", "name"], totalCount: true, wholeRelationships: false, firsts: [] };
    expect(loadsOf(RELATION_FIELDS["Country.models"], {}, reads)[0].read).toEqual({ properties: ["uid", "name"], total: true, relationships: ["key"] });
    expect(loadsOf(RELATION_FIELDS["Country.models"], {}, { ...reads, totalCount: false })[0].read.total).toBe(false);
    expect(loadsOf(RELATION_FIELDS["Model.developers"], {}, reads)[0].read.total).toBe(false);
  });
});
