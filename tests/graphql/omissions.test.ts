// Report coverage (issue: report coverage): what a report included, what it omitted, who says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphBatch } from "../../src/domain/graph.js";
import type { GraphStore } from "../../src/store/port.js";
import { query } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

const KOREAN_MODELS = ["exaone-2-0", "hyperclova-x", "konan-llm", "samsung-gauss", "varco"];

/** A report that declares its scope (foundation models of 2023) and lists all it includes: GPT-4 only. */
const SCOPED_REPORT: GraphBatch = {
  nodes: [
    {
      kind: "Report",
      key: "test-scoped-report",
      props: {
        name: "A report whose inclusions are complete",
        scopeModelKind: "FOUNDATION",
        scopeReleasedFrom: "2023-01-01",
        scopeReleasedTo: "2023-12-31",
        scopeInclusionsComplete: true,
        scopeSources: ["seed-curation"],
        sources: ["seed-curation"],
      },
    },
  ],
  relationships: [
    { type: "INCLUDES", from: { kind: "Report", key: "test-scoped-report" }, to: { kind: "Model", key: "gpt-4" }, key: "", props: { sources: ["seed-curation"] } },
    { type: "OMITS", from: { kind: "Report", key: "test-scoped-report" }, to: { kind: "Model", key: "varco" }, key: "", props: { basis: "CLAIMED", sources: ["msit-2024-04-17"] } },
  ],
};

describe.each(STORE_CASES)("report omissions [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("knows the AI Index 2024 included Gemini Ultra and GPT-4 and is said to have omitted five Korean models", async () => {
    const data = await query(
      store,
      `{ report(slug: "ai-index-2024") {
          includedModels { totalCount nodes { slug } }
          omittedModels { basis note report { slug } model { slug country { code } } claimedBy { kind slug } }
          scope { modelKind releasedFrom releasedTo inclusionsComplete sources { kind } }
          publisher { slug } } }`,
    );
    const report = data.report;
    expect(report.includedModels).toEqual({ totalCount: 2, nodes: [{ slug: "gemini-ultra" }, { slug: "gpt-4" }] });
    expect(report.omittedModels.map((o: any) => o.model.slug)).toEqual(KOREAN_MODELS);
    for (const omission of report.omittedModels) {
      expect(omission.basis).toBe("CLAIMED");
      expect(omission.report.slug).toBe("ai-index-2024");
      expect(omission.model.country.code).toBe("KR");
      expect(omission.claimedBy).toEqual([{ kind: "GOVERNMENT_STATEMENT", slug: "msit-2024-04-17" }]);
    }
    expect(report.scope).toMatchObject({ modelKind: "FOUNDATION", releasedFrom: "2023-01-01", releasedTo: "2023-12-31", inclusionsComplete: false });
    expect(report.publisher.slug).toBe("stanford-hai");
  });

  it("answers from the model's side too", async () => {
    const data = await query(store, `{ varco: model(slug: "varco") { omittedFrom { basis report { slug } } includedIn { slug } } gpt: model(slug: "gpt-4") { omittedFrom { basis } includedIn { slug } } }`);
    expect(data.varco).toEqual({ omittedFrom: [{ basis: "CLAIMED", report: { slug: "ai-index-2024" } }], includedIn: [] });
    expect(data.gpt).toEqual({ omittedFrom: [], includedIn: [{ slug: "ai-index-2024" }] });
  });

  it("counts coverage per country", async () => {
    const data = await query(store, `{ report(slug: "ai-index-2024") { coverage { country { code } inScope included omitted } } }`);
    expect(data.report.coverage).toEqual([
      // In scope: released in 2023 with a known date (Konan LLM and VARCO have none recorded).
      { country: { code: "KR" }, inScope: 3, included: 0, omitted: 5 },
      { country: { code: "US" }, inScope: 2, included: 2, omitted: 0 },
    ]);
  });

  describe("with a report whose scope catches models it does not include", () => {
    beforeAll(async () => {
      await store.write(SCOPED_REPORT);
    });

    it("infers IN_SCOPE omissions, after the CLAIMED ones and without repeating them", async () => {
      const data = await query(store, `{ report(slug: "test-scoped-report") { omittedModels { basis model { slug } claimedBy { slug } } coverage { country { code } inScope included omitted } } }`);
      expect(data.report.omittedModels).toEqual([
        { basis: "CLAIMED", model: { slug: "varco" }, claimedBy: [{ slug: "msit-2024-04-17" }] },
        { basis: "IN_SCOPE", model: { slug: "exaone-2-0" }, claimedBy: [] },
        { basis: "IN_SCOPE", model: { slug: "gemini-ultra" }, claimedBy: [] },
        { basis: "IN_SCOPE", model: { slug: "hyperclova-x" }, claimedBy: [] },
        { basis: "IN_SCOPE", model: { slug: "samsung-gauss" }, claimedBy: [] },
      ]);
      expect(data.report.coverage).toEqual([
        { country: { code: "KR" }, inScope: 3, included: 0, omitted: 4 },
        { country: { code: "US" }, inScope: 2, included: 1, omitted: 1 },
      ]);
    });

    it("lists the inferred omission from the model's side", async () => {
      const data = await query(store, `{ model(slug: "gemini-ultra") { omittedFrom { basis report { slug } } } }`);
      expect(data.model.omittedFrom).toEqual([{ basis: "IN_SCOPE", report: { slug: "test-scoped-report" } }]);
    });

    it("infers nothing for a report whose inclusions are not complete", async () => {
      const data = await query(store, `{ report(slug: "ai-index-2024") { omittedModels { basis } } }`);
      expect(data.report.omittedModels.every((o: any) => o.basis === "CLAIMED")).toBe(true);
    });
  });
});
