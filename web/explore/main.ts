// The explorer at /explore/: a node's neighborhood drawn with sigma; a click expands a node, search
// finds one (in English or Korean), and each node links to its query in the playground.
import "./style.css";
import * as api from "./api";
import { GraphView } from "./graph-view";
import { TYPE_STYLE } from "./palette";
import { NEIGHBORHOOD_QUERY, NODE_TYPES, nodeQuery, playgroundLink, type NodeType } from "./queries";

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const view = new GraphView($("#graph"));
const status = $("#status");
const details = $("#details");
/** Hops fetched when a node is expanded (the "Expand by" menu); the first view shows two. */
let depth = 1;
const START_DEPTH = 2;

function say(text: string, isError = false): void {
  status.textContent = text;
  status.classList.toggle("error", isError);
}

function counts(): string {
  return `${view.graph.order} nodes · ${view.graph.size} edges`;
}

function renderLegend(): void {
  const present = new Map<NodeType, number>();
  view.graph.forEachNode((_n, a) => present.set(a.nodeType, (present.get(a.nodeType) ?? 0) + 1));
  $("#legend").replaceChildren(
    ...NODE_TYPES.map((type) => {
      const item = document.createElement("li");
      item.className = present.has(type) ? "" : "absent";
      item.innerHTML = `<span class="swatch" style="background:${TYPE_STYLE[type].color}"></span>`;
      item.append(`${TYPE_STYLE[type].name}`, Object.assign(document.createElement("span"), { className: "count", textContent: String(present.get(type) ?? 0) }));
      return item;
    }),
  );
}

function cell(text: string): HTMLElement {
  return Object.assign(document.createElement("td"), { textContent: text });
}

/** The side panel for one node: its properties and links to the playground and the exports. */
function showDetails(id: string): void {
  const a = view.graph.getNodeAttributes(id);
  const title = document.createElement("h2");
  title.textContent = a.name;
  const kind = Object.assign(document.createElement("p"), { className: "kind", textContent: TYPE_STYLE[a.nodeType].name });
  kind.style.setProperty("--c", TYPE_STYLE[a.nodeType].color);
  const table = document.createElement("table");
  for (const [key, value] of Object.entries(a.properties)) {
    if (value === null || (Array.isArray(value) && value.length === 0) || key.endsWith("Sources")) continue;
    const row = document.createElement("tr");
    row.append(cell(key), cell(Array.isArray(value) ? value.join(", ") : String(value)));
    table.append(row);
  }
  const links = document.createElement("p");
  links.className = "links";
  const link = (text: string, href: string, cls: string) => Object.assign(document.createElement("a"), { textContent: text, href, className: cls });
  links.append(
    link("Open in GraphiQL", playgroundLink(nodeQuery(a.nodeType), { id }), "graphiql-link"),
    link("Neighborhood query", playgroundLink(NEIGHBORHOOD_QUERY, { id, depth }), "graphiql-neighborhood"),
    link("GEXF", `/export/graph.gexf?around=${encodeURIComponent(id)}&depth=${depth}`, "export"),
    link("GraphML", `/export/graph.graphml?around=${encodeURIComponent(id)}&depth=${depth}`, "export"),
  );
  details.replaceChildren(title, kind, links, table);
  details.dataset.node = id;
}

/** Fetches the neighborhood of `id` and merges it into the drawing. */
async function expand(id: string, hops = depth): Promise<void> {
  say("Loading…");
  try {
    const slice = await api.neighborhood(id, hops);
    if (!slice) return say("That node is gone from the graph.", true);
    const added = view.merge(slice, id);
    view.graph.setNodeAttribute(id, "expanded", true);
    renderLegend();
    say(`${counts()}${added.length ? ` · +${added.length} from ${view.graph.getNodeAttribute(id, "name")}` : " · nothing new"}${slice.truncated ? " · cut at 100 nodes" : ""}`);
  } catch (error) {
    say(`Could not load: ${(error as Error).message}`, true);
  }
}

async function select(id: string): Promise<void> {
  view.setFocus(id);
  showDetails(id);
  if (!view.graph.getNodeAttribute(id, "expanded")) await expand(id);
  showDetails(id);
}

/** Starts over from one node. */
async function start(id: string): Promise<void> {
  view.clear();
  await expand(id, START_DEPTH);
  view.setFocus(null);
  if (view.graph.hasNode(id)) showDetails(id);
  view.fit();
}

function wireSearch(): void {
  const form = $<HTMLFormElement>("#search");
  const input = $<HTMLInputElement>("#search-text");
  const results = $<HTMLUListElement>("#results");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    try {
      const hits = await api.search(text);
      results.replaceChildren(
        ...hits.map((hit) => {
          const item = document.createElement("li");
          const button = document.createElement("button");
          button.type = "button";
          const type = hit.__typename.toUpperCase() as NodeType;
          button.innerHTML = `<span class="swatch" style="background:${TYPE_STYLE[type].color}"></span>`;
          button.append(hit.name, Object.assign(document.createElement("small"), { textContent: [hit.nameKo, hit.__typename].filter(Boolean).join(" · ") }));
          button.addEventListener("click", async () => {
            results.replaceChildren();
            if (view.graph.hasNode(hit.id)) await select(hit.id);
            else await start(hit.id);
            view.setFocus(hit.id);
          });
          item.append(button);
          return item;
        }),
      );
      if (hits.length === 0) results.replaceChildren(Object.assign(document.createElement("li"), { className: "none", textContent: `Nothing matches “${text}”.` }));
    } catch (error) {
      say(`Search failed: ${(error as Error).message}`, true);
    }
  });
}

function wireControls(): void {
  $<HTMLSelectElement>("#depth").addEventListener("change", (e) => (depth = Number((e.target as HTMLSelectElement).value)));
  $<HTMLInputElement>("#edge-labels").addEventListener("change", (e) => view.renderer.setSetting("renderEdgeLabels", (e.target as HTMLInputElement).checked));
  $("#fit").addEventListener("click", () => view.fit());
  view.renderer.on("clickNode", ({ node }) => void select(node));
  view.renderer.on("clickStage", () => view.setFocus(null));
  view.renderer.on("enterNode", () => ($("#graph").style.cursor = "pointer"));
  view.renderer.on("leaveNode", () => ($("#graph").style.cursor = ""));
}

async function main(): Promise<void> {
  wireSearch();
  wireControls();
  renderLegend();
  // ?id=<global id> starts from that node; GPT-4 otherwise.
  const id = new URLSearchParams(location.search).get("id") ?? (await api.modelId("gpt-4"));
  if (!id) return say("GPT-4 is not in the graph; search for a node to start.", true);
  await start(id);
}

// For tests and curious users: the graph, the renderer and what the explorer does.
declare global {
  interface Window {
    explorer: { view: GraphView; expand: typeof expand; select: typeof select; ready: Promise<void> };
  }
}
window.explorer = { view, expand, select, ready: main().finally(() => (document.body.dataset.state = "ready")) };
