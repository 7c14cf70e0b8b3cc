import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSeed } from "../../src/seed/load-seed.js";
import { SeedError } from "../../src/seed/reader.js";
import { config } from "../helpers/stores.js";

async function seedCopy(edit: (files: Record<string, any>) => void): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), "kg-")), "seed");
  await cp(config.seedDir, dir, { recursive: true });
  const files: Record<string, any> = {};
  for (const name of ["models", "organizations", "indicators", "reports"]) files[name] = JSON.parse(await readFile(path.join(dir, `${name}.json`), "utf8"));
  edit(files);
  for (const [name, value] of Object.entries(files)) await writeFile(path.join(dir, `${name}.json`), JSON.stringify(value));
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadSeed(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedError);
    return (error as SeedError).problems;
  }
  throw new Error("expected the seed to be refused");
}

describe("seed loading", () => {
  it("reads the seed: every relationship and every node cites a known source", async () => {
    const batch = await loadSeed(config.seedDir);
    const sources = new Set(batch.nodes.filter((n) => n.kind === "Source").map((n) => n.key));
    for (const rel of batch.relationships) {
      expect((rel.props.sources as string[]).length, `${rel.type} ${rel.from.key}->${rel.to.key}`).toBeGreaterThan(0);
      for (const s of rel.props.sources as string[]) expect(sources).toContain(s);
    }
    for (const node of batch.nodes.filter((n) => n.kind !== "Source")) expect((node.props.sources as string[]).length).toBeGreaterThan(0);
  });

  it("keeps the fixed seed slugs", async () => {
    const batch = await loadSeed(config.seedDir);
    const keys = (kind: string) => batch.nodes.filter((n) => n.kind === kind).map((n) => n.key);
    expect(keys("Organization")).toEqual(expect.arrayContaining(["google", "meta", "microsoft", "openai", "naver", "lg-ai-research", "samsung", "konan-technology", "ncsoft", "stanford-hai", "msit"]));
    expect(keys("Model")).toEqual(expect.arrayContaining(["gemini-ultra", "gpt-4", "hyperclova-x", "exaone-2-0", "samsung-gauss", "konan-llm", "varco"]));
    expect(keys("Benchmark")).toEqual(["mmmu"]);
    expect(keys("Report")).toEqual(["ai-index-2024"]);
  });

  it("names the path of every bad value and every unknown reference", async () => {
    const dir = await seedCopy((f) => {
      f.models[0].name = "";
      f.models[1].developers[0].slug = "nobody";
      f.indicators[0].observations[0].year = 2022.5;
      f.organizations[0].kind = "PIRATE";
      f.reports[0].omissions[0].claimedBy = [];
    });
    const problems = await problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        "seed/models.json[0].name: expected a non-empty string",
        "seed/models.json[1].developers[0]: unknown Organization 'nobody'",
        "seed/indicators.json[0].observations[0].year: expected an integer",
        expect.stringMatching(/^seed\/organizations\.json\[0\]\.kind: expected one of COMPANY/),
        "seed/reports.json[0].omissions[0]: an omission needs the sources that claim it in `claimedBy`",
      ]),
    );
  });

  it("refuses a record without sources and a duplicate slug", async () => {
    const dir = await seedCopy((f) => {
      delete f.models[0].sources;
      f.models.push({ ...f.models[1] });
    });
    const problems = await problemsOf(dir);
    expect(problems).toContain("seed/models.json[0]: a record needs at least one source in `sources`");
    expect(problems.some((p) => /duplicate Model 'gpt-4'/.test(p))).toBe(true);
  });

  it("reports a file that is not JSON", async () => {
    const dir = await seedCopy(() => undefined);
    await writeFile(path.join(dir, "benchmarks.json"), "{ not json");
    const problems = await problemsOf(dir);
    expect(problems[0]).toMatch(/^seed\/benchmarks\.json: /);
  });
});
