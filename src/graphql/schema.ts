// Builds the executable schema from the resolver classes (type-graphql).
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { callFieldResolversDirectly } from "./direct-resolvers.js";
import { AssetResolver } from "./resolvers/asset-resolver.js";
import { BenchmarkResolver, BenchmarkResultResolver } from "./resolvers/benchmark-resolver.js";
import { ClaimResolver, DerivedFromResolver, SupersededValueResolver, SupersessionResolver } from "./resolvers/claim-resolver.js";
import { CountryResolver } from "./resolvers/country-resolver.js";
import { CurationResolver } from "./resolvers/curation-resolver.js";
import { HardwareResolver, HardwareUseResolver } from "./resolvers/hardware-resolver.js";
import { IndicatorResolver, ObservationResolver } from "./resolvers/indicator-resolver.js";
import { ModelResolver } from "./resolvers/model-resolver.js";
import { ModelGroupKeyResolver, ModelStatsResolver } from "./resolvers/model-stats-resolver.js";
import {
  CoverageRecomputedResolver,
  IndicatorDefinitionFieldsResolver,
  IndicatorDefinitionResolver,
  ObservationRecomputedResolver,
  RecomputedFigureResolver,
} from "./resolvers/recomputed-resolver.js";
import { NodeResolver } from "./resolvers/node-resolver.js";
import { OrganizationResolver } from "./resolvers/organization-resolver.js";
import { CountryCoverageResolver, ReportOmissionResolver, ReportResolver, ReportScopeResolver } from "./resolvers/report-resolver.js";
import { SliceResolver } from "./resolvers/slice-resolver.js";
import { SourceResolver } from "./resolvers/source-resolver.js";

export const RESOLVERS = [
  NodeResolver,
  CountryResolver,
  OrganizationResolver,
  ModelResolver,
  ModelStatsResolver,
  ModelGroupKeyResolver,
  BenchmarkResolver,
  BenchmarkResultResolver,
  IndicatorResolver,
  ObservationResolver,
  ReportResolver,
  ReportOmissionResolver,
  ReportScopeResolver,
  CountryCoverageResolver,
  IndicatorDefinitionResolver,
  IndicatorDefinitionFieldsResolver,
  ObservationRecomputedResolver,
  RecomputedFigureResolver,
  CoverageRecomputedResolver,
  SourceResolver,
  AssetResolver,
  HardwareResolver,
  HardwareUseResolver,
  ClaimResolver,
  SupersessionResolver,
  SupersededValueResolver,
  DerivedFromResolver,
  SliceResolver,
  CurationResolver,
] as const;

/** type-graphql's build options; the direct resolvers read them too (no global middlewares). */
const BUILD = { resolvers: RESOLVERS, validate: true } as const;

let built: Promise<GraphQLSchema> | null = null;

/** The schema, built once per process (type-graphql's metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema(BUILD).then((schema) => callFieldResolversDirectly(schema, BUILD));
  return built;
}
