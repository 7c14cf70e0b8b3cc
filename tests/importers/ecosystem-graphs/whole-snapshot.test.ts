// The whole Ecosystem Graphs snapshot (2025-01-24) on every store: every record accounted for, and a
// second import changes nothing. Skipped when the snapshot is not on this machine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEcosystemGraphs } from "../../../src/importers/ecosystem-graphs/import.js";
import type { ImportReport } from "../../../src/importers/ecosystem-graphs/report.js";
import type { GraphStore, StoreCounts } from "../../../src/store/port.js";
import { hasSnapshot, SNAPSHOT_DIR } from "../../helpers/ecosystem-graphs.js";
import { openSeeded, STORE_CASES } from "../../helpers/stores.js";

describe.skipIf(!hasSnapshot).each(STORE_CASES)("the whole Ecosystem Graphs snapshot [$name]", (storeCase) => {
  let store: GraphStore;
  let first: ImportReport;
  let counts: StoreCounts;

  beforeAll(async () => {
    store = await openSeeded(storeCase);
    first = await importEcosystemGraphs(store, SNAPSHOT_DIR);
    counts = await store.counts();
  }, 120_000);
  afterAll(() => store.close());

  it("imports all 639 records of 173 files, each created, merged or skipped with a warning", () => {
    const s = first.summary;
    expect([s.filesRead, s.recordsRead]).toEqual([173, 639]);
    expect(s.created + s.merged + s.skipped).toBe(s.recordsRead);
    expect(first.warnings.filter((w) => w.reason.startsWith("skipped:"))).toHaveLength(s.skipped);
    // Five seed models (GPT-4, HyperCLOVA X, EXAONE 2.0, Konan LLM, VARCO) and two repeated records (GPT-4o, Imagen 3).
    expect(s.merged).toBe(7);
    expect(s.write.nodesCreated).toBe(counts.nodes - 43);
  });

  it("writes in batches of at most 500", () => {
    const s = first.summary;
    expect(s.batches).toBe(Math.ceil((s.write.nodesCreated + s.write.nodesUpdated) / 500) + Math.ceil(s.write.relationshipsCreated / 500));
  });

  it("changes nothing when imported again: same counts, every write count zero", async () => {
    const again = await importEcosystemGraphs(store, SNAPSHOT_DIR);
    expect(again.summary.write).toEqual({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
    expect([again.summary.created, again.summary.merged, again.summary.skipped]).toEqual([0, 639, 0]);
    expect(await store.counts()).toEqual(counts);
  }, 120_000);
});
