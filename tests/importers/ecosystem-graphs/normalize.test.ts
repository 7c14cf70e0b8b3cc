// Stage 2 (normalize.ts): maps give their value and a note, unknown/none give null, dates and sizes parse.
import { describe, expect, it } from "vitest";
import { developersOf, normalizeDate, normalizeRecord, parseParameters, type AssetRecord } from "../../../src/importers/ecosystem-graphs/normalize.js";
import { VOCABULARY } from "../../../src/importers/ecosystem-graphs/vocabulary.js";

const raw = (value: unknown) => ({ file: "x.yaml", index: 0, value });

function record(value: Record<string, unknown>): { record: AssetRecord; warnings: string[] } {
  const n = normalizeRecord(raw({ type: "model", name: "M", organization: "Acme", ...value }), VOCABULARY);
  if (!n.ok) throw new Error(n.reason);
  return n;
}

describe("parseParameters", () => {
  it.each([
    ["70B parameters (dense)", 70e9],
    ["7B parameters (dense model)", 7e9],
    ["1.75T parameters (dense)", 1.75e12],
    ["2.7B parameters (dense)", 2_700_000_000],
    ["311M parameters", 311e6],
    ["14B parameters with 2.7B parameters for activation (MoE)", 14e9],
    ["61B parameters (sparse); 6.6B active parameters", 61e9],
    ["98B parameters (Dense)", 98e9],
    ["200 GB", null],
    ["70M", null],
    ["13B labels of quantum and biological nature.", null],
    ["unknown", null],
  ])("%s -> %s", (size, parameters) => {
    expect(parseParameters(size)).toBe(parameters);
  });
});

describe("normalizeDate", () => {
  it("keeps a whole date", () => {
    expect(normalizeDate("2022-09-14")).toEqual({ value: { date: "2022-09-14", precision: "DAY" }, warning: null });
  });

  it("takes a month or a year as its first day, with its precision and a warning", () => {
    const month = normalizeDate("2023-05");
    expect(month.value).toEqual({ date: "2023-05-01", precision: "MONTH" });
    expect(month.warning).toMatch(/month only/);
    expect(normalizeDate(2022).value).toEqual({ date: "2022-01-01", precision: "YEAR" });
  });

  it("refuses what is not a calendar date", () => {
    expect(normalizeDate("2023-02-30")).toMatchObject({ value: null });
    expect(normalizeDate("last spring").warning).toMatch(/not a date/);
  });
});

describe("normalizeRecord", () => {
  it("gives a map's value and keeps its explanation as a note", () => {
    const { record: r } = record({
      access: { value: "Open", explanation: "weights on Hugging Face" },
      created_date: { value: "2021-05-21", explanation: "arXiv submission" },
      organization: { value: "Nous Research", explanation: "a personal project" },
    });
    expect(r.access).toBe("open");
    expect(r.releaseDate).toEqual({ date: "2021-05-21", precision: "DAY" });
    expect(r.developers).toEqual(["Nous Research"]);
    expect(r.notes).toEqual({ access: "weights on Hugging Face", releaseDate: "arXiv submission", developers: "a personal project" });
  });

  it("takes unknown, none and empty text as nothing", () => {
    const { record: r } = record({ license: "unknown", size: "", modality: "none", nationality: "Unknown", created_date: "unknown" });
    expect([r.license, r.size, r.modality, r.nationality, r.releaseDate, r.parameters]).toEqual([null, null, null, null, null, null]);
  });

  it("keeps the size as written and parses its parameters", () => {
    const { record: r } = record({ size: "70B parameters (dense)" });
    expect([r.size, r.parameters]).toEqual(["70B parameters (dense)", 70e9]);
  });

  it("splits co-developers and nationalities, and reads dependencies given as a map", () => {
    const { record: r } = record({
      organization: "Microsoft, NVIDIA",
      nationality: "Canada/Switzerland",
      dependencies: { value: ["Llama 2", "BLOOM", "Llama 2"], explanation: "sizes differ" },
    });
    expect(r.developers).toEqual(["Microsoft", "NVIDIA"]);
    expect(r.nationalities).toEqual(["Canada", "Switzerland"]);
    expect(r.dependencies).toEqual(["Llama 2", "BLOOM"]);
    expect(r.notes.dependencies).toBe("sizes differ");
  });

  it("warns about what it cannot take: a map without a value, a stray field, a nameless dependency", () => {
    const { record: r, warnings } = record({ created_date: { explanation: "updated in October" }, value: "2024-10-22", dependencies: ["Unknown", 42] });
    expect(r.releaseDate).toBeNull();
    expect(warnings).toEqual([
      expect.stringMatching(/unknown field `value`/),
      expect.stringMatching(/`created_date` has an explanation but no value/),
      expect.stringMatching(/dependency 'Unknown' names nothing/),
      expect.stringMatching(/dependency 42 is not a name/),
    ]);
  });

  it("skips, with the reason, a record that is not an asset", () => {
    expect(normalizeRecord(raw("text"), VOCABULARY)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a map/) });
    expect(normalizeRecord(raw({ type: "model", name: "  " }), VOCABULARY)).toMatchObject({ ok: false, reason: expect.stringMatching(/no name/) });
    expect(normalizeRecord(raw({ type: "paper", name: "P" }), VOCABULARY)).toMatchObject({ ok: false, name: "P", reason: expect.stringMatching(/type "paper"/) });
  });
});

describe("developersOf", () => {
  it("lists the developers of a value the comma rule cannot split as the vocabulary lists them", () => {
    expect(developersOf("ByteDance and University of Maryland, College Park", VOCABULARY)).toEqual(["ByteDance", "University of Maryland, College Park"]);
    expect(developersOf("Continue Dev, Inc.", VOCABULARY)).toEqual(["Continue Dev, Inc."]);
  });
});
