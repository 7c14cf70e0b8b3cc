// Which node labels are drawn, and on which side of their node: a greedy placement in viewport
// pixels, most important label first, each put on the first side where its box meets no label
// already placed (and, for the labels nobody asked for, no other node). sigma's own label grid
// (labelDensity, labelGridCellSize) only caps labels per cell and lets their boxes overlap, so the
// view hands sigma the result as each node's `labelSlot` state instead: "visible" on one side, or
// "hidden".

export type LabelSide = "right" | "left" | "below" | "above";
export type LabelSlot = LabelSide | "hidden";

export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** A node that could get a label: its centre and radius on screen, its label's box on each side. */
export interface LabelCandidate {
  node: string;
  x: number;
  y: number;
  radius: number;
  /** Selected, hovered, a neighbour of either, or on the shown path: placed first, over nodes if need be. */
  wanted: boolean;
  /** Sides in the order to try them. */
  sides: readonly LabelSide[];
  /** The label's box relative to the node centre, per side (sigma's own measure). */
  boxes: Record<LabelSide, Box>;
}

/** Pixels kept free around each label. */
export const LABEL_GAP = 3;
const CELL = 96;

/** A uniform grid of boxes, so that each test looks only at the boxes nearby. */
class BoxGrid {
  private cells = new Map<number, Box[]>();

  private *cellsOf(b: Box): Generator<number> {
    for (let cx = Math.floor(b.minX / CELL); cx <= Math.floor(b.maxX / CELL); cx++) {
      for (let cy = Math.floor(b.minY / CELL); cy <= Math.floor(b.maxY / CELL); cy++) yield cx * 100003 + cy;
    }
  }

  add(b: Box): void {
    for (const c of this.cellsOf(b)) {
      const list = this.cells.get(c);
      if (list) list.push(b);
      else this.cells.set(c, [b]);
    }
  }

  hits(b: Box, except?: Box): boolean {
    for (const c of this.cellsOf(b)) {
      for (const o of this.cells.get(c) ?? []) {
        if (o !== except && o.minX < b.maxX && b.minX < o.maxX && o.minY < b.maxY && b.minY < o.maxY) return true;
      }
    }
    return false;
  }
}

/**
 * Places labels for `candidates`, which come in priority order. `viewport` bounds what is on
 * screen: a label that does not fit in it whole is not drawn, and takes no room.
 */
export function placeLabels(candidates: readonly LabelCandidate[], viewport: { width: number; height: number }): Map<string, LabelSide> {
  const labels = new BoxGrid();
  const discs = new BoxGrid();
  const discOf = new Map<string, Box>();
  for (const c of candidates) {
    const disc = { minX: c.x - c.radius, maxX: c.x + c.radius, minY: c.y - c.radius, maxY: c.y + c.radius };
    discOf.set(c.node, disc);
    discs.add(disc);
  }
  const placed = new Map<string, LabelSide>();
  for (const c of candidates) {
    for (const side of c.sides) {
      const r = c.boxes[side];
      const box = { minX: c.x + r.minX - LABEL_GAP, maxX: c.x + r.maxX + LABEL_GAP, minY: c.y + r.minY - LABEL_GAP, maxY: c.y + r.maxY + LABEL_GAP };
      // Only whole labels: one cut by the viewport's edge is not readable.
      if (box.minX < 0 || box.maxX > viewport.width || box.minY < 0 || box.maxY > viewport.height) continue;
      if (labels.hits(box)) continue;
      if (!c.wanted && discs.hits(box, discOf.get(c.node))) continue;
      labels.add(box);
      placed.set(c.node, side);
      break;
    }
  }
  return placed;
}

/** Sides to try for a label: away from `focus` (the selected node) first, so a star's labels fan out. */
export function sidesAwayFrom(x: number, y: number, focus: { x: number; y: number } | null): LabelSide[] {
  if (!focus || (focus.x === x && focus.y === y)) return ["right", "left", "below", "above"];
  const dx = x - focus.x;
  const dy = y - focus.y;
  const horizontal: LabelSide[] = dx >= 0 ? ["right", "left"] : ["left", "right"];
  const vertical: LabelSide[] = dy >= 0 ? ["below", "above"] : ["above", "below"];
  return Math.abs(dx) >= Math.abs(dy) * 0.6 ? [horizontal[0], vertical[0], vertical[1], horizontal[1]] : [vertical[0], horizontal[0], horizontal[1], vertical[1]];
}
