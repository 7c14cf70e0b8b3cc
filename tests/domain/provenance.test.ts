// Provenance rules (domain/provenance.ts): curated sources outrank a dataset; a tie keeps the held value.
import { describe, expect, it } from "vitest";
import { disagree, outranks, rankClaims, type ClaimInput } from "../../src/domain/provenance.js";

const claim = (value: string, source: string, sourceKind: ClaimInput["sourceKind"], held: boolean): ClaimInput => ({ property: "country", value, source, sourceKind, held });

describe("rankClaims", () => {
  it("prefers the curated claim over the dataset's, whichever is held", () => {
    const ranked = rankClaims([claim("JP", "ecosystem-graphs", "DATASET", false), claim("KR", "msit-2024-04-17", "GOVERNMENT_STATEMENT", true)]);
    expect(ranked.map((c) => [c.value, c.preferred])).toEqual([["KR", true], ["JP", false]]);
    const flipped = rankClaims([claim("JP", "ecosystem-graphs", "DATASET", true), claim("KR", "seed-curation", "CURATION", false)]);
    expect(flipped.map((c) => [c.value, c.preferred])).toEqual([["KR", true], ["JP", false]]);
  });

  it("keeps the held value on a tie, and prefers every claim of the preferred value", () => {
    const ranked = rankClaims([claim("2024-08-08", "eg", "DATASET", false), claim("2024-05-13", "eg", "DATASET", true), claim("2024-05-13", "other", "DATASET", false)]);
    expect(ranked.map((c) => [c.value, c.source, c.preferred])).toEqual([
      ["2024-05-13", "eg", true],
      ["2024-05-13", "other", true],
      ["2024-08-08", "eg", false],
    ]);
  });

  it("ranks a source the graph does not know below every kind", () => {
    const ranked = rankClaims([claim("A", "unknown", null, true), claim("B", "eg", "DATASET", false)]);
    expect(ranked[0]).toMatchObject({ value: "B", preferred: true });
  });
});

describe("outranks and disagree", () => {
  it("lets a dataset fill a gap but never replace a held value", () => {
    expect(outranks("DATASET", [])).toBe(true);
    expect(outranks("DATASET", ["CURATION"])).toBe(false);
    expect(outranks("DATASET", ["DATASET"])).toBe(false);
    expect(outranks("CURATION", ["DATASET"])).toBe(true);
  });

  it("sees a disagreement only between different values", () => {
    expect(disagree([{ value: "KR" }, { value: "KR" }])).toBe(false);
    expect(disagree([{ value: "KR" }, { value: "JP" }])).toBe(true);
  });
});

describe("a SYNTHETIC source", () => {
  it("is the weakest kind: it outranks nothing, and every real kind outranks it", () => {
    for (const real of ["CURATION", "GOVERNMENT_STATEMENT", "REPORT", "NEWS_ARTICLE", "DATASET"] as const) {
      expect(outranks("SYNTHETIC", [real])).toBe(false);
      expect(outranks(real, ["SYNTHETIC"])).toBe(true);
    }
    const ranked = rankClaims([claim("CN", "synthetic-dataset-01", "SYNTHETIC", true), claim("KR", "ecosystem-graphs", "DATASET", false)]);
    expect(ranked.map((c) => [c.value, c.preferred])).toEqual([["KR", true], ["CN", false]]);
  });
});
