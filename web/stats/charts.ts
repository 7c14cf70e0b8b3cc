// The page's drawings, with Observable Plot. Each takes the rows it draws (the same rows its CSV
// holds) and a width, and returns the figure Plot built.
import * as Plot from "@observablehq/plot";
import { CATEGORY_COLORS, FONT, OTHER_COLOR } from "./labels";

const STYLE = { fontFamily: FONT, fontSize: "12px", overflow: "visible" } as const;
/** Axis numbers as 1.4B, 67K, 0.3: short enough for the margin whatever the indicator's scale. */
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 });
const tickNumber = (v: number) => compact.format(v);

/** One group of modelStats(groupBy: [COUNTRY, YEAR]). */
export interface CountryYearRow {
  code: string | null;
  country: string;
  year: number | null;
  count: number;
}

/** Release years are drawn as categories, those of models without a date last. */
export const NO_YEAR = "no date";
/** The group of models of no known country: its own neutral colour, last in the legend. */
export const NO_COUNTRY = "no known country";
const NO_COUNTRY_COLOR = "#7A7F8C";
/** The countries with a colour of their own (by total count); the others share the grey. */
const COLOURED_COUNTRIES = CATEGORY_COLORS.length - 1;
export const OTHER_COUNTRIES = "Other countries";

/**
 * Stacked bars: one per release year, one segment per (country, year) group of the API, coloured
 * for the countries with the most models and grey for the rest (each still its own segment, with
 * its own tooltip).
 */
export function modelsPerCountryYear(rows: CountryYearRow[], width: number): Element {
  const totals = new Map<string, number>();
  for (const r of rows) if (r.code !== null) totals.set(r.country, (totals.get(r.country) ?? 0) + r.count);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  // All countries coloured when one more colour would do; else the first ones and a grey for the rest.
  const coloured = ranked.length <= COLOURED_COUNTRIES + 1 ? ranked : ranked.slice(0, COLOURED_COUNTRIES);
  const others = ranked.length > coloured.length;
  const unknown = rows.some((r) => r.code === null);
  const legendOf = (r: CountryYearRow) => (r.code === null ? NO_COUNTRY : coloured.includes(r.country) ? r.country : OTHER_COUNTRIES);
  const domain = [...coloured, ...(others ? [OTHER_COUNTRIES] : []), ...(unknown ? [NO_COUNTRY] : [])];
  const range = [...CATEGORY_COLORS.slice(0, coloured.length), ...(others ? [OTHER_COLOR] : []), ...(unknown ? [NO_COUNTRY_COLOR] : [])];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? Infinity) - (b ?? Infinity)).map(yearLabel);
  // Every year labelled, else every 2nd, 5th or 10th: about 48 px per label.
  const every = [1, 2, 5, 10].find((k) => Math.ceil(years.length / k) * 48 <= width - 60) ?? 10;
  // Biggest countries at the bottom of each bar, in the legend's order; no known country on top.
  const order = new Map(ranked.map((c, i) => [c, i]));
  const stackOrder = (r: CountryYearRow) => (r.code === null ? ranked.length : order.get(r.country)!);
  return Plot.plot({
    width,
    height: 380,
    marginLeft: 48,
    style: STYLE,
    x: { domain: years, label: "Release year", tickFormat: (y: string) => (every === 1 || y === NO_YEAR || Number(y) % every === 0 ? y : "") },
    y: { grid: true, label: "Models", tickFormat: tickNumber },
    color: { domain, range, legend: true },
    marks: [
      Plot.barY(rows, {
        x: (r: CountryYearRow) => yearLabel(r.year),
        y: "count",
        fill: legendOf,
        order: stackOrder,
        title: (r: CountryYearRow) => `${r.country}, ${yearLabel(r.year)}: ${r.count} ${r.count === 1 ? "model" : "models"}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

function yearLabel(year: number | null): string {
  return year === null ? NO_YEAR : String(year);
}

/** One observation of an indicator for a country. */
export interface SeriesRow {
  code: string;
  country: string;
  year: number;
  value: number;
}

/** Lines by country over the years, a dot per observation; the legend names the lines. */
export function indicatorSeries(rows: SeriesRow[], unit: string, width: number): Element {
  // The legend in the rows' order (the page's: Korea first).
  const countries = [...new Set(rows.map((r) => r.country))];
  const years = rows.map((r) => r.year);
  const [from, to] = [Math.min(...years), Math.max(...years)];
  return Plot.plot({
    width,
    height: 360,
    marginLeft: 56,
    marginRight: 24,
    style: STYLE,
    // A year or two either side, so that a single year's dots are not drawn on the frame.
    x: { domain: from === to ? [from - 1, to + 1] : [from, to], label: "Year", tickFormat: "d", ticks: Math.min(to - from + 2, 10), inset: 12 },
    y: { grid: true, label: unit, nice: true, tickFormat: tickNumber },
    color: { domain: countries, range: CATEGORY_COLORS.filter((c) => c !== "#F0E442"), legend: true },
    marks: [
      Plot.ruleY([0], { stroke: "#9aa0ad" }),
      Plot.line(rows, { x: "year", y: "value", stroke: "country", z: "country", sort: "year", strokeWidth: 2 }),
      Plot.dot(rows, {
        x: "year",
        y: "value",
        fill: "country",
        r: 4,
        title: (r: SeriesRow) => `${r.country}, ${r.year}: ${r.value} ${unit}`,
      }),
    ],
  });
}

/** One subject of a report's figures: what the report states, what the graph counts. */
export interface FigureRow {
  /** A country's code or an organization's slug. */
  key: string;
  subject: string;
  stated: number | null;
  recomputed: number | null;
}

export const STATED = "stated by the report";
export const RECOMPUTED = "recomputed from the graph";
const STATED_COLOR = "#9AA0AD";
const RECOMPUTED_COLOR = "#0072B2";

/**
 * Paired horizontal bars per subject, the report's figure above the graph's count; a figure the
 * report does not state is written "not stated" where its bar would be.
 */
export function statedVersusRecomputed(rows: FigureRow[], width: number): Element {
  const bars = rows.flatMap((r) => [
    { subject: r.subject, measure: STATED, value: r.stated },
    { subject: r.subject, measure: RECOMPUTED, value: r.recomputed },
  ]);
  const drawn = bars.filter((b) => b.value !== null) as Array<{ subject: string; measure: string; value: number }>;
  return Plot.plot({
    width,
    height: 44 + rows.length * 40,
    // Room for the longest name (Hangul is about twice as wide as Latin at this size).
    marginLeft: Math.min(300, 16 + Math.max(...rows.map((r) => labelWidth(r.subject)))),
    marginRight: 64,
    style: STYLE,
    fy: { domain: rows.map((r) => r.subject), label: null, axis: "left", padding: 0.25 },
    y: { domain: [STATED, RECOMPUTED], axis: null },
    x: { grid: true, label: "Models", tickFormat: tickNumber, axis: "top" },
    color: { domain: [STATED, RECOMPUTED], range: [STATED_COLOR, RECOMPUTED_COLOR], legend: true },
    marks: [
      Plot.barX(drawn, {
        x: "value",
        y: "measure",
        fy: "subject",
        fill: "measure",
        title: (b: { subject: string; measure: string; value: number }) => `${b.subject}: ${b.value} (${b.measure})`,
      }),
      Plot.text(bars, {
        x: (b: { value: number | null }) => b.value ?? 0,
        y: "measure",
        fy: "subject",
        text: (b: { value: number | null }) => (b.value === null ? "not stated" : String(b.value)),
        textAnchor: "start",
        dx: 4,
        fill: (b: { value: number | null }) => (b.value === null ? "#b42318" : "currentColor"),
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** About how wide a label is drawn at 12 px: wide characters (Hangul, CJK) count double. */
function labelWidth(text: string): number {
  let width = 0;
  for (const c of text) width += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(c) ? 12 : 6.8;
  return width;
}
