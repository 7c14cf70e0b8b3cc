// Benchmark and BenchmarkResult: lookups, results best first, and each result's ends and sources.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { connectionComplexity } from "../limits/cost.js";
import { Benchmark, BenchmarkResult } from "../types/benchmark-type.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { BenchmarkConnection } from "../types/connections.js";
import { NameFilter } from "../types/filter-inputs.js";
import { Asset } from "../types/asset-type.js";
import { entityOf } from "../types/entity-of.js";
import { Model } from "../types/model-type.js";
import { Source } from "../types/source-type.js";
import { fieldItems, listConnection, loadOne, sourcesOf, trimmed } from "./load.js";

@Resolver(() => Benchmark)
export class BenchmarkResolver {
  @Query(() => Benchmark, { nullable: true, description: "A benchmark by slug (mmmu, ...)." })
  benchmark(@Arg("slug") slug: string, @Ctx() ctx: Context): Promise<Benchmark | null> {
    return loadOne(ctx, "Benchmark", slug.trim(), Benchmark.from);
  }

  @Query(() => BenchmarkConnection, { complexity: connectionComplexity })
  benchmarks(
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => NameFilter, { nullable: true }) filter: NameFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Benchmark>> {
    return listConnection(ctx, { kind: "Benchmark", filter: { nameContains: trimmed(filter?.nameContains) } }, page, Benchmark.from);
  }

  @FieldResolver(() => [BenchmarkResult], { description: "Results on this benchmark, best first." })
  async results(@Root() benchmark: Benchmark, @Arg("first", () => Int, { nullable: true }) first: number | null, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<BenchmarkResult[]> {
    return (await fieldItems(ctx, info, "Benchmark.results", benchmark.slug, { first })).map((i) =>
      BenchmarkResult.from(i.node.key, benchmark.slug, i, i.node.kind === "UnresolvedAsset" ? "UnresolvedAsset" : "Model"),
    );
  }
}

@Resolver(() => BenchmarkResult)
export class BenchmarkResultResolver {
  @FieldResolver(() => Model, { nullable: true, description: "The model scored; null when the source names a model the graph does not know (see `subject`)." })
  async model(@Root() result: BenchmarkResult, @Ctx() ctx: Context): Promise<Model | null> {
    if (result.modelKind !== "Model") return null;
    return result.modelRecord ? Model.from(result.modelRecord) : loadOne(ctx, "Model", result.modelSlug, Model.from);
  }

  @FieldResolver(() => Asset, { description: "What was scored: the model, or a placeholder (`unresolved: true`) named as the source names the model." })
  async subject(@Root() result: BenchmarkResult, @Ctx() ctx: Context): Promise<Asset | null> {
    return loadOne(ctx, result.modelKind, result.modelSlug, (r) => entityOf(r) as Asset);
  }

  @FieldResolver(() => Benchmark)
  async benchmark(@Root() result: BenchmarkResult, @Ctx() ctx: Context): Promise<Benchmark | null> {
    return loadOne(ctx, "Benchmark", result.benchmarkSlug, Benchmark.from);
  }

  @FieldResolver(() => [Source], { description: "Sources that report this score (not those of a score it replaced: see `history`)." })
  sources(@Root() result: BenchmarkResult, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, result.sourceSlugs);
  }
}
