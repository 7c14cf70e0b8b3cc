// Indicator and Observation: lookups, observations by rank then value, and each observation's subject.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { connectionComplexity } from "../limits/cost.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { IndicatorConnection } from "../types/connections.js";
import { Country } from "../types/country-type.js";
import { NameFilter } from "../types/filter-inputs.js";
import { Indicator, Observation } from "../types/indicator-type.js";
import { Organization } from "../types/organization-type.js";
import { Source } from "../types/source-type.js";
import { fieldItems, listConnection, loadOne, sourcesOf, trimmed } from "./load.js";

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => Indicator, { nullable: true, description: "An indicator by slug (ai-patents-per-100k, ...)." })
  indicator(@Arg("slug") slug: string, @Ctx() ctx: Context): Promise<Indicator | null> {
    return loadOne(ctx, "Indicator", slug.trim(), Indicator.from);
  }

  @Query(() => IndicatorConnection, { complexity: connectionComplexity })
  indicators(
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => NameFilter, { nullable: true }) filter: NameFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Indicator>> {
    return listConnection(ctx, { kind: "Indicator", filter: { nameContains: trimmed(filter?.nameContains) } }, page, Indicator.from);
  }

  @FieldResolver(() => [Observation], { description: "Observations by rank (unranked last), then value, then year." })
  async observations(
    @Root() indicator: Indicator,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Observation[]> {
    const items = await fieldItems(ctx, info, "Indicator.observations", indicator.slug, { first }, { year });
    return items.map((item) => Observation.from(indicator.slug, { kind: item.node.kind, key: item.node.key }, item));
  }
}

@Resolver(() => Observation)
export class ObservationResolver {
  @FieldResolver(() => Indicator)
  indicator(@Root() o: Observation, @Ctx() ctx: Context): Promise<Indicator | null> {
    return loadOne(ctx, "Indicator", o.indicatorSlug, Indicator.from);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The subject, when it is a country." })
  country(@Root() o: Observation, @Ctx() ctx: Context): Promise<Country | null> | null {
    return o.subject.kind === "Country" ? loadOne(ctx, "Country", o.subject.key, Country.from) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The subject, when it is an organization." })
  organization(@Root() o: Observation, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return o.subject.kind === "Organization" ? loadOne(ctx, "Organization", o.subject.key, Organization.from) : null;
  }

  @FieldResolver(() => [Source], { description: "Sources that report this value (not those of a value it replaced: see `history`)." })
  sources(@Root() o: Observation, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, o.sourceSlugs);
  }
}
