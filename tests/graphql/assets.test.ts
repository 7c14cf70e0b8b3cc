// Assets through GraphQL after the whole Ecosystem Graphs import, on every store: the issue's
// acceptance facts, claims and conflicts, batching of the asset relations, and the queries of
// docs/importing.md. Skipped when the snapshot is not on this machine.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { importEcosystemGraphs } from "../../src/importers/ecosystem-graphs/import.js";
import type { GraphStore } from "../../src/store/port.js";
import { hasSnapshot, SNAPSHOT_DIR } from "../helpers/ecosystem-graphs.js";
import { execute, query } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

const SOURCE = "ecosystem-graphs-2025-01-24";
const DOC_QUERIES = [...readFileSync(path.join(PROJECT_ROOT, "docs", "importing.md"), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

describe.skipIf(!hasSnapshot).each(STORE_CASES)("assets through GraphQL after the Ecosystem Graphs import [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
    await importEcosystemGraphs(store, SNAPSHOT_DIR);
  }, 120_000);
  afterAll(() => store.close());

  it("finds one Naver, holding HyperCLOVA and HyperCLOVA X", async () => {
    const data = await query(store, `{ organizations(filter: { nameContains: "naver" }) { totalCount nodes { slug models { nodes { name } } } } }`);
    expect(data.organizations.totalCount).toBe(1);
    expect(data.organizations.nodes[0].slug).toBe("naver");
    expect(data.organizations.nodes[0].models.nodes.map((m: any) => m.name)).toEqual(["HyperCLOVA", "HyperCLOVA X"]);
  });

  it("keeps konan-llm in KR, with the dataset's Japan as a claim that is not preferred", async () => {
    const data = await query(store, `{ model(slug: "konan-llm") { country { code } developers { slug } claims(property: "country") { value preferred source { slug kind } } } }`);
    expect(data.model.country.code).toBe("KR");
    expect(data.model.developers).toEqual([{ slug: "konan-technology" }]);
    expect(data.model.claims).toEqual([
      { value: "KR", preferred: true, source: { slug: "msit-2024-04-17", kind: "GOVERNMENT_STATEMENT" } },
      { value: "JP", preferred: false, source: { slug: SOURCE, kind: "DATASET" } },
    ]);
  });

  it("knows OpenHermes 2.5 Mistral by Nous Research and ACT-1 of 2022-09-14", async () => {
    const data = await query(store, `{
      hermes: models(filter: { nameContains: "OpenHermes 2.5 Mistral" }) { nodes { developers { slug } parameters notes { field } } }
      act1: model(slug: "act-1") { name releaseDate releaseDatePrecision sources { slug } }
    }`);
    expect(data.hermes.nodes).toEqual([{ developers: [{ slug: "nous-research" }], parameters: 7e9, notes: [{ field: "developers" }] }]);
    expect(data.act1).toEqual({ name: "ACT-1", releaseDate: "2022-09-14", releaseDatePrecision: null, sources: [{ slug: SOURCE }] });
  });

  it("lists every disagreement, the curated claim preferred", async () => {
    const data = await query(store, `{ conflicts { subject { slug } property claims { value preferred source { kind } } } }`);
    expect(data.conflicts.map((c: any) => [c.subject.slug, c.property])).toEqual([
      ["gpt-4o", "releaseDate"],
      ["hyperclova-x", "releaseDate"],
      ["imagen-3", "releaseDate"],
      ["konan-llm", "country"],
    ]);
    const hyperclova = data.conflicts[1];
    expect(hyperclova.claims).toEqual([
      { value: "2023-08-24", preferred: true, source: { kind: "CURATION" } },
      { value: "2024-04-13", preferred: false, source: { kind: "DATASET" } },
    ]);
  });

  it("shows agreeing sources as claims of one preferred value", async () => {
    const data = await query(store, `{ model(slug: "gpt-4") { claims { property value preferred source { slug } } } }`);
    expect(data.model.claims).toEqual([
      { property: "releaseDate", value: "2023-03-14", preferred: true, source: { slug: "seed-curation" } },
      { property: "releaseDate", value: "2023-03-14", preferred: true, source: { slug: SOURCE } },
      // GPT-4's country is OpenAI's headquarters (seed-curation): a derived claim, citing no source.
      { property: "country", value: "US", preferred: true, source: null },
      { property: "country", value: "US", preferred: true, source: { slug: SOURCE } },
      // Claims list the training cost too, a fact curation can replace (its history stays readable).
      { property: "trainingCostUsd", value: "78352034", preferred: true, source: { slug: "ai-index-2024" } },
      { property: "trainingCostUsd", value: "78352034", preferred: true, source: { slug: "kyunghyang-2024-04-17-ai-index" } },
    ]);
  });

  it("reaches datasets, applications and placeholders through the Asset interface", async () => {
    const data = await query(store, `{
      asset(slug: "common-crawl") { __typename name unresolved dependents(first: 3) { totalCount nodes { __typename } } }
      datasets(first: 1) { totalCount }
      applications(first: 1) { totalCount }
    }`);
    expect(data.asset).toMatchObject({ __typename: "UnresolvedAsset", name: "Common Crawl", unresolved: true });
    expect(data.asset.dependents.totalCount).toBeGreaterThan(5);
    expect([data.datasets.totalCount, data.applications.totalCount]).toEqual([112, 98]);
  });

  it("makes one store call per field per level for dependencies and dependents, whatever the number of parents", async () => {
    const deep = `query($first: Int) { model(slug: "llama-2") { dependents(first: $first) { nodes { name
      dependencies(first: $first) { nodes { name developers { slug } dependents(first: $first) { totalCount } } }
      claims { value } country { code } developers { slug } } } } }`;
    const batched = await execute(store, deep, { first: 50 });
    const unbatched = await execute(store, deep, { first: 50 }, { batching: false });
    expect(batched.errors).toBeUndefined();
    expect(unbatched.data).toEqual(batched.data);
    const parents = batched.data!.model.dependents.nodes;
    // The levels mix models, datasets and applications; each field is still one call per level
    // (the country and claims fallbacks through the developer add at most two each).
    expect(new Set(parents.map((n: any) => n.name)).size).toBeGreaterThan(10);
    expect(batched.storeCalls).toBeLessThanOrEqual(14);
    expect(unbatched.storeCalls).toBeGreaterThan(batched.storeCalls + 3 * parents.length);
  });

  it.each(DOC_QUERIES.map((q, i) => [i + 1, q]))("runs query %i of docs/importing.md without errors", async (_n, text) => {
    const result = await execute(store, text as string);
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data!).every((v) => v !== null)).toBe(true);
  });
});
