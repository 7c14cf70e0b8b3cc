// What resolvers share: loading through the per-request loaders, so that every relationship field
// is one store call per level. Resolvers never reach the store for a relation any other way.
import type { NodeRecord } from "../../domain/graph.js";
import type { NodeKind } from "../../domain/kinds.js";
import type { RelationFilter, RelationName } from "../../domain/relations.js";
import type { ListQuery, RelatedItem } from "../../store/port.js";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.js";
import { listOrdering, relatedOrdering } from "../cursors.js";
import { prefetchRelations } from "../prefetch.js";
import { connectionOf, windowOf, type Connection, type PageArgs } from "../types/connection-type.js";
import { Source } from "../types/source-type.js";
import { FIRST_ONLY, listWindow } from "./list-window.js";

/**
 * A root lookup: the entity by key, with the loads of the relationship fields selected below it
 * started in the same tick (prefetch.ts), so that both go out in one round of store calls.
 */
export function loadRoot<T>(ctx: Context, info: GraphQLResolveInfo, kind: NodeKind, key: string, build: (r: NodeRecord) => T): Promise<T | null> {
  prefetchRelations(ctx, info, kind, key);
  return loadOne(ctx, kind, key, build);
}

export async function loadOne<T>(ctx: Context, kind: NodeKind, key: string, build: (r: NodeRecord) => T): Promise<T | null> {
  const record = await ctx.loaders.nodes.load({ kind, key });
  return record ? build(record) : null;
}

/** Items of a relation for one parent, at most `first` (default and maximum MAX_LIST). */
export async function relatedItems(ctx: Context, relation: RelationName, key: string, filter: RelationFilter | null = null, first?: number | null): Promise<RelatedItem[]> {
  const page = await ctx.loaders.related(relation, filter, listWindow(first)).load(key);
  ctx.loaders.prime(page.items.map((i) => i.node));
  return page.items;
}

/** The first item of a relation for one parent (a model's first developer, an organization's country). */
export async function relatedFirst<T>(ctx: Context, relation: RelationName, key: string, build: (r: NodeRecord) => T): Promise<T | null> {
  const [item] = await relatedItems(ctx, relation, key, null, FIRST_ONLY);
  return item ? build(item.node) : null;
}

export async function relatedConnection<T>(
  ctx: Context,
  relation: RelationName,
  key: string,
  filter: RelationFilter | null,
  args: PageArgs,
  build: (r: NodeRecord) => T,
): Promise<Connection<T>> {
  const ordering = relatedOrdering(relation);
  const window = windowOf(args, ordering);
  const page = await ctx.loaders.related(relation, filter, window).load(key);
  ctx.loaders.prime(page.items.map((i) => i.node));
  return connectionOf(page, window, ordering, (item) => build(item.node));
}

export async function listConnection<T>(ctx: Context, query: ListQuery, args: PageArgs, build: (r: NodeRecord) => T): Promise<Connection<T>> {
  const ordering = listOrdering(query);
  const window = windowOf(args, ordering);
  const page = await ctx.store.list(query, window);
  ctx.loaders.prime(page.items);
  return connectionOf(page, window, ordering, build);
}

/** The Source objects of a list of source slugs, in that order. */
export async function sourcesOf(ctx: Context, slugs: readonly string[]): Promise<Source[]> {
  const records = await ctx.loaders.nodesOf(slugs.map((key) => ({ kind: "Source" as const, key })));
  return records.map(Source.from);
}

export function trimmed(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}
