// `kg import <format> [<dir>] [--report <file.json>] [--snapshot-date YYYY-MM-DD] [--batch-size N]`:
// imports an outside dataset (the shipped snapshot, seed/datasets/<format>, when no folder is given)
// into the configured store and prints one summary line.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";
import { importEcosystemGraphs, SnapshotError } from "../importers/ecosystem-graphs/import.js";
import { checkSnapshotFolder, SnapshotFolderError } from "../importers/ecosystem-graphs/read.js";
import { EpochSnapshotError, importEpochAi } from "../importers/epoch-ai/import.js";
import { checkEpochFolder } from "../importers/epoch-ai/read.js";
import { ChecksumError } from "../importers/pipeline/checksums.js";
import { FORMAT_NAMES, shippedSnapshot, type Format } from "../importers/formats.js";
import type { ImportReport } from "../importers/pipeline/report.js";
import { summaryLine } from "../importers/pipeline/report.js";
import type { GraphStore } from "../store/port.js";
import { seedIfEmptySaying, UsageError, withStore, type Io } from "./commands.js";
import { progressBar } from "./progress.js";

export const IMPORT_USAGE = `import <${FORMAT_NAMES.join("|")}> [<dir>] [--report <file.json>] [--snapshot-date YYYY-MM-DD] [--batch-size N]`;

interface ImportArgs {
  format: Format;
  dir: string;
  report: string | null;
  snapshotDate: string | null;
  batchSize: number | undefined;
}

function parseArgs(args: string[], config: Config): ImportArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value; usage: kg ${IMPORT_USAGE}`);
    flags.set(arg, value);
    i++;
  }
  const unknown = [...flags.keys()].filter((f) => !["--report", "--snapshot-date", "--batch-size"].includes(f));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(", ")}; usage: kg ${IMPORT_USAGE}`);
  const [format, dir, ...rest] = positional;
  if (!format || rest.length > 0) throw new UsageError(`usage: kg ${IMPORT_USAGE}`);
  if (!(FORMAT_NAMES as string[]).includes(format)) throw new UsageError(`unknown format '${format}'; the formats are: ${FORMAT_NAMES.join(", ")}`);
  const snapshotDate = flags.get("--snapshot-date") ?? null;
  if (snapshotDate !== null && format !== "ecosystem-graphs") throw new UsageError("--snapshot-date is for ecosystem-graphs only (Epoch AI's README names its snapshots)");
  if (snapshotDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(snapshotDate)) throw new UsageError("--snapshot-date must be YYYY-MM-DD");
  const size = flags.get("--batch-size");
  const batchSize = size === undefined ? undefined : Number(size);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)) throw new UsageError("--batch-size must be an integer from 1 to 10000");
  const folder = dir ? path.resolve(dir) : shippedSnapshot(config.datasetsDir, format as Format);
  return { format: format as Format, dir: folder, report: flags.get("--report") ?? null, snapshotDate, batchSize };
}

function run(store: GraphStore, options: ImportArgs, onProgress: (done: number, total: number) => void): Promise<ImportReport> {
  if (options.format === "epoch-ai") {
    return importEpochAi(store, options.dir, { batchSize: options.batchSize, onProgress }).catch((error: unknown) => {
      throw error instanceof EpochSnapshotError ? new UsageError(error.message) : error;
    });
  }
  return importEcosystemGraphs(store, options.dir, {
    batchSize: options.batchSize,
    snapshot: options.snapshotDate ? { commit: null, date: options.snapshotDate, citation: null } : null,
    onProgress,
  }).catch((error: unknown) => {
    throw error instanceof SnapshotError ? new UsageError(`${error.message} with --snapshot-date`) : error;
  });
}

export async function runImport(args: string[], config: Config, io: Io): Promise<void> {
  const options = parseArgs(args, config);
  // A folder that cannot be a snapshot is refused before the store is opened (or seeded).
  await (options.format === "epoch-ai" ? checkEpochFolder(options.dir) : checkSnapshotFolder(options.dir)).catch((error: unknown) => {
    throw error instanceof SnapshotFolderError || error instanceof EpochSnapshotError ? new UsageError(error.message) : error;
  });
  await withStore(config, { holder: "kg import" }, async (store) => {
    // Records resolve against what the graph holds: an empty store gets the curated seed first,
    // as the server does at start, so that the seed's facts and their precedence are there.
    await seedIfEmptySaying(store, config, io);
    const progress = progressBar(io.err, io.errIsTTY ?? false, "writing");
    const report = await run(store, options, (done, total) => progress.update(done, total)).catch((error: unknown) => {
      throw error instanceof ChecksumError ? new UsageError(error.message) : error;
    });
    progress.done();
    if (options.report) {
      await writeFile(options.report, `${JSON.stringify(report, null, 2)}\n`);
      io.err(`wrote the report (${report.warnings.length} warnings) to ${options.report}\n`);
    }
    io.out(`${summaryLine(report.summary)}\n`);
  });
}
