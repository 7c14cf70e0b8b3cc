// The Neo4j adapter's ReadBatcher: concurrent reads of the same query share one read over the
// union of their keys; the reads of a turn go to the runner together; each caller gets its keys;
// a failure fails exactly the callers that shared it.
import { describe, expect, it } from "vitest";
import { MAX_BATCH_KEYS } from "../../src/store/batch-key.js";
import type { Statement } from "../../src/store/neo4j/fused-reads.js";
import { ReadBatcher, type KeyedQuery } from "../../src/store/neo4j/read-batcher.js";

/** A runner that answers every key of a statement with `<id>:<key>`, and fails the ids in `failing`. */
function recorder(failing: string[] = []) {
  const runs: Array<Array<{ id: string; keys: string[] }>> = [];
  const runMany = async (statements: readonly Statement[]) => {
    runs.push(statements.map((s) => ({ id: s.cypher, keys: [...(s.params.keys as string[])].sort() })));
    return statements.map((s) => (failing.includes(s.cypher) ? new Error(`${s.cypher} failed`) : (s.params.keys as string[]).map((k) => ({ key: k, value: `${s.cypher}:${k}` }))));
  };
  const query = (id: string): KeyedQuery<string> => ({
    statement: (keys) => ({ cypher: id, params: { keys }, columns: ["key", "value"] }),
    decode: (rows) => new Map(rows.map((r) => [r.key as string, r.value as string])),
  });
  return { runs, runMany, query };
}

describe("ReadBatcher", () => {
  it("makes one read per id for the reads of one turn, over the union of their keys, and runs a turn's reads together", async () => {
    const { runs, runMany, query } = recorder();
    const batcher = new ReadBatcher(runMany);
    const [a, b, c] = await Promise.all([batcher.load("q1", ["x", "y"], query("q1")), batcher.load("q1", ["y", "z"], query("q1")), batcher.load("q2", ["x"], query("q2"))]);
    expect(runs).toEqual([
      [
        { id: "q1", keys: ["x", "y", "z"] },
        { id: "q2", keys: ["x"] },
      ],
    ]);
    expect([a.get("x"), b.get("z"), c.get("x")]).toEqual(["q1:x", "q1:z", "q2:x"]);
  });

  it("starts a new run for reads of a later turn", async () => {
    const { runs, runMany, query } = recorder();
    const batcher = new ReadBatcher(runMany);
    await batcher.load("q", ["a"], query("q"));
    await batcher.load("q", ["b"], query("q"));
    expect(runs.map((run) => run.map((s) => s.keys))).toEqual([[["a"]], [["b"]]]);
  });

  it("splits more keys than the loaders' cap (MAX_BATCH_KEYS) into several statements and merges their answers", async () => {
    const { runs, runMany, query } = recorder();
    const batcher = new ReadBatcher(runMany);
    const total = 2 * MAX_BATCH_KEYS + 7;
    const keys = Array.from({ length: total }, (_, i) => `k${i}`);
    const rows = await batcher.load("q", keys, query("q"));
    expect(runs[0].map((s) => s.keys.length)).toEqual([MAX_BATCH_KEYS, MAX_BATCH_KEYS, 7]);
    expect(rows.size).toBe(total);
    expect(rows.get(`k${total - 1}`)).toBe(`q:k${total - 1}`);
  });

  it("rejects every caller that shared a failed read, and only those", async () => {
    const { runMany, query } = recorder(["bad"]);
    const batcher = new ReadBatcher(runMany);
    const results = await Promise.allSettled([batcher.load("bad", ["a"], query("bad")), batcher.load("bad", ["b"], query("bad")), batcher.load("good", ["c"], query("good"))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "fulfilled"]);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe("bad failed");
  });

  it("rejects every caller of a turn when the runner itself fails", async () => {
    const batcher = new ReadBatcher(async () => {
      throw new Error("down");
    });
    const { query } = recorder();
    const results = await Promise.allSettled([batcher.load("a", ["x"], query("a")), batcher.load("b", ["y"], query("b"))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});
