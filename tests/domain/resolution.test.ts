// Entity resolution rules (domain/resolution.ts, domain/slug.ts): pure, so tested without a store.
import { describe, expect, it } from "vitest";
import { allocateSlug, findMatch, organizationKey, splitDevelopers, withoutLegalSuffix } from "../../src/domain/resolution.js";
import { nameKey, slugOfName } from "../../src/domain/slug.js";

describe("nameKey", () => {
  it.each([
    ["NAVER", "Naver"],
    ["EXAONE 2.0", "Exaone 2.0"],
    ["VARCO-LLM", "VARCO LLM"],
    ["Eleuther AI", "EleutherAI"],
    ["Google Deepmind", "Google DeepMind"],
  ])("'%s' and '%s' are one name", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it("keeps '+' apart, so Command R+ is not Command R", () => {
    expect(nameKey("Command R+")).not.toBe(nameKey("Command R"));
  });
});

describe("slugOfName", () => {
  it.each([
    ["EXAONE 2.0", "exaone-2-0"],
    ["Command R+", "command-r-plus"],
    ["École Normale Supérieure", "ecole-normale-superieure"],
    ["OpenHermes 2.5 Mistral", "openhermes-2-5-mistral"],
  ])("%s -> %s", (name, slug) => {
    expect(slugOfName(name)).toBe(slug);
  });
});

describe("splitDevelopers", () => {
  it.each([
    ["Microsoft, NVIDIA", ["Microsoft", "NVIDIA"]],
    ["Runway AI, Inc.", ["Runway AI, Inc."]],
    ["Samsung Co., Ltd.", ["Samsung Co., Ltd."]],
    ["Acme, Inc., Beta LLC", ["Acme, Inc.", "Beta LLC"]],
    ["Foo Labs, LLC", ["Foo Labs, LLC"]],
    ["Observatoire de Paris, PSL University, and Universit´e Paris-Cit´e.", ["Observatoire de Paris", "PSL University", "Universit´e Paris-Cit´e"]],
    ["NAVER", ["NAVER"]],
    ["  ,  ", []],
  ])("%s", (value, developers) => {
    expect(splitDevelopers(value)).toEqual(developers);
  });
});

describe("organizationKey", () => {
  it("compares without legal forms", () => {
    expect(withoutLegalSuffix("Samsung Co., Ltd.")).toBe("Samsung");
    expect(organizationKey("Baichuan Inc.")).toBe(organizationKey("Baichuan"));
    expect(organizationKey("LAION e.V.")).toBe(organizationKey("LAION"));
    expect(organizationKey("KT Corporation")).not.toBe(organizationKey("KT"));
  });
});

describe("findMatch", () => {
  const candidates = [
    { key: "Model:varco", names: ["VARCO", "VARCO LLM", "VARCO-LLM"], developers: ["ncsoft"] },
    { key: "Model:exaone-2-0", names: ["EXAONE 2.0", "Exaone 2.0"], developers: ["lg-ai-research"] },
    { key: "Model:chatglm", names: ["ChatGLM"], developers: ["chatglm"] },
    { key: "Model:chatglm-team-glm", names: ["ChatGLM"], developers: ["team-glm", "zhipu-ai"] },
    { key: "Model:gauss", names: ["Gauss"], developers: [] },
  ];

  it("finds a held entity by one of its aliases, with the same developer", () => {
    expect(findMatch(candidates, "VARCO-LLM", ["ncsoft"])?.key).toBe("Model:varco");
    expect(findMatch(candidates, "EXAONE 2.0", ["lg-ai-research"])?.key).toBe("Model:exaone-2-0");
  });

  it("takes the same name from another developer as another entity", () => {
    expect(findMatch(candidates, "VARCO-LLM", ["someone-else"])).toBeNull();
  });

  it("tells two entities of one name apart by their developers", () => {
    expect(findMatch(candidates, "ChatGLM", ["zhipu-ai"])?.key).toBe("Model:chatglm-team-glm");
    expect(findMatch(candidates, "ChatGLM", ["chatglm"])?.key).toBe("Model:chatglm");
  });

  it("matches when either side names no developer", () => {
    expect(findMatch(candidates, "Gauss", ["samsung"])?.key).toBe("Model:gauss");
    expect(findMatch(candidates, "Exaone 2.0", [])?.key).toBe("Model:exaone-2-0");
    expect(findMatch(candidates, "Nothing like it", [])).toBeNull();
  });
});

describe("allocateSlug", () => {
  const taken = new Set(["chatglm", "foo", "foo-acme", "foo-2"]);
  it("suffixes a colliding slug with the developer's, then numbers it", () => {
    expect(allocateSlug("ChatGLM", ["team-glm", "zhipu-ai"], (s) => taken.has(s))).toBe("chatglm-team-glm");
    expect(allocateSlug("Foo", ["acme"], (s) => taken.has(s))).toBe("foo-3");
    expect(allocateSlug("Bar", [], (s) => taken.has(s))).toBe("bar");
    expect(allocateSlug("한국어", [], (s) => taken.has(s), "asset")).toBe("asset");
  });
});
