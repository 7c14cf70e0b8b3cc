// Query.modelStats: models grouped and counted in the store (one store call per field), each group's
// key resolved to its objects through the per-request loaders, and its models paged by name.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { MAX_GROUP_DIMENSIONS, type ModelDimension as ModelDimensionValue, type ModelGroupOrder as ModelGroupOrderValue } from "../../domain/model-stats.js";
import type { Context } from "../context.js";
import { GROUP_MODELS_ORDERING, groupOrdering } from "../cursors.js";
import { badUserInput } from "../errors.js";
import { connectionComplexity } from "../limits/cost.js";
import { connectionOf, PageArgs, windowOf, type Connection } from "../types/connection-type.js";
import { ModelConnection, ModelGroupConnection } from "../types/connections.js";
import { Country } from "../types/country-type.js";
import { ModelDimension, ModelGroupOrder } from "../types/enums.js";
import { ModelFilter } from "../types/filter-inputs.js";
import { Model } from "../types/model-type.js";
import { connectionItemSets, fieldsOf } from "../selections.js";
import { ModelGroup, ModelGroupKey } from "../types/model-stats-type.js";
import { Organization } from "../types/organization-type.js";
import { Source } from "../types/source-type.js";
import { loadOne } from "./load.js";
import { modelFilterOf } from "./model-resolver.js";

/** The dimensions asked for, checked: 1..MAX_GROUP_DIMENSIONS, none twice, not both organization dimensions. */
function dimensionsOf(groupBy: readonly ModelDimensionValue[]): ModelDimensionValue[] {
  if (groupBy.length === 0 || groupBy.length > MAX_GROUP_DIMENSIONS) throw badUserInput(`\`groupBy\` needs 1 to ${MAX_GROUP_DIMENSIONS} dimensions, got ${groupBy.length}`, "groupBy");
  if (new Set(groupBy).size !== groupBy.length) throw badUserInput("`groupBy` names a dimension twice", "groupBy");
  if (groupBy.includes("ORGANIZATION") && groupBy.includes("PARENT_ORGANIZATION")) throw badUserInput("`groupBy` takes ORGANIZATION or PARENT_ORGANIZATION, not both (a key has one organization)", "groupBy");
  return [...groupBy];
}

const SUMMARY_FIELDS = new Set(["parameters", "trainingCompute", "trainingCost"]);

/**
 * Whether the selection reads a group's summaries (nodes { parameters ... } or edges { node { ... } }):
 * the store computes them only then, as the median of every group's models costs the most.
 */
function asksSummaries(info: GraphQLResolveInfo): boolean {
  const groups = connectionItemSets(null, info.fieldNodes.map((f) => f.selectionSet), info.fragments);
  return [...fieldsOf(null, groups, info.fragments)].some((f) => SUMMARY_FIELDS.has(f.name.value));
}

@Resolver(() => ModelGroup)
export class ModelStatsResolver {
  @Query(() => ModelGroupConnection, {
    complexity: connectionComplexity,
    description:
      "Models matching `filter`, grouped by the dimensions of `groupBy` and counted in the store: each group's key, count, the summary of its models' parameters, training compute and training cost, and its models. A model with several values in a dimension (developers, countries, domains, sources) counts once in each of their groups, so groups can add up to more than the models; a model with none counts in the group whose key is null. Ordered by `orderBy` (largest group first by default), paged like every list.",
  })
  async modelStats(
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => ModelFilter, { nullable: true }) filter: ModelFilter | null,
    @Arg("groupBy", () => [ModelDimension], { description: `1 to ${MAX_GROUP_DIMENSIONS} dimensions; a group's key has a value for each.` }) groupBy: ModelDimensionValue[],
    @Arg("orderBy", () => ModelGroupOrder, { defaultValue: "COUNT_DESC" }) orderBy: ModelGroupOrderValue,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ModelGroup>> {
    const dimensions = dimensionsOf(groupBy);
    const modelFilter = modelFilterOf(filter);
    const ordering = groupOrdering(dimensions, orderBy);
    const window = windowOf(page, ordering);
    const groups = await ctx.store.modelStats({ filter: modelFilter, groupBy: dimensions, order: orderBy, summaries: asksSummaries(info) }, window);
    return connectionOf(groups, window, ordering, (row) => ModelGroup.from(row, modelFilter, dimensions));
  }

  @FieldResolver(() => ModelConnection, { complexity: connectionComplexity, description: "The group's models, by name." })
  async models(@Root() group: ModelGroup, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<Connection<Model>> {
    const window = windowOf(page, GROUP_MODELS_ORDERING);
    const row = await ctx.loaders.modelGroups(group.filter, group.groupBy, window).load(group.key.values);
    const models = row?.models ?? { items: [], totalCount: 0, hasMore: false };
    ctx.loaders.prime(models.items);
    return connectionOf(models, window, GROUP_MODELS_ORDERING, Model.from);
  }
}

@Resolver(() => ModelGroupKey)
export class ModelGroupKeyResolver {
  @FieldResolver(() => Country, { nullable: true, description: "COUNTRY: the country." })
  country(@Root() key: ModelGroupKey, @Ctx() ctx: Context): Promise<Country | null> | null {
    return key.countryCode ? loadOne(ctx, "Country", key.countryCode, Country.from) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "ORGANIZATION: the developer; PARENT_ORGANIZATION: the organization its developers roll up to." })
  organization(@Root() key: ModelGroupKey, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return key.organizationSlug ? loadOne(ctx, "Organization", key.organizationSlug, Organization.from) : null;
  }

  @FieldResolver(() => Source, { nullable: true, description: "SOURCE: the source the models cite." })
  source(@Root() key: ModelGroupKey, @Ctx() ctx: Context): Promise<Source | null> | null {
    return key.sourceSlug ? loadOne(ctx, "Source", key.sourceSlug, Source.from) : null;
  }
}
