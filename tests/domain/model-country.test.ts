// The rule of Model.country (domain/model-country.ts): own country first, else the first developer's
// headquarters; ties broken so that the answer does not depend on the store.
import { describe, expect, it } from "vitest";
import { effectiveCountry, firstDeveloper, type CountryLinks } from "../../src/domain/model-country.js";

function links(graph: { own?: Record<string, string[]>; developers?: Record<string, Array<{ uid: string; order: unknown }>>; hq?: Record<string, string[]> }): CountryLinks {
  return {
    ownCountries: (m) => graph.own?.[m] ?? [],
    developers: (m) => graph.developers?.[m] ?? [],
    headquarters: (o) => graph.hq?.[o] ?? [],
  };
}

describe("effectiveCountry", () => {
  it("is the model's own country, the least by code point when it has several", () => {
    const g = links({ own: { m: ["Country:US", "Country:KR"] }, developers: { m: [{ uid: "Organization:a", order: 0 }] }, hq: { "Organization:a": ["Country:FR"] } });
    expect(effectiveCountry(g, "m")).toBe("Country:KR");
  });

  it("is else the headquarters of the first developer by order, not of the others", () => {
    const g = links({
      developers: { m: [{ uid: "Organization:b", order: 2 }, { uid: "Organization:a", order: 1 }] },
      hq: { "Organization:a": ["Country:KR", "Country:AE"], "Organization:b": ["Country:US"] },
    });
    expect(effectiveCountry(g, "m")).toBe("Country:AE");
  });

  it("is null when the first developer has no headquarters, even if a later one has", () => {
    const g = links({ developers: { m: [{ uid: "Organization:a", order: 0 }, { uid: "Organization:b", order: 1 }] }, hq: { "Organization:b": ["Country:US"] } });
    expect(effectiveCountry(g, "m")).toBeNull();
    expect(effectiveCountry(links({}), "m")).toBeNull();
  });
});

describe("firstDeveloper", () => {
  it("takes the least order, a missing order last, ties by uid", () => {
    expect(firstDeveloper([{ uid: "b", order: 1 }, { uid: "a", order: 1 }, { uid: "c", order: 0 }])?.uid).toBe("c");
    expect(firstDeveloper([{ uid: "a", order: null }, { uid: "b", order: 5 }])?.uid).toBe("b");
    expect(firstDeveloper([{ uid: "b", order: undefined }, { uid: "a", order: null }])?.uid).toBe("a");
    expect(firstDeveloper([])).toBeNull();
  });
});
