// modelStats on both stores, over the seed graph and the two shipped datasets: the same groups,
// counts, summaries, models and pages on Neo4j as on the embedded store; and the counts of
// Ecosystem Graphs' models of 2023 per country and per organization, as the snapshot's own files give them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEcosystemGraphs } from "../../src/importers/ecosystem-graphs/import.js";
import { importEpochAi } from "../../src/importers/epoch-ai/import.js";
import { groupSortKey, type ModelDimension } from "../../src/domain/model-stats.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import type { GraphStore, ModelGroupRow, ModelStatsQuery, Page } from "../../src/store/port.js";
import { ECOSYSTEM_GRAPHS_SHIPPED, EPOCH_DIR } from "../helpers/epoch-ai.js";
import { snapshotModels, withSeedFacts, type SnapshotModel } from "../helpers/model-stats.js";
import { config, openSeeded, STORE_CASES } from "../helpers/stores.js";

const EG = "ecosystem-graphs-2025-01-24";
const all = { after: null, limit: 10_000 };

/** Sums and averages may differ in the last bits between stores (another order of addition). */
function rounded(page: Page<ModelGroupRow>): unknown {
  const r = (v: number | null) => (v === null ? null : Number(v.toPrecision(12)));
  const summary = (s: ModelGroupRow["parameters"]) => s && ({ ...s, avg: r(s.avg), sum: r(s.sum), median: r(s.median), min: r(s.min), max: r(s.max) });
  return { ...page, items: page.items.map((g) => ({ ...g, parameters: summary(g.parameters), trainingCompute: summary(g.trainingCompute), trainingCost: summary(g.trainingCost) })) };
}

describe.each(STORE_CASES)("modelStats [$name]", (storeCase) => {
  let store: GraphStore;
  let reference: GraphStore;
  let snapshot: SnapshotModel[];

  beforeAll(async () => {
    reference = await MemoryStore.open(null);
    await seedStore(reference, config.seedDir);
    await importEcosystemGraphs(reference, ECOSYSTEM_GRAPHS_SHIPPED);
    await importEpochAi(reference, EPOCH_DIR);
    store = await openSeeded(storeCase);
    await importEcosystemGraphs(store, ECOSYSTEM_GRAPHS_SHIPPED);
    await importEpochAi(store, EPOCH_DIR);
    snapshot = await snapshotModels(ECOSYSTEM_GRAPHS_SHIPPED);
  }, 300_000);
  afterAll(async () => {
    await store.close();
    await reference.close();
  });

  const stats = (groupBy: ModelDimension[], filter: ModelStatsQuery["filter"] = null, order: ModelStatsQuery["order"] = "COUNT_DESC") =>
    store.modelStats({ filter, groupBy, order }, all);

  /**
   * Per country, Ecosystem Graphs' models of 2023 as the snapshot's `nationality` gives them (the
   * seed's curated country and date where it states the model). A model with no nationality counts
   * where the rest of the graph puts it: the country another dataset gives it (Epoch AI's), else
   * its developers' headquarters, which the snapshot does not record.
   */
  async function expectedByCountry(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const add = (c: string) => counts.set(c, (counts.get(c) ?? 0) + 1);
    const models = withSeedFacts(snapshot).filter((m) => m.year === "2023");
    for (const m of models) m.countries.forEach(add);
    const located = new Set(models.filter((m) => m.countries.length > 0).map((m) => m.slug));
    // A record without nationality that shares its name with one that has it is the same model (the import merges them).
    for (const m of models.filter((m) => m.countries.length === 0 && !located.has(m.slug))) {
      const [own] = await store.related("model-own-country", [m.slug], null, all);
      if (own.items.length > 0) {
        own.items.forEach((i) => add(i.node.key));
        continue;
      }
      const [developers] = await store.related("model-developers", [m.slug], null, all);
      const hq = await store.related("organization-country", developers.items.map((d) => d.node.key), null, all);
      [...new Set(hq.flatMap((p) => p.items.map((i) => i.node.key)))].forEach(add);
    }
    return counts;
  }

  it("counts Ecosystem Graphs' models of 2023 per country as the snapshot's files do (US, CN, GB, KR)", async () => {
    const expected = await expectedByCountry();
    const page = await stats(["COUNTRY"], { releasedYear: 2023, listedBy: EG });
    const counts = new Map(page.items.map((g) => [g.key[0], g.count]));
    for (const code of ["US", "CN", "GB", "KR"]) expect([code, counts.get(code)]).toEqual([code, expected.get(code)]);
    expect(counts.get("KR")).toBeGreaterThan(0);
  });

  it("counts them per organization as listed: Google on its own, as the snapshot's `organization` names it", async () => {
    const page = await stats(["ORGANIZATION"], { releasedYear: 2023, listedBy: EG });
    const counts = new Map(page.items.map((g) => [g.key[0], g.count]));
    const inSnapshot = (org: string) => withSeedFacts(snapshot).filter((m) => m.year === "2023" && m.organizations.includes(org)).length;
    expect(counts.get("google")).toBe(inSnapshot("Google"));
    expect(counts.get("meta")).toBe(inSnapshot("Meta"));
    expect(counts.get("google")).toBe(18);
  });

  it.each<[ModelDimension[], ModelStatsQuery["filter"], ModelStatsQuery["order"]]>([
    [["COUNTRY"], null, "COUNT_DESC"],
    [["ORGANIZATION"], { releasedYear: 2023 }, "COUNT_DESC"],
    [["PARENT_ORGANIZATION"], { listedBy: "epoch-ai-models-2026-02-02" }, "KEY"],
    [["YEAR", "KIND"], { countryCode: "KR" }, "KEY"],
    [["DOMAIN", "ACCESSIBILITY"], { notable: true }, "COUNT_DESC"],
    [["SOURCE"], { computeMin: 1e24 }, "KEY"],
    [["COUNTRY", "YEAR", "ORGANIZATION"], { releasedAfter: "2022-06-30", listedBy: EG }, "COUNT_DESC"],
    [["COUNTRY"], { releasedYear: 2023 }, "COUNT_DESC"],
    [["YEAR", "DOMAIN"], { releasedYear: 2021, releasedBefore: "2021-07-01" }, "KEY"],
  ])("groups by %j under %j in %s order as the embedded reference does", async (groupBy, filter, order) => {
    const query = { filter, groupBy, order };
    expect(rounded(await store.modelStats(query, all))).toEqual(rounded(await reference.modelStats(query, all)));
  });

  it.each<[ModelDimension[], ModelStatsQuery["filter"]]>([
    [["COUNTRY"], { releasedYear: 2023 }],
    [["ORGANIZATION", "KIND"], null],
  ])("without summaries (%j under %j): the same groups and counts, the summaries null", async (groupBy, filter) => {
    const full = await store.modelStats({ filter, groupBy, order: "COUNT_DESC" }, all);
    const bare = await store.modelStats({ filter, groupBy, order: "COUNT_DESC", summaries: false }, all);
    expect(full.items.length).toBeGreaterThan(1);
    expect(bare).toEqual({ ...full, items: full.items.map((g) => ({ ...g, parameters: null, trainingCompute: null, trainingCost: null })) });
    expect(await reference.modelStats({ filter, groupBy, order: "COUNT_DESC", summaries: false }, all)).toEqual(bare);
  });

  it("pages groups by keyset: pages of 7 after each last group's key give the whole list", async () => {
    for (const order of ["COUNT_DESC", "KEY"] as const) {
      const query = { filter: { releasedYear: 2023 }, groupBy: ["COUNTRY", "KIND"] as ModelDimension[], order };
      const whole = await store.modelStats(query, all);
      const walked: ModelGroupRow[] = [];
      let after: ReturnType<typeof groupSortKey> | null = null;
      for (;;) {
        const page: Page<ModelGroupRow> = await store.modelStats(query, { after, limit: 7 });
        expect(page.totalCount).toBe(whole.totalCount);
        walked.push(...page.items);
        if (!page.hasMore) break;
        const last = page.items.at(-1)!;
        after = groupSortKey(order, last.count, last.key);
      }
      expect(walked.map((g) => g.key)).toEqual(whole.items.map((g) => g.key));
      expect(whole.items.some((g) => g.key[0] === null)).toBe(true);
    }
  });

  it("gives the models of chosen groups, by name, paged, as the reference does", async () => {
    const query = { filter: { releasedYear: 2023, listedBy: EG }, groupBy: ["COUNTRY"] as ModelDimension[], order: "KEY" as const, groups: [["KR"], ["GB"], [null]] };
    const first = await store.modelStats({ ...query, models: { after: null, limit: 3 } }, all);
    expect(first.items.map((g) => g.key)).toEqual([["GB"], ["KR"], [null]]);
    expect(first).toEqual(await reference.modelStats({ ...query, models: { after: null, limit: 3 } }, all));
    const kr = first.items[1];
    expect(kr.models!.items).toHaveLength(3);
    expect(kr.models!.hasMore).toBe(true);
    const last = kr.models!.items[2];
    const rest = await store.modelStats({ ...query, groups: [["KR"]], models: { after: [String(last.props.name).toLowerCase(), `Model:${last.key}`], limit: 100 } }, all);
    const names = [...kr.models!.items, ...rest.items[0].models!.items].map((n) => n.key);
    expect(names).toHaveLength(kr.count);
    expect(new Set(names).size).toBe(kr.count);
  });

  it("rolls units up to their parent: Google DeepMind's models count for Google under PARENT_ORGANIZATION", async () => {
    const filter = { releasedYear: 2023 };
    const byOrg = new Map((await stats(["ORGANIZATION"], filter)).items.map((g) => [g.key[0], g.count]));
    const byParent = new Map((await stats(["PARENT_ORGANIZATION"], filter)).items.map((g) => [g.key[0], g.count]));
    expect(byParent.get("google")!).toBeGreaterThan(byOrg.get("google")!);
    expect(byParent.get("google")!).toBeGreaterThanOrEqual(byOrg.get("google-deepmind")!);
    expect(byParent.has("google-deepmind")).toBe(false);
  });

  it("summarizes a group's measures over the models that have them", async () => {
    const [g] = (await store.modelStats({ filter: { notable: true }, groupBy: ["YEAR"], order: "KEY", groups: [["2023"]] }, all)).items;
    const models = await store.list({ kind: "Model", filter: { notable: true, releasedYear: 2023 } }, all);
    expect(g.count).toBe(models.totalCount);
    const values = models.items.map((n) => n.props.parameters).filter((v): v is number => typeof v === "number");
    expect(g.parameters?.count).toBe(values.length);
    expect(g.parameters?.max).toBe(Math.max(...values));
    expect(g.parameters?.min).toBe(Math.min(...values));
  });

  // Last: it writes to the store.
  it("answers what a write changed: a new model, a changed release year, a developer's new headquarters", async () => {
    const filter = { releasedYear: 2023, listedBy: EG };
    const count = async (groupBy: ModelDimension[], key: string) => (await stats(groupBy, filter)).items.find((g) => g.key[0] === key)?.count ?? 0;
    const [kr, gb, google] = [await count(["COUNTRY"], "KR"), await count(["COUNTRY"], "GB"), await count(["ORGANIZATION"], "google")];
    const model = { kind: "Model" as const, key: "stats-test-model", props: { name: "Stats Test Model", releaseDate: "2023-05-01", sources: [EG] } };
    await store.write({ nodes: [model], relationships: [{ type: "ORIGINATES_IN", from: model, to: { kind: "Country", key: "KR" }, key: "", props: { sources: [EG] } }] });
    expect(await count(["COUNTRY"], "KR")).toBe(kr + 1);
    await store.write({ nodes: [{ ...model, props: { ...model.props, releaseDate: "2022-05-01" } }], relationships: [] });
    expect(await count(["COUNTRY"], "KR")).toBe(kr);
    // An organization of no country, then headquartered in GB: its models without a country of their own count there.
    const org = { kind: "Organization" as const, key: "stats-test-lab", props: { name: "Stats Test Lab", sources: [EG] } };
    const unplaced = { kind: "Model" as const, key: "stats-test-unplaced", props: { name: "Stats Test Unplaced", releaseDate: "2023-06-01", sources: [EG] } };
    await store.write({ nodes: [org, unplaced], relationships: [{ type: "DEVELOPED_BY", from: unplaced, to: org, key: "", props: { order: 0, sources: [EG] } }] });
    expect(await count(["COUNTRY"], "GB")).toBe(gb);
    await store.write({ nodes: [], relationships: [{ type: "HEADQUARTERED_IN", from: org, to: { kind: "Country", key: "GB" }, key: "", props: { sources: [EG] } }] });
    expect(await count(["COUNTRY"], "GB")).toBe(gb + 1);
    expect(await count(["ORGANIZATION"], "google")).toBe(google);
  });
});
