// What resolvers share: loading through the per-request loaders, so that every relationship field
// is one store call per level. Resolvers never reach the store for a relation any other way.
import type { NodeRecord } from "../../domain/graph.js";
import type { NodeKind } from "../../domain/kinds.js";
import type { RelationFilter, RelationName } from "../../domain/relations.js";
import { FIRST_ITEM, type ListQuery, type RelatedItem, type RelatedPage, type RelatedRead, type Window } from "../../store/port.js";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.js";
import { listOrdering, relatedOrdering } from "../cursors.js";
import { prefetchRelations } from "../prefetch.js";
import { listSize } from "../page-sizes.js";
import { RELATION_FIELDS, loadsOf, type RelationField, type RelationFieldDeclaration, type RelationLoad } from "../relation-fields.js";
import { connectionOf, windowOf, type Connection, type PageArgs } from "../types/connection-type.js";
import { selectionReads } from "../wanted-properties.js";
import { Source } from "../types/source-type.js";

export { FIRST_ONLY, MAX_LIST } from "../page-sizes.js";

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

/** The window of relatedItems: the first `first` items (default and maximum MAX_LIST). */
export function listWindow(first?: number | null): Window {
  return { after: null, limit: listSize(first) };
}

/** A field's arguments, as its resolver (or graphql-js, for a prefetch) has them. */
type Args = object;

/**
 * The pages of a declared relationship field (relation-fields.ts) for one parent, one per relation it
 * reads, through the loaders that a root lookup's prefetch fills with the same keys; the store reads
 * only the properties the field's selection (`info`) reads (wanted-properties.ts), as the prefetch does.
 */
export async function fieldPages(ctx: Context, info: GraphQLResolveInfo, field: RelationField, key: string, args: Args = {}, filter: RelationFilter | null = null): Promise<RelatedPage[]> {
  return loadPages(ctx, fieldLoads(info, field, args), key, filter);
}

/** The loads of a declared field for the selection `info` (relation-fields.ts loadsOf). */
function fieldLoads(info: GraphQLResolveInfo, field: RelationField, args: Args): RelationLoad[] {
  const declaration: RelationFieldDeclaration = RELATION_FIELDS[field];
  return loadsOf(declaration, args, selectionReads(info, declaration.item));
}

async function loadPages(ctx: Context, loads: readonly RelationLoad[], key: string, filter: RelationFilter | null): Promise<RelatedPage[]> {
  const pages = await Promise.all(loads.map(({ relation, window, read }) => ctx.loaders.related(relation, filter, window, read).load(key)));
  for (const [i, page] of pages.entries()) primePage(ctx, loads[i].read, page);
  return pages;
}

/**
 * Primes the node cache with a page's nodes when they are whole records, not a projection; and, for
 * every item read with firsts (RelatedRead.firsts), the loaders its `first` fields then read (the
 * same loads, from loadsOf of their declarations), so those fields make no store call.
 */
function primePage(ctx: Context, read: RelatedRead, page: RelatedPage): void {
  if (read.properties === null) ctx.loaders.prime(page.items.map((i) => i.node));
  for (const [i, first] of (read.firsts ?? []).entries()) {
    const carried: Array<readonly [string, RelatedPage]> = [];
    for (const item of page.items) {
      const firstPage = item.firsts?.[i];
      if (firstPage) carried.push([item.node.key, firstPage]);
    }
    ctx.loaders.primeCarried(first.relation, FIRST_ITEM, first.read, carried);
  }
}

/** The items of a declared `list` or `first` field that reads one relation. */
export async function fieldItems(ctx: Context, info: GraphQLResolveInfo, field: RelationField, key: string, args: Args = {}, filter: RelationFilter | null = null): Promise<RelatedItem[]> {
  const [page] = await fieldPages(ctx, info, field, key, args, filter);
  return page.items;
}

/**
 * The one item of a declared `first` field, built; null when the parent has none. At once (not a
 * promise) when the parent's page carried it (primePage): the same page the loader would give.
 */
export function fieldFirst<T>(ctx: Context, info: GraphQLResolveInfo, field: RelationField, key: string, build: (r: NodeRecord) => T): T | null | Promise<T | null> {
  const [{ relation, window, read }] = fieldLoads(info, field, {});
  const built = (page: RelatedPage): T | null => {
    primePage(ctx, read, page);
    const [item] = page.items;
    return item ? build(item.node) : null;
  };
  const page = ctx.loaders.relatedPage(relation, window, read, key);
  return page instanceof Promise ? page.then(built) : built(page);
}

/** A declared `connection` field's page for one parent, as a connection. */
export async function fieldConnection<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  field: RelationField,
  key: string,
  args: PageArgs & { includeUnits?: boolean },
  filter: RelationFilter | null,
  build: (r: NodeRecord) => T,
): Promise<Connection<T>> {
  const [{ relation, window, read }] = fieldLoads(info, field, args);
  const page = await ctx.loaders.related(relation, filter, window, read).load(key);
  primePage(ctx, read, page);
  return connectionOf(page, window, relatedOrdering(relation), (item) => build(item.node));
}

/**
 * Items of a relation for one parent, at most `first` (default and maximum MAX_LIST): for loads that
 * are not a field of their own (claims.ts derives a country from three). Fields use fieldItems.
 */
export async function relatedItems(ctx: Context, relation: RelationName, key: string, filter: RelationFilter | null = null, first?: number | null): Promise<RelatedItem[]> {
  const page = await ctx.loaders.related(relation, filter, listWindow(first)).load(key);
  ctx.loaders.prime(page.items.map((i) => i.node));
  return page.items;
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
