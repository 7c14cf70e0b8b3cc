// Builds the stats page (Observable Plot charts of grouped statistics and indicators) into
// public/stats, served at /stats/ by src/server/app.ts. Everything it draws with is bundled here.
import path from "node:path";
import { defineConfig } from "vite";

const repo = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  root: import.meta.dirname,
  base: "/stats/",
  publicDir: false,
  build: { outDir: path.join(repo, "public/stats"), emptyOutDir: true },
  // `vite -c web/stats/vite.config.ts` for development, against an API on port 4000.
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
