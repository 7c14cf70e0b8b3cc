// Where nodes go: ForceAtlas2 in a web worker (the page stays responsive), on a copy of the graph in
// ForceAtlas2's own scale, then scaled so that a typical edge is long enough for a label, then
// noverlap so that no two nodes overlap. Positions are graph units, which the view draws 1:1 as
// pixels at zoom 1 (sigma's autoRescale is off), and node sizes are radii in the same units.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";

export type Positions = Map<string, { x: number; y: number }>;

/** What the layout reads of the drawn graph. */
export interface LayoutInput {
  nodes: Array<{ id: string; x: number; y: number; size: number; fixed: boolean }>;
  edges: Array<{ source: string; target: string }>;
}

/** Median edge length after scaling, in graph units (= pixels at zoom 1): room for a label or two. */
export const TARGET_EDGE_LENGTH = 110;
/** Gap noverlap keeps between two node discs. */
export const NODE_GAP = 4;
/** A layout never runs longer than this, whatever its iteration budget (a slow machine). */
const MAX_LAYOUT_MS = 8000;

/**
 * Iterations of ForceAtlas2: small graphs converge fast and can afford many; a 2,000-node graph
 * gets fewer (each one costs more), with Barnes-Hut on.
 */
export function iterationBudget(order: number, expanding: boolean): number {
  if (expanding) return order > 1000 ? 80 : 150;
  return Math.round(Math.min(800, Math.max(150, 6000 / Math.sqrt(Math.max(order, 1)))));
}

/** ForceAtlas2 settings for a graph of `order` nodes: graphology's inferred ones, Barnes-Hut from 300 nodes. */
export function settingsFor(order: number) {
  return { ...forceAtlas2.inferSettings(order), barnesHutOptimize: order > 300, adjustSizes: false };
}

function layoutGraph(input: LayoutInput, scale: number): Graph {
  const graph = new Graph({ type: "directed", multi: true });
  for (const n of input.nodes) graph.addNode(n.id, { x: n.x / scale, y: n.y / scale, fixed: n.fixed });
  for (const e of input.edges) if (e.source !== e.target) graph.addEdge(e.source, e.target);
  return graph;
}

/** Runs ForceAtlas2 in its worker for `iterations` rounds (or until MAX_LAYOUT_MS), then stops it. */
function runWorker(graph: Graph, iterations: number): Promise<void> {
  if (graph.order < 2 || graph.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const worker = new FA2Layout(graph, { settings: settingsFor(graph.order) });
    let done = 0;
    const finish = () => {
      graph.removeListener("eachNodeAttributesUpdated", onIteration);
      clearTimeout(timer);
      // Stopped now, killed after the supervisor's message handler (which is running) returns.
      worker.stop();
      setTimeout(() => {
        worker.kill();
        resolve();
      }, 0);
    };
    // The supervisor writes every round's positions with one updateEachNodeAttributes call.
    const onIteration = () => {
      if (++done === iterations) finish();
    };
    const timer = setTimeout(finish, MAX_LAYOUT_MS);
    graph.on("eachNodeAttributesUpdated", onIteration);
    worker.start();
  });
}

function medianEdgeLength(graph: Graph): number {
  const lengths = graph.mapEdges((_e, _a, _s, _t, sa, ta) => Math.hypot(sa.x - ta.x, sa.y - ta.y)).filter((l) => l > 0).sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor(lengths.length / 2)] : 1;
}

/** Pushes overlapping discs apart (sizes are radii), a few passes until none overlap. */
export function removeOverlaps(graph: Graph, sizes: Map<string, number>): void {
  for (let pass = 0; pass < 4; pass++) {
    noverlap.assign(graph, {
      maxIterations: 400,
      inputReducer: (key, attr) => ({ x: attr.x, y: attr.y, size: sizes.get(key) ?? 1 }),
      outputReducer: (_key, attr) => ({ x: attr.x, y: attr.y }),
      settings: { margin: NODE_GAP, ratio: 1, expansion: 1.1, gridSize: 20, speed: 3 },
    });
    if (!hasOverlap(graph, sizes)) return;
  }
}

function hasOverlap(graph: Graph, sizes: Map<string, number>): boolean {
  const nodes = graph.mapNodes((id, a) => ({ id, x: a.x as number, y: a.y as number, r: sizes.get(id) ?? 1 }));
  nodes.sort((a, b) => a.x - a.r - (b.x - b.r));
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length && nodes[j].x - nodes[j].r < nodes[i].x + nodes[i].r; j++) {
      if (Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y) < nodes[i].r + nodes[j].r) return true;
    }
  }
  return false;
}

export interface LayoutResult {
  positions: Positions;
  /** Graph units per ForceAtlas2 unit: later layouts of the same drawing run at the same scale. */
  scale: number;
}

/**
 * Lays out `input`: ForceAtlas2 moves the nodes that are not fixed, then everything is scaled
 * (only on a first layout, `scale` null) and overlaps removed.
 */
export async function computeLayout(input: LayoutInput, scale: number | null, iterations: number): Promise<LayoutResult> {
  const graph = layoutGraph(input, scale ?? 1);
  await runWorker(graph, iterations);
  const k = scale ?? TARGET_EDGE_LENGTH / medianEdgeLength(graph);
  graph.updateEachNodeAttributes((_id, a) => ({ ...a, x: a.x * k, y: a.y * k }));
  removeOverlaps(graph, new Map(input.nodes.map((n) => [n.id, n.size])));
  const positions: Positions = new Map();
  graph.forEachNode((id, a) => positions.set(id, { x: a.x, y: a.y }));
  return { positions, scale: k };
}
