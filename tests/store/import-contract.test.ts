// The store contract on imported data: after the whole Ecosystem Graphs snapshot and Epoch AI's,
// every store holds the same nodes and answers every relation for every parent, and the model list
// under every filter, as the embedded reference does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NodeRecord } from "../../src/domain/graph.js";
import { NODE_KINDS } from "../../src/domain/kinds.js";
import { parentKinds, RELATION_NAMES, RELATIONS, type RelationName } from "../../src/domain/relations.js";
import { importEcosystemGraphs } from "../../src/importers/ecosystem-graphs/import.js";
import { importEpochAi } from "../../src/importers/epoch-ai/import.js";
import { EPOCH_DIR } from "../helpers/epoch-ai.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import type { GraphStore, RelatedItem, RelatedPage } from "../../src/store/port.js";
import { relatedSortKey, type SortKey } from "../../src/domain/sort-keys.js";
import { hasSnapshot, SNAPSHOT_DIR } from "../helpers/ecosystem-graphs.js";
import { config, openSeeded, STORE_CASES } from "../helpers/stores.js";

const all = { after: null, limit: 10_000 };

async function nodesOf(store: GraphStore): Promise<NodeRecord[]> {
  const pages = await Promise.all(NODE_KINDS.map((kind) => store.list({ kind } as Parameters<GraphStore["list"]>[0], all)));
  return pages.flatMap((p) => p.items);
}

describe.skipIf(!hasSnapshot).each(STORE_CASES)("store contract after the Ecosystem Graphs import [$name]", (storeCase) => {
  let store: GraphStore;
  let reference: GraphStore;
  let referenceNodes: NodeRecord[];

  beforeAll(async () => {
    reference = await MemoryStore.open(null);
    await seedStore(reference, config.seedDir);
    await importEcosystemGraphs(reference, SNAPSHOT_DIR);
    await importEpochAi(reference, EPOCH_DIR);
    referenceNodes = await nodesOf(reference);
    store = await openSeeded(storeCase);
    await importEcosystemGraphs(store, SNAPSHOT_DIR);
    await importEpochAi(store, EPOCH_DIR);
  }, 300_000);
  afterAll(() => store.close());

  it("holds the same nodes with the same properties, listed in the same order", async () => {
    expect(await store.counts()).toEqual(await reference.counts());
    expect(await nodesOf(store)).toEqual(referenceNodes);
  });

  it.each(RELATION_NAMES)("relation %s gives the same pages for every parent", async (relation) => {
    const kinds = parentKinds(RELATIONS[relation]);
    const parents = [...new Set(referenceNodes.filter((n) => kinds.includes(n.kind)).map((n) => n.key))];
    for (let i = 0; i < parents.length; i += 500) {
      const keys = parents.slice(i, i + 500);
      expect(await store.related(relation, keys, null, all)).toEqual(await reference.related(relation, keys, null, all));
    }
  });

  it.each(RELATION_NAMES)("relation %s walked in pages of 3, each after the last item's sort key, gives the reference's items in order", async (relation) => {
    const kinds = parentKinds(RELATIONS[relation]);
    const parents = [...new Set(referenceNodes.filter((n) => kinds.includes(n.kind)).map((n) => n.key))];
    const pages = new Map<string, RelatedPage>();
    for (let i = 0; i < parents.length; i += 500) {
      const keys = parents.slice(i, i + 500);
      (await reference.related(relation, keys, null, all)).forEach((page, j) => pages.set(keys[j], page));
    }
    // The parents with the most items: where the keyset condition decides the most.
    const walkedParents = [...pages].sort((a, b) => b[1].items.length - a[1].items.length).slice(0, 3);
    const id = (item: RelatedItem) => `${item.node.kind}:${item.node.key}:${String(item.rel.key ?? "")}`;
    for (const [parent, whole] of walkedParents) {
      const walked: string[] = [];
      let after: SortKey | null = null;
      for (let step = 0; step < 10; step++) {
        const [page] = await store.related(relation, [parent], null, { after, limit: 3 });
        walked.push(...page.items.map(id));
        expect(page.hasMore).toBe(whole.items.length > walked.length);
        if (!page.hasMore) break;
        after = relatedSortKey(RELATIONS[relation].order, page.items.at(-1)!);
      }
      expect(walked).toEqual(whole.items.slice(0, walked.length).map(id));
      expect(walked.length).toBe(Math.min(whole.items.length, 30));
    }
    // Every relation has items to walk in the imported graph, but the in-scope omissions: no report
    // there declares complete inclusions (tests/store/in-scope.test.ts writes one).
    const unwalked: RelationName[] = ["report-in-scope-omissions", "model-in-scope-omitted-from"];
    expect(walkedParents[0]?.[1].items.length ?? 0).toSatisfy((n: number) => (unwalked.includes(relation) ? n === 0 : n > 0));
  });

  it.each([
    { domain: "language", notable: true },
    { notable: false, computeMin: 1e24 },
    { computeMin: 1e25, computeMax: 5e25, countryCode: "US" },
    { parametersMin: 1e11, parametersMax: 1e12, releasedYear: 2023 },
    { listedBy: "epoch-ai-models-2026-02-02", countryCode: "KR", notable: true },
    { listedBy: "ecosystem-graphs-2025-01-24", organizationSlug: "google" },
  ])("lists models under the filter %j alike, in every order", async (filter) => {
    for (const field of ["NAME", "TRAINING_COMPUTE", "PARAMETERS"] as const) {
      const query = { kind: "Model" as const, filter, order: { field, direction: "DESC" as const } };
      expect(await store.list(query, all)).toEqual(await reference.list(query, all));
    }
    const [group] = await store.related("organization-unit-models", ["google", "meta"], { models: filter }, all);
    expect(group).toEqual((await reference.related("organization-unit-models", ["google", "meta"], { models: filter }, all))[0]);
  });

  it("filters a model's results by benchmark alike", async () => {
    const filter = { benchmark: "gpqa-diamond" };
    const keys = ["gpt-4", "gpt-4o", "claude-3-opus"];
    expect(await store.related("model-benchmark-results", keys, filter, all)).toEqual(await reference.related("model-benchmark-results", keys, filter, all));
  });

  it("filters dependents by kind and year alike", async () => {
    const filter = { assets: { kind: "Model" as const, releasedYear: 2023 } };
    expect(await store.related("asset-dependents", ["gpt-4", "llama-2"], filter, all)).toEqual(await reference.related("asset-dependents", ["gpt-4", "llama-2"], filter, all));
    const [gpt4] = await store.related("asset-dependents", ["gpt-4"], filter, all);
    expect(gpt4.items.every((i) => i.node.kind === "Model" && String(i.node.props.releaseDate).startsWith("2023-"))).toBe(true);
  });
});
