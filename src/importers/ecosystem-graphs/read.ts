// Stage 1: reads the YAML files of an Ecosystem Graphs assets folder into raw records, file by file
// in name order, and tells which snapshot the folder holds (from its README).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import type { ImportWarning } from "./report.js";

export interface RawRecord {
  file: string;
  /** Position in the file's list, from 0. */
  index: number;
  value: unknown;
}

export interface Snapshot {
  /** The upstream commit, when the README names it. */
  commit: string | null;
  /** ISO date of the snapshot. */
  date: string;
  /** The README's "Cite as:" text, when it has one. */
  citation: string | null;
}

export interface ReadResult {
  files: string[];
  records: RawRecord[];
  warnings: ImportWarning[];
}

const SNAPSHOT = /commit\s+([0-9a-f]{7,40})\s*\((\d{4}-\d{2}-\d{2})\)/;
const CITE_AS = /Cite as:\s*([\s\S]+?)\s*(?:\n\s*\n|$)/;

/** A folder that cannot be a snapshot: the message names the path and what was expected there. */
export class SnapshotFolderError extends Error {}

const EXPECTED = "expected the assets/ folder of Stanford CRFM's Ecosystem Graphs: its *.yaml files, and a README.md naming the commit";

/** Checks that `dir` is a folder holding YAML files, before anything is read or written. */
export async function checkSnapshotFolder(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new SnapshotFolderError(`no such directory: ${dir}; ${EXPECTED}`);
    if (code === "ENOTDIR") throw new SnapshotFolderError(`${dir} is a file, not a directory; ${EXPECTED}`);
    throw new SnapshotFolderError(`cannot read the directory ${dir} (${code ?? (error as Error).message}); ${EXPECTED}`);
  }
  if (!entries.some((f) => /\.ya?ml$/i.test(f))) throw new SnapshotFolderError(`${dir} holds no *.yaml files; ${EXPECTED}`);
}

/** The snapshot the folder's README.md names, or null when there is no README or it names none. */
export async function readSnapshot(dir: string): Promise<Snapshot | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, "README.md"), "utf8");
  } catch {
    return null;
  }
  const m = SNAPSHOT.exec(text.replace(/\s+/g, " "));
  if (!m) return null;
  const cite = CITE_AS.exec(text);
  return { commit: m[1], date: m[2], citation: cite ? cite[1].replace(/\s+/g, " ") : null };
}

/**
 * Every record of every *.yaml / *.yml file of `dir`. YAML's core schema keeps dates and sizes as
 * text (the default schema would turn `2023-05-01` into a Date at UTC midnight and lose what was
 * written). A file that does not parse, or is not a list, is a warning and gives no record.
 */
export async function readRecords(dir: string): Promise<ReadResult> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/i.test(f)).sort();
  const records: RawRecord[] = [];
  const warnings: ImportWarning[] = [];
  for (const file of files) {
    let doc: unknown;
    try {
      doc = yaml.load(await readFile(path.join(dir, file), "utf8"), { schema: yaml.CORE_SCHEMA, filename: file });
    } catch (error) {
      warnings.push({ file, asset: null, reason: `not read: the file is not valid YAML (${(error as Error).message.split("\n")[0]})` });
      continue;
    }
    if (doc === null || doc === undefined) continue;
    if (!Array.isArray(doc)) {
      warnings.push({ file, asset: null, reason: "not read: the file is not a list of assets" });
      continue;
    }
    doc.forEach((value, index) => records.push({ file, index, value }));
  }
  return { files, records, warnings };
}
