// The built pages load from this host only; the playground (/graphiql/) in a real headless Chromium
// runs a query and shows its result. The explorer's own tests are in explorer.test.ts.
// Screenshots go to tests/browser/screenshots/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { config } from "../helpers/stores.js";
import { ensurePagesBuilt, hasChromium, screenshotPath, usePages } from "./browser.js";

if (!hasChromium) console.log("Browser tests: skipped (/usr/bin/chromium is missing; install it with `apt-get install -y chromium`)");

const examples = readdirSync(path.join(PROJECT_ROOT, "examples", "queries")).filter((f) => f.endsWith(".graphql"));
const VIEWPORT = { width: 1400, height: 900 };

/** The text of GraphiQL's response pane (Monaco draws spaces as U+00A0). */
async function responseText(page: Page): Promise<string> {
  return (await page.locator(".graphiql-response").innerText()).replace(/\u00a0/g, " ");
}

async function editorText(page: Page): Promise<string> {
  return (await page.locator(".graphiql-query-editor").innerText()).replace(/\u00a0/g, " ");
}

/** Opens an example's tab once the editor is up (a click before Monaco is ready can be lost). */
async function openTab(page: Page, name: string): Promise<void> {
  await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain("query ");
  await expect
    .poll(async () => {
      await page.getByRole("tab", { name }).click();
      return editorText(page);
    }, { timeout: 15_000 })
    .toContain(`query ${name}`);
}

/**
 * Runs the open tab's operation and waits for `expected` in the response. GraphiQL 5.4 sets the
 * operation name 100 ms after the editor's content changes (a debounce in @graphiql/react's
 * operation editor): a run right after switching tabs would send the previous tab's name and get
 * OPERATION_RESOLUTION_FAILURE. A person never clicks that fast; the test waits.
 */
async function run(page: Page, name: string, expected: string): Promise<void> {
  await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain(`query ${name}`);
  await page.waitForTimeout(500);
  await page.getByRole("button", { name: /Execute query/ }).click();
  await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain(expected);
}

/**
 * The built files hold URLs of other hosts only as inert strings (XML namespaces, links to docs,
 * error-message links): none sits where a browser would fetch it by itself.
 */
describe("built pages", () => {
  // What comes right before a URL that the browser would load without a click.
  const LOADS = /(fetch|importScripts|Worker|SharedWorker|import|EventSource|WebSocket|sendBeacon|open|src|srcset|url|@import|poster|data)\s*[(=:]?\s*\(?\s*["'`]?\s*$/i;

  beforeAll(() => ensurePagesBuilt(), 180_000);

  it.each(["graphiql", "explore", "stats"])("public/%s fetches nothing from another host", (page) => {
    const dir = path.join(config.publicDir, page);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(js|css|html)$/.test(e.name));
    expect(files.length).toBeGreaterThan(0);
    const fetched: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(file.parentPath, file.name), "utf8");
      for (const match of text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi)) {
        if (match[0].startsWith("//") && !/["'`(]\s*$/.test(text.slice(Math.max(0, match.index - 2), match.index))) continue; // a comment
        const before = text.slice(Math.max(0, match.index - 24), match.index);
        if (LOADS.test(before) && !/xmlns|namespace/i.test(before)) fetched.push(`${file.name}: …${before}${match[0]}`);
      }
    }
    expect(fetched).toEqual([]);
  });
});

describe.skipIf(!hasChromium)("pages in headless Chromium", () => {
  let url: string;
  let page: Page;
  const session = usePages(VIEWPORT);
  beforeEach(() => ({ url, page } = session));

  describe("playground", () => {
    it("loads GraphiQL with the docs explorer, history, headers editor and a tab per example", async () => {
      await page.goto(`${url}/graphiql/`);
      await page.waitForSelector(".graphiql-container");
      await expect.poll(() => page.getByRole("tab").count(), { timeout: 15_000 }).toBe(examples.length);
      await expect(page.getByRole("button", { name: "Show Documentation Explorer" }).count()).resolves.toBe(1);
      await expect(page.getByRole("button", { name: "Show History" }).count()).resolves.toBe(1);
      await expect(page.getByText("Headers", { exact: true }).count()).resolves.toBe(1);
      const titles = await page.getByRole("tab").allInnerTexts();
      expect(titles.map((t) => t.trim())).toContain("Gpt4Neighborhood");
    });

    it("runs an example and shows its result", async () => {
      await page.goto(`${url}/graphiql/`);
      await openTab(page, "Gpt4Neighborhood");
      await run(page, "Gpt4Neighborhood", `"label": "GPT-4"`);
      const text = await responseText(page);
      expect(text).toContain(`"neighborhood"`);
      expect(text).toContain(`"type": "MODEL"`);
      await page.screenshot({ path: screenshotPath("graphiql.png") });
    });

    it("opens an operation given in the link (?query=&variables=) and runs it", async () => {
      const query = `query One($slug: String!) { model(slug: $slug) { name nameKo } }`;
      await page.goto(`${url}/graphiql/?${new URLSearchParams({ query, variables: JSON.stringify({ slug: "exaone-2-0" }) })}`);
      await expect.poll(() => page.getByRole("tab", { selected: true }).innerText(), { timeout: 15_000 }).toContain("One");
      await run(page, "One", `"name": "EXAONE 2.0"`);
    });
  });

});
