// The embedded store's snapshot (graph.json, persistence.ts): graphology's serialized form of the
// whole graph, written piece by piece and renamed into place, so a crash leaves the old file or the new.
import { mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { SerializedGraph } from "graphology-types";

export const SNAPSHOT = "graph.json";
/** Snapshot text is written in pieces of about this size, so no string holds the whole graph. */
const CHUNK_CHARS = 1 << 20;

/** What a snapshot is written from: the graph's nodes and edges, visited one by one. */
export interface GraphSource {
  options: SerializedGraph["options"];
  forEachNode(visit: (key: string, attributes: object) => void): void;
  forEachEdge(visit: (key: string, attributes: object, source: string, target: string) => void): void;
}

/** Makes a rename or a new file in `dir` durable: syncing a file does not sync its directory entry. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes graphology's serialized form piece by piece into a temp file, syncs it, renames it into
 * place and syncs the directory (so the rename is durable before the journal is emptied). A failure
 * removes the temp file: a partial snapshot would hold space that a full disk needs back.
 */
export async function writeSnapshot(dir: string, graph: GraphSource): Promise<number> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, SNAPSHOT);
  const temp = `${target}.${process.pid}.tmp`;
  let handle: FileHandle | null = null;
  let bytes = 0;
  try {
    handle = await open(temp, "w");
    const file = handle;
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
        await file.write(buffer);
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
    await file.sync();
    await file.close();
    handle = null;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
  return bytes;
}
