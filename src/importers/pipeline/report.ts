// What an import did, accounted record by record: the summary printed at the end and the `--report`
// JSON ({ summary, warnings } and, for datasets that have them, per-file accounts and possible
// duplicates). One format for every dataset.
import type { WriteSummary } from "../../domain/graph.js";

/** Something an import could not take as it was, and what it did instead. */
export interface ImportWarning {
  /** The file, relative to the folder imported. */
  file: string;
  /** The record's name, or null when the problem is the file's. */
  asset: string | null;
  reason: string;
}

export interface ImportSummary {
  /** The DATASET source every imported fact cites. */
  source: string;
  store: string;
  filesRead: number;
  recordsRead: number;
  /** Records that became a new node. */
  created: number;
  /** Records that denote a node the graph held, or an earlier record's node. */
  merged: number;
  /** Records not imported (each has a warning saying why). created + merged + skipped = recordsRead. */
  skipped: number;
  /** Nodes the graph held whose properties the import changed. */
  updated: number;
  /** New UnresolvedAsset nodes: dependencies that name no asset. */
  placeholders: number;
  organizationsCreated: number;
  countriesCreated: number;
  /** New CLAIMS relationships: values kept beside a value the graph holds on another word. */
  claims: number;
  warnings: number;
  write: WriteSummary;
  /** Transactions the writes took (each all or nothing). */
  batches: number;
  durationMs: number;
}

/** How one file's rows were taken: created + merged + skipped = rows. */
export interface FileAccount {
  file: string;
  rows: number;
  created: number;
  merged: number;
  skipped: number;
  /** Benchmark files: results kept on a placeholder because their model is not in the graph. */
  unresolved?: number;
}

/** Two entities that look alike (same developer, near names, same date) but were not merged. */
export interface PossibleDuplicate {
  a: string;
  b: string;
  reason: string;
}

export interface ImportReport {
  summary: ImportSummary;
  warnings: ImportWarning[];
  files?: FileAccount[];
  possibleDuplicates?: PossibleDuplicate[];
}

/** The one line printed at the end of an import. */
export function summaryLine(s: ImportSummary): string {
  const w = s.write;
  return (
    `imported ${s.recordsRead} records from ${s.filesRead} files into ${s.store} as ${s.source} in ${(s.durationMs / 1000).toFixed(1)} s: ` +
    `${s.created} created, ${s.merged} merged, ${s.skipped} skipped, ${s.updated} updated, ${s.placeholders} placeholders, ` +
    `${s.organizationsCreated} organizations and ${s.countriesCreated} countries created, ${s.claims} claims, ${s.warnings} warnings; ` +
    `nodes +${w.nodesCreated} ~${w.nodesUpdated}, relationships +${w.relationshipsCreated} ~${w.relationshipsUpdated} in ${s.batches} batches`
  );
}
