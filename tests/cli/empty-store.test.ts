// The CLI on a fresh data directory behaves as the server does (seeded first, said in one line), and
// its errors are one line each: what is wrong and what was expected, never a stack trace.
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";

const STACK_LINE = /^\s+at /m;
const FIVE = ["exaone-2-0", "hyperclova-x", "konan-llm", "samsung-gauss", "varco"];

function capture() {
  let out = "";
  let err = "";
  return { io: { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY: false }, out: () => out, err: () => err };
}

async function freshDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "kg-fresh-"));
}

describe("the CLI on an empty store", () => {
  it("`omitted ai-index-2024` on a fresh directory seeds it first, says so in one line, and prints the five models", async () => {
    const dir = path.join(await freshDir(), "not-yet-there");
    const c = capture();
    // The seed graph alone (KG_SEED_DATASETS=false): this is about seeding, not the datasets.
    expect(await runCli(["omitted", "ai-index-2024"], c.io, { KG_DATA_DIR: dir, NEO4J_URI: "", KG_SEED_DATASETS: "false" })).toBe(0);
    expect(c.err()).toMatch(/^the memory store was empty: seeded it from .*seed first\n$/);
    const rows = c.out().trimEnd().split("\n").slice(1);
    expect(rows.map((r) => r.split(",")[0])).toEqual(FIVE);
    // Seeded for good: the next reader neither seeds nor says anything.
    const again = capture();
    expect(await runCli(["omitted", "ai-index-2024"], again.io, { KG_DATA_DIR: dir, NEO4J_URI: "", KG_SEED_DATASETS: "false" })).toBe(0);
    expect(again.err()).toBe("");
    expect(again.out()).toBe(c.out());
    expect(await readdir(dir)).not.toContain("graph.lock");
  });

  it("`counts` on a fresh directory seeds it first too; with KG_AUTO_SEED=false nothing is seeded", async () => {
    const c = capture();
    expect(await runCli(["counts"], c.io, { KG_DATA_DIR: await freshDir(), NEO4J_URI: "", KG_SEED_DATASETS: "false" })).toBe(0);
    expect(c.err()).toContain("was empty: seeded it");
    expect(JSON.parse(c.out()).nodes).toBeGreaterThan(40);

    const off = capture();
    const dir = await freshDir();
    expect(await runCli(["omitted", "ai-index-2024"], off.io, { KG_DATA_DIR: dir, NEO4J_URI: "", KG_AUTO_SEED: "false" })).toBe(1);
    expect(off.err()).toBe("kg omitted: no report with slug 'ai-index-2024' (see `reports` in the API for the slugs)\n");
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("the CLI's errors", () => {
  it("an import of a missing directory names the path and what was expected, with and without --snapshot-date, and touches no store", async () => {
    const dataDir = await freshDir();
    const missing = path.join(await freshDir(), "no-such-snapshot");
    for (const extra of [[], ["--snapshot-date", "2025-01-24"]]) {
      const c = capture();
      expect(await runCli(["import", "ecosystem-graphs", missing, ...extra], c.io, { KG_DATA_DIR: dataDir, NEO4J_URI: "" })).toBe(1);
      expect(c.err()).toBe(
        `kg import: no such directory: ${missing}; expected the assets/ folder of Stanford CRFM's Ecosystem Graphs: its *.yaml files, and a README.md naming the commit\n`,
      );
    }
    expect(await readdir(dataDir)).toEqual([]);
  });

  it("an import of a file or of a folder without YAML says what it found", async () => {
    const folder = await freshDir();
    const file = path.join(folder, "README.md");
    await writeFile(file, "# not a snapshot\n");
    const env = { KG_DATA_DIR: await freshDir(), NEO4J_URI: "" };
    const notDir = capture();
    expect(await runCli(["import", "ecosystem-graphs", file], notDir.io, env)).toBe(1);
    expect(notDir.err()).toContain(`${file} is a file, not a directory; expected the assets/ folder`);
    const noYaml = capture();
    expect(await runCli(["import", "ecosystem-graphs", folder], noYaml.io, env)).toBe(1);
    expect(noYaml.err()).toContain(`${folder} holds no *.yaml files`);
  });

  it("an unexpected error is one line, its stack only with LOG_LEVEL=debug", async () => {
    // A data directory that is a file: the store cannot be opened, which no check foresees.
    const file = path.join(await freshDir(), "a-file");
    await writeFile(file, "");
    const plain = capture();
    expect(await runCli(["seed"], plain.io, { KG_DATA_DIR: file, NEO4J_URI: "" })).toBe(1);
    expect(plain.err()).toMatch(/^kg seed: unexpected error: .*a-file.* \(LOG_LEVEL=debug shows where\)\n$/);
    expect(plain.err()).not.toMatch(STACK_LINE);
    const debug = capture();
    expect(await runCli(["seed"], debug.io, { KG_DATA_DIR: file, NEO4J_URI: "", LOG_LEVEL: "debug" })).toBe(1);
    expect(debug.err()).toMatch(STACK_LINE);
  });
});
