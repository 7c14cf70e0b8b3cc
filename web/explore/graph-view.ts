// The drawing: a graphology multigraph rendered by sigma 4 (WebGL). Slices from the API merge into
// it; web/explore/layout.ts places the nodes, web/explore/labels.ts decides which labels are drawn.
// Filters (kinds, model years, only a path) hide nodes without removing them, so they come back.
import Graph from "graphology";
import type { Attributes, SerializedGraph } from "graphology-types";
import Sigma, { DEFAULT_STYLES } from "sigma";
import { extremityArrow, layerFill, pathCurved, pathLine, sdfCircle } from "sigma/rendering";
import type { CameraState, NodeDisplayData } from "sigma/types";
import type { GraphSlice, SliceEdge, SliceNode } from "./api";
import { type Box, type LabelCandidate, type LabelSide, type LabelSlot, placeLabels, sidesAwayFrom } from "./labels";
import { computeLayout, iterationBudget, TARGET_EDGE_LENGTH, type LayoutInput } from "./layout";
import { DIMMED, EDGE_COLOR, EDGE_HIGHLIGHT, TYPE_STYLE } from "./palette";
import type { NodeType } from "./queries";

export interface NodeAttributes {
  x: number;
  y: number;
  /** Radius in graph units (= pixels at zoom 1). */
  size: number;
  color: string;
  /** What the drawing shows: the name, cut short. */
  label: string;
  name: string;
  nodeType: NodeType;
  properties: Record<string, unknown>;
  /** Year of a model's release, for the year range; null for other kinds or an unknown date. */
  year: number | null;
  /** Its neighborhood has been fetched and merged. */
  expanded: boolean;
}

export interface EdgeAttributes {
  label: string;
  color: string;
  size: number;
  relationship: string;
  properties: Record<string, unknown>;
}

interface NodeState {
  labelSlot: LabelSlot;
}

interface EdgeState {
  /** Its label is drawn: the selected edge, or one of a selected node's few edges. */
  labelShown: boolean;
}

export type SizeMeasure = "degree" | "compute";

/** What undo needs to put the drawing back as it was. */
export interface ViewSnapshot {
  graph: SerializedGraph<NodeAttributes, EdgeAttributes>;
  scale: number | null;
  camera: CameraState;
}

const MIN_SIZE = 5;
const MAX_SIZE = 26;
const LABEL_FONT = "system-ui, 'Noto Sans KR', 'Noto Sans CJK KR', sans-serif";
const LABEL_SIZE = 13;
/** Pixels kept around what the camera frames (labels run to the right of their nodes). */
const FRAME_PADDING = { x: 90, y: 40 };
const NULL_CAMERA = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
/** From this many edges a drawing is big: see tuneForSize and cameraMoved. */
const BIG_FROM_EDGES = 1500;
/** The camera rests when it has not moved for this long. */
const CAMERA_REST_MS = 150;
/** A selected node's edge labels are drawn when it has at most this many edges. */
const MAX_EDGE_LABELS = 12;

/** Long names (a research institute's) would run across their neighbours; the panel shows them whole. */
function shortLabel(name: string): string {
  return name.length > 28 ? `${name.slice(0, 26).trimEnd()}…` : name;
}

function releaseYear(node: SliceNode): number | null {
  const date = node.properties.releaseDate;
  return typeof date === "string" && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null;
}

const COMPACT = new Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 4 });
const compact = (value: unknown) => (typeof value === "number" ? COMPACT.format(value) : String(value ?? "?"));

/** What an edge says on hover: its type, and its figures when it carries some. */
function edgeLabel(e: SliceEdge): string {
  const p = e.properties;
  const type = e.type.toLowerCase().replace(/_/g, " ");
  if (e.type === "OBSERVED" && p.year != null) return `${p.year}: ${compact(p.value)}`;
  if (e.type === "SCORED" && p.score != null) return `score ${compact(p.score)}`;
  return type;
}

/** Dimmed: something is in focus and this is neither it nor one of its neighbours. */
const dimmed = (_a: unknown, state: { isHighlighted: boolean }, graph: { hasHighlighted: boolean }) => graph.hasHighlighted && !state.isHighlighted;

export class GraphView {
  readonly graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: "directed" });
  readonly renderer: Sigma<NodeAttributes, EdgeAttributes, Attributes, NodeState, EdgeState>;
  /** Resolves when the last layout and its animation have finished. */
  settled: Promise<void> = Promise.resolve();
  sizeBy: SizeMeasure = "degree";

  private scale: number | null = null;
  private selectedNode: string | null = null;
  private selectedEdge: string | null = null;
  private hoveredNode: string | null = null;
  private hiddenTypes = new Set<NodeType>();
  private years: [number, number] | null = null;
  private onlyPath: Set<string> | null = null;
  private labelsDirty = true;
  private labelBoxCache = new Map<string, Record<LabelSide, Box>>();
  private layoutRun = 0;
  private togglingEdgeEvents = false;
  private restTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param insets Pixels of the drawing covered by something else (the bottom sheet on a phone),
   * which framing keeps clear.
   */
  constructor(container: HTMLElement, private readonly insets: () => { bottom: number } = () => ({ bottom: 0 })) {
    this.renderer = new Sigma<NodeAttributes, EdgeAttributes, Attributes, NodeState, EdgeState>(this.graph, container, {
      primitives: {
        nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
        edges: { paths: [pathLine(), pathCurved()], extremities: [extremityArrow()] },
      },
      customNodeState: { labelSlot: "hidden" },
      customEdgeState: { labelShown: false },
      styles: {
        nodes: [
          DEFAULT_STYLES.nodes,
          { size: { attribute: "size" }, labelSize: LABEL_SIZE, labelFont: LABEL_FONT, labelColor: "#1d2130", cursor: "pointer" },
          { when: dimmed, then: { color: DIMMED, labelColor: "#9a9eab" } },
          {
            matchState: "labelSlot",
            cases: {
              hidden: { labelVisibility: "hidden" },
              right: { labelVisibility: "visible", labelPosition: "right" },
              left: { labelVisibility: "visible", labelPosition: "left" },
              above: { labelVisibility: "visible", labelPosition: "above" },
              below: { labelVisibility: "visible", labelPosition: "below" },
            },
          },
        ],
        edges: [
          DEFAULT_STYLES.edges,
          { head: "arrow", path: "line", parallelPath: "curved", labelSize: 11, labelColor: "#3d4254", labelFont: LABEL_FONT, cursor: "pointer", labelVisibility: "hidden" },
          { whenState: "isHighlighted", then: { color: EDGE_HIGHLIGHT } },
          // Edge labels only for the hovered edge and the selection's (a top-level rule has no `else` in sigma 4.0.4).
          { when: (_a, state) => state.isHovered || state.labelShown, then: { labelVisibility: "visible", color: EDGE_HIGHLIGHT } },
          { when: dimmed, then: { color: DIMMED } },
          { whenState: "isHovered", then: { size: 3 } },
        ],
      },
      settings: {
        renderEdgeLabels: true,
        enableEdgeEvents: true,
        edgePickingPadding: 5,
        // 1 graph unit = 1 pixel at zoom 1, so the layout's units are pixels and the camera alone
        // frames the drawing: adding nodes never rescales what is already on screen.
        autoRescale: false,
        // Node radii are graph units and scale with the zoom, so that nodes apart in the layout
        // stay apart at every zoom; labels keep their pixel size.
        itemSizesReference: "positions",
        zoomToSizeRatioFunction: (ratio) => ratio,
        // Unwanted labels need a node at least this big on screen (sigma's own threshold, read by labels.ts).
        labelRenderedSizeThreshold: 3,
        minCameraRatio: 0.05,
        maxCameraRatio: 40,
      },
    });
    this.renderer.on("afterRender", () => this.placeLabelsIfDirty());
    this.renderer.getCamera().on("updated", () => this.cameraMoved());
    this.renderer.on("resize", () => this.markLabelsDirty());
    this.renderer.on("enterNode", ({ node }) => this.setHovered(node));
    this.renderer.on("leaveNode", () => this.setHovered(null));
  }

  /** A big drawing hides its edges and labels while the camera moves (sigma's hideEdgesOnMove, hideLabelsOnMove). */
  private tuneForSize(): void {
    const big = this.isBig();
    if (this.renderer.getSetting("hideEdgesOnMove") !== big) this.renderer.setSettings({ hideEdgesOnMove: big, hideLabelsOnMove: big });
  }

  private isBig(): boolean {
    return this.graph.size >= BIG_FROM_EDGES;
  }

  /**
   * Labels are placed again for the new view: at once on a small drawing, once the camera rests on
   * a big one (its labels are hidden meanwhile). There, edges are not pickable while it moves
   * either: with edge events on, sigma draws every edge into its picking layer each frame.
   */
  private cameraMoved(): void {
    if (this.togglingEdgeEvents) return;
    if (!this.isBig()) return this.markLabelsDirty();
    const toggle = (on: boolean) => {
      this.togglingEdgeEvents = true;
      this.renderer.setSetting("enableEdgeEvents", on);
      this.togglingEdgeEvents = false;
    };
    if (this.renderer.getSetting("enableEdgeEvents")) toggle(false);
    clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => {
      toggle(true);
      this.markLabelsDirty();
      this.renderer.scheduleRender();
    }, CAMERA_REST_MS);
  }

  get selected(): { node: string | null; edge: string | null } {
    return { node: this.selectedNode, edge: this.selectedEdge };
  }

  // ---------------------------------------------------------------------------------------------
  // Content

  /**
   * Adds the slice's nodes and edges that are not drawn yet; new nodes start around `anchor` and
   * are laid out with the rest held in place. Resolves with the ids added, once laid out.
   */
  async merge(slice: GraphSlice, anchor: string | null): Promise<string[]> {
    const first = this.graph.order === 0;
    const added = slice.nodes.filter((n) => !this.graph.hasNode(n.id));
    const placement = first ? this.spiral(added.map((n) => n.id)) : this.aroundAnchor(slice, added, anchor);
    for (const n of added) {
      const at = placement.get(n.id) ?? { x: 0, y: 0 };
      this.graph.addNode(n.id, {
        ...at,
        size: MIN_SIZE,
        color: TYPE_STYLE[n.type]?.color ?? "#444",
        label: shortLabel(n.label),
        name: n.label,
        nodeType: n.type,
        properties: n.properties,
        year: releaseYear(n),
        expanded: false,
      });
    }
    for (const e of slice.edges) {
      if (this.graph.hasEdge(e.id)) continue;
      this.graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { label: edgeLabel(e), color: EDGE_COLOR, size: 1.5, relationship: e.type, properties: e.properties });
    }
    this.applySizes();
    this.applyVisibility();
    this.tuneForSize();
    const addedIds = added.map((n) => n.id);
    if (addedIds.length > 0) await this.relayout(first ? null : new Set(addedIds));
    return addedIds;
  }

  /** Starting places on a golden-angle spiral: spread, and the same for the same slice. */
  private spiral(ids: string[]): Map<string, { x: number; y: number }> {
    const golden = Math.PI * (3 - Math.sqrt(5));
    return new Map(ids.map((id, i) => [id, { x: 30 * Math.sqrt(i) * Math.cos(i * golden), y: 30 * Math.sqrt(i) * Math.sin(i * golden) }]));
  }

  /**
   * New nodes go on rings around the node they were reached from (the anchor for its
   * neighbours, then outward hop by hop), in the directions away from the rest of the drawing.
   */
  private aroundAnchor(slice: GraphSlice, added: SliceNode[], anchor: string | null): Map<string, { x: number; y: number }> {
    const at = new Map<string, { x: number; y: number }>();
    this.graph.forEachNode((id, a) => at.set(id, { x: a.x, y: a.y }));
    const centre = this.centroid();
    const newIds = new Set(added.map((n) => n.id));
    const neighbours = new Map<string, string[]>();
    for (const e of slice.edges) {
      neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
      neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
    }
    // Breadth-first from the anchor (or any drawn node): each new node hangs off the first placed one it meets.
    const roots = anchor && at.has(anchor) ? [anchor] : [...at.keys()];
    const children = new Map<string, string[]>();
    const seen = new Set(roots);
    const queue = [...roots];
    while (queue.length) {
      const parent = queue.shift()!;
      for (const next of neighbours.get(parent) ?? []) {
        if (seen.has(next) || !newIds.has(next)) continue;
        seen.add(next);
        children.set(parent, [...(children.get(parent) ?? []), next]);
        queue.push(next);
      }
    }
    for (const n of added) if (!seen.has(n.id)) children.set(roots[0], [...(children.get(roots[0]) ?? []), n.id]);
    const placeChildren = (parent: string) => {
      const kids = children.get(parent);
      if (!kids) return;
      const p = at.get(parent)!;
      const away = Math.atan2(p.y - centre.y, p.x - centre.x);
      const spread = p.x === centre.x && p.y === centre.y ? 2 * Math.PI : Math.min(2 * Math.PI, Math.PI * 0.9 + kids.length * 0.12);
      const radius = TARGET_EDGE_LENGTH * (0.8 + 0.12 * Math.sqrt(kids.length));
      kids.forEach((kid, i) => {
        const angle = away - spread / 2 + (spread * (i + 0.5)) / kids.length;
        at.set(kid, { x: p.x + radius * Math.cos(angle), y: p.y + radius * Math.sin(angle) });
      });
      kids.forEach(placeChildren);
    };
    roots.forEach(placeChildren);
    return at;
  }

  private centroid(): { x: number; y: number } {
    let x = 0;
    let y = 0;
    this.graph.forEachNode((_n, a) => {
      x += a.x;
      y += a.y;
    });
    return this.graph.order ? { x: x / this.graph.order, y: y / this.graph.order } : { x: 0, y: 0 };
  }

  /** ForceAtlas2 (only `free` nodes move; all of them on a first layout), then noverlap, then an animation. */
  private relayout(free: Set<string> | null): Promise<void> {
    const run = ++this.layoutRun;
    const input: LayoutInput = {
      nodes: this.graph.mapNodes((id, a) => ({ id, x: a.x, y: a.y, size: a.size, fixed: free !== null && !free.has(id) })),
      edges: this.graph.mapEdges((_e, _a, source, target) => ({ source, target })),
    };
    this.settled = computeLayout(input, free ? this.scale : null, iterationBudget(this.graph.order, free !== null)).then(async ({ positions, scale }) => {
      if (run !== this.layoutRun) return;
      this.scale = scale;
      if (!free) this.orient(positions);
      await this.animatePositions(positions, 350);
    });
    return this.settled;
  }

  /**
   * Turns a first layout (ForceAtlas2 picks no direction) so that its long axis lies along the
   * screen's: wide on a desktop, tall on a phone held upright, so that framing wastes less room.
   */
  private orient(positions: Map<string, { x: number; y: number }>): void {
    const points = [...positions.values()];
    if (points.length < 3) return;
    const cx = points.reduce((a, p) => a + p.x, 0) / points.length;
    const cy = points.reduce((a, p) => a + p.y, 0) / points.length;
    let [sxx, syy, sxy] = [0, 0, 0];
    for (const p of points) {
      sxx += (p.x - cx) ** 2;
      syy += (p.y - cy) ** 2;
      sxy += (p.x - cx) * (p.y - cy);
    }
    // Direction of the principal axis, then the turn that puts it along x (or y when portrait).
    const axis = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    const { width, height } = this.renderer.getDimensions();
    const turn = (height > width ? Math.PI / 2 : 0) - axis;
    const [cos, sin] = [Math.cos(turn), Math.sin(turn)];
    for (const p of points) {
      const [dx, dy] = [p.x - cx, p.y - cy];
      p.x = cx + dx * cos - dy * sin;
      p.y = cy + dx * sin + dy * cos;
    }
  }

  /** Re-runs only the overlap removal (sizes changed), keeping the layout. */
  private resolveOverlaps(): Promise<void> {
    const run = ++this.layoutRun;
    const input: LayoutInput = { nodes: this.graph.mapNodes((id, a) => ({ id, x: a.x, y: a.y, size: a.size, fixed: true })), edges: [] };
    this.settled = computeLayout(input, this.scale ?? 1, 0).then(async ({ positions }) => {
      if (run === this.layoutRun) await this.animatePositions(positions, 250);
    });
    return this.settled;
  }

  private animatePositions(target: Map<string, { x: number; y: number }>, duration: number): Promise<void> {
    const from = new Map(this.graph.mapNodes((id, a) => [id, { x: a.x, y: a.y }] as const));
    return new Promise((resolve) => {
      const start = performance.now();
      const step = (now: number) => {
        const t = Math.min(1, (now - start) / duration);
        const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
        this.graph.updateEachNodeAttributes((id, a) => {
          const f = from.get(id);
          const to = target.get(id);
          if (!f || !to) return a;
          return { ...a, x: f.x + (to.x - f.x) * e, y: f.y + (to.y - f.y) * e };
        });
        this.markLabelsDirty();
        if (t < 1) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
  }

  /** Node radius by the chosen measure: distinct neighbours, or a model's training compute (log scale). */
  private applySizes(): void {
    this.graph.updateEachNodeAttributes((id, a) => {
      let size = Math.min(MAX_SIZE, MIN_SIZE + 3 * Math.sqrt(this.graph.neighbors(id).length));
      if (this.sizeBy === "compute" && a.nodeType === "MODEL") {
        const flop = Number(a.properties.trainingComputeFlop);
        size = flop > 0 ? Math.min(MAX_SIZE, Math.max(MIN_SIZE, MIN_SIZE + 3 * (Math.log10(flop) - 19))) : MIN_SIZE;
      }
      return { ...a, size };
    });
  }

  async setSizeMeasure(measure: SizeMeasure): Promise<void> {
    this.sizeBy = measure;
    this.applySizes();
    await this.resolveOverlaps();
  }

  snapshot(): ViewSnapshot {
    return { graph: this.graph.export(), scale: this.scale, camera: this.renderer.getCamera().getState() };
  }

  restore(s: ViewSnapshot): void {
    this.layoutRun++;
    this.graph.clear();
    this.graph.import(s.graph);
    this.scale = s.scale;
    this.onlyPath = null;
    this.setFocus(null);
    this.applyVisibility();
    this.tuneForSize();
    this.renderer.getCamera().setState(s.camera);
  }

  clear(): void {
    this.layoutRun++;
    this.selectedNode = this.selectedEdge = this.hoveredNode = null;
    this.onlyPath = null;
    this.scale = null;
    this.graph.clear();
  }

  // ---------------------------------------------------------------------------------------------
  // Focus and filters

  /** Dims everything but `node` and its neighbours (null: nothing dimmed, nothing selected). */
  setFocus(node: string | null): void {
    this.selectedNode = node && this.graph.hasNode(node) ? node : null;
    this.selectedEdge = null;
    this.renderer.setNodesState(this.graph.nodes(), { isHighlighted: false });
    this.renderer.setEdgesState(this.graph.edges(), { isHighlighted: false, labelShown: false });
    this.renderer.setEdgesState(this.pathEdges(), { labelShown: true });
    if (this.selectedNode) {
      const edges = this.graph.edges(this.selectedNode);
      this.renderer.setNodesState([this.selectedNode, ...this.graph.neighbors(this.selectedNode)], { isHighlighted: true });
      // A hub's edge labels would pile up around it; hovering one still shows its label.
      this.renderer.setEdgesState(edges, { isHighlighted: true, labelShown: edges.length <= MAX_EDGE_LABELS });
    }
    this.markLabelsDirty();
  }

  /** Selects an edge: it and its two ends stay bright, its label shows. */
  setEdgeFocus(edge: string): void {
    this.setFocus(null);
    if (!this.graph.hasEdge(edge)) return;
    this.selectedEdge = edge;
    this.renderer.setNodesState(this.graph.extremities(edge), { isHighlighted: true });
    this.renderer.setEdgeState(edge, { isHighlighted: true, labelShown: true });
    this.markLabelsDirty();
  }

  private setHovered(node: string | null): void {
    this.hoveredNode = node;
    this.markLabelsDirty();
    this.renderer.scheduleRender();
  }

  setHiddenTypes(types: Set<NodeType>): void {
    this.hiddenTypes = new Set(types);
    this.applyVisibility();
  }

  /** Models released outside [from, to] are hidden; models with no known date stay. */
  setYearRange(range: [number, number] | null): void {
    this.years = range;
    this.applyVisibility();
  }

  /** Shows only these nodes (a path) and the edges among them, labelled; null shows everything again. */
  showOnly(nodes: string[] | null): void {
    this.renderer.setEdgesState(this.pathEdges(), { labelShown: false });
    this.onlyPath = nodes ? new Set(nodes) : null;
    this.renderer.setEdgesState(this.pathEdges(), { labelShown: true });
    this.applyVisibility();
  }

  private pathEdges(): string[] {
    const path = this.onlyPath;
    return path ? this.graph.filterEdges((_e, _a, s, t) => path.has(s) && path.has(t)) : [];
  }

  get showingOnlyPath(): boolean {
    return this.onlyPath !== null;
  }

  isHidden(node: string): boolean {
    const a = this.graph.getNodeAttributes(node);
    if (this.onlyPath && !this.onlyPath.has(node)) return true;
    if (this.hiddenTypes.has(a.nodeType)) return true;
    return this.years !== null && a.nodeType === "MODEL" && a.year !== null && (a.year < this.years[0] || a.year > this.years[1]);
  }

  private applyVisibility(): void {
    const hidden = new Set(this.graph.filterNodes((n) => this.isHidden(n)));
    const shown = this.graph.filterNodes((n) => !hidden.has(n));
    this.renderer.setNodesState([...hidden], { isHidden: true });
    this.renderer.setNodesState(shown, { isHidden: false });
    const hiddenEdges = this.graph.filterEdges((_e, _a, s, t) => hidden.has(s) || hidden.has(t) || (this.onlyPath !== null && !this.onlyPath.has(s)));
    const hiddenSet = new Set(hiddenEdges);
    this.renderer.setEdgesState(hiddenEdges, { isHidden: true });
    this.renderer.setEdgesState(this.graph.filterEdges((e) => !hiddenSet.has(e)), { isHidden: false });
    this.markLabelsDirty();
  }

  /** Years of the drawn models' releases, for the range inputs. */
  modelYears(): [number, number] | null {
    const years = this.graph.filterNodes((_n, a) => a.year !== null).map((n) => this.graph.getNodeAttribute(n, "year")!);
    return years.length ? [Math.min(...years), Math.max(...years)] : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Camera

  /** The camera state that frames `nodes` (their discs, with room for labels). */
  cameraFor(nodes: string[]): CameraState | null {
    const shown = nodes.filter((n) => this.graph.hasNode(n));
    if (shown.length === 0) return null;
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const n of shown) {
      const { x, y, size } = this.graph.getNodeAttributes(n);
      minX = Math.min(minX, x - size);
      maxX = Math.max(maxX, x + size);
      minY = Math.min(minY, y - size);
      maxY = Math.max(maxY, y + size);
    }
    const r = this.renderer;
    const { width, height } = r.getDimensions();
    const padX = Math.min(FRAME_PADDING.x, width / 6);
    const bottom = Math.min(height / 2, this.insets().bottom);
    const a = r.graphToViewport({ x: minX, y: minY }, { cameraState: NULL_CAMERA });
    const b = r.graphToViewport({ x: maxX, y: maxY }, { cameraState: NULL_CAMERA });
    const usable = { width: Math.max(1, width - 2 * padX), height: Math.max(1, height - bottom - 2 * FRAME_PADDING.y) };
    const ratio = Math.max(0.5, Math.abs(b.x - a.x) / usable.width, Math.abs(b.y - a.y) / usable.height);
    // The framed box's centre goes to the centre of the part of the drawing left uncovered.
    const shift = (bottom / 2) * ratio;
    const centre = r.viewportToFramedGraph({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 + shift }, { cameraState: NULL_CAMERA });
    return { x: centre.x, y: centre.y, ratio, angle: 0 };
  }

  frame(nodes: string[], duration = 400): Promise<void> {
    const state = this.cameraFor(nodes);
    if (!state) return Promise.resolve();
    return this.renderer.getCamera().animate(state, { duration });
  }

  /** Frames every node that is shown. */
  fit(duration = 300): Promise<void> {
    return this.frame(this.graph.filterNodes((n) => !this.isHidden(n)), duration);
  }

  /** Where a node is drawn, in page pixels (for tests that click it). */
  screenPosition(node: string): { x: number; y: number } {
    const { x, y } = this.renderer.graphToViewport(this.graph.getNodeAttributes(node));
    const box = this.renderer.getContainer().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }

  /** Where an edge's middle is drawn, in page pixels (a straight edge; for tests that click it). */
  edgeScreenPosition(edge: string): { x: number; y: number } {
    const [s, t] = this.graph.extremities(edge).map((n) => this.screenPosition(n));
    return { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
  }

  // ---------------------------------------------------------------------------------------------
  // Labels

  private markLabelsDirty(): void {
    this.labelsDirty = true;
  }

  private placeLabelsIfDirty(): void {
    if (!this.labelsDirty) return;
    this.labelsDirty = false;
    this.placeLabels();
  }

  /** The label's box relative to its node at radius 0, per side, as sigma measures and draws it. */
  private relativeBoxes(data: NodeDisplayData): Record<LabelSide, Box> | null {
    const key = `${data.label}|${data.labelSize}|${data.labelFont}`;
    const cached = this.labelBoxCache.get(key);
    if (cached) return cached;
    // sigma 4.0.4 measures labels with its SDF atlas in a renderer it does not export; this is
    // the same call its own framing (autoRescaleContent: "labels") makes.
    const measure = (this.renderer as unknown as { labelRenderer: { nodeLabelBox(d: NodeDisplayData, r: number): Box | null } }).labelRenderer;
    const boxes = {} as Record<LabelSide, Box>;
    for (const side of ["right", "left", "above", "below"] as const) {
      const box = measure.nodeLabelBox({ ...data, visibility: "visible", labelVisibility: "visible", labelPosition: side, labelAngle: 0 }, 0);
      if (!box) return null;
      boxes[side] = box;
    }
    this.labelBoxCache.set(key, boxes);
    return boxes;
  }

  /** Priority of a node's label: the selection, what is hovered, their neighbours, then by size. */
  private wantedRanks(): Map<string, number> {
    const ranks = new Map<string, number>();
    const want = (node: string | null, rank: number) => {
      if (node && this.graph.hasNode(node) && !ranks.has(node)) ranks.set(node, rank);
    };
    want(this.selectedNode, 0);
    want(this.hoveredNode, 1);
    if (this.selectedEdge && this.graph.hasEdge(this.selectedEdge)) this.graph.extremities(this.selectedEdge).forEach((n) => want(n, 2));
    if (this.selectedNode) this.graph.neighbors(this.selectedNode).forEach((n) => want(n, 3));
    this.onlyPath?.forEach((n) => want(n, 3));
    if (this.hoveredNode && this.graph.hasNode(this.hoveredNode)) this.graph.neighbors(this.hoveredNode).forEach((n) => want(n, 4));
    return ranks;
  }

  private placeLabels(): void {
    const r = this.renderer;
    const ranks = this.wantedRanks();
    const threshold = r.getSetting("labelRenderedSizeThreshold");
    const focusNode = this.selectedNode ?? this.hoveredNode;
    const focusData = focusNode ? r.getNodeDisplayData(focusNode) : undefined;
    const focus = focusData ? r.framedGraphToViewport(focusData) : null;
    const candidates: Array<LabelCandidate & { rank: number }> = [];
    this.graph.forEachNode((node) => {
      const data = r.getNodeDisplayData(node);
      if (!data || !data.label || data.visibility === "hidden" || r.getNodeState(node).isHidden) return;
      const radius = r.scaleSize(data.size);
      const rank = ranks.get(node) ?? 5;
      if (rank === 5 && radius < threshold) return;
      const rel = this.relativeBoxes(data);
      if (!rel) return;
      const { x, y } = r.framedGraphToViewport(data);
      const boxes: Record<LabelSide, Box> = {
        right: { ...rel.right, minX: rel.right.minX + radius, maxX: rel.right.maxX + radius },
        left: { ...rel.left, minX: rel.left.minX - radius, maxX: rel.left.maxX - radius },
        above: { ...rel.above, minY: rel.above.minY - radius, maxY: rel.above.maxY - radius },
        below: { ...rel.below, minY: rel.below.minY + radius, maxY: rel.below.maxY + radius },
      };
      candidates.push({ node, x, y, radius, wanted: rank < 5, rank, sides: sidesAwayFrom(x, y, rank === 3 ? focus : null), boxes });
    });
    candidates.sort((a, b) => a.rank - b.rank || b.radius - a.radius || (a.node < b.node ? -1 : 1));
    const placed = placeLabels(candidates, r.getDimensions());
    this.graph.forEachNode((node) => {
      const slot: LabelSlot = placed.get(node) ?? "hidden";
      if (r.getNodeState(node).labelSlot !== slot) r.setNodeState(node, { labelSlot: slot });
    });
  }
}
