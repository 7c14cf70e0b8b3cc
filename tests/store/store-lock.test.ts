// The embedded store's writer lock (src/store/memory/store-lock.ts) on real files: one holder,
// named to whoever else asks; a stale lock (dead pid, unreadable file, an old lock with this pid)
// taken over; another host's lock respected; only the holder's own lock removed.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { LOCK_FILE, StoreLock, StoreLockedError } from "../../src/store/memory/store-lock.js";
import { ensureBuilt } from "../helpers/processes.js";

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "kg-lock-"));
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

const lockText = (fields: Record<string, unknown>) =>
  JSON.stringify({ pid: process.pid, host: hostname(), holder: "kg import", since: "2026-01-01T00:00:00.000Z", token: "0000000000000000", ...fields });

async function lockOf(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(dir, LOCK_FILE), "utf8"));
}

describe("the embedded store's writer lock", () => {
  it("has one holder: a second writer is refused at once with the holder named, and may write once it is released", async () => {
    const dir = await tempDir();
    const first = await StoreLock.acquire(dir, "the server");
    expect(await lockOf(dir)).toMatchObject({ pid: process.pid, host: hostname(), holder: "the server" });
    const refused = StoreLock.acquire(dir, "kg import");
    await expect(refused).rejects.toBeInstanceOf(StoreLockedError);
    await expect(refused).rejects.toThrow(`the server (pid ${process.pid}, this very process) has this store open (${dir}`);
    await expect(refused).rejects.toThrow("stop it or send the change through the API");
    await first.release();
    expect(await readdir(dir)).toEqual([]);
    const second = await StoreLock.acquire(dir, "kg import");
    expect(await lockOf(dir)).toMatchObject({ holder: "kg import" });
    await second.release();
    await second.release(); // twice is harmless
  });

  it("takes over a lock whose process is gone", async () => {
    const dir = await tempDir();
    const pid = await deadPid();
    await writeFile(path.join(dir, LOCK_FILE), lockText({ pid, holder: "the server" }));
    const lock = await StoreLock.acquire(dir, "kg seed");
    expect(await lockOf(dir)).toMatchObject({ pid: process.pid, holder: "kg seed" });
    await lock.release();
  });

  it("takes over an unreadable lock file, and an old lock that carries this process's pid (a restarted container)", async () => {
    for (const text of ["", "{not json", lockText({ holder: "the server" })]) {
      const dir = await tempDir();
      await writeFile(path.join(dir, LOCK_FILE), text);
      const lock = await StoreLock.acquire(dir, "kg seed");
      expect(await lockOf(dir)).toMatchObject({ holder: "kg seed" });
      await lock.release();
    }
  });

  it("respects a live process's lock and a lock from another host, which it cannot check", async () => {
    const live = await tempDir();
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      await writeFile(path.join(live, LOCK_FILE), lockText({ pid: child.pid, holder: "kg import" }));
      await expect(StoreLock.acquire(live, "the server")).rejects.toThrow(`kg import (pid ${child.pid}) has this store open`);
    } finally {
      child.kill("SIGKILL");
    }
    const remote = await tempDir();
    await writeFile(path.join(remote, LOCK_FILE), lockText({ pid: await deadPid(), host: "elsewhere.example", holder: "the server" }));
    await expect(StoreLock.acquire(remote, "kg seed")).rejects.toThrow("on host elsewhere.example");
  });

  it("gives a stale lock to exactly one of many writers that find it at once", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, LOCK_FILE), lockText({ pid: await deadPid() }));
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => StoreLock.acquire(dir, `writer ${i}`)));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(StoreLockedError);
    await (won[0] as PromiseFulfilledResult<StoreLock>).value.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it("never removes a lock that is not its own", async () => {
    const dir = await tempDir();
    const lock = await StoreLock.acquire(dir, "kg seed");
    const other = lockText({ pid: process.pid + 1, token: "ffffffffffffffff" });
    await writeFile(path.join(dir, LOCK_FILE), other); // someone deleted ours and took the store
    await lock.release();
    expect(await readFile(path.join(dir, LOCK_FILE), "utf8")).toBe(other);
  });

  it("is held by a writing MemoryStore until close, not by a read-only one", async () => {
    const dir = await tempDir();
    const writer = await MemoryStore.open(dir, { holder: "kg import" });
    await expect(MemoryStore.open(dir, { holder: "the server" })).rejects.toThrow("kg import (pid");
    const reader = await MemoryStore.open(dir, { readOnly: true });
    expect(await reader.counts()).toEqual({ nodes: 0, relationships: 0 });
    await expect(reader.write({ nodes: [], relationships: [] })).rejects.toThrow("read-only");
    await writer.close();
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
    const next = await MemoryStore.open(dir, { holder: "the server" });
    await next.close();
  });

  it("is removed when the holding process exits without closing", { timeout: 180_000 }, async () => {
    const dir = await tempDir();
    const module = path.resolve("src/store/memory/store-lock.ts");
    // Plain Node runs the module's built copy; the same code as the test imports.
    const built = module.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}src${path.sep}`).replace(/\.ts$/, ".js");
    await ensureBuilt();
    const child = spawn(process.execPath, ["--input-type=module", "-e", `const { StoreLock } = await import(${JSON.stringify(built)}); await StoreLock.acquire(${JSON.stringify(dir)}, "kg import"); process.exit(0);`], { stdio: "inherit" });
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });
});
