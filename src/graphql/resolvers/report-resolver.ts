// Report, ReportOmission and ReportScope: what a report included, what it is said to have omitted.
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Properties } from "../../domain/graph.js";
import type { OmissionBasis } from "../../domain/kinds.js";
import type { Context } from "../context.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { ModelConnection, ReportConnection } from "../types/connections.js";
import { NameFilter } from "../types/filter-inputs.js";
import { Model } from "../types/model-type.js";
import { Organization } from "../types/organization-type.js";
import { Report, ReportOmission, ReportScope } from "../types/report-type.js";
import { Source } from "../types/source-type.js";
import { listConnection, loadOne, relatedConnection, relatedFirst, relatedItems, sourcesOf, trimmed } from "./load.js";

/** A ReportOmission from the properties of an OMITS relationship. */
export function omissionOf(reportSlug: string, modelSlug: string, rel: Properties): ReportOmission {
  return Object.assign(new ReportOmission(), {
    basis: (rel.basis ?? "CLAIMED") as OmissionBasis,
    note: (rel.note as string | null) ?? null,
    reportSlug,
    modelSlug,
    claimSlugs: (rel.sources ?? []) as string[],
  });
}

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, { nullable: true, description: "A report by slug (ai-index-2024, ...)." })
  report(@Arg("slug") slug: string, @Ctx() ctx: Context): Promise<Report | null> {
    return loadOne(ctx, "Report", slug.trim(), Report.from);
  }

  @Query(() => ReportConnection)
  reports(
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => NameFilter, { nullable: true }) filter: NameFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Report>> {
    return listConnection(ctx, { kind: "Report", filter: { nameContains: trimmed(filter?.nameContains) } }, page, Report.from);
  }

  @FieldResolver(() => Organization, { nullable: true })
  publisher(@Root() report: Report, @Ctx() ctx: Context): Promise<Organization | null> {
    return relatedFirst(ctx, "report-publisher", report.slug, Organization.from);
  }

  @FieldResolver(() => ModelConnection, { description: "Models the report includes." })
  includedModels(@Root() report: Report, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<Connection<Model>> {
    return relatedConnection(ctx, "report-included-models", report.slug, null, page, Model.from);
  }

  @FieldResolver(() => [ReportOmission], { description: "Models the report left out, with why they count as left out and who says so." })
  async omittedModels(@Root() report: Report, @Ctx() ctx: Context): Promise<ReportOmission[]> {
    return (await relatedItems(ctx, "report-omissions", report.slug)).map((i) => omissionOf(report.slug, i.node.key, i.rel));
  }
}

@Resolver(() => ReportOmission)
export class ReportOmissionResolver {
  @FieldResolver(() => Report)
  report(@Root() o: ReportOmission, @Ctx() ctx: Context): Promise<Report | null> {
    return loadOne(ctx, "Report", o.reportSlug, Report.from);
  }

  @FieldResolver(() => Model)
  model(@Root() o: ReportOmission, @Ctx() ctx: Context): Promise<Model | null> {
    return loadOne(ctx, "Model", o.modelSlug, Model.from);
  }

  @FieldResolver(() => [Source], { description: "Sources that say the report left the model out (empty for IN_SCOPE)." })
  claimedBy(@Root() o: ReportOmission, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, o.claimSlugs);
  }
}

@Resolver(() => ReportScope)
export class ReportScopeResolver {
  @FieldResolver(() => [Source], { description: "Sources that state the scope." })
  sources(@Root() scope: ReportScope, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, scope.sourceSlugs);
  }
}
