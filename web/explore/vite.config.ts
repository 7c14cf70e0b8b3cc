// Builds the explorer (sigma + graphology) into public/explore, served at /explore/ by src/server/app.ts.
import path from "node:path";
import { defineConfig } from "vite";

const repo = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  root: import.meta.dirname,
  base: "/explore/",
  publicDir: false,
  build: { outDir: path.join(repo, "public/explore"), emptyOutDir: true },
  // `vite -c web/explore/vite.config.ts` for development, against an API on port 4000.
  server: { proxy: { "/graphql": "http://127.0.0.1:4000", "/export": "http://127.0.0.1:4000" } },
});
