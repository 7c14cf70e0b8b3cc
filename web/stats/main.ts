// The stats page at /stats/: grouped counts (modelStats) and indicators drawn with Observable Plot,
// each chart with the operation that produced it (a link to the playground) and its data as CSV.
// The page's state (source, indicator, countries) is in its URL, so a view can be linked.
import "./style.css";
import { graphql } from "./api";
import { indicatorSeries, modelsPerCountryYear, NO_COUNTRY, NO_YEAR, type CountryYearRow, type SeriesRow } from "./charts";
import { bilingual, type Named } from "./labels";
import { ChartPanel, empty, showSources, type SourceRef } from "./panel";
import { GROUP_PAGE, INDICATOR_SERIES_QUERY, INDICATORS_QUERY, MODEL_SOURCES_QUERY, MODELS_PER_COUNTRY_YEAR_QUERY } from "./queries";
import { coverageChart } from "./coverage";

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const params = new URLSearchParams(location.search);

function setParam(name: string, value: string | null): void {
  if (value) params.set(name, value);
  else params.delete(name);
  history.replaceState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
}

// ---- (a) Models per country per release year ----

interface CountryKey extends Named {
  code: string;
}
interface CountryYearGroup {
  key: { country: CountryKey | null; year: number | null };
  count: number;
}
interface GroupPage<G> {
  modelStats: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: G[] };
}

/** The groups stop here: a chart of more bars than this would not be read. */
const MAX_GROUPS = 5000;

/** Every group of a modelStats operation, page after page. */
async function allGroups<G>(query: string, variables: Record<string, unknown>): Promise<{ groups: G[]; totalCount: number }> {
  const groups: G[] = [];
  let after: string | null = null;
  let totalCount: number;
  do {
    const page: GroupPage<G> = await graphql<GroupPage<G>>(query, { ...variables, first: GROUP_PAGE, after });
    groups.push(...page.modelStats.nodes);
    totalCount = page.modelStats.totalCount;
    after = page.modelStats.pageInfo.hasNextPage ? page.modelStats.pageInfo.endCursor : null;
  } while (after && groups.length < MAX_GROUPS);
  return { groups, totalCount };
}

const models = new ChartPanel($("#models"));
const modelSource = $<HTMLSelectElement>("#models-source");

async function loadModelSources(): Promise<void> {
  const data = await graphql<{ modelStats: { nodes: Array<{ key: { source: { slug: string; title: string | null } | null }; count: number }> } }>(MODEL_SOURCES_QUERY);
  for (const group of data.modelStats.nodes) {
    if (!group.key.source) continue;
    const option = document.createElement("option");
    option.value = group.key.source.slug;
    option.textContent = `${group.key.source.title ?? group.key.source.slug} (${group.count})`;
    modelSource.append(option);
  }
  modelSource.value = params.get("source") ?? "";
}

async function drawModels(): Promise<void> {
  models.loading();
  const source = modelSource.value || null;
  const variables = { filter: source ? { listedBy: source } : null };
  models.linkQuery(MODELS_PER_COUNTRY_YEAR_QUERY, { ...variables, first: GROUP_PAGE });
  try {
    const { groups, totalCount } = await allGroups<CountryYearGroup>(MODELS_PER_COUNTRY_YEAR_QUERY, variables);
    const rows: CountryYearRow[] = groups.map((g) => ({
      code: g.key.country?.code ?? null,
      country: g.key.country ? bilingual(g.key.country) : NO_COUNTRY,
      year: g.key.year,
      count: g.count,
    }));
    models.offerCsv(`models-per-country-year${source ? `-${source}` : ""}.csv`, [
      { header: "country_code", value: (r) => r.code },
      { header: "country", value: (r) => r.country },
      { header: "year", value: (r) => r.year ?? "" },
      { header: "models", value: (r) => r.count },
    ], rows);
    if (rows.length === 0) {
      models.show(() => empty("No models match."), "No groups.");
      return;
    }
    const countries = new Set(rows.filter((r) => r.code !== null).map((r) => r.code)).size;
    const undated = rows.filter((r) => r.year === null).reduce((n, r) => n + r.count, 0);
    models.show(
      (width) => modelsPerCountryYear(rows, width),
      `${rows.length} groups of ${countries} countries${rows.length < totalCount ? ` (the first ${rows.length} of ${totalCount})` : ""}${undated ? ` · “${NO_YEAR}”: models without a release date` : ""}.`,
    );
  } catch (error) {
    models.failed(error);
  }
}

modelSource.addEventListener("change", () => {
  setParam("source", modelSource.value || null);
  void drawModels();
});

// ---- (b) An indicator for chosen countries over the years ----

interface IndicatorInfo extends Named {
  slug: string;
  unit: string;
}
interface IndicatorSeriesData {
  indicator: (IndicatorInfo & {
    sources: SourceRef[];
    observations: Array<{ year: number; value: number; rank: number | null; country: CountryKey | null; sources: SourceRef[] }>;
  }) | null;
}

const series = new ChartPanel($("#series"));
const indicatorSelect = $<HTMLSelectElement>("#series-indicator");
const countryBoxes = $<HTMLElement>("#series-countries");
/** Korea first: the page was made to follow its figures; then the countries most often observed. */
const PREFERRED = ["KR", "US", "CN", "JP", "GB", "FR", "DE", "IN"];
const DEFAULT_INDICATOR = "ai-talent-migration";
const DEFAULT_COUNTRIES = 6;

async function loadIndicators(): Promise<void> {
  const data = await graphql<{ indicators: { nodes: IndicatorInfo[] } }>(INDICATORS_QUERY);
  for (const indicator of data.indicators.nodes) {
    const option = document.createElement("option");
    option.value = indicator.slug;
    option.textContent = bilingual(indicator);
    indicatorSelect.append(option);
  }
  const wanted = params.get("indicator") ?? DEFAULT_INDICATOR;
  indicatorSelect.value = data.indicators.nodes.some((i) => i.slug === wanted) ? wanted : (data.indicators.nodes[0]?.slug ?? "");
}

let seriesData: IndicatorSeriesData["indicator"] = null;

async function fetchSeries(): Promise<void> {
  series.loading();
  const variables = { slug: indicatorSelect.value };
  series.linkQuery(INDICATOR_SERIES_QUERY, variables);
  try {
    seriesData = (await graphql<IndicatorSeriesData>(INDICATOR_SERIES_QUERY, variables)).indicator;
  } catch (error) {
    series.failed(error);
    return;
  }
  if (!seriesData) {
    series.failed(new Error(`no indicator ${variables.slug}`));
    return;
  }
  // The countries observed, Korea and the preferred first, then by name.
  const observed = new Map<string, CountryKey>();
  for (const o of seriesData.observations) if (o.country) observed.set(o.country.code, o.country);
  const rank = (code: string) => (PREFERRED.includes(code) ? PREFERRED.indexOf(code) : PREFERRED.length);
  const codes = [...observed.keys()].sort((a, b) => rank(a) - rank(b) || observed.get(a)!.name.localeCompare(observed.get(b)!.name));
  const asked = params.get("countries")?.split(",").filter((c) => observed.has(c));
  const chosen = new Set(asked?.length ? asked : codes.slice(0, DEFAULT_COUNTRIES));
  countryBoxes.querySelectorAll("label").forEach((l) => l.remove());
  for (const code of codes) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = code;
    box.checked = chosen.has(code);
    box.addEventListener("change", () => {
      setParam("countries", chosenCountries().join(","));
      drawSeries();
    });
    label.append(box, ` ${bilingual(observed.get(code)!)}`);
    countryBoxes.append(label);
  }
  drawSeries();
}

function chosenCountries(): string[] {
  return [...countryBoxes.querySelectorAll<HTMLInputElement>("input:checked")].map((b) => b.value);
}

function drawSeries(): void {
  const indicator = seriesData!;
  // In the order of the boxes (Korea first), then by year.
  const order = chosenCountries();
  const chosen = new Set(order);
  const rows: SeriesRow[] = indicator.observations
    .filter((o) => o.country && chosen.has(o.country.code))
    .map((o) => ({ code: o.country!.code, country: bilingual(o.country!), year: o.year, value: o.value }))
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code) || a.year - b.year);
  series.offerCsv(`${indicator.slug}.csv`, [
    { header: "indicator", value: () => indicator.slug },
    { header: "country_code", value: (r) => r.code },
    { header: "country", value: (r) => r.country },
    { header: "year", value: (r) => r.year },
    { header: "value", value: (r) => r.value },
    { header: "unit", value: () => indicator.unit },
  ], rows);
  showSources($("#series .sources"), indicator.sources);
  if (rows.length === 0) {
    series.show(() => empty("Choose a country."), `${bilingual(indicator)}: no country chosen.`);
    return;
  }
  const years = new Set(rows.map((r) => r.year));
  series.show(
    (width) => indicatorSeries(rows, indicator.unit, width),
    `${bilingual(indicator)} (${indicator.unit}): ${rows.length} observations of ${chosen.size} countries in ${years.size} ${years.size === 1 ? "year" : "years"}.`,
  );
}

indicatorSelect.addEventListener("change", () => {
  setParam("indicator", indicatorSelect.value);
  setParam("countries", null);
  void fetchSeries();
});

// ---- the page ----

async function start(): Promise<void> {
  await Promise.all([
    loadModelSources().catch(() => undefined).then(drawModels),
    loadIndicators().then(fetchSeries, (error) => series.failed(error)),
    coverageChart(new ChartPanel($("#coverage")), params, setParam),
  ]);
  document.body.dataset.state = "ready";
}

void start();
