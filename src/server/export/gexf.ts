// GEXF 1.3 (https://gexf.net), Gephi's own format: attribute columns declared per class, node labels,
// and the relationship type as the edge `kind` so that Gephi keeps parallel edges of different types.
//
// Written here rather than by graphology-gexf's writer (0.13.2, checked 2026-12-01), because that
// writer does not produce this file: it infers each column's type from the values itself
// ("integer" for 32-bit whole numbers where export-graph.ts declares "long", so a column could be
// typed one way in the GEXF and another in the GraphML of the same slice), drops empty-string
// values, declares only columns that hold a value, and passes characters XML 1.0 cannot hold
// (U+0001 and other controls) through raw, making the file unreadable by a strict parser, where
// xml.ts writes U+FFFD. (Its default is also GEXF 1.2draft with a malformed viz namespace URI.)
import { attributes, escapeXml } from "./xml.js";
import type { Column, ExportGraph, Value } from "./export-graph.js";

const GEXF_NS = "http://gexf.net/1.3";
const GEXF_XSD = "http://gexf.net/1.3/gexf.xsd";

/** Labels are GEXF's own `label` attribute, so they get no column. */
function columnsOf(columns: readonly Column[]): Column[] {
  return columns.filter((c) => c.name !== "label");
}

function declarations(columns: readonly Column[], cls: "node" | "edge"): string[] {
  return [
    `    <attributes class="${cls}">`,
    ...columns.map((c) => `      <attribute ${attributes({ id: c.name, title: c.name, type: c.type })}/>`),
    `    </attributes>`,
  ];
}

function attvalues(values: Record<string, Value>, columns: readonly Column[], indent: string): string[] {
  const present = columns.filter((c) => values[c.name] !== undefined);
  if (present.length === 0) return [];
  return [
    `${indent}<attvalues>`,
    ...present.map((c) => `${indent}  <attvalue ${attributes({ for: c.name, value: String(values[c.name]) })}/>`),
    `${indent}</attvalues>`,
  ];
}

/** The file line by line, so that a route can stream it (routes.ts) instead of holding it whole. */
export function* gexfLines(graph: ExportGraph): Generator<string> {
  const nodeColumns = columnsOf(graph.nodeColumns);
  const edgeColumns = columnsOf(graph.edgeColumns);
  yield* [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf ${attributes({ xmlns: GEXF_NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": `${GEXF_NS} ${GEXF_XSD}`, version: "1.3" })}>`,
    `  <meta>`,
    `    <creator>AI Actors Graph</creator>`,
    `    <description>${escapeXml(graph.title)}</description>`,
    `  </meta>`,
    `  <graph mode="static" defaultedgetype="directed">`,
    ...declarations(nodeColumns, "node"),
    ...declarations(edgeColumns, "edge"),
    `    <nodes>`,
  ];
  for (const node of graph.nodes) {
    yield `      <node ${attributes({ id: node.id, label: node.label })}>`;
    yield* attvalues(node.values, nodeColumns, "        ");
    yield `      </node>`;
  }
  yield `    </nodes>`;
  yield `    <edges>`;
  for (const edge of graph.edges) {
    yield `      <edge ${attributes({ id: edge.id, source: edge.source, target: edge.target, label: edge.type, kind: edge.type })}>`;
    yield* attvalues(edge.values, edgeColumns, "        ");
    yield `      </edge>`;
  }
  yield* [`    </edges>`, `  </graph>`, `</gexf>`, ""];
}

export function toGexf(graph: ExportGraph): string {
  return [...gexfLines(graph)].join("\n");
}
