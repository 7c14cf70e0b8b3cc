// The store contract on imported data: after the whole Ecosystem Graphs snapshot, every store holds
// the same nodes and answers every relation for every parent as the embedded reference does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NodeRecord } from "../../src/domain/graph.js";
import { NODE_KINDS } from "../../src/domain/kinds.js";
import { parentKinds, RELATION_NAMES, RELATIONS } from "../../src/domain/relations.js";
import { importEcosystemGraphs } from "../../src/importers/ecosystem-graphs/import.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import type { GraphStore } from "../../src/store/port.js";
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
    referenceNodes = await nodesOf(reference);
    store = await openSeeded(storeCase);
    await importEcosystemGraphs(store, SNAPSHOT_DIR);
  }, 120_000);
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

  it("filters dependents by kind and year alike", async () => {
    const filter = { assets: { kind: "Model" as const, releasedYear: 2023 } };
    expect(await store.related("asset-dependents", ["gpt-4", "llama-2"], filter, all)).toEqual(await reference.related("asset-dependents", ["gpt-4", "llama-2"], filter, all));
    const [gpt4] = await store.related("asset-dependents", ["gpt-4"], filter, all);
    expect(gpt4.items.every((i) => i.node.kind === "Model" && String(i.node.props.releaseDate).startsWith("2023-"))).toBe(true);
  });
});
