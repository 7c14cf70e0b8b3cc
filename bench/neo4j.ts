// The Neo4j a benchmark runs against: its own, started with tools/neo4j/neo4j-local.sh unless the
// caller names one (which is then CLEARED), and the few administrative queries the harness needs.
import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import neo4j from "neo4j-driver";
import { PROJECT_ROOT } from "../src/config.js";

const run = promisify(execFile);
const SCRIPT = path.join(PROJECT_ROOT, "tools", "neo4j", "neo4j-local.sh");

export interface BenchNeo4j {
  uri: string;
  /** Whether the harness started it (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
}

export async function startNeo4j(options: { heap: string; pageCache: string; dir?: string }): Promise<BenchNeo4j> {
  const env = {
    ...process.env,
    NEO4J_LOCAL_DIR: options.dir ?? path.join(tmpdir(), "ai-actors-bench-neo4j"),
    NEO4J_LOCAL_HEAP: options.heap,
    NEO4J_LOCAL_PAGE_CACHE: options.pageCache,
  };
  const { stdout } = await run("bash", [SCRIPT, "start"], { env, maxBuffer: 1 << 20 });
  const uri = /NEO4J_URI=(\S+)/.exec(stdout)?.[1];
  if (!uri) throw new Error(`neo4j-local.sh start printed no NEO4J_URI: ${stdout}`);
  return { uri, owned: true, stop: async () => void (await run("bash", [SCRIPT, "stop"], { env })) };
}

export function externalNeo4j(uri: string): BenchNeo4j {
  return { uri, owned: false, stop: async () => undefined };
}

async function withSession<T>(uri: string, work: (session: neo4j.Session) => Promise<T>): Promise<T> {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  const session = driver.session();
  try {
    return await work(session);
  } finally {
    await session.close();
    await driver.close();
  }
}

/** Deletes every node and relationship, in transactions of 10,000 nodes (a 100k-model graph does not fit one). */
export function clearNeo4j(uri: string): Promise<void> {
  return withSession(uri, async (session) => {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  });
}

/** Waits until every index (the full-text one included) has caught up with the data. */
export function awaitIndexes(uri: string): Promise<void> {
  return withSession(uri, async (session) => {
    await session.run("CALL db.awaitIndexes(1200)");
  });
}

export function neo4jVersion(uri: string): Promise<string> {
  return withSession(uri, async (session) => {
    const result = await session.run("CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition");
    const r = result.records[0];
    return `${r.get("name")} ${r.get("version")} ${r.get("edition")}`;
  });
}

/**
 * Terminates every transaction but the harness's own until none is left or `deadline` (epoch ms)
 * passes: what a cell's requests left running when the load generator closed their connections
 * (settle.ts). Returns how many were terminated and whether some were still running at the deadline.
 */
export function endTransactions(uri: string, deadline: number, pollMs: number): Promise<{ terminated: number; timedOut: boolean }> {
  return withSession(uri, async (session) => {
    let terminated = 0;
    for (;;) {
      const result = await session.run("SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN collect(transactionId) AS ids");
      const ids = result.records[0].get("ids") as string[];
      if (ids.length === 0) return { terminated, timedOut: false };
      if (Date.now() > deadline) return { terminated, timedOut: true };
      // A transaction that ended meanwhile is reported as not found, which is what we wanted.
      await session.run("TERMINATE TRANSACTIONS $ids", { ids });
      terminated += ids.length;
      await sleep(pollMs);
    }
  });
}

