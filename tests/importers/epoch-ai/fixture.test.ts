// The Epoch AI import on a small snapshot with one of each defect, on every store: quoted cells with
// line breaks, a model in two files, a row without a name, a failed run, a result for a model the
// graph does not know, a version of a model family, a misspelled publisher, a blank score, a file
// the score table does not know.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEpochAi } from "../../../src/importers/epoch-ai/import.js";
import { parseScore, parseShots } from "../../../src/importers/epoch-ai/benchmarks.js";
import type { ImportReport } from "../../../src/importers/pipeline/report.js";
import type { GraphStore } from "../../../src/store/port.js";
import { openSeeded, STORE_CASES } from "../../helpers/stores.js";

const README = `# Epoch AI (test snapshot)
Models: the files as kept in a public repository (sidx04/karma-police, commit 7d8a035ca075dac6fff73fa17093f81370d4c6a2 of 2026-02-02).
Benchmarks: epoch-research/benchmark-stitching, commit f87d3cc8e8a8f8471be475ebce58fb9a73b4e756 (2025-12-03).
`;

const MODEL_HEADER = "Model,Organization,Publication date,Domain,Task,Parameters,Training compute (FLOP),Confidence,Link,Reference,Country (of organization),Notability criteria,Training hardware,Hardware quantity,Training compute cost (2023 USD),Base model,Model accessibility";
const FILES: Record<string, string> = {
  "models/notable_ai_models.csv": `${MODEL_HEADER}
"Tiny LM
",Acme Labs,2024-05-01,"Language,
Vision",Chat,7000000000.0,1.2e+23,Likely,https://example.org/tiny,"Tiny: a model, with a comma",Korea (Republic of),SOTA improvement,"NVIDIA H100 SXM5 80GB",512,250000.0,,Open weights (unrestricted)
Tiny LM Chat,Acme Labs,2024-06-01,Language,Chat,7000000000.0,,Confident,,,Korea (Republic of),,,,,Tiny LM,API access
,Nobody,2024-01-01,Language,,,,,,,,,,,,,
Big LM (Mar 2024),Acme Labs,2024-03-01,Language,,,,,,,,,,,,,
Big LM (Jun 2024),Acme Labs,2024-06-01,Language,,,,,,,,,,,,,
`,
  "models/large_scale_ai_models.csv": `${MODEL_HEADER}
Tiny LM,Acme Labs,2024-05-01,Language,Chat,7000000000.0,1.2e+23,Likely,https://example.org/tiny,,Korea (Republic of),,"NVIDIA H100 SXM5 80GB,Google TPU v4",1024,,,
`,
  "models/frontier_ai_models.csv": `${MODEL_HEADER}
`,
  "benchmarks/model_versions.csv": `id,Model,Version release date
tiny-lm-2024-05,Tiny LM,2024-05-01
ghost-1,Ghost Model,2024-01-01
big-lm-0401,Big LM,2024-04-01
`,
  "benchmarks/benchmarks_runs.csv": `id,task,model,Best score (across scorers),Status,log viewer,logs
run1,GPQA diamond,tiny-lm-2024-05,0.412,Success,https://logs.example.org/run1,
run2,GPQA diamond,tiny-lm-2024-05,0.5,Error,,
run3,GPQA diamond,ghost-1,0.3,Success,,https://logs.example.org/run3.eval
run4,GPQA diamond,big-lm-0401,0.25,Success,,
`,
  "benchmarks/external_benchmark_mmlu.csv": `id,Name,EM,Model version,Shots,Source,Source link,Notes
rec1,Tiny LM,77.0%,tiny-lm-2024-05,5,Standford HELM,https://crfm.example.org/helm,
rec2,Tiny LM,,tiny-lm-2024-05,5,Stanford HELM,https://crfm.example.org/helm,
rec3,Mystery 9B,61.5%,,5-shot,Stanford HELM,https://crfm.example.org/helm,
rec4,Tiny LM Chat,70.0%,,0,,https://example.org/card,
`,
  "benchmarks/external_benchmark_unknown_thing.csv": `id,Model version,Score,Source,Source link
x1,tiny-lm-2024-05,50%,Someone,https://example.org
`,
};

async function writeFixture(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "epoch-fixture-"));
  await writeFile(path.join(dir, "README.md"), README);
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const all = { after: null, limit: 1000 };

describe("score and shot cells", () => {
  it.each([["77.0%", 1, 77], ["88.000", 1, 88], ["0.412", 100, 41.2], ["", 1, null], [null, 1, null], ["n/a", 1, null]] as const)("%j x %d -> %j", (text, scale, score) => {
    expect(parseScore(text, scale)).toBe(score);
  });
  it.each([["25-shot", 25], ["5", 5], ["0", 0], ["", null], [null, null], ["few", null]] as const)("%j -> %j", (text, shots) => {
    expect(parseShots(text)).toBe(shots);
  });
});

describe.each(STORE_CASES)("Epoch AI import of a small snapshot [$name]", (storeCase) => {
  let store: GraphStore;
  let report: ImportReport;
  let dir: string;

  beforeAll(async () => {
    dir = await writeFixture();
    store = await openSeeded(storeCase);
    report = await importEpochAi(store, dir, { batchSize: 5 });
  }, 120_000);
  afterAll(() => store.close());

  it("accounts for every row of every file", () => {
    const byFile = Object.fromEntries(report.files!.map((f) => [f.file, [f.rows, f.created, f.merged, f.skipped, f.unresolved ?? 0]]));
    expect(byFile).toEqual({
      "models/notable_ai_models.csv": [5, 4, 0, 1, 0],
      "models/large_scale_ai_models.csv": [1, 0, 1, 0, 0],
      "models/frontier_ai_models.csv": [0, 0, 0, 0, 0],
      "benchmarks/model_versions.csv": [3, 0, 2, 1, 0],
      "benchmarks/benchmarks_runs.csv": [4, 3, 0, 1, 1],
      "benchmarks/external_benchmark_mmlu.csv": [4, 3, 0, 1, 1],
      "benchmarks/external_benchmark_unknown_thing.csv": [1, 0, 0, 1, 0],
    });
    expect(report.summary.recordsRead).toBe(18);
    expect(report.warnings).toContainEqual({ file: "benchmarks/benchmarks_runs.csv", asset: "tiny-lm-2024-05", reason: "skipped: run run2 has status 'Error', not Success" });
    expect(report.warnings).toContainEqual(expect.objectContaining({ file: "models/notable_ai_models.csv", asset: null, reason: expect.stringMatching(/^skipped: row 4 has no `Model`/) }));
    expect(report.warnings).toContainEqual(expect.objectContaining({ file: "benchmarks/external_benchmark_unknown_thing.csv", reason: expect.stringMatching(/benchmark-files\.json does not say/) }));
  });

  it("reads quoted cells with line breaks and commas, and makes a model in two files one node", async () => {
    const { items } = await store.list({ kind: "Model", filter: { nameContains: "tiny lm" } }, all);
    expect(items.map((m) => m.props.name)).toEqual(["Tiny LM", "Tiny LM Chat"]);
    const tiny = items[0].props;
    expect(tiny).toMatchObject({ domains: ["Language", "Vision"], reference: "Tiny: a model, with a comma", trainingComputeFlop: 1.2e23, trainingCostUsd: 250000, notable: true, modelKind: "NOTABLE" });
    const [hardware] = await store.related("model-hardware", [items[0].key], null, all);
    expect(hardware.items.map((i) => [i.node.props.name, i.rel.quantity ?? null])).toEqual([
      ["Google TPU v4", null],
      ["NVIDIA H100 SXM5 80GB", 512],
    ]);
    const [deps] = await store.related("asset-dependencies", [items[1].key], null, all);
    expect(deps.items.map((i) => i.node.key)).toEqual([items[0].key]);
    const [country] = await store.related("model-country", [items[0].key], null, all);
    expect(country.items.map((i) => i.node.key)).toEqual(["KR"]);
  });

  it("keeps results with their publisher (spellings merged) and link, unknown models on placeholders", async () => {
    const [mmlu] = await store.related("benchmark-results", ["mmlu"], null, all);
    expect(mmlu.items.map((i) => [i.node.kind, i.rel.score, i.rel.shots ?? null, i.rel.sources])).toEqual([
      ["Model", 77, 5, ["stanford-helm", "epoch-ai-benchmarks-2025-12-03"]],
      ["Model", 70, 0, ["epoch-ai-benchmarks-2025-12-03"]],
      ["UnresolvedAsset", 61.5, 5, ["stanford-helm", "epoch-ai-benchmarks-2025-12-03"]],
    ]);
    expect(mmlu.items[0].rel.url).toBe("https://crfm.example.org/helm");
    const [gpqa] = await store.related("benchmark-results", ["gpqa-diamond"], null, all);
    expect(gpqa.items.map((i) => [i.node.props.name, i.rel.score, i.rel.url ?? null])).toEqual([
      ["Tiny LM", 41.2, "https://logs.example.org/run1"],
      ["ghost-1", 30, "https://logs.example.org/run3.eval"],
      // A version of the family `Big LM` is the release listed on or before its date.
      ["Big LM (Mar 2024)", 25, null],
    ]);
  });

  it("changes nothing when imported again", async () => {
    const again = await importEpochAi(store, dir, { batchSize: 5 });
    expect(again.summary.write).toEqual({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
  });
});
