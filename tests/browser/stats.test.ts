// The stats page (/stats/) in a real headless Chromium, on the seed plus the Ecosystem Graphs
// snapshot: each chart draws one mark per row the API answered, downloads those rows as CSV, and
// links to its operation in the playground; Korean names are drawn; nothing leaves 127.0.0.1.
// Screenshots go to tests/browser/screenshots/ (git-ignored).
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INDICATOR_SERIES_QUERY, MODELS_PER_COUNTRY_YEAR_QUERY, REPORT_FIGURES_QUERY } from "../../web/stats/queries.js";
import { hasSnapshot, SNAPSHOT_DIR } from "../helpers/ecosystem-graphs.js";
import { hasChromium, screenshotPath, usePages } from "./browser.js";

const DESKTOP = { width: 1280, height: 900 };

/** An operation sent the way the page sends it; its data, or the test fails on its errors. */
async function graphql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

async function openStats(page: Page, url: string, query = ""): Promise<void> {
  await page.goto(`${url}/stats/${query}`);
  await page.waitForSelector("body[data-state=ready]", { timeout: 60_000 });
}

/** The marks Plot drew in a chart for one mark (by its aria-label), as SVG elements. */
function marks(page: Page, chart: string, mark: string, element: string) {
  return page.locator(`#${chart} .plot svg g[aria-label="${mark}"] ${element}`);
}

/** Downloads a chart's CSV through its link, as a person would, and returns its lines. */
async function downloadCsv(page: Page, chart: string): Promise<{ name: string; lines: string[] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#${chart} a.csv-link`).click()]);
  const text = await readFile((await download.path())!, "utf8");
  return { name: download.suggestedFilename(), lines: text.trimEnd().split(/\r\n/) };
}

/** Opens the chart's query link (a new tab) and waits for the playground to show the operation. */
async function openQueryLink(page: Page, chart: string, operation: string): Promise<void> {
  const link = page.locator(`#${chart} a.query-link`);
  const [tab] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
  await tab.waitForURL(/\/graphiql\/\?query=/);
  await expect
    .poll(async () => (await tab.locator(".graphiql-query-editor").innerText()).replace(/\u00a0/g, " "), { timeout: 20_000 })
    .toContain(`query ${operation}`);
  await tab.close();
}

describe.skipIf(!hasChromium || !hasSnapshot)("stats page on the seed plus Ecosystem Graphs, in headless Chromium", () => {
  let url: string;
  let page: Page;
  const session = usePages(DESKTOP, { importDir: SNAPSHOT_DIR });
  /** Plot's own warnings (a channel it cannot read as meant), which it also marks with a ⚠ on the chart. */
  let warnings: string[];
  beforeEach(() => {
    ({ url, page } = session);
    warnings = [];
    page.on("console", (m) => void (m.type() === "warning" && warnings.push(m.text())));
  });
  afterEach(() => expect(warnings, "console warnings (Plot's among them)").toEqual([]));

  it("draws an indicator for chosen countries over the years, with Korean names, and downloads it", async () => {
    await openStats(page, url, "?indicator=private-ai-investment");
    const data = await graphql<{ indicator: { observations: Array<{ year: number; country: { code: string } | null }> } }>(url, INDICATOR_SERIES_QUERY, { slug: "private-ai-investment" });
    const observed = data.indicator.observations.filter((o) => o.country);
    const countries = new Set(observed.map((o) => o.country!.code));
    expect(countries.has("KR")).toBe(true);
    await expect(marks(page, "series", "dot", "circle").count()).resolves.toBe(observed.length);
    await expect(marks(page, "series", "line", "path").count()).resolves.toBe(countries.size);
    // The legend names Korea in Korean too; the font has the glyphs (a box of U+25A1 would be as wide as a space).
    await expect(page.locator("#series .plot").innerText()).resolves.toContain("South Korea · 한국");
    const csv = await downloadCsv(page, "series");
    expect(csv.name).toBe("private-ai-investment.csv");
    expect(csv.lines[0]).toBe("indicator,country_code,country,year,value,unit");
    expect(csv.lines).toHaveLength(observed.length + 1);
    expect(csv.lines).toContain("private-ai-investment,KR,South Korea · 한국,2023,1390000000,USD");
    await page.locator("#series").screenshot({ path: screenshotPath("stats-series.png") });

    // Korea alone: one line, its observations only; the URL keeps the choice.
    for (const box of await page.locator("#series-countries input:not([value=KR])").all()) await box.uncheck();
    await expect.poll(() => marks(page, "series", "line", "path").count()).toBe(1);
    await expect(marks(page, "series", "dot", "circle").count()).resolves.toBe(observed.filter((o) => o.country!.code === "KR").length);
    expect(new URL(page.url()).searchParams.get("countries")).toBe("KR");
  });

  it("draws models per country per release year: one bar segment per group the API counts", async () => {
    await openStats(page, url);
    const groups: unknown[] = [];
    let after: string | null = null;
    do {
      const data: { modelStats: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await graphql(url, MODELS_PER_COUNTRY_YEAR_QUERY, { filter: null, after });
      groups.push(...data.modelStats.nodes);
      after = data.modelStats.pageInfo.hasNextPage ? data.modelStats.pageInfo.endCursor : null;
    } while (after);
    expect(groups.length).toBeGreaterThan(20);
    await expect(marks(page, "models", "bar", "rect").count()).resolves.toBe(groups.length);
    await page.locator("#models").screenshot({ path: screenshotPath("stats-models.png") });
    const csv = await downloadCsv(page, "models");
    expect(csv.lines[0]).toBe("country_code,country,year,models");
    expect(csv.lines).toHaveLength(groups.length + 1);
    await openQueryLink(page, "models", "ModelsPerCountryPerYear");

    // Narrowed to one dataset (the sources are modelStats by SOURCE): the groups of that filter.
    const options = await page.locator("#models-source option").evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    expect(options).toContain("ecosystem-graphs-2025-01-24");
    await page.selectOption("#models-source", "ecosystem-graphs-2025-01-24");
    const listed = await graphql<{ modelStats: { totalCount: number } }>(url, MODELS_PER_COUNTRY_YEAR_QUERY, { filter: { listedBy: "ecosystem-graphs-2025-01-24" } });
    await expect.poll(() => marks(page, "models", "bar", "rect").count()).toBe(listed.modelStats.totalCount);
    expect(new URL(page.url()).searchParams.get("source")).toBe("ecosystem-graphs-2025-01-24");
  });

  it("fits a phone's width: every chart drawn within the page", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openStats(page, url);
    for (const chart of ["models", "series", "coverage"]) {
      await expect(page.locator(`#${chart}`).getAttribute("data-state")).resolves.toBe("ready");
      const box = (await page.locator(`#${chart} .plot figure > svg[class^=plot-]`).boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    // Nothing makes the page scroll sideways.
    await expect(page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath("stats-phone.png"), fullPage: true });
  });

  it("draws the AI Index's stated figures beside the recomputed ones: Korea stated none, counted N, with its models", async () => {
    await openStats(page, url);
    type Row = { country: { code: string } | null; stated: number | null; recomputed: { value: number; models: { nodes: Array<{ name: string }> } } | null };
    const data = await graphql<{ report: { coverage: Row[] } }>(url, REPORT_FIGURES_QUERY, { report: "ai-index-2024", indicator: "foundation-models" });
    const byCode = new Map(data.report.coverage.filter((r) => r.country).map((r) => [r.country!.code, r]));
    const korea = byCode.get("KR")!;
    expect(korea.stated).toBeNull();
    expect(korea.recomputed!.value).toBeGreaterThan(0);

    // The CSV holds the drawn rows; each figure it has is one bar, each missing stated figure a "not stated".
    const csv = await downloadCsv(page, "coverage");
    expect(csv.name).toBe("ai-index-2024-foundation-models-countries.csv");
    expect(csv.lines[0]).toBe("country_code,country,year,stated,recomputed,difference");
    const rows = csv.lines.slice(1).map((l) => l.split(","));
    expect(rows.length).toBeGreaterThan(3);
    const figures = rows.flatMap((r) => [r[3], r[4]]).filter((v) => v !== "").length;
    await expect(marks(page, "coverage", "bar", "rect").count()).resolves.toBe(figures);
    const unstated = rows.filter((r) => r[3] === "").length;
    await expect(page.locator("#coverage .plot svg text", { hasText: "not stated" }).count()).resolves.toBe(unstated);
    // Each country's figures are the API's: the coverage's, else (no models in the graph) the indicator's stated value.
    for (const [code, , year, stated, recomputed] of rows) {
      expect(year).toBe("2023");
      const row = byCode.get(code);
      if (row) {
        expect(stated).toBe(row.stated === null ? "" : String(row.stated));
        expect(recomputed).toBe(row.recomputed ? String(row.recomputed.value) : "");
      }
    }
    expect(rows.find((r) => r[0] === "KR")).toEqual(["KR", "South Korea · 한국", "2023", "", String(korea.recomputed!.value), ""]);
    expect(rows.find((r) => r[0] === "US")![3]).toBe("109");
    const line = page.locator("#coverage .unstated li[data-country=KR]");
    await expect(line.innerText()).resolves.toContain(korea.recomputed!.models.nodes[0].name);
    await page.locator("#coverage").screenshot({ path: screenshotPath("stats-coverage.png") });

    // By organization: the indicator's organizations, each stated.
    await page.selectOption("#coverage-by", "organization");
    await expect.poll(() => page.locator("#coverage .plot figure > svg[class^=plot-]").innerHTML()).toContain("Google");
    await page.locator("#coverage").screenshot({ path: screenshotPath("stats-coverage-organizations.png") });
    await openQueryLink(page, "coverage", "ReportFigures");
  });

  it("opens Korea's talent migration by default and links it to its query in the playground", async () => {
    await openStats(page, url);
    await expect(page.locator("#series-indicator").inputValue()).resolves.toBe("ai-talent-migration");
    await expect(page.locator("#series-countries input[value=KR]").isChecked()).resolves.toBe(true);
    await openQueryLink(page, "series", "IndicatorSeries");
  });
});
