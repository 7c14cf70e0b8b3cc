// (c) A report's figures beside the figures recomputed from the data it rests on: per country from
// the report's coverage (Report.coverage { stated recomputed }), per organization from the indicator
// its scope is counted by (Indicator.observations { value recomputed }). Which report, indicator and
// subjects are in the page's URL (report, figures, by).
import { graphql } from "./api";
import { statedVersusRecomputed, type FigureRow } from "./charts";
import { bilingual, type Named } from "./labels";
import { empty, showSources, type ChartPanel, type SourceRef } from "./panel";
import { REPORT_FIGURES_QUERY } from "./queries";

interface Country extends Named {
  code: string;
}
interface Organization extends Named {
  slug: string;
}
interface ModelRef extends Named {
  slug: string;
}
interface ReportFigures {
  report: {
    slug: string;
    title: string;
    date: string | null;
    publisher: { name: string } | null;
    scope: { releasedFrom: string | null; releasedTo: string | null } | null;
    coverage: Array<{
      country: Country | null;
      stated: number | null;
      recomputed: { value: number; source: SourceRef | null; models: { totalCount: number; nodes: ModelRef[] } } | null;
      difference: number | null;
    }>;
  } | null;
  indicator: {
    slug: string;
    unit: string;
    definition: { counts: string; note: string | null; source: SourceRef | null } | null;
    observations: Array<{
      year: number;
      value: number;
      country: Country | null;
      organization: Organization | null;
      recomputed: { value: number } | null;
      difference: number | null;
      sources: SourceRef[];
    }>;
  } | null;
}

const DEFAULT_REPORT = "ai-index-2024";
const DEFAULT_INDICATOR = "foundation-models";
/** At most this many subjects drawn (the biggest figures); Korea, the case the page follows, always. */
const MAX_SUBJECTS = 14;
const ALWAYS = "KR";

export async function coverageChart(panel: ChartPanel, params: URLSearchParams, setParam: (name: string, value: string | null) => void): Promise<void> {
  const variables = { report: params.get("report") ?? DEFAULT_REPORT, indicator: params.get("figures") ?? DEFAULT_INDICATOR };
  panel.loading();
  panel.linkQuery(REPORT_FIGURES_QUERY, variables);
  let data: ReportFigures;
  try {
    data = await graphql<ReportFigures>(REPORT_FIGURES_QUERY, variables);
  } catch (error) {
    panel.failed(error);
    return;
  }
  const { report, indicator } = data;
  if (!report || !indicator) {
    panel.failed(new Error(!report ? `no report ${variables.report}` : `no indicator ${variables.indicator}`));
    return;
  }
  const year = Number((report.scope?.releasedFrom ?? "").slice(0, 4)) || Math.max(...indicator.observations.map((o) => o.year));
  const observations = indicator.observations.filter((o) => o.year === year);

  // Countries: the coverage (which names the countries the graph counts, a figure stated or not),
  // with the stated figures of countries it has no models of.
  const countries = new Map<string, FigureRow & { models: ModelRef[]; more: number; source: SourceRef | null }>();
  for (const row of report.coverage) {
    if (!row.country || (row.stated === null && !row.recomputed?.value)) continue;
    countries.set(row.country.code, {
      key: row.country.code,
      subject: bilingual(row.country),
      stated: row.stated,
      recomputed: row.recomputed?.value ?? null,
      models: row.recomputed?.models.nodes ?? [],
      more: (row.recomputed?.models.totalCount ?? 0) - (row.recomputed?.models.nodes.length ?? 0),
      source: row.recomputed?.source ?? null,
    });
  }
  for (const o of observations) {
    if (o.country && !countries.has(o.country.code)) {
      countries.set(o.country.code, { key: o.country.code, subject: bilingual(o.country), stated: o.value, recomputed: o.recomputed?.value ?? null, models: [], more: 0, source: null });
    }
  }
  const organizations: FigureRow[] = observations
    .filter((o) => o.organization)
    .map((o) => ({ key: o.organization!.slug, subject: bilingual(o.organization!), stated: o.value, recomputed: o.recomputed?.value ?? null }));

  const select = panel.section.querySelector<HTMLSelectElement>("#coverage-by")!;
  select.value = params.get("by") === "organization" ? "organization" : "country";
  const title = `${report.title}${report.publisher ? ` (${report.publisher.name})` : ""}, ${year}`;
  const draw = () => {
    const byCountry = select.value === "country";
    const all = byCountry ? [...countries.values()] : organizations;
    const size = (r: FigureRow) => Math.max(r.stated ?? 0, r.recomputed ?? 0);
    const ranked = [...all].sort((a, b) => size(b) - size(a) || a.subject.localeCompare(b.subject));
    const shown = ranked.slice(0, MAX_SUBJECTS);
    const korea = ranked.find((r) => r.key === ALWAYS);
    if (byCountry && korea && !shown.includes(korea)) shown.splice(MAX_SUBJECTS - 1, 1, korea);
    panel.offerCsv(`${report.slug}-${indicator.slug}-${byCountry ? "countries" : "organizations"}.csv`, [
      { header: byCountry ? "country_code" : "organization", value: (r) => r.key },
      { header: byCountry ? "country" : "name", value: (r) => r.subject },
      { header: "year", value: () => year },
      { header: "stated", value: (r) => r.stated },
      { header: "recomputed", value: (r) => r.recomputed },
      { header: "difference", value: (r) => (r.stated !== null && r.recomputed !== null ? r.recomputed - r.stated : null) },
    ], shown);
    renderUnstated(panel.section.querySelector<HTMLElement>(".unstated")!, byCountry ? [...countries.values()].filter((c) => shown.some((s) => s.key === c.key)) : []);
    if (!shown.length) {
      panel.show(() => empty("The report states no figure and the graph counts none."), title);
      return;
    }
    panel.show(
      (width) => statedVersusRecomputed(shown, width),
      `${title}: ${shown.length}${ranked.length > shown.length ? ` of ${ranked.length}` : ""} ${byCountry ? "countries" : "organizations"}, stated ${indicator.unit} beside the count recomputed now.`,
    );
  };
  select.onchange = () => {
    setParam("by", select.value === "organization" ? "organization" : null);
    draw();
  };
  const definition = indicator.definition;
  panel.section.querySelector(".what")!.textContent = definition
    ? `The graph recomputes ${definition.counts}.${definition.note ? ` ${definition.note}` : ""}`
    : "The indicator has no definition to recompute it by.";
  showSources(panel.section.querySelector<HTMLElement>(".sources")!, [
    ...(definition?.source ? [definition.source] : []),
    ...uniqueSources(observations.flatMap((o) => o.sources)),
  ]);
  draw();
}

function uniqueSources(sources: SourceRef[]): SourceRef[] {
  return [...new Map(sources.map((s) => [s.slug, s])).values()];
}

/** The countries the report gives no figure for while the graph counts some: which models. */
function renderUnstated(element: HTMLElement, rows: Array<FigureRow & { models: ModelRef[]; more: number; source: SourceRef | null }>): void {
  element.replaceChildren();
  // Korea first (the case the page follows), then the most models.
  const unstated = rows.filter((r) => r.stated === null && r.recomputed).sort((a, b) => Number(b.key === ALWAYS) - Number(a.key === ALWAYS) || b.recomputed! - a.recomputed!);
  for (const row of unstated) {
    const li = document.createElement("li");
    li.dataset.country = row.key;
    const strong = document.createElement("strong");
    strong.textContent = row.subject;
    const models = row.recomputed === 1 ? "model" : "models";
    li.append(strong, `: the report states none; the graph counts ${row.recomputed} ${models}: `, row.models.map((m) => bilingual(m)).join(", "), row.more > 0 ? ` and ${row.more} more` : "", ".");
    element.append(li);
  }
}
