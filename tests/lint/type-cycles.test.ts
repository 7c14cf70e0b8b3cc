// No import cycles in src/, counting `import type` too. ESLint's import-x/no-cycle skips type-only
// imports (they vanish at run time, so they cannot break module start-up), but a type cycle still
// ties two modules together: two of the four cycles issue 13 removed (config <-> store/neo4j/executor,
// memory-store <-> slices) were type-only on one side. The graph is built from TypeScript's own
// reading of each file's imports and its module resolution, as tsc sees them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";

const OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Each file's imports (type-only included) that resolve to other files of the set. */
function importGraph(files: string[]): Map<string, string[]> {
  const inSet = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
      const targets = importedFiles
        .map((i) => ts.resolveModuleName(i.fileName, file, OPTIONS, ts.sys).resolvedModule?.resolvedFileName)
        .filter((target): target is string => target !== undefined && inSet.has(target));
      return [file, [...new Set(targets)]];
    }),
  );
}

/** The strongly connected components with more than one file (Tarjan): every cycle lies in one. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.map((f) => path.relative(PROJECT_ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return components;
}

describe("import cycles, type-only imports included", () => {
  it("finds the lint fixtures' cycles, the type-only one too (so the check can fail)", () => {
    const fixtures = tsFilesUnder(path.join(PROJECT_ROOT, "tests", "fixtures", "lint", "src"));
    const cycles = cyclesOf(importGraph(fixtures)).sort((a, b) => a[0].localeCompare(b[0]));
    expect(cycles).toEqual([
      ["tests/fixtures/lint/src/graphql/cycle-a.ts", "tests/fixtures/lint/src/graphql/cycle-b.ts"],
      ["tests/fixtures/lint/src/graphql/typed-a.ts", "tests/fixtures/lint/src/graphql/typed-b.ts"],
    ]);
  });

  it("finds none in src/", () => {
    const files = tsFilesUnder(path.join(PROJECT_ROOT, "src"));
    expect(files.length).toBeGreaterThan(50);
    expect(cyclesOf(importGraph(files))).toEqual([]);
  });
});
