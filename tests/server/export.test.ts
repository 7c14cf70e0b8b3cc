// The XML exports: escaping and the GraphML / GEXF serializers as pure functions, then
// GET /export/graph.{graphml,gexf} on the embedded store, parsed back with fast-xml-parser.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uidOf } from "../../src/domain/graph.js";
import { toEdgeId, toGlobalId } from "../../src/graphql/ids.js";
import { loadSeed } from "../../src/seed/load-seed.js";
import { exportGraphOf } from "../../src/server/export/export-graph.js";
import { toGexf } from "../../src/server/export/gexf.js";
import { toGraphML } from "../../src/server/export/graphml.js";
import { escapeXml } from "../../src/server/export/xml.js";
import type { GraphSlice } from "../../src/store/port.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { config, MEMORY_CASE, openSeeded } from "../helpers/stores.js";

// htmlEntities: fast-xml-parser decodes numeric character references (&#10;) only with it on.
const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: "@", parseAttributeValue: false, parseTagValue: false, isArray: (name) => ["key", "node", "edge", "data", "attribute", "attributes", "attvalue"].includes(name) });

function parse(xml: string): any {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml);
}

/** A slice with every character XML makes hard: markup, quotes, controls, Korean, an emoji. */
const NASTY = `A & B <C> "D" 'E'\tF\nG\u0001H 엑사원 🤖`;
const tricky: GraphSlice = {
  nodes: [
    { kind: "Model", key: "m-1", props: { name: NASTY, releaseDate: "2023-07-19", params: 300, score: 1.5, open: true, aliases: ["x & y", "z"], sources: [] } },
    { kind: "Organization", key: "o-1", props: { name: "Org", params: 2.25 } },
  ],
  edges: [{ type: "DEVELOPED_BY", from: { kind: "Model", key: "m-1" }, to: { kind: "Organization", key: "o-1" }, key: "", props: { order: 0, note: "</edge>", sources: ["s-1"] } }],
  truncated: false,
};

describe("escapeXml", () => {
  it("escapes markup and quotes, keeps tabs and line breaks in attributes, replaces what XML cannot hold", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
    expect(escapeXml("a\u0000b\u001Fc\uFFFEd\uD800e")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    expect(escapeXml("엑사원 🤖")).toBe("엑사원 🤖");
  });
});

describe("GraphML serializer", () => {
  const doc = parse(toGraphML(exportGraphOf(tricky, "a <test> & more"))).graphml;

  it("declares its namespace and one typed key per attribute, node and edge keys apart", () => {
    expect(doc["@xmlns"]).toBe("http://graphml.graphdrawing.org/xmlns");
    const keys = doc.key.map((k: any) => [k["@for"], k["@attr.name"], k["@attr.type"]]);
    expect(keys).toEqual(
      expect.arrayContaining([
        ["node", "type", "string"],
        ["node", "label", "string"],
        ["node", "params", "double"],
        ["node", "open", "boolean"],
        ["node", "releaseDate", "string"],
        ["edge", "type", "string"],
        ["edge", "order", "long"],
      ]),
    );
    expect(new Set(doc.key.map((k: any) => k["@id"])).size).toBe(doc.key.length);
  });

  it("round-trips labels, types and values through escaping, and every data element names a declared key", () => {
    const keyName = new Map(doc.key.map((k: any) => [k["@id"], k["@attr.name"]]));
    const [model] = doc.graph.node;
    expect(model["@id"]).toBe(toGlobalId("Model", "m-1"));
    const data = Object.fromEntries(model.data.map((d: any) => [keyName.get(d["@key"]), d["#text"]]));
    expect(data).toMatchObject({ type: "Model", label: NASTY.replace("\u0001", "\uFFFD"), uid: "Model:m-1", aliases: "x & y | z", open: "true" });
    expect(data).not.toHaveProperty("sources"); // an empty list writes nothing
    const [edge] = doc.graph.edge;
    expect(edge).toMatchObject({ "@id": toEdgeId(tricky.edges[0]), "@source": toGlobalId("Model", "m-1"), "@target": toGlobalId("Organization", "o-1") });
    expect(Object.fromEntries(edge.data.map((d: any) => [keyName.get(d["@key"]), d["#text"]]))).toMatchObject({ type: "DEVELOPED_BY", note: "</edge>", order: "0" });
    for (const element of [...doc.graph.node, ...doc.graph.edge]) for (const d of element.data) expect(keyName.has(d["@key"])).toBe(true);
  });
});

describe("GEXF serializer", () => {
  const doc = parse(toGexf(exportGraphOf(tricky, "t"))).gexf;

  it("is GEXF 1.3 with declared node and edge attributes", () => {
    expect(doc["@xmlns"]).toBe("http://gexf.net/1.3");
    expect(doc["@version"]).toBe("1.3");
    const [nodeAttrs, edgeAttrs] = doc.graph.attributes;
    expect(nodeAttrs["@class"]).toBe("node");
    expect(nodeAttrs.attribute.map((a: any) => a["@id"])).toEqual(expect.arrayContaining(["type", "uid", "params", "open"]));
    expect(edgeAttrs["@class"]).toBe("edge");
    expect(edgeAttrs.attribute.map((a: any) => a["@id"])).toEqual(expect.arrayContaining(["type", "order", "note"]));
  });

  it("keeps the label as the node's label attribute (escaped) and the type as an attvalue", () => {
    const [model] = doc.graph.nodes.node;
    expect(model["@label"]).toBe(NASTY.replace("\u0001", "\uFFFD"));
    expect(model.attvalues.attvalue).toEqual(expect.arrayContaining([{ "@for": "type", "@value": "Model" }]));
    const [edge] = doc.graph.edges.edge;
    expect(edge).toMatchObject({ "@label": "DEVELOPED_BY", "@kind": "DEVELOPED_BY" });
    const declared = new Set([...doc.graph.attributes.flatMap((a: any) => a.attribute.map((x: any) => x["@id"]))]);
    for (const e of [...doc.graph.nodes.node, ...doc.graph.edges.edge]) for (const v of e.attvalues.attvalue) expect(declared.has(v["@for"])).toBe(true);
  });
});

describe("GET /export on the embedded store", () => {
  let server: TestServer;
  let url: string;
  const seed = loadSeed(config.seedDir);
  beforeAll(async () => {
    server = await startServer(await openSeeded(MEMORY_CASE));
    url = server.url;
  });
  afterAll(() => server.close());

  it("graph.graphml holds every seed node and relationship, with type and label", async () => {
    const res = await fetch(`${url}/export/graph.graphml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/graphml+xml");
    expect(res.headers.get("content-disposition")).toContain("ai-actors-graph.graphml");
    const doc = parse(await res.text()).graphml;
    const { nodes, relationships } = await seed;
    expect(doc.graph.node.map((n: any) => n["@id"]).sort()).toEqual(nodes.map((n) => toGlobalId(n.kind, n.key)).sort());
    expect(doc.graph.edge.map((e: any) => e["@id"]).sort()).toEqual(relationships.map(toEdgeId).sort());
    const labelKey = doc.key.find((k: any) => k["@for"] === "node" && k["@attr.name"] === "label")["@id"];
    const gpt4 = doc.graph.node.find((n: any) => n["@id"] === toGlobalId("Model", "gpt-4"));
    expect(gpt4.data.find((d: any) => d["@key"] === labelKey)["#text"]).toBe("GPT-4");
  });

  it("graph.gexf holds every seed node and relationship", async () => {
    const res = await fetch(`${url}/export/graph.gexf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/gexf+xml");
    const doc = parse(await res.text()).gexf;
    const { nodes, relationships } = await seed;
    expect(doc.graph.nodes.node).toHaveLength(nodes.length);
    expect(doc.graph.edges.edge).toHaveLength(relationships.length);
    const ids = new Set(doc.graph.nodes.node.map((n: any) => n["@id"]));
    for (const e of doc.graph.edges.edge) expect(ids.has(e["@source"]) && ids.has(e["@target"])).toBe(true);
    const korean = doc.graph.nodes.node.find((n: any) => n["@id"] === toGlobalId("Model", "exaone-2-0"));
    expect(korean.attvalues.attvalue).toEqual(expect.arrayContaining([{ "@for": "nameKo", "@value": "엑사원 2.0" }]));
  });

  it("?around=<id>&depth=n exports that neighborhood", async () => {
    const res = await fetch(`${url}/export/graph.gexf?around=${toGlobalId("Model", "gpt-4")}&depth=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-graph-truncated")).toBe("false");
    expect(res.headers.get("content-disposition")).toContain("ai-actors-graph-model-gpt-4-depth-1.gexf");
    const doc = parse(await res.text()).gexf;
    expect(doc.graph.nodes.node.map((n: any) => n["@label"])).toEqual(["GPT-4", "MMMU", "OpenAI", "Artificial Intelligence Index Report 2024"]);
    expect(doc.graph.edges.edge).toHaveLength(3);
  });

  it.each([
    ["around=nonsense", 400, "BAD_USER_INPUT"],
    ["around=", 400, "BAD_USER_INPUT"],
    [`around=${toGlobalId("Model", "gpt-4")}&depth=4`, 400, "BAD_USER_INPUT"],
    [`around=${toGlobalId("Model", "gpt-4")}&depth=two`, 400, "BAD_USER_INPUT"],
    [`around=${toGlobalId("Model", "gpt-4")}&around=x`, 400, "BAD_USER_INPUT"],
    [`around=${toGlobalId("Model", "no-such-model")}`, 404, "NOT_FOUND"],
  ])("?%s answers %i with a JSON error", async (query, status, code) => {
    const res = await fetch(`${url}/export/graph.graphml?${query}`);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(((await res.json()) as any).errors[0].extensions).toMatchObject({ code });
  });

  it("ids in the export are the ids GraphQL gives", async () => {
    const { nodes } = await seed;
    expect(nodes.map(uidOf)).toContain("Model:gpt-4");
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ model(slug: "gpt-4") { id } }` }),
    });
    expect(((await res.json()) as any).data.model.id).toBe(toGlobalId("Model", "gpt-4"));
  });
});
