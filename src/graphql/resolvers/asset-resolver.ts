// Asset (models, datasets, applications, placeholders): lookups and the fields they share, each
import type { GraphQLResolveInfo } from "graphql";
// relationship field one store call per level through the loaders.
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity } from "../limits/cost.js";
import { ASSET_KINDS } from "../../domain/kinds.js";
import type { RelationFilter } from "../../domain/relations.js";
import type { Context } from "../context.js";
import { Application } from "../types/application-type.js";
import { Asset } from "../types/asset-type.js";
import { Claim } from "../types/claim-type.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { ApplicationConnection, AssetConnection, DatasetConnection } from "../types/connections.js";
import { Country } from "../types/country-type.js";
import { Dataset } from "../types/dataset-type.js";
import { entityOf } from "../types/entity-of.js";
import { AssetFilter, NameFilter } from "../types/filter-inputs.js";
import { Organization } from "../types/organization-type.js";
import { assetCountry, claimsOf } from "./claims.js";
import { fieldConnection, fieldItems, listConnection, loadOne, trimmed } from "./load.js";

function assetFilterOf(filter: AssetFilter | null): RelationFilter | null {
  if (!filter || (filter.kind == null && filter.releasedYear == null)) return null;
  return { assets: { kind: filter.kind ?? null, releasedYear: filter.releasedYear ?? null } };
}

const assetOf = (record: Parameters<typeof entityOf>[0]) => entityOf(record) as Asset;

@Resolver(() => Asset)
export class AssetResolver {
  @Query(() => Asset, { nullable: true, description: "An asset by slug, whatever its kind (asset slugs are unique across kinds)." })
  async asset(@Arg("slug") slug: string, @Ctx() ctx: Context): Promise<Asset | null> {
    const found = await ctx.loaders.nodesOf(ASSET_KINDS.map((kind) => ({ kind, key: slug.trim() })));
    return found[0] ? assetOf(found[0]) : null;
  }

  @Query(() => Dataset, { nullable: true, description: "A dataset by slug." })
  dataset(@Arg("slug") slug: string, @Ctx() ctx: Context): Promise<Dataset | null> {
    return loadOne(ctx, "Dataset", slug.trim(), Dataset.from);
  }

  @Query(() => DatasetConnection, { complexity: connectionComplexity, description: "Datasets by name." })
  datasets(@Args(() => PageArgs, { validate: false }) page: PageArgs, @Arg("filter", () => NameFilter, { nullable: true }) filter: NameFilter | null, @Ctx() ctx: Context): Promise<Connection<Dataset>> {
    return listConnection(ctx, { kind: "Dataset", filter: { nameContains: trimmed(filter?.nameContains) } }, page, Dataset.from);
  }

  @Query(() => Application, { nullable: true, description: "An application by slug." })
  application(@Arg("slug") slug: string, @Ctx() ctx: Context): Promise<Application | null> {
    return loadOne(ctx, "Application", slug.trim(), Application.from);
  }

  @Query(() => ApplicationConnection, { complexity: connectionComplexity, description: "Applications by name." })
  applications(@Args(() => PageArgs, { validate: false }) page: PageArgs, @Arg("filter", () => NameFilter, { nullable: true }) filter: NameFilter | null, @Ctx() ctx: Context): Promise<Connection<Application>> {
    return listConnection(ctx, { kind: "Application", filter: { nameContains: trimmed(filter?.nameContains) } }, page, Application.from);
  }

  @FieldResolver(() => AssetConnection, { complexity: connectionComplexity, description: "The assets this one is built from (base models, training data, ...), by name." })
  dependencies(
    @Root() asset: Asset,
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => AssetFilter, { nullable: true }) filter: AssetFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Asset>> {
    return fieldConnection(ctx, info, "Asset.dependencies", asset.slug, page, assetFilterOf(filter), assetOf);
  }

  @FieldResolver(() => AssetConnection, { complexity: connectionComplexity, description: "The assets built from this one, by name." })
  dependents(
    @Root() asset: Asset,
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => AssetFilter, { nullable: true }) filter: AssetFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Asset>> {
    return fieldConnection(ctx, info, "Asset.dependents", asset.slug, page, assetFilterOf(filter), assetOf);
  }

  @FieldResolver(() => [Organization], { description: "Developers, in the order a source names them." })
  async developers(@Root() asset: Asset, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Organization[]> {
    return (await fieldItems(ctx, info, "Asset.developers", asset.slug)).map((i) => Organization.from(i.node));
  }

  @FieldResolver(() => Country, { nullable: true, description: "The asset's own country where a source gives one, else its first developer's." })
  async country(@Root() asset: Asset, @Ctx() ctx: Context): Promise<Country | null> {
    const [first] = (await assetCountry(ctx, asset.slug)).items;
    return first ? Country.from(first.node) : null;
  }

  @FieldResolver(() => [Claim], {
    description:
      "What each source says about the asset's release date, country and training cost: the held values and the claims beside them, the preferred first, then the values curation writes replaced (`superseded`), newest first. A country taken from the developer is one claim derived from the developer's headquarters (`derivedFrom`), citing no source.",
  })
  claims(@Root() asset: Asset, @Arg("property", () => String, { nullable: true, description: "releaseDate, country, parameters, trainingComputeFlop or trainingCostUsd; all when null." }) property: string | null, @Ctx() ctx: Context): Promise<Claim[]> {
    return claimsOf(ctx, asset.record, trimmed(property));
  }
}
