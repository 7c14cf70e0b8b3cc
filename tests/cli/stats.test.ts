// `npm run kg -- stats`: one row per group of the API's modelStats, as CSV, JSON or a table, and its
// usage errors.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import type { ModelGroupRow, Page } from "../../src/store/port.js";

function capture(isTTY = false) {
  let out = "";
  let err = "";
  return { io: { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY }, out: () => out, err: () => err };
}

describe("kg stats", () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kg-stats-"));
    env = { KG_DATA_DIR: dir, NEO4J_URI: "" };
    expect(await runCli(["seed"], capture().io, env)).toBe(0);
  });

  /** What the store itself answers, read beside the CLI. */
  async function groups(groupBy: Array<"COUNTRY" | "YEAR">, filter: Record<string, unknown> | null = null): Promise<Page<ModelGroupRow>> {
    const store = await MemoryStore.open(dir, { readOnly: true });
    try {
      return await store.modelStats({ filter, groupBy, order: "COUNT_DESC" }, { after: null, limit: 10_000 });
    } finally {
      await store.close();
    }
  }

  it("prints CSV with a header and one row per group", async () => {
    const c = capture();
    expect(await runCli(["stats", "--group-by", "country", "--format", "csv"], c.io, env)).toBe(0);
    const [header, ...rows] = parse(c.out()) as string[][];
    expect(header).toEqual(["country", "count", "parameters_count", "parameters_median", "parameters_max", "training_compute_count", "training_compute_median", "training_compute_max", "training_cost_count", "training_cost_median", "training_cost_max"]);
    const expected = await groups(["COUNTRY"]);
    expect(rows).toHaveLength(expected.totalCount);
    expect(rows.map((r) => [r[0] || null, Number(r[1])])).toEqual(expected.items.map((g) => [g.key[0], g.count]));
  });

  it("groups by two dimensions under a filter, as CSV when piped", async () => {
    const c = capture(false);
    expect(await runCli(["stats", "--group-by=country,year", "--filter", "releasedYear=2023,countryCode=KR"], c.io, env)).toBe(0);
    const [header, ...rows] = parse(c.out()) as string[][];
    expect(header.slice(0, 3)).toEqual(["country", "year", "count"]);
    const expected = await groups(["COUNTRY", "YEAR"], { releasedYear: 2023, countryCode: "KR" });
    expect(rows.map((r) => [r[0], r[1], Number(r[2])])).toEqual(expected.items.map((g) => [g.key[0], g.key[1], g.count]));
    expect(rows.find((r) => r[0] === "KR")).toBeDefined();
  });

  it("prints JSON objects and an aligned table on a terminal", async () => {
    const json = capture();
    expect(await runCli(["stats", "--group-by", "year", "--order", "key", "--format", "json"], json.io, env)).toBe(0);
    const rows = JSON.parse(json.out()) as Array<{ year: number | null; count: number }>;
    expect(rows.map((r) => r.year).filter((y) => y !== null)).toEqual([...rows.map((r) => r.year).filter((y) => y !== null)].sort());
    const table = capture(true);
    expect(await runCli(["stats", "--group-by", "country"], table.io, env)).toBe(0);
    const lines = table.out().trimEnd().split("\n");
    expect(lines[0]).toMatch(/^country +count +parameters_count/);
    expect(lines).toHaveLength((await groups(["COUNTRY"])).totalCount + 1);
  });

  it.each([
    [["stats"], "--group-by is required"],
    [["stats", "--group-by", "planet"], "--group-by takes country"],
    [["stats", "--group-by", "country", "--filter", "color=red"], "--filter takes name=value pairs"],
    [["stats", "--group-by", "country", "--filter", "releasedYear=soon"], "releasedYear is an integer"],
    [["stats", "--group-by", "country,country"], "`groupBy` names a dimension twice"],
    [["stats", "--group-by", "country", "--format", "xml"], "--format"],
  ])("refuses %j in one line, exit code 1", async (args, message) => {
    const c = capture();
    expect(await runCli(args, c.io, env)).toBe(1);
    expect(c.err()).toContain(message);
    expect(c.out()).toBe("");
  });
});
