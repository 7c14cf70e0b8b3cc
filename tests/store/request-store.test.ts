// The per-request store (store/request-store.ts): every port method has a declared policy, checked
// by the type checker, and each policy does what it says: reads counted and cut off at the
// deadline, writes counted and left to finish, lifecycle calls passed through.
import { describe, expect, expectTypeOf, it } from "vitest";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import type { GraphStore } from "../../src/store/port.js";
import { PORT_POLICIES, RequestStore, type Policy, type PortMethod, type PortPolicies, type Stats } from "../../src/store/request-store.js";

/** A store whose every call takes `ms` (and says which method answered). */
function slowStore(ms: number): { store: GraphStore; finished: string[] } {
  const finished: string[] = [];
  const store = new Proxy({ name: "slow" } as GraphStore, {
    get(target, property) {
      if (property === "name") return target.name;
      return () =>
        new Promise((resolve) => {
          setTimeout(() => {
            finished.push(String(property));
            resolve(String(property));
          }, ms).unref();
        });
    },
  });
  return { store, finished };
}

const outOfTime = () => new Error("out of time");

describe("the policies of the request store", () => {
  it("cover exactly the port's methods (a port method without a policy fails the type check)", () => {
    expectTypeOf<keyof typeof PORT_POLICIES>().toEqualTypeOf<PortMethod>();
    expectTypeOf<PortMethod>().not.toEqualTypeOf<keyof GraphStore>(); // `name` is a property, not a call

    // A port that grows a method: the table the store has no longer satisfies it.
    interface GrownPort extends GraphStore {
      benchmarkStats(keys: readonly string[]): Promise<unknown[]>;
    }
    // @ts-expect-error benchmarkStats has no policy
    const grown: PortPolicies<GrownPort> = PORT_POLICIES;
    expect(grown).toBe(PORT_POLICIES);
    // And with the policy declared it does.
    const declared: PortPolicies<GrownPort> = { ...PORT_POLICIES, benchmarkStats: "read" };
    expect(declared.benchmarkStats).toBe("read");
  });

  it("are all declared at run time too, as reads, writes or lifecycle", async () => {
    const store = await MemoryStore.open(null);
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(store)).filter((m) => m !== "constructor" && typeof (store as unknown as Record<string, unknown>)[m] === "function");
    const portMethods = Object.keys(PORT_POLICIES);
    for (const m of portMethods) expect(methods).toContain(m);
    expect(new Set(Object.values(PORT_POLICIES))).toEqual(new Set<Policy>(["read", "write", "lifecycle"]));
    await store.close();
  });
});

describe("RequestStore", () => {
  it("counts reads and writes, not lifecycle calls, and answers what the store answers", async () => {
    const inner = await MemoryStore.open(null);
    const stats: Stats = { storeCalls: 0 };
    const store = new RequestStore(inner, stats);
    expect(store.name).toBe("memory");
    await store.write({ nodes: [{ kind: "Country", key: "KR", props: { name: "South Korea" } }], relationships: [] });
    expect(await store.getNodes([{ kind: "Country", key: "KR" }])).toEqual(await inner.getNodes([{ kind: "Country", key: "KR" }]));
    await store.counts();
    await store.ping();
    expect(stats.storeCalls).toBe(3);
    await store.close();
    expect(stats.storeCalls).toBe(3);
  });

  it("cuts a read off when the deadline passes while it runs", async () => {
    const { store: inner, finished } = slowStore(200);
    const stats: Stats = { storeCalls: 0 };
    const store = new RequestStore(inner, stats, { at: Date.now() + 20, outOfTime });
    await expect(store.getNodes([])).rejects.toThrow("out of time");
    expect(finished).toEqual([]);
    expect(stats.storeCalls).toBe(1);
  });

  it("refuses every counted call once the deadline has passed, before it reaches the store", async () => {
    const { store: inner, finished } = slowStore(1);
    const stats: Stats = { storeCalls: 0 };
    const store = new RequestStore(inner, stats, { at: Date.now() - 1, outOfTime });
    await expect(store.related("model-developers", ["x"], null, { after: null, limit: 1 })).rejects.toThrow("out of time");
    await expect(store.write({ nodes: [], relationships: [] })).rejects.toThrow("out of time");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finished).toEqual([]);
    expect(stats.storeCalls).toBe(2);
  });

  it("lets a write that started in time finish past the deadline", async () => {
    const { store: inner, finished } = slowStore(60);
    const store = new RequestStore(inner, { storeCalls: 0 }, { at: Date.now() + 20, outOfTime });
    await expect(store.write({ nodes: [], relationships: [] })).resolves.toBe("write");
    expect(finished).toEqual(["write"]);
  });

  it("passes lifecycle calls through, even past the deadline", async () => {
    const { store: inner } = slowStore(1);
    const stats: Stats = { storeCalls: 0 };
    const store = new RequestStore(inner, stats, { at: Date.now() - 1, outOfTime });
    await expect(store.ping()).resolves.toBe("ping");
    await expect(store.close()).resolves.toBe("close");
    expect(stats.storeCalls).toBe(0);
  });
});
