// A report's scope and what follows from it (domain/scope.ts): in scope, in-scope omissions, coverage.
import { describe, expect, it } from "vitest";
import { coverageOf, coverageRows, hasScope, inScope, isInScopeOmission, scopePeriod } from "../../src/domain/scope.js";

const report = { scopeModelKind: "FOUNDATION", scopeReleasedFrom: "2023-01-01", scopeReleasedTo: "2023-12-31", scopeInclusionsComplete: true };
const inside = { modelKind: "FOUNDATION", releaseDate: "2023-06-01" };
const none = { included: false, claimed: false };

describe("inScope", () => {
  it("needs a declared scope", () => {
    expect(hasScope({})).toBe(false);
    expect(inScope({}, inside)).toBe(false);
    expect(scopePeriod({ scopeModelKind: "FOUNDATION" })).toBeNull();
  });

  it("checks the model kind and both ends of the period, inclusive", () => {
    expect(inScope(report, inside)).toBe(true);
    expect(inScope(report, { ...inside, releaseDate: "2023-01-01" })).toBe(true);
    expect(inScope(report, { ...inside, releaseDate: "2023-12-31" })).toBe(true);
    expect(inScope(report, { ...inside, releaseDate: "2024-01-01" })).toBe(false);
    expect(inScope(report, { ...inside, modelKind: "OTHER" })).toBe(false);
  });

  it("leaves a model without a release date out of a period, not out of a kind-only scope", () => {
    expect(inScope(report, { modelKind: "FOUNDATION" })).toBe(false);
    expect(inScope({ scopeModelKind: "FOUNDATION" }, { modelKind: "FOUNDATION" })).toBe(true);
    expect(inScope({ scopeReleasedFrom: "2023-08-01" }, { releaseDate: "2023-09-01" })).toBe(true);
    expect(scopePeriod({ scopeReleasedTo: "2023-07-31" })).toEqual({ from: null, to: "2023-07-31" });
  });
});

describe("isInScopeOmission", () => {
  it("is a model in scope that the report neither includes nor is claimed to omit, when its inclusions are complete", () => {
    expect(isInScopeOmission(report, inside, none)).toBe(true);
    expect(isInScopeOmission(report, inside, { included: true, claimed: false })).toBe(false);
    expect(isInScopeOmission(report, inside, { included: false, claimed: true })).toBe(false);
    expect(isInScopeOmission({ ...report, scopeInclusionsComplete: false }, inside, none)).toBe(false);
    expect(isInScopeOmission(report, { ...inside, releaseDate: "2022-01-01" }, none)).toBe(false);
  });
});

describe("coverage", () => {
  it("counts a model included, claimed or in scope; omitted when claimed, or in scope and missing from complete inclusions", () => {
    expect(coverageOf(report, { modelKind: "OTHER" }, none)).toBeNull();
    expect(coverageOf(report, inside, none)).toEqual({ inScope: true, included: false, omitted: true });
    expect(coverageOf({ ...report, scopeInclusionsComplete: false }, inside, none)).toEqual({ inScope: true, included: false, omitted: false });
    expect(coverageOf(report, { modelKind: "OTHER" }, { included: false, claimed: true })).toEqual({ inScope: false, included: false, omitted: true });
    expect(coverageOf(report, inside, { included: true, claimed: false })).toEqual({ inScope: true, included: true, omitted: false });
  });

  it("adds up by country code, ordered by code with the unknown country last", () => {
    const rows = coverageRows([
      { countryCode: null, inScope: true, included: false, omitted: true },
      { countryCode: "US", inScope: true, included: true, omitted: false },
      { countryCode: "KR", inScope: true, included: false, omitted: true },
      { countryCode: "US", inScope: false, included: false, omitted: true },
    ]);
    expect(rows).toEqual([
      { countryCode: "KR", inScope: 1, included: 0, omitted: 1 },
      { countryCode: "US", inScope: 1, included: 1, omitted: 1 },
      { countryCode: null, inScope: 1, included: 0, omitted: 1 },
    ]);
  });
});
