// Slugs: the stable, human-readable keys of the graph ("EXAONE 2.0" -> "exaone-2-0").

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
