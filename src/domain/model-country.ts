// The rule of Model.country, which the API serves as a field, filters models by (countryCode), and
// counts coverage and a country's models by: a model's own country, else the headquarters of its
// first developer. cypher/fragments/model-country.cypher writes the same rule out for Neo4j.

/** What the rule reads of the graph, by uid. */
export interface CountryLinks {
  /** The countries the model originates in (ORIGINATES_IN). */
  ownCountries(model: string): readonly string[];
  /** The model's developers (DEVELOPED_BY), each with the `order` of its relationship. */
  developers(model: string): ReadonlyArray<{ uid: string; order: unknown }>;
  /** The countries an organization is headquartered in (HEADQUARTERED_IN). */
  headquarters(organization: string): readonly string[];
}

/** The least string by code point, as Neo4j orders them; null for none. */
function least(values: readonly string[]): string | null {
  let best: string | null = null;
  for (const v of values) if (best === null || v < best) best = v;
  return best;
}

/** The developer a source names first: least `order` (a missing order last), ties by uid. */
export function firstDeveloper<D extends { uid: string; order: unknown }>(developers: readonly D[]): D | null {
  let first: D | null = null;
  for (const d of developers) if (first === null || compareDevelopers(d, first) < 0) first = d;
  return first;
}

function compareDevelopers(a: { uid: string; order: unknown }, b: { uid: string; order: unknown }): number {
  const an = typeof a.order === "number" ? a.order : null;
  const bn = typeof b.order === "number" ? b.order : null;
  if (an !== bn) {
    if (an === null) return 1;
    if (bn === null) return -1;
    return an - bn;
  }
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/**
 * The uid of the model's country: its own (the least uid when it has several), else its first
 * developer's headquarters (the least uid); null when neither is known.
 */
export function effectiveCountry(links: CountryLinks, model: string): string | null {
  const own = least(links.ownCountries(model));
  if (own !== null) return own;
  const developer = firstDeveloper(links.developers(model));
  return developer ? least(links.headquarters(developer.uid)) : null;
}
