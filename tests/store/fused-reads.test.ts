// Several keyed reads as one Cypher query (src/store/neo4j/fused-reads.ts): the columns each read
// returns, the bound on fused texts, and, on a real Neo4j, that fused reads answer exactly what the
// same reads answer one by one, and that a read that fails fails alone.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RELATIONS } from "../../src/domain/relations.js";
import { CypherFiles } from "../../src/store/neo4j/cypher-files.js";
import { Executor } from "../../src/store/neo4j/executor.js";
import { FusedTexts, MAX_FUSED_READS, returnColumns, type Statement } from "../../src/store/neo4j/fused-reads.js";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store.js";
import type { GraphStore } from "../../src/store/port.js";
import { seedStore } from "../../src/store/open-store.js";
import { loadSeed } from "../../src/seed/load-seed.js";
import { config, hasNeo4j, openEmptyNeo4j } from "../helpers/stores.js";

describe("the columns of a read", () => {
  it("are the aliases or variables of its final RETURN", () => {
    expect(returnColumns("UNWIND $keys AS key\nRETURN key, total, size(window) > $limit AS more, window[0..$limit] AS items")).toEqual(["key", "total", "more", "items"]);
    expect(returnColumns("RETURN uid, CASE WHEN n IS NULL THEN null ELSE properties(n) END AS n")).toEqual(["uid", "n"]);
    expect(returnColumns("RETURN key, {a: 1, b: [x, y]} AS m, 'a, b' AS s")).toEqual(["key", "m", "s"]);
  });

  it("are none (never fused) for a RETURN of an unnamed expression, or one that sorts or limits", () => {
    expect(returnColumns("RETURN count(*)")).toBeNull();
    expect(returnColumns("RETURN n ORDER BY n")).toBeNull();
    expect(returnColumns("MATCH (n)\nWITH n")).toBeNull();
  });

  it("are known for every keyed read: each relation page and the node lookup", () => {
    const files = new CypherFiles(config.cypherDir);
    const names = [...readdirSync(path.join(config.cypherDir, "related")).map((f) => `related/${f.replace(/\.cypher$/, "")}`), "entity/get-by-uids"];
    for (const name of names) expect(files.columns(name), name).not.toBeNull();
  });
});

describe("fused texts", () => {
  const statement = (cypher: string): Statement => ({ cypher, params: { keys: [] }, columns: ["key"] });
  const [a, b, c] = ["a", "b", "c"].map((x) => statement(`UNWIND $keys AS key\nRETURN key // ${x}`));
  /** Texts whose warming succeeds (or fails) at once, with the texts warmed. */
  const texts = (capacity?: number, warmFails = false) => {
    const warmed: string[] = [];
    const fused = new FusedTexts(
      async (text) => {
        warmed.push(text);
        if (warmFails) throw new Error("too slow");
      },
      capacity,
      2,
    );
    return { fused, warmed };
  };
  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it("fuse a combination only once it has run separately and its fused text has been warmed", async () => {
    const { fused, warmed } = texts();
    expect(fused.textOf([a, b])).toBeNull();
    expect(fused.textOf([a, b])).toBeNull();
    expect(warmed).toHaveLength(1);
    await settled();
    const text = fused.textOf([a, b])!;
    expect(text).toBe(warmed[0]);
    expect(fused.textOf([a])).toBeNull();
  });

  it("warm one combination at a time: another waits for its turn", async () => {
    const { fused, warmed } = texts();
    fused.textOf([a, b]);
    fused.textOf([a, b]);
    fused.textOf([a, c]);
    fused.textOf([a, c]);
    expect(warmed).toHaveLength(1);
    await settled();
    fused.textOf([a, c]);
    expect(warmed).toHaveLength(2);
  });

  it("rename each read's parameters so that reads cannot see each other's", async () => {
    const { fused, warmed } = texts();
    fused.textOf([a, a]);
    fused.textOf([a, a]);
    expect(warmed[0]).toContain("UNWIND $p0_keys AS key");
    expect(warmed[0]).toContain("UNWIND $p1_keys AS key");
    expect(warmed[0]).not.toMatch(/\$keys/);
  });

  it("never fuse a combination whose warming or fused query failed, nor one with a read without columns", async () => {
    const failing = texts(undefined, true);
    failing.fused.textOf([a, b]);
    failing.fused.textOf([a, b]);
    await settled();
    for (let i = 0; i < 3; i++) expect(failing.fused.textOf([a, b])).toBeNull();
    const { fused } = texts();
    fused.textOf([a, c]);
    fused.textOf([a, c]);
    await settled();
    fused.refuse([a, c]);
    expect(fused.textOf([a, c])).toBeNull();
    expect(fused.textOf([a, { ...b, columns: null }])).toBeNull();
  });

  it("keep at most their capacity of combinations: others run separately", async () => {
    const { fused, warmed } = texts(2);
    for (const pair of [[a, b], [a, c], [b, c]]) {
      fused.textOf(pair);
      fused.textOf(pair);
      await settled();
    }
    expect(warmed).toHaveLength(2);
    expect(fused.textOf([a, b])).not.toBeNull();
    expect(fused.textOf([b, c])).toBeNull();
  });
});

describe.runIf(hasNeo4j)("fused reads on Neo4j", () => {
  let coalescing: GraphStore;
  let separate: Neo4jStore;
  const seedKeys = async () => {
    const seed = await loadSeed(config.seedDir);
    return (kind: string) => [...seed.nodes.filter((n) => n.kind === kind).map((n) => n.key), "missing-parent"];
  };

  beforeAll(async () => {
    coalescing = await openEmptyNeo4j();
    await seedStore(coalescing, config.seedDir);
    // The same database, each read its own query (no batcher, so nothing is fused).
    separate = new Neo4jStore({ ...config.neo4j!, coalesceReads: false }, new CypherFiles(config.cypherDir));
  });
  afterAll(async () => {
    await coalescing.close();
    await separate.close();
  });

  it("answer relation pages of every shape and node lookups as the same reads one by one do", async () => {
    const keysOf = await seedKeys();
    // Relations of each shape: one hop with relationship properties, one hop by name, derived ones.
    const relations = ["benchmark-results", "country-organizations", "report-in-scope-omissions", "country-models", "model-country"] as const;
    const reads = relations.flatMap((relation) => {
      const parents = keysOf(RELATIONS[relation].parent);
      return [
        (store: GraphStore) => store.related(relation, parents, null, { after: null, limit: 2 }, { properties: ["name"], total: true, relationships: null }),
        (store: GraphStore) => store.related(relation, parents, null, { after: null, limit: 1000 }),
      ];
    });
    const nodes = (store: GraphStore) => store.getNodes([{ kind: "Model", key: "gpt-4" }, { kind: "Country", key: "KR" }, { kind: "Model", key: "missing" }]);
    const oneByOne = [];
    for (const read of [...reads, nodes]) oneByOne.push(await read(separate));
    expect(oneByOne.flat(2).length).toBeGreaterThan(2 * relations.length);
    // The same turn of reads again and again: separate queries at first, fused ones once their
    // combinations are warm; the answers are the same every time.
    const executor = (coalescing as unknown as { executor: Executor }).executor;
    const runs = vi.spyOn(executor as unknown as { readConverted: (...args: unknown[]) => unknown }, "readConverted");
    const queriesPerTurn: number[] = [];
    for (let turn = 0; turn < 100; turn++) {
      runs.mockClear();
      const fused = await Promise.all([...reads.map((read) => read(coalescing)), nodes(coalescing)]);
      expect(fused).toEqual(oneByOne);
      queriesPerTurn.push(runs.mock.calls.length);
      if (runs.mock.calls.length <= Math.ceil((reads.length + 1) / MAX_FUSED_READS)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(queriesPerTurn[0]).toBe(reads.length + 1);
    expect(queriesPerTurn.at(-1)).toBe(Math.ceil((reads.length + 1) / MAX_FUSED_READS));
  });

  it("run as one query, and a read that fails fails alone: the others are answered", async () => {
    const executor = new Executor(config.neo4j!);
    try {
      const runs = vi.spyOn(executor as unknown as { readConverted: (...args: unknown[]) => unknown }, "readConverted");
      const good = (n: number): Statement => ({ cypher: `UNWIND $keys AS key\nRETURN key, size(key) + ${n} AS size`, params: { keys: ["ab", "c"] }, columns: ["key", "size"] });
      const expected = [
        [{ key: "ab", size: 2 }, { key: "c", size: 1 }],
        [{ key: "ab", size: 12 }, { key: "c", size: 11 }],
      ];
      // Separate queries until the combination has been warmed; then one query.
      let queries = 0;
      for (let attempt = 0; attempt < 50; attempt++) {
        runs.mockClear();
        expect(await executor.readMany([good(0), good(10)])).toEqual(expected);
        queries = runs.mock.calls.length;
        if (queries === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(queries).toBe(1);
      const failing: Statement = { cypher: "UNWIND $keys AS key\nRETURN key, size(key) / 0 AS size", params: { keys: ["ab"] }, columns: ["key", "size"] };
      // Its combination fails as separate queries too: the failing read fails alone, every time.
      for (let attempt = 0; attempt < 4; attempt++) {
        const [first, second] = await executor.readMany([good(0), failing]);
        expect(first).toEqual(expected[0]);
        expect(second).toBeInstanceOf(Error);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await executor.close();
    }
  });
});
