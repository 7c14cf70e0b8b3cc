// `kg omitted <report-slug>`: the models a report left out, answered by the API's own resolvers
// (in-process), printed as a table, CSV or JSON.
import { createApollo } from "../graphql/apollo.js";
import { createContext } from "../graphql/context.js";
import type { GraphStore } from "../store/port.js";
import { stringify } from "csv-stringify/sync";
import { defineCommand, UsageError, type Io } from "./command.js";
import { withGraph } from "./store-access.js";

const QUERY = `query Omitted($slug: String!) {
  report(slug: $slug) {
    omittedModels {
      basis
      model { slug name organization { slug } country { code } }
      claimedBy { slug }
    }
  }
}`;

const FORMATS = ["table", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];

interface OmittedRow {
  slug: string;
  name: string;
  organization: string | null;
  country: string | null;
  basis: string;
  claimedBy: string[];
}

async function omittedRows(store: GraphStore, slug: string): Promise<OmittedRow[]> {
  const apollo = await createApollo();
  const response = await apollo.executeOperation({ query: QUERY, variables: { slug } }, { contextValue: createContext(store) });
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  const { data, errors } = response.body.singleResult;
  if (errors?.length) throw new Error(errors.map((e) => e.message).join("; "));
  const report = (data as { report: { omittedModels: any[] } | null }).report;
  if (!report) throw new UsageError(`no report with slug '${slug}' (see \`reports\` in the API for the slugs)`);
  return report.omittedModels.map((o) => ({
    slug: o.model.slug,
    name: o.model.name,
    organization: o.model.organization?.slug ?? null,
    country: o.model.country?.code ?? null,
    basis: o.basis,
    claimedBy: o.claimedBy.map((s: { slug: string }) => s.slug),
  }));
}

const COLUMNS: Array<[string, (r: OmittedRow) => string]> = [
  ["slug", (r) => r.slug],
  ["name", (r) => r.name],
  ["organization", (r) => r.organization ?? ""],
  ["country", (r) => r.country ?? ""],
  ["basis", (r) => r.basis],
  ["claimed_by", (r) => r.claimedBy.join(" ")],
];

function formatRows(rows: OmittedRow[], format: Format): string {
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, get]) => get(r)))];
  if (format === "csv") return stringify(cells);
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => [...line[i]].length)));
  return cells.map((line) => line.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join("  ").trimEnd()).join("\n") + "\n";
}

async function omitted(slug: string, format: Format, store: GraphStore, io: Io): Promise<void> {
  io.out(formatRows(await omittedRows(store, slug), format));
}

export const omittedCommand = defineCommand({
  name: "omitted",
  summary: "the models a report left out, and who says so",
  positionals: [{ name: "report-slug", description: "the report, by slug (ai-index-2024)" }],
  options: {
    format: { type: "string", value: "format", choices: FORMATS, description: "table (the default on a terminal), csv (the default when piped) or json" },
  },
  run: ({ positionals: [slug], options }, config, io) => {
    const format = (options.format as Format | undefined) ?? (io.isTTY ? "table" : "csv");
    return withGraph(config, io, "kg omitted", (store) => omitted(slug, format, store, io));
  },
});
