// Organization: lookups and its relationship fields.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { connectionComplexity } from "../limits/cost.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { ModelConnection, OrganizationConnection } from "../types/connections.js";
import { Country } from "../types/country-type.js";
import { ModelFilter, OrganizationFilter } from "../types/filter-inputs.js";
import { Observation } from "../types/indicator-type.js";
import { Model } from "../types/model-type.js";
import { Organization } from "../types/organization-type.js";
import { Report } from "../types/report-type.js";
import { fieldConnection, fieldFirst, fieldItems, listConnection, loadRoot, trimmed } from "./load.js";
import { modelFilterOf } from "./model-resolver.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "An organization by slug (google, naver, lg-ai-research, ...)." })
  organization(@Arg("slug") slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Organization | null> {
    return loadRoot(ctx, info, "Organization", slug.trim(), Organization.from);
  }

  @Query(() => OrganizationConnection, { complexity: connectionComplexity, description: "Organizations by name." })
  organizations(
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Organization>> {
    const f = { countryCode: trimmed(filter?.countryCode)?.toUpperCase() ?? null, kind: filter?.kind ?? null, nameContains: trimmed(filter?.nameContains) };
    return listConnection(ctx, { kind: "Organization", filter: f }, page, Organization.from);
  }

  @FieldResolver(() => Country, { nullable: true, description: "Headquarters country." })
  country(@Root() org: Organization, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Country | null | Promise<Country | null> {
    return fieldFirst(ctx, info, "Organization.country", org.slug, Country.from);
  }

  @FieldResolver(() => ModelConnection, { complexity: connectionComplexity, description: "Models this organization developed (alone or with others); with `includeUnits`, also those of its units (PART_OF it, up to 3 levels), each once." })
  models(
    @Root() org: Organization,
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => ModelFilter, { nullable: true }) filter: ModelFilter | null,
    @Arg("includeUnits", () => Boolean, { defaultValue: false, description: "Count a group with its labs: Google with Google DeepMind, Google Research, ..." }) includeUnits: boolean,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Model>> {
    return fieldConnection(ctx, info, "Organization.models", org.slug, { ...page, includeUnits }, filter ? { models: modelFilterOf(filter) } : null, Model.from);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization this one is a unit of (PART_OF): Google for Google DeepMind." })
  parent(@Root() org: Organization, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Organization | null | Promise<Organization | null> {
    return fieldFirst(ctx, info, "Organization.parent", org.slug, Organization.from);
  }

  @FieldResolver(() => [Organization], { description: "The organizations that are units of this one (PART_OF it), by name." })
  async units(@Root() org: Organization, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Organization[]> {
    return (await fieldItems(ctx, info, "Organization.units", org.slug)).map((i) => Organization.from(i.node));
  }

  @FieldResolver(() => [Observation], { description: "Indicator values observed for this organization." })
  async observations(
    @Root() org: Organization,
    @Arg("indicator", () => String, { nullable: true }) indicator: string | null,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Observation[]> {
    const items = await fieldItems(ctx, info, "Organization.observations", org.slug, { first }, { indicator: trimmed(indicator), year });
    return items.map((item) => Observation.from(item.node.key, { kind: "Organization", key: org.slug }, item));
  }

  @FieldResolver(() => [Report], { description: "Reports this organization published." })
  async reports(@Root() org: Organization, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Report[]> {
    return (await fieldItems(ctx, info, "Organization.reports", org.slug)).map((i) => Report.from(i.node));
  }
}
