// Stage 1 of the Epoch AI import: the CSV files of a snapshot folder (models/, benchmarks/) as rows of
// named cells, read with csv-parse (quoted cells hold line breaks and commas), and which snapshot the
// folder holds (from its README).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";

export const MODEL_FILES = ["notable_ai_models.csv", "large_scale_ai_models.csv", "frontier_ai_models.csv"] as const;
export const VERSIONS_FILE = "model_versions.csv";

export interface CsvFile {
  /** Path relative to the folder imported (`models/notable_ai_models.csv`). */
  file: string;
  rows: Array<Record<string, string>>;
}

export interface EpochSnapshot {
  models: { commit: string | null; date: string } | null;
  benchmarks: { commit: string | null; date: string } | null;
}

export class EpochSnapshotError extends Error {}

const EXPECTED = `expected a snapshot of Epoch AI's data: models/ with ${MODEL_FILES.join(", ")}, benchmarks/ (optional), and a README.md naming the commits`;

/** Checks that `dir` holds the three model files, before anything is read or written. */
export async function checkEpochFolder(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(path.join(dir, "models"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EpochSnapshotError(code === "ENOENT" || code === "ENOTDIR" ? `${dir} has no models/ folder; ${EXPECTED}` : `cannot read ${path.join(dir, "models")} (${code ?? (error as Error).message}); ${EXPECTED}`);
  }
  const missing = MODEL_FILES.filter((f) => !entries.includes(f));
  if (missing.length > 0) throw new EpochSnapshotError(`${path.join(dir, "models")} lacks ${missing.join(", ")}; ${EXPECTED}`);
}

/** The rows of one CSV file, each a map from header to cell; a byte-order mark is dropped. */
export async function readCsv(dir: string, file: string): Promise<CsvFile> {
  const text = await readFile(path.join(dir, file), "utf8");
  try {
    const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
    return { file, rows };
  } catch (error) {
    throw new EpochSnapshotError(`${file} is not a CSV file this import can read: ${(error as Error).message}`);
  }
}

const MODELS_SNAPSHOT = /commit\s+([0-9a-f]{7,40})\s+of\s+(\d{4}-\d{2}-\d{2})/;
const BENCHMARKS_SNAPSHOT = /commit\s+([0-9a-f]{7,40})\s*\((\d{4}-\d{2}-\d{2})\)/;

/** Which snapshot the folder holds, from the commits and dates its README names. */
export async function readEpochSnapshot(dir: string): Promise<EpochSnapshot> {
  let text: string;
  try {
    text = (await readFile(path.join(dir, "README.md"), "utf8")).replace(/\s+/g, " ");
  } catch {
    return { models: null, benchmarks: null };
  }
  const m = MODELS_SNAPSHOT.exec(text);
  const b = BENCHMARKS_SNAPSHOT.exec(text);
  return { models: m ? { commit: m[1], date: m[2] } : null, benchmarks: b ? { commit: b[1], date: b[2] } : null };
}

/** The external benchmark files of benchmarks/, in name order. */
export async function externalBenchmarkFiles(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, "benchmarks"))).filter((f) => /^external_benchmark_.*\.csv$/.test(f)).sort();
}

