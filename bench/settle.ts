// Between two cells: what the last one left running is ended before the next one starts, so that no
// target's leftovers run in another target's cell. When a cell ends the load generator closes its
// connections, but the target and Neo4j go on with the requests in flight: at L, requests of (b)
// and (c) that take longer than a cell (Q2, Q6) kept Neo4j busy for many seconds and raised the
// load average from 3.6 to 12.7 in a run, and the rotating order only spread that over the targets.
// Nobody waits for those answers, so their transactions are terminated; then the harness waits
// until the target process is at rest.
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { endTransactions } from "./neo4j.js";

/** The longest the harness waits for a cell's leftovers to end. */
const SETTLE_MS = 30_000;
/** A process counts as at rest when it used at most this share of one core over a sample. */
const AT_REST = 0.1;
const SAMPLE_MS = 200;
/** Linux's clock ticks per second (USER_HZ), what /proc/<pid>/stat counts CPU time in. */
const TICKS_PER_SECOND = 100;

export interface Settled {
  /** Neo4j transactions that were still running and were terminated. */
  terminated: number;
  /** How long it took, ms. */
  ms: number;
  /** Whether the wait ended at SETTLE_MS with something still running. */
  timedOut: boolean;
}

/** Ends what a cell left running: Neo4j's transactions but the harness's own (when `neo4jUri`), then waits for `pid` to be at rest. */
export async function settle(neo4jUri: string | null, pid: number | undefined): Promise<Settled> {
  const started = Date.now();
  const deadline = started + SETTLE_MS;
  const { terminated, timedOut: neo4jBusy } = neo4jUri ? await endTransactions(neo4jUri, deadline, SAMPLE_MS) : { terminated: 0, timedOut: false };
  let timedOut = neo4jBusy;
  if (pid !== undefined) {
    for (let before = await cpuTicks(pid); before !== null; ) {
      await sleep(SAMPLE_MS);
      const now = await cpuTicks(pid);
      if (now === null || (now - before) / TICKS_PER_SECOND <= (AT_REST * SAMPLE_MS) / 1000) break;
      if (Date.now() > deadline) {
        timedOut = true;
        break;
      }
      before = now;
    }
  }
  return { terminated, ms: Date.now() - started, timedOut };
}

/** The CPU time `pid` has used (user + system), in clock ticks; null when it is gone or /proc has no such file. */
async function cpuTicks(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The fields after the command name (which may hold spaces, in parentheses): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
