// Vitest setup. graphql is aliased to its CommonJS entry so that test code and the externalized
// type-graphql / @apollo/server share one copy of it (see STACK-NOTES, "Two copies of graphql").
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { TZ: "UTC", NODE_ENV: "test" },
    fileParallelism: false,
  },
});
