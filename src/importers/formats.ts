// The datasets `kg import <format>` reads, and the shipped snapshot of each (seed/datasets/<format>):
// one entry per format, so that the CLI and the seeding of a fresh store import them alike.
import path from "node:path";
import type { GraphStore } from "../store/port.js";
import { importEcosystemGraphs } from "./ecosystem-graphs/import.js";
import { importEpochAi } from "./epoch-ai/import.js";
import type { ImportReport } from "./pipeline/report.js";

export interface FormatOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export const FORMATS = {
  "ecosystem-graphs": (store: GraphStore, dir: string, o: FormatOptions) => importEcosystemGraphs(store, dir, { batchSize: o.batchSize, onProgress: o.onProgress }),
  "epoch-ai": (store: GraphStore, dir: string, o: FormatOptions) => importEpochAi(store, dir, { batchSize: o.batchSize, onProgress: o.onProgress }),
} as const satisfies Record<string, (store: GraphStore, dir: string, options: FormatOptions) => Promise<ImportReport>>;

export type Format = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as Format[];

/** The folder of the shipped snapshot of a format. */
export function shippedSnapshot(datasetsDir: string, format: Format): string {
  return path.join(datasetsDir, format);
}

/** Imports every shipped dataset, in FORMAT_NAMES order: what a fresh store gets after the seed. */
export async function importShippedDatasets(store: GraphStore, datasetsDir: string): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const format of FORMAT_NAMES) reports.push(await FORMATS[format](store, shippedSnapshot(datasetsDir, format), {}));
  return reports;
}
