// The data the importer reads besides the snapshot itself: country names, the organization
// spellings of the snapshot, and how to cite it. Facts live in these JSON files, not in code.
import countryNames from "./country-names.json" with { type: "json" };
import organizationNames from "./organization-names.json" with { type: "json" };
import sourceTemplate from "./source.json" with { type: "json" };

export interface Vocabulary {
  countries: ReadonlyArray<{ code: string; name: string; aliases: readonly string[] }>;
  notCountries: readonly string[];
  organizations: ReadonlyArray<{ name: string; aliases: readonly string[] }>;
  developerLists: Readonly<Record<string, readonly string[]>>;
  source: { slugPrefix: string; title: string; publisher: string; repository: string; language: string };
}

export const VOCABULARY: Vocabulary = {
  countries: countryNames.countries,
  notCountries: countryNames.notCountries,
  organizations: organizationNames.organizations,
  developerLists: organizationNames.developerLists,
  source: sourceTemplate,
};
