// The importer on a small snapshot with one of each defect, on every store (memory always, Neo4j
// when NEO4J_URI is set): resolution, provenance, claims, placeholders, accounting, idempotency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GraphBatch, NodeRef } from "../../../src/domain/graph.js";
import type { RelationName } from "../../../src/domain/relations.js";
import { UsageError, type Io } from "../../../src/cli/command.js";
import { COMMANDS } from "../../../src/cli/commands.js";
import { importEcosystemGraphs } from "../../../src/importers/ecosystem-graphs/import.js";
import type { ImportReport } from "../../../src/importers/ecosystem-graphs/report.js";
import { MemoryStore } from "../../../src/store/memory/memory-store.js";
import { seedStore } from "../../../src/store/open-store.js";
import { StoreInputError, type GraphStore, type StoreCounts } from "../../../src/store/port.js";
import { FIXTURE_RECORDS, writeFixtureSnapshot } from "../../helpers/ecosystem-graphs.js";
import { config, openSeeded, STORE_CASES } from "../../helpers/stores.js";

const SOURCE = "ecosystem-graphs-2025-01-24";
const all = { after: null, limit: 1000 };
const fixture = await writeFixtureSnapshot();

async function keysOf(store: GraphStore, relation: RelationName, key: string): Promise<string[]> {
  const [page] = await store.related(relation, [key], null, all);
  return page.items.map((i) => i.node.key);
}

async function node(store: GraphStore, kind: NodeRef["kind"], key: string) {
  return (await store.getNodes([{ kind, key }]))[0];
}

describe.each(STORE_CASES)("Ecosystem Graphs import of a small snapshot [$name]", (storeCase) => {
  let store: GraphStore;
  let report: ImportReport;

  beforeAll(async () => {
    store = await openSeeded(storeCase);
    report = await importEcosystemGraphs(store, fixture, { batchSize: 7 });
  });
  afterAll(() => store.close());

  it("accounts for every record: created + merged + skipped = records read, each skip with its reason", () => {
    const s = report.summary;
    expect(s.recordsRead).toBe(FIXTURE_RECORDS);
    expect(s.created + s.merged + s.skipped).toBe(s.recordsRead);
    expect(s).toMatchObject({ filesRead: 5, created: 10, merged: 3, skipped: 3, placeholders: 2, organizationsCreated: 9, countriesCreated: 1, claims: 4 });
    const skips = report.warnings.filter((w) => w.reason.startsWith("skipped:"));
    expect(skips.map((w) => w.asset)).toEqual(["A survey", null, null]);
    expect(report.warnings.filter((w) => w.asset === null && w.reason.startsWith("not read:")).map((w) => w.file)).toEqual(["broken.yaml", "not-a-list.yaml"]);
    expect(s.warnings).toBe(report.warnings.length);
  });

  it("resolves names against the graph: NAVER is naver, Konan is konan-technology, HyperCLOVA X is hyperclova-x", async () => {
    expect(await keysOf(store, "organization-models", "naver")).toEqual(["hyperclova", "hyperclova-x"]);
    expect(await keysOf(store, "asset-developers", "konan-llm")).toEqual(["konan-technology"]);
    expect((await store.list({ kind: "Organization", filter: { nameContains: "naver" } }, all)).totalCount).toBe(1);
    expect((await store.list({ kind: "Model", filter: { nameContains: "hyperclova x" } }, all)).items.map((n) => n.key)).toEqual(["hyperclova-x"]);
  });

  it("splits co-developers but not legal suffixes, and reads one organization under two spellings", async () => {
    expect(await keysOf(store, "asset-developers", "megatron-turing-nlg")).toEqual(["microsoft", "nvidia"]);
    expect(await keysOf(store, "asset-developers", "gen-3-corpus")).toEqual(["runway-ai"]);
    expect(await keysOf(store, "asset-developers", "openhermes-2-5-mistral")).toEqual(["nous-research"]);
    expect(await keysOf(store, "asset-developers", "hermes-2-pro-mistral")).toEqual(["nous-research"]);
    expect((await node(store, "Organization", "runway-ai"))?.props.name).toBe("Runway AI, Inc.");
  });

  it("keeps one entity for one name and developer, and gives two entities of one name distinct slugs", async () => {
    expect((await store.list({ kind: "Model", filter: { nameContains: "gpt-4o" } }, all)).items.map((n) => n.key)).toEqual(["gpt-4o"]);
    expect((await store.list({ kind: "Model", filter: { nameContains: "chatglm" } }, all)).items.map((n) => n.key)).toEqual(["chatglm", "chatglm-team-glm"]);
    expect(await keysOf(store, "asset-dependencies", "chatglm-team-glm")).toEqual(["chatglm"]);
  });

  it("never writes over a curated value: the dataset's other date and country stay as claims beside it", async () => {
    const hyperclovaX = await node(store, "Model", "hyperclova-x");
    expect(hyperclovaX?.props).toMatchObject({ name: "HyperCLOVA X", releaseDate: "2023-08-24", releaseDateSources: ["seed-curation"] });
    expect(await keysOf(store, "asset-own-country", "konan-llm")).toEqual(["KR"]);
    const [konan] = await store.related("asset-claims", ["konan-llm"], null, all);
    expect(konan.items.map((i) => [i.node.key, i.rel.property, i.rel.value])).toEqual([[SOURCE, "country", "JP"]]);
    const [gpt4o] = await store.related("asset-claims", ["gpt-4o"], null, all);
    expect(gpt4o.items.map((i) => [i.rel.property, i.rel.value])).toEqual([["releaseDate", "2024-08-08"]]);
    expect((await node(store, "Model", "gpt-4o"))?.props.releaseDate).toBe("2024-05-13");
  });

  it("fills what the graph lacks, citing the snapshot", async () => {
    const konan = await node(store, "Model", "konan-llm");
    expect(konan?.props).toMatchObject({ releaseDate: "2023-09-17", releaseDateSources: [SOURCE], parameters: 13e9, access: "limited" });
    expect(konan?.props.sources).toEqual(["msit-2024-04-17", "kyunghyang-2024-04-17-ai-index", SOURCE]);
    const [developers] = await store.related("asset-developers", ["openhermes-2-5-mistral"], null, all);
    expect(developers.items[0].rel).toMatchObject({ order: 0, sources: [SOURCE], note: expect.stringMatching(/Teknium/) });
    expect((await node(store, "Source", SOURCE))?.props).toMatchObject({ sourceKind: "DATASET", date: "2025-01-24", name: expect.stringMatching(/arXiv:2303.15772/) });
    expect((await node(store, "Country", "CA"))?.props).toMatchObject({ name: "Canada", sources: [SOURCE] });
  });

  it("normalizes values: maps, partial dates, sizes", async () => {
    expect((await node(store, "Model", "hyperclova"))?.props).toMatchObject({ access: "closed", accessNote: expect.any(String), parameters: 82e9, releaseDate: "2021-05-21" });
    expect((await node(store, "Model", "megatron-turing-nlg"))?.props).toMatchObject({ releaseDate: "2022-01-01", releaseDatePrecision: "YEAR", nationality: "International" });
    expect((await node(store, "Model", "hermes-2-pro-mistral"))?.props).toMatchObject({ releaseDate: "2024-03-01", releaseDatePrecision: "MONTH" });
    expect((await node(store, "Dataset", "gen-3-corpus"))?.props).toMatchObject({ size: "200 GB", dependenciesNote: "compiled from unknown datasets" });
    expect((await node(store, "Dataset", "gen-3-corpus"))?.props.parameters).toBeUndefined();
    expect(await keysOf(store, "asset-own-country", "megatron-turing-nlg")).toEqual([]);
    expect(report.warnings).toContainEqual({ file: "misc.yaml", asset: "ChatGPT for Slack", reason: expect.stringMatching(/nationality 'Atlantis'/) });
  });

  it("keeps a dependency that names no asset as one placeholder, and resolves one on a held model", async () => {
    const placeholders = await store.list({ kind: "UnresolvedAsset" }, all);
    expect(placeholders.items.map((n) => [n.key, n.props.unresolved])).toEqual([["commoncrawl", true], ["openhermes-2-5-dataset", true]]);
    expect(await keysOf(store, "asset-dependents", "commoncrawl")).toEqual(["hermes-2-pro-mistral", "openhermes-2-5-mistral"]);
    expect(await keysOf(store, "asset-dependencies", "chatgpt-for-slack")).toEqual(["gpt-4"]);
    expect(await keysOf(store, "asset-dependents", "gpt-4")).toEqual(["chatgpt-for-slack"]);
  });

  it("changes nothing when run again: same counts, every write count zero", async () => {
    const before = await store.counts();
    const again = await importEcosystemGraphs(store, fixture, { batchSize: 7 });
    expect(again.summary.write).toEqual({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
    expect(again.summary).toMatchObject({ created: 0, merged: 13, skipped: 3, placeholders: 0, claims: 0, organizationsCreated: 0, countriesCreated: 0 });
    expect(await store.counts()).toEqual(before);
  });
});

/** A store whose `failOn`-th write carries a relationship to a missing node, so the store refuses that whole write. */
function failingStore(store: GraphStore, failOn: number): GraphStore & { countsAfter: StoreCounts[] } {
  let writes = 0;
  const countsAfter: StoreCounts[] = [];
  return Object.assign(Object.create(store) as GraphStore, {
    countsAfter,
    async write(batch: GraphBatch) {
      writes++;
      const poisoned: GraphBatch =
        writes === failOn
          ? { ...batch, relationships: [...batch.relationships, { type: "DEPENDS_ON", from: { kind: "Model", key: "gpt-4" }, to: { kind: "Model", key: "no-such-model" }, key: "", props: { sources: [] } }] }
          : batch;
      const summary = await store.write(poisoned);
      countsAfter.push(await store.counts());
      return summary;
    },
  });
}

describe.each(STORE_CASES)("Ecosystem Graphs import that fails mid-way [$name]", (storeCase) => {
  it("leaves the batches before the failure written and none of the failing one; running it again completes", async () => {
    const reference = await MemoryStore.open(null);
    await seedStore(reference, config.seedDir);
    await importEcosystemGraphs(reference, fixture, { batchSize: 4 });

    const store = await openSeeded(storeCase);
    try {
      const failing = failingStore(store, 3);
      await expect(importEcosystemGraphs(failing, fixture, { batchSize: 4 })).rejects.toBeInstanceOf(StoreInputError);
      expect(failing.countsAfter).toHaveLength(2);
      expect(await store.counts()).toEqual(failing.countsAfter[1]);
      // The third batch held nodes 9-12 of the batch: organizations, none of which was written.
      expect((await store.list({ kind: "Organization" }, all)).totalCount).toBeLessThan((await reference.list({ kind: "Organization" }, all)).totalCount);

      const rerun = await importEcosystemGraphs(store, fixture, { batchSize: 4 });
      expect(rerun.summary.write.nodesCreated).toBeGreaterThan(0);
      expect(await store.counts()).toEqual(await reference.counts());
    } finally {
      await store.close();
    }
  });
});

describe("kg import", () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const value: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, errIsTTY: false };
    return { value, out, err };
  };
  const memoryConfig = async () => ({ ...config, neo4j: null, dataDir: await import("node:fs/promises").then((fs) => fs.mkdtemp(path.join(os.tmpdir(), "kg-data-"))) });

  it("seeds an empty store, imports, prints one summary line and writes the report", async () => {
    const cfg = await memoryConfig();
    const file = path.join(cfg.dataDir, "report.json");
    const { value, out, err } = io();
    await COMMANDS.import.run(["ecosystem-graphs", fixture, "--report", file], cfg, value);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^imported 16 records from 5 files into memory as ecosystem-graphs-2025-01-24 in .*: 10 created, 3 merged, 3 skipped/);
    expect(err.join("")).toMatch(/seeded it/);
    const written = JSON.parse(await readFile(file, "utf8")) as ImportReport;
    expect(Object.keys(written)).toEqual(["summary", "warnings"]);
    expect(Object.keys(written.warnings[0])).toEqual(["file", "asset", "reason"]);
    expect(written.summary.created + written.summary.merged + written.summary.skipped).toBe(written.summary.recordsRead);
  });

  it("draws a progress bar only when stderr is a terminal", async () => {
    const { value, err } = io();
    await COMMANDS.import.run(["ecosystem-graphs", fixture], await memoryConfig(), { ...value, errIsTTY: true });
    expect(err.join("")).toMatch(/\rwriting \[#+\] 100% \d+\/\d+\n/);
  });

  // Assets, but no README naming the snapshot's commit.
  const unnamed = mkdtempSync(path.join(os.tmpdir(), "kg-unnamed-snapshot-"));
  writeFileSync(path.join(unnamed, "naver.yaml"), "[]\n");
  it.each([
    [["ecosystem-graphs", fixture, "extra"], /usage/],
    [["csv", fixture], /unknown format/],
    [["ecosystem-graphs", fixture, "--batch-size", "0"], /--batch-size/],
    [["ecosystem-graphs", fixture, "--verbose", "yes"], /unknown option/],
    [["ecosystem-graphs", unnamed], /names no "commit/],
    [["ecosystem-graphs", path.join(unnamed, "missing")], /no such directory: .*missing; expected the assets\/ folder/],
  ])("refuses %j", async (args, message) => {
    await expect(COMMANDS.import.run(args, await memoryConfig(), io().value)).rejects.toThrow(expect.objectContaining({ message: expect.stringMatching(message) }));
    await expect(COMMANDS.import.run(args, await memoryConfig(), io().value)).rejects.toBeInstanceOf(UsageError);
  });
});
