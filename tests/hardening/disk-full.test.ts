// A full disk under the embedded store (issue 12, item 6): on a small tmpfs, filled up, a curation
// write answers SERVICE_UNAVAILABLE saying why, no read ever sees the refused write, /readyz is 503
// (with the reason) until a write can be saved again, and after a restart every acknowledged write
// is there and the refused one is not. Needs root and a working `mount -t tmpfs`; skipped otherwise.
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Auth } from "../../src/graphql/context.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import { execute } from "../helpers/graphql.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { config } from "../helpers/stores.js";

const ALICE: Auth = { kind: "curator", curator: "alice" };
const UPSERT_MODEL = `mutation($input: ModelInput!) { upsertModel(input: $input) { slug } }`;
const READ_MODEL = `query($slug: String!) { model(slug: $slug) { slug } }`;
/** Enough for the seed graph's journal line (about 30 KB) and a few curation writes. */
const TMPFS_SIZE = "512k";

/** Why a tmpfs cannot be mounted here, or null (tried once, on a throwaway mount point). */
function tmpfsMissing(): string | null {
  if (process.getuid?.() !== 0) return "not running as root";
  const probe = mkdtempSync(path.join(tmpdir(), "kg-tmpfs-probe-"));
  try {
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { encoding: "utf8" });
    if (mounted.error || mounted.status !== 0) return `mount -t tmpfs failed: ${(mounted.stderr || String(mounted.error)).trim()}`;
    spawnSync("umount", [probe]);
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const missing = tmpfsMissing();
if (missing) console.log(`disk-full test: skipped (${missing})`);

/** Writes a file until the file system refuses: ENOSPC. */
function fill(file: string): void {
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(4096, 120);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(missing !== null)("a full disk under the embedded store", () => {
  let mountPoint: string;
  let dataDir: string;
  let store: MemoryStore;
  let server: TestServer;

  beforeAll(async () => {
    mountPoint = await mkdtemp(path.join(tmpdir(), "kg-disk-full-"));
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${TMPFS_SIZE}`, "tmpfs", mountPoint], { encoding: "utf8" });
    if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
    dataDir = path.join(mountPoint, "data");
    store = await MemoryStore.open(dataDir);
    await seedStore(store, config.seedDir);
    server = await startServer(store);
  });

  afterAll(async () => {
    await server?.close();
    if (mountPoint) rmSync(path.join(mountPoint, "filler"), { force: true });
    await store?.close().catch(() => undefined);
    if (mountPoint) {
      // Lazy: a file the store failed to close must not keep the mount (and the test run) busy.
      spawnSync("umount", ["-l", mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  const readyz = async () => {
    const res = await fetch(`${server.url}/readyz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const upsert = (slug: string) => execute(store, UPSERT_MODEL, { input: { slug, name: slug, organizationSlug: "naver" } }, { auth: ALICE });
  const seen = async (slug: string) => (await execute(store, READ_MODEL, { slug })).data?.model?.slug === slug;

  /**
   * Sends a write and, until it answers, keeps 20 reads of it in flight; returns the write's answer
   * and how many of the reads made while it was pending saw it.
   */
  async function writeWhileReading(slug: string) {
    let answered = false;
    const write = upsert(slug).finally(() => {
      answered = true;
    });
    let reads = 0;
    let saw = 0;
    do {
      const batch = await Promise.all(Array.from({ length: 20 }, () => seen(slug)));
      reads += batch.length;
      saw += batch.filter(Boolean).length;
      // Reads in memory never wait on I/O: yield, or the write's file I/O would never get its turn.
      await new Promise((resolve) => setImmediate(resolve));
    } while (!answered);
    return { result: await write, reads, saw };
  }

  it("refuses a write it cannot save with SERVICE_UNAVAILABLE, shows it to no reader, and keeps every acknowledged write", async () => {
    expect((await readyz()).status).toBe(200);
    expect((await upsert("before-the-disk-filled")).errors).toBeUndefined();
    const acknowledged = ["before-the-disk-filled"];

    fill(path.join(mountPoint, "filler"));
    // The journal's last page may still hold a line or two: writes that fit there are saved and
    // acknowledged; the first one that needs a new page is refused.
    let refused: Awaited<ReturnType<typeof writeWhileReading>> | null = null;
    let refusedSlug = "";
    let reads = 0;
    for (let i = 0; i < 40 && !refused; i++) {
      const slug = `written-on-a-full-disk-${i}`;
      const attempt = await writeWhileReading(slug);
      reads += attempt.reads;
      if (attempt.result.errors) {
        refused = attempt;
        refusedSlug = slug;
      } else {
        acknowledged.push(slug);
      }
    }
    expect(refused, "no write was refused on the full disk").not.toBeNull();
    console.log(
      `disk-full [memory]: ${acknowledged.length - 1} write(s) fit on the full disk, then one refused; ` +
        `${refused!.saw} of ${refused!.reads} reads made while it was pending saw it (${reads} reads in all)`,
    );
    const error = refused!.result.errors![0];
    expect(error.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toBe(`the embedded store could not save the write: no space left on device (ENOSPC) at ${dataDir}; nothing was written`);
    // No dirty read: none of the reads made while the refused write was pending saw it.
    expect(refused!.saw).toBe(0);
    expect(await seen(refusedSlug)).toBe(false);

    // Not ready, saying why, for as long as the disk stays full.
    for (let i = 0; i < 2; i++) {
      const answer = await readyz();
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ status: "unavailable", store: "memory" });
      expect(String(answer.body.reason)).toContain("no space left on device (ENOSPC)");
    }
    // The refused line was cut back off, so a shorter write could still fit where it did not: send
    // a longer one.
    const stillFull = `${refusedSlug}-sent-again`;
    expect((await upsert(stillFull)).errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");

    // Space comes back: a write is saved, and the store is ready again.
    rmSync(path.join(mountPoint, "filler"));
    expect((await upsert("after-space-was-freed")).errors).toBeUndefined();
    acknowledged.push("after-space-was-freed");
    expect(await readyz()).toMatchObject({ status: 200, body: { status: "ready" } });

    // A restart as after a crash (the files as they are, no close): every acknowledged write is
    // there, the refused ones are not.
    const copy = await mkdtemp(path.join(tmpdir(), "kg-disk-full-copy-"));
    for (const file of ["graph.json", "graph.journal"]) {
      try {
        copyFileSync(path.join(dataDir, file), path.join(copy, file));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    }
    const reopened = await MemoryStore.open(copy);
    const slugs = [...acknowledged, refusedSlug, stillFull];
    const present = await reopened.getNodes(slugs.map((key) => ({ kind: "Model" as const, key })));
    expect(Object.fromEntries(slugs.map((s, i) => [s, present[i] !== null]))).toEqual(Object.fromEntries(slugs.map((s) => [s, acknowledged.includes(s)])));
    expect(await reopened.counts()).toEqual(await store.counts());
    await reopened.close();
    rmSync(copy, { recursive: true, force: true });
  });
});
