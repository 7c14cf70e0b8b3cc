// The side panel's "Selected" part: a node's or an edge's facts, with their sources as links.
import * as api from "./api";
import type { GraphView } from "./graph-view";
import { TYPE_STYLE } from "./palette";
import { NEIGHBORHOOD_QUERY, nodeQuery, playgroundLink } from "./queries";

/** What the panel can ask the page to do. */
export interface PanelActions {
  select(node: string): void;
  pathFrom(node: string): void;
  showPath(from: string, to: string): void;
  /** The node a path starts from, once "Path from here" was chosen. */
  pathStart(): string | null;
  depth(): number;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** Properties the panel shows elsewhere or that are bookkeeping. */
const SKIP = new Set(["sources", "uid", "kind", "searchText"]);

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "number") {
    // Years and ranks read as they are; big figures (compute, dollars) in scientific notation.
    if (Number.isInteger(value) && Math.abs(value) < 1e4) return String(value);
    return Math.abs(value) >= 1e6 ? value.toExponential(3) : value.toLocaleString("en");
  }
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function propertyTable(properties: Record<string, unknown>): HTMLTableElement {
  const table = el("table", { className: "properties" });
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0) || SKIP.has(key) || key.endsWith("Sources")) continue;
    table.append(el("tr", {}, el("td", { textContent: key }), el("td", { textContent: formatValue(value) })));
  }
  return table;
}

/** One source: a link when it has a URL, with its publisher and date. */
function sourceItem(slug: string, info: api.SourceInfo | null): HTMLLIElement {
  if (!info) return el("li", { className: "source" }, slug);
  const title = info.url ? el("a", { href: info.url, textContent: info.title, target: "_blank", rel: "noopener noreferrer" }) : el("span", { textContent: info.title });
  const meta = [info.publisher, info.date].filter(Boolean).join(", ");
  return el("li", { className: "source" }, title, ...(meta ? [el("small", { textContent: ` — ${meta}` })] : []));
}

/** The sources list for slugs, filled in as they arrive (one request per slug, cached). */
function sourcesList(slugs: unknown): HTMLElement | null {
  const list = Array.isArray(slugs) ? slugs.filter((s): s is string => typeof s === "string") : [];
  if (list.length === 0) return null;
  const ul = el("ul", { className: "sources" });
  for (const slug of list) {
    const item = el("li", { className: "source pending" }, slug);
    ul.append(item);
    api.source(slug).then(
      (info) => item.replaceWith(sourceItem(slug, info)),
      () => item.replaceWith(sourceItem(slug, null)),
    );
  }
  return el("div", {}, el("h4", { textContent: "Sources" }), ul);
}

function kindLine(type: keyof typeof TYPE_STYLE, text?: string): HTMLElement {
  const kind = el("p", { className: "kind", textContent: text ?? TYPE_STYLE[type].name });
  kind.style.setProperty("--c", TYPE_STYLE[type].color);
  return kind;
}

export function showNode(target: HTMLElement, view: GraphView, id: string, actions: PanelActions): void {
  const a = view.graph.getNodeAttributes(id);
  const link = (text: string, href: string, cls: string) => el("a", { textContent: text, href, className: cls });
  const depth = actions.depth();
  const links = el(
    "p",
    { className: "links" },
    link("Open in GraphiQL", playgroundLink(nodeQuery(a.nodeType), { id }), "graphiql-link"),
    link("Neighborhood query", playgroundLink(NEIGHBORHOOD_QUERY, { id, depth }), "graphiql-neighborhood"),
    link("GEXF", `/export/graph.gexf?around=${encodeURIComponent(id)}&depth=${depth}`, "export"),
    link("GraphML", `/export/graph.graphml?around=${encodeURIComponent(id)}&depth=${depth}`, "export"),
  );
  const pathButtons = el("p", { className: "path-actions" });
  const start = actions.pathStart();
  if (start && start !== id && view.graph.hasNode(start)) {
    pathButtons.append(
      el("button", { type: "button", className: "show-path", textContent: `Show only the path from ${view.graph.getNodeAttribute(start, "name")}`, onclick: () => actions.showPath(start, id) }),
    );
  }
  pathButtons.append(el("button", { type: "button", className: "path-from", textContent: start === id ? "Path starts here: now select another node" : "Path from here…", onclick: () => actions.pathFrom(id) }));
  target.replaceChildren(el("h2", { textContent: a.name }), kindLine(a.nodeType), links, pathButtons, propertyTable(a.properties), ...[sourcesList(a.properties.sources)].filter((x): x is HTMLElement => x !== null));
  target.dataset.node = id;
  delete target.dataset.edge;
}

/** A sentence for the edges whose facts read as one: an observation, a score, a dependency. */
function edgeSentence(view: GraphView, edge: string): string | null {
  const { relationship: type, properties: p } = view.graph.getEdgeAttributes(edge);
  const [s, t] = view.graph.extremities(edge).map((n) => view.graph.getNodeAttributes(n));
  const unitOf = (n: typeof s) => (typeof n.properties.unit === "string" ? ` ${n.properties.unit}` : "");
  if (type === "OBSERVED") {
    const indicator = s.nodeType === "INDICATOR" ? s : t;
    const subject = indicator === s ? t : s;
    return `${indicator.name}, ${subject.name}, ${p.year ?? "year unknown"}: ${formatValue(p.value)}${unitOf(indicator)}${p.rank != null ? ` (rank ${p.rank})` : ""}`;
  }
  if (type === "SCORED") {
    const benchmark = s.nodeType === "BENCHMARK" ? s : t;
    const model = benchmark === s ? t : s;
    return `${model.name} scored ${formatValue(p.score)}${typeof p.unit === "string" ? ` ${p.unit}` : unitOf(benchmark)} on ${benchmark.name}`;
  }
  if (type === "DEPENDS_ON") return `${s.name} depends on ${t.name}`;
  return null;
}

export function showEdge(target: HTMLElement, view: GraphView, edge: string, actions: PanelActions): void {
  const { relationship, properties } = view.graph.getEdgeAttributes(edge);
  const [source, targetNode] = view.graph.extremities(edge);
  const nodeButton = (id: string) => el("button", { type: "button", className: "node-link", textContent: view.graph.getNodeAttribute(id, "name"), onclick: () => actions.select(id) });
  const sentence = edgeSentence(view, edge);
  const ends = el("p", { className: "ends" }, nodeButton(source), " → ", nodeButton(targetNode));
  const kind = el("p", { className: "kind edge-type", textContent: relationship });
  kind.style.setProperty("--c", "#3d4254");
  target.replaceChildren(
    el("h2", { textContent: relationship.toLowerCase().replace(/_/g, " ") }),
    kind,
    ends,
    ...(sentence ? [el("p", { className: "fact", textContent: sentence })] : []),
    propertyTable(properties),
    ...[sourcesList(properties.sources)].filter((x): x is HTMLElement => x !== null),
  );
  target.dataset.edge = edge;
  delete target.dataset.node;
}
