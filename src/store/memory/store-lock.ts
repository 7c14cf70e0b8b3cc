// One writer per embedded store: the process that opens KG_DATA_DIR for writing holds `graph.lock`,
// a file naming its pid, host and what it is ("the server", "kg import"). Two writers on one
// journal would interleave their lines and neither would see the other's writes.
//
// The lock file is written whole under a temporary name and linked into place: link() fails when
// the name exists (as O_EXCL does), and nobody ever reads a half-written lock. A lock whose process
// is gone (a crash, a kill -9) is stale and taken over; the takeover itself is guarded by a second
// exclusive file, so that two processes that both find a stale lock cannot both take it.
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { link, mkdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

export const LOCK_FILE = "graph.lock";
const TAKEOVER_FILE = "graph.lock.takeover";
/** A takeover guard older than this was left by a process that died in the middle of one. */
const TAKEOVER_STALE_MS = 10_000;

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** What the holder is, in words that fit "<holder> (pid N) has this store open". */
  holder: string;
  since: string;
  /** Tells this process's own lock apart from an old one that happens to carry the same pid. */
  token: string;
}

/** Another live process writes to the store. The message names it and says what to do. */
export class StoreLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly held: LockHolder,
  ) {
    const where = held.host !== hostname() ? `pid ${held.pid} on host ${held.host}` : held.pid === process.pid ? `pid ${held.pid}, this very process` : `pid ${held.pid}`;
    super(
      `${held.holder} (${where}) has this store open (${path.dirname(lockFile)}, since ${held.since}); ` +
        `stop it or send the change through the API. If that process is gone, delete ${lockFile}.`,
    );
  }
}

/** Locks this process holds, by token: their files are removed when the process exits. */
const heldHere = new Map<string, string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous. A process killed by a signal it does not handle runs no
  // handler at all: its lock stays behind, names a dead pid, and the next writer takes it over.
  process.on("exit", () => {
    for (const [token, file] of heldHere) removeIfOwnSync(file, token);
  });
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || typeof value.host !== "string" || typeof value.holder !== "string" || typeof value.token !== "string") return null;
    return { pid: value.pid!, host: value.host, holder: value.holder, since: String(value.since ?? "an unknown time"), token: value.token };
  } catch {
    return null;
  }
}

/** Whether a process with this pid runs on this machine (EPERM: it does, as another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the lock's holder is gone. A lock from another host cannot be checked and counts as held.
 * A lock with this process's pid that this process does not hold was left by an earlier process
 * that had the same pid (a container restarted: the server is pid 1 again).
 */
function isStale(lock: LockHolder, file: string): boolean {
  if (lock.host !== hostname()) return false;
  if (lock.pid === process.pid) return heldHere.get(lock.token) !== file;
  return !processAlive(lock.pid);
}

function removeIfOwnSync(file: string, token: string): void {
  try {
    if (parseHolder(readFileSync(file, "utf8"))?.token === token) unlinkSync(file);
  } catch {
    // Already gone, or unreadable: nothing of ours to remove.
  }
}

async function readHolder(file: string): Promise<LockHolder | null | "missing"> {
  try {
    return parseHolder(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

/** Links a complete lock file into place; false when one is there already. */
async function tryCreate(file: string, lock: LockHolder): Promise<boolean> {
  const temp = `${file}.${process.pid}.${lock.token}.tmp`;
  await writeFile(temp, `${JSON.stringify(lock)}\n`, { flag: "wx" });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Removes the stale lock `seen` under the takeover guard, after checking that the file still is
 * that lock (and not a fresh one another process linked after taking the stale one over).
 */
async function removeStale(dir: string, file: string, seen: LockHolder | null): Promise<void> {
  const guard = path.join(dir, TAKEOVER_FILE);
  let fd: number;
  try {
    fd = openSync(guard, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const { mtimeMs } = await stat(guard).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > TAKEOVER_STALE_MS) await unlink(guard).catch(() => undefined);
    return; // another process is taking over: the caller looks again
  }
  try {
    writeSync(fd, `${process.pid}\n`);
    const now = await readHolder(file);
    const same = now === null ? seen === null : now !== "missing" && seen !== null && now.token === seen.token;
    if (same) await unlink(file).catch(() => undefined);
  } finally {
    closeSync(fd);
    await unlink(guard).catch(() => undefined);
  }
}

export class StoreLock {
  private released = false;

  private constructor(
    readonly file: string,
    private readonly token: string,
  ) {}

  /**
   * Takes the store's lock for `holder` ("the server", "kg import"), creating `dir` when missing.
   * Throws StoreLockedError at once when a live process holds it; takes over a stale one.
   */
  static async acquire(dir: string, holder: string): Promise<StoreLock> {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, LOCK_FILE);
    const lock: LockHolder = { pid: process.pid, host: hostname(), holder, since: new Date().toISOString(), token: randomBytes(8).toString("hex") };
    // A few rounds: each either takes the lock, meets a live holder, or clears a stale lock.
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await tryCreate(file, lock)) {
        installExitHook();
        heldHere.set(lock.token, file);
        return new StoreLock(file, lock.token);
      }
      const current = await readHolder(file);
      if (current === "missing") continue;
      // An unreadable lock file was not written by this module (ours appear whole): stale.
      if (current !== null && !isStale(current, file)) throw new StoreLockedError(file, current);
      await removeStale(dir, file, current);
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
    }
    throw new Error(`could not take the lock ${file}: other processes kept taking it over`);
  }

  /** Removes the lock file if it is still this lock's. Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.token);
    removeIfOwnSync(this.file, this.token);
  }
}

/** What the lock file of `dir` says, or null when there is none (for `kg verify`). */
export async function lockHolderOf(dir: string): Promise<LockHolder | null> {
  const current = await readHolder(path.join(dir, LOCK_FILE));
  return current === "missing" ? null : current;
}

/** Whether the lock found in `dir` belongs to a live process. */
export function lockIsLive(dir: string, lock: LockHolder): boolean {
  return !isStale(lock, path.join(dir, LOCK_FILE));
}
