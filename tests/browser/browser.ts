// What the browser tests share: the built pages (built here when missing or older than web/), the
// app on a free port of 127.0.0.1 with the seeded embedded store (and an imported snapshot if asked), and Debian's Chromium driven by
// playwright-core (which never downloads a browser), with every request to another host recorded.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { importEcosystemGraphs } from "../../src/importers/ecosystem-graphs/import.js";
import { createApp, type App } from "../../src/server/app.js";
import { createLogger } from "../../src/server/logger.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import { config } from "../helpers/stores.js";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = path.join(PROJECT_ROOT, "tests", "browser", "screenshots");

const PAGES = ["graphiql", "explore", "stats"].map((page) => path.join(config.publicDir, page, "index.html"));
const SOURCES = [path.join(PROJECT_ROOT, "web"), path.join(PROJECT_ROOT, "examples", "queries")];

function newestIn(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((newest, e) => Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs), 0);
}

/** Runs `npm run build:web` when public/ lacks a page or is older than its sources. */
export function ensurePagesBuilt(): void {
  const built = PAGES.every(existsSync) ? Math.min(...PAGES.map((p) => statSync(p).mtimeMs)) : 0;
  if (built > Math.max(...SOURCES.map(newestIn))) return;
  try {
    execFileSync("npm", ["run", "build:web"], { cwd: PROJECT_ROOT, stdio: "pipe", timeout: 120_000 });
  } catch (error) {
    const output = String((error as { stderr?: Buffer }).stderr ?? error).slice(-2000);
    throw new Error(`the pages in public/ are missing or stale and \`npm run build:web\` failed:\n${output}`, { cause: error });
  }
}

/**
 * The app on the seeded embedded store; with `importDir`, an Ecosystem Graphs snapshot imported on
 * top (tests/helpers/ecosystem-graphs.ts says where the real one is).
 */
export async function startApp(options: { importDir?: string } = {}): Promise<{ app: App; url: string }> {
  const store = await MemoryStore.open(null);
  await seedStore(store, config.seedDir);
  if (options.importDir) await importEcosystemGraphs(store, options.importDir);
  const app = await createApp({ store, logger: createLogger("silent"), publicDir: config.publicDir });
  return { app, url: await app.listen(0, "127.0.0.1") };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** What a page did that it should not: requests to other hosts, uncaught errors, CSP violations. */
export interface PageWatch {
  foreignRequests: string[];
  errors: string[];
}

export function watch(page: Page): PageWatch {
  const seen: PageWatch = { foreignRequests: [], errors: [] };
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.hostname !== "127.0.0.1") seen.foreignRequests.push(request.url());
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(message.text());
  });
  return seen;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

/**
 * The colour of the screenshot's pixel at (x, y), read by the browser itself (it decodes the PNG
 * onto a 2D canvas), as "#rrggbb". WebGL canvases cannot be read back directly.
 */
export async function pixelAt(page: Page, x: number, y: number): Promise<string> {
  const png = (await page.screenshot({ clip: { x: Math.round(x) - 1, y: Math.round(y) - 1, width: 3, height: 3 } })).toString("base64");
  return page.evaluate(async (data) => {
    // Runs in the browser; Node's lib (which type-checks this file) has no DOM types.
    const dom = globalThis as any;
    const image = new dom.Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = dom.document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const [r, g, b] = context.getImageData(Math.floor(image.width / 2), Math.floor(image.height / 2), 1, 1).data as number[];
    return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
  }, png);
}

/** Whether two "#rrggbb" colours differ by at most `tolerance` per channel (antialiasing, gamma). */
export function closeColours(a: string, b: string, tolerance = 24): boolean {
  const channels = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const [x, y] = [channels(a), channels(b)];
  return x.every((v, i) => Math.abs(v - y[i]) <= tolerance);
}

/** What usePages gives a test: the app's URL and the test's own page. */
export interface PageSession {
  readonly url: string;
  readonly page: Page;
}

/**
 * The hooks of a describe block of page tests on the seed graph: one app and one Chromium for the
 * block, a new page at `viewport` for each test, and after each test the checks that no request
 * left 127.0.0.1 and that the page logged no error. Read `url` and `page` inside a test or a hook.
 * With `importDir`, the app's graph is the seed plus that Ecosystem Graphs snapshot (startApp).
 */
export function usePages(viewport: { width: number; height: number }, options: { importDir?: string } = {}): PageSession {
  let app: App | undefined;
  let browser: Browser | undefined;
  let seen: PageWatch;
  const session: { url: string; page: Page } = { url: "", page: undefined as unknown as Page };
  beforeAll(async () => {
    ensurePagesBuilt();
    ({ app, url: session.url } = await startApp(options));
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(async () => {
    session.page = await browser!.newPage({ viewport });
    seen = watch(session.page);
  });
  afterEach(async () => {
    await session.page.close();
    expect(seen.foreignRequests, "requests to hosts other than 127.0.0.1").toEqual([]);
    expect(seen.errors, "page errors, console errors, CSP violations").toEqual([]);
  });
  return session;
}
