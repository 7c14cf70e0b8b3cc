// Entity resolution: when a name read from an outside source denotes an entity the graph already
// holds, how a value that lists several developers splits, and which slug a new entity gets. Pure
// rules, shared by the importers and unit-tested on their own.
import { nameKey, slugOfName } from "./slug.js";

/**
 * Legal forms that end an organization's name. A comma before one does not separate two developers
 * ("Runway AI, Inc." is one), and names are compared without them ("Baichuan Inc." is "Baichuan").
 */
const LEGAL_SUFFIXES = ["Inc.", "Inc", "Ltd.", "Ltd", "LLC", "Co.", "Corp.", "GmbH", "AG", "S.A.", "e.V.", "PLC"] as const;

const SUFFIX_KEYS = new Set(LEGAL_SUFFIXES.map((s) => s.toLowerCase()));

function isLegalSuffix(piece: string): boolean {
  return SUFFIX_KEYS.has(piece.trim().toLowerCase());
}

/** The name without its trailing legal forms ("Samsung Co., Ltd." -> "Samsung"). */
export function withoutLegalSuffix(name: string): string {
  let rest = name.trim();
  for (;;) {
    const m = /^(.*?)[\s,]+(\S+)$/.exec(rest);
    if (!m || !isLegalSuffix(m[2])) return rest;
    rest = m[1].trim();
  }
}

/**
 * The developers a comma-separated organization value lists, in order: "Microsoft, NVIDIA" is two,
 * "Continue Dev, Inc." and "Samsung Co., Ltd." are one each; a last item's "and " (a serial comma) and
 * a trailing full stop are dropped. Values that commas cannot split ("A and B") are the caller's.
 */
export function splitDevelopers(value: string): string[] {
  const names: string[] = [];
  for (const raw of value.split(",")) {
    const piece = raw.trim();
    if (piece === "") continue;
    if (names.length > 0 && isLegalSuffix(piece)) {
      names[names.length - 1] = `${names[names.length - 1]}, ${piece}`;
      continue;
    }
    names.push(piece.replace(/^and\s+/i, ""));
  }
  return names.map((n) => (isLegalSuffix(n.split(/[\s,]+/).at(-1) ?? "") ? n : n.replace(/\.$/, "")));
}

/** The key organization names are compared by: nameKey without legal forms. */
export function organizationKey(name: string): string {
  return nameKey(withoutLegalSuffix(name));
}

/** An entity a name may resolve to: its key, every name it answers to, its developers' slugs. */
export interface Candidate {
  key: string;
  names: readonly string[];
  developers: readonly string[];
}

function sharesDeveloper(a: readonly string[], b: readonly string[]): boolean {
  return a.some((d) => b.includes(d));
}

/**
 * The candidate that a name with these developers denotes, or null. One of the candidate's names
 * must have the name's key (nameKey), and the developers must agree: the same name from another
 * developer is another entity, unless either side names no developer. A candidate that shares a
 * developer wins over one that names none; among equals, the first in the given order.
 */
export function findMatch<C extends Candidate>(candidates: readonly C[], name: string, developers: readonly string[]): C | null {
  const key = nameKey(name);
  const named = candidates.filter((c) => c.names.some((n) => nameKey(n) === key));
  if (developers.length === 0) return named[0] ?? null;
  return named.find((c) => sharesDeveloper(c.developers, developers)) ?? named.find((c) => c.developers.length === 0) ?? null;
}

/**
 * A slug for a new entity that `taken` does not hold: the name's slug; else suffixed with its
 * developers' slugs one by one ("chatglm-team-glm"); else numbered from 2. A name with no latin
 * letter or digit falls back to `fallback`.
 */
export function allocateSlug(name: string, developerSlugs: readonly string[], taken: (slug: string) => boolean, fallback = "unnamed"): string {
  const base = slugOfName(name) || fallback;
  const tries = [base, ...developerSlugs.map((d) => `${base}-${d}`)];
  for (const slug of tries) if (!taken(slug)) return slug;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
