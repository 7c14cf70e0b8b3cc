// `kg stats --group-by country,year`: grouped statistics over models, answered by the API's own
// modelStats (in-process, every page), printed as a table, CSV or JSON: one row per group.
import { stringify } from "csv-stringify/sync";
import { createApollo } from "../graphql/apollo.js";
import { createContext } from "../graphql/context.js";
import { MAX_GROUP_DIMENSIONS, MODEL_DIMENSIONS, type ModelDimension } from "../domain/model-stats.js";
import type { GraphStore } from "../store/port.js";
import { defineCommand, UsageError, type Io } from "./command.js";
import { withGraph } from "./store-access.js";

const FORMATS = ["table", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];
const ORDERS = ["count", "key"] as const;

/** The ModelFilter fields `--filter` takes, and how each value is read. */
const FILTER_FIELDS: Record<string, "string" | "int" | "float" | "boolean"> = {
  countryCode: "string",
  organizationSlug: "string",
  releasedYear: "int",
  releasedAfter: "string",
  releasedBefore: "string",
  nameContains: "string",
  domain: "string",
  notable: "boolean",
  computeMin: "float",
  computeMax: "float",
  parametersMin: "float",
  parametersMax: "float",
  listedBy: "string",
};

const SUMMARY = "count median max";
const QUERY = `query Stats($groupBy: [ModelDimension!]!, $filter: ModelFilter, $orderBy: ModelGroupOrder, $after: String) {
  modelStats(groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      key { country { code } organization { slug } year kind domain accessibility source { slug } }
      count
      parameters { ${SUMMARY} } trainingCompute { ${SUMMARY} } trainingCost { ${SUMMARY} }
    }
  }
}`;

type Summary = { count: number; median: number | null; max: number | null };
interface Group {
  key: { country: { code: string } | null; organization: { slug: string } | null; year: number | null; kind: string | null; domain: string | null; accessibility: string | null; source: { slug: string } | null };
  count: number;
  parameters: Summary;
  trainingCompute: Summary;
  trainingCost: Summary;
}

/** `country,year` as dimensions (case-insensitive; `parent-organization` for PARENT_ORGANIZATION). */
export function dimensionsOf(text: string): ModelDimension[] {
  const names = text.split(",").map((d) => d.trim().toUpperCase().replaceAll("-", "_")).filter(Boolean);
  const unknown = names.find((d) => !(MODEL_DIMENSIONS as readonly string[]).includes(d));
  if (unknown) throw new UsageError(`--group-by takes ${MODEL_DIMENSIONS.map((d) => d.toLowerCase().replaceAll("_", "-")).join(", ")}; got '${unknown.toLowerCase()}'`);
  if (names.length === 0 || names.length > MAX_GROUP_DIMENSIONS) throw new UsageError(`--group-by takes 1 to ${MAX_GROUP_DIMENSIONS} dimensions, comma-separated`);
  return names as ModelDimension[];
}

/** `releasedYear=2023,listedBy=ecosystem-graphs-2025-01-24` as a ModelFilter, each value read as its field's type. */
export function filterOf(text: string | undefined): Record<string, string | number | boolean> | null {
  if (!text) return null;
  const filter: Record<string, string | number | boolean> = {};
  for (const pair of text.split(",").filter((p) => p.trim() !== "")) {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at < 0 ? undefined : at).trim();
    const value = at < 0 ? "" : pair.slice(at + 1).trim();
    const type = FILTER_FIELDS[name];
    if (!type) throw new UsageError(`--filter takes name=value pairs, comma-separated, of ${Object.keys(FILTER_FIELDS).join(", ")}; got '${name}'`);
    if (value === "") throw new UsageError(`--filter: ${name} needs a value (${name}=...)`);
    if (type === "boolean") {
      if (value !== "true" && value !== "false") throw new UsageError(`--filter: ${name} is true or false, got '${value}'`);
      filter[name] = value === "true";
    } else if (type === "int" || type === "float") {
      const n = Number(value);
      if (!Number.isFinite(n) || (type === "int" && !Number.isInteger(n))) throw new UsageError(`--filter: ${name} is ${type === "int" ? "an integer" : "a number"}, got '${value}'`);
      filter[name] = n;
    } else filter[name] = value;
  }
  return filter;
}

/** Every group, page after page. */
async function groupsOf(store: GraphStore, variables: Record<string, unknown>): Promise<Group[]> {
  const apollo = await createApollo();
  const groups: Group[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await apollo.executeOperation({ query: QUERY, variables: { ...variables, after } }, { contextValue: createContext(store) });
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    const result: { data?: unknown; errors?: ReadonlyArray<{ message: string }> } = response.body.singleResult;
    if (result.errors?.length) throw new UsageError(result.errors.map((e) => e.message).join("; "));
    const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Group[] } = (result.data as { modelStats: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Group[] } }).modelStats;
    groups.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return groups;
    after = page.pageInfo.endCursor;
  }
}

const KEY_COLUMNS: Record<ModelDimension, [string, (g: Group) => string | number | null]> = {
  COUNTRY: ["country", (g) => g.key.country?.code ?? null],
  ORGANIZATION: ["organization", (g) => g.key.organization?.slug ?? null],
  PARENT_ORGANIZATION: ["parent_organization", (g) => g.key.organization?.slug ?? null],
  YEAR: ["year", (g) => g.key.year],
  KIND: ["kind", (g) => g.key.kind],
  DOMAIN: ["domain", (g) => g.key.domain],
  ACCESSIBILITY: ["accessibility", (g) => g.key.accessibility],
  SOURCE: ["source", (g) => g.key.source?.slug ?? null],
};

const MEASURE_COLUMNS = (["parameters", "trainingCompute", "trainingCost"] as const).flatMap((m) => {
  const name = m.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return (["count", "median", "max"] as const).map((s): [string, (g: Group) => number | null] => [`${name}_${s}`, (g) => g[m][s]]);
});

function format(groups: Group[], dimensions: ModelDimension[], as: Format): string {
  const columns: Array<[string, (g: Group) => string | number | null]> = [...dimensions.map((d) => KEY_COLUMNS[d]), ["count", (g) => g.count], ...MEASURE_COLUMNS];
  const rows = groups.map((g) => columns.map(([, get]) => get(g)));
  if (as === "json") return `${JSON.stringify(rows.map((row) => Object.fromEntries(row.map((v, i) => [columns[i][0], v]))), null, 2)}\n`;
  const cells = [columns.map(([name]) => name), ...rows.map((row) => row.map((v) => (v === null ? "" : String(v))))];
  if (as === "csv") return stringify(cells);
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => [...line[i]].length)));
  return cells.map((line) => line.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join("  ").trimEnd()).join("\n") + "\n";
}

export const statsCommand = defineCommand({
  name: "stats",
  summary: "grouped statistics over models (the API's modelStats): one row per group, with its count and the count, median and max of parameters, training compute and training cost",
  options: {
    "group-by": { type: "string", value: "dimensions", required: true, description: `1 to ${MAX_GROUP_DIMENSIONS} of ${MODEL_DIMENSIONS.map((d) => d.toLowerCase().replaceAll("_", "-")).join(", ")}, comma-separated` },
    filter: { type: "string", value: "name=value,...", description: `a model filter: ${Object.keys(FILTER_FIELDS).join(", ")} (releasedYear=2023,listedBy=ecosystem-graphs-2025-01-24)` },
    order: { type: "string", value: "order", choices: ORDERS, description: "count (largest group first, the default) or key" },
    format: { type: "string", value: "format", choices: FORMATS, description: "table (the default on a terminal), csv (the default when piped) or json" },
  },
  details: "A model with several values in a dimension (developers, countries, domains, sources) counts once in each of their groups; a model with none counts in the group with an empty key (docs/statistics.md).",
  run: ({ options }, config, io: Io) => {
    const dimensions = dimensionsOf(options["group-by"]);
    const filter = filterOf(options.filter);
    const orderBy = options.order === "key" ? "KEY" : "COUNT_DESC";
    const as = (options.format as Format | undefined) ?? (io.isTTY ? "table" : "csv");
    return withGraph(config, io, "kg stats", async (store) => io.out(format(await groupsOf(store, { groupBy: dimensions, filter, orderBy }), dimensions, as)));
  },
});
