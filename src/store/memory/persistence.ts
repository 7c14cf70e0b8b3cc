// Durable files for the embedded store: a snapshot of the whole graph (graph.json) plus a journal of
// the writes since (graph.journal, one JSON line per write). A write appends its line and syncs it,
// so it costs the size of the write, not of the graph; the snapshot is rewritten (write-and-rename,
// so a crash leaves either the old file or the new one) when the journal outgrows it and on close.
// Writes are merges, so replaying a line the snapshot already holds changes nothing: a crash between
// the snapshot's rename and the journal's truncation loses nothing and duplicates nothing.
import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { SerializedGraph } from "graphology-types";
import type { GraphBatch } from "../../domain/graph.js";

const SNAPSHOT = "graph.json";
const JOURNAL = "graph.journal";
/** The journal is folded into the snapshot once it is bigger than both the snapshot and this. */
const COMPACT_MIN_BYTES = 64 * 1024 * 1024;
/** Snapshot text is written in pieces of about this size, so no string holds the whole graph. */
const CHUNK_CHARS = 1 << 20;

/** What a snapshot is written from: the graph's nodes and edges, visited one by one. */
export interface GraphSource {
  options: SerializedGraph["options"];
  forEachNode(visit: (key: string, attributes: object) => void): void;
  forEachEdge(visit: (key: string, attributes: object, source: string, target: string) => void): void;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

export class GraphFiles {
  private journal: FileHandle | null = null;
  private journalBytes = 0;
  private snapshotBytes = 0;

  constructor(private readonly dir: string) {}

  private get snapshotPath(): string {
    return path.join(this.dir, SNAPSHOT);
  }
  private get journalPath(): string {
    return path.join(this.dir, JOURNAL);
  }

  /** The snapshot (null when there is none) and the writes journalled after it, in order. */
  async read(): Promise<{ snapshot: SerializedGraph | null; journal: GraphBatch[] }> {
    let snapshot: SerializedGraph | null = null;
    try {
      snapshot = JSON.parse(await readFile(this.snapshotPath, "utf8")) as SerializedGraph;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        throw new Error(`cannot read the embedded store at ${this.snapshotPath}: ${(error as Error).message}`);
      }
    }
    this.snapshotBytes = await sizeOf(this.snapshotPath);
    return { snapshot, journal: await this.readJournal() };
  }

  private async readJournal(): Promise<GraphBatch[]> {
    let text: string;
    try {
      text = await readFile(this.journalPath, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const lines = text.split("\n");
    const batches: GraphBatch[] = [];
    let validBytes = 0;
    for (const [i, line] of lines.entries()) {
      const complete = i < lines.length - 1; // the text after the last newline is a torn append
      if (!complete) break;
      try {
        batches.push(JSON.parse(line) as GraphBatch);
      } catch (error) {
        throw new Error(`the embedded store's journal ${this.journalPath} is damaged at line ${i + 1}: ${(error as Error).message}`);
      }
      validBytes += Buffer.byteLength(line) + 1;
    }
    // A write that was torn by a crash was never acknowledged: cut it off so appends follow whole lines.
    this.journalBytes = validBytes;
    if (Buffer.byteLength(text) !== validBytes) {
      const handle = await open(this.journalPath, "r+");
      try {
        await handle.truncate(validBytes);
      } finally {
        await handle.close();
      }
    }
    return batches;
  }

  /** Appends one write to the journal and syncs it; on failure the journal is as it was. */
  async append(batch: GraphBatch): Promise<void> {
    if (!this.journal) {
      await mkdir(this.dir, { recursive: true });
      this.journal = await open(this.journalPath, "a");
    }
    const line = Buffer.from(`${JSON.stringify(batch)}\n`);
    try {
      let written = 0;
      while (written < line.length) written += (await this.journal.write(line, written)).bytesWritten;
      await this.journal.datasync();
      this.journalBytes += line.length;
    } catch (error) {
      await this.journal.truncate(this.journalBytes).catch(() => undefined);
      throw error;
    }
  }

  /** Whether the journal has grown enough to be worth folding into the snapshot. */
  get wantsCompaction(): boolean {
    return this.journalBytes > Math.max(this.snapshotBytes, COMPACT_MIN_BYTES);
  }

  get hasJournal(): boolean {
    return this.journalBytes > 0;
  }

  /** Writes the whole graph as the new snapshot, then empties the journal. */
  async compact(graph: GraphSource): Promise<void> {
    this.snapshotBytes = await writeSnapshot(this.dir, graph);
    await this.journal?.close();
    this.journal = null;
    await rm(this.journalPath, { force: true });
    this.journalBytes = 0;
  }

  async close(): Promise<void> {
    await this.journal?.close();
    this.journal = null;
  }
}

/** Writes graphology's serialized form piece by piece into a temp file, syncs it, renames it into place. */
export async function writeSnapshot(dir: string, graph: GraphSource): Promise<number> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, SNAPSHOT);
  const temp = `${target}.${process.pid}.tmp`;
  const handle = await open(temp, "w");
  let bytes = 0;
  try {
    let chunk = "";
    const pieces: string[] = [];
    const put = (text: string) => {
      chunk += text;
      if (chunk.length >= CHUNK_CHARS) {
        pieces.push(chunk);
        chunk = "";
      }
    };
    const flush = async () => {
      for (const piece of pieces.splice(0)) {
        const buffer = Buffer.from(piece);
        await handle.write(buffer);
        bytes += buffer.length;
      }
    };
    put(`{"options":${JSON.stringify(graph.options)},"attributes":{},"nodes":[`);
    // Visitors are synchronous, so pieces are collected per kind of item and written after it.
    let first = true;
    graph.forEachNode((key, attributes) => {
      put(`${first ? "" : ","}${JSON.stringify({ key, attributes })}`);
      first = false;
    });
    await flush();
    put(`],"edges":[`);
    first = true;
    graph.forEachEdge((key, attributes, source, target) => {
      put(`${first ? "" : ","}${JSON.stringify({ key, source, target, attributes })}`);
      first = false;
    });
    put("]}");
    pieces.push(chunk);
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, target);
  return bytes;
}
