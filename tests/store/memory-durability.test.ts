// When a write on the embedded store becomes visible (issue 12, item 6), tested with a journal the
// test controls, so that it runs without root (tests/hardening/disk-full.test.ts does it on a real
// full disk): readers see a write only once its journal line is synced, never one that could not
// be saved; a write that cannot be saved answers SERVICE_UNAVAILABLE saying why; the store is not
// ready until writes can be saved again; a failed compaction loses nothing and breaks nothing.
import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GraphBatch } from "../../src/domain/graph.js";
import type { Auth } from "../../src/graphql/context.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { GraphFiles } from "../../src/store/memory/persistence.js";
import { writeSnapshot } from "../../src/store/memory/snapshot-file.js";
import { seedStore } from "../../src/store/open-store.js";
import { StorageFailedError } from "../../src/store/port.js";
import { execute } from "../helpers/graphql.js";
import { config } from "../helpers/stores.js";

const country = (code: string, name: string): GraphBatch => ({
  nodes: [{ kind: "Country", key: code, props: { name, aliases: [], sources: ["s"] } }],
  relationships: [],
});
/** A node and a relationship to it: half of it would be visible as one without the other. */
const orgIn = (slug: string, code: string): GraphBatch => ({
  nodes: [
    { kind: "Country", key: code, props: { name: code, aliases: [], sources: ["s"] } },
    { kind: "Organization", key: slug, props: { name: slug, aliases: [], sources: ["s"] } },
  ],
  relationships: [{ type: "HEADQUARTERED_IN", from: { kind: "Organization", key: slug }, to: { kind: "Country", key: code }, key: "", props: { sources: ["s"] } }],
});

const ENOSPC = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tempDir = () => mkdtemp(path.join(tmpdir(), "kg-durability-"));

/**
 * The journal of the test: an append waits until `release()` (or fails with ENOSPC while `full`),
 * and `synced` says whether the line of the pending append is on disk yet.
 */
class ControlledFiles extends GraphFiles {
  full = false;
  synced = false;
  private opened: (() => void) | null = null;
  private gate: Promise<void> | null = null;

  hold(): void {
    this.gate = new Promise((resolve) => (this.opened = resolve));
  }
  release(): void {
    this.opened?.();
    this.gate = null;
  }

  override async append(batch: GraphBatch): Promise<void> {
    this.synced = false;
    await this.gate;
    await sleep(5);
    if (this.full) throw ENOSPC();
    await super.append(batch);
    this.synced = true;
  }

  override async probe(bytes: number): Promise<void> {
    if (this.full) throw ENOSPC();
    await super.probe(bytes);
  }
}

/**
 * Reads what `visible` looks at, again and again (a turn of the event loop apart) until `write`
 * settles; counts the reads that saw it before `saved()` held.
 */
async function readWhilePending(write: Promise<unknown>, visible: () => Promise<boolean>, saved: () => boolean) {
  let settled = false;
  write.then(
    () => (settled = true),
    () => (settled = true),
  );
  let reads = 0;
  let early = 0;
  while (!settled) {
    const seen = await visible();
    if (seen && !saved()) early++;
    reads++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { reads, early };
}

describe("embedded store: a write is visible only once it is saved", () => {
  it("shows no part of a write while its journal line is being synced, and all of it after", async () => {
    const dir = await tempDir();
    const files = new ControlledFiles(dir);
    const store = await MemoryStore.open(dir, { files });
    files.hold();
    const write = store.write(orgIn("naver", "KR"));
    const visible = async () => {
      const [kr, naver] = await store.getNodes([
        { kind: "Country", key: "KR" },
        { kind: "Organization", key: "naver" },
      ]);
      const [orgs] = await store.related("country-organizations", ["KR"], null, { after: null, limit: 10 });
      const parts = [kr !== null, naver !== null, orgs.totalCount > 0, (await store.counts()).nodes > 0];
      // All or nothing: a reader never sees half of the write.
      expect(new Set(parts).size).toBe(1);
      return parts[0];
    };
    setTimeout(() => files.release(), 50);
    const { reads, early } = await readWhilePending(write, visible, () => files.synced);
    expect(reads).toBeGreaterThan(5);
    expect(early).toBe(0);
    await write;
    expect(await visible()).toBe(true);
    const reopened = await MemoryStore.open(dir, { readOnly: true });
    expect(await reopened.counts()).toEqual({ nodes: 2, relationships: 1 });
  });

  it("never shows a write that could not be saved, answers why, and is not ready until a write can be saved", async () => {
    const dir = await tempDir();
    const files = new ControlledFiles(dir);
    const store = await MemoryStore.open(dir, { files });
    await store.write(country("KR", "South Korea"));
    await store.ping();

    files.full = true;
    const write = store.write({ nodes: [...country("KR", "Renamed").nodes, ...orgIn("naver", "KR").nodes], relationships: orgIn("naver", "KR").relationships });
    const visible = async () => {
      const [kr, naver] = await store.getNodes([
        { kind: "Country", key: "KR" },
        { kind: "Organization", key: "naver" },
      ]);
      return kr?.props.name === "Renamed" || naver !== null;
    };
    const { reads, early } = await readWhilePending(write, visible, () => files.synced);
    expect(reads).toBeGreaterThan(0);
    expect(early).toBe(0);
    const error = await write.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFailedError);
    expect((error as Error).message).toBe(`the embedded store could not save the write: no space left on device (ENOSPC) at ${dir}; nothing was written`);
    expect(await visible()).toBe(false);
    expect(await store.counts()).toEqual({ nodes: 1, relationships: 0 });

    // Not ready while a probe write fails; ready again once one succeeds (space was freed).
    await expect(store.ping()).rejects.toThrow(`the embedded store cannot save writes: no space left on device (ENOSPC) at ${dir}`);
    await expect(store.ping()).rejects.toBeInstanceOf(StorageFailedError);
    files.full = false;
    await store.ping();
    await store.ping();
    expect((await readdir(dir)).filter((f) => f !== "graph.lock")).toEqual(["graph.journal"]); // the probe's file is gone (the lock is the open store's)

    // Or once a write is saved: that alone makes it ready.
    files.full = true;
    await expect(store.write(country("JP", "Japan"))).rejects.toBeInstanceOf(StorageFailedError);
    await expect(store.ping()).rejects.toBeInstanceOf(StorageFailedError);
    files.full = false;
    await store.write(country("US", "United States"));
    files.full = true; // the probe would fail now: ping must not need it
    await store.ping();

    const reopened = await MemoryStore.open(dir, { readOnly: true });
    const found = await reopened.getNodes(["KR", "JP", "US"].map((key) => ({ kind: "Country" as const, key })));
    expect(found.map((n) => n?.props.name ?? null)).toEqual(["South Korea", null, "United States"]);
  });

  it("answers a write it could not save with SERVICE_UNAVAILABLE and the reason through the API", async () => {
    const dir = await tempDir();
    const files = new ControlledFiles(dir);
    const store = await MemoryStore.open(dir, { files });
    await seedStore(store, config.seedDir);
    files.full = true;
    const curator: Auth = { kind: "curator", curator: "alice" };
    const result = await execute(store, `mutation { upsertModel(input: { slug: "unsaved", name: "Unsaved", organizationSlug: "naver" }) { slug } }`, {}, { auth: curator });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      message: `the embedded store could not save the write: no space left on device (ENOSPC) at ${dir}; nothing was written`,
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
    expect((await execute(store, `{ model(slug: "unsaved") { slug } }`)).data).toEqual({ model: null });
  });

  it("takes a saved line back off the journal when the write cannot be applied after all", async () => {
    const dir = await tempDir();
    const store = await MemoryStore.open(dir);
    await store.write(country("KR", "South Korea"));
    const before = await readFile(path.join(dir, "graph.journal"), "utf8");
    const internals = store as unknown as { applyInMemory: (batch: GraphBatch, undo: Array<() => void>) => unknown };
    const apply = internals.applyInMemory.bind(store);
    // A bug that throws half way through the in-memory apply, after the line was synced.
    internals.applyInMemory = (batch, undo) => {
      apply({ nodes: batch.nodes, relationships: [] }, undo);
      throw new Error("a bug half way through");
    };
    await expect(store.write(orgIn("naver", "KR"))).rejects.toThrow("a bug half way through");
    expect(await store.getNodes([{ kind: "Organization", key: "naver" }])).toEqual([null]);
    expect(await readFile(path.join(dir, "graph.journal"), "utf8")).toBe(before);
    await store.ping();
    delete (internals as Partial<typeof internals>).applyInMemory; // the class's own again
    await store.write(country("JP", "Japan"));
    const reopened = await MemoryStore.open(dir, { readOnly: true });
    expect(await reopened.counts()).toEqual({ nodes: 2, relationships: 0 });
  });

  it("keeps a write saved and the store ready when the compaction after it fails", async () => {
    const dir = await tempDir();
    class FullForSnapshots extends GraphFiles {
      override get wantsCompaction(): boolean {
        return true;
      }
      override async compact(): Promise<void> {
        throw ENOSPC();
      }
    }
    const store = await MemoryStore.open(dir, { files: new FullForSnapshots(dir) });
    await expect(store.write(country("KR", "South Korea"))).resolves.toMatchObject({ nodesCreated: 1 });
    expect((await store.getNodes([{ kind: "Country", key: "KR" }]))[0]?.props.name).toBe("South Korea");
    await store.ping();
    // close() cannot compact either: it says so, and the journal still holds the write.
    await expect(store.close()).rejects.toThrow("ENOSPC");
    const reopened = await MemoryStore.open(dir);
    expect(await reopened.counts()).toEqual({ nodes: 1, relationships: 0 });
  });

  it("leaves the old snapshot and no temp file when a snapshot cannot be written", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "graph.json"), "the old snapshot");
    const failing = {
      options: { type: "directed" as const, multi: true, allowSelfLoops: true },
      forEachNode: (visit: (key: string, attributes: object) => void) => visit("Country:KR", {}),
      forEachEdge: () => {
        throw ENOSPC();
      },
    };
    await expect(writeSnapshot(dir, failing)).rejects.toThrow("ENOSPC");
    expect(await readdir(dir)).toEqual(["graph.json"]);
    expect(await readFile(path.join(dir, "graph.json"), "utf8")).toBe("the old snapshot");
    expect((await stat(path.join(dir, "graph.json"))).size).toBe("the old snapshot".length);
  });
});
