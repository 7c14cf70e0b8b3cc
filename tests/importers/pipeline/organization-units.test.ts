// Organizations are not folded into their parents: on the real Ecosystem Graphs snapshot, Google
// DeepMind is an organization of its own, PART_OF Google, and Google's own 2023 models are the
// dataset's 18; with its units, Google DeepMind's 4 are added. Counted from the YAML files too.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEcosystemGraphs } from "../../../src/importers/ecosystem-graphs/import.js";
import type { GraphStore } from "../../../src/store/port.js";
import { hasSnapshot, SNAPSHOT_DIR } from "../../helpers/ecosystem-graphs.js";
import { openSeeded, STORE_CASES } from "../../helpers/stores.js";

const all = { after: null, limit: 10_000 };

/** 2023 models per `organization` value, read from the YAML files themselves. */
async function models2023ByOrganization(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const file of (await readdir(SNAPSHOT_DIR)).filter((f) => f.endsWith(".yaml"))) {
    const doc = yaml.load(await readFile(path.join(SNAPSHOT_DIR, file), "utf8"), { schema: yaml.CORE_SCHEMA }) as Array<Record<string, unknown>> | null;
    for (const r of doc ?? []) {
      const value = (v: unknown) => (typeof v === "object" && v !== null && "value" in v ? (v as { value: unknown }).value : v);
      if (r?.type !== "model" || !String(value(r.created_date)).startsWith("2023")) continue;
      for (const org of String(value(r.organization)).split(",").map((o) => o.trim())) counts.set(org, (counts.get(org) ?? 0) + 1);
    }
  }
  return counts;
}

describe.skipIf(!hasSnapshot).each(STORE_CASES)("organization units after the Ecosystem Graphs import [$name]", (storeCase) => {
  let store: GraphStore;
  let source: string;

  beforeAll(async () => {
    store = await openSeeded(storeCase);
    source = (await importEcosystemGraphs(store, SNAPSHOT_DIR)).summary.source;
  }, 120_000);
  afterAll(() => store.close());

  it("keeps Google DeepMind an organization of its own, PART_OF Google", async () => {
    const [deepmind] = await store.getNodes([{ kind: "Organization", key: "google-deepmind" }]);
    expect(deepmind?.props.name).toBe("Google DeepMind");
    const [parent] = await store.related("organization-parent", ["google-deepmind"], null, all);
    expect(parent.items.map((i) => i.node.key)).toEqual(["google"]);
    expect(parent.items[0].rel.sources).toEqual(["organization-units-curation"]);
    const [units] = await store.related("organization-units", ["google"], null, all);
    expect(units.items.map((i) => i.node.key)).toContain("google-deepmind");
  });

  it("counts the dataset's 2023 models for Google itself, and Google DeepMind's with includeUnits", async () => {
    const fromFiles = await models2023ByOrganization();
    const google = fromFiles.get("Google") ?? 0;
    const deepmind = [...fromFiles].filter(([org]) => org.toLowerCase() === "google deepmind").reduce((n, [, c]) => n + c, 0);
    expect([google, deepmind]).toEqual([18, 4]);
    const filter = { models: { releasedYear: 2023, listedBy: source } };
    const [own] = await store.related("organization-models", ["google"], filter, all);
    expect(own.totalCount).toBe(google);
    const [group] = await store.related("organization-unit-models", ["google"], filter, all);
    expect(group.totalCount).toBe(google + deepmind);
  });

  it("merges only spellings: Meta FAIR is Facebook AI Research, a unit of Meta", async () => {
    const [fair] = await store.getNodes([{ kind: "Organization", key: "facebook-ai-research" }]);
    expect(fair?.props.aliases).toContain("Meta FAIR");
    const [parent] = await store.related("organization-parent", ["facebook-ai-research"], null, all);
    expect(parent.items.map((i) => i.node.key)).toEqual(["meta"]);
  });
});
