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
import { defineCommand, integerOption, UsageError, type Arguments, type Io } from "./command.js";
import { progressBar } from "./progress.js";
import { seedIfEmptySaying, withStore } from "./store-access.js";

interface ImportArgs {
  format: Format;
  dir: string;
  report: string | null;
  snapshotDate: string | null;
  batchSize: number | undefined;
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

async function runImport(options: ImportArgs, config: Config, io: Io): Promise<void> {
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

const OPTIONS = {
  report: { type: "string", value: "file.json", description: "also write the import report (summary, warnings, files read, possible duplicates) as JSON to this file" },
  "snapshot-date": { type: "string", value: "YYYY-MM-DD", description: "ecosystem-graphs only: the date of a snapshot whose folder does not name its commit" },
  "batch-size": { type: "string", value: "N", description: "records per write, 1 to 10000" },
} as const;

function importArgs({ positionals, options, usage }: Arguments<typeof OPTIONS>, config: Config): ImportArgs {
  const [format, dir] = positionals;
  if (!(FORMAT_NAMES as string[]).includes(format)) throw new UsageError(`unknown format '${format}'; the formats are: ${FORMAT_NAMES.join(", ")}`);
  const snapshotDate = options["snapshot-date"] ?? null;
  if (snapshotDate !== null && format !== "ecosystem-graphs") throw new UsageError("--snapshot-date is for ecosystem-graphs only (Epoch AI's README names its snapshots)");
  if (snapshotDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(snapshotDate)) throw new UsageError("--snapshot-date must be YYYY-MM-DD");
  const batchSize = integerOption("batch-size", options["batch-size"], { min: 1, max: 10_000 }, usage);
  const folder = dir ? path.resolve(dir) : shippedSnapshot(config.datasetsDir, format as Format);
  return { format: format as Format, dir: folder, report: options.report ?? null, snapshotDate, batchSize };
}

export const importCommand = defineCommand({
  name: "import",
  summary: "read an outside dataset into the store, resolving its entities against the graph; running it again changes nothing",
  positionals: [
    { name: "format", description: `the dataset's format: ${FORMAT_NAMES.join(", ")}` },
    { name: "dir", description: "the snapshot's folder (default: the shipped copy in seed/datasets/<format>)", optional: true },
  ],
  options: OPTIONS,
  run: (args, config, io) => runImport(importArgs(args, config), config, io),
});
