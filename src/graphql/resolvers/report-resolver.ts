// Report, ReportOmission and ReportScope: what a report included, what it is said to have omitted.
import type { NodeRecord } from "../../domain/graph.js";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { Properties } from "../../domain/graph.js";
import type { OmissionBasis } from "../../domain/kinds.js";
import type { RelatedItem } from "../../store/port.js";
import type { Context } from "../context.js";
import { connectionComplexity } from "../limits/cost.js";
import { PageArgs, type Connection } from "../types/connection-type.js";
import { ModelConnection, ReportConnection } from "../types/connections.js";
import { NameFilter } from "../types/filter-inputs.js";
import { Model } from "../types/model-type.js";
import { Organization } from "../types/organization-type.js";
import { Country } from "../types/country-type.js";
import { CountryCoverage, Report, ReportOmission, ReportScope } from "../types/report-type.js";
import { Source } from "../types/source-type.js";
import { fieldConnection, fieldFirst, fieldPages, listConnection, loadOne, loadRoot, sourcesOf, trimmed } from "./load.js";

/** A CLAIMED omission from the properties of an OMITS relationship. */
export function claimedOmission(reportSlug: string, modelSlug: string, rel: Properties, modelRecord: NodeRecord | null = null): ReportOmission {
  return Object.assign(new ReportOmission(), {
    modelRecord,
    basis: "CLAIMED" as OmissionBasis,
    note: (rel.note as string | null) ?? null,
    reportSlug,
    modelSlug,
    claimSlugs: (rel.sources ?? []) as string[],
  });
}

/** An IN_SCOPE omission: inferred from the report's scope, so no source claims it. */
export function inScopeOmission(reportSlug: string, modelSlug: string, modelRecord: NodeRecord | null = null): ReportOmission {
  return Object.assign(new ReportOmission(), {
    modelRecord,
    basis: "IN_SCOPE" as OmissionBasis,
    note: "Inside the report's declared scope, and not among the models the report includes.",
    reportSlug,
    modelSlug,
    claimSlugs: [],
  });
}

/**
 * Omissions read from a claimed and an in-scope relation (of a report, or of a model): the claimed
 * first. `pair` gives the (report, model) slugs of an item.
 */
export async function omissionsOf(
  ctx: Context,
  info: GraphQLResolveInfo,
  field: "Report.omittedModels" | "Model.omittedFrom",
  key: string,
  pair: (item: RelatedItem) => [report: string, model: string],
): Promise<ReportOmission[]> {
  const [{ items: claimed }, { items: inScope }] = await fieldPages(ctx, info, field, key);
  // A report's omissions hold their models' records (perhaps projected); a model's hold reports.
  const model = (i: RelatedItem) => (i.node.kind === "Model" ? i.node : null);
  return [...claimed.map((i) => claimedOmission(...pair(i), i.rel, model(i))), ...inScope.map((i) => inScopeOmission(...pair(i), model(i)))];
}

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, { nullable: true, description: "A report by slug (ai-index-2024, ...)." })
  report(@Arg("slug") slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Report | null> {
    return loadRoot(ctx, info, "Report", slug.trim(), Report.from);
  }

  @Query(() => ReportConnection, { complexity: connectionComplexity })
  reports(
    @Args(() => PageArgs, { validate: false }) page: PageArgs,
    @Arg("filter", () => NameFilter, { nullable: true }) filter: NameFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Report>> {
    return listConnection(ctx, { kind: "Report", filter: { nameContains: trimmed(filter?.nameContains) } }, page, Report.from);
  }

  @FieldResolver(() => Organization, { nullable: true })
  publisher(@Root() report: Report, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Organization | null | Promise<Organization | null> {
    return fieldFirst(ctx, info, "Report.publisher", report.slug, Organization.from);
  }

  @FieldResolver(() => ModelConnection, { complexity: connectionComplexity, description: "Models the report includes." })
  includedModels(@Root() report: Report, @Args(() => PageArgs, { validate: false }) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Connection<Model>> {
    return fieldConnection(ctx, info, "Report.includedModels", report.slug, page, null, Model.from);
  }

  @FieldResolver(() => [ReportOmission], {
    description: "Models the report left out: those a source claims it omitted (CLAIMED), then, when its inclusions are complete, those inside its scope that it does not include (IN_SCOPE).",
  })
  async omittedModels(@Root() report: Report, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ReportOmission[]> {
    return omissionsOf(ctx, info, "Report.omittedModels", report.slug, (i) => [report.slug, i.node.key]);
  }

  @FieldResolver(() => [CountryCoverage], { description: "Per country: models in the report's scope, included and omitted." })
  coverage(@Root() report: Report, @Ctx() ctx: Context): Promise<CountryCoverage[]> {
    return ctx.loaders.coverage.load(report.slug).then((rows) => rows.map((row) => Object.assign(new CountryCoverage(), row, { reportSlug: report.slug })));
  }
}

@Resolver(() => ReportOmission)
export class ReportOmissionResolver {
  @FieldResolver(() => Report)
  report(@Root() o: ReportOmission, @Ctx() ctx: Context): Promise<Report | null> {
    return loadOne(ctx, "Report", o.reportSlug, Report.from);
  }

  @FieldResolver(() => Model)
  model(@Root() o: ReportOmission, @Ctx() ctx: Context): Model | Promise<Model | null> {
    return o.modelRecord ? Model.from(o.modelRecord) : loadOne(ctx, "Model", o.modelSlug, Model.from);
  }

  @FieldResolver(() => [Source], { description: "Sources that say the report left the model out (empty for IN_SCOPE)." })
  claimedBy(@Root() o: ReportOmission, @Ctx() ctx: Context): Source[] | Promise<Source[]> {
    // An IN_SCOPE omission has no claims: answered at once, so its object completes without waiting.
    return o.claimSlugs.length === 0 ? [] : sourcesOf(ctx, o.claimSlugs);
  }
}

@Resolver(() => ReportScope)
export class ReportScopeResolver {
  @FieldResolver(() => [Source], { description: "Sources that state the scope." })
  sources(@Root() scope: ReportScope, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, scope.sourceSlugs);
  }
}

@Resolver(() => CountryCoverage)
export class CountryCoverageResolver {
  @FieldResolver(() => Country, { nullable: true, description: "Null for models of no known country." })
  country(@Root() row: CountryCoverage, @Ctx() ctx: Context): Promise<Country | null> | null {
    return row.countryCode ? loadOne(ctx, "Country", row.countryCode, Country.from) : null;
  }
}
