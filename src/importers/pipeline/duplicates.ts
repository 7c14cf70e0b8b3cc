// Possible duplicates: entities an import created that look like another model of the graph (the
// same developer, the same release date, a name that one extends the other's, as `GPT-4` and
// `GPT-4 (Jun 2023)`), listed in the report for a curator to decide. Nothing is merged on this.
import { uidOf } from "../../domain/graph.js";
import { nameKey } from "../../domain/slug.js";
import type { Held } from "./held.js";
import type { PossibleDuplicate } from "./report.js";
import type { AssetEntity, Resolution } from "./resolve.js";

/** The name's key without a parenthesized tail: `GPT-4o (May 2024)` -> `gpt4o`. */
function stem(name: string): string {
  return nameKey(name.replace(/\s*\([^)]*\)\s*$/, ""));
}

function near(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const kx = nameKey(x);
      const ky = nameKey(y);
      if (kx === ky) continue;
      if (stem(x) === stem(y) || (kx.length >= 3 && ky.startsWith(kx)) || (ky.length >= 3 && kx.startsWith(ky))) return true;
    }
  }
  return false;
}

interface Known {
  slug: string;
  names: readonly string[];
  date: string;
  developers: Set<string>;
}

export function possibleDuplicates(resolution: Resolution, held: Held): PossibleDuplicate[] {
  const parents = new Map(held.parents);
  for (const u of resolution.units) if (!parents.has(u.unit)) parents.set(u.unit, u.parent);
  const family = (slugs: readonly string[]) => new Set(slugs.flatMap((s) => [s, parents.get(s) ?? s]));
  const byDate = new Map<string, Known[]>();
  const add = (k: Known) => byDate.set(k.date, [...(byDate.get(k.date) ?? []), k]);
  const dateOf = (e: AssetEntity) => (typeof e.held?.props.releaseDate === "string" ? e.held.props.releaseDate : e.records[0]?.releaseDate?.date) ?? null;
  const entityUids = new Set(resolution.entities.map((e) => e.key));
  for (const node of held.assets.values()) {
    if (node.kind !== "Model" || entityUids.has(uidOf(node)) || typeof node.props.releaseDate !== "string") continue;
    const names = [String(node.props.name), ...(Array.isArray(node.props.aliases) ? (node.props.aliases as string[]) : [])];
    add({ slug: node.key, names, date: node.props.releaseDate, developers: family((held.developers.get(uidOf(node)) ?? []).map((d) => d.key)) });
  }
  for (const e of resolution.entities) {
    const date = dateOf(e);
    if (e.ref.kind === "Model" && date) add({ slug: e.ref.key, names: e.names, date, developers: family(e.developers) });
  }
  const found: PossibleDuplicate[] = [];
  const created = new Set(resolution.outcomes.filter((o) => o.created).map((o) => o.entity.ref.key));
  for (const group of byDate.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        if (!created.has(a.slug) && !created.has(b.slug)) continue;
        if (![...a.developers].some((d) => b.developers.has(d)) || !near(a.names, b.names)) continue;
        const [x, y] = a.slug < b.slug ? [a, b] : [b, a];
        found.push({ a: x.slug, b: y.slug, reason: `same developer, same release date ${a.date}, near names '${x.names[0]}' and '${y.names[0]}'` });
      }
    }
  }
  return found.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}
