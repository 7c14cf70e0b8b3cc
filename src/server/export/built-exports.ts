// The whole-graph exports, built once per version of the graph and served from memory after that.
// Building one (the store's snapshot, its hash, its rows, 6.4 MB of XML) costs about 250 ms of CPU
// on the seed with both datasets; twelve clients asking for it at once each built their own, and a
// simple query beside them waited up to a second. Now a build is shared by every request that
// asks while it runs, and its bytes are kept (one file per format) until the graph changes.
//
// How a request knows that the graph has not changed:
// - with a write count (the app is the store's only writer: the embedded store, whose lock the
//   server holds), from the count alone: no snapshot, no hash;
// - without one (Neo4j, which other processes may write), by reading the snapshot and hashing it
//   (the ETag) as before; only the rows and the XML are saved when the hash is the kept one's.
import { createHash } from "node:crypto";
import { inTurns } from "../../graphql/limits/event-loop-turns.js";
import type { GraphSlice, GraphStore } from "../../store/port.js";
import type { WriteCount } from "../../store/write-count.js";
import { exportGraphSteps, type ExportGraph } from "./export-graph.js";

/** A file of an export: its ETag and its bytes, in the chunks it is sent in. */
export interface BuiltExport {
  etag: string;
  truncated: boolean;
  chunks: Buffer[];
}

export type Lines = (graph: ExportGraph) => Iterable<string>;

/** The file is kept and sent in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A strong ETag of an export: the format, the title and every node and relationship as the store
 * gave them (in their stable order), hashed. The same graph gives the same file, byte for byte.
 * Yields after each element (inTurns).
 */
function* etagSteps(extension: string, title: string, slice: GraphSlice): Generator<void, string> {
  const hash = createHash("sha256").update(`${extension}\n${title}\n${slice.truncated}\n`);
  for (const elements of [slice.nodes, slice.edges]) {
    for (const element of elements) {
      hash.update(JSON.stringify(element)).update("\n");
      yield;
    }
  }
  return `"${hash.digest("base64url").slice(0, 32)}"`;
}

/** The lines joined into chunks of about CHUNK_CHARS, as UTF-8; yields after each line (inTurns). */
function* chunkSteps(lines: Iterable<string>): Generator<void, Buffer[]> {
  const chunks: Buffer[] = [];
  let buffer: string[] = [];
  let size = 0;
  for (const line of lines) {
    buffer.push(line);
    size += line.length + 1;
    if (size >= CHUNK_CHARS) {
      chunks.push(Buffer.from(buffer.join("\n") + "\n"));
      buffer = [];
      size = 0;
    }
    yield;
  }
  // The last line is the file's final "" (a trailing newline), already ended by the join.
  if (buffer.length > 0) chunks.push(Buffer.from(buffer.join("\n")));
  return chunks;
}

/** An export's file, every CPU stage in turns of the event loop. */
export async function buildExport(extension: string, lines: Lines, slice: GraphSlice, title: string, etag?: string): Promise<BuiltExport> {
  const tag = etag ?? (await inTurns(etagSteps(extension, title, slice)));
  const graph = await inTurns(exportGraphSteps(slice, title));
  return { etag: tag, truncated: slice.truncated, chunks: await inTurns(chunkSteps(lines(graph))) };
}

interface Kept {
  /** The store's write count when the snapshot was read (null without a count). */
  writes: number | null;
  /** The hash of the snapshot read, when known before the file is built (without a count). */
  etag: string | null;
  built: Promise<BuiltExport>;
}

/** The whole graph's file per format: the last one built, and the build under way if any. */
export class BuiltExports {
  private readonly kept = new Map<string, Kept>();

  /**
   * `writes`: the store's write count, when every write to it goes through this process (the
   * app's only-writer option); without it the graph is read and hashed on every request.
   */
  constructor(
    private readonly store: GraphStore,
    private readonly writes: WriteCount | null,
  ) {}

  /** The whole graph as `extension`'s file, of a version of the graph at least as new as the call. */
  async whole(extension: string, lines: Lines, title: string): Promise<BuiltExport> {
    const kept = this.kept.get(extension);
    if (this.writes) {
      // Read before the snapshot: a write that ends after this makes the count move on and the file stale.
      const writes = this.writes.settled();
      if (kept && kept.writes === writes) return kept.built;
      return this.keep(extension, { writes, etag: null }, this.store.snapshot().then((slice) => buildExport(extension, lines, slice, title)));
    }
    const slice = await this.store.snapshot();
    const etag = await inTurns(etagSteps(extension, title, slice));
    // Another request is building (or has built) this very file: a kept build's file has the kept etag.
    if (kept?.etag === etag) return kept.built;
    return this.keep(extension, { writes: null, etag }, buildExport(extension, lines, slice, title, etag));
  }

  /** Keeps a build; one that fails (the store down) is not kept, so the next request tries again. */
  private keep(extension: string, version: Omit<Kept, "built">, built: Promise<BuiltExport>): Promise<BuiltExport> {
    const entry: Kept = { ...version, built };
    this.kept.set(extension, entry);
    built.catch(() => {
      if (this.kept.get(extension) === entry) this.kept.delete(extension);
    });
    return built;
  }
}
