// The embedded store's durability: a write is on disk when it resolves (journal), survives a crash
// (no close), a torn journal tail is dropped, and a write that cannot be persisted leaves nothing.
import { appendFile, cp, mkdir, mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GraphBatch } from "../../src/domain/graph.js";
import { country, org } from "../helpers/batches.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";


async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "kg-memory-"));
}

/**
 * The data directory as a crash leaves it: its files as they are on disk, the lock file with the
 * writer's pid included, copied while the writer (this process) still has it open.
 */
async function afterCrash(dir: string): Promise<string> {
  const copy = await tempDir();
  await cp(dir, copy, { recursive: true });
  return copy;
}

describe("embedded store persistence", () => {
  it("keeps every acknowledged write when the process stops without closing the store", async () => {
    const dir = await tempDir();
    const store = await MemoryStore.open(dir);
    await store.write(country("KR", "South Korea"));
    await store.write(org("naver", "KR"));
    await store.write(country("KR", "Korea")); // an update, replayed in order
    // No close(): as after a crash. The journal holds the writes; the lock left behind is taken over.
    const reopened = await MemoryStore.open(await afterCrash(dir));
    expect(await reopened.counts()).toEqual({ nodes: 2, relationships: 1 });
    const [kr] = await reopened.getNodes([{ kind: "Country", key: "KR" }]);
    expect(kr?.props.name).toBe("Korea");
    await reopened.close();
  });

  it("folds the journal into the snapshot on close, and reopens to the same graph", async () => {
    const dir = await tempDir();
    const store = await MemoryStore.open(dir);
    await store.write(country("KR", "South Korea"));
    await store.write(org("naver", "KR"));
    await store.close();
    await expect(stat(path.join(dir, "graph.journal"))).rejects.toThrow();
    const snapshot = JSON.parse(await readFile(path.join(dir, "graph.json"), "utf8"));
    expect(snapshot.nodes).toHaveLength(2);
    const reopened = await MemoryStore.open(dir);
    expect(await reopened.counts()).toEqual({ nodes: 2, relationships: 1 });
    expect(await reopened.related("country-organizations", ["KR"], null, { after: null, limit: 10 })).toEqual(
      await store.related("country-organizations", ["KR"], null, { after: null, limit: 10 }),
    );
  });

  it("drops a torn last line (a write cut short by a crash, never acknowledged) and appends after it", async () => {
    const dir = await tempDir();
    const store = await MemoryStore.open(dir);
    await store.write(country("KR", "South Korea"));
    await appendFile(path.join(dir, "graph.journal"), '{"nodes":[{"kind":"Country","key":"US"');
    const crashed = await afterCrash(dir);
    const reopened = await MemoryStore.open(crashed);
    expect(await reopened.counts()).toEqual({ nodes: 1, relationships: 0 });
    await reopened.write(country("JP", "Japan"));
    const again = await MemoryStore.open(await afterCrash(crashed));
    expect(await again.counts()).toEqual({ nodes: 2, relationships: 0 });
  });

  it("undoes a write in memory when it cannot be made durable: all or nothing", async () => {
    const dir = await tempDir();
    const store = await MemoryStore.open(dir);
    await store.write(country("KR", "South Korea"));
    await store.close();
    const blocked = await MemoryStore.open(dir);
    // A directory where the journal goes: appending fails.
    await mkdir(path.join(dir, "graph.journal"));
    const batch: GraphBatch = { nodes: [...country("KR", "Renamed").nodes, ...org("naver", "KR").nodes], relationships: org("naver", "KR").relationships };
    await expect(blocked.write(batch)).rejects.toThrow();
    expect(await blocked.counts()).toEqual({ nodes: 1, relationships: 0 });
    const [kr] = await blocked.getNodes([{ kind: "Country", key: "KR" }]);
    expect(kr?.props.name).toBe("South Korea");
    expect((await blocked.list({ kind: "Organization" }, { after: null, limit: 10 })).totalCount).toBe(0);
  });
});

describe("embedded store internals", () => {
  it("keeps graphology's neighbour indexes in dictionaries, so a big graph does not slow every object the process builds", async () => {
    // memory-store.ts (imported above) installs the dictionaries when it loads.
    const { DICTIONARY_ADJACENCY } = await import("../../src/store/memory/adjacency.js");
    expect(DICTIONARY_ADJACENCY).toBe(true);
    const store = await MemoryStore.open(null);
    await store.write(country("KR", "South Korea"));
    await store.write(org("naver", "KR"));
    // graphology's own pair lookup (hasOwnProperty on the index) still works.
    const graph = (store as unknown as { graph: { hasEdge(a: string, b: string): boolean } }).graph;
    expect(graph.hasEdge("Organization:naver", "Country:KR")).toBe(true);
    expect(graph.hasEdge("Country:KR", "Organization:naver")).toBe(false);
  });
});
