// One writer per embedded store, and a clean stop, with real processes: the server (dist/, as
// `npm start` runs it) holds the store's lock; a second writer process is refused naming it; reader
// commands read beside it; SIGTERM folds the journal into the snapshot and exits 0; a server killed
// with SIGKILL leaves a stale lock that the next writer takes over.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { writeFixtureSnapshot } from "../helpers/ecosystem-graphs.js";
import { childEnv, ensureBuilt, kg, startServerProcess, type ServerProcess } from "../helpers/processes.js";

const KEY = "alice-0123456789-secret";
const STACK_LINE = /^\s+at /m;

async function freshDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "kg-writers-"));
}

async function curate(url: string, slug: string, name: string): Promise<void> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query: `mutation($input: ModelInput!) { upsertModel(input: $input) { slug } }`, variables: { input: { slug, name, organizationSlug: "naver" } } }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
}

describe("the embedded store's writers, as processes", () => {
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    await ensureBuilt();
  }, 180_000);
  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
    await server?.exit;
    server = null;
  });

  it("refuses a second writer at once, naming the server that holds the store, while readers read beside it", async () => {
    const dir = await freshDir();
    const env = childEnv(dir, { KG_API_KEYS: `alice:${KEY}` });
    server = await startServerProcess(env);
    const pid = server.child.pid!;
    await curate(server.url, "lock-test-model", "Lock Test Model");

    const snapshot = await writeFixtureSnapshot();
    for (const args of [["seed"], ["generate", "--models", "10"], ["import", "ecosystem-graphs", snapshot], ["repair"]]) {
      const second = await kg(args, env);
      expect(second.code, `kg ${args[0]}`).toBe(1);
      expect(second.stderr).toContain(`the server (pid ${pid}) has this store open`);
      expect(second.stderr).toContain("stop it or send the change through the API");
      expect(second.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(second.stderr).not.toMatch(STACK_LINE);
    }
    // The lock file names the holder.
    const lock = JSON.parse(await readFile(path.join(dir, "graph.lock"), "utf8"));
    expect(lock).toMatchObject({ pid, holder: "the server" });

    // Readers take no lock: they see the server's writes, journal included.
    const counts = await kg(["counts"], env);
    expect(counts.code).toBe(0);
    expect(JSON.parse(counts.stdout).nodes).toBeGreaterThan(40);
    const omitted = await kg(["omitted", "ai-index-2024", "--format", "csv"], env);
    expect(omitted.code).toBe(0);
    expect(omitted.stdout.trimEnd().split("\n")).toHaveLength(6);
    const verify = await kg(["verify"], env);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`lock: held by the server (pid ${pid})`);
    expect(verify.stdout).toMatch(/^ok$/m);
    const reader = await MemoryStore.open(dir, { readOnly: true });
    expect(await reader.getNodes([{ kind: "Model", key: "lock-test-model" }])).toMatchObject([{ props: { name: "Lock Test Model" } }]);
  });

  it("stops on SIGTERM: drains, folds the journal into the snapshot, releases the lock and exits 0", async () => {
    const dir = await freshDir();
    const env = childEnv(dir, { KG_API_KEYS: `alice:${KEY}` });
    server = await startServerProcess(env);
    await curate(server.url, "sigterm-model", "Sigterm Model");
    expect(await readdir(dir)).toContain("graph.journal");

    server.child.kill("SIGTERM");
    const exit = await server.exit;
    expect(exit.code).toBe(0);
    expect(exit.signal).toBeNull();
    expect(exit.stderr).toContain('"msg":"stopped"');
    // A compacted snapshot, no journal, no lock.
    expect((await readdir(dir)).sort()).toEqual(["graph.json"]);
    const snapshot = JSON.parse(await readFile(path.join(dir, "graph.json"), "utf8")) as { nodes: Array<{ key: string }> };
    expect(snapshot.nodes.map((n) => n.key)).toContain("Model:sigterm-model");
    // And a writer may open it now.
    const seed = await kg(["seed"], env);
    expect(seed.code).toBe(0);
  });

  it("lets a request in flight at SIGTERM finish before it stops", async () => {
    const dir = await freshDir();
    server = await startServerProcess(childEnv(dir, { KG_SHUTDOWN_TIMEOUT_MS: "60000" }));
    const body = JSON.stringify({ query: `{ model(slug: "exaone-2-0") { slug } }` });
    // `Expect: 100-continue`: the server answers "continue" once it has the request's headers, so
    // the request is known to be in flight before the signal, and its body is sent only after.
    const { port } = new URL(server.url);
    const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/graphql", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue" } });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.once("error", reject);
      request.once("response", (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.once("end", () => resolve({ status: res.statusCode!, text }));
      });
    });
    await new Promise((resolve) => request.once("continue", resolve));
    const stopping = new Promise((resolve) => server!.child.stderr!.on("data", (d) => String(d).includes("stopping") && resolve(null)));
    server.child.kill("SIGTERM");
    await stopping;
    request.end(body);
    expect(await response).toEqual({ status: 200, text: expect.stringContaining('"model":{"slug":"exaone-2-0"}') });
    expect((await server.exit).code).toBe(0);
  });

  it("stops on SIGINT the same way", async () => {
    const dir = await freshDir();
    server = await startServerProcess(childEnv(dir, { KG_API_KEYS: `alice:${KEY}` }));
    await curate(server.url, "sigint-model", "Sigint Model");
    server.child.kill("SIGINT");
    expect((await server.exit).code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(["graph.json"]);
  });

  it("takes over the stale lock of a server killed with SIGKILL, keeping every acknowledged write", async () => {
    const dir = await freshDir();
    const env = childEnv(dir, { KG_API_KEYS: `alice:${KEY}` });
    server = await startServerProcess(env);
    const pid = server.child.pid!;
    await curate(server.url, "crash-model", "Crash Model");
    server.child.kill("SIGKILL");
    expect((await server.exit).signal).toBe("SIGKILL");
    // The lock stays behind, naming a dead pid.
    expect(JSON.parse(await readFile(path.join(dir, "graph.lock"), "utf8")).pid).toBe(pid);
    const verify = await kg(["verify"], env);
    expect(verify.stdout).toContain(`lock: stale (left by the server, pid ${pid}`);

    const seed = await kg(["seed"], env);
    expect(seed.stderr).toBe("");
    expect(seed.code).toBe(0);
    expect(await readdir(dir)).not.toContain("graph.lock");
    const reader = await MemoryStore.open(dir, { readOnly: true });
    expect(await reader.getNodes([{ kind: "Model", key: "crash-model" }])).toMatchObject([{ props: { name: "Crash Model" } }]);
  });
});
