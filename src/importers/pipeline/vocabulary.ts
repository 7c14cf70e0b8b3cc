// The curated tables every import resolves names with: country names, organization spellings, and
// which organizations are units of others (PART_OF). Facts live in these JSON files, not in code.
import countryNames from "./country-names.json" with { type: "json" };
import organizationNames from "./organization-names.json" with { type: "json" };
import organizationUnits from "./organization-units.json" with { type: "json" };

export interface OrganizationUnit {
  /** The unit's name (any spelling the organization table knows). */
  unit: string;
  /** Its parent's name. */
  parent: string;
  /** Where the relationship is documented. */
  url: string;
  note?: string;
}

export interface Vocabulary {
  countries: ReadonlyArray<{ code: string; name: string; aliases: readonly string[] }>;
  notCountries: readonly string[];
  /** Spellings of one organization: each alias denotes `name`. */
  organizations: ReadonlyArray<{ name: string; aliases: readonly string[] }>;
  /** Values that the comma rule cannot split, with the developers they list. */
  developerLists: Readonly<Record<string, readonly string[]>>;
  units: readonly OrganizationUnit[];
  /** The CURATION source the PART_OF relationships cite. */
  unitsSource: { slug: string; title: string; publisher: string; url: string; date: string; language: string };
}

export const SHARED_VOCABULARY: Vocabulary = {
  countries: countryNames.countries,
  notCountries: countryNames.notCountries,
  organizations: organizationNames.organizations,
  developerLists: organizationNames.developerLists,
  units: organizationUnits.units,
  unitsSource: organizationUnits.source,
};
