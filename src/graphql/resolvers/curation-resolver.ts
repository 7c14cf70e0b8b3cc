// The curation mutations. Reads are public; every mutation here needs a curator's API key, checked
// (by the class's middleware) before the arguments are even validated.
import { Arg, Ctx, Mutation, Resolver, UseMiddleware, type MiddlewareFn } from "type-graphql";
import type { Context } from "../context.js";
import { CurationService } from "../curation-service.js";
import { unauthenticated } from "../errors.js";
import { BenchmarkResult } from "../types/benchmark-type.js";
import {
  BenchmarkResultInput,
  ModelInput,
  ObservationInput,
  OmissionClaimInput,
  OrganizationInput,
  ReportInclusionInput,
} from "../types/curation-inputs.js";
import { Observation } from "../types/indicator-type.js";
import { Model } from "../types/model-type.js";
import { Organization } from "../types/organization-type.js";
import { Report, ReportOmission } from "../types/report-type.js";
import { claimedOmission } from "./report-resolver.js";

/** The curator a request speaks for, or UNAUTHENTICATED (HTTP 401). */
export function curatorOf(ctx: Context): string {
  if (ctx.auth.kind === "curator") return ctx.auth.curator;
  throw unauthenticated(
    ctx.auth.kind === "invalid" ? "The API key is not valid." : "Mutations need a curator's API key: send the header 'Authorization: Bearer <key>'.",
  );
}

const RequireCurator: MiddlewareFn<Context> = ({ context }, next) => {
  curatorOf(context);
  return next();
};

/** The service for this request; loaders forget what they read, since the graph is about to change. */
function service(ctx: Context): CurationService {
  ctx.loaders.clearAll();
  return new CurationService(ctx.store, curatorOf(ctx));
}

@Resolver()
@UseMiddleware(RequireCurator)
export class CurationResolver {
  @Mutation(() => Model, {
    description:
      "Creates or updates a model, citing a source (or the curator's CURATION source). A release date or training cost it changes or removes stays readable in `claims` as superseded (its value, its sources, who replaced it, when). A model keeps its country: another is refused (BAD_USER_INPUT naming the country held), also when concurrent writes race.",
  })
  async upsertModel(@Arg("input", () => ModelInput) input: ModelInput, @Ctx() ctx: Context): Promise<Model> {
    return Model.from(await service(ctx).upsertModel(input));
  }

  @Mutation(() => Organization, {
    description:
      "Creates or updates an organization, citing a source (or the curator's CURATION source). An organization keeps its headquarters: another country is refused (BAD_USER_INPUT naming the one held), also when concurrent writes race.",
  })
  async upsertOrganization(@Arg("input", () => OrganizationInput) input: OrganizationInput, @Ctx() ctx: Context): Promise<Organization> {
    return Organization.from(await service(ctx).upsertOrganization(input));
  }

  @Mutation(() => BenchmarkResult, {
    description: "Records a model's score on a benchmark; a new score replaces the recorded one, which stays readable in the result's `history`.",
  })
  async recordBenchmarkResult(@Arg("input", () => BenchmarkResultInput) input: BenchmarkResultInput, @Ctx() ctx: Context): Promise<BenchmarkResult> {
    const rel = await service(ctx).recordBenchmarkResult(input);
    return BenchmarkResult.from(input.modelSlug, input.benchmarkSlug, { node: { kind: "Benchmark", key: input.benchmarkSlug, props: {} }, rel });
  }

  @Mutation(() => Observation, {
    description: "Records an indicator's value for a country or an organization in a year; a new value replaces the recorded one, which stays readable in the observation's `history`.",
  })
  async recordObservation(@Arg("input", () => ObservationInput) input: ObservationInput, @Ctx() ctx: Context): Promise<Observation> {
    const { subject, props } = await service(ctx).recordObservation(input);
    return Observation.from(input.indicatorSlug, subject, { node: { ...subject, props: {} }, rel: props });
  }

  @Mutation(() => Report, { description: "Records that a report includes a model, and optionally whether its inclusions are now complete." })
  async setReportInclusion(@Arg("input", () => ReportInclusionInput) input: ReportInclusionInput, @Ctx() ctx: Context): Promise<Report> {
    return Report.from(await service(ctx).setReportInclusion(input));
  }

  @Mutation(() => ReportOmission, { description: "Records a source's claim that a report left a model out." })
  async claimOmission(@Arg("input", () => OmissionClaimInput) input: OmissionClaimInput, @Ctx() ctx: Context): Promise<ReportOmission> {
    return claimedOmission(input.reportSlug, input.modelSlug, await service(ctx).claimOmission(input));
  }
}
