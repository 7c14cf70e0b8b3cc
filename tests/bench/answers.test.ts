// The benchmark's answer check (bench/answers.ts): targets whose answers differ are reported, with
// where they differ; the documented tie orders of a query are the only differences it forgives.
import { describe, expect, it } from "vitest";
import { compareAnswers, firstDifference } from "../../bench/answers.js";
import { QUERIES } from "../../bench/queries.js";

const q = (id: string) => QUERIES.find((x) => x.id === id)!;

describe("benchmark answer check", () => {
  it("finds the first difference, ignoring key order and null versus missing", () => {
    expect(firstDifference({ a: 1, b: [1, { c: null }] }, { b: [1, {}], a: 1 })).toBeNull();
    expect(firstDifference({ a: [1, 2] }, { a: [1, 3] })).toContain("$.a[1]");
    expect(firstDifference([1], [1, 2])).toContain("1 items vs 2 items");
  });

  it("accepts (c)'s search hits in the API's order and reports them in another", () => {
    const api = { search: [{ __typename: "Model", slug: "abcd", name: "Abcd" }, { __typename: "Organization", slug: "abcd-labs", name: "Abcd Labs" }] };
    const same = { search: [{ __typename: "Model", slug: "abcd", name: "Abcd" }, { __typename: "Organization", slug: "abcd-labs", name: "Abcd Labs" }] };
    const swapped = { search: [...same.search].reverse() };
    const floor = [{ kind: "Model", slug: "abcd", name: "Abcd" }, { kind: "Organization", slug: "abcd-labs", name: "Abcd Labs" }];
    const targets = (c: unknown) => [
      { target: "a", kind: "api" as const, answers: [api] },
      { target: "c", kind: "neo4j-graphql" as const, answers: [c] },
      { target: "d", kind: "floor" as const, answers: [floor] },
    ];
    expect(compareAnswers(q("Q5"), [{ text: "abcd" }], targets(same))).toEqual([]);
    const problems = compareAnswers(q("Q5"), [{ text: "abcd" }], targets(swapped));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Q5 \(a\) vs \(c\).*\$\[0\]\.key/);
  });

  it("forgives (c)'s order by name as stored in Q2, not a different page", () => {
    const api = { countries: { nodes: [{ code: "AA", name: "alpha", organizations: { nodes: [] } }, { code: "BB", name: "Beta", organizations: { nodes: [] } }] } };
    const caseOrder = { countries: [{ code: "BB", name: "Beta", organizations: [] }, { code: "AA", name: "alpha", organizations: [] }] };
    const otherPage = { countries: [{ code: "CC", name: "Gamma", organizations: [] }, { code: "AA", name: "alpha", organizations: [] }] };
    const run = (c: unknown) => compareAnswers(q("Q2"), [{ offset: 0 }], [
      { target: "a", kind: "api", answers: [api] },
      { target: "c", kind: "neo4j-graphql", answers: [c] },
    ]);
    expect(run(caseOrder)).toEqual([]);
    expect(run(otherPage)).toHaveLength(1);
  });
});
