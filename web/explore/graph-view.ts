// The drawing: a graphology multigraph rendered by sigma 4 (WebGL), laid out with ForceAtlas2.
// Slices from the API merge into it, so expanding a node keeps what is already on screen.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma, { DEFAULT_STYLES } from "sigma";
import { extremityArrow, layerFill, sdfCircle } from "sigma/rendering";
import type { GraphSlice, SliceNode } from "./api";
import { DIMMED, EDGE_COLOR, TYPE_STYLE } from "./palette";

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  /** What the drawing shows: the name, cut short. */
  label: string;
  name: string;
  nodeType: SliceNode["type"];
  properties: Record<string, unknown>;
  /** Its neighborhood has been fetched and merged. */
  expanded: boolean;
}

export interface EdgeAttributes {
  label: string;
  color: string;
  size: number;
}

/** Long names (a research institute's) would run across their neighbours; the panel shows them whole. */
function shortLabel(name: string): string {
  return name.length > 28 ? `${name.slice(0, 26).trimEnd()}…` : name;
}

/** Dimmed: something is in focus and this is neither it nor one of its neighbours. */
const dimmed = (_a: unknown, state: { isHighlighted: boolean }, graph: { hasHighlighted: boolean }) => graph.hasHighlighted && !state.isHighlighted;

export class GraphView {
  readonly graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: "directed" });
  readonly renderer: Sigma<NodeAttributes, EdgeAttributes>;
  private focus: string | null = null;

  constructor(container: HTMLElement) {
    this.renderer = new Sigma(this.graph, container, {
      primitives: {
        nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
        edges: { extremities: [extremityArrow()] },
      },
      styles: {
        nodes: [
          DEFAULT_STYLES.nodes,
          { labelVisibility: "visible", labelSize: 13, labelFont: "system-ui, sans-serif", labelColor: "#1d2130", cursor: "pointer" },
          { when: dimmed, then: { color: DIMMED, labelColor: "#b5b8c2" } },
        ],
        edges: [
          DEFAULT_STYLES.edges,
          { head: "arrow", labelSize: 10, labelColor: "#6b7080", labelFont: "system-ui, sans-serif" },
          { when: dimmed, then: { color: DIMMED, labelVisibility: "hidden" }, else: { labelVisibility: "auto" } },
        ],
      },
      // Sizes in screen pixels (v4 defaults to graph units); the camera frames nodes and their labels.
      settings: { renderEdgeLabels: true, labelRenderedSizeThreshold: 0, labelDensity: 1, stagePadding: 40, itemSizesReference: "screen", autoRescaleContent: "labels" },
    });
  }

  /** Adds the slice's nodes and edges that are not drawn yet; new nodes start around `anchor`. */
  merge(slice: GraphSlice, anchor: string | null): string[] {
    const origin = anchor && this.graph.hasNode(anchor) ? this.graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
    const added = slice.nodes.filter((n) => !this.graph.hasNode(n.id));
    added.forEach((n, i) => {
      // On a circle around the anchor; ForceAtlas2 then spreads them. No randomness: the same
      // slices always give the same picture.
      const angle = (2 * Math.PI * i) / Math.max(1, added.length);
      const radius = n.id === anchor ? 0 : 10;
      this.graph.addNode(n.id, {
        x: origin.x + radius * Math.cos(angle),
        y: origin.y + radius * Math.sin(angle),
        size: 8,
        color: TYPE_STYLE[n.type]?.color ?? "#444",
        label: shortLabel(n.label),
        name: n.label,
        nodeType: n.type,
        properties: n.properties,
        expanded: false,
      });
    });
    for (const e of slice.edges) {
      if (!this.graph.hasEdge(e.id)) this.graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { label: e.type, color: EDGE_COLOR, size: 2 });
    }
    this.resize();
    this.layout(added.length > 0 ? 200 : 0);
    this.setFocus(this.focus);
    return added.map((n) => n.id);
  }

  /** Node size grows with its degree, so hubs stand out. */
  private resize(): void {
    this.graph.forEachNode((node) => this.graph.setNodeAttribute(node, "size", 9 + 4 * Math.sqrt(this.graph.degree(node))));
  }

  private layout(iterations: number): void {
    if (iterations === 0 || this.graph.order < 2) return;
    const settings = { ...forceAtlas2.inferSettings(this.graph), scalingRatio: 30, gravity: 0.3, barnesHutOptimize: false };
    forceAtlas2.assign(this.graph, { iterations, settings });
  }

  /** Dims everything but `node` and its neighbours (null: nothing dimmed). */
  setFocus(node: string | null): void {
    this.focus = node && this.graph.hasNode(node) ? node : null;
    this.renderer.setNodesState(this.graph.nodes(), { isHighlighted: false });
    this.renderer.setEdgesState(this.graph.edges(), { isHighlighted: false });
    if (!this.focus) return;
    this.renderer.setNodesState([this.focus, ...this.graph.neighbors(this.focus)], { isHighlighted: true });
    this.renderer.setEdgesState(this.graph.edges(this.focus), { isHighlighted: true });
  }

  /** Frames the whole graph. */
  fit(): Promise<void> {
    return this.renderer.getCamera().reset({ duration: 300 });
  }

  /** Where a node is drawn, in page pixels (for tests that click it). */
  screenPosition(node: string): { x: number; y: number } {
    const { x, y } = this.renderer.graphToViewport(this.graph.getNodeAttributes(node));
    const box = this.renderer.getContainer().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }

  clear(): void {
    this.focus = null;
    this.graph.clear();
  }
}
