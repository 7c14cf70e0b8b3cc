// What curation does to provenance, through the in-process API on both stores: write rules hold
// under concurrent writes, a replaced value stays readable as a superseded claim, and a derived
// fact says it is derived instead of citing a source that never stated it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Auth } from "../../src/graphql/context.js";
import type { GraphStore } from "../../src/store/port.js";
import { execute, query } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

const ALICE: Auth = { kind: "curator", curator: "alice" };
const BOB: Auth = { kind: "curator", curator: "bob" };
const UPSERT_MODEL = `mutation($input: ModelInput!) { upsertModel(input: $input) { slug releaseDate country { code } } }`;
const UPSERT_ORGANIZATION = `mutation($input: OrganizationInput!) { upsertOrganization(input: $input) { slug country { code } } }`;
const CLAIMS = `query($slug: String!, $property: String) {
  model(slug: $slug) {
    claims(property: $property) {
      property value preferred
      source { slug kind }
      superseded { at curator by { slug } }
      derivedFrom { rule property subject { __typename ... on Organization { slug } } sources { slug } }
    }
  }
}`;
const CODES = ["KR", "US", "JP", "FR", "LU", "GB", "CN", "IL"];

describe.each(STORE_CASES)("curation and provenance [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  const as = (auth: Auth, text: string, variables: Record<string, unknown>) => execute(store, text, variables, { auth });
  const claimsOf = async (slug: string, property: string | null = null) => (await query(store, CLAIMS, { slug, property })).model.claims as any[];

  describe("write rules hold under concurrent writes", () => {
    it("8 concurrent upserts of one model with different countries leave one country claim", async () => {
      const results = await Promise.all(
        CODES.map((countryCode) => as(ALICE, UPSERT_MODEL, { input: { slug: "contested-model", name: "Contested", organizationSlug: "naver", countryCode } })),
      );
      const landed = results.filter((r) => !r.errors);
      expect(landed).toHaveLength(1);
      const held = landed[0].data!.upsertModel.country.code;
      for (const refused of results.filter((r) => r.errors)) {
        expect(refused.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.countryCode" });
        expect(refused.errors![0].message).toBe(`model 'contested-model' originates in ${held}; moving a model to another country is not supported`);
      }
      const claims = await claimsOf("contested-model", "country");
      expect(claims.map((c) => c.value)).toEqual([held]);
      const read = await query(store, `{ model(slug: "contested-model") { country { code } } }`);
      expect(read.model.country.code).toBe(held);
    });

    it("8 concurrent upserts of one organization with different headquarters leave one", async () => {
      const results = await Promise.all(CODES.map((countryCode) => as(ALICE, UPSERT_ORGANIZATION, { input: { slug: "contested-org", name: "Contested", countryCode } })));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      for (const refused of results.filter((r) => r.errors)) expect(refused.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
      const [page] = await store.related("organization-country", ["contested-org"], null, { after: null, limit: 10 });
      expect(page.totalCount).toBe(1);
    });

    it("8 concurrent release dates of one model all land, each replaced one kept as superseded", async () => {
      await as(ALICE, UPSERT_MODEL, { input: { slug: "raced-date", name: "Raced", organizationSlug: "naver", releaseDate: "2020-01-01" } });
      const dates = CODES.map((_, i) => `2021-0${i + 1}-15`);
      const results = await Promise.all(dates.map((releaseDate) => as(ALICE, UPSERT_MODEL, { input: { slug: "raced-date", name: "Raced", organizationSlug: "naver", releaseDate } })));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const claims = await claimsOf("raced-date", "releaseDate");
      const current = claims.filter((c) => !c.superseded);
      expect(current).toHaveLength(1);
      expect(current[0].preferred).toBe(true);
      // Every value the model held before the last is in its history, once: nothing lost to the race.
      const history = claims.filter((c) => c.superseded).map((c) => c.value);
      expect([...history, current[0].value].sort()).toEqual(["2020-01-01", ...dates].sort());
    });
  });

  it("8 concurrent scores of one model on one benchmark all land, each replaced one in the result's history", async () => {
    const text = `mutation($input: BenchmarkResultInput!) { recordBenchmarkResult(input: $input) { score } }`;
    await as(ALICE, UPSERT_MODEL, { input: { slug: "raced-score", name: "Raced score", organizationSlug: "naver" } });
    const scores = CODES.map((_, i) => 40 + i);
    const results = await Promise.all(scores.map((score) => as(ALICE, text, { input: { modelSlug: "raced-score", benchmarkSlug: "mmmu", score } })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const read = await query(store, `{ model(slug: "raced-score") { benchmarkResults { score history { value } } } }`);
    const [result] = read.model.benchmarkResults;
    expect(result.history).toHaveLength(scores.length - 1);
    expect([...result.history.map((h: any) => h.value), result.score].sort()).toEqual(scores);
  });

  it("a Korean name written while 7 other writes of the model race is not written over", async () => {
    await as(ALICE, UPSERT_MODEL, { input: { slug: "named-race", name: "Named", organizationSlug: "naver" } });
    const others = CODES.slice(1).map((_, i) => ({ slug: "named-race", name: "Named", organizationSlug: "naver", releaseDate: `2022-0${i + 1}-01` }));
    const writes = [{ slug: "named-race", name: "Named", organizationSlug: "naver", nameKo: "이름" }, ...others];
    const results = await Promise.all(writes.map((input) => as(BOB, UPSERT_MODEL, { input })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const read = await query(store, `{ model(slug: "named-race") { nameKo } }`);
    expect(read.model.nameKo).toBe("이름");
  });

  describe("nothing is lost by curation", () => {
    it("two curation writes of a release date leave both readable, the later preferred, the earlier superseded with who and when", async () => {
      const before = new Date().toISOString();
      await as(ALICE, UPSERT_MODEL, { input: { slug: "twice-dated", name: "Twice", organizationSlug: "naver", releaseDate: "2023-05-01" } });
      const second = await as(BOB, UPSERT_MODEL, { input: { slug: "twice-dated", name: "Twice", organizationSlug: "naver", releaseDate: "2023-06-01", sourceSlug: "ai-index-2024" } });
      expect(second.errors).toBeUndefined();
      expect(second.data!.upsertModel.releaseDate).toBe("2023-06-01");
      const claims = await claimsOf("twice-dated", "releaseDate");
      expect(claims.map(({ value, preferred, source, superseded }) => ({ value, preferred, source: source.slug, superseded: superseded && { curator: superseded.curator, by: superseded.by.slug } }))).toEqual([
        { value: "2023-06-01", preferred: true, source: "ai-index-2024", superseded: null },
        { value: "2023-05-01", preferred: false, source: "curation-alice", superseded: { curator: "bob", by: "ai-index-2024" } },
      ]);
      // The time of the second write: an ISO date-time, not before the test began.
      const at = claims[1].superseded.at as string;
      expect(new Date(at).toISOString()).toBe(at);
      expect(at >= before).toBe(true);
    });

    it("keeps the seed's release date and its sources when a curator replaces it", async () => {
      const [held] = await claimsOf("gpt-4", "releaseDate");
      await as(ALICE, UPSERT_MODEL, { input: { slug: "gpt-4", name: "GPT-4", organizationSlug: "openai", releaseDate: "2023-03-15" } });
      const claims = await claimsOf("gpt-4", "releaseDate");
      expect(claims[0]).toMatchObject({ value: "2023-03-15", preferred: true, source: { slug: "curation-alice" }, superseded: null });
      expect(claims.find((c) => c.superseded)).toMatchObject({ value: held.value, source: { slug: held.source.slug }, superseded: { curator: "alice" } });
    });

    it("keeps a replaced training cost, and a removed one", async () => {
      await as(ALICE, UPSERT_MODEL, { input: { slug: "costly", name: "Costly", organizationSlug: "naver", trainingCostUsd: 1000 } });
      await as(ALICE, UPSERT_MODEL, { input: { slug: "costly", name: "Costly", organizationSlug: "naver", trainingCostUsd: 2000 } });
      await as(ALICE, UPSERT_MODEL, { input: { slug: "costly", name: "Costly", organizationSlug: "naver", trainingCostUsd: null } });
      const claims = await claimsOf("costly", "trainingCostUsd");
      expect(claims.map((c) => [c.value, Boolean(c.superseded)])).toEqual([
        ["2000", true],
        ["1000", true],
      ]);
    });

    it("a replaced benchmark score stays in the result's history, and the new score cites only its own source", async () => {
      const text = `mutation($input: BenchmarkResultInput!) { recordBenchmarkResult(input: $input) { score } }`;
      await as(ALICE, text, { input: { modelSlug: "exaone-2-0", benchmarkSlug: "mmmu", score: 30, unit: "%" } });
      await as(BOB, text, { input: { modelSlug: "exaone-2-0", benchmarkSlug: "mmmu", score: 31, sourceSlug: "ai-index-2024" } });
      const read = await query(store, `{ model(slug: "exaone-2-0") { benchmarkResults { score sources { slug } history { value unit sources { slug } superseded { curator by { slug } } } benchmark { slug } } } }`);
      const result = read.model.benchmarkResults.find((r: any) => r.benchmark.slug === "mmmu");
      expect(result).toMatchObject({ score: 31, sources: [{ slug: "ai-index-2024" }] });
      expect(result.history).toEqual([{ value: 30, unit: "%", sources: [{ slug: "curation-alice" }], superseded: { curator: "bob", by: { slug: "ai-index-2024" } } }]);
    });

    it("a replaced observation stays in its history", async () => {
      const text = `mutation($input: ObservationInput!) { recordObservation(input: $input) { value } }`;
      const before = await query(store, `{ country(code: "KR") { observations(indicator: "ai-patents-per-100k", year: 2022) { value rank sources { slug } } } }`);
      const [seeded] = before.country.observations;
      await as(ALICE, text, { input: { indicatorSlug: "ai-patents-per-100k", countryCode: "KR", year: 2022, value: 10.5, rank: 2 } });
      const read = await query(store, `{ country(code: "KR") { observations(indicator: "ai-patents-per-100k", year: 2022) { value rank sources { slug } history { value rank sources { slug } superseded { curator } } } } }`);
      expect(read.country.observations).toEqual([
        { value: 10.5, rank: 2, sources: [{ slug: "curation-alice" }], history: [{ value: seeded.value, rank: seeded.rank, sources: seeded.sources, superseded: { curator: "alice" } }] },
      ]);
    });

    it("writing the same value again supersedes nothing", async () => {
      await as(ALICE, UPSERT_MODEL, { input: { slug: "steady", name: "Steady", organizationSlug: "naver", releaseDate: "2022-02-02" } });
      await as(BOB, UPSERT_MODEL, { input: { slug: "steady", name: "Steady", organizationSlug: "naver", releaseDate: "2022-02-02" } });
      const claims = await claimsOf("steady", "releaseDate");
      expect(claims.map((c) => [c.value, c.source.slug, c.superseded])).toEqual([
        ["2022-02-02", "curation-alice", null],
        ["2022-02-02", "curation-bob", null],
      ]);
    });
  });

  describe("a derived fact says it is derived", () => {
    it("a curator's new Naver model has no claim citing the ministry: its country claim is derived from Naver's headquarters", async () => {
      await as(ALICE, UPSERT_MODEL, { input: { slug: "naver-new", name: "Naver New", organizationSlug: "naver" } });
      const claims = await claimsOf("naver-new");
      expect(claims.filter((c) => c.source?.slug === "msit-2024-04-17")).toEqual([]);
      const country = claims.filter((c) => c.property === "country");
      const hq = await store.related("organization-country", ["naver"], null, { after: null, limit: 1 });
      expect(country).toEqual([
        {
          property: "country",
          value: "KR",
          preferred: true,
          source: null,
          superseded: null,
          derivedFrom: { rule: "DEVELOPER_HEADQUARTERS", property: "headquarters", subject: { __typename: "Organization", slug: "naver" }, sources: (hq[0].items[0].rel.sources as string[]).map((slug) => ({ slug })) },
        },
      ]);
    });

    it("a model's own country is a claim of its sources, not derived", async () => {
      await as(ALICE, UPSERT_MODEL, { input: { slug: "naver-own", name: "Naver Own", organizationSlug: "naver", countryCode: "KR" } });
      const [claim] = await claimsOf("naver-own", "country");
      expect(claim).toMatchObject({ value: "KR", source: { slug: "curation-alice" }, derivedFrom: null });
    });
  });
});
