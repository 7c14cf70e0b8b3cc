// What the graph holds before an import (any dataset's), read through the store port: the entities a record may
// resolve to, and the facts and relationships that the import must not write over.
import type { NodeRecord } from "../../domain/graph.js";
import { uidOf } from "../../domain/graph.js";
import { ASSET_KINDS, type NodeKind, type SourceKind } from "../../domain/kinds.js";
import type { RelationName } from "../../domain/relations.js";
import type { GraphStore, RelatedItem } from "../../store/port.js";
import { listOrder, listSortKey, type SortKey } from "../../domain/sort-keys.js";

/** A relationship end as the graph holds it: the far node's key and the relationship's properties. */
export interface HeldLink {
  key: string;
  sources: string[];
  props: Record<string, unknown>;
}

export interface Held {
  /** Nodes of every asset kind, by uid. */
  assets: Map<string, NodeRecord>;
  organizations: Map<string, NodeRecord>;
  countries: Map<string, NodeRecord>;
  /** Source kind by source slug. */
  sourceKinds: Map<string, SourceKind>;
  /** By asset uid: developers (organization slugs, in order), own countries, dependencies (asset slugs), claims (rel keys). */
  developers: Map<string, HeldLink[]>;
  ownCountries: Map<string, HeldLink[]>;
  dependencies: Map<string, HeldLink[]>;
  claims: Map<string, HeldLink[]>;
  /** Headquarters country codes by organization slug. */
  headquarters: Map<string, string[]>;
  /** Parent organization by unit slug (PART_OF). */
  parents: Map<string, string>;
  /** Hardware the graph holds, by slug. */
  hardware: Map<string, NodeRecord>;
}

const PAGE = 1000;
const KEYS_PER_CALL = 500;
const ALL = { after: null, limit: 100_000 };

export async function listAll(store: GraphStore, kind: NodeKind): Promise<NodeRecord[]> {
  const nodes: NodeRecord[] = [];
  const order = listOrder(kind);
  for (let after: SortKey | null = null; ; ) {
    const page = await store.list({ kind } as Parameters<GraphStore["list"]>[0], { after, limit: PAGE });
    nodes.push(...page.items);
    if (!page.hasMore || page.items.length === 0) return nodes;
    after = listSortKey(page.items.at(-1)!, order);
  }
}

export async function relatedAll(store: GraphStore, relation: RelationName, keys: string[]): Promise<Map<string, RelatedItem[]>> {
  const byKey = new Map<string, RelatedItem[]>();
  for (let i = 0; i < keys.length; i += KEYS_PER_CALL) {
    const chunk = keys.slice(i, i + KEYS_PER_CALL);
    const pages = await store.related(relation, chunk, null, ALL);
    chunk.forEach((key, j) => byKey.set(key, pages[j].items));
  }
  return byKey;
}

function links(items: RelatedItem[] | undefined): HeldLink[] {
  return (items ?? []).map((i) => ({
    key: i.node.key,
    sources: Array.isArray(i.rel.sources) ? (i.rel.sources as string[]) : [],
    props: i.rel as Record<string, unknown>,
  }));
}

/** Reads what the import resolves against: a few list and batched related calls, whatever the graph's size. */
export async function readHeld(store: GraphStore): Promise<Held> {
  const assetNodes = (await Promise.all(ASSET_KINDS.map((k) => listAll(store, k)))).flat();
  const [organizations, countries, sources, hardware] = await Promise.all([
    listAll(store, "Organization"),
    listAll(store, "Country"),
    listAll(store, "Source"),
    listAll(store, "Hardware"),
  ]);
  const assetKeys = assetNodes.map((n) => n.key);
  const [developers, ownCountries, dependencies, claims, headquarters, parents] = await Promise.all([
    relatedAll(store, "asset-developers", assetKeys),
    relatedAll(store, "asset-own-country", assetKeys),
    relatedAll(store, "asset-dependencies", assetKeys),
    relatedAll(store, "asset-claims", assetKeys),
    relatedAll(store, "organization-country", organizations.map((o) => o.key)),
    relatedAll(store, "organization-parent", organizations.map((o) => o.key)),
  ]);
  const byAssetUid = (m: Map<string, RelatedItem[]>) => new Map(assetNodes.map((n) => [uidOf(n), links(m.get(n.key))]));
  return {
    assets: new Map(assetNodes.map((n) => [uidOf(n), n])),
    organizations: new Map(organizations.map((n) => [n.key, n])),
    countries: new Map(countries.map((n) => [n.key, n])),
    sourceKinds: new Map(sources.map((n) => [n.key, n.props.sourceKind as SourceKind])),
    developers: byAssetUid(developers),
    ownCountries: byAssetUid(ownCountries),
    dependencies: byAssetUid(dependencies),
    claims: byAssetUid(claims),
    headquarters: new Map(organizations.map((o) => [o.key, (headquarters.get(o.key) ?? []).map((i) => i.node.key)])),
    parents: new Map(organizations.flatMap((o) => (parents.get(o.key) ?? []).slice(0, 1).map((i) => [o.key, i.node.key] as [string, string]))),
    hardware: new Map(hardware.map((n) => [n.key, n])),
  };
}
