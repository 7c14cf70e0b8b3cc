// The lint `npm test` runs: typescript-eslint's recommended rules, no import cycles, and the layers of
// ../shared/CONVENTIONS.md drawn as rules, so that an arrow pointing the wrong way fails the build
// (domain knows nobody; graphql knows the port, never an adapter; adapters never each other; one
// module speaks to neo4j-driver). Unused exports are knip's job (knip.json, `npm run lint:exports`).
import path from "node:path";
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/** The one module allowed to import neo4j-driver (neo4j/graphql's Executor.ts is the model). */
const DRIVER_MODULE = "src/store/neo4j/executor.ts";

const noDriver = {
  name: "neo4j-driver",
  message: `Only ${DRIVER_MODULE} speaks to Neo4j: go through the store port (src/store/port.ts).`,
};

/**
 * Layers as import-x/no-restricted-paths zones; paths are from the repository root (the rule's
 * basePath, set below; tests/lint swaps in its fixtures' folder). The domain is
 * also kept free of packages and Node built-ins below (no I/O, no frameworks).
 */
const LAYERS = [
  {
    target: "./src/domain",
    from: "./src",
    except: ["./domain"],
    message: "src/domain imports nothing outside src/domain.",
  },
  {
    target: "./src/graphql",
    from: ["./src/store/neo4j", "./src/store/memory", "./src/store/open-store.ts"],
    message: "src/graphql knows the store port (src/store/port.ts), never an adapter.",
  },
  { target: "./src/store/neo4j", from: "./src/store/memory", message: "The adapters never import each other." },
  { target: "./src/store/memory", from: "./src/store/neo4j", message: "The adapters never import each other." },
  {
    target: "./src/store/port.ts",
    from: ["./src/store/neo4j", "./src/store/memory", "./src/graphql", "./src/server"],
    message: "The port knows no adapter and no caller.",
  },
];

export default tseslint.config(
  {
    ignores: ["dist/**", "public/**", "coverage/**", "node_modules/**", "tools/neo4j/target/**", ".kg-data/**", "tests/fixtures/lint/**"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.js"],
    plugins: { "import-x": importX },
    settings: {
      // Read dependencies with the TypeScript parser too, or no-cycle cannot follow a .ts import.
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: path.join(import.meta.dirname, "tsconfig.json") })],
    },
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // tsc's `strict` is the type discipline here; `any` stays allowed where JSON from outside is read.
      "@typescript-eslint/no-explicit-any": "off",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: LAYERS, basePath: import.meta.dirname }],
      "import-x/no-self-import": "error",
      "@typescript-eslint/no-unused-vars": ["error", { args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "no-restricted-imports": ["error", { paths: [noDriver] }],
    },
  },
  {
    // The domain has no I/O and no framework: relative imports within src/domain only.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(?!\\./)", message: "src/domain imports nothing outside src/domain (no packages, no node: built-ins)." }] }],
    },
  },
  {
    files: [DRIVER_MODULE],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The benchmark's floor and the @neo4j/graphql comparison speak to Neo4j directly on purpose:
    // they measure what the API is compared against, not the API.
    files: ["bench/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
