// `kg omitted <report-slug>`: the models a report left out, answered by the API's own resolvers
// (in-process), printed as a table, CSV or JSON.
import { createApollo } from "../graphql/apollo.js";
import { createContext } from "../graphql/context.js";
import type { GraphStore } from "../store/port.js";
import { UsageError, type Io } from "./commands.js";

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

function parseOmittedArgs(args: string[], isTTY: boolean): { slug: string; format: Format } {
  let slug: string | null = null;
  let format: Format = isTTY ? "table" : "csv";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg.startsWith("--format=") ? arg.slice("--format=".length) : arg === "--format" ? args[++i] : null;
    if (value !== null) {
      if (!FORMATS.includes(value as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got '${value ?? ""}'`);
      format = value as Format;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option '${arg}'`);
    else if (slug === null) slug = arg;
    else throw new UsageError(`unexpected argument '${arg}'`);
  }
  if (!slug) throw new UsageError("usage: npm run kg -- omitted <report-slug> [--format table|csv|json]");
  return { slug, format };
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

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function formatRows(rows: OmittedRow[], format: Format): string {
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, get]) => get(r)))];
  if (format === "csv") return cells.map((line) => line.map(csvField).join(",")).join("\n") + "\n";
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => [...line[i]].length)));
  return cells.map((line) => line.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join("  ").trimEnd()).join("\n") + "\n";
}

export async function omittedCommand(args: string[], store: GraphStore, io: Io): Promise<void> {
  const { slug, format } = parseOmittedArgs(args, io.isTTY);
  io.out(formatRows(await omittedRows(store, slug), format));
}
