// Model: lookups, the filtered and ordered list, and its relationship fields.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { ModelFilter as ModelFilterValue } from "../../domain/relations.js";
import type { Context } from "../context.js";
import { connectionComplexity } from "../limits/cost.js";
import { badUserInput } from "../errors.js";
import { BenchmarkResult } from "../types/benchmark-type.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { ModelConnection } from "../types/connections.js";
import { Country } from "../types/country-type.js";
import { ModelFilter, ModelOrder } from "../types/filter-inputs.js";
import { HardwareUse } from "../types/hardware-type.js";
import { Model } from "../types/model-type.js";
import { Organization } from "../types/organization-type.js";
import { Report, ReportOmission } from "../types/report-type.js";
import { fieldFirst, fieldItems, listConnection, loadRoot, trimmed } from "./load.js";
import { omissionsOf } from "./report-resolver.js";

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;

/** The store's model filter for the GraphQL input, checked. */
export function modelFilterOf(filter: ModelFilter | null): ModelFilterValue | null {
  if (!filter) return null;
  if (filter.releasedYear != null && (filter.releasedYear < YEAR_MIN || filter.releasedYear > YEAR_MAX)) {
    throw badUserInput(`releasedYear must be from ${YEAR_MIN} to ${YEAR_MAX}`, "filter.releasedYear");
  }
  for (const [min, max, name] of [
    [filter.computeMin, filter.computeMax, "compute"],
    [filter.parametersMin, filter.parametersMax, "parameters"],
  ] as const) {
    if (min != null && max != null && min > max) throw badUserInput(`${name}Min must not exceed ${name}Max`, `filter.${name}Min`);
  }
  return {
    countryCode: trimmed(filter.countryCode)?.toUpperCase() ?? null,
    organizationSlug: trimmed(filter.organizationSlug),
    releasedYear: filter.releasedYear ?? null,
    releasedAfter: filter.releasedAfter ?? null,
    releasedBefore: filter.releasedBefore ?? null,
    nameContains: trimmed(filter.nameContains),
    domain: trimmed(filter.domain),
    notable: filter.notable ?? null,
    computeMin: filter.computeMin ?? null,
    computeMax: filter.computeMax ?? null,
    parametersMin: filter.parametersMin ?? null,
    parametersMax: filter.parametersMax ?? null,
    listedBy: trimmed(filter.listedBy),
  };
}

// A model's developers and country read the Model relations (model-developers, and the derived
// model-country), the ones the root lookup's prefetch starts (prefetch.ts). A level that mixes models
// with datasets and applications makes one store call per field and kind of asset.
@Resolver(() => Model)
export class ModelResolver {
  @Query(() => Model, { nullable: true, description: "A model by slug (gpt-4, exaone-2-0, ...)." })
  model(@Arg("slug") slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Model | null> {
    return loadRoot(ctx, info, "Model", slug.trim(), Model.from);
  }

  @Query(() => ModelConnection, { complexity: connectionComplexity, description: "Models, filtered and ordered (by name unless `orderBy` says otherwise)." })
  models(
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => ModelFilter, { nullable: true }) filter: ModelFilter | null,
    @Arg("orderBy", () => ModelOrder, { nullable: true }) orderBy: ModelOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Model>> {
    const order = orderBy ? { field: orderBy.field, direction: orderBy.direction } : null;
    return listConnection(ctx, { kind: "Model", filter: modelFilterOf(filter), order }, page, Model.from);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The first developer." })
  organization(@Root() model: Model, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Organization | null | Promise<Organization | null> {
    return fieldFirst(ctx, info, "Model.organization", model.slug, Organization.from);
  }

  @FieldResolver(() => [Organization], { description: "Developers, in the order a source names them." })
  async developers(@Root() model: Model, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Organization[]> {
    return (await fieldItems(ctx, info, "Model.developers", model.slug)).map((i) => Organization.from(i.node));
  }

  @FieldResolver(() => Country, { nullable: true, description: "The model's own country where a source gives one, else its first developer's." })
  country(@Root() model: Model, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Country | null | Promise<Country | null> {
    return fieldFirst(ctx, info, "Model.country", model.slug, Country.from);
  }

  @FieldResolver(() => [BenchmarkResult], { description: "Benchmark results, best first; with `benchmark`, on that benchmark only." })
  async benchmarkResults(
    @Root() model: Model,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("benchmark", () => String, { nullable: true, description: "A benchmark's slug (gpqa-diamond, mmlu, ...)." }) benchmark: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BenchmarkResult[]> {
    const slug = trimmed(benchmark);
    return (await fieldItems(ctx, info, "Model.benchmarkResults", model.slug, { first }, slug ? { benchmark: slug } : null)).map((i) => BenchmarkResult.from(model.slug, i.node.key, i));
  }

  @FieldResolver(() => [HardwareUse], { description: "The hardware the model was trained on, with the number of chips where the source gives it." })
  async hardware(@Root() model: Model, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<HardwareUse[]> {
    return (await fieldItems(ctx, info, "Model.hardware", model.slug)).map((i) => HardwareUse.from(model.slug, i.node, i));
  }

  @FieldResolver(() => [Report], { description: "Reports that include this model." })
  async includedIn(@Root() model: Model, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Report[]> {
    return (await fieldItems(ctx, info, "Model.includedIn", model.slug)).map((i) => Report.from(i.node));
  }

  @FieldResolver(() => [ReportOmission], { description: "Reports that left this model out: claimed by a source, or inside their scope and not included." })
  async omittedFrom(@Root() model: Model, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ReportOmission[]> {
    return omissionsOf(ctx, info, "Model.omittedFrom", model.slug, (i) => [i.node.key, model.slug]);
  }
}
