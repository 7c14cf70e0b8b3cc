// Hardware: lookups, the models trained on a chip, and each training's ends and sources.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { connectionComplexity } from "../limits/cost.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { HardwareConnection, ModelConnection } from "../types/connections.js";
import { ModelFilter, NameFilter } from "../types/filter-inputs.js";
import { Hardware, HardwareUse } from "../types/hardware-type.js";
import { Model } from "../types/model-type.js";
import { Source } from "../types/source-type.js";
import { fieldConnection, listConnection, loadOne, sourcesOf, trimmed } from "./load.js";
import { modelFilterOf } from "./model-resolver.js";

@Resolver(() => Hardware)
export class HardwareResolver {
  @Query(() => Hardware, { nullable: true, description: "Hardware by slug (nvidia-h100-sxm5-80gb, google-tpu-v4, ...)." })
  hardware(@Arg("slug") slug: string, @Ctx() ctx: Context): Promise<Hardware | null> {
    return loadOne(ctx, "Hardware", slug.trim(), Hardware.from);
  }

  @Query(() => HardwareConnection, { complexity: connectionComplexity, description: "Hardware by name." })
  hardwareList(@Args(() => PageArgs, { validate: false }) page: PageArgs, @Arg("filter", () => NameFilter, { nullable: true }) filter: NameFilter | null, @Ctx() ctx: Context): Promise<Connection<Hardware>> {
    return listConnection(ctx, { kind: "Hardware", filter: { nameContains: trimmed(filter?.nameContains) } }, page, Hardware.from);
  }

  @FieldResolver(() => ModelConnection, { complexity: connectionComplexity, description: "Models trained on this hardware, by name." })
  models(
    @Root() hardware: Hardware,
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => ModelFilter, { nullable: true }) filter: ModelFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Model>> {
    return fieldConnection(ctx, info, "Hardware.models", hardware.slug, page, filter ? { models: modelFilterOf(filter) } : null, Model.from);
  }
}

@Resolver(() => HardwareUse)
export class HardwareUseResolver {
  @FieldResolver(() => Hardware)
  hardware(@Root() use: HardwareUse): Hardware {
    return Hardware.from(use.hardwareRecord);
  }

  @FieldResolver(() => Model, { nullable: true })
  model(@Root() use: HardwareUse, @Ctx() ctx: Context): Promise<Model | null> {
    return loadOne(ctx, "Model", use.modelSlug, Model.from);
  }

  @FieldResolver(() => [Source], { description: "Sources that say the model was trained on it." })
  sources(@Root() use: HardwareUse, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, use.sourceSlugs);
  }
}
