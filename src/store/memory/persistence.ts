// Durable files for the embedded store: a snapshot of the whole graph (graph.json) plus a journal of
// the writes since (graph.journal, one JSON line per write). A write appends its line and syncs it,
// so it costs the size of the write, not of the graph; the snapshot is rewritten (write-and-rename,
// so a crash leaves either the old file or the new one) when the journal outgrows it and on close.
// Writes are merges, so replaying a line the snapshot already holds changes nothing: a crash between
// the snapshot's rename and the journal's truncation loses nothing and duplicates nothing.
// A failed append (disk full, I/O error) is cut back off the journal, so the journal only ever holds
// whole lines of writes that were saved.
import { constants } from "node:fs";
import { mkdir, open, readFile, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { SerializedGraph } from "graphology-types";
import type { GraphBatch } from "../../domain/graph.js";
import { scanJournal, type JournalScan } from "./journal.js";
import { SNAPSHOT, syncDir, writeSnapshot, type GraphSource } from "./snapshot-file.js";

const JOURNAL = "graph.journal";
/** The journal is folded into the snapshot once it is bigger than both the snapshot and this. */
const COMPACT_MIN_BYTES = 64 * 1024 * 1024;
/** The file a readiness probe writes and deletes (probe()). */
const PROBE = "graph.probe";
/** A probe writes as much as the write that failed, up to this. */
const PROBE_MAX_BYTES = 1 << 20;

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

/** The snapshot or a journal line cannot be read: `kg verify` tells where, `kg repair` sets the journal's damage aside. */
export class StoreDamagedError extends Error {}

export interface SavedGraph extends JournalScan {
  snapshot: SerializedGraph | null;
}

/** What tells one version of a file from another: a compaction renames a new snapshot into place. */
async function identityOf(file: string): Promise<string> {
  try {
    const s = await stat(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "none";
    throw error;
  }
}

export class GraphFiles {
  private journal: FileHandle | null = null;
  /** The journal's length: the end of its last whole line, where the next append starts. */
  private journalBytes = 0;
  private snapshotBytes = 0;
  /** Where the last appended line starts, until something else changes the journal (dropLast). */
  private lastLine: number | null = null;
  /**
   * Set when a failed append left bytes past the last whole line that could not be cut off yet:
   * the next append (or probe) cuts them first, so that a line never follows a partial one.
   */
  private cutPending = false;
  /** After a failed compaction: the journal length it must pass before the next try. */
  private compactRetryBytes = 0;

  constructor(readonly dir: string) {}

  get snapshotPath(): string {
    return path.join(this.dir, SNAPSHOT);
  }
  get journalPath(): string {
    return path.join(this.dir, JOURNAL);
  }

  /**
   * The snapshot (null when there is none) and every whole line of the journal after it, each
   * parsed or with the reason it does not parse; nothing is changed on disk. The snapshot is read
   * again if a writer replaced it meanwhile (a compaction), so that a reader beside a running
   * server never pairs an old snapshot with the emptied journal of a new one.
   */
  async read(): Promise<SavedGraph> {
    for (let attempt = 0; ; attempt++) {
      const before = await identityOf(this.snapshotPath);
      const snapshot = await this.readSnapshot();
      const journal = await this.readJournal();
      if (attempt >= 5 || before === (await identityOf(this.snapshotPath))) {
        this.snapshotBytes = await sizeOf(this.snapshotPath);
        this.journalBytes = journal.wholeBytes;
        return { snapshot, ...journal };
      }
    }
  }

  private async readSnapshot(): Promise<SerializedGraph | null> {
    let text: string;
    try {
      text = await readFile(this.snapshotPath, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw new StoreDamagedError(`cannot read the embedded store's snapshot ${this.snapshotPath}: ${(error as Error).message}`);
    }
    try {
      return JSON.parse(text) as SerializedGraph;
    } catch (error) {
      throw new StoreDamagedError(`the embedded store's snapshot ${this.snapshotPath} is damaged: ${(error as Error).message}`);
    }
  }

  private async readJournal(): Promise<JournalScan> {
    let text: string;
    try {
      text = await readFile(this.journalPath, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { lines: [], wholeBytes: 0, tornBytes: 0 };
      throw error;
    }
    return scanJournal(text);
  }

  /**
   * Cuts off a torn last line: a write cut short by a crash, never acknowledged, so that appends
   * follow whole lines. Only a writer (the lock holder) calls it, after the whole lines replayed.
   */
  async dropTornTail(): Promise<void> {
    if ((await sizeOf(this.journalPath)) === this.journalBytes) return;
    const handle = await open(this.journalPath, "r+");
    try {
      await handle.truncate(this.journalBytes);
    } finally {
      await handle.close();
    }
  }

  /**
   * Moves the journal from byte `offset` on (a damaged line and every line after it) into
   * graph.journal.damaged-<time>, then cuts the journal there. Returns the file it moved them to.
   */
  async setAside(offset: number, now: Date = new Date()): Promise<string> {
    const text = await readFile(this.journalPath);
    const aside = `${this.journalPath}.damaged-${now.toISOString().replace(/[:.]/g, "-")}`;
    const handle = await open(aside, "wx");
    try {
      await handle.writeFile(text.subarray(offset));
      await handle.sync();
    } finally {
      await handle.close();
    }
    const journal = await open(this.journalPath, "r+");
    try {
      await journal.truncate(offset);
      await journal.sync();
    } finally {
      await journal.close();
    }
    this.journalBytes = offset;
    return aside;
  }

  /**
   * Appends one write to the journal and syncs it. On failure the journal is cut back to the lines
   * before it (`clean` says whether that worked) and the file system's error is thrown.
   */
  async append(batch: GraphBatch): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(batch)}\n`);
    const start = this.journalBytes;
    try {
      const journal = await this.openJournal();
      // Positional writes, not O_APPEND: a line starts where the last whole one ends, whatever a
      // failed append left after it.
      let written = 0;
      while (written < line.length) written += (await journal.write(line, written, line.length - written, start + written)).bytesWritten;
      await journal.datasync();
    } catch (error) {
      await this.cutBack(start);
      throw error;
    }
    this.journalBytes = start + line.length;
    this.lastLine = start;
  }

  /** Whether the journal holds nothing but whole lines of saved writes (false after a cut that failed). */
  get clean(): boolean {
    return !this.cutPending;
  }

  /**
   * Takes back the line of the last append: its write was saved but could not be applied, so it
   * must not come back at the next start. `clean` says whether the cut worked.
   */
  async dropLast(): Promise<void> {
    if (this.lastLine === null) throw new Error("no journal line to take back");
    this.journalBytes = this.lastLine;
    await this.cutBack(this.lastLine);
  }

  /**
   * Whether a write of about `bytes` can be saved now: writes and syncs that many bytes (at most
   * PROBE_MAX_BYTES) to a probe file beside the journal, then deletes it. Throws the file system's
   * error. Run it between writes, never during one (the store runs it in its write queue).
   */
  async probe(bytes: number): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    if (this.cutPending) await this.openJournal();
    const file = path.join(this.dir, PROBE);
    try {
      const handle = await open(file, "w");
      try {
        await handle.write(Buffer.alloc(Math.min(Math.max(bytes, 1), PROBE_MAX_BYTES), " "));
        await handle.sync();
      } finally {
        await handle.close();
      }
    } finally {
      await rm(file, { force: true });
    }
  }

  /** The journal's handle, opened (and created) when there is none, cut back first when a cut is pending. */
  private async openJournal(): Promise<FileHandle> {
    if (!this.journal) {
      await mkdir(this.dir, { recursive: true });
      this.journal = await open(this.journalPath, constants.O_RDWR | constants.O_CREAT);
      await syncDir(this.dir);
    }
    if (this.cutPending) {
      await this.journal.truncate(this.journalBytes);
      await this.journal.datasync();
      this.cutPending = false;
    }
    return this.journal;
  }

  /**
   * Cuts the journal back to `length` after a failed or taken-back append, and lets go of the
   * handle: after a failed sync the kernel may have dropped the pages it could not write, so the
   * next append opens the file afresh. A cut that fails is left pending (cutPending).
   */
  private async cutBack(length: number): Promise<void> {
    const journal = this.journal;
    this.journal = null;
    this.lastLine = null;
    if (!journal) {
      this.cutPending = this.cutPending || (await sizeOf(this.journalPath).catch(() => length + 1)) > length;
      return;
    }
    try {
      await journal.truncate(length);
      await journal.datasync();
      this.cutPending = false;
    } catch {
      this.cutPending = true;
    } finally {
      await journal.close().catch(() => undefined);
    }
  }

  /** Whether the journal has grown enough to be worth folding into the snapshot. */
  get wantsCompaction(): boolean {
    return this.journalBytes > Math.max(this.snapshotBytes, COMPACT_MIN_BYTES, this.compactRetryBytes);
  }

  get hasJournal(): boolean {
    return this.journalBytes > 0;
  }

  /**
   * Writes the whole graph as the new snapshot, then empties the journal. A failure (a full disk)
   * leaves the old snapshot and the journal, which together still hold every write; the next try
   * waits until the journal has grown by another eighth, so that a full disk is not asked for a
   * whole snapshot at every write.
   */
  async compact(graph: GraphSource): Promise<void> {
    try {
      this.snapshotBytes = await writeSnapshot(this.dir, graph);
    } catch (error) {
      this.compactRetryBytes = this.journalBytes + Math.ceil(this.journalBytes / 8);
      throw error;
    }
    this.compactRetryBytes = 0;
    await this.journal?.close();
    this.journal = null;
    await rm(this.journalPath, { force: true });
    this.journalBytes = 0;
    this.lastLine = null;
    this.cutPending = false;
  }

  async close(): Promise<void> {
    await this.journal?.close();
    this.journal = null;
  }
}
