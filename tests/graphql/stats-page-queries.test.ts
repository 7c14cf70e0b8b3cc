// Every operation the stats page (web/stats/queries.ts) sends or links to, run against the schema on
// both stores: a renamed field fails here rather than in a browser. And the page's CSV writer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../src/store/port.js";
import { toCsv } from "../../web/stats/csv.js";
import {
  GROUP_PAGE,
  INDICATOR_SERIES_QUERY,
  INDICATORS_QUERY,
  MODEL_SOURCES_QUERY,
  MODELS_PER_COUNTRY_YEAR_QUERY,
  playgroundLink,
  REPORT_FIGURES_QUERY,
} from "../../web/stats/queries.js";
import { execute } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

describe.each(STORE_CASES)("stats page operations [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("counts models per country and year in pages that add up to the models' country-year pairs", async () => {
    const first = await execute(store, MODELS_PER_COUNTRY_YEAR_QUERY, { filter: null, first: 2 });
    expect(first.errors).toBeUndefined();
    const page = first.data!.modelStats;
    expect(page.nodes).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(page.totalCount > 2);
    // The page's walk: every group once, in key order, whatever the page size.
    const all = await execute(store, MODELS_PER_COUNTRY_YEAR_QUERY, { filter: null, first: GROUP_PAGE });
    const rest = await execute(store, MODELS_PER_COUNTRY_YEAR_QUERY, { filter: null, first: GROUP_PAGE, after: page.pageInfo.endCursor });
    expect([...page.nodes, ...rest.data!.modelStats.nodes]).toEqual(all.data!.modelStats.nodes);
    for (const group of all.data!.modelStats.nodes) {
      expect(group.count).toBeGreaterThan(0);
      expect(group.key).toHaveProperty("year");
      if (group.key.country) expect(group.key.country).toMatchObject({ code: expect.any(String), name: expect.any(String) });
    }
    // Korea's models of the seed: as many as modelStats counts for KR across its years.
    const korea = await execute(store, `query { models(filter: { countryCode: "KR" }, first: 100) { totalCount } }`, {});
    const kr = all.data!.modelStats.nodes.filter((g: { key: { country: { code: string } | null } }) => g.key.country?.code === "KR");
    expect(kr.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(korea.data!.models.totalCount);
  });

  it("lists the sources models cite, with their counts, for the chart's filter", async () => {
    const result = await execute(store, MODEL_SOURCES_QUERY, {});
    expect(result.errors).toBeUndefined();
    const groups = result.data!.modelStats.nodes;
    expect(groups.length).toBeGreaterThan(0);
    const source = groups.find((g: { key: { source: unknown } }) => g.key.source)!;
    const filtered = await execute(store, MODELS_PER_COUNTRY_YEAR_QUERY, { filter: { listedBy: source.key.source.slug }, first: GROUP_PAGE });
    expect(filtered.errors).toBeUndefined();
    // A model counts once per country: the groups add up to at least the source's models.
    const total = filtered.data!.modelStats.nodes.reduce((n: number, g: { count: number }) => n + g.count, 0);
    expect(total).toBeGreaterThanOrEqual(source.count);
  });

  it("offers the indicators and reads one's observations of countries by year", async () => {
    const indicators = await execute(store, INDICATORS_QUERY, {});
    expect(indicators.errors).toBeUndefined();
    expect(indicators.data!.indicators.nodes.map((i: { slug: string }) => i.slug)).toContain("ai-talent-migration");
    const series = await execute(store, INDICATOR_SERIES_QUERY, { slug: "ai-talent-migration" });
    expect(series.errors).toBeUndefined();
    const korea = series.data!.indicator.observations.filter((o: { country: { code: string } | null }) => o.country?.code === "KR");
    expect(korea.map((o: { year: number }) => o.year).sort()).toEqual([2020, 2023]);
    expect(series.data!.indicator.nameKo).toBe("AI 인재 이동 지표");
  });

  it("reads a report's stated and recomputed figures", async () => {
    const result = await execute(store, REPORT_FIGURES_QUERY, { report: "ai-index-2024", indicator: "foundation-models" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.report.slug).toBe("ai-index-2024");
    expect(result.data!.indicator.observations.length).toBeGreaterThan(0);
  });

  it("links each operation to the playground with its variables", () => {
    const link = new URL(playgroundLink(MODELS_PER_COUNTRY_YEAR_QUERY, { filter: null, first: GROUP_PAGE }), "http://127.0.0.1");
    expect(link.pathname).toBe("/graphiql/");
    expect(link.searchParams.get("query")).toBe(MODELS_PER_COUNTRY_YEAR_QUERY);
    expect(JSON.parse(link.searchParams.get("variables")!)).toEqual({ filter: null, first: GROUP_PAGE });
  });
});

describe("the stats page's CSV", () => {
  it("writes a header, then one line per row, quoting what needs it", () => {
    const rows = [
      { country: "South Korea · 한국", year: 2023, value: -0.3 },
      { country: 'Korea, "Republic of"', year: null, value: 1 },
    ];
    const csv = toCsv(
      [
        { header: "country", value: (r: (typeof rows)[number]) => r.country },
        { header: "year", value: (r: (typeof rows)[number]) => r.year },
        { header: "value", value: (r: (typeof rows)[number]) => r.value },
      ],
      rows,
    );
    expect(csv).toBe('country,year,value\r\nSouth Korea · 한국,2023,-0.3\r\n"Korea, ""Republic of""",,1\r\n');
  });
});
