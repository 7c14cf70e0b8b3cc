// Figures recomputed from the graph beside the stated ones: an indicator's definition, an
// observation's recomputed value and difference, and a report's coverage per country with the
// figure it states and the recomputed one. Every count is a modelStats call through the per-request
// loaders (one store call per year and dimension, however many observations or countries).
import { Args, Ctx, FieldResolver, Float, Resolver, Root } from "type-graphql";
import type { NodeRef } from "../../domain/graph.js";
import { definitionOf, recountOf, type IndicatorDefinition as Definition } from "../../domain/indicator-definition.js";
import type { Context } from "../context.js";
import { GROUP_MODELS_ORDERING } from "../cursors.js";
import { connectionComplexity } from "../limits/cost.js";
import { connectionOf, PageArgs, windowOf, type Connection } from "../types/connection-type.js";
import { ModelConnection } from "../types/connections.js";
import { Indicator, Observation } from "../types/indicator-type.js";
import { Model } from "../types/model-type.js";
import { IndicatorDefinition, RecomputedFigure } from "../types/recomputed-type.js";
import { CountryCoverage } from "../types/report-type.js";
import { Source } from "../types/source-type.js";
import { loadOne, relatedItems, sourcesOf } from "./load.js";

async function definitionOfIndicator(ctx: Context, slug: string): Promise<Definition | null> {
  const record = await ctx.loaders.nodes.load({ kind: "Indicator", key: slug });
  return record ? definitionOf(record) : null;
}

/** The figure of `subject` in `year` recomputed by `definition`; null when the definition does not count that kind of subject. */
async function recompute(ctx: Context, definition: Definition, subject: NodeRef, year: number): Promise<RecomputedFigure | null> {
  const recount = recountOf(definition, subject, year);
  if (!recount) return null;
  const row = await ctx.loaders.modelGroups(recount.filter, recount.groupBy, null).load(recount.key);
  return Object.assign(new RecomputedFigure(), { value: row?.count ?? 0, ...recount, listedBy: definition.listedBy });
}

const differenceOf = (recomputed: RecomputedFigure | null, stated: number | null) => (recomputed && stated !== null ? recomputed.value - stated : null);

@Resolver(() => Indicator)
export class IndicatorDefinitionResolver {
  @FieldResolver(() => IndicatorDefinition, { nullable: true, description: "How the indicator's figures are recomputed from the graph; null when it has no definition." })
  async definition(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<IndicatorDefinition | null> {
    const definition = await definitionOfIndicator(ctx, indicator.slug);
    return definition ? IndicatorDefinition.from(definition) : null;
  }
}

@Resolver(() => IndicatorDefinition)
export class IndicatorDefinitionFieldsResolver {
  @FieldResolver(() => Source, { nullable: true, description: "The source whose models it counts; null when the graph does not hold it (its dataset is not imported)." })
  source(@Root() d: IndicatorDefinition, @Ctx() ctx: Context): Promise<Source | null> {
    return loadOne(ctx, "Source", d.listedBy, Source.from);
  }

  @FieldResolver(() => [Source], { description: "The sources that say the indicator counts so." })
  sources(@Root() d: IndicatorDefinition, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, d.sourceSlugs);
  }
}

@Resolver(() => Observation)
export class ObservationRecomputedResolver {
  @FieldResolver(() => RecomputedFigure, { nullable: true, description: "The value recomputed from the graph by the indicator's definition, on request; null when the indicator has none." })
  async recomputed(@Root() o: Observation, @Ctx() ctx: Context): Promise<RecomputedFigure | null> {
    const definition = await definitionOfIndicator(ctx, o.indicatorSlug);
    return definition ? recompute(ctx, definition, o.subject, o.year) : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: "`recomputed.value` − `value`: positive when the graph counts more than the source states; null without a recomputed value." })
  async difference(@Root() o: Observation, @Ctx() ctx: Context): Promise<number | null> {
    return differenceOf(await this.recomputed(o, ctx), o.value);
  }
}

@Resolver(() => RecomputedFigure)
export class RecomputedFigureResolver {
  @FieldResolver(() => ModelConnection, { complexity: connectionComplexity, description: "The models counted, by name." })
  async models(@Root() figure: RecomputedFigure, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<Connection<Model>> {
    const window = windowOf(page, GROUP_MODELS_ORDERING);
    const row = await ctx.loaders.modelGroups(figure.filter, figure.groupBy, window).load(figure.key);
    const models = row?.models ?? { items: [], totalCount: 0, hasMore: false };
    ctx.loaders.prime(models.items);
    return connectionOf(models, window, GROUP_MODELS_ORDERING, Model.from);
  }

  @FieldResolver(() => Source, { nullable: true, description: "The source whose models are counted (the dataset); null when the graph does not hold it." })
  source(@Root() figure: RecomputedFigure, @Ctx() ctx: Context): Promise<Source | null> {
    return loadOne(ctx, "Source", figure.listedBy, Source.from);
  }
}

/** What a report's coverage is compared with: the indicator that counts its scope (`scope.countedBy`) and the scope's one year. */
async function countedBy(ctx: Context, reportSlug: string): Promise<{ indicator: string; definition: Definition; year: number } | null> {
  const report = await ctx.loaders.nodes.load({ kind: "Report", key: reportSlug });
  const indicator = report?.props.scopeCountedBy;
  const from = report?.props.scopeReleasedFrom;
  const to = report?.props.scopeReleasedTo;
  if (typeof indicator !== "string" || typeof from !== "string" || typeof to !== "string" || from.slice(0, 4) !== to.slice(0, 4)) return null;
  const definition = await definitionOfIndicator(ctx, indicator);
  return definition ? { indicator, definition, year: Number(from.slice(0, 4)) } : null;
}

@Resolver(() => CountryCoverage)
export class CoverageRecomputedResolver {
  @FieldResolver(() => Float, { nullable: true, description: "The figure the report states for the country (the indicator of its scope, `scope.countedBy`, in the scope's year); null where it states none." })
  async stated(@Root() row: CountryCoverage, @Ctx() ctx: Context): Promise<number | null> {
    const counted = row.countryCode ? await countedBy(ctx, row.reportSlug) : null;
    if (!counted) return null;
    const observations = await relatedItems(ctx, "indicator-observations", counted.indicator, { year: counted.year });
    const found = observations.find((o) => o.node.kind === "Country" && o.node.key === row.countryCode);
    return found ? (found.rel.value as number) : null;
  }

  @FieldResolver(() => RecomputedFigure, { nullable: true, description: "The country's figure recomputed from the graph by that indicator's definition, with its models and source; null when the report's scope names no indicator." })
  async recomputed(@Root() row: CountryCoverage, @Ctx() ctx: Context): Promise<RecomputedFigure | null> {
    const counted = row.countryCode ? await countedBy(ctx, row.reportSlug) : null;
    return counted ? recompute(ctx, counted.definition, { kind: "Country", key: row.countryCode! }, counted.year) : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: "`recomputed.value` − `stated`; null where either is null." })
  async difference(@Root() row: CountryCoverage, @Ctx() ctx: Context): Promise<number | null> {
    const [recomputed, stated] = await Promise.all([this.recomputed(row, ctx), this.stated(row, ctx)]);
    return differenceOf(recomputed, stated);
  }
}
