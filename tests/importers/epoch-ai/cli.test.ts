// `kg import epoch-ai` with no folder imports the shipped snapshot (seed/datasets/epoch-ai), checking
// its SHA256SUMS first; a changed file stops the import with a clear message and writes nothing.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError, type Io } from "../../../src/cli/command.js";
import { COMMANDS } from "../../../src/cli/commands.js";
import type { ImportReport } from "../../../src/importers/pipeline/report.js";
import { MemoryStore } from "../../../src/store/memory/memory-store.js";
import { EPOCH_DIR } from "../../helpers/epoch-ai.js";
import { config } from "../../helpers/stores.js";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, errIsTTY: false };
  return { value, out, err };
}

const memoryConfig = async () => ({ ...config, neo4j: null, dataDir: await mkdtemp(path.join(os.tmpdir(), "kg-data-")) });

describe("kg import epoch-ai", () => {
  it("imports the shipped snapshot when no folder is given, printing one summary line and writing the report", async () => {
    const cfg = await memoryConfig();
    const file = path.join(cfg.dataDir, "report.json");
    const { value, out } = io();
    await COMMANDS.import.run(["epoch-ai", "--report", file], cfg, value);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^imported 5270 records from 42 files into memory as epoch-ai-models-2026-02-02 in .*: \d+ created, \d+ merged, \d+ skipped/);
    const report = JSON.parse(await readFile(file, "utf8")) as ImportReport;
    expect(Object.keys(report)).toEqual(["summary", "warnings", "files", "possibleDuplicates"]);
    expect(report.possibleDuplicates!.length).toBeGreaterThan(0);
    expect(report.possibleDuplicates![0]).toEqual({ a: expect.any(String), b: expect.any(String), reason: expect.stringMatching(/same developer, same release date/) });
    const store = await MemoryStore.open(cfg.dataDir);
    const [gpt4] = await store.getNodes([{ kind: "Model", key: "gpt-4" }]);
    expect(gpt4?.props.trainingComputeFlop).toBe(2.1e25);
    await store.close();
  }, 120_000);

  it("refuses a snapshot whose file does not match its checksum, and writes nothing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "epoch-ai-"));
    await cp(EPOCH_DIR, dir, { recursive: true });
    const notable = path.join(dir, "models", "notable_ai_models.csv");
    await writeFile(notable, (await readFile(notable, "utf8")).replace("Upstage", "Downstage"));
    const cfg = await memoryConfig();
    const run = COMMANDS.import.run(["epoch-ai", dir], cfg, io().value);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(COMMANDS.import.run(["epoch-ai", dir], cfg, io().value)).rejects.toThrow(/models\/notable_ai_models\.csv does not match its checksum/);
    const store = await MemoryStore.open(cfg.dataDir);
    expect((await store.list({ kind: "Model", filter: { listedBy: "epoch-ai-models-2026-02-02" } }, { after: null, limit: 1 })).totalCount).toBe(0);
    await store.close();
  }, 60_000);

  it.each([
    [["epoch-ai", EPOCH_DIR, "--snapshot-date", "2026-01-01"], /--snapshot-date is for ecosystem-graphs only/],
    [["epoch-ai", os.tmpdir()], /has no models\/ folder; expected a snapshot of Epoch AI's data/],
  ])("refuses %j", async (args, message) => {
    await expect(COMMANDS.import.run(args, await memoryConfig(), io().value)).rejects.toThrow(expect.objectContaining({ message: expect.stringMatching(message) }));
  });

  it("refuses a folder whose README names no commit, naming what it expected", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "epoch-ai-"));
    await cp(path.join(EPOCH_DIR, "models"), path.join(dir, "models"), { recursive: true });
    await expect(COMMANDS.import.run(["epoch-ai", dir], await memoryConfig(), io().value)).rejects.toThrow(/names no "commit <sha> of <YYYY-MM-DD>"/);
  });
});
