// The embedded store's journal (graph.journal, persistence.ts): one JSON line per write since the
// snapshot, read back line by line; a line that does not parse is kept with why, for `kg verify`.
import type { GraphBatch } from "../../domain/graph.js";

/** One whole line of the journal: the write it holds, or why it cannot be read. */
export interface JournalLine {
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's start in the journal. */
  offset: number;
  batch: GraphBatch | null;
  error: string | null;
}

export interface JournalScan {
  lines: JournalLine[];
  /** Bytes of the whole lines (each ends with a newline). */
  wholeBytes: number;
  /** Bytes after the last newline: an append torn by a crash, never acknowledged. */
  tornBytes: number;
}

/** Splits journal text into whole lines, parsing each; a line that does not parse keeps its error. */
export function scanJournal(text: string): JournalScan {
  const parts = text.split("\n");
  const lines: JournalLine[] = [];
  let offset = 0;
  // The text after the last newline is a torn append.
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    let batch: GraphBatch | null = null;
    let error: string | null = null;
    try {
      batch = JSON.parse(part) as GraphBatch;
      if (!batch || !Array.isArray(batch.nodes) || !Array.isArray(batch.relationships)) {
        batch = null;
        error = "the line is not a write (no nodes and relationships)";
      }
    } catch (e) {
      error = (e as Error).message;
    }
    lines.push({ line: i + 1, offset, batch, error });
    offset += Buffer.byteLength(part) + 1;
  }
  return { lines, wholeBytes: offset, tornBytes: Buffer.byteLength(parts[parts.length - 1]) };
}
