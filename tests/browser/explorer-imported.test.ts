// The explorer on the imported graph (the seed plus the whole Ecosystem Graphs snapshot): South
// Korea's two hops, then a node expanded by two more, at desktop and phone sizes; no two nodes
// and no two drawn labels overlap. Skipped without Chromium or without the snapshot.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import type { App } from "../../src/server/app.js";
import { hasSnapshot, SNAPSHOT_DIR } from "../helpers/ecosystem-graphs.js";
import { ensurePagesBuilt, hasChromium, launchChromium, screenshotPath, startApp, watch, type PageWatch } from "./browser.js";
import { drawnLabels, drawnNodes, nodeNamed, openExplorer, overlappingLabels, overlappingNodes, settled } from "./explorer.js";

const KOREA = toGlobalId("Country", "KR");

describe.skipIf(!hasChromium || !hasSnapshot)("explorer on the imported Ecosystem Graphs, in headless Chromium", () => {
  let app: App;
  let url: string;
  let browser: Browser;
  let page: Page;
  let seen: PageWatch;

  beforeAll(async () => {
    ensurePagesBuilt();
    ({ app, url } = await startApp({ importDir: SNAPSHOT_DIR }));
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(() => {
    seen = { foreignRequests: [], errors: [] };
  });
  afterEach(async () => {
    await page?.close();
    expect(seen.foreignRequests, "requests to hosts other than 127.0.0.1").toEqual([]);
    expect(seen.errors, "page errors, console errors, CSP violations").toEqual([]);
  });

  async function open(viewport: { width: number; height: number }): Promise<void> {
    page = await browser.newPage({ viewport });
    seen = watch(page);
    await openExplorer(page, url, `?id=${encodeURIComponent(KOREA)}`);
  }

  /**
   * Expands `name` by two hops: with a click, as a person would, or (on a phone, where the
   * zoomed-out nodes are a few pixels wide) through the page's own `select`, what a tap calls.
   */
  async function expandTwoHops(name: string, how: "click" | "select"): Promise<void> {
    await page.selectOption("#depth", "2");
    const before = (await drawnNodes(page)).length;
    const node = nodeNamed(await drawnNodes(page), name);
    if (how === "click") await page.mouse.click(node.x, node.y);
    else await page.evaluate((id) => void (globalThis as unknown as { explorer: { select(id: string): Promise<void> } }).explorer.select(id), node.id);
    await expect.poll(() => page.locator("#status").innerText(), { timeout: 30_000 }).toMatch(new RegExp(`\\+\\d+ from ${name}|nothing new`));
    await settled(page);
    expect((await drawnNodes(page)).length).toBeGreaterThan(before);
  }

  async function expectReadable(): Promise<number> {
    const nodes = await drawnNodes(page);
    expect(overlappingNodes(nodes)).toEqual([]);
    const labels = await drawnLabels(page);
    expect(overlappingLabels(labels)).toEqual([]);
    return labels.length;
  }

  it("draws South Korea's two hops and then Common Crawl's two hops with no overlapping nodes or labels (desktop)", async () => {
    await open({ width: 1400, height: 900 });
    const nodes = await drawnNodes(page);
    expect(nodes.length).toBeGreaterThan(30);
    expect(await expectReadable()).toBeGreaterThan(15);
    const labels = (await drawnLabels(page)).map((l) => l.node);
    expect(labels).toContain(KOREA);
    await page.screenshot({ path: screenshotPath("explore-imported.png") });

    // Common Crawl feeds many models: its two hops bring in a crowd.
    await expandTwoHops("Common Crawl", "click");
    await expectReadable();
    // Common Crawl and the neighbours of it that are on screen have their labels (all 13 here; one
    // in ten may lack room on another machine, where a time-capped layout can end elsewhere).
    const cc = nodeNamed(await drawnNodes(page), "Common Crawl");
    const neighbours: string[] = await page.evaluate((id) => (globalThis as unknown as { explorer: any }).explorer.view.graph.neighbors(id), cc.id);
    const onScreen = (await drawnNodes(page)).filter((n) => neighbours.includes(n.id) && n.x > 0 && n.x < 1040 && n.y > 50 && n.y < 900).map((n) => n.id);
    const drawn = new Set((await drawnLabels(page)).map((l) => l.node));
    expect(drawn.has(cc.id)).toBe(true);
    expect(onScreen.filter((n) => !drawn.has(n)).length).toBeLessThanOrEqual(Math.floor(onScreen.length / 10));
    await page.screenshot({ path: screenshotPath("explore-imported-expanded.png") });
  });

  it("hides the models released outside the chosen years, and brings them back", async () => {
    await open({ width: 1400, height: 900 });
    const models = (await drawnNodes(page)).filter((n) => n.type === "MODEL");
    expect(new Set(models.map((m) => m.year)).size).toBeGreaterThan(1);
    await page.fill("#year-from", "2023");
    await page.fill("#year-to", "2023");
    await expect
      .poll(async () => (await drawnNodes(page)).filter((n) => n.type === "MODEL" && n.hidden !== (n.year !== null && n.year !== 2023)).map((n) => n.label))
      .toEqual([]);
    expect((await drawnNodes(page)).filter((n) => n.type !== "MODEL" && n.hidden)).toEqual([]);
    await settled(page);
    const shown = new Set((await drawnNodes(page)).filter((n) => !n.hidden).map((n) => n.id));
    expect((await drawnLabels(page)).every((l) => shown.has(l.node))).toBe(true);
    await page.click("#year-reset");
    await expect.poll(async () => (await drawnNodes(page)).some((n) => n.hidden)).toBe(false);
  });

  it("stays readable on a phone: South Korea's two hops and Common Crawl's two hops", async () => {
    await open({ width: 390, height: 844 });
    expect(await expectReadable()).toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath("explore-imported-mobile.png") });
    await expandTwoHops("Common Crawl", "select");
    await expectReadable();
    await page.screenshot({ path: screenshotPath("explore-imported-mobile-expanded.png") });
  });
});
