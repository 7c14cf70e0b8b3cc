// The kg CLI, in-process, on a fresh embedded store in a temp dir.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

function capture(): { io: { out: (t: string) => void; err: (t: string) => void; isTTY: boolean }; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return { io: { out: (t) => (out += t), err: (t) => (err += t), isTTY: false }, out: () => out, err: () => err };
}

describe("npm run kg", () => {
  it("seeds an embedded store, and seeding again changes nothing and survives a reopen", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "kg-cli-"));
    const env = { KG_DATA_DIR: dataDir, NEO4J_URI: "" };
    const first = capture();
    expect(await runCli(["seed"], first.io, env)).toBe(0);
    const reopened = await MemoryStore.open(dataDir, { readOnly: true });
    const counts = await reopened.counts();
    expect(counts.nodes).toBeGreaterThan(40);

    const second = capture();
    expect(await runCli(["seed"], second.io, env)).toBe(0);
    expect(second.out()).toContain('{"nodesCreated":0,"nodesUpdated":0,"relationshipsCreated":0,"relationshipsUpdated":0}');
    expect(await (await MemoryStore.open(dataDir, { readOnly: true })).counts()).toEqual(counts);

    const countsCommand = capture();
    expect(await runCli(["counts"], countsCommand.io, env)).toBe(0);
    expect(JSON.parse(countsCommand.out())).toEqual(counts);
  });

  it("names an unknown command and exits 2 with the usage", async () => {
    const c = capture();
    expect(await runCli(["frobnicate"], c.io, {})).toBe(2);
    expect(c.err()).toContain("unknown command 'frobnicate'");
    expect(c.err()).toContain("usage: npm run kg");
  });

  it("refuses a bad environment with a clear message", async () => {
    const c = capture();
    expect(await runCli(["counts"], c.io, { NEO4J_URI: "", KG_DATA_DIR: "/tmp/x", LOG_LEVEL: "loud" })).toBe(1);
    expect(c.err()).toBe("kg counts: LOG_LEVEL must be one of debug, info, warn, error, silent, got 'loud'\n");
  });
});
