// One argument syntax for every `kg` command: `--flag value` and `--flag=value` give the same run,
// every command and `kg` itself answer `--help` from the declaration they parse by, and a bad
// argument is one line naming it, then the usage.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.js";
import { runCli } from "../../src/cli/run.js";
import { writeFixtureSnapshot } from "../helpers/ecosystem-graphs.js";

function capture(isTTY = false) {
  let out = "";
  let err = "";
  return { io: { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY, errIsTTY: false }, out: () => out, err: () => err };
}

const freshEnv = async () => ({ KG_DATA_DIR: await mkdtemp(path.join(tmpdir(), "kg-args-")), NEO4J_URI: "", KG_SEED_DATASETS: "false" });

/** Runs `argv`, expecting success, and gives what it printed. */
async function ran(argv: string[], env: NodeJS.ProcessEnv): Promise<{ out: string; err: string }> {
  const c = capture();
  const code = await runCli(argv, c.io, env);
  expect(c.err(), argv.join(" ")).not.toMatch(/^kg /m);
  expect(code).toBe(0);
  return { out: c.out(), err: c.err() };
}

/** Output with the run's own data dir and timings left out, so two runs can be compared. */
const comparable = (text: string) => text.replace(/\d+\.\d s, \d+ nodes\+rels\/s/, "<time>").replace(/ in \d+\.\d s:/, " in <time>:");

const NAMES = Object.keys(COMMANDS);

describe("kg --help", () => {
  it.each([["--help"], ["-h"], ["help"]])("`kg %s` lists every command with its summary and exits 0", async (flag) => {
    const c = capture();
    expect(await runCli([flag], c.io, {})).toBe(0);
    expect(c.out()).toMatch(/^usage: npm run kg -- <command> \[args\]\n/);
    for (const name of NAMES) expect(c.out()).toContain(`  ${name.padEnd(10)} ${COMMANDS[name].summary}`);
    expect(c.err()).toBe("");
  });

  it("`kg` alone prints the same list and exits 2", async () => {
    const c = capture();
    expect(await runCli([], c.io, {})).toBe(2);
    expect(c.out()).toContain("commands:");
  });

  it.each(NAMES)("`kg %s --help`, `-h` and `kg help %s` print its usage and options, open no store and exit 0", async (name) => {
    // A KG_DATA_DIR that cannot be opened: help must not try.
    const env = { KG_DATA_DIR: "/dev/null/not-a-dir", NEO4J_URI: "" };
    const outputs: string[] = [];
    for (const argv of [[name, "--help"], [name, "-h"], ["help", name]]) {
      const c = capture();
      expect(await runCli(argv, c.io, env)).toBe(0);
      expect(c.err()).toBe("");
      outputs.push(c.out());
    }
    expect(new Set(outputs).size).toBe(1);
    const help = outputs[0];
    expect(help.split("\n")[0]).toBe(COMMANDS[name].usage);
    expect(help).toMatch(new RegExp(`^usage: npm run kg -- ${name}\\b`));
    expect(help).toContain(COMMANDS[name].summary);
    expect(help).toContain("--help");
    for (const option of COMMANDS[name].usage.match(/--[a-z-]+/g) ?? []) expect(help).toMatch(new RegExp(`^  ${option}\\b`, "m"));
  });

  it("`kg help <unknown>` names it and exits 2", async () => {
    const c = capture();
    expect(await runCli(["help", "frobnicate"], c.io, {})).toBe(2);
    expect(c.err()).toContain("unknown command 'frobnicate'");
  });
});

describe("--flag value and --flag=value", () => {
  let seeded: NodeJS.ProcessEnv;
  beforeAll(async () => {
    seeded = await freshEnv();
    await ran(["seed"], seeded);
  });

  it("omitted --format", async () => {
    const spaced = await ran(["omitted", "ai-index-2024", "--format", "json"], seeded);
    const joined = await ran(["omitted", "ai-index-2024", "--format=json"], seeded);
    expect(joined).toEqual(spaced);
    expect(JSON.parse(spaced.out)).toHaveLength(5);
    // Options may come before the positional, too.
    expect(await ran(["omitted", "--format=json", "ai-index-2024"], seeded)).toEqual(spaced);
  });

  it("generate --models, --seed and --batch-size", async () => {
    const spaced = await ran(["generate", "--models", "20", "--seed", "3", "--batch-size", "50"], await freshEnv());
    const joined = await ran(["generate", "--models=20", "--seed=3", "--batch-size=50"], await freshEnv());
    const mixed = await ran(["generate", "--batch-size=50", "--models", "20", "--seed=3"], await freshEnv());
    expect(comparable(spaced.out)).toMatch(/^generated 20 models \(seed 3\) into memory: \d+ nodes and \d+ relationships in \d+ batches/);
    expect(comparable(joined.out)).toBe(comparable(spaced.out));
    expect(comparable(mixed.out)).toBe(comparable(spaced.out));
  });

  it("import --report and --batch-size", async () => {
    const fixture = await writeFixtureSnapshot();
    const dir = await mkdtemp(path.join(tmpdir(), "kg-args-report-"));
    const spacedReport = path.join(dir, "spaced.json");
    const joinedReport = path.join(dir, "joined.json");
    const spaced = await ran(["import", "ecosystem-graphs", fixture, "--report", spacedReport, "--batch-size", "7"], await freshEnv());
    const joined = await ran(["import", "ecosystem-graphs", fixture, `--report=${joinedReport}`, "--batch-size=7"], await freshEnv());
    expect(comparable(joined.out)).toBe(comparable(spaced.out));
    expect(spaced.out).toMatch(/^imported \d+ records .* in \d+ batches\n$/);
    const report = async (file: string) => {
      const { summary, ...rest } = JSON.parse(await readFile(file, "utf8"));
      return { ...rest, summary: { ...summary, durationMs: "<time>" } };
    };
    expect(await report(joinedReport)).toEqual(await report(spacedReport));
  });
});

describe("bad arguments, the same way for every command", () => {
  it.each([
    [["generate", "--models=0"], "kg generate: --models must be an integer of at least 1, got '0'\nusage: npm run kg -- generate"],
    [["generate", "--models", "many"], "kg generate: --models must be an integer of at least 1, got 'many'\nusage: npm run kg -- generate"],
    [["generate"], "kg generate: --models is required\nusage: npm run kg -- generate"],
    [["omitted", "ai-index-2024", "--format=xml"], "kg omitted: --format must be one of table, csv, json, got 'xml'"],
    [["omitted"], "kg omitted: <report-slug> is missing\nusage: npm run kg -- omitted <report-slug>"],
    [["import", "ecosystem-graphs", "--report"], "kg import: --report needs a value"],
    [["import", "ecosystem-graphs", "--batch-size=10001"], "kg import: --batch-size must be an integer from 1 to 10000, got '10001'"],
    [["counts", "extra"], "kg counts: unexpected argument 'extra'\nusage: npm run kg -- counts"],
    [["seed", "--force"], "kg seed: unknown option '--force'\nusage: npm run kg -- seed"],
    [["verify", "--models=3"], "kg verify: unknown option '--models'\nusage: npm run kg -- verify"],
  ])("%j is refused in words, exit 1, nothing opened", async (argv, message) => {
    const c = capture();
    expect(await runCli(argv, c.io, { KG_DATA_DIR: "/dev/null/not-a-dir", NEO4J_URI: "" })).toBe(1);
    expect(c.err().startsWith(message)).toBe(true);
    expect(c.out()).toBe("");
  });
});
