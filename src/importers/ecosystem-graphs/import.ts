// Imports an Ecosystem Graphs snapshot into a store: read and normalize (this folder), then the shared
// pipeline's resolve -> build -> write (../pipeline), accounting for every record. Running it again on
// the same snapshot writes nothing.
import type { NodeRecord } from "../../domain/graph.js";
import type { GraphStore } from "../../store/port.js";
import { buildBatch } from "../pipeline/build-batch.js";
import { verifyChecksums } from "../pipeline/checksums.js";
import { readHeld } from "../pipeline/held.js";
import type { ImportReport, ImportWarning } from "../pipeline/report.js";
import { resolve } from "../pipeline/resolve.js";
import { DEFAULT_BATCH_SIZE, writeInChunks } from "../pipeline/write.js";
import { normalizeRecord, type AssetRecord } from "./normalize.js";
import { checkSnapshotFolder, readRecords, readSnapshot, type Snapshot } from "./read.js";
import { VOCABULARY, type Vocabulary } from "./vocabulary.js";

export interface ImportOptions {
  /** Nodes or relationships per write; each write is one transaction. */
  batchSize?: number;
  /** Says which snapshot the folder holds when its README does not. */
  snapshot?: Snapshot | null;
  /** Called after each write with the items written so far and the total. */
  onProgress?: (done: number, total: number) => void;
  vocabulary?: Vocabulary;
  /** Clock for the duration, replaceable in tests. */
  now?: () => number;
}

export class SnapshotError extends Error {}

/** The DATASET source of a snapshot, as seed/sources.json records sources. */
function sourceNodeOf(snapshot: Snapshot, vocabulary: Vocabulary): NodeRecord {
  const s = vocabulary.source;
  return {
    kind: "Source",
    key: `${s.slugPrefix}${snapshot.date}`,
    props: {
      name: snapshot.citation ?? s.title,
      // The title the dataset's README asks to be cited by, else the paper's (source.json).
      title: snapshot.citation ?? s.title,
      nameKo: null,
      aliases: [],
      sourceKind: "DATASET",
      publisher: s.publisher,
      url: snapshot.commit ? `${s.repository}/tree/${snapshot.commit}/assets` : s.repository,
      date: snapshot.date,
      language: s.language,
      sources: [],
    },
  };
}

/** Imports the snapshot in `dir` into `store` and reports what it did. */
export async function importEcosystemGraphs(store: GraphStore, dir: string, options: ImportOptions = {}): Promise<ImportReport> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const vocabulary = options.vocabulary ?? VOCABULARY;
  await checkSnapshotFolder(dir);
  await verifyChecksums(dir);
  const snapshot = options.snapshot ?? (await readSnapshot(dir));
  if (!snapshot) throw new SnapshotError(`cannot tell which snapshot ${dir} holds: its README.md names no "commit <sha> (<YYYY-MM-DD>)"; give the snapshot date`);
  const sourceNode = sourceNodeOf(snapshot, vocabulary);

  const read = await readRecords(dir);
  const warnings: ImportWarning[] = [...read.warnings];
  const records: AssetRecord[] = [];
  let skipped = 0;
  for (const raw of read.records) {
    const n = normalizeRecord(raw, vocabulary);
    const asset = n.ok ? n.record.name : n.name;
    for (const reason of n.warnings) warnings.push({ file: raw.file, asset, reason });
    if (n.ok) records.push(n.record);
    else {
      skipped++;
      warnings.push({ file: raw.file, asset, reason: n.reason });
    }
  }

  const held = await readHeld(store);
  const resolution = resolve(records, held, vocabulary);
  const built = buildBatch(resolution, held, sourceNode, vocabulary);
  warnings.push(...resolution.warnings, ...built.warnings);
  const { write, batches } = await writeInChunks(store, built.batch, options.batchSize ?? DEFAULT_BATCH_SIZE, options.onProgress);

  const created = resolution.outcomes.filter((o) => o.created).length;
  return {
    summary: {
      source: sourceNode.key,
      store: store.name,
      filesRead: read.files.length,
      recordsRead: read.records.length,
      created,
      merged: resolution.outcomes.length - created,
      skipped,
      updated: write.nodesUpdated,
      placeholders: resolution.placeholders.size,
      organizationsCreated: resolution.organizations.size,
      countriesCreated: resolution.countries.size,
      claims: built.claims,
      warnings: warnings.length,
      write,
      batches,
      durationMs: Math.round(now() - started),
    },
    warnings,
  };
}
