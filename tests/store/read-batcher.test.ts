// The Neo4j adapter's ReadBatcher: concurrent reads of the same query share one query over the
// union of their keys; each caller gets its keys; a failure fails exactly the callers that shared it.
import { describe, expect, it } from "vitest";
import { MAX_BATCH_KEYS } from "../../src/store/batch-key.js";
import { ReadBatcher } from "../../src/store/neo4j/read-batcher.js";

function recorder() {
  const calls: Array<{ id: string; keys: string[] }> = [];
  const fetchFor = (id: string) => async (keys: string[]) => {
    calls.push({ id, keys: [...keys].sort() });
    return new Map(keys.map((k) => [k, `${id}:${k}`]));
  };
  return { calls, fetchFor };
}

describe("ReadBatcher", () => {
  it("makes one query per id for the reads of one turn, over the union of their keys", async () => {
    const batcher = new ReadBatcher();
    const { calls, fetchFor } = recorder();
    const [a, b, c] = await Promise.all([
      batcher.load("q1", ["x", "y"], fetchFor("q1")),
      batcher.load("q1", ["y", "z"], fetchFor("q1")),
      batcher.load("q2", ["x"], fetchFor("q2")),
    ]);
    expect(calls).toEqual([
      { id: "q1", keys: ["x", "y", "z"] },
      { id: "q2", keys: ["x"] },
    ]);
    expect([a.get("x"), b.get("z"), c.get("x")]).toEqual(["q1:x", "q1:z", "q2:x"]);
  });

  it("starts a new query for reads of a later turn", async () => {
    const batcher = new ReadBatcher();
    const { calls, fetchFor } = recorder();
    await batcher.load("q", ["a"], fetchFor("q"));
    await batcher.load("q", ["b"], fetchFor("q"));
    expect(calls.map((c) => c.keys)).toEqual([["a"], ["b"]]);
  });

  it("splits more keys than the loaders' cap (MAX_BATCH_KEYS) into several queries and merges their answers", async () => {
    const batcher = new ReadBatcher();
    const { calls, fetchFor } = recorder();
    const total = 2 * MAX_BATCH_KEYS + 7;
    const keys = Array.from({ length: total }, (_, i) => `k${i}`);
    const rows = await batcher.load("q", keys, fetchFor("q"));
    expect(calls.map((c) => c.keys.length)).toEqual([MAX_BATCH_KEYS, MAX_BATCH_KEYS, 7]);
    expect(rows.size).toBe(total);
  });

  it("rejects every caller that shared a failed query, and only those", async () => {
    const batcher = new ReadBatcher();
    const failing = async () => {
      throw new Error("down");
    };
    const { fetchFor } = recorder();
    const results = await Promise.allSettled([batcher.load("bad", ["a"], failing), batcher.load("bad", ["b"], failing), batcher.load("good", ["c"], fetchFor("good"))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "fulfilled"]);
  });
});
