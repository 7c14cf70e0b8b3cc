// The GraphQL the stats page sends, one operation per chart, each linked to the playground as it was
// sent. Pure (no DOM), so that tests/graphql/stats-page-queries.test.ts runs every one of them
// against the schema.
export { playgroundLink } from "../explore/queries.js";

/** Groups asked for per page of `modelStats` (the API's maximum page size). */
export const GROUP_PAGE = 100;

/** (a) Models per country per release year: one group per (country, year), counted in the database. */
export const MODELS_PER_COUNTRY_YEAR_QUERY = `# Models per country per release year, as the stats page draws them (/stats/).
# A model with several countries counts once in each; follow pageInfo.endCursor for the next page.
query ModelsPerCountryPerYear($filter: ModelFilter, $first: Int = ${GROUP_PAGE}, $after: String) {
  modelStats(groupBy: [COUNTRY, YEAR], filter: $filter, orderBy: KEY, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      key { country { code name nameKo } year }
      count
    }
  }
}`;

/** The indicators the series chart offers. */
export const INDICATORS_QUERY = `query StatsIndicators { indicators(first: 100) { nodes { slug name nameKo unit } } }`;

/** (b) An indicator's observations of countries, by year; the page draws the countries chosen. */
export const INDICATOR_SERIES_QUERY = `# An indicator's values by country and year, as the stats page draws them (/stats/).
query IndicatorSeries($slug: String!) {
  indicator(slug: $slug) {
    slug name nameKo unit
    sources { slug title publisher url }
    observations(first: 100) {
      year value rank
      country { code name nameKo }
      sources { slug title }
    }
  }
}`;

/** The sources the models chart can be narrowed to: modelStats by SOURCE, the biggest first. */
export const MODEL_SOURCES_QUERY = `query StatsModelSources { modelStats(groupBy: [SOURCE], first: ${GROUP_PAGE}) { nodes { key { source { slug title } } count } } }`;

/**
 * (c) A report's figures beside those recomputed from the graph: per country from its coverage (what
 * it states, what the graph counts, the models counted), per organization from the indicator its
 * scope is counted by.
 */
export const REPORT_FIGURES_QUERY = `# A report's figures, stated and recomputed from the dataset it counts, as the stats page draws them (/stats/).
# Recomputed values are counted on request (modelStats), never stored.
query ReportFigures($report: String!, $indicator: String!) {
  report(slug: $report) {
    slug title date
    publisher { name }
    scope { releasedFrom releasedTo }
    coverage {
      country { code name nameKo }
      stated
      recomputed { value source { slug title } models(first: 10) { totalCount nodes { slug name nameKo } } }
      difference
    }
  }
  indicator(slug: $indicator) {
    slug name nameKo unit
    definition { counts note source { slug title } }
    observations(first: 100) {
      year value
      country { code name nameKo }
      organization { slug name nameKo }
      recomputed { value }
      difference
      sources { slug title publisher url }
    }
  }
}`;
