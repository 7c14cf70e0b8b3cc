// Source lookups, and the search across countries, organizations, models, benchmarks, indicators and reports.
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.js";
import { connectionComplexity } from "../limits/cost.js";
import { badUserInput } from "../errors.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { DEFAULT_SEARCH_HITS, MAX_PAGE_SIZE, pageSize } from "../page-sizes.js";
import { SourceConnection } from "../types/connections.js";
import { entityOf } from "../types/entity-of.js";
import { NameFilter } from "../types/filter-inputs.js";
import { SearchResult } from "../types/search-type.js";
import { Source } from "../types/source-type.js";
import { selectionReads } from "../wanted-properties.js";
import { listConnection, loadOne, sourcesOf, trimmed } from "./load.js";

const MAX_SEARCH_TEXT = 200;

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: "A source by slug." })
  source(@Arg("slug") slug: string, @Ctx() ctx: Context): Promise<Source | null> {
    return loadOne(ctx, "Source", slug.trim(), Source.from);
  }

  @FieldResolver(() => [Source], { description: "The sources this one is known through (the article that reports a statement); empty when it is known at first hand." })
  reportedIn(@Root() source: Source, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, source.reportedInSlugs);
  }

  @Query(() => SourceConnection, { complexity: connectionComplexity })
  sources(
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => NameFilter, { nullable: true }) filter: NameFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Source>> {
    return listConnection(ctx, { kind: "Source", filter: { nameContains: trimmed(filter?.nameContains) } }, page, Source.from);
  }

  @Query(() => [SearchResult], {
    description: "Countries, organizations, models, benchmarks, indicators and reports whose name, Korean name or an alias matches every word of `text` (as a word prefix), best first.",
  })
  async search(
    @Arg("text") text: string,
    @Arg("first", () => Int, { nullable: true, description: `At most this many hits: ${DEFAULT_SEARCH_HITS} by default, at most ${MAX_PAGE_SIZE}.` }) first: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Array<typeof SearchResult>> {
    if (text.length > MAX_SEARCH_TEXT) throw badUserInput(`search text is limited to ${MAX_SEARCH_TEXT} characters`, "text");
    // Only what the members' selected fields read (wanted-properties.ts); whole records prime the node cache.
    const { properties } = selectionReads(info);
    const hits = await ctx.store.search(text, pageSize(first, DEFAULT_SEARCH_HITS), properties);
    if (properties === null) ctx.loaders.prime(hits.map((h) => h.node));
    return hits.map((h) => entityOf(h.node) as typeof SearchResult);
  }
}
