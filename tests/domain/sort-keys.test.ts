// RELATED_ORDER_PROPERTIES names every relationship property relatedSortKey reads for an order: a
// projected related page carries only those, and its cursors must still be the same.
import { describe, expect, it } from "vitest";
import type { RelationOrder } from "../../src/domain/relations.js";
import { RELATED_ORDER_PROPERTIES, relatedSortKey } from "../../src/domain/sort-keys.js";

const ORDERS = Object.keys(RELATED_ORDER_PROPERTIES) as RelationOrder[];
const item = {
  node: { kind: "Model" as const, key: "gpt-4", props: { name: "GPT-4" } },
  rel: { key: "k1", order: 2, score: 86.4, rank: 1, value: 0.5, year: 2023, sources: ["a"], note: "n" },
};

describe("RELATED_ORDER_PROPERTIES", () => {
  it.each(ORDERS)("holds every relationship property the %s key reads", (order) => {
    const cut = Object.fromEntries(RELATED_ORDER_PROPERTIES[order].map((p) => [p, item.rel[p as keyof typeof item.rel]]));
    expect(relatedSortKey(order, { ...item, rel: cut })).toEqual(relatedSortKey(order, item));
    // And each one it names is read: without it the key changes.
    for (const p of RELATED_ORDER_PROPERTIES[order]) {
      const { [p]: _dropped, ...rest } = cut;
      expect(relatedSortKey(order, { ...item, rel: rest })).not.toEqual(relatedSortKey(order, item));
    }
  });
});
