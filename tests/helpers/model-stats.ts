// An independent reading of the Ecosystem Graphs snapshot for the grouped statistics' tests: its
// models released in a year, per country (as `nationality` names it) and per organization (as
// `organization` lists it), counted from the YAML files with js-yaml alone, each model name once.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import countryNames from "../../src/importers/pipeline/country-names.json" with { type: "json" };
import seedModels from "../../seed/models.json" with { type: "json" };
import { slugify } from "../../src/domain/slug.js";

export interface SnapshotModel {
  name: string;
  slug: string;
  year: string | null;
  /** ISO codes of `nationality` ("USA/China" gives two); [] when unknown. */
  countries: string[];
  organizations: string[];
}

const unwrap = (v: unknown): unknown => (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) && "value" in v ? (v as { value: unknown }).value : v);
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

const CODES = new Map<string, string>();
for (const c of (countryNames as { countries: Array<{ code: string; name: string; aliases?: string[] }> }).countries) {
  for (const n of [c.name, ...(c.aliases ?? [])]) CODES.set(norm(n), c.code);
}

function yearOf(v: unknown): string | null {
  const d = unwrap(v);
  if (d instanceof Date) return String(d.getUTCFullYear());
  const m = /^(\d{4})/.exec(String(d ?? ""));
  return m ? m[1] : null;
}

/** Every model of the snapshot, each name once (the first record of a repeated one). */
export async function snapshotModels(dir: string): Promise<SnapshotModel[]> {
  const byName = new Map<string, SnapshotModel>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".yaml")).sort()) {
    const records = yaml.load(await readFile(path.join(dir, file), "utf8"));
    for (const r of Array.isArray(records) ? (records as Array<Record<string, unknown>>) : []) {
      if (unwrap(r.type) !== "model" || typeof unwrap(r.name) !== "string") continue;
      const name = String(unwrap(r.name));
      const organization = String(unwrap(r.organization) ?? "");
      // A repeated record (same name, same organization) is one model; the same name by another organization is another.
      const id = `${name.toLowerCase()}|${norm(organization)}`;
      if (byName.has(id)) continue;
      const nationality = String(unwrap(r.nationality) ?? "");
      const countries = nationality.split("/").map((n) => CODES.get(norm(n))).filter((c): c is string => Boolean(c));
      const organizations = organization.split(",").map((o) => o.trim()).filter(Boolean);
      byName.set(id, { name, slug: slugify(name), year: yearOf(r.created_date), countries: [...new Set(countries)], organizations });
    }
  }
  return [...byName.values()];
}

interface SeedModel {
  slug: string;
  name: string;
  aliases?: string[];
  country?: { code: string };
  releaseDate?: { value: string };
}

/**
 * The snapshot's models with the seed's curated facts in place of the dataset's where the seed
 * states the model (by name or alias): its country and release year, which outrank a dataset's
 * (docs/importing.md, the preference rule).
 */
export function withSeedFacts(models: SnapshotModel[]): SnapshotModel[] {
  const seed = new Map<string, SeedModel>();
  for (const m of seedModels as SeedModel[]) for (const n of [m.name, ...(m.aliases ?? [])]) seed.set(norm(n), m);
  return models.map((m) => {
    const s = seed.get(norm(m.name));
    if (!s) return m;
    return { ...m, slug: s.slug, countries: s.country ? [s.country.code] : m.countries, year: s.releaseDate?.value.slice(0, 4) ?? m.year };
  });
}
