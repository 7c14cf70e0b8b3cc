// Epoch AI's snapshot for the importer's tests: the shipped copy (seed/datasets/epoch-ai), and the
// rows of its files as an independent reading counts them.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { PROJECT_ROOT } from "../../src/config.js";

export const EPOCH_DIR = path.join(PROJECT_ROOT, "seed", "datasets", "epoch-ai");
export const ECOSYSTEM_GRAPHS_SHIPPED = path.join(PROJECT_ROOT, "seed", "datasets", "ecosystem-graphs");

/** Rows per CSV file of the snapshot (relative paths), read with csv-parse on its own. */
export async function rowsPerFile(): Promise<Map<string, Array<Record<string, string>>>> {
  const files = new Map<string, Array<Record<string, string>>>();
  for (const folder of ["models", "benchmarks"]) {
    for (const file of (await readdir(path.join(EPOCH_DIR, folder))).filter((f) => f.endsWith(".csv")).sort()) {
      const text = await readFile(path.join(EPOCH_DIR, folder, file), "utf8");
      files.set(`${folder}/${file}`, parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
    }
  }
  return files;
}
