import { describe, expect, it } from "vitest";
import { normalizeName, slugify } from "../../src/domain/slug.js";
import { searchScore, tokenize } from "../../src/domain/search.js";

describe("slugify", () => {
  it.each([
    ["EXAONE 2.0", "exaone-2-0"],
    ["LG AI Research", "lg-ai-research"],
    ["GPT-4", "gpt-4"],
    ["  --Gemini   Ultra!! ", "gemini-ultra"],
    ["HyperCLOVA X", "hyperclova-x"],
  ])("%s -> %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("drops letters outside a-z (Korean names need an explicit slug)", () => {
    expect(slugify("엑사원 2.0")).toBe("2-0");
  });
});

describe("names and search", () => {
  it("normalizes case, spacing and punctuation but keeps every script", () => {
    expect(normalizeName("  VARCO-LLM ")).toBe("varco llm");
    expect(normalizeName("하이퍼클로바X")).toBe("하이퍼클로바x");
  });

  it("tokenizes Korean and Latin alike", () => {
    expect(tokenize("엑사원 2.0, HyperCLOVA-X")).toEqual(["엑사원", "2", "0", "hyperclova", "x"]);
  });

  it("scores an exact name above a prefix above a word match, and 0 for no match", () => {
    const node = (name: string, aliases: string[] = []) => ({ kind: "Model" as const, key: "k", props: { name, aliases } });
    expect(searchScore(node("GPT-4"), "gpt 4")).toBe(3);
    expect(searchScore(node("Gemini Ultra"), "gemini")).toBe(2);
    expect(searchScore(node("Samsung Gauss"), "gauss")).toBe(1);
    expect(searchScore(node("Samsung Gauss", ["가우스"]), "가우")).toBe(2);
    expect(searchScore(node("GPT-4"), "claude")).toBe(0);
  });
});
