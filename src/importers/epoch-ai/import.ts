// Imports a snapshot of Epoch AI's data (models/ and benchmarks/) into a store. Models: read and
// normalize the three model files (this folder), then the shared pipeline's resolve -> build -> write;
// a model in several files is one entity. Benchmarks (benchmarks.ts) follow, resolved against the
// graph the models phase left. Every row of every file is accounted for; importing again writes nothing.
import type { WriteSummary } from "../../domain/graph.js";
import type { GraphStore } from "../../store/port.js";
import { buildBatch } from "../pipeline/build-batch.js";
import { possibleDuplicates } from "../pipeline/duplicates.js";
import { readHeld } from "../pipeline/held.js";
import type { FileAccount, ImportReport, ImportWarning } from "../pipeline/report.js";
import type { SourceRecord } from "../pipeline/record.js";
import { resolve } from "../pipeline/resolve.js";
import { SHARED_VOCABULARY, type Vocabulary } from "../pipeline/vocabulary.js";
import { DEFAULT_BATCH_SIZE, writeInChunks } from "../pipeline/write.js";
import { importBenchmarks } from "./benchmarks.js";
import modelAliases from "./model-aliases.json" with { type: "json" };
import { normalizeModelRow } from "./normalize-model.js";
import { verifyChecksums } from "../pipeline/checksums.js";
import { checkEpochFolder, EpochSnapshotError, MODEL_FILES, readCsv, readEpochSnapshot } from "./read.js";
import sourceTemplate from "./source.json" with { type: "json" };
import { datasetSource } from "./source.js";

export { EpochSnapshotError } from "./read.js";

export interface EpochImportOptions {
  /** Nodes or relationships per write; each write is one transaction. */
  batchSize?: number;
  /** Called after each write with the items written so far and the total of the phase (models, then benchmarks). */
  onProgress?: (done: number, total: number, phase: string) => void;
  vocabulary?: Vocabulary;
  now?: () => number;
}

function addWrites(a: WriteSummary, b: WriteSummary): WriteSummary {
  return {
    nodesCreated: a.nodesCreated + b.nodesCreated,
    nodesUpdated: a.nodesUpdated + b.nodesUpdated,
    relationshipsCreated: a.relationshipsCreated + b.relationshipsCreated,
    relationshipsUpdated: a.relationshipsUpdated + b.relationshipsUpdated,
  };
}

/** Imports the Epoch AI snapshot in `dir` (its models/ and benchmarks/ folders) into `store`. */
export async function importEpochAi(store: GraphStore, dir: string, options: EpochImportOptions = {}): Promise<ImportReport> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const vocabulary = options.vocabulary ?? SHARED_VOCABULARY;
  await checkEpochFolder(dir);
  await verifyChecksums(dir);
  const snapshot = await readEpochSnapshot(dir);
  if (!snapshot.models) throw new EpochSnapshotError(`cannot tell which snapshot ${dir} holds: its README.md names no "commit <sha> of <YYYY-MM-DD>" for the model data`);
  const sourceNode = datasetSource(`${sourceTemplate.models.slugPrefix}${snapshot.models.date}`, sourceTemplate.models, snapshot.models.date, snapshot.models.commit);

  const warnings: ImportWarning[] = [];
  const records: SourceRecord[] = [];
  const files: FileAccount[] = [];
  for (const name of MODEL_FILES) {
    const csv = await readCsv(dir, `models/${name}`);
    const account: FileAccount = { file: csv.file, rows: csv.rows.length, created: 0, merged: 0, skipped: 0 };
    files.push(account);
    csv.rows.forEach((row, index) => {
      const n = normalizeModelRow(csv.file, index, row, modelAliases.aliases);
      const asset = n.ok ? n.record.name : n.name;
      for (const reason of n.warnings) warnings.push({ file: csv.file, asset, reason });
      if (n.ok) records.push(n.record);
      else {
        account.skipped++;
        warnings.push({ file: csv.file, asset, reason: n.reason });
      }
    });
  }

  const held = await readHeld(store);
  const resolution = resolve(records, held, vocabulary);
  const built = buildBatch(resolution, held, sourceNode, vocabulary);
  warnings.push(...resolution.warnings, ...built.warnings);
  const models = await writeInChunks(store, built.batch, options.batchSize ?? DEFAULT_BATCH_SIZE, (d, t) => options.onProgress?.(d, t, "models"));
  for (const o of resolution.outcomes) {
    const account = files.find((f) => f.file === o.record.file)!;
    if (o.created) account.created++;
    else account.merged++;
  }
  const duplicates = possibleDuplicates(resolution, held);

  const bench = await importBenchmarks(store, dir, snapshot, { batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, onProgress: (d, t) => options.onProgress?.(d, t, "benchmarks") });
  warnings.push(...bench.warnings);
  files.push(...bench.files);

  const created = files.reduce((n, f) => n + f.created, 0);
  const merged = files.reduce((n, f) => n + f.merged, 0);
  const skipped = files.reduce((n, f) => n + f.skipped, 0);
  const write = addWrites(models.write, bench.write);
  return {
    summary: {
      source: sourceNode.key,
      store: store.name,
      filesRead: files.length,
      recordsRead: files.reduce((n, f) => n + f.rows, 0),
      created,
      merged,
      skipped,
      updated: write.nodesUpdated,
      placeholders: resolution.placeholders.size + bench.placeholders,
      organizationsCreated: resolution.organizations.size,
      countriesCreated: resolution.countries.size,
      claims: built.claims,
      warnings: warnings.length,
      write,
      batches: models.batches + bench.batches,
      durationMs: Math.round(now() - started),
    },
    warnings,
    files,
    possibleDuplicates: duplicates,
  };
}
