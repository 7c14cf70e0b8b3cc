// `kg generate` writes synthetic data only into an empty store or one it generated before, citing
// only SYNTHETIC sources; into a store with real data it refuses and changes nothing, on both stores.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { SyntheticGraph } from "../../src/generate/synthetic-graph.js";
import { acceptsGenerated } from "../../src/generate/write-generated.js";
import type { GraphStore } from "../../src/store/port.js";
import { seedStore } from "../../src/store/open-store.js";
import { clearNeo4j, config, hasNeo4j, MEMORY_CASE, openEmptyNeo4j, openSeeded } from "../helpers/stores.js";

function capture() {
  let out = "";
  let err = "";
  return { io: { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY: false }, out: () => out, err: () => err };
}

/** Every file of a directory with its bytes: what "changes nothing" is checked against. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = await readFile(path.join(dir, name), "base64");
  return files;
}

async function allSources(store: GraphStore) {
  return (await store.list({ kind: "Source" }, { after: null, limit: 100 })).items;
}

describe("kg generate keeps synthetic data apart [memory]", () => {
  it("refuses a seeded store, says to use another KG_DATA_DIR, and changes no file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kg-generate-"));
    const env = { KG_DATA_DIR: dir, NEO4J_URI: "" };
    expect(await runCli(["seed"], capture().io, env)).toBe(0);
    const before = await filesOf(dir);

    const c = capture();
    expect(await runCli(["generate", "--models", "50"], c.io, env)).toBe(1);
    expect(c.err()).toMatch(/^kg generate: the memory store holds \d+ nodes that kg generate did not write; .*nothing was written.*another KG_DATA_DIR/);
    expect(c.err().trimEnd().split("\n")).toHaveLength(1);
    expect(c.out()).toBe("");
    expect(await filesOf(dir)).toEqual(before);
  });

  it("writes into an empty directory citing only SYNTHETIC sources, and again into the store it generated", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kg-generate-"));
    const env = { KG_DATA_DIR: dir, NEO4J_URI: "" };
    const first = capture();
    expect(await runCli(["generate", "--models", "50"], first.io, env)).toBe(0);
    expect(first.err()).toBe(""); // generate wants an empty store: it seeds nothing
    const second = capture();
    expect(await runCli(["generate", "--models", "50", "--seed", "2"], second.io, env)).toBe(0);
    expect(second.out()).toMatch(/^generated 50 models \(seed 2\) into memory/);
    // Seeding the generated store mixes real data in: generate refuses from then on.
    expect(await runCli(["seed"], capture().io, env)).toBe(0);
    expect(await runCli(["generate", "--models", "50"], capture().io, env)).toBe(1);
  });

  it("cites SYNTHETIC sources only, none of the seed's", async () => {
    const graph = new SyntheticGraph({ models: 200, seed: 1 });
    const cited = new Set<string>();
    const sources = new Map<string, unknown>();
    for (const batch of graph.batches(500)) {
      for (const n of batch.nodes) {
        if (n.kind === "Source") sources.set(n.key, n.props.sourceKind);
        for (const s of (n.props.sources as string[]) ?? []) cited.add(s);
      }
      for (const r of batch.relationships) for (const s of r.props.sources as string[]) cited.add(s);
    }
    expect(new Set(sources.values())).toEqual(new Set(["SYNTHETIC"]));
    for (const slug of cited) expect(sources.has(slug), slug).toBe(true);
    const seedSources = JSON.parse(await readFile(path.join(config.seedDir, "sources.json"), "utf8")) as Array<{ slug: string }>;
    for (const s of seedSources) expect(cited.has(s.slug), s.slug).toBe(false);
  });

  it("tells a seeded store from an empty and a generated one", async () => {
    const seeded = await openSeeded(MEMORY_CASE);
    expect(await acceptsGenerated(seeded)).toBe(false);
    const empty = await MEMORY_CASE.open();
    expect(await acceptsGenerated(empty)).toBe(true);
    for (const batch of new SyntheticGraph({ models: 20 }).batches(500)) await empty.write(batch);
    expect(await acceptsGenerated(empty)).toBe(true);
    expect((await allSources(empty)).every((s) => s.props.sourceKind === "SYNTHETIC")).toBe(true);
  });
});

describe.runIf(hasNeo4j)("kg generate keeps synthetic data apart [neo4j]", () => {
  const env = () => ({ ...process.env, KG_DATA_DIR: "/tmp/unused-kg-data" });

  it("refuses a seeded database, says to use another Neo4j database, and changes nothing", async () => {
    await clearNeo4j();
    expect(await runCli(["seed"], capture().io, env())).toBe(0);
    const counts = capture();
    expect(await runCli(["counts"], counts.io, env())).toBe(0);

    const c = capture();
    expect(await runCli(["generate", "--models", "50"], c.io, env())).toBe(1);
    expect(c.err()).toMatch(/^kg generate: the neo4j store holds \d+ nodes that kg generate did not write; .*another Neo4j database/);
    const after = capture();
    expect(await runCli(["counts"], after.io, env())).toBe(0);
    expect(after.out()).toBe(counts.out());
    await clearNeo4j();
  });

  it("accepts an empty database and one it generated, not one with the seed beside the generated data", async () => {
    const store = await openEmptyNeo4j();
    try {
      expect(await acceptsGenerated(store)).toBe(true);
      // The generator's first batch (its sources and the countries): a store it generated.
      const [first] = new SyntheticGraph({ models: 20 }).batches(300);
      await store.write(first);
      expect(await acceptsGenerated(store)).toBe(true);
      await seedStore(store, config.seedDir);
      expect(await acceptsGenerated(store)).toBe(false);
    } finally {
      await store.close();
      await clearNeo4j();
    }
  });
});
