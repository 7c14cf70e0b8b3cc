// Curation mutations (issue: hardening): a curator's key is needed; each mutation validates its
// input naming the field, refuses unknown references, cites a source, and writes ONE batch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GraphBatch } from "../../src/domain/graph.js";
import type { Auth } from "../../src/graphql/context.js";
import type { GraphStore, WriteOptions } from "../../src/store/port.js";
import { execute, query } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

const ALICE: Auth = { kind: "curator", curator: "alice" };
const INJECTION = `"}) MATCH (n) DETACH DELETE n //`;

/** The store, with every write it receives recorded. */
function recording(store: GraphStore, writes: GraphBatch[]): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === "write") return (batch: GraphBatch, options?: WriteOptions) => (writes.push(batch), target.write(batch, options));
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const UPSERT_MODEL = `mutation($input: ModelInput!) { upsertModel(input: $input) { slug name nameKo aliases releaseDate organization { slug } country { code } sources { slug kind } } }`;

describe.each(STORE_CASES)("curation [$name]", (storeCase) => {
  let seeded: GraphStore;
  let store: GraphStore;
  let writes: GraphBatch[];
  beforeAll(async () => {
    seeded = await openSeeded(storeCase);
  });
  afterAll(() => seeded.close());
  beforeEach(() => {
    writes = [];
    store = recording(seeded, writes);
  });

  const asAlice = (text: string, variables: Record<string, unknown> = {}) => execute(store, text, variables, { auth: ALICE });

  it("refuses mutations without a key and with a wrong one, writing nothing", async () => {
    const before = await store.counts();
    const input = { slug: "no-key-model", name: "No key", organizationSlug: "naver" };
    for (const auth of [undefined, { kind: "invalid" } as const]) {
      const result = await execute(store, UPSERT_MODEL, { input }, { auth });
      expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      expect(result.data).toBeNull();
    }
    // Even an invalid input is refused for the missing key first: nobody learns the rules anonymously.
    const invalid = await execute(store, UPSERT_MODEL, { input: { ...input, name: "" } });
    expect(invalid.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(writes).toEqual([]);
    expect(await store.counts()).toEqual(before);
  });

  it("upserts a model with a valid key in one write, citing the curator, and the change is readable", async () => {
    const input = { slug: "solar-10-7b", name: "SOLAR 10.7B", organizationSlug: "naver", nameKo: "솔라", aliases: ["Solar"], releaseDate: "2023-12-13", countryCode: "kr" };
    const result = await asAlice(UPSERT_MODEL, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data!.upsertModel).toEqual({
      slug: "solar-10-7b",
      name: "SOLAR 10.7B",
      nameKo: "솔라",
      aliases: ["Solar"],
      releaseDate: "2023-12-13",
      organization: { slug: "naver" },
      country: { code: "KR" },
      sources: [{ slug: "curation-alice", kind: "CURATION" }],
    });
    expect(writes).toHaveLength(1);
    const read = await query(store, `{ model(slug: "solar-10-7b") { name releaseDate } organization(slug: "naver") { models(first: 50) { nodes { slug } } } search(text: "솔라") { ... on Model { slug } } }`);
    expect(read.model).toEqual({ name: "SOLAR 10.7B", releaseDate: "2023-12-13" });
    expect(read.organization.models.nodes.map((m: any) => m.slug)).toContain("solar-10-7b");
    expect(read.search).toContainEqual({ slug: "solar-10-7b" });
  });

  it("updates only the fields given, keeps names searchable, and adds a cited source", async () => {
    await asAlice(UPSERT_MODEL, { input: { slug: "update-me", name: "Update Me", organizationSlug: "naver", nameKo: "업데이트", aliases: ["UM"] } });
    const result = await asAlice(UPSERT_MODEL, { input: { slug: "update-me", name: "Update Me 2", organizationSlug: "naver", sourceSlug: "msit-2024-04-17" } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.upsertModel).toMatchObject({ name: "Update Me 2", nameKo: "업데이트", aliases: ["UM"] });
    expect(result.data!.upsertModel.sources.map((s: any) => s.slug)).toEqual(["curation-alice", "msit-2024-04-17"]);
    const found = await query(store, `{ search(text: "업데이트") { ... on Model { slug } } }`);
    expect(found.search).toEqual([{ slug: "update-me" }]);
  });

  it("refuses an empty or blank name, a bad slug and too many aliases with BAD_USER_INPUT naming the field", async () => {
    const base = { slug: "valid-slug", name: "Valid", organizationSlug: "naver" };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, name: "" }, "input.name"],
      [{ ...base, name: "   " }, "input.name"],
      [{ ...base, slug: "Not A Slug" }, "input.slug"],
      [{ ...base, aliases: Array.from({ length: 21 }, (_, i) => `a${i}`) }, "input.aliases"],
      [{ ...base, name: "x".repeat(201) }, "input.name"],
      [{ ...base, countryCode: "Korea" }, "input.countryCode"],
      [{ ...base, trainingCostUsd: -1 }, "input.trainingCostUsd"],
    ];
    for (const [input, field] of cases) {
      const result = await asAlice(UPSERT_MODEL, { input });
      expect(result.errors?.[0].extensions, field).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(result.errors?.[0].message).toContain(field);
      // The offending value is not echoed back.
      expect(JSON.stringify(result.errors)).not.toContain("xxxxxxxxxx");
    }
    expect(writes).toEqual([]);
  });

  it("refuses references to unknown nodes naming the field, and another curator's source as FORBIDDEN", async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [UPSERT_MODEL, { input: { slug: "m-unknown", name: "M", organizationSlug: "no-such-org" } }, "input.organizationSlug"],
      [UPSERT_MODEL, { input: { slug: "m-unknown", name: "M", organizationSlug: "naver", countryCode: "ZZ" } }, "input.countryCode"],
      [UPSERT_MODEL, { input: { slug: "m-unknown", name: "M", organizationSlug: "naver", sourceSlug: "no-such-source" } }, "input.sourceSlug"],
      [`mutation { recordBenchmarkResult(input: { modelSlug: "gpt-4", benchmarkSlug: "nope", score: 1 }) { score } }`, {}, "input.benchmarkSlug"],
      [`mutation { claimOmission(input: { reportSlug: "nope", modelSlug: "gpt-4" }) { basis } }`, {}, "input.reportSlug"],
      [`mutation { recordObservation(input: { indicatorSlug: "foundation-models", organizationSlug: "nope", year: 2023, value: 1 }) { value } }`, {}, "input.organizationSlug"],
    ];
    for (const [text, variables, field] of cases) {
      const result = await asAlice(text, variables);
      expect(result.errors?.[0].extensions, field).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    await execute(store, UPSERT_MODEL, { input: { slug: "bob-model", name: "Bob's", organizationSlug: "naver" } }, { auth: { kind: "curator", curator: "bob" } });
    const writesBefore = writes.length;
    const forged = await asAlice(UPSERT_MODEL, { input: { slug: "m-forged", name: "M", organizationSlug: "naver", sourceSlug: "curation-bob" } });
    expect(forged.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(writes.length).toBe(writesBefore);
  });

  it("stores an injection string as plain text and changes nothing else", async () => {
    const before = await store.counts();
    const result = await asAlice(UPSERT_MODEL, { input: { slug: "injected", name: INJECTION, organizationSlug: "naver", aliases: [INJECTION, "' OR 1=1 --"] } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.upsertModel.name).toBe(INJECTION);
    const after = await store.counts();
    // One model, one DEVELOPED_BY, and the curation source if it is new.
    expect(after.nodes - before.nodes).toBeGreaterThanOrEqual(1);
    expect(after.nodes - before.nodes).toBeLessThanOrEqual(2);
    expect(after.relationships - before.relationships).toBe(1);
    expect((await query(store, `{ model(slug: "gpt-4") { name } }`)).model.name).toBe("GPT-4");
  });

  it("upserts an organization, and refuses moving it to another country", async () => {
    const text = `mutation($input: OrganizationInput!) { upsertOrganization(input: $input) { slug name kind country { code } sources { slug } } }`;
    const created = await asAlice(text, { input: { slug: "upstage", name: "Upstage", kind: "COMPANY", countryCode: "KR", sourceSlug: "msit-2024-04-17" } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.upsertOrganization).toEqual({ slug: "upstage", name: "Upstage", kind: "COMPANY", country: { code: "KR" }, sources: [{ slug: "msit-2024-04-17" }] });
    const moved = await asAlice(text, { input: { slug: "upstage", name: "Upstage", countryCode: "US" } });
    expect(moved.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.countryCode" });
    const read = await query(store, `{ country(code: "KR") { organizations(first: 100) { nodes { slug } } } }`);
    expect(read.country.organizations.nodes.map((o: any) => o.slug)).toContain("upstage");
  });

  it("records a benchmark result; a new score replaces the old one with its own source", async () => {
    const text = `mutation($input: BenchmarkResultInput!) { recordBenchmarkResult(input: $input) { score model { slug } benchmark { slug } sources { slug } } }`;
    const first = await asAlice(text, { input: { modelSlug: "varco", benchmarkSlug: "mmmu", score: 41.5 } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordBenchmarkResult).toEqual({ score: 41.5, model: { slug: "varco" }, benchmark: { slug: "mmmu" }, sources: [{ slug: "curation-alice" }] });
    const second = await asAlice(text, { input: { modelSlug: "varco", benchmarkSlug: "mmmu", score: 42, sourceSlug: "ai-index-2024" } });
    expect(second.data!.recordBenchmarkResult.sources).toEqual([{ slug: "ai-index-2024" }]);
    const read = await query(store, `{ model(slug: "varco") { benchmarkResults { score benchmark { slug } } } }`);
    expect(read.model.benchmarkResults).toEqual([{ score: 42, benchmark: { slug: "mmmu" } }]);
  });

  it("records observations for a country or an organization, and refuses both or neither", async () => {
    const text = `mutation($input: ObservationInput!) { recordObservation(input: $input) { year value rank indicator { slug } country { code } organization { slug } } }`;
    const forCountry = await asAlice(text, { input: { indicatorSlug: "foundation-models", countryCode: "KR", year: 2031, value: 12, rank: 3 } });
    expect(forCountry.errors).toBeUndefined();
    expect(forCountry.data!.recordObservation).toEqual({ year: 2031, value: 12, rank: 3, indicator: { slug: "foundation-models" }, country: { code: "KR" }, organization: null });
    const read = await query(store, `{ country(code: "KR") { observations(indicator: "foundation-models", year: 2031) { value rank } } }`);
    expect(read.country.observations).toEqual([{ value: 12, rank: 3 }]);
    const both = await asAlice(text, { input: { indicatorSlug: "foundation-models", countryCode: "KR", organizationSlug: "naver", year: 2031, value: 1 } });
    expect(both.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.countryCode" });
    const neither = await asAlice(text, { input: { indicatorSlug: "foundation-models", year: 2031, value: 1 } });
    expect(neither.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const badYear = await asAlice(text, { input: { indicatorSlug: "foundation-models", countryCode: "KR", year: 1800, value: 1 } });
    expect(badYear.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.year" });
  });

  it("records a report's inclusion and an omission claim, both readable from the report", async () => {
    const include = await asAlice(`mutation { setReportInclusion(input: { reportSlug: "ai-index-2024", modelSlug: "hyperclova-x", sourceSlug: "ai-index-2024" }) { slug includedModels(first: 50) { nodes { slug } } } }`);
    expect(include.errors).toBeUndefined();
    expect(include.data!.setReportInclusion.includedModels.nodes.map((m: any) => m.slug)).toContain("hyperclova-x");
    const claim = await asAlice(`mutation { claimOmission(input: { reportSlug: "ai-index-2024", modelSlug: "gpt-4", note: "a test claim" }) { basis note report { slug } model { slug } claimedBy { slug kind } } }`);
    expect(claim.errors).toBeUndefined();
    expect(claim.data!.claimOmission).toEqual({ basis: "CLAIMED", note: "a test claim", report: { slug: "ai-index-2024" }, model: { slug: "gpt-4" }, claimedBy: [{ slug: "curation-alice", kind: "CURATION" }] });
    const read = await query(store, `{ report(slug: "ai-index-2024") { omittedModels { basis model { slug } } } }`);
    expect(read.report.omittedModels).toContainEqual({ basis: "CLAIMED", model: { slug: "gpt-4" } });
  });

  it("marks a report's inclusions complete, which turns on IN_SCOPE omissions", async () => {
    // A foundation model of 2023 (the report's scope) that the report neither includes nor is said to omit.
    await asAlice(UPSERT_MODEL, { input: { slug: "in-scope-2023", name: "In scope", organizationSlug: "naver", modelKind: "FOUNDATION", releaseDate: "2023-06-01" } });
    const text = `mutation($complete: Boolean) { setReportInclusion(input: { reportSlug: "ai-index-2024", modelSlug: "gemini-ultra", inclusionsComplete: $complete }) { scope { inclusionsComplete } } }`;
    const result = await asAlice(text, { complete: true });
    expect(result.errors).toBeUndefined();
    expect(result.data!.setReportInclusion.scope.inclusionsComplete).toBe(true);
    const read = await query(store, `{ report(slug: "ai-index-2024") { omittedModels { basis model { slug } } } search(text: "AI Index") { ... on Report { slug } } }`);
    expect(read.report.omittedModels).toContainEqual({ basis: "IN_SCOPE", model: { slug: "in-scope-2023" } });
    // The report's names were written with it, so it is still found by name.
    expect(read.search).toContainEqual({ slug: "ai-index-2024" });
    await asAlice(text, { complete: false });
  });

  it("writes each mutation with exactly one store write", async () => {
    await asAlice(UPSERT_MODEL, { input: { slug: "one-write", name: "One write", organizationSlug: "naver", countryCode: "KR", releaseDate: "2024-01-01" } });
    await asAlice(`mutation { upsertOrganization(input: { slug: "one-write-org", name: "One", countryCode: "KR" }) { slug } }`);
    await asAlice(`mutation { recordBenchmarkResult(input: { modelSlug: "one-write", benchmarkSlug: "mmmu", score: 1 }) { score } }`);
    await asAlice(`mutation { recordObservation(input: { indicatorSlug: "foundation-models", organizationSlug: "one-write-org", year: 2030, value: 1 }) { value } }`);
    await asAlice(`mutation { setReportInclusion(input: { reportSlug: "ai-index-2024", modelSlug: "one-write" }) { slug } }`);
    await asAlice(`mutation { claimOmission(input: { reportSlug: "ai-index-2024", modelSlug: "varco" }) { basis } }`);
    expect(writes).toHaveLength(6);
  });
});
