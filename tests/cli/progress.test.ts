// The CLI's one progress bar (src/cli/progress.ts): `kg generate` and `kg import` draw it on stderr
// when stderr is a terminal, and only then, so that stdout holds just the summary line.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";

function capture(errIsTTY: boolean) {
  let out = "";
  let err = "";
  return { io: { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY: true, errIsTTY }, out: () => out, err: () => err };
}

const env = async () => ({ KG_DATA_DIR: await mkdtemp(path.join(tmpdir(), "kg-progress-")), NEO4J_URI: "" });

describe("kg generate's progress bar", () => {
  it("is drawn on stderr when it is a terminal, ending at 100% with the rate, and stdout keeps one summary line", async () => {
    const c = capture(true);
    expect(await runCli(["generate", "--models=30", "--batch-size=20"], c.io, await env())).toBe(0);
    const frames = c.err().split("\r").filter(Boolean);
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.at(-1)).toMatch(/^generating \[#{30}\] 100% (\d+)\/\1 nodes, \d+ nodes\+rels\/s\n$/);
    expect(c.out()).toMatch(/^generated 30 models \(seed \d+\) into memory: [^\r\n]*\n$/);
  });

  it("draws nothing when stderr is not a terminal", async () => {
    const c = capture(false);
    expect(await runCli(["generate", "--models=30", "--batch-size=20"], c.io, await env())).toBe(0);
    expect(c.err()).toBe("");
    expect(c.out()).toMatch(/^generated 30 models/);
  });
});
