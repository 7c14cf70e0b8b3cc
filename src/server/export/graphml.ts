// GraphML (http://graphml.graphdrawing.org/): keys declared once per attribute, then the nodes and
// edges with their data. Gephi, yEd, Cytoscape desktop and NetworkX read it.
//
// Written here because graphology has no GraphML writer to use: graphology-graphml (0.5.2, checked
// 2026-12-01) exports only `parse`, though its description says "parser & writer"; a writer is an
// open pull request upstream (graphology/graphology#550).
import { attributes, escapeXml } from "./xml.js";
import type { Column, ExportGraph, Value } from "./export-graph.js";

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
const GRAPHML_XSD = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/** GraphML key ids (xs:NMTOKEN): n0, n1, ... for nodes, e0, ... for edges; attr.name carries the name. */
function keyIds(columns: readonly Column[], prefix: string): Map<string, { id: string; column: Column }> {
  return new Map(columns.map((column, i) => [column.name, { id: `${prefix}${i}`, column }]));
}

function dataOf(values: Record<string, Value>, keys: Map<string, { id: string; column: Column }>, indent: string): string[] {
  return [...keys.values()]
    .filter(({ column }) => values[column.name] !== undefined)
    .map(({ id, column }) => `${indent}<data key="${id}">${escapeXml(String(values[column.name]))}</data>`);
}

/** The file line by line, so that a route can stream it (routes.ts) instead of holding it whole. */
export function* graphMLLines(graph: ExportGraph): Generator<string> {
  const nodeKeys = keyIds(graph.nodeColumns, "n");
  const edgeKeys = keyIds(graph.edgeColumns, "e");
  yield `<?xml version="1.0" encoding="UTF-8"?>`;
  yield `<graphml ${attributes({ xmlns: GRAPHML_NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": `${GRAPHML_NS} ${GRAPHML_XSD}` })}>`;
  yield `  <desc>${escapeXml(graph.title)}</desc>`;
  for (const [scope, keys] of [["node", nodeKeys], ["edge", edgeKeys]] as const) {
    for (const { id, column } of keys.values()) {
      yield `  <key ${attributes({ id, for: scope, "attr.name": column.name, "attr.type": column.type })}/>`;
    }
  }
  yield `  <graph id="G" edgedefault="directed">`;
  for (const node of graph.nodes) {
    yield `    <node ${attributes({ id: node.id })}>`;
    yield* dataOf(node.values, nodeKeys, "      ");
    yield `    </node>`;
  }
  for (const edge of graph.edges) {
    yield `    <edge ${attributes({ id: edge.id, source: edge.source, target: edge.target })}>`;
    yield* dataOf(edge.values, edgeKeys, "      ");
    yield `    </edge>`;
  }
  yield `  </graph>`;
  yield `</graphml>`;
  yield "";
}

export function toGraphML(graph: ExportGraph): string {
  return [...graphMLLines(graph)].join("\n");
}
