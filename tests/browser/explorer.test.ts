// The explorer (/explore/) in a real headless Chromium, on the seed graph: a layout without
// overlapping nodes, labels that never overlap, edges that show their facts and sources on a click,
// search as you type, filters, a path, undo, and a phone-sized screen. Screenshots go to
// tests/browser/screenshots/ (git-ignored); docs/visualization.md shows copies of some.
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { closeColours, hasChromium, pixelAt, screenshotPath, usePages } from "./browser.js";
import { drawnLabels, drawnNodes, nodeNamed, openExplorer, overlappingLabels, overlappingNodes, settled } from "./explorer.js";

const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Node colours of web/explore/palette.ts. */
const MODEL_GREEN = "#009e73";
const ORGANIZATION_BLUE = "#56b4e9";
const KOREA = `?id=${encodeURIComponent(toGlobalId("Country", "KR"))}`;

describe.skipIf(!hasChromium)("explorer on the seed graph, in headless Chromium", () => {
  let url: string;
  let page: Page;
  const session = usePages(DESKTOP);
  beforeEach(() => ({ url, page } = session));

  it("draws GPT-4's neighborhood, coloured by type, with a legend", async () => {
    await openExplorer(page, url);
    const nodes = await drawnNodes(page);
    expect(nodes.map((n) => n.label)).toEqual(expect.arrayContaining(["GPT-4", "OpenAI", "MMMU", "United States", "EXAONE 2.0"]));
    await expect(page.locator("#status").innerText()).resolves.toMatch(/^13 nodes · \d+ edges/);
    await expect(page.locator("#legend li:not(.absent)").count()).resolves.toBe(6);
    // Just left of each node's centre: labels may start on its right.
    const gpt4 = nodeNamed(nodes, "GPT-4");
    const openai = nodeNamed(nodes, "OpenAI");
    expect(await pixelAt(page, gpt4.x - 2, gpt4.y)).toSatisfy((c: string) => closeColours(c, MODEL_GREEN));
    expect(await pixelAt(page, openai.x - 2, openai.y)).toSatisfy((c: string) => closeColours(c, ORGANIZATION_BLUE));
    await page.screenshot({ path: screenshotPath("explore.png") });
  });

  it("lays the nodes out so that no two overlap, and no two drawn labels overlap", async () => {
    await openExplorer(page, url);
    const nodes = await drawnNodes(page);
    expect(nodes.length).toBe(13);
    expect(overlappingNodes(nodes)).toEqual([]);
    const labels = await drawnLabels(page);
    expect(labels.length).toBeGreaterThan(6);
    expect(overlappingLabels(labels)).toEqual([]);
  });

  it("expands a node on click, labels it and its neighbours, and links it to its GraphiQL query", async () => {
    await openExplorer(page, url);
    const before = await drawnNodes(page);
    const us = nodeNamed(before, "United States");
    await page.mouse.click(us.x, us.y);
    await expect.poll(async () => (await drawnNodes(page)).length, { timeout: 15_000 }).toBeGreaterThan(before.length);
    await expect.poll(() => page.locator("#status").innerText(), { timeout: 15_000 }).toMatch(/\+\d+ from United States/);
    await settled(page);
    await expect(page.locator("#details h2").innerText()).resolves.toBe("United States");
    const after = await drawnNodes(page);
    expect(after.map((n) => n.label)).toContain("Google");
    expect(overlappingNodes(after)).toEqual([]);
    const labels = await drawnLabels(page);
    expect(overlappingLabels(labels)).toEqual([]);
    // The selection and each of its neighbours that are on screen have their labels.
    const neighbours: string[] = await page.evaluate((id) => (globalThis as unknown as { explorer: any }).explorer.view.graph.neighbors(id), us.id);
    const onScreen = after.filter((n) => neighbours.includes(n.id) && n.x > 0 && n.x < 1040 && n.y > 50 && n.y < 900).map((n) => n.id);
    expect(onScreen.length).toBeGreaterThan(5);
    expect(labels.map((l) => l.node)).toEqual(expect.arrayContaining([us.id, ...onScreen]));
    // The nodes drawn before stayed about where they were (the expansion moved only the new ones much).
    const moved = before.filter((b) => {
      const a = after.find((n) => n.id === b.id)!;
      return Math.hypot(a.gx - b.gx, a.gy - b.gy) > 60;
    });
    expect(moved.length).toBeLessThanOrEqual(2);
    await page.screenshot({ path: screenshotPath("explore-expanded.png") });

    await page.locator("#details a.graphiql-link").click();
    await page.waitForURL(/\/graphiql\/\?query=/);
  });

  it("labels a hovered node and its neighbours", async () => {
    await openExplorer(page, url);
    const nodes = await drawnNodes(page);
    const report = nodeNamed(nodes, "Artificial Intelligence Index Report 2024");
    await page.mouse.move(report.x, report.y);
    await settled(page);
    const neighbours: string[] = await page.evaluate((id) => (globalThis as unknown as { explorer: any }).explorer.view.graph.neighbors(id), report.id);
    const labels = await drawnLabels(page);
    expect(labels.map((l) => l.node)).toEqual(expect.arrayContaining([report.id, ...neighbours]));
    expect(overlappingLabels(labels)).toEqual([]);
  });

  it("shows an observation's value and its sources, as links, when its edge is clicked", async () => {
    await openExplorer(page, url, KOREA);
    const edge = await page.evaluate(() => {
      const { view } = (globalThis as unknown as { explorer: any }).explorer;
      // One without parallel edges (an indicator observed for Korea in one year only), so its middle is on a straight line.
      return view.graph.filterEdges((e: string, a: { relationship: string }, s: string, t: string) => a.relationship === "OBSERVED" && view.graph.edges(s, t).length === 1 && view.graph.getNodeAttribute(s, "name") === "AI patents per 100,000 inhabitants" && view.graph.getNodeAttribute(t, "name") === "South Korea")[0] ?? null;
    });
    expect(edge).not.toBeNull();
    const at = await page.evaluate((e) => (globalThis as unknown as { explorer: any }).explorer.view.edgeScreenPosition(e), edge);
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator("#details").getAttribute("data-edge"), { timeout: 5_000 }).toBe(edge);
    const fact = await page.locator("#details .fact").innerText();
    expect(fact).toContain("2022");
    expect(fact).toContain("10.26");
    expect(fact).toContain("patents per 100,000 inhabitants");
    const link = page.locator("#details .sources a", { hasText: "Artificial Intelligence Index Report 2024" });
    await expect.poll(() => link.count(), { timeout: 5_000 }).toBe(1);
    await expect(link.getAttribute("href")).resolves.toBe("https://aiindex.stanford.edu/report/");
    await expect(page.locator("#details .sources li").allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringContaining("Kyunghyang Shinmun")]));
    await settled(page);
    expect(overlappingLabels(await drawnLabels(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath("explore-edge.png") });
  });

  it("searches as you type, finds 엑사원 without Enter, and picks a hit with the keyboard", async () => {
    await openExplorer(page, url);
    await page.locator("#search-text").pressSequentially("엑사원", { delay: 40 });
    const hit = page.locator("#results [role=option]").first();
    await expect.poll(() => hit.count(), { timeout: 5_000 }).toBe(1);
    await expect(hit.innerText()).resolves.toContain("EXAONE 2.0");
    await expect(hit.getAttribute("aria-selected")).resolves.toBe("true");
    await page.screenshot({ path: screenshotPath("explore-search.png") });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#details h2").innerText(), { timeout: 15_000 }).toBe("EXAONE 2.0");
    // Already drawn (two hops from GPT-4), so it is selected and expanded in place.
    await expect.poll(async () => (await drawnNodes(page)).map((n) => n.label), { timeout: 15_000 }).toEqual(expect.arrayContaining(["EXAONE 2.0", "LG AI Research", "South Korea"]));
  });

  it("finds indicators by name as you type, and walks the hits with the arrow keys", async () => {
    await openExplorer(page, url);
    await page.locator("#search-text").pressSequentially("talent", { delay: 30 });
    const options = page.locator("#results [role=option]");
    await expect.poll(() => options.count(), { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await expect(options.allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringContaining("Net AI talent migration")]));
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(1).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(options.nth(0).getAttribute("aria-selected")).resolves.toBe("false");
  });

  it("hides a kind from the legend, and shows only the path between two nodes", async () => {
    await openExplorer(page, url);
    await page.locator("#legend button[data-type=BENCHMARK]").click();
    await expect.poll(async () => (await drawnNodes(page)).filter((n) => n.type === "BENCHMARK").every((n) => n.hidden)).toBe(true);
    await page.locator("#legend button[data-type=BENCHMARK]").click();
    await expect.poll(async () => (await drawnNodes(page)).some((n) => n.hidden)).toBe(false);

    const ids = Object.fromEntries((await drawnNodes(page)).map((n) => [n.label, n.id]));
    await page.evaluate((id) => (globalThis as unknown as { explorer: any }).explorer.select(id), ids["GPT-4"]);
    await settled(page);
    await page.locator("#details button.path-from").click();
    await page.evaluate((id) => (globalThis as unknown as { explorer: any }).explorer.select(id), ids["EXAONE 2.0"]);
    await settled(page);
    await page.locator("#details button.show-path").click();
    await expect.poll(() => page.locator("#status").innerText(), { timeout: 10_000 }).toMatch(/^Path from GPT-4 to EXAONE 2.0: \d hops/);
    await settled(page);
    const shown = (await drawnNodes(page)).filter((n) => !n.hidden);
    expect(shown.map((n) => n.label)).toEqual(expect.arrayContaining(["GPT-4", "EXAONE 2.0"]));
    expect(shown.length).toBeLessThanOrEqual(7);
    // Every node on the path is labelled, and nothing else is.
    expect((await drawnLabels(page)).map((l) => l.node).sort()).toEqual(shown.map((n) => n.id).sort());
    await page.screenshot({ path: screenshotPath("explore-path.png") });
    await page.locator("#show-all").click();
    await expect.poll(async () => (await drawnNodes(page)).some((n) => n.hidden)).toBe(false);
  });

  it("undoes an expansion", async () => {
    await openExplorer(page, url);
    const before = (await drawnNodes(page)).length;
    await expect(page.locator("#undo").isDisabled()).resolves.toBe(true);
    const us = nodeNamed(await drawnNodes(page), "United States");
    await page.mouse.click(us.x, us.y);
    await expect.poll(async () => (await drawnNodes(page)).length, { timeout: 15_000 }).toBeGreaterThan(before);
    await settled(page);
    await page.locator("#undo").click();
    await expect.poll(async () => (await drawnNodes(page)).length).toBe(before);
    await expect(page.locator("#undo").isDisabled()).resolves.toBe(true);
  });

  it("keeps the graph at least 80 % of a 390 px wide screen, the panel as a bottom sheet", async () => {
    await page.setViewportSize(PHONE);
    await openExplorer(page, url, KOREA);
    const graph = await page.locator("#graph").boundingBox();
    expect(graph!.width).toBeGreaterThanOrEqual(0.8 * PHONE.width);
    expect(graph!.height).toBeGreaterThanOrEqual(0.5 * PHONE.height);
    const panel = await page.locator("#panel").boundingBox();
    expect(panel!.y).toBeGreaterThan(PHONE.height / 2);
    expect(overlappingLabels(await drawnLabels(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath("explore-mobile.png") });
    await page.locator("#sheet-toggle").click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath("explore-mobile-sheet.png") });
  });
});
