// `npm run kg -- omitted <report>` in every format, and its errors.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";

function capture(isTTY = false) {
  let out = "";
  let err = "";
  return { io: { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY }, out: () => out, err: () => err };
}

describe("kg omitted", () => {
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    env = { KG_DATA_DIR: await mkdtemp(path.join(tmpdir(), "kg-omitted-")), NEO4J_URI: "" };
    expect(await runCli(["seed"], capture().io, env)).toBe(0);
  });

  it("prints CSV with a header and the five Korean models", async () => {
    const c = capture();
    expect(await runCli(["omitted", "ai-index-2024", "--format", "csv"], c.io, env)).toBe(0);
    const [header, ...rows] = c.out().trimEnd().split("\n");
    expect(header).toBe("slug,name,organization,country,basis,claimed_by");
    expect(rows.map((r) => r.split(",")[0])).toEqual(["exaone-2-0", "hyperclova-x", "konan-llm", "samsung-gauss", "varco"]);
    expect(rows[0]).toBe("exaone-2-0,EXAONE 2.0,lg-ai-research,KR,CLAIMED,msit-2024-04-17");
  });

  it("prints a JSON array", async () => {
    const c = capture();
    expect(await runCli(["omitted", "ai-index-2024", "--format=json"], c.io, env)).toBe(0);
    const rows = JSON.parse(c.out());
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(5);
    expect(rows[4]).toEqual({ slug: "varco", name: "VARCO", organization: "ncsoft", country: "KR", basis: "CLAIMED", claimedBy: ["msit-2024-04-17"] });
  });

  it("prints an aligned table by default on a terminal", async () => {
    const c = capture(true);
    expect(await runCli(["omitted", "ai-index-2024"], c.io, env)).toBe(0);
    const lines = c.out().trimEnd().split("\n");
    expect(lines[0]).toMatch(/^slug +name +organization +country +basis +claimed_by$/);
    expect(lines).toHaveLength(6);
    expect(lines[1].indexOf("lg-ai-research")).toBe(lines[0].indexOf("organization"));
  });

  it("fails with a message naming an unknown report", async () => {
    const c = capture();
    expect(await runCli(["omitted", "no-such-report"], c.io, env)).toBe(1);
    expect(c.err()).toContain("no report with slug 'no-such-report'");
    expect(c.out()).toBe("");
  });

  it("refuses an unknown format and a missing slug", async () => {
    const bad = capture();
    expect(await runCli(["omitted", "ai-index-2024", "--format", "xml"], bad.io, env)).toBe(1);
    expect(bad.err()).toContain("--format must be one of table, csv, json, got 'xml'");
    const missing = capture();
    expect(await runCli(["omitted"], missing.io, env)).toBe(1);
    expect(missing.err()).toContain("usage: npm run kg -- omitted <report-slug>");
  });
});
