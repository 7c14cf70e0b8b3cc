// A report's figures recomputed from the data they rest on, on both stores: the foundation-models
// indicator's observations with the count recomputed from Ecosystem Graphs' models (as the
// snapshot's own files give it) and the difference, and the AI Index 2024's coverage of Korea: no
// stated figure, the recomputed count, its models and their source, in one query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../src/store/port.js";
import { ECOSYSTEM_GRAPHS_SHIPPED } from "../helpers/epoch-ai.js";
import { execute, query } from "../helpers/graphql.js";
import { snapshotModels, withSeedFacts } from "../helpers/model-stats.js";
import { openWithDatasets, STORE_CASES } from "../helpers/stores.js";
import seedIndicators from "../../seed/indicators.json" with { type: "json" };

const EG = "ecosystem-graphs-2025-01-24";

/** The figure the seed states for a subject of foundation-models in 2023. */
function stated(subject: { country?: string; organization?: string }): number {
  const indicator = (seedIndicators as Array<{ slug: string; observations: Array<{ country?: string; organization?: string; year: number; value: number }> }>).find((i) => i.slug === "foundation-models")!;
  return indicator.observations.find((o) => o.year === 2023 && (subject.country ? o.country === subject.country : o.organization === subject.organization))!.value;
}

describe.each(STORE_CASES)("recomputed figures [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openWithDatasets(storeCase);
  }, 300_000);
  afterAll(() => store.close());

  it("recomputes foundation-models for the US from Ecosystem Graphs' models of 2023, beside the stated value, with the difference", async () => {
    const data = await query(
      store,
      `{ indicator(slug: "foundation-models") {
          definition { listedBy byCountry byOrganization source { slug kind } sources { slug } }
          observations(year: 2023) { value country { code } organization { slug } difference recomputed { value source { slug } models(first: 3) { totalCount nodes { slug } } } }
        } }`,
    );
    const indicator = data.indicator;
    expect(indicator.definition).toMatchObject({ listedBy: EG, byCountry: "COUNTRY", byOrganization: "ORGANIZATION", source: { slug: EG, kind: "DATASET" }, sources: [{ slug: "ai-index-2024" }] });
    const us = indicator.observations.find((o: { country: { code: string } | null }) => o.country?.code === "US");
    // The snapshot's files: US models of 2023 by nationality (the graph's own test of the count is tests/store/model-stats-contract.test.ts).
    const byNationality = withSeedFacts(await snapshotModels(ECOSYSTEM_GRAPHS_SHIPPED)).filter((m) => m.year === "2023" && m.countries.includes("US")).length;
    expect(us.value).toBe(stated({ country: "US" }));
    expect(us.recomputed.value).toBeGreaterThanOrEqual(byNationality);
    const [group] = (await store.modelStats({ filter: { releasedYear: 2023, listedBy: EG }, groupBy: ["COUNTRY"], order: "KEY", groups: [["US"]] }, { after: null, limit: 1 })).items;
    expect(us.recomputed.value).toBe(group.count);
    expect(us.difference).toBe(us.recomputed.value - us.value);
    expect(us.recomputed.source.slug).toBe(EG);
    expect(us.recomputed.models.totalCount).toBe(us.recomputed.value);
    const google = indicator.observations.find((o: { organization: { slug: string } | null }) => o.organization?.slug === "google");
    expect([google.value, google.recomputed.value, google.difference]).toEqual([stated({ organization: "google" }), 18, 18 - stated({ organization: "google" })]);
  });

  it("shows the AI Index 2024's coverage of Korea: no stated figure, the recomputed count, its models and source", async () => {
    const data = await query(
      store,
      `{ report(slug: "ai-index-2024") { coverage { country { code } inScope omitted stated difference recomputed { value source { slug title } models(first: 20) { totalCount nodes { slug name } } } } } }`,
    );
    const rows = data.report.coverage as Array<{ country: { code: string } | null; stated: number | null; difference: number | null; recomputed: { value: number; source: { slug: string }; models: { totalCount: number; nodes: Array<{ slug: string }> } } | null }>;
    const kr = rows.find((r) => r.country?.code === "KR")!;
    expect(kr.stated).toBeNull();
    expect(kr.difference).toBeNull();
    const krSnapshot = withSeedFacts(await snapshotModels(ECOSYSTEM_GRAPHS_SHIPPED)).filter((m) => m.year === "2023" && m.countries.includes("KR"));
    expect(kr.recomputed!.value).toBe(krSnapshot.length);
    expect(kr.recomputed!.models.nodes.map((n) => n.slug).sort()).toEqual(krSnapshot.map((m) => m.slug).sort());
    expect(kr.recomputed!.source.slug).toBe(EG);
    const us = rows.find((r) => r.country?.code === "US")!;
    expect(us.stated).toBe(stated({ country: "US" }));
    expect(us.difference).toBe(us.recomputed!.value - us.stated!);
  });

  it("counts every observation of a year in one store call per dimension", async () => {
    const result = await execute(store, `{ indicator(slug: "foundation-models") { observations { recomputed { value } } } }`);
    expect(result.errors).toBeUndefined();
    // The indicator, its observations, their indicator's record (cached), one modelStats per dimension.
    expect(result.storeCalls).toBeLessThanOrEqual(4);
  });

  it("answers null for an indicator without a definition", async () => {
    const data = await query(store, `{ indicator(slug: "ai-patents-per-100k") { definition { listedBy } observations(first: 1) { recomputed { value } difference } } }`);
    expect(data.indicator.definition).toBeNull();
    expect(data.indicator.observations[0]).toEqual({ recomputed: null, difference: null });
  });
});
