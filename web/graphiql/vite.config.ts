// Builds the playground (GraphiQL 5) into public/graphiql, served at /graphiql/ by src/server/app.ts.
// Monaco's workers are bundled too (graphiql/setup-workers/vite): nothing is fetched from a CDN.
import path from "node:path";
import { defineConfig } from "vite";

const repo = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  root: import.meta.dirname,
  base: "/graphiql/",
  publicDir: false,
  build: {
    outDir: path.join(repo, "public/graphiql"),
    emptyOutDir: true,
    // Monaco alone is ~4 MB; the files are hashed and cached for good (src/server/pages.ts).
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      // React libraries mark modules "use client"; that means nothing outside a server-components build.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  // `vite -c web/graphiql/vite.config.ts` for development, against an API on port 4000.
  server: { fs: { allow: [repo] }, proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
