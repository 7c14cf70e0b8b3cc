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
  if (expanding) return order > 1000 ? 60 : 150;
  return Math.round(Math.min(800, Math.max(100, 5000 / Math.sqrt(Math.max(order, 1)))));
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

/** Below this many nodes ForceAtlas2 runs on the page: all its rounds take less than one worker round trip. */
const WORKER_FROM = 100;

/**
 * Runs ForceAtlas2 for `iterations` rounds: in its web worker (until MAX_LAYOUT_MS at most) for a
 * graph big enough to make the page stutter, directly for a small one.
 */
function runForceAtlas2(graph: Graph, iterations: number): Promise<void> {
  if (graph.order < 2 || graph.size === 0) return Promise.resolve();
  if (graph.order < WORKER_FROM) {
    forceAtlas2.assign(graph, { iterations, settings: settingsFor(graph.order) });
    return Promise.resolve();
  }
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

/**
 * Pushes overlapping discs apart (sizes are radii): noverlap first, then, for what it leaves on a
 * big crowded graph, pairwise pushes along the line between the two centres until none overlap.
 */
export function removeOverlaps(graph: Graph, sizes: Map<string, number>): void {
  // noverlap compares the nodes that share a cell of a gridSize x gridSize grid: about a handful
  // per cell keeps each of its iterations linear.
  const gridSize = Math.max(20, Math.ceil(Math.sqrt(graph.order) * 1.5));
  noverlap.assign(graph, {
    maxIterations: graph.order > 500 ? 60 : 200,
    inputReducer: (key, attr) => ({ x: attr.x, y: attr.y, size: sizes.get(key) ?? 1 }),
    outputReducer: (_key, attr) => ({ x: attr.x, y: attr.y }),
    settings: { margin: NODE_GAP, ratio: 1, expansion: 1.1, gridSize, speed: 3 },
  });
  separate(graph, sizes);
}

/** Overlapping pairs, found through a grid of cells as wide as the biggest disc. */
function overlaps(nodes: Array<{ id: string; x: number; y: number; r: number }>): Array<[number, number]> {
  const cell = 2 * Math.max(...nodes.map((n) => n.r)) + NODE_GAP;
  const grid = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const key = `${Math.floor(n.x / cell)},${Math.floor(n.y / cell)}`;
    grid.set(key, [...(grid.get(key) ?? []), i]);
  });
  const pairs: Array<[number, number]> = [];
  nodes.forEach((n, i) => {
    const [cx, cy] = [Math.floor(n.x / cell), Math.floor(n.y / cell)];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (j <= i) continue;
          const m = nodes[j];
          if (Math.hypot(n.x - m.x, n.y - m.y) < n.r + m.r + NODE_GAP / 2) pairs.push([i, j]);
        }
      }
    }
  });
  return pairs;
}

function separate(graph: Graph, sizes: Map<string, number>): void {
  const nodes = graph.mapNodes((id, a) => ({ id, x: a.x as number, y: a.y as number, r: sizes.get(id) ?? 1 }));
  if (nodes.length < 2) return;
  for (let round = 0; round < 100; round++) {
    const pairs = overlaps(nodes);
    if (pairs.length === 0) break;
    for (const [i, j] of pairs) {
      const [a, b] = [nodes[i], nodes[j]];
      let [dx, dy] = [b.x - a.x, b.y - a.y];
      let d = Math.hypot(dx, dy);
      // Two nodes on the same spot: apart along a direction that depends on their order only.
      if (d < 1e-6) [dx, dy, d] = [Math.cos(i + j), Math.sin(i + j), 1];
      const push = (a.r + b.r + NODE_GAP - d) / 2;
      a.x -= (dx / d) * push;
      a.y -= (dy / d) * push;
      b.x += (dx / d) * push;
      b.y += (dy / d) * push;
    }
  }
  for (const n of nodes) graph.mergeNodeAttributes(n.id, { x: n.x, y: n.y });
}

/** At most this share of the drawing's area is covered by discs, so that noverlap has room to work. */
const MAX_DENSITY = 0.12;

/**
 * How much more than `k` a layout must be spread for its discs to cover at most MAX_DENSITY of its
 * area (a 2,000-node graph with hubs packs its middle much tighter than its median edge says).
 */
function spreadFor(graph: Graph, sizes: Map<string, number>, k: number): number {
  let [minX, maxX, minY, maxY, discs] = [Infinity, -Infinity, Infinity, -Infinity, 0];
  graph.forEachNode((id, a) => {
    minX = Math.min(minX, a.x * k);
    maxX = Math.max(maxX, a.x * k);
    minY = Math.min(minY, a.y * k);
    maxY = Math.max(maxY, a.y * k);
    discs += Math.PI * (sizes.get(id) ?? 1) ** 2;
  });
  const area = Math.max(1, (maxX - minX) * (maxY - minY));
  return Math.max(1, Math.sqrt(discs / area / MAX_DENSITY));
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
  await runForceAtlas2(graph, iterations);
  const sizes = new Map(input.nodes.map((n) => [n.id, n.size]));
  const k = scale ?? TARGET_EDGE_LENGTH / medianEdgeLength(graph) * spreadFor(graph, sizes, TARGET_EDGE_LENGTH / medianEdgeLength(graph));
  graph.updateEachNodeAttributes((_id, a) => ({ ...a, x: a.x * k, y: a.y * k }));
  removeOverlaps(graph, sizes);
  const positions: Positions = new Map();
  graph.forEachNode((id, a) => positions.set(id, { x: a.x, y: a.y }));
  return { positions, scale: k };
}
