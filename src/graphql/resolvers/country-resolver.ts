// Country: lookups and its relationship fields.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { connectionComplexity } from "../limits/cost.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { CountryConnection, ModelConnection, OrganizationConnection } from "../types/connections.js";
import { Country } from "../types/country-type.js";
import { NameFilter } from "../types/filter-inputs.js";
import { Observation } from "../types/indicator-type.js";
import { Model } from "../types/model-type.js";
import { Organization } from "../types/organization-type.js";
import { fieldConnection, fieldItems, listConnection, loadRoot, trimmed } from "./load.js";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: "A country by ISO 3166-1 alpha-2 code (KR, US, ...)." })
  country(@Arg("code") code: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Country | null> {
    return loadRoot(ctx, info, "Country", code.trim().toUpperCase(), Country.from);
  }

  @Query(() => CountryConnection, { complexity: connectionComplexity, description: "Countries by name." })
  countries(
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => NameFilter, { nullable: true }) filter: NameFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Country>> {
    return listConnection(ctx, { kind: "Country", filter: { nameContains: trimmed(filter?.nameContains) } }, page, Country.from);
  }

  @FieldResolver(() => OrganizationConnection, { complexity: connectionComplexity, description: "Organizations headquartered in this country." })
  organizations(@Root() country: Country, @Args(() => PageArgs, { validate: false }) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Connection<Organization>> {
    return fieldConnection(ctx, info, "Country.organizations", country.code, page, null, Organization.from);
  }

  @FieldResolver(() => ModelConnection, { complexity: connectionComplexity, description: "Models of this country: their own country, else their first developer's." })
  models(@Root() country: Country, @Args(() => PageArgs, { validate: false }) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Connection<Model>> {
    return fieldConnection(ctx, info, "Country.models", country.code, page, null, Model.from);
  }

  @FieldResolver(() => [Observation], { description: "Indicator values observed for this country, by rank then value." })
  async observations(
    @Root() country: Country,
    @Arg("indicator", () => String, { nullable: true, description: "Slug of one indicator." }) indicator: string | null,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Observation[]> {
    const items = await fieldItems(ctx, info, "Country.observations", country.code, { first }, { indicator: trimmed(indicator), year });
    return items.map((item) => Observation.from(item.node.key, { kind: "Country", key: country.code }, item));
  }
}
