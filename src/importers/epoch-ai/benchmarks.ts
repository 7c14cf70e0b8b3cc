// The benchmarks phase of the Epoch AI import: each benchmark file (and each task of Epoch's own
// runs) a Benchmark, each result row a SCORED relationship from the model (resolved through
// model_versions.csv and the graph's names) to the benchmark, citing its publisher (one Source per
// publisher, spellings merged) and Epoch's compilation. Which column holds the score is data
// (benchmark-files.json). A result whose model the graph does not know is kept on a placeholder.
import path from "node:path";
import { existsSync } from "node:fs";
import type { GraphBatch, NodeRecord, NodeRef, WriteSummary } from "../../domain/graph.js";
import { withoutNulls } from "../../domain/graph.js";
import { allocateSlug } from "../../domain/resolution.js";
import { namesOf } from "../../domain/search.js";
import { nameKey } from "../../domain/slug.js";
import type { GraphStore } from "../../store/port.js";
import { listAll, relatedAll } from "../pipeline/held.js";
import type { FileAccount, ImportWarning } from "../pipeline/report.js";
import { writeInChunks } from "../pipeline/write.js";
import table from "./benchmark-files.json" with { type: "json" };
import { cell, type Row } from "./normalize-model.js";
import publishers from "./publishers.json" with { type: "json" };
import { EpochSnapshotError, externalBenchmarkFiles, readCsv, VERSIONS_FILE, type EpochSnapshot } from "./read.js";
import sourceTemplate from "./source.json" with { type: "json" };
import { datasetSource } from "./source.js";

interface FileSpec {
  file: string;
  benchmark: string;
  scoreColumn: string;
  unit: string;
  idColumn: string | null;
  nameColumn: string | null;
  linkColumn: string | null;
  shotsColumn?: string;
}

export interface BenchmarksResult {
  files: FileAccount[];
  warnings: ImportWarning[];
  write: WriteSummary;
  batches: number;
  placeholders: number;
}

const NOTHING: BenchmarksResult = { files: [], warnings: [], write: { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 }, batches: 0, placeholders: 0 };

/** A score cell: `77.0%` and `77.0` are 77; `scale` multiplies (Epoch's runs give fractions). Null when blank or not a number. */
export function parseScore(text: string | null, scale = 1): number | null {
  const t = text?.replace(/%$/, "").replace(/,/g, "").trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? Math.round(n * scale * 1e6) / 1e6 : null;
}

/** `25-shot`, `5`, `0` -> the number of shots; null when blank or not a count. */
export function parseShots(text: string | null): number | null {
  const m = text ? /^(\d+)(?:\s*-?\s*shots?)?$/i.exec(text.trim()) : null;
  return m ? Number(m[1]) : null;
}

class BenchmarkBatch {
  readonly nodes: NodeRecord[] = [];
  readonly relationships: GraphBatch["relationships"] = [];
  readonly warnings: ImportWarning[] = [];
  placeholders = 0;
  private readonly modelByName = new Map<string, NodeRef>();
  private readonly placeholderByLabel = new Map<string, NodeRef>();
  private readonly benchmarkByName = new Map<string, string>();
  private readonly sourceByName = new Map<string, string>();
  private readonly takenSources: Set<string>;
  private readonly takenAssets = new Set<string>();
  private readonly takenBenchmarks: Set<string>;
  private readonly publisherAliases = new Map<string, string>();
  /** Model versions: the model each resolves to, else the name of the model it is a version of. */
  private readonly versionModels = new Map<string, NodeRef>();
  private readonly versionNames = new Map<string, string>();
  /** Models named `<family> (<when>)` (`Gemini 2.5 Pro (Jun 2025)`), by the family's name key, with their release dates. */
  private readonly families = new Map<string, Array<{ ref: NodeRef; name: string; date: string | null }>>();
  private readonly written = new Set<string>();

  constructor(
    models: NodeRecord[],
    benchmarks: NodeRecord[],
    sources: NodeRecord[],
    private readonly heldResults: Map<string, NodeRef>,
    private readonly compiler: NodeRecord,
  ) {
    // Names find models; a placeholder is found only by the label it was made for, so that a result
    // goes to the same node whichever results an earlier import kept on placeholders.
    for (const m of [...models].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      this.takenAssets.add(m.key);
      const index = m.kind === "Model" ? this.modelByName : this.placeholderByLabel;
      for (const n of namesOf(m)) if (!index.has(nameKey(n))) index.set(nameKey(n), { kind: m.kind, key: m.key });
      const family = m.kind === "Model" ? /^(.+?)\s*\([^)]*\)$/.exec(String(m.props.name ?? "")) : null;
      if (family) {
        const members = this.families.get(nameKey(family[1])) ?? [];
        members.push({ ref: { kind: "Model", key: m.key }, name: String(m.props.name), date: typeof m.props.releaseDate === "string" ? m.props.releaseDate : null });
        this.families.set(nameKey(family[1]), members);
      }
    }
    for (const b of benchmarks) for (const n of [...namesOf(b), b.key]) if (!this.benchmarkByName.has(nameKey(n))) this.benchmarkByName.set(nameKey(n), b.key);
    this.takenBenchmarks = new Set(benchmarks.map((b) => b.key));
    for (const s of sources) this.sourceByName.set(nameKey(String(s.props.name ?? s.key)), s.key);
    this.takenSources = new Set(sources.map((s) => s.key));
    for (const p of publishers.publishers) for (const a of [p.name, ...p.aliases]) this.publisherAliases.set(nameKey(a), p.name);
    this.nodes.push(compiler);
  }

  /**
   * Model versions (model_versions.csv `id`) -> the model they are a version of: the model of that
   * name; else, when the name is a family that Epoch's model files list by release (`Gemini 2.5 Pro`
   * -> `Gemini 2.5 Pro (Mar 2025)`, `(May 2025)`, `(Jun 2025)`), the latest release on or before the
   * version's release date. A version that resolves to none keeps its model's name for its results'
   * placeholders.
   */
  versionsFrom(file: string, rows: Row[]): FileAccount {
    const account: FileAccount = { file, rows: rows.length, created: 0, merged: 0, skipped: 0 };
    for (const row of rows) {
      const id = cell(row, "id");
      const model = cell(row, "Model");
      if (!id || !model) {
        account.skipped++;
        this.warnings.push({ file, asset: id, reason: "skipped: no `id` or no `Model`" });
        continue;
      }
      const ref = this.modelByName.get(nameKey(model)) ?? this.release(model, cell(row, "Version release date"), file, id);
      if (ref) {
        this.versionModels.set(id, ref);
        account.merged++;
      } else {
        this.versionNames.set(id, model);
        account.skipped++;
        this.warnings.push({ file, asset: id, reason: `skipped: version of '${model}', which names no model of the graph; its results go on a placeholder` });
      }
    }
    return account;
  }

  private release(family: string, versionDate: string | null, file: string, id: string): NodeRef | null {
    const members = this.families.get(nameKey(family)) ?? [];
    const dated = versionDate ? members.filter((m) => m.date !== null && m.date <= versionDate).sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : 0)) : [];
    const chosen = dated[0] ?? (members.length === 1 ? members[0] : null);
    if (chosen) this.warnings.push({ file, asset: id, reason: `version of '${family}' taken as '${chosen.name}', the release of that name ${versionDate ? `latest on ${versionDate}` : "the model files list"}` });
    return chosen?.ref ?? null;
  }

  benchmark(name: string, unit: string): string {
    const held = this.benchmarkByName.get(nameKey(name));
    if (held) return held;
    const slug = allocateSlug(name, [], (s) => this.takenBenchmarks.has(s), "benchmark");
    this.takenBenchmarks.add(slug);
    this.benchmarkByName.set(nameKey(name), slug);
    this.nodes.push({ kind: "Benchmark", key: slug, props: { name, nameKo: null, aliases: [], unit, sources: [this.compiler.key] } });
    return slug;
  }

  publisher(raw: string | null, link: string | null, file: string, asset: string | null): string | null {
    if (!raw) {
      this.warnings.push({ file, asset, reason: "no `Source` named; the result cites Epoch AI's compilation alone" });
      return null;
    }
    const name = this.publisherAliases.get(nameKey(raw)) ?? raw.trim();
    const known = this.sourceByName.get(nameKey(name));
    if (known) return known;
    const slug = allocateSlug(name.slice(0, 80), [], (s) => this.takenSources.has(s), "publisher");
    this.takenSources.add(slug);
    this.sourceByName.set(nameKey(name), slug);
    // The name the publisher gives its results (the rows' `Source`) is its own title.
    this.nodes.push({ kind: "Source", key: slug, props: withoutNulls({ name, title: name, nameKo: null, aliases: [], sourceKind: "DATASET", publisher: name, url: link, language: "en", sources: [] }) });
    return slug;
  }

  /** The model a result is of: its version's model, else the version or the row's name as a model name, else a placeholder. */
  model(version: string | null, name: string | null, file: string): NodeRef | null {
    const resolved = version ? this.versionModels.get(version) : undefined;
    if (resolved) return resolved;
    const tries = [version ? this.versionNames.get(version) : undefined, version, name].filter((n): n is string => typeof n === "string" && n !== "");
    for (const t of tries) {
      const ref = this.modelByName.get(nameKey(t));
      if (ref) return ref;
    }
    const label = version ?? name;
    if (!label) return null;
    const kept = this.placeholderByLabel.get(nameKey(label));
    if (kept) return kept;
    const slug = allocateSlug(label, [], (s) => this.takenAssets.has(s), "model");
    this.takenAssets.add(slug);
    const ref: NodeRef = { kind: "UnresolvedAsset", key: slug };
    this.placeholderByLabel.set(nameKey(label), ref);
    this.nodes.push({ kind: "UnresolvedAsset", key: slug, props: { name: label, nameKo: null, aliases: [], unresolved: true, sources: [this.compiler.key] } });
    this.placeholders++;
    this.warnings.push({ file, asset: label, reason: "names no model of the graph; its results are kept on a placeholder" });
    return ref;
  }

  result(account: FileAccount, args: { id: string; benchmark: string; model: NodeRef; score: number; unit: string; shots: number | null; version: string | null; url: string | null; publisher: string | null }): void {
    const key = `epoch:${args.id}`;
    const uid = `${args.benchmark}|${key}`;
    if (this.written.has(uid)) {
      account.skipped++;
      this.warnings.push({ file: account.file, asset: args.version, reason: `skipped: result id ${args.id} repeats an earlier row` });
      return;
    }
    this.written.add(uid);
    const held = this.heldResults.get(uid);
    if (held) account.merged++;
    else account.created++;
    const from = held ?? args.model;
    if (from.kind === "UnresolvedAsset") account.unresolved = (account.unresolved ?? 0) + 1;
    const sources = args.publisher ? [args.publisher, this.compiler.key] : [this.compiler.key];
    this.relationships.push({
      type: "SCORED",
      from,
      to: { kind: "Benchmark", key: args.benchmark },
      key,
      props: withoutNulls({ score: args.score, unit: args.unit, shots: args.shots, modelVersion: args.version, url: args.url, sources }),
    });
  }

  skip(account: FileAccount, asset: string | null, reason: string): void {
    account.skipped++;
    this.warnings.push({ file: account.file, asset, reason: `skipped: ${reason}` });
  }
}

/** Imports benchmarks/ of the snapshot; nothing when the folder has none. */
export async function importBenchmarks(store: GraphStore, dir: string, snapshot: EpochSnapshot, options: { batchSize: number; onProgress?: (done: number, total: number) => void }): Promise<BenchmarksResult> {
  if (!existsSync(path.join(dir, "benchmarks"))) return NOTHING;
  if (!snapshot.benchmarks) throw new EpochSnapshotError(`cannot tell which snapshot ${dir} holds: its README.md names no "commit <sha> (<YYYY-MM-DD>)" for the benchmark data`);
  const compiler = datasetSource(`${sourceTemplate.benchmarks.slugPrefix}${snapshot.benchmarks.date}`, sourceTemplate.benchmarks, snapshot.benchmarks.date, snapshot.benchmarks.commit);

  const [models, placeholders, benchmarks, sources] = await Promise.all([listAll(store, "Model"), listAll(store, "UnresolvedAsset"), listAll(store, "Benchmark"), listAll(store, "Source")]);
  const results = await relatedAll(store, "benchmark-results", benchmarks.map((b) => b.key));
  // Each result the graph holds, by benchmark and key, with the node it is on: a result stays where it
  // was first written, even when a later import brings a model its placeholder could now resolve to.
  const heldResults = new Map([...results].flatMap(([benchmark, items]) => items.map((i) => [`${benchmark}|${String(i.rel.key ?? "")}`, { kind: i.node.kind, key: i.node.key }] as [string, NodeRef])));
  const b = new BenchmarkBatch([...models, ...placeholders], benchmarks, sources, heldResults, compiler);

  const files: FileAccount[] = [];
  const versions = await readCsv(dir, `benchmarks/${VERSIONS_FILE}`);
  files.push(b.versionsFrom(versions.file, versions.rows));

  const runs = await readCsv(dir, `benchmarks/${table.runs.file}`);
  const runsAccount: FileAccount = { file: runs.file, rows: runs.rows.length, created: 0, merged: 0, skipped: 0 };
  files.push(runsAccount);
  const runsPublisher = b.publisher(sourceTemplate.runs.name, sourceTemplate.runs.url, runs.file, null);
  for (const row of runs.rows) {
    const version = cell(row, table.runs.versionColumn);
    const status = cell(row, table.runs.statusColumn);
    if (status !== "Success") {
      b.skip(runsAccount, version, `run ${cell(row, table.runs.idColumn)} has status '${status ?? ""}', not Success`);
      continue;
    }
    const score = parseScore(cell(row, table.runs.scoreColumn), table.runs.scale);
    const task = cell(row, table.runs.taskColumn);
    const model = b.model(version, null, runs.file);
    const id = cell(row, table.runs.idColumn);
    if (score === null || !task || !model || !id) {
      b.skip(runsAccount, version, "no score, task, model or id");
      continue;
    }
    const benchmark = b.benchmark(task, table.runs.unit);
    b.result(runsAccount, { id, benchmark, model, score, unit: table.runs.unit, shots: null, version, url: table.runs.linkColumns.map((c) => cell(row, c)).find((u) => u !== null) ?? null, publisher: runsPublisher });
  }

  const specs = new Map((table.files as FileSpec[]).map((s) => [s.file, s]));
  for (const name of await externalBenchmarkFiles(dir)) {
    const csv = await readCsv(dir, `benchmarks/${name}`);
    const account: FileAccount = { file: csv.file, rows: csv.rows.length, created: 0, merged: 0, skipped: 0 };
    files.push(account);
    const spec = specs.get(name);
    if (!spec) {
      account.skipped = csv.rows.length;
      b.warnings.push({ file: csv.file, asset: null, reason: `skipped: ${csv.rows.length} rows; benchmark-files.json does not say which column holds this file's score` });
      continue;
    }
    const benchmark = b.benchmark(spec.benchmark, spec.unit);
    csv.rows.forEach((row, index) => {
      const version = cell(row, "Model version");
      const label = spec.nameColumn ? cell(row, spec.nameColumn) : null;
      const score = parseScore(cell(row, spec.scoreColumn));
      if (score === null) {
        b.skip(account, version ?? label, `no score in \`${spec.scoreColumn}\``);
        return;
      }
      const model = b.model(version, label, csv.file);
      if (!model) {
        b.skip(account, null, "names no model (no `Model version` and no name)");
        return;
      }
      const link = spec.linkColumn ? cell(row, spec.linkColumn) : null;
      const publisher = b.publisher(cell(row, "Source"), link, csv.file, version ?? label);
      const id = (spec.idColumn ? cell(row, spec.idColumn) : null) ?? `${name.replace(/\.csv$/, "")}-row-${index + 2}`;
      const shots = spec.shotsColumn ? parseShots(cell(row, spec.shotsColumn)) : null;
      b.result(account, { id, benchmark, model, score, unit: spec.unit, shots, version, url: link, publisher });
    });
  }

  const { write, batches } = await writeInChunks(store, { nodes: b.nodes, relationships: b.relationships }, options.batchSize, options.onProgress);
  return { files, warnings: b.warnings, write, batches, placeholders: b.placeholders };
}
