// Projection (src/graphql/wanted-properties.ts): which properties of related nodes a selection reads.
// The readers' declared properties must be all they read (every field of every seed and dataset node,
// read from a record cut down to those properties, answers what the whole record answers), and a
// selection is projected only when every field it names is declared.
import { getNamedType, isObjectType, Kind, parse, type FieldNode, type GraphQLObjectType, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeRecord } from "../../src/domain/graph.js";
import type { NodeKind } from "../../src/domain/kinds.js";
import { getSchema } from "../../src/graphql/schema.js";
import { Benchmark } from "../../src/graphql/types/benchmark-type.js";
import { Country } from "../../src/graphql/types/country-type.js";
import { Indicator } from "../../src/graphql/types/indicator-type.js";
import { Model } from "../../src/graphql/types/model-type.js";
import { recordPropertiesOf } from "../../src/graphql/types/node-type.js";
import { Organization } from "../../src/graphql/types/organization-type.js";
import { RELATION_FIELDS, type ItemNode } from "../../src/graphql/relation-fields.js";
import { selectionReads, type SelectionReads } from "../../src/graphql/wanted-properties.js";
import type { GraphStore } from "../../src/store/port.js";
import { MEMORY_CASE, openWithDatasets } from "../helpers/stores.js";

const BUILDERS: Array<{ kind: NodeKind; from: (r: NodeRecord) => object }> = [
  { kind: "Model", from: Model.from },
  { kind: "Organization", from: Organization.from },
  { kind: "Country", from: Country.from },
  { kind: "Benchmark", from: Benchmark.from },
  { kind: "Indicator", from: Indicator.from },
];

describe("record fields declare the properties they read", () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openWithDatasets(MEMORY_CASE);
  });

  it.each(BUILDERS)("every $kind field answers from its declared properties what it answers from the whole record", async ({ kind, from }) => {
    const readers = recordPropertiesOf(kind)!;
    expect(readers.size).toBeGreaterThanOrEqual({ Model: 25, Organization: 6, Country: 5, Benchmark: 8, Indicator: 7 }[kind as string]!);
    const { items } = await store.list({ kind } as never, { after: null, limit: 100_000 });
    // The seed and datasets hold six indicators, and hundreds of each other kind.
    expect(items.length).toBeGreaterThanOrEqual(kind === "Indicator" ? 6 : 11);
    const differences: string[] = [];
    for (const record of items) {
      const whole = from(record) as Record<string, unknown>;
      for (const [field, props] of readers) {
        const cut: NodeRecord = { kind: record.kind, key: record.key, props: Object.fromEntries(props.filter((p) => p in record.props).map((p) => [p, record.props[p]])) };
        const projected = from(cut) as Record<string, unknown>;
        if (JSON.stringify(projected[field]) !== JSON.stringify(whole[field])) differences.push(`${kind} ${record.key}.${field}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("knows the types whose objects are built lazily from records, and no other", () => {
    expect(recordPropertiesOf("Model")?.get("kind")).toEqual(["modelKind"]);
    expect(recordPropertiesOf("Model")?.get("name")).toEqual(["name"]);
    expect(recordPropertiesOf("Model")?.get("id")).toEqual([]);
    expect(recordPropertiesOf("Benchmark")?.get("humanBaseline")).toEqual(["humanBaseline"]);
    expect(recordPropertiesOf("Source")).toBeNull();
    expect(recordPropertiesOf("Hardware")).toBeNull();
    expect(recordPropertiesOf("Report")?.get("title")).toEqual(["name"]);
  });
});

describe("wantedProperties", () => {
  let query: GraphQLObjectType;
  beforeAll(async () => {
    query = (await getSchema()).getQueryType()!;
  });

  /** The properties wanted by the field at `path` of `document`. */
  function wantedAt(document: string, path: string[], item?: ItemNode): readonly string[] | null {
    return readsAt(document, path, item).properties;
  }

  /** What the field at `path` (response keys from the root) of `document` reads. */
  function readsAt(document: string, path: string[], item?: ItemNode): SelectionReads {
    const doc = parse(document);
    const fragments = Object.fromEntries(doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    let parent: GraphQLObjectType = query;
    let set: SelectionSetNode | undefined = operation.selectionSet;
    let node: FieldNode | undefined;
    for (const name of path) {
      node = set?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === name);
      if (!node) throw new Error(`no field ${name}`);
      const field = parent.getFields()[node.name.value];
      if (name === path.at(-1)) return selectionReads({ fieldNodes: [node], returnType: field.type, fragments }, item);
      const type = getNamedType(field.type);
      if (!isObjectType(type)) throw new Error(`${name} is not an object`);
      parent = type;
      set = node.selectionSet;
    }
    throw new Error("empty path");
  }

  const ALWAYS = ["uid", "kind", "slug", "code", "name"];

  it("projects a connection's nodes and edges to the fields they name, relation fields below reading only keys", () => {
    const wanted = wantedAt(`{ country(code: "KR") { organizations(first: 5) { totalCount pageInfo { endCursor } edges { cursor node { kind } } nodes { slug aliases models { totalCount } } } } }`, ["country", "organizations"]);
    expect([...wanted!].sort()).toEqual([...ALWAYS, "orgKind", "aliases"].sort());
  });

  it("projects a list and a single related node, through fragments", () => {
    const doc = `query { model(slug: "gpt-4") { developers { ...Org ... on Node { id } } organization { __typename nameKo } } } fragment Org on Organization { slug kind }`;
    expect([...wantedAt(doc, ["model", "developers"])!].sort()).toEqual([...ALWAYS, "orgKind"].sort());
    expect([...wantedAt(doc, ["model", "organization"])!].sort()).toEqual([...ALWAYS, "nameKo"].sort());
  });

  it("projects the node held by items of their own (omissions, results), whose relationships are then read whole", () => {
    const omissions = RELATION_FIELDS["Report.omittedModels"].item;
    const doc = `{ report(slug: "ai-index-2024") { omittedModels { basis claimedBy { slug } model { slug name organization { slug } } } } }`;
    expect([...wantedAt(doc, ["report", "omittedModels"], omissions)!].sort()).toEqual([...ALWAYS].sort());
    expect(readsAt(doc, ["report", "omittedModels"], omissions).wholeRelationships).toBe(true);
    // Without the declaration's item, or with a field of the item it does not allow, whole records.
    expect(wantedAt(doc.replace("omittedModels", "o2: omittedModels"), ["report", "o2"])).toBeNull();
    const results = RELATION_FIELDS["Benchmark.results"].item;
    expect(wantedAt(`{ benchmark(slug: "mmlu") { results { score model { slug } } } }`, ["benchmark", "results"], results)).not.toBeNull();
    expect(wantedAt(`{ benchmark(slug: "mmlu") { r2: results { score subject { slug } } } }`, ["benchmark", "r2"], results)).toBeNull();
  });

  it("projects a union of entity types (search) to what every member's selected fields read, or reads whole records", () => {
    const doc = `{ search(text: "gpt") { __typename ... on Model { slug releaseDate } ... on Benchmark { unit } ...Org ... on Report { title } } } fragment Org on Organization { kind }`;
    expect([...wantedAt(doc, ["search"])!].sort()).toEqual([...ALWAYS, "releaseDate", "unit", "orgKind"].sort());
    expect([...wantedAt(`{ search(text: "gpt") { __typename } }`, ["search"])!].sort()).toEqual([...ALWAYS].sort());
    // A member's field that may read anything (a relation field not declared) reads whole records.
    expect(wantedAt(`{ search(text: "gpt") { ... on Model { slug benchmarkResults { score } } } }`, ["search"])).not.toBeNull();
    expect(wantedAt(`{ search(text: "gpt") { ... on Indicator { definition { __typename } } } }`, ["search"])).toBeNull();
  });

  it("says whether a connection's totalCount is selected", () => {
    expect(readsAt(`{ country(code: "KR") { organizations { totalCount nodes { slug } } } }`, ["country", "organizations"]).totalCount).toBe(true);
    expect(readsAt(`{ country(code: "KR") { organizations { ... on OrganizationConnection { totalCount } } } }`, ["country", "organizations"]).totalCount).toBe(true);
    expect(readsAt(`{ country(code: "KR") { organizations { nodes { slug } pageInfo { hasNextPage } } } }`, ["country", "organizations"]).totalCount).toBe(false);
  });

  it("computes a selection once for every request of one parsed document, and apart for other nodes, types or items", () => {
    const doc = parse(`{ report(slug: "ai-index-2024") { omittedModels { model { slug nameKo } } o2: omittedModels { basis model { kind } } } }`);
    const report = (doc.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
    const [first, second] = report.selectionSet!.selections as FieldNode[];
    const returnType = (getNamedType(query.getFields().report.type) as GraphQLObjectType).getFields().omittedModels.type;
    const item = RELATION_FIELDS["Report.omittedModels"].item;
    const reads = (fieldNodes: FieldNode[]) => selectionReads({ fieldNodes, returnType, fragments: {} }, item);
    const once = reads([first]);
    expect([...once.properties!].sort()).toEqual([...ALWAYS, "nameKo"].sort());
    // A later request: new node arrays (graphql-js makes them per request) over the same parsed nodes.
    expect(reads([first])).toBe(once);
    // The same first node merged with another: what both read.
    expect([...reads([first, second]).properties!].sort()).toEqual([...ALWAYS, "nameKo", "modelKind"].sort());
    expect(reads([first, second])).not.toBe(once);
    expect(reads([first])).toBe(once);
    // Without the declaration's item the same nodes read whole records.
    expect(selectionReads({ fieldNodes: [first], returnType, fragments: {} }).properties).toBeNull();
    expect(reads([first]).properties).not.toBeNull();
  });

  it("reads whole records for a field it does not know, or a type built from the whole record", () => {
    expect(wantedAt(`{ country(code: "KR") { organizations { nodes { slug sources { slug } } } } }`, ["country", "organizations"])).toBeNull();
    expect(wantedAt(`{ model(slug: "gpt-4") { claims { property } } }`, ["model"])).toBeNull();
    expect(wantedAt(`{ model(slug: "gpt-4") { benchmarkResults { score } } }`, ["model", "benchmarkResults"])).toBeNull();
    expect(wantedAt(`{ model(slug: "gpt-4") { hardware { slug } } }`, ["model", "hardware"])).toBeNull();
    expect(wantedAt(`{ model(slug: "gpt-4") { includedIn { slug coverage { included } } } }`, ["model", "includedIn"])).toBeNull();
  });
});
