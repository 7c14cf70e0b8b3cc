// Write rules checked inside the write's transaction (port.WriteOptions, domain/preconditions.ts),
// on both stores: concurrent writes that each pass the rule alone cannot all land.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphBatch, NodeRecord } from "../../src/domain/graph.js";
import type { Precondition } from "../../src/domain/preconditions.js";
import { PreconditionFailedError, StoreInputError, type GraphStore } from "../../src/store/port.js";
import { STORE_CASES } from "../helpers/stores.js";

const country = (code: string): NodeRecord => ({ kind: "Country", key: code, props: { name: code, nameKo: null, aliases: [], sources: [] } });
const model = (slug: string, props: Record<string, unknown> = {}): NodeRecord => ({
  kind: "Model",
  key: slug,
  props: { name: slug, nameKo: null, aliases: [], sources: ["s"], ...props } as NodeRecord["props"],
});
const source: NodeRecord = { kind: "Source", key: "s", props: { name: "S", nameKo: null, aliases: [], sourceKind: "CURATION", sources: [] } };

/** A model that originates in `code`, written only if it originates nowhere else. */
function placing(slug: string, code: string): [GraphBatch, { preconditions: Precondition[] }] {
  const from = { kind: "Model" as const, key: slug };
  const to = { kind: "Country" as const, key: code };
  return [
    { nodes: [model(slug)], relationships: [{ type: "ORIGINATES_IN", from, to, key: "", props: { sources: ["s"] } }] },
    { preconditions: [{ kind: "KEEPS_TARGET", type: "ORIGINATES_IN", from, to }] },
  ];
}

describe.each(STORE_CASES)("write preconditions [$name]", (storeCase) => {
  let store: GraphStore;
  const codes = ["KR", "US", "JP", "FR", "DE", "GB", "CN", "IL"];
  beforeAll(async () => {
    store = await storeCase.open();
    await store.write({ nodes: [source, ...codes.map(country)], relationships: [] });
  });
  afterAll(() => store.close());

  it("lets exactly one of 8 concurrent writes place a new model in a country", async () => {
    const results = await Promise.allSettled(codes.map((code) => store.write(...placing("contested", code))));
    const landed = results.filter((r) => r.status === "fulfilled");
    expect(landed).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PreconditionFailedError);
    }
    const [page] = await store.related("model-own-country", ["contested"], null, { after: null, limit: 10 });
    expect(page.totalCount).toBe(1);
    // The one that failed names the country held, so that the caller can say so.
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as PreconditionFailedError).failure.held).toEqual(page.items[0].node && { kind: "Country", key: page.items[0].node.key });
  });

  it("lets exactly one of 8 concurrent writes place an existing model without a country", async () => {
    await store.write({ nodes: [model("existing")], relationships: [] });
    const results = await Promise.allSettled(codes.map((code) => store.write(...placing("existing", code))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [page] = await store.related("model-own-country", ["existing"], null, { after: null, limit: 10 });
    expect(page.totalCount).toBe(1);
  });

  it("accepts the same country again, and refuses another with nothing written", async () => {
    await store.write(...placing("kept", "KR"));
    await expect(store.write(...placing("kept", "KR"))).resolves.toBeDefined();
    const before = await store.counts();
    await expect(store.write(...placing("kept", "US"))).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await store.counts()).toEqual(before);
  });

  it("refuses a write whose properties changed since they were read", async () => {
    await store.write({ nodes: [model("dated", { releaseDate: "2023-01-01" })], relationships: [] });
    const node = { kind: "Model" as const, key: "dated" };
    const asRead: Precondition = { kind: "UNCHANGED", node, props: { releaseDate: "2023-01-01", trainingCostUsd: null } };
    await store.write({ nodes: [model("dated", { releaseDate: "2023-02-02" })], relationships: [] }, { preconditions: [asRead] });
    await expect(store.write({ nodes: [model("dated", { releaseDate: "2023-03-03" })], relationships: [] }, { preconditions: [asRead] })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    const [found] = await store.getNodes([node]);
    expect(found?.props.releaseDate).toBe("2023-02-02");
  });

  it("refuses a relationship write whose relationship changed since it was read, with nodes it does not write", async () => {
    await store.write({ nodes: [model("scored"), { kind: "Benchmark", key: "b", props: { name: "B", nameKo: null, aliases: [], sources: [] } }], relationships: [] });
    const from = { kind: "Model" as const, key: "scored" };
    const to = { kind: "Benchmark" as const, key: "b" };
    const scoring = (score: number): GraphBatch => ({ nodes: [], relationships: [{ type: "SCORED", from, to, key: "", props: { score, sources: ["s"] } }] });
    const absent: Precondition = { kind: "RELATIONSHIP_UNCHANGED", type: "SCORED", from, to, key: "", props: { score: null } };
    await store.write(scoring(1), { preconditions: [absent] });
    await expect(store.write(scoring(2), { preconditions: [absent] })).rejects.toBeInstanceOf(PreconditionFailedError);
    await store.write(scoring(3), { preconditions: [{ ...absent, props: { score: 1 } }] });
    const [page] = await store.related("model-benchmark-results", ["scored"], null, { after: null, limit: 10 });
    expect(page.items.map((i) => i.rel.score)).toEqual([3]);
  });

  it("refuses a precondition on a node the write does not write", async () => {
    const [, rules] = placing("elsewhere", "KR");
    await expect(store.write({ nodes: [], relationships: [] }, rules)).rejects.toBeInstanceOf(StoreInputError);
    expect(await store.getNodes([{ kind: "Model", key: "elsewhere" }])).toEqual([null]);
  });
});
