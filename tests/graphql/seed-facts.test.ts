// Every figure of the seed (issue: foundation) is readable through the API, on every store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../src/seed/load-seed.js";
import type { GraphStore } from "../../src/store/port.js";
import { query } from "../helpers/graphql.js";
import { config, openSeeded, STORE_CASES } from "../helpers/stores.js";

const seed = await loadSeed(config.seedDir);

describe.each(STORE_CASES)("seed facts through GraphQL [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("answers the quick-start question about EXAONE 2.0", async () => {
    const data = await query(store, `{ model(slug: "exaone-2-0") { name organization { slug } } }`);
    expect(data.model).toEqual({ name: "EXAONE 2.0", organization: { slug: "lg-ai-research" } });
  });

  it("reads every indicator observation of the seed with its value, rank and subject", async () => {
    const indicators = seed.nodes.filter((n) => n.kind === "Indicator");
    for (const indicator of indicators) {
      const data = await query(
        store,
        `query($slug: String!) { indicator(slug: $slug) { unit observations { year value rank country { code } organization { slug } sources { kind } } } }`,
        { slug: indicator.key },
      );
      expect(data.indicator.unit).toBe(indicator.props.unit);
      const expected = seed.relationships
        .filter((r) => r.type === "OBSERVED" && r.from.key === indicator.key)
        .map((r) => ({ year: r.props.year, value: r.props.value, rank: r.props.rank ?? null, subject: r.to.key }))
        .sort(bySubjectYear);
      const actual = data.indicator.observations
        .map((o: any) => ({ year: o.year, value: o.value, rank: o.rank, subject: o.country?.code ?? o.organization?.slug }))
        .sort(bySubjectYear);
      expect(actual).toEqual(expected);
      for (const o of data.indicator.observations) expect(o.sources.map((s: any) => s.kind)).toContain("REPORT");
    }
  });

  it("reads training costs with their sources", async () => {
    const data = await query(store, `{ gemini: model(slug: "gemini-ultra") { trainingCostUsd sources { kind } } gpt: model(slug: "gpt-4") { trainingCostUsd sources { kind } } }`);
    expect(data.gemini.trainingCostUsd).toBe(191.4e6);
    expect(data.gpt.trainingCostUsd).toBe(78_352_034);
    expect(data.gpt.sources.map((s: any) => s.kind)).toEqual(["REPORT", "NEWS_ARTICLE"]);
  });

  it("reads MMMU's human baseline and results, best first", async () => {
    const data = await query(store, `{ benchmark(slug: "mmmu") { humanBaseline unit results { score model { slug } sources { kind } } } }`);
    expect(data.benchmark.humanBaseline).toBe(82.6);
    expect(data.benchmark.results.map((r: any) => [r.model.slug, r.score])).toEqual([["gemini-ultra", 59.4], ["gpt-4", 56.8]]);
  });

  it("knows the five Korean models, their developers and Korean names", async () => {
    const data = await query(store, `{ models(filter: { countryCode: "KR" }) { totalCount nodes { slug nameKo organization { slug nameKo } country { code } } } }`);
    expect(data.models.totalCount).toBe(5);
    const bySlug = Object.fromEntries(data.models.nodes.map((m: any) => [m.slug, m]));
    expect(bySlug["hyperclova-x"].organization.slug).toBe("naver");
    expect(bySlug["exaone-2-0"].nameKo).toBe("엑사원 2.0");
    expect(bySlug["samsung-gauss"].organization.slug).toBe("samsung");
    expect(bySlug["konan-llm"].organization.slug).toBe("konan-technology");
    expect(bySlug["varco"].organization.nameKo).toBe("엔씨소프트");
  });

  it("tells where each source comes from", async () => {
    const data = await query(store, `{ sources(first: 10) { totalCount nodes { slug kind date language } } }`);
    expect(data.sources.nodes).toContainEqual({ slug: "msit-2024-04-17", kind: "GOVERNMENT_STATEMENT", date: "2024-04-17", language: "ko" });
    expect(data.sources.nodes).toContainEqual({ slug: "ai-index-2024", kind: "REPORT", date: "2024-04-15", language: "en" });
  });
});

function bySubjectYear(a: { subject: unknown; year: unknown }, b: { subject: unknown; year: unknown }): number {
  return String(a.subject).localeCompare(String(b.subject)) || Number(a.year) - Number(b.year);
}
