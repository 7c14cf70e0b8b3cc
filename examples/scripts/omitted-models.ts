// Asks a running AI Actors Graph API which models a report omitted, and prints them as CSV.
//   npm run build && node dist/examples/scripts/omitted-models.js [report-slug]
// KG_URL (default http://127.0.0.1:4000/graphql) names the API.
import { pathToFileURL } from "node:url";

const QUERY = `query Omitted($slug: String!) {
  report(slug: $slug) {
    title
    omittedModels {
      basis
      model { slug name organization { name } country { code } }
      claimedBy { title description }
    }
  }
}`;

export interface Omission {
  slug: string;
  name: string;
  organization: string;
  country: string;
  basis: string;
  claimedBy: string;
}

export async function omittedModels(url: string, reportSlug: string): Promise<Omission[]> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: QUERY, variables: { slug: reportSlug } }),
  });
  const body = (await response.json()) as { data?: { report: any }; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  if (!body.data?.report) throw new Error(`no report '${reportSlug}'`);
  return body.data.report.omittedModels.map((o: any) => ({
    slug: o.model.slug,
    name: o.model.name,
    organization: o.model.organization?.name ?? "",
    country: o.model.country?.code ?? "",
    basis: o.basis,
    // A source known only through another has no title of its own: its description stands in.
    claimedBy: o.claimedBy.map((s: { title: string | null; description: string | null }) => s.title ?? s.description).join("; "),
  }));
}

function csv(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(rows: Omission[]): string {
  const header = ["slug", "name", "organization", "country", "basis", "claimed_by"];
  const lines = rows.map((r) => [r.slug, r.name, r.organization, r.country, r.basis, r.claimedBy].map(csv).join(","));
  return [header.join(","), ...lines].join("\n") + "\n";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.KG_URL ?? "http://127.0.0.1:4000/graphql";
  omittedModels(url, process.argv[2] ?? "ai-index-2024").then(
    (rows) => process.stdout.write(toCsv(rows)),
    (error: unknown) => {
      process.stderr.write(`omitted-models: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
