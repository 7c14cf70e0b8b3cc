// The filters of lists and relations (domain/filters.ts) over a model's properties and its links.
import { describe, expect, it } from "vitest";
import { matchesAssetFilter, matchesModelFilter, matchesRelationFilter, within, type ModelFacts } from "../../src/domain/filters.js";

const model: ModelFacts = {
  props: { name: "HyperCLOVA X", releaseDate: "2023-08-24", domains: ["Language"], notable: true, trainingComputeFlop: 1e24, sources: ["epoch-ai"] },
  searchText: "hyperclova x",
  country: () => "Country:KR",
  developedBy: (org) => org === "Organization:naver",
};

describe("matchesModelFilter", () => {
  it("keeps a model that every given condition holds for", () => {
    expect(matchesModelFilter(model, {})).toBe(true);
    expect(matchesModelFilter(model, { nameContains: "CLOVA", releasedYear: 2023, countryCode: "KR", organizationSlug: "naver", domain: "language", notable: true, computeMin: 1e23, listedBy: "epoch-ai" })).toBe(true);
  });

  it("drops it when one condition fails", () => {
    expect(matchesModelFilter(model, { countryCode: "US" })).toBe(false);
    expect(matchesModelFilter(model, { organizationSlug: "openai" })).toBe(false);
    expect(matchesModelFilter(model, { releasedAfter: "2023-08-24" })).toBe(false);
    expect(matchesModelFilter(model, { notable: false })).toBe(false);
    expect(matchesModelFilter(model, { parametersMin: 1 })).toBe(false); // no parameters known
  });

  it("asks for the country only when the filter names one", () => {
    let asked = 0;
    matchesModelFilter({ ...model, country: () => (asked++, null) }, { nameContains: "x" });
    expect(asked).toBe(0);
  });
});

describe("within, asset and relation filters", () => {
  it("bounds are inclusive and need a number", () => {
    expect(within(5, 5, 5)).toBe(true);
    expect(within(undefined, null, null)).toBe(true);
    expect(within("5", 1, null)).toBe(false);
  });

  it("an asset filter checks the kind and the release year", () => {
    const node = { kind: "Dataset" as const, key: "d", props: { name: "D", releaseDate: "2022-02-02" } };
    expect(matchesAssetFilter(node, { kind: "Dataset", releasedYear: 2022 })).toBe(true);
    expect(matchesAssetFilter(node, { kind: "Model" })).toBe(false);
  });

  it("a relation filter narrows by year, indicator and benchmark, and hands model filters on", () => {
    const item = { node: { kind: "Indicator" as const, key: "gdp", props: { name: "GDP" } }, rel: { year: 2023 } };
    const never = () => false;
    expect(matchesRelationFilter(item, null, never)).toBe(true);
    expect(matchesRelationFilter(item, { year: 2023, indicator: "gdp" }, never)).toBe(true);
    expect(matchesRelationFilter(item, { year: 2022 }, never)).toBe(false);
    expect(matchesRelationFilter(item, { models: {} }, never)).toBe(false);
    expect(matchesRelationFilter(item, { benchmark: "mmlu" }, never)).toBe(false);
  });
});
