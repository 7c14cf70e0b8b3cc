// `kg verify` and `kg repair` on a journal with a damaged middle line: the store refuses to open
// saying which command to run, verify names the line, repair keeps the writes before it and sets
// the rest aside (counted, in a file beside the journal), and verify passes after.
import { appendFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import type { GraphBatch } from "../../src/domain/graph.js";
import { country, org } from "../helpers/batches.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { StoreDamagedError } from "../../src/store/memory/persistence.js";
import { childEnv, ensureBuilt, finished, SERVER } from "../helpers/processes.js";
import { spawn } from "node:child_process";

const line = (batch: GraphBatch) => `${JSON.stringify(batch)}\n`;

function capture() {
  let out = "";
  let err = "";
  return { io: { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY: false }, out: () => out, err: () => err };
}

/** A store whose journal holds two good writes, a line cut in the middle, then two more writes. */
async function damagedStore(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "kg-repair-"));
  const store = await MemoryStore.open(dir, { holder: "the test" });
  await store.write(country("KR", "South Korea"));
  await store.close(); // a snapshot holding KR
  const journal = [line(country("JP", "Japan")), line(org("naver", "KR")), '{"nodes":[{"kind":"Country","ke\n', line(country("US", "United States")), line(org("lg", "KR"))];
  await writeFile(path.join(dir, "graph.journal"), journal.join(""));
  return dir;
}

describe("kg verify and kg repair", () => {
  beforeAll(async () => {
    await ensureBuilt();
  }, 180_000);

  it("a damaged middle line stops the store from opening, with the commands that mend it", async () => {
    const dir = await damagedStore();
    const opening = MemoryStore.open(dir, { holder: "the server" });
    await expect(opening).rejects.toBeInstanceOf(StoreDamagedError);
    await expect(opening).rejects.toThrow(/journal .*graph\.journal is damaged at line 3 .*npm run kg -- verify.*npm run kg -- repair/);
    expect(await readdir(dir)).not.toContain("graph.lock"); // the lock is let go

    // The server says the same at start, in one line, and exits 1.
    const server = await finished(spawn(process.execPath, [SERVER], { env: { ...childEnv(dir), PORT: "0" } }));
    expect(server.code).toBe(1);
    expect(server.stderr).toMatch(/^AI Actors Graph could not start: the embedded store's journal .* is damaged at line 3 .*kg -- verify.*kg -- repair.*\n$/);
  });

  it("verify names the damage and exits 1; repair keeps the writes before it and sets the rest aside; verify passes after", async () => {
    const dir = await damagedStore();
    const env = { KG_DATA_DIR: dir, NEO4J_URI: "" };
    const before = await readFile(path.join(dir, "graph.journal"), "utf8");

    const broken = capture();
    expect(await runCli(["verify"], broken.io, env)).toBe(1);
    expect(broken.out()).toContain("snapshot: loads, 1 nodes and 0 relationships");
    expect(broken.out()).toContain("journal: 5 whole lines, 2 replay");
    expect(broken.out()).toContain("the store holds 3 nodes and 1 relationships as far as the journal replays");
    expect(broken.err()).toMatch(/^kg verify: the journal .* is damaged at line 3 \(.*\); the 2 writes before it are whole\. `npm run kg -- repair` keeps them and sets aside the 3 lines from line 3 on\n$/);
    expect(await readFile(path.join(dir, "graph.journal"), "utf8")).toBe(before); // verify changes nothing

    const repaired = capture();
    expect(await runCli(["repair"], repaired.io, env)).toBe(0);
    expect(repaired.out()).toMatch(/^set aside 3 writes \(journal line 3 on: .*\) in graph\.journal\.damaged-[\dT-]+Z; kept the 2 writes before it; the store holds 3 nodes and 1 relationships\n$/);
    const files = await readdir(dir);
    const aside = files.find((f) => f.startsWith("graph.journal.damaged-"))!;
    expect(await readFile(path.join(dir, aside), "utf8")).toBe(before.split("\n").slice(2).join("\n"));
    expect(await readFile(path.join(dir, "graph.journal"), "utf8")).toBe(before.split("\n").slice(0, 2).join("\n") + "\n");
    expect(files).not.toContain("graph.lock");

    const ok = capture();
    expect(await runCli(["verify"], ok.io, env)).toBe(0);
    expect(ok.out()).toContain("journal: 2 whole lines, 2 replay");
    expect(ok.out()).toMatch(/^ok$/m);

    // The writes before the damage are readable; those after it are set aside, not in the graph.
    const store = await MemoryStore.open(dir, { holder: "the server" });
    const [kr, jp, naver, us] = await store.getNodes([{ kind: "Country", key: "KR" }, { kind: "Country", key: "JP" }, { kind: "Organization", key: "naver" }, { kind: "Country", key: "US" }]);
    expect([kr?.props.name, jp?.props.name, naver?.key, us]).toEqual(["South Korea", "Japan", "naver", null]);
    await store.close();

    const nothing = capture();
    expect(await runCli(["repair"], nothing.io, env)).toBe(0);
    expect(nothing.out()).toMatch(/^nothing to repair: every journal line in .* replays/);
  });

  it("counts a line that parses but does not replay as damage, and a torn last line as no damage", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kg-repair-"));
    await writeFile(path.join(dir, "graph.journal"), line(country("KR", "South Korea")) + line(org("naver", "XX")) + line(country("JP", "Japan")));
    const c = capture();
    expect(await runCli(["verify"], c.io, { KG_DATA_DIR: dir, NEO4J_URI: "" })).toBe(1);
    expect(c.err()).toContain("damaged at line 2 (it does not replay: HEADQUARTERED_IN refers to Country 'XX', which does not exist)");

    const torn = await mkdtemp(path.join(tmpdir(), "kg-repair-"));
    await writeFile(path.join(torn, "graph.journal"), line(country("KR", "South Korea")));
    await appendFile(path.join(torn, "graph.journal"), '{"nodes":[');
    const t = capture();
    expect(await runCli(["verify"], t.io, { KG_DATA_DIR: torn, NEO4J_URI: "" })).toBe(0);
    expect(t.out()).toContain("a torn last line of 10 bytes");
  });

  it("verify reports a damaged snapshot, which repair cannot mend", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kg-repair-"));
    await writeFile(path.join(dir, "graph.json"), '{"nodes":[');
    const c = capture();
    expect(await runCli(["verify"], c.io, { KG_DATA_DIR: dir, NEO4J_URI: "" })).toBe(1);
    expect(c.err()).toMatch(/^kg verify: the embedded store's snapshot .*graph\.json is damaged: /);
    const r = capture();
    expect(await runCli(["repair"], r.io, { KG_DATA_DIR: dir, NEO4J_URI: "" })).toBe(1);
    expect(r.err()).toContain("restore graph.json from a backup");
  });

  it("verify and repair are for the embedded store only", async () => {
    const c = capture();
    expect(await runCli(["verify"], c.io, { NEO4J_URI: "bolt://127.0.0.1:1" })).toBe(1);
    expect(c.err()).toContain("kg verify checks the embedded store's files (KG_DATA_DIR); NEO4J_URI is set");
  });
});
