// The explorer at /explore/: a node's neighborhood drawn with sigma; a click on a node selects and
// expands it, a click on an edge shows its facts and sources; search as you type (in English or
// Korean); filters by kind and model year; only the path between two nodes; undo.
import "./style.css";
import * as api from "./api";
import { GraphView, type SizeMeasure, type ViewSnapshot } from "./graph-view";
import { TYPE_STYLE } from "./palette";
import { showEdge, showNode, type PanelActions } from "./panel";
import { NODE_TYPES, type NodeType } from "./queries";
import { wireSearch } from "./search-box";

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
/** On a phone the panel is a sheet over the drawing's bottom: framing keeps that part clear. */
const sheetInset = () => {
  const graph = $("#graph").getBoundingClientRect();
  const panel = $("#panel").getBoundingClientRect();
  return { bottom: panel.left <= graph.left && panel.top < graph.bottom ? graph.bottom - panel.top : 0 };
};
const view = new GraphView($("#graph"), sheetInset);
const status = $("#status");
const details = $("#details");
/** Hops fetched when a node is expanded (the "Expand by" menu); the first view shows two. */
let depth = 1;
const START_DEPTH = 2;
const hiddenTypes = new Set<NodeType>();
/** Drawings before each expansion, newest last, for undo. */
const history: Array<{ snapshot: ViewSnapshot; what: string }> = [];
const HISTORY_LIMIT = 30;
let pathStart: string | null = null;

function say(text: string, isError = false): void {
  status.textContent = text;
  status.classList.toggle("error", isError);
}

function counts(): string {
  return `${view.graph.order} nodes · ${view.graph.size} edges`;
}

function remember(what: string): void {
  if (view.graph.order === 0) return;
  history.push({ snapshot: view.snapshot(), what });
  if (history.length > HISTORY_LIMIT) history.shift();
  renderHistory();
}

function renderHistory(): void {
  const undo = $<HTMLButtonElement>("#undo");
  undo.disabled = history.length === 0;
  undo.title = history.length ? `Undo: ${history.at(-1)!.what}` : "Nothing to undo";
  $("#undo-count").textContent = history.length ? String(history.length) : "";
}

function undo(): void {
  const last = history.pop();
  if (!last) return;
  view.restore(last.snapshot);
  renderHistory();
  renderLegend();
  renderYears();
  renderPathBar();
  details.replaceChildren();
  say(`${counts()} · undid ${last.what}`);
}

function renderLegend(): void {
  const present = new Map<NodeType, number>();
  view.graph.forEachNode((_n, a) => present.set(a.nodeType, (present.get(a.nodeType) ?? 0) + 1));
  $("#legend").replaceChildren(
    ...NODE_TYPES.map((type) => {
      const item = document.createElement("li");
      item.className = present.has(type) ? "" : "absent";
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.type = type;
      button.setAttribute("aria-pressed", String(!hiddenTypes.has(type)));
      button.title = hiddenTypes.has(type) ? `Show ${TYPE_STYLE[type].name} nodes` : `Hide ${TYPE_STYLE[type].name} nodes`;
      const swatch = Object.assign(document.createElement("span"), { className: "swatch" });
      swatch.style.background = TYPE_STYLE[type].color;
      button.append(swatch, TYPE_STYLE[type].name, Object.assign(document.createElement("span"), { className: "count", textContent: String(present.get(type) ?? 0) }));
      button.addEventListener("click", () => {
        if (hiddenTypes.has(type)) hiddenTypes.delete(type);
        else hiddenTypes.add(type);
        view.setHiddenTypes(hiddenTypes);
        renderLegend();
      });
      item.append(button);
      return item;
    }),
  );
}

/** The year inputs span the drawn models' release years; an untouched range filters nothing. */
function renderYears(): void {
  const span = view.modelYears();
  const from = $<HTMLInputElement>("#year-from");
  const to = $<HTMLInputElement>("#year-to");
  $("#years").hidden = span === null;
  if (!span) return;
  for (const input of [from, to]) {
    input.min = String(span[0]);
    input.max = String(span[1]);
  }
  if (!from.value) from.placeholder = String(span[0]);
  if (!to.value) to.placeholder = String(span[1]);
}

function applyYears(): void {
  const from = Number($<HTMLInputElement>("#year-from").value) || -Infinity;
  const to = Number($<HTMLInputElement>("#year-to").value) || Infinity;
  view.setYearRange(from === -Infinity && to === Infinity ? null : [from, to]);
}

function renderPathBar(): void {
  $("#path-bar").hidden = !view.showingOnlyPath;
}

const actions: PanelActions = {
  select: (node) => void select(node),
  pathFrom: (node) => {
    pathStart = node;
    showNode(details, view, node, actions);
    say(`Path from ${view.graph.getNodeAttribute(node, "name")}: now select the other end.`);
  },
  showPath: (from, to) => void showPath(from, to),
  pathStart: () => pathStart,
  depth: () => depth,
};

/** Fetches the neighborhood of `id`, merges it into the drawing and frames what came in. */
async function expand(id: string, hops = depth): Promise<void> {
  say("Loading…");
  try {
    const slice = await api.neighborhood(id, hops);
    if (!slice) return say("That node is gone from the graph.", true);
    remember(`expanding ${view.graph.hasNode(id) ? view.graph.getNodeAttribute(id, "name") : "a node"}`);
    say("Laying out…");
    const added = await view.merge(slice, id);
    view.graph.setNodeAttribute(id, "expanded", true);
    renderLegend();
    renderYears();
    if (added.length) await view.frame([id, ...added]);
    say(`${counts()}${added.length ? ` · +${added.length} from ${view.graph.getNodeAttribute(id, "name")}` : " · nothing new"}${slice.truncated ? ` · cut at ${api.NEIGHBORHOOD_LIMIT} nodes` : ""}`);
  } catch (error) {
    say(`Could not load: ${(error as Error).message}`, true);
  }
}

async function select(id: string): Promise<void> {
  view.setFocus(id);
  showNode(details, view, id, actions);
  if (!view.graph.getNodeAttribute(id, "expanded")) await expand(id);
  if (view.graph.hasNode(id)) {
    view.setFocus(id);
    showNode(details, view, id, actions);
  }
}

function selectEdge(edge: string): void {
  view.setEdgeFocus(edge);
  showEdge(details, view, edge, actions);
}

/** Starts over from one node. */
async function start(id: string): Promise<void> {
  remember("starting over");
  view.clear();
  pathStart = null;
  view.showOnly(null);
  renderPathBar();
  await expand(id, START_DEPTH);
  if (!view.graph.hasNode(id)) return;
  view.graph.setNodeAttribute(id, "expanded", true);
  view.setFocus(null);
  showNode(details, view, id, actions);
  await view.fit(0);
}

/** Draws only a shortest path between two nodes (fetching the nodes on it that are not drawn). */
async function showPath(from: string, to: string): Promise<void> {
  say("Finding a path…");
  try {
    const slice = await api.path(from, to);
    const names = [from, to].map((n) => view.graph.getNodeAttribute(n, "name"));
    if (!slice) return say(`No path of at most 6 hops from ${names[0]} to ${names[1]}.`, true);
    remember(`the path from ${names[0]} to ${names[1]}`);
    await view.merge(slice, from);
    view.setFocus(null);
    view.showOnly(slice.nodes.map((n) => n.id));
    pathStart = null;
    showNode(details, view, to, actions);
    renderLegend();
    renderPathBar();
    await view.fit();
    say(`Path from ${names[0]} to ${names[1]}: ${slice.edges.length} hops`);
  } catch (error) {
    say(`Could not find a path: ${(error as Error).message}`, true);
  }
}

async function pick(hit: api.SearchHit): Promise<void> {
  if (view.graph.hasNode(hit.id)) {
    if (view.isHidden(hit.id)) {
      view.showOnly(null);
      renderPathBar();
    }
    await view.frame([hit.id, ...view.graph.neighbors(hit.id)]);
    await select(hit.id);
  } else {
    await start(hit.id);
    view.setFocus(hit.id);
  }
}

function wireControls(): void {
  $<HTMLSelectElement>("#depth").addEventListener("change", (e) => (depth = Number((e.target as HTMLSelectElement).value)));
  $<HTMLSelectElement>("#size-by").addEventListener("change", (e) => void view.setSizeMeasure((e.target as HTMLSelectElement).value as SizeMeasure));
  $("#fit").addEventListener("click", () => void view.fit());
  $("#undo").addEventListener("click", undo);
  $("#show-all").addEventListener("click", () => {
    view.showOnly(null);
    renderPathBar();
    void view.fit();
  });
  for (const id of ["#year-from", "#year-to"]) $(id).addEventListener("input", applyYears);
  $("#year-reset").addEventListener("click", () => {
    $<HTMLInputElement>("#year-from").value = "";
    $<HTMLInputElement>("#year-to").value = "";
    applyYears();
  });
  $("#sheet-toggle").addEventListener("click", () => document.body.classList.toggle("sheet-open"));
  view.renderer.on("clickNode", ({ node }) => void select(node));
  view.renderer.on("clickEdge", ({ edge }) => selectEdge(edge));
  view.renderer.on("clickStage", () => view.setFocus(null));
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "z" && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      undo();
    }
  });
}

async function main(): Promise<void> {
  wireSearch($<HTMLInputElement>("#search-text"), $<HTMLUListElement>("#results"), (hit) => void pick(hit), (message) => say(`Search failed: ${message}`, true));
  wireControls();
  renderLegend();
  renderHistory();
  // ?id=<global id> starts from that node; GPT-4 otherwise.
  const id = new URLSearchParams(location.search).get("id") ?? (await api.modelId("gpt-4"));
  if (!id) return say("GPT-4 is not in the graph; search for a node to start.", true);
  await start(id);
  history.length = 0;
  renderHistory();
}

// For tests and curious users: the graph, the renderer and what the explorer does.
declare global {
  interface Window {
    explorer: {
      view: GraphView;
      expand: typeof expand;
      select: typeof select;
      selectEdge: typeof selectEdge;
      start: typeof start;
      showPath: typeof showPath;
      undo: typeof undo;
      ready: Promise<void>;
    };
  }
}
window.explorer = { view, expand, select, selectEdge, start, showPath, undo, ready: main().finally(() => (document.body.dataset.state = "ready")) };
