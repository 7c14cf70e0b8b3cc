// How the server serves the bundled pages: / sends browsers to the playground, the pages carry a
// same-origin CSP, hashed assets are cached for good, and an unbuilt page says how to build it.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/server/app.js";
import { createLogger } from "../../src/server/logger.js";
import { PAGE_CSP } from "../../src/server/pages.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

describe("pages", () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    // A public/ of our own: the explore page built, graphiql not.
    const publicDir = mkdtempSync(path.join(tmpdir(), "kg-public-"));
    mkdirSync(path.join(publicDir, "explore", "assets"), { recursive: true });
    writeFileSync(path.join(publicDir, "explore", "index.html"), "<!doctype html><title>explore</title>");
    writeFileSync(path.join(publicDir, "explore", "assets", "index-abc123.js"), "console.log(1)");
    app = await createApp({ store: await MemoryStore.open(null), logger: createLogger("silent"), publicDir });
    url = await app.listen(0, "127.0.0.1");
  });
  afterAll(() => app.close());

  it("sends browsers from / to the playground, and other clients a map of the API", async () => {
    const browser = await fetch(`${url}/`, { redirect: "manual", headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(browser.status).toBe(302);
    expect(browser.headers.get("location")).toBe("/graphiql/");
    const client = await fetch(`${url}/`, { headers: { accept: "*/*" } });
    expect(await client.json()).toMatchObject({ graphql: "/graphql", playground: "/graphiql/", explorer: "/explore/", stats: "/stats/" });
  });

  it("serves a built page with the same-origin CSP; its HTML is revalidated, its hashed assets cached", async () => {
    const page = await fetch(`${url}/explore/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("connect-src 'self'");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const asset = await fetch(`${url}/explore/assets/index-abc123.js`);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const bare = await fetch(`${url}/explore`, { redirect: "manual" });
    expect(bare.status).toBe(301);
  });

  it("answers 503 with the build command for a page that is not built", async () => {
    const res = await fetch(`${url}/graphiql/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build:web");
  });
});
