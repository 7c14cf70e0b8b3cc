// The lint `npm test` runs (eslint.config.js) fails on an import cycle and on each layer breach:
// ESLint's Node API on tests/fixtures/lint, a small src/ tree that breaks one rule per file, with
// that folder as the working directory so that the layer rules' paths apply to it.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";

const FIXTURES = path.join(PROJECT_ROOT, "tests", "fixtures", "lint");

type Found = Array<{ rule: string | null; message: string }>;

describe("the lint", () => {
  let found: Map<string, Found>;
  beforeAll(async () => {
    const overrideConfigFile = path.join(PROJECT_ROOT, "eslint.config.js");
    // The project's layer zones as they are, with their paths taken from the fixtures' folder.
    const project = await new ESLint({ cwd: FIXTURES, overrideConfigFile }).calculateConfigForFile(path.join(FIXTURES, "src/domain/rank.ts"));
    const [severity, options] = project.rules["import-x/no-restricted-paths"];
    expect(options.zones.length).toBeGreaterThan(0);
    const eslint = new ESLint({
      cwd: FIXTURES,
      overrideConfigFile,
      overrideConfig: { rules: { "import-x/no-restricted-paths": [severity, { ...options, basePath: FIXTURES }] } },
    });
    const results = await eslint.lintFiles(["src/**/*.ts"]);
    found = new Map(results.map((r) => [path.relative(FIXTURES, r.filePath), r.messages.map((m) => ({ rule: m.ruleId, message: m.message }))]));
  }, 120_000);

  const rulesOf = (file: string) => (found.get(file) ?? []).map((m) => m.rule);

  it("lints every fixture (none is ignored) and passes the clean ones", () => {
    expect([...found.keys()].sort()).toEqual([
      "src/domain/rank.ts",
      "src/graphql/clean-resolver.ts",
      "src/graphql/count-resolver.ts",
      "src/graphql/cycle-a.ts",
      "src/graphql/cycle-b.ts",
      "src/graphql/typed-a.ts",
      "src/graphql/typed-b.ts",
      "src/graphql/unused-import.ts",
      "src/server/health.ts",
      "src/store/memory/memory-store.ts",
      "src/store/neo4j/neo4j-store.ts",
      "src/store/port.ts",
    ]);
    // typed-a/typed-b: a cycle of type-only imports, which no-cycle lets pass (tests/lint/type-cycles.test.ts catches it).
    for (const clean of ["src/graphql/clean-resolver.ts", "src/store/port.ts", "src/store/memory/memory-store.ts", "src/graphql/typed-a.ts", "src/graphql/typed-b.ts"]) expect(found.get(clean), clean).toEqual([]);
  });

  it("fails on an import cycle, in both of its files", () => {
    expect(rulesOf("src/graphql/cycle-a.ts")).toEqual(["import-x/no-cycle"]);
    expect(rulesOf("src/graphql/cycle-b.ts")).toEqual(["import-x/no-cycle"]);
  });

  it("fails when the domain imports anything outside src/domain", () => {
    const messages = found.get("src/domain/rank.ts")!;
    expect(messages.map((m) => m.rule).sort()).toEqual(["import-x/no-restricted-paths", "no-restricted-imports"]);
    expect(messages.map((m) => m.message).join("\n")).toContain("src/domain imports nothing outside src/domain");
  });

  it("fails when src/graphql imports an adapter", () => {
    const messages = found.get("src/graphql/count-resolver.ts")!;
    expect(messages.map((m) => m.rule)).toEqual(["import-x/no-restricted-paths"]);
    expect(messages[0].message).toContain("src/graphql knows the store port (src/store/port.ts), never an adapter");
  });

  it("fails when one adapter imports the other", () => {
    expect(found.get("src/store/neo4j/neo4j-store.ts")).toEqual([{ rule: "import-x/no-restricted-paths", message: expect.stringContaining("The adapters never import each other") }]);
  });

  it("fails when a module other than src/store/neo4j/executor.ts imports neo4j-driver", () => {
    expect(found.get("src/server/health.ts")).toEqual([{ rule: "no-restricted-imports", message: expect.stringContaining("Only src/store/neo4j/executor.ts speaks to Neo4j") }]);
  });

  it("fails on an unused import", () => {
    expect(found.get("src/graphql/unused-import.ts")).toEqual([{ rule: "@typescript-eslint/no-unused-vars", message: expect.stringContaining("'total' is defined but never used") }]);
  });
});
