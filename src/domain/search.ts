// Text matching shared by both stores, so that search and `nameContains` answer the same everywhere.
import type { NodeRecord } from "./graph.js";

/** Every name a node answers to: its name, Korean name and aliases. */
export function namesOf(node: NodeRecord): string[] {
  const { name, nameKo, aliases } = node.props;
  const names = [name, nameKo, ...(Array.isArray(aliases) ? aliases : [])];
  return names.filter((n): n is string => typeof n === "string" && n.length > 0);
}

/**
 * The lowercased text `nameContains` looks in. Stored on each node by the adapters (as
 * `searchText`) so that Neo4j can answer with one CONTAINS over one property.
 */
export function searchTextOf(node: NodeRecord): string {
  return namesOf(node)
    .map((n) => n.toLowerCase())
    .join("\n");
}

/** Words of a name or query: runs of letters and digits of any script, lowercased. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Search relevance of a node for a query, or 0 when it does not match. A node matches when every
 * query word is a prefix of one of the words of one of its names. Exact name > name prefix > word match.
 */
export function searchScore(node: NodeRecord, query: string): number {
  const q = tokenize(query);
  if (q.length === 0) return 0;
  const joined = q.join(" ");
  let best = 0;
  for (const name of namesOf(node)) {
    const words = tokenize(name);
    if (!q.every((t) => words.some((w) => w.startsWith(t)))) continue;
    const full = words.join(" ");
    const score = full === joined ? 3 : full.startsWith(joined) ? 2 : 1;
    best = Math.max(best, score);
  }
  return best;
}

/** Orders hits: higher score first, then name, then kind and key so that the order is total. */
export function compareHits(a: { node: NodeRecord; score: number }, b: { node: NodeRecord; score: number }): number {
  return (
    b.score - a.score ||
    compareText(String(a.node.props.name).toLowerCase(), String(b.node.props.name).toLowerCase()) ||
    compareText(a.node.kind, b.node.kind) ||
    compareText(a.node.key, b.node.key)
  );
}

/** Code-point order, the order Neo4j sorts strings in (localeCompare would differ from it). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
