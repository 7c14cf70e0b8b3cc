// What the explorer's browser tests read from the page: drawn nodes, their discs, the labels sigma
// drew (boxes from sigma's own label measure), and frame times. Everything runs inside the page.
import type { Page } from "playwright-core";

export interface DrawnNode {
  id: string;
  label: string;
  type: string;
  /** Page pixels. */
  x: number;
  y: number;
  /** Graph coordinates and radius. */
  gx: number;
  gy: number;
  size: number;
  /** A model's release year, else null. */
  year: number | null;
  hidden: boolean;
}

export interface LabelBox {
  node: string;
  label: string;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The page's `window.explorer`, as far as these helpers use it (the page's code is not imported here). */
type Explorer = any;

export async function openExplorer(page: Page, url: string, query = ""): Promise<void> {
  await page.goto(`${url}/explore/${query}`);
  await page.waitForSelector("body[data-state=ready]", { timeout: 30_000 });
  await settled(page);
}

/** Waits for the last layout, then for the camera and label placement to come to rest. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const { view } = (globalThis as unknown as { explorer: Explorer }).explorer;
    await view.settled;
    const camera = view.renderer.getCamera();
    while (camera.isAnimating()) await new Promise((r) => setTimeout(r, 50));
    // A frame to place labels and one to draw them.
    for (let i = 0; i < 3; i++) await new Promise((r) => (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() => r(null)));
  });
}

export function drawnNodes(page: Page): Promise<DrawnNode[]> {
  return page.evaluate(() => {
    const { view } = (globalThis as unknown as { explorer: Explorer }).explorer;
    return view.graph.mapNodes((id: string, a: { name: string; nodeType: string; x: number; y: number; size: number; year: number | null }) => ({
      id,
      label: a.name,
      type: a.nodeType,
      ...view.screenPosition(id),
      gx: a.x,
      gy: a.y,
      size: a.size,
      year: a.year,
      hidden: view.renderer.getNodeState(id).isHidden,
    }));
  });
}

/** Pairs of nodes whose discs overlap, from positions and radii in graph coordinates. */
export function overlappingNodes(nodes: DrawnNode[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i], nodes[j]];
      if (Math.hypot(a.gx - b.gx, a.gy - b.gy) < a.size + b.size) pairs.push([a.label, b.label]);
    }
  }
  return pairs;
}

/**
 * The labels sigma drew in its last frame (`getNodeDisplayedLabels`), each as the box sigma's label
 * renderer computes for it (the box its own framing and label events use), in viewport pixels.
 */
export function drawnLabels(page: Page): Promise<LabelBox[]> {
  return page.evaluate(() => {
    const { view } = (globalThis as unknown as { explorer: Explorer }).explorer;
    const r = view.renderer;
    const boxes: LabelBox[] = [];
    for (const node of r.getNodeDisplayedLabels() as Set<string>) {
      const data = r.getNodeDisplayData(node);
      const box = r.labelRenderer.nodeLabelBox(data, r.scaleSize(data.size));
      if (!box) continue;
      const { x, y } = r.framedGraphToViewport(data);
      boxes.push({ node, label: data.label, minX: x + box.minX, maxX: x + box.maxX, minY: y + box.minY, maxY: y + box.maxY });
    }
    return boxes;
  });
}

/** Pairs of drawn labels whose boxes overlap. */
export function overlappingLabels(boxes: LabelBox[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY) pairs.push([a.label, b.label]);
    }
  }
  return pairs;
}

export function nodeNamed(nodes: DrawnNode[], label: string): DrawnNode {
  const node = nodes.find((n) => n.label === label);
  if (!node) throw new Error(`no drawn node is labelled ${label}; drawn: ${nodes.map((n) => n.label).join(", ")}`);
  return node;
}
