// The store port's carried first items (port.ts RelatedRead.firsts), on every store: a page read
// with firsts gives each item the very page that item's own first-item read gives. The seed gives
// every model one developer and every organization one headquarters, so this suite adds second
// ones (and second publishers), whose order decides which comes first; and what the seed has none
// of: parent organizations, hardware, a report whose inclusions are complete (in-scope omissions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RelationshipRecord } from "../../src/domain/graph.js";
import { firstsCarriedBy, RELATION_NAMES, RELATIONS, type RelationName } from "../../src/domain/relations.js";
import { RELATED_ORDER_PROPERTIES } from "../../src/domain/sort-keys.js";
import { seedStore } from "../../src/store/open-store.js";
import { FIRST_ITEM, type GraphStore, type RelatedPage, type RelatedRead } from "../../src/store/port.js";
import { loadSeed } from "../../src/seed/load-seed.js";
import { config, STORE_CASES } from "../helpers/stores.js";

const seed = await loadSeed(config.seedDir);
const ADDED = { Hardware: ["test-accelerator"], Model: ["test-in-scope"] } as Record<string, string[]>;
const keysOf = (kind: string) => [...seed.nodes.filter((n) => n.kind === kind).map((n) => n.key), ...(ADDED[kind] ?? [])];
const all = { after: null, limit: 1000 };
const WANTED = ["uid", "kind", "slug", "code", "name"];
const orderingOf = (relation: RelationName) => [...RELATED_ORDER_PROPERTIES[RELATIONS[relation].order]];
const CARRYING = RELATION_NAMES.filter((r) => firstsCarriedBy(r).length > 0);

/** Second developers (after the first, by `order`), headquarters and publishers, so that every first item is chosen by its order. */
function seconds(): RelationshipRecord[] {
  const rel = (type: RelationshipRecord["type"], from: RelationshipRecord["from"], to: RelationshipRecord["to"], props: Record<string, unknown> = {}): RelationshipRecord =>
    ({ type, from, to, key: "", props: { sources: [], ...props } }) as RelationshipRecord;
  const organizations = keysOf("Organization");
  const countries = keysOf("Country");
  const developed = new Map(seed.relationships.filter((r) => r.type === "DEVELOPED_BY").map((r) => [r.from.key, r.to.key]));
  const hq = new Map(seed.relationships.filter((r) => r.type === "HEADQUARTERED_IN").map((r) => [r.from.key, r.to.key]));
  const published = new Map(seed.relationships.filter((r) => r.type === "PUBLISHED_BY").map((r) => [r.from.key, r.to.key]));
  const other = (keys: string[], not: string | undefined) => keys.find((k) => k !== not)!;
  return [
    // The added model's first developer (seconds of every model follow).
    rel("DEVELOPED_BY", { kind: "Model", key: "test-in-scope" }, { kind: "Organization", key: organizations[1] }, { order: 0 }),
    ...keysOf("Model").map((m) => rel("DEVELOPED_BY", { kind: "Model", key: m }, { kind: "Organization", key: other(organizations, developed.get(m)) }, { order: 1 })),
    ...organizations.flatMap((o) => countries.filter((c) => c !== hq.get(o)).slice(0, 2).map((c) => rel("HEADQUARTERED_IN", { kind: "Organization", key: o }, { kind: "Country", key: c }))),
    ...keysOf("Report").map((r) => rel("PUBLISHED_BY", { kind: "Report", key: r }, { kind: "Organization", key: other(organizations, published.get(r)) })),
    rel("PART_OF", { kind: "Organization", key: organizations[0] }, { kind: "Organization", key: organizations[1] }),
    ...keysOf("Model").map((m) => rel("TRAINED_ON", { kind: "Model", key: m }, { kind: "Hardware", key: "test-accelerator" })),
  ];
}

describe.each(STORE_CASES)("carried first items [$name]", (storeCase) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await storeCase.open();
    await seedStore(store, config.seedDir);
    const reports = (await store.getNodes(keysOf("Report").map((key) => ({ kind: "Report" as const, key })))).map((r) => ({ ...r!, props: { ...r!.props, scopeInclusionsComplete: true } }));
    const hardware = { kind: "Hardware" as const, key: "test-accelerator", props: { name: "Test accelerator", sources: [] } };
    // In the AI Index's scope (foundation models of 2023), neither included nor claimed omitted.
    const inScope = { kind: "Model" as const, key: "test-in-scope", props: { name: "Test in scope", modelKind: "FOUNDATION", releaseDate: "2023-06-01", sources: [] } };
    await store.write({ nodes: [...reports, hardware, inScope], relationships: seconds() });
  });
  afterAll(async () => {
    await store.close();
  });

  it.each(CARRYING)("relation %s carries each item's first items as their own reads give them", async (relation) => {
    const parents = [...keysOf(RELATIONS[relation].parent), "missing-parent"];
    const firsts = firstsCarriedBy(relation).map((first) => ({ relation: first, read: { properties: [...WANTED, "orgKind"], total: false, relationships: orderingOf(first) } }));
    const read: RelatedRead = { properties: WANTED, total: true, relationships: orderingOf(relation) };
    const pages = await store.related(relation, parents, null, all, { ...read, firsts });
    // The pages themselves are those read without firsts.
    const plain = await store.related(relation, parents, null, all, read);
    expect(pages.map((p) => p.items.map((i) => i.node.key))).toEqual(plain.map((p) => p.items.map((i) => i.node.key)));
    expect(pages.map((p) => [p.totalCount, p.hasMore])).toEqual(plain.map((p) => [p.totalCount, p.hasMore]));
    let more = 0;
    for (const item of pages.flatMap((p) => p.items)) {
      expect(item.firsts).toHaveLength(firsts.length);
      for (const [i, first] of firsts.entries()) {
        const [own] = await store.related(first.relation, [item.node.key], null, FIRST_ITEM, first.read);
        expect(asked(item.firsts![i], first.read)).toEqual(asked(own, first.read));
        if (own.hasMore) more++;
      }
    }
    // Every item with a first item has a second one here: its order chose the first.
    expect(more).toBeGreaterThan(0);
  });
});

/** What a read asks of a page: its items' kind, key, asked properties and relationship properties, and whether more follow. */
function asked(page: RelatedPage, read: RelatedRead) {
  const pick = (props: Record<string, unknown>, names: readonly string[] | null) => Object.fromEntries(Object.entries(props).filter(([k]) => !names || names.includes(k)));
  return { hasMore: page.hasMore, items: page.items.map(({ node, rel }) => ({ kind: node.kind, key: node.key, props: pick(node.props, read.properties), rel: pick(rel, read.relationships) })) };
}
