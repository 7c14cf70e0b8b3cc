// The union of what search can find.
import { createUnionType } from "type-graphql";
import { Benchmark } from "./benchmark-type.js";
import { Country } from "./country-type.js";
import { Indicator } from "./indicator-type.js";
import { Model } from "./model-type.js";
import { Organization } from "./organization-type.js";
import { Report } from "./report-type.js";

export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "A country, organization, model, benchmark, indicator or report that matched a search.",
  types: () => [Country, Organization, Model, Benchmark, Indicator, Report] as const,
});
