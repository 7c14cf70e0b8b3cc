// Neo4j outage (issue: hardening): with the database gone, requests fail within seconds with
// SERVICE_UNAVAILABLE (503), the process keeps serving /healthz, and it answers again as soon as
// Neo4j is back, without a restart; once /readyz says 200 again, reads succeed (not merely the port
// is open). The test runs its own Neo4j (tools/neo4j/neo4j-local.sh) on a fixed port and data dir,
// so that stopping and starting it brings the same database back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { CypherFiles } from "../../src/store/neo4j/cypher-files.js";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store.js";
import { seedStore } from "../../src/store/open-store.js";
import { freePort, LocalNeo4j, localNeo4jMissing } from "../helpers/neo4j-local.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { config } from "../helpers/stores.js";

const missing = localNeo4jMissing();
if (missing) console.log(`Neo4j outage test: skipped (${missing})`);

const QUERY = JSON.stringify({ query: `{ models(first: 3) { totalCount nodes { slug } } }` });
/** Bounds every loop of the test: an outage that never ends fails the test instead of hanging it. */
const PHASE_LIMIT_MS = 60_000;

interface Answer {
  /** When the answer arrived, and how long it took. */
  at: number;
  ms: number;
  status: number;
  code: string | null;
  ok: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(missing !== null)("outage [neo4j]", () => {
  let neo4j: LocalNeo4j;
  let store: Neo4jStore;
  let server: TestServer;
  let models = 0;
  const answers: Answer[] = [];

  async function ask(): Promise<Answer> {
    const started = Date.now();
    const res = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: QUERY, signal: AbortSignal.timeout(30_000) });
    const body = (await res.json()) as any;
    const answer = {
      at: Date.now(),
      ms: Date.now() - started,
      status: res.status,
      code: body.errors?.[0]?.extensions?.code ?? null,
      ok: res.status === 200 && body.data?.models?.totalCount === models,
    };
    answers.push(answer);
    return answer;
  }

  /** Asks until `done` holds for an answer, at most PHASE_LIMIT_MS; returns that answer. */
  async function askUntil(done: (a: Answer) => boolean): Promise<Answer> {
    const deadline = Date.now() + PHASE_LIMIT_MS;
    while (Date.now() < deadline) {
      const answer = await ask();
      if (done(answer)) return answer;
      await sleep(100);
    }
    throw new Error(`no such answer within ${PHASE_LIMIT_MS} ms; last: ${JSON.stringify(answers.at(-1))}`);
  }

  /**
   * While Neo4j comes back: a client reads again and again (100 ms after each answer; more at once
   * would pile up on a cold Neo4j and time out, whatever /readyz says) and a readiness probe polls
   * /readyz, reading the moment it first says 200. Ends once /readyz has said 200 and five reads
   * sent after that succeeded, or after PHASE_LIMIT_MS.
   */
  async function recover(): Promise<{ readyAt: number; readAfterReady: Answer; reads: Answer[] }> {
    const deadline = Date.now() + PHASE_LIMIT_MS;
    const reads: Answer[] = [];
    let readyAt: number | null = null;
    let readAfterReady: Answer | null = null;
    const probe = (async () => {
      while (Date.now() < deadline) {
        const res = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.status === 200) {
          readyAt = Date.now();
          readAfterReady = await ask();
          return;
        }
        expect(res.status).toBe(503);
        await sleep(100);
      }
    })();
    const sentAfterReady = () => reads.filter((a) => readyAt !== null && a.at - a.ms >= readyAt);
    while (Date.now() < deadline && !(readAfterReady && sentAfterReady().filter((a) => a.ok).length >= 5)) {
      reads.push(await ask());
      await sleep(100);
    }
    await probe;
    if (readyAt === null || readAfterReady === null) throw new Error(`/readyz did not answer 200 within ${PHASE_LIMIT_MS} ms`);
    return { readyAt, readAfterReady, reads };
  }

  beforeAll(async () => {
    neo4j = new LocalNeo4j(await freePort());
    await neo4j.start();
    // Seeding a Neo4j that has just started (cold caches, a busy machine) can outlast the default
    // transaction timeout: it gets its own store with a longer one.
    const seeder = new Neo4jStore(loadConfig({ NEO4J_URI: neo4j.uri, NEO4J_TX_TIMEOUT_MS: "120000" }).neo4j!, new CypherFiles(config.cypherDir));
    try {
      await seeder.migrate();
      await seedStore(seeder, config.seedDir);
    } finally {
      await seeder.close();
    }
    // The timeouts a deployment gets by default (NEO4J_CONNECT_TIMEOUT_MS, NEO4J_TX_TIMEOUT_MS).
    const { neo4j: options } = loadConfig({ NEO4J_URI: neo4j.uri });
    store = new Neo4jStore(options!, new CypherFiles(config.cypherDir));
    models = (await store.list({ kind: "Model" }, { after: null, limit: 1 })).totalCount;
    server = await startServer(store);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await neo4j?.destroy();
  }, 120_000);

  it("answers 503 within seconds while Neo4j is down, stays up, and serves again once it is back", { timeout: 240_000 }, async () => {
    expect((await ask()).ok).toBe(true);

    // Outage: stop Neo4j while a client keeps asking.
    const stopping = neo4j.stop().then(() => Date.now());
    const firstUnavailable = await askUntil((a) => a.status === 503);
    const stoppedAt = await stopping;
    expect(firstUnavailable.code).toBe("SERVICE_UNAVAILABLE");
    const during = [await ask(), await ask(), await ask()];
    for (const a of during) expect(a).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
    // The first request to meet the outage spends the driver's retry budget (NEO4J_MAX_RETRY_MS
    // plus its back-off, ~2 s); once the executor knows Neo4j is down, each later one fails in milliseconds.
    const unavailable = answers.filter((a) => a.status === 503);
    const slowest503 = Math.max(...unavailable.map((a) => a.ms));
    expect(slowest503).toBeLessThan(8_000);
    for (const a of during) expect(a.ms).toBeLessThan(1_000);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const readyStarted = Date.now();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    const readyMs = Date.now() - readyStarted;

    // Recovery: the same database on the same port; the API was never restarted.
    await neo4j.start();
    const startedAt = Date.now();
    const { readyAt, readAfterReady, reads } = await recover();
    const sent = (a: Answer) => a.at - a.ms;
    const failedAfterReady = reads.filter((a) => !a.ok && sent(a) >= readyAt);
    const firstOk = Math.min(...reads.filter((a) => a.ok).map((a) => a.at));
    const lastFailed = Math.max(...reads.filter((a) => !a.ok).map((a) => a.at), startedAt);
    const recoveryMs = firstOk - startedAt;
    console.log(
      `outage [neo4j]: after Neo4j's port was open again, /readyz first said 200 at ${readyAt - startedAt} ms; ` +
        `first good read answered at ${recoveryMs} ms, last failed one at ${lastFailed - startedAt} ms; ` +
        `${failedAfterReady.length} of ${reads.filter((a) => sent(a) >= readyAt).length} reads sent after that 200 failed ` +
        `(statuses ${JSON.stringify(countBy(failedAfterReady.map((a) => a.status)))}); the read right after it: ${readAfterReady.status}${readAfterReady.ok ? " ok" : ` ${readAfterReady.code}`} in ${readAfterReady.ms} ms`,
    );
    // Ready means a read succeeds, not that the port is open.
    expect(readAfterReady.ok).toBe(true);
    expect(failedAfterReady).toEqual([]);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(recoveryMs).toBeLessThan(15_000);

    // Nothing but answers and deliberate 503s, the whole time.
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    const detectionMs = Math.max(0, firstUnavailable.at - stoppedAt);
    console.log(
      `outage [neo4j]: first 503 ${detectionMs} ms after Neo4j stopped (that request took ${slowest503} ms, later ones at most ${Math.max(...during.map((a) => a.ms))} ms; /readyz ${readyMs} ms), ` +
        `first good answer ${recoveryMs} ms after it was back, ${answers.length} requests, statuses ${JSON.stringify(countBy(answers.map((a) => a.status)))}`,
    );
  });
});

function countBy(values: number[]): Record<string, number> {
  return values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
}
