// Slugs: the stable, human-readable keys of the graph ("EXAONE 2.0" -> "exaone-2-0").

/** A well-formed slug, as slugify makes them: lowercase letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Lowercase, replace each run of characters other than a-z0-9 with "-", trim "-". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Lowercase and collapse spacing/punctuation, keeping letters of every script (for matching names). */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** "+" read as a word, so that "Command R+" is neither "Command R" nor slugged like it. */
function spellPlus(name: string): string {
  return name.replace(/\+/g, " plus ");
}

/**
 * The key two names are compared by when resolving entities: normalizeName with "+" read as "plus"
 * and the spaces dropped, so that "EleutherAI" and "Eleuther AI", or "VARCO-LLM" and "VARCO LLM",
 * are one name.
 */
export function nameKey(name: string): string {
  return normalizeName(spellPlus(name)).replace(/ /g, "");
}

/**
 * The slug of a new entity's name: slugify with accents dropped ("École" -> "ecole") and "+" read
 * as "plus" ("Command R+" -> "command-r-plus").
 */
export function slugOfName(name: string): string {
  return slugify(spellPlus(name.normalize("NFKD").replace(/\p{M}/gu, "")));
}
