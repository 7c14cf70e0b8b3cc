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

/**
 * Each name's words (tokenize), a name's words joined by a space and the names by a newline. Stored on
 * each node by the Neo4j adapter (as `searchWords`): its full-text index splits it at whitespace
 * only, so it finds exactly the nodes with a word starting with each query word, and
 * cypher/fragments/search-score.cypher scores a name from its words as searchScore does.
 */
export function searchWordsOf(node: NodeRecord): string {
  return namesOf(node)
    .map((n) => tokenize(n).join(" "))
    .filter((words) => words.length > 0)
    .join("\n");
}

/** Words of a name or query: runs of letters and digits of any script, lowercased. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Search relevance of a node for a query, or 0 when it does not match. A node matches when every
 * query word is a prefix of one of the words of one of its names. Exact name > name prefix > word match.
 * Search answers every matching node ranked by compareHits, the best `limit` (no cap on candidates
 * before ranking, so both stores answer alike); cypher/fragments/search-score.cypher is this rule in Cypher.
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

/**
 * Orders hits: higher score first, then lowercased name (none: ''), then kind and key so that the
 * order is total. cypher/entity/search.cypher orders by the same terms.
 */
export function compareHits(a: { node: NodeRecord; score: number }, b: { node: NodeRecord; score: number }): number {
  return (
    b.score - a.score ||
    compareText(hitName(a.node), hitName(b.node)) ||
    compareText(a.node.kind, b.node.kind) ||
    compareText(a.node.key, b.node.key)
  );
}

function hitName(node: NodeRecord): string {
  const { name } = node.props;
  return typeof name === "string" ? name.toLowerCase() : "";
}

/** Code-point order, the order Neo4j sorts strings in (localeCompare would differ from it). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
