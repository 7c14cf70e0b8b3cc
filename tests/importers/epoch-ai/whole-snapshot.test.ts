// Epoch AI's whole snapshot (the shipped copy) and Ecosystem Graphs' on every store, in either order,
// onto the seed: every row of every file accounted for, one node per model across sources and files,
// organizations kept apart from their parents, the API answering with a source on each fact, and a
// second import changing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nameKey } from "../../../src/domain/slug.js";
import { importEcosystemGraphs } from "../../../src/importers/ecosystem-graphs/import.js";
import { importEpochAi } from "../../../src/importers/epoch-ai/import.js";
import type { ImportReport } from "../../../src/importers/pipeline/report.js";
import type { GraphStore, StoreCounts } from "../../../src/store/port.js";
import { ECOSYSTEM_GRAPHS_SHIPPED, EPOCH_DIR, rowsPerFile } from "../../helpers/epoch-ai.js";
import { query } from "../../helpers/graphql.js";
import { openSeeded, STORE_CASES, type StoreCase } from "../../helpers/stores.js";

const EPOCH = "epoch-ai-models-2026-02-02";
const EG = "ecosystem-graphs-2025-01-24";
const all = { after: null, limit: 100_000 };
const NOTHING = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 };

const ORDERS = [
  { order: "Ecosystem Graphs, then Epoch AI", epochFirst: false },
  { order: "Epoch AI, then Ecosystem Graphs", epochFirst: true },
];
const CASES = STORE_CASES.flatMap((storeCase) => ORDERS.map((o) => ({ ...o, storeCase, name: storeCase.name })));

async function importBoth(store: GraphStore, epochFirst: boolean): Promise<{ epoch: ImportReport; eg: ImportReport }> {
  if (epochFirst) {
    const epoch = await importEpochAi(store, EPOCH_DIR);
    return { epoch, eg: await importEcosystemGraphs(store, ECOSYSTEM_GRAPHS_SHIPPED) };
  }
  const eg = await importEcosystemGraphs(store, ECOSYSTEM_GRAPHS_SHIPPED);
  return { eg, epoch: await importEpochAi(store, EPOCH_DIR) };
}

describe.each(CASES)("Epoch AI and Ecosystem Graphs onto the seed [$name; $order]", ({ storeCase, epochFirst }: { storeCase: StoreCase; epochFirst: boolean }) => {
  let store: GraphStore;
  let epoch: ImportReport;
  let counts: StoreCounts;

  beforeAll(async () => {
    store = await openSeeded(storeCase);
    ({ epoch } = await importBoth(store, epochFirst));
    counts = await store.counts();
  }, 300_000);
  afterAll(() => store.close());

  it("accounts for every row of every file: created, merged or skipped, each skip with its reason", async () => {
    const files = await rowsPerFile();
    expect(epoch.files!.map((f) => f.file).sort()).toEqual([...files.keys()].sort());
    for (const account of epoch.files!) {
      expect(account.rows, account.file).toBe(files.get(account.file)!.length);
      expect(account.created + account.merged + account.skipped, account.file).toBe(account.rows);
      const skips = epoch.warnings.filter((w) => w.file === account.file && w.reason.startsWith("skipped:"));
      expect(skips, account.file).toHaveLength(account.skipped);
    }
    const rows = [...files.values()].reduce((n, r) => n + r.length, 0);
    expect(epoch.summary.recordsRead).toBe(rows);
    expect(epoch.summary.created + epoch.summary.merged + epoch.summary.skipped).toBe(rows);
  });

  it("makes a model in several Epoch files, and under several sources, one node", async () => {
    const files = await rowsPerFile();
    const inFiles = new Map<string, number>();
    for (const [file, rows] of files) if (file.startsWith("models/")) for (const r of rows) inFiles.set(r.Model.replace(/\s+/g, " ").trim(), (inFiles.get(r.Model.replace(/\s+/g, " ").trim()) ?? 0) + 1);
    expect(inFiles.size).toBe(1316);
    const listed = (await store.list({ kind: "Model", filter: { listedBy: EPOCH } }, all)).items;
    const slugsByName = new Map<string, Set<string>>();
    for (const m of listed) for (const n of [String(m.props.name), ...((m.props.aliases as string[]) ?? [])]) slugsByName.set(nameKey(n), (slugsByName.get(nameKey(n)) ?? new Set()).add(m.key));
    const several = [...inFiles].filter(([, n]) => n > 1);
    expect(several.length).toBeGreaterThan(200);
    for (const [name] of several) expect(slugsByName.get(nameKey(name))?.size, name).toBe(1);
    expect(listed.length).toBeLessThanOrEqual(1316);
    expect([...slugsByName.get(nameKey("GPT-4 (Mar 2023)"))!]).toEqual(["gpt-4"]);
    expect([...slugsByName.get(nameKey("Gemini 1.0 Ultra"))!]).toEqual(["gemini-ultra"]);
  });

  it("holds GPT-4 once, with the seed's, Ecosystem Graphs' and Epoch AI's facts: compute from Epoch, both training costs", async () => {
    const data = await query(store, `{ model(slug: "gpt-4") {
      name nameKo access trainingComputeFlop trainingCostUsd parameters notable confidence paperUrl domains
      sources { slug }
      cost: claims(property: "trainingCostUsd") { value preferred source { slug kind } }
      compute: claims(property: "trainingComputeFlop") { value preferred source { slug } }
      hardware { quantity hardware { slug name } sources { slug } }
      organization { slug }
    } }`);
    const m = data.model;
    expect(m).toMatchObject({ name: "GPT-4", nameKo: "GPT-4", access: "limited", trainingComputeFlop: 2.1e25, trainingCostUsd: 78352034, parameters: 1.8e12, notable: true, confidence: "Likely", paperUrl: "https://arxiv.org/abs/2303.08774" });
    expect(m.sources.map((s: { slug: string }) => s.slug)).toEqual(expect.arrayContaining(["ai-index-2024", EG, EPOCH]));
    expect(m.cost).toEqual([
      { value: "78352034", preferred: true, source: { slug: "ai-index-2024", kind: "REPORT" } },
      { value: "78352034", preferred: true, source: { slug: "kyunghyang-2024-04-17-ai-index", kind: "NEWS_ARTICLE" } },
      { value: "37334304.976625234", preferred: false, source: { slug: EPOCH, kind: "DATASET" } },
    ]);
    expect(m.compute).toEqual([{ value: "2.1e+25", preferred: true, source: { slug: EPOCH } }]);
    expect(m.hardware).toEqual([{ quantity: 25000, hardware: { slug: "nvidia-a100-sxm4-40-gb", name: "NVIDIA A100 SXM4 40 GB" }, sources: [{ slug: EPOCH }] }]);
    expect(m.organization.slug).toBe("openai");
  });

  it("keeps Google DeepMind its own organization, PART_OF Google; Ecosystem Graphs' 2023 models of Google itself are 18, 22 with its units", async () => {
    const data = await query(store, `{
      deepmind: organization(slug: "google-deepmind") { name parent { slug } }
      google: organization(slug: "google") {
        units { slug }
        own: models(filter: { releasedYear: 2023, listedBy: "${EG}" }, first: 100) { totalCount nodes { slug developers { slug } } }
        group: models(includeUnits: true, filter: { releasedYear: 2023, listedBy: "${EG}" }, first: 100) { totalCount }
      }
    }`);
    expect(data.deepmind).toEqual({ name: "Google DeepMind", parent: { slug: "google" } });
    expect(data.google.units.map((u: { slug: string }) => u.slug)).toEqual(expect.arrayContaining(["google-brain", "google-deepmind", "google-research"]));
    // What Ecosystem Graphs itself says: DEVELOPED_BY citing its snapshot, on models it dates to 2023
    // (the held date on its word, or its claim beside another dataset's date when that one came first).
    const egDated2023 = async (org: string) => {
      const [models] = await store.related("organization-models", [org], null, all);
      const cited = models.items.filter((i) => (i.rel.sources as string[]).includes(EG));
      const [claims] = [await store.related("source-claims", [EG], null, all)];
      const claimed2023 = new Set(claims[0].items.filter((c) => c.rel.property === "releaseDate" && String(c.rel.value).startsWith("2023-")).map((c) => c.node.key));
      return cited.filter((i) => {
        const held = String(i.node.props.releaseDate ?? "");
        return (held.startsWith("2023-") && (i.node.props.releaseDateSources as string[] | undefined)?.includes(EG)) || claimed2023.has(i.node.key);
      });
    };
    expect(await egDated2023("google")).toHaveLength(18);
    expect(await egDated2023("google-deepmind")).toHaveLength(4);
    expect(data.google.group.totalCount).toBeGreaterThan(data.google.own.totalCount);
    if (!epochFirst) expect([data.google.own.totalCount, data.google.group.totalCount]).toEqual([18, 22]);
  });

  it("answers model(slug) with parameters, compute, cost, hardware and benchmark results, a source on each", async () => {
    const data = await query(store, `{ model(slug: "gpt-4") {
      benchmarkResults(first: 100) { score unit url modelVersion benchmark { slug } sources { slug kind } }
      mmlu: benchmarkResults(benchmark: "mmlu") { score benchmark { slug } }
      params: claims(property: "parameters") { value source { slug } }
    } }`);
    const results = data.model.benchmarkResults;
    expect(results.length).toBeGreaterThan(3);
    for (const r of results) expect(r.sources.length, JSON.stringify(r)).toBeGreaterThan(0);
    expect(results.map((r: { score: number }) => r.score)).toEqual([...results.map((r: { score: number }) => r.score)].sort((a, b) => b - a));
    expect(data.model.mmlu.length).toBeGreaterThan(0);
    expect(data.model.mmlu.every((r: { benchmark: { slug: string } }) => r.benchmark.slug === "mmlu")).toBe(true);
    expect(data.model.params.map((c: { source: { slug: string } }) => c.source.slug)).toContain(EPOCH);
  });

  it("lists benchmark(slug)'s results best first, each with its publisher and link; MMMU stays the seed's", async () => {
    const data = await query(store, `{
      gpqa: benchmark(slug: "gpqa-diamond") { name unit results(first: 100) { score url modelVersion subject { slug unresolved } sources { slug kind title } } }
      mmlu: benchmark(slug: "mmlu") { results(first: 100) { sources { slug } } }
      mmmu: benchmark(slug: "mmmu") { sources { slug } results { score model { slug } } }
    }`);
    const results = data.gpqa.results;
    expect(data.gpqa).toMatchObject({ name: "GPQA diamond", unit: "%" });
    expect(results.length).toBe(100);
    expect(results.map((r: { score: number }) => r.score)).toEqual([...results.map((r: { score: number }) => r.score)].sort((a, b) => b - a));
    for (const r of results) {
      expect(r.sources[0]).toMatchObject({ slug: "epoch-ai-benchmarking-hub", kind: "DATASET" });
      // The run's log viewer, else its log file; 5 of the 541 runs give neither.
      if (r.url !== null) expect(r.url).toMatch(/^https:\/\/logs\.epoch\.ai\/|^https:\/\/epoch-benchmarks-production/);
    }
    expect(results.filter((r: { url: string | null }) => r.url === null).length).toBeLessThanOrEqual(5);
    const mmluPublishers = new Set(data.mmlu.results.flatMap((r: { sources: Array<{ slug: string }> }) => r.sources.map((s) => s.slug)));
    expect(mmluPublishers.has("stanford-helm")).toBe(true);
    expect([...mmluPublishers].some((s) => String(s).startsWith("standford"))).toBe(false);
    expect(data.mmmu.results.map((r: { model: { slug: string } }) => r.model.slug)).toEqual(["gemini-ultra", "gpt-4"]);
  });

  it("changes nothing when both are imported again", async () => {
    const again = await importBoth(store, epochFirst);
    expect(again.epoch.summary.write).toEqual(NOTHING);
    expect(again.eg.summary.write).toEqual(NOTHING);
    expect(await store.counts()).toEqual(counts);
  }, 300_000);
});
