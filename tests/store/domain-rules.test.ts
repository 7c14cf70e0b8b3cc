// The rules of src/domain that both adapters restate (the memory store calls them; cypher/ writes
// them out): on every store, the answers of the relations and of coverage that follow a rule are
// what the rule computes from the store's own snapshot. Model.country (domain/model-country.ts);
// in-scope omissions and coverage (domain/scope.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphBatch, NodeRecord, RelationshipRecord } from "../../src/domain/graph.js";
import { uidOf } from "../../src/domain/graph.js";
import { effectiveCountry, type CountryLinks } from "../../src/domain/model-country.js";
import { coverageOf, coverageRows, isInScopeOmission, type ReportLinks } from "../../src/domain/scope.js";
import type { GraphSlice, GraphStore } from "../../src/store/port.js";
import { openSeeded, STORE_CASES, counted } from "../helpers/stores.js";

const ALL = { after: null, limit: 100_000 };
const sources = ["seed-curation"];

/** Reports of every kind of scope, complete or not, including one model and claiming another omitted. */
const reports: GraphBatch = {
  nodes: [
    { kind: "Report", key: "rule-period", props: { name: "Rule period", scopeModelKind: "FOUNDATION", scopeReleasedFrom: "2023-01-01", scopeReleasedTo: "2023-12-31", scopeInclusionsComplete: true, sources } },
    { kind: "Report", key: "rule-from", props: { name: "Rule from", scopeReleasedFrom: "2023-08-01", scopeInclusionsComplete: true, sources } },
    { kind: "Report", key: "rule-kind-open", props: { name: "Rule kind, open", scopeModelKind: "FOUNDATION", scopeInclusionsComplete: false, sources } },
  ],
  relationships: ["rule-period", "rule-from", "rule-kind-open"].flatMap((key): RelationshipRecord[] => [
    { type: "INCLUDES", from: { kind: "Report", key }, to: { kind: "Model", key: "gpt-4" }, key: "", props: { sources } },
    { type: "OMITS", from: { kind: "Report", key }, to: { kind: "Model", key: "hyperclova-x" }, key: "", props: { sources, basis: "claimed by a test" } },
  ]),
};

/** What the rules read, taken from a snapshot. */
function linksOf(slice: GraphSlice) {
  const out = new Map<string, Array<{ type: string; to: string; order: unknown }>>();
  for (const e of slice.edges) {
    const list = out.get(uidOf(e.from)) ?? [];
    list.push({ type: e.type, to: uidOf(e.to), order: e.props.order });
    out.set(uidOf(e.from), list);
  }
  const kinds = new Map(slice.nodes.map((n) => [uidOf(n), n.kind]));
  const targets = (uid: string, type: string, kind: string) => (out.get(uid) ?? []).filter((r) => r.type === type && kinds.get(r.to) === kind);
  const country: CountryLinks = {
    ownCountries: (m) => targets(m, "ORIGINATES_IN", "Country").map((r) => r.to),
    developers: (m) => targets(m, "DEVELOPED_BY", "Organization").map((r) => ({ uid: r.to, order: r.order })),
    headquarters: (o) => targets(o, "HEADQUARTERED_IN", "Country").map((r) => r.to),
  };
  const report = (r: string, m: string): ReportLinks => ({
    included: targets(r, "INCLUDES", "Model").some((x) => x.to === m),
    claimed: targets(r, "OMITS", "Model").some((x) => x.to === m),
  });
  return { country, report };
}

describe.each(STORE_CASES)("domain rules, as the store answers them [$name]", (storeCase) => {
  let store: GraphStore;
  let models: NodeRecord[];
  let countries: NodeRecord[];
  let allReports: NodeRecord[];
  let links: ReturnType<typeof linksOf>;

  beforeAll(async () => {
    store = await openSeeded(storeCase);
    await store.write(reports);
    const slice = await store.snapshot();
    models = slice.nodes.filter((n) => n.kind === "Model");
    countries = slice.nodes.filter((n) => n.kind === "Country");
    allReports = slice.nodes.filter((n) => n.kind === "Report");
    links = linksOf(slice);
  });
  afterAll(() => store.close());

  it("model-country is each model's effective country", async () => {
    const pages = await store.related("model-country", models.map((m) => m.key), null, ALL);
    const answered = pages.map((p) => (p.items[0] ? uidOf(p.items[0].node) : null));
    const expected = models.map((m) => effectiveCountry(links.country, uidOf(m)));
    expect(answered).toEqual(expected);
    expect(expected.filter((c) => c !== null).length).toBeGreaterThan(0);
  });

  it("country-models holds the models whose effective country it is", async () => {
    const pages = await store.related("country-models", countries.map((c) => c.key), null, ALL);
    for (const [i, country] of countries.entries()) {
      const expected = models.filter((m) => effectiveCountry(links.country, uidOf(m)) === uidOf(country)).map(uidOf).sort();
      expect(pages[i].items.map((item) => uidOf(item.node)).sort(), country.key).toEqual(expected);
    }
  });

  it("in-scope omissions, of reports and of models, are the pairs the rule names", async () => {
    const expected = (r: NodeRecord, m: NodeRecord) => isInScopeOmission(r.props, m.props, links.report(uidOf(r), uidOf(m)));
    const byReport = await store.related("report-in-scope-omissions", allReports.map((r) => r.key), null, ALL);
    for (const [i, report] of allReports.entries()) {
      expect(byReport[i].items.map((item) => uidOf(item.node)).sort(), report.key).toEqual(models.filter((m) => expected(report, m)).map(uidOf).sort());
    }
    const byModel = await store.related("model-in-scope-omitted-from", models.map((m) => m.key), null, ALL);
    for (const [i, model] of models.entries()) {
      expect(byModel[i].items.map((item) => uidOf(item.node)).sort(), model.key).toEqual(allReports.filter((r) => expected(r, model)).map(uidOf).sort());
    }
    expect(byReport.some((p) => counted(p).totalCount > 0)).toBe(true);
  });

  it("coverage is each report's models counted by the rule, by country", async () => {
    const answered = await store.coverage(allReports.map((r) => r.key));
    for (const [i, report] of allReports.entries()) {
      const counted = models.flatMap((m) => {
        const counts = coverageOf(report.props, m.props, links.report(uidOf(report), uidOf(m)));
        const country = effectiveCountry(links.country, uidOf(m));
        return counts ? [{ countryCode: country ? country.slice("Country:".length) : null, ...counts }] : [];
      });
      expect(answered[i], report.key).toEqual(coverageRows(counted));
    }
  });
});
