// The claims about an asset's facts: the values the graph holds, each with the sources it holds them
// on, and the values other sources claim beside them (CLAIMS relationships), ranked by
// domain/provenance.ts. Every read goes through the per-request loaders.
import type { NodeRecord } from "../../domain/graph.js";
import type { SourceKind } from "../../domain/kinds.js";
import { CLAIM_PROPERTIES, rankClaims, type ClaimInput } from "../../domain/provenance.js";
import type { RelatedItem } from "../../store/port.js";
import type { Context } from "../context.js";
import { Claim } from "../types/claim-type.js";
import { strings } from "../types/node-type.js";
import { FIRST_ONLY, relatedItems } from "./load.js";

function relSources(rel: Record<string, unknown>): string[] {
  return Array.isArray(rel.sources) ? (rel.sources as string[]) : [];
}

/**
 * The held value of a property kept on the node (release date, parameters, compute, cost), one claim
 * per source it is held on: its `<property>Sources`, else the node's sources.
 */
function heldValue(asset: NodeRecord, property: string): Array<Omit<ClaimInput, "sourceKind">> {
  const raw = asset.props[property];
  if (typeof raw !== "string" && typeof raw !== "number") return [];
  const value = String(raw);
  const own = strings(asset, `${property}Sources`);
  const note = typeof asset.props[`${property}Note`] === "string" ? (asset.props[`${property}Note`] as string) : null;
  return (own.length > 0 ? own : strings(asset, "sources")).map((source) => ({ property, value, source, held: true, note }));
}

/** The properties held on the node itself (the country is held as a relationship). */
const NODE_PROPERTIES = CLAIM_PROPERTIES.filter((p) => p !== "country");

/**
 * An asset's countries: its own (a source gives them), else its first developer's headquarters (the
 * rule of Model.country). Asset.country is the first; the claims hold all, each with its sources.
 */
export async function assetCountryItems(ctx: Context, assetKey: string): Promise<RelatedItem[]> {
  const own = await relatedItems(ctx, "asset-own-country", assetKey);
  if (own.length > 0) return own;
  const [developer] = await relatedItems(ctx, "asset-developers", assetKey, null, FIRST_ONLY);
  return developer ? relatedItems(ctx, "organization-country", developer.node.key, null, FIRST_ONLY) : [];
}

/** The held country, one claim per source of each country the asset is held in. */
async function heldCountry(ctx: Context, asset: NodeRecord): Promise<Array<Omit<ClaimInput, "sourceKind">>> {
  const items = await assetCountryItems(ctx, asset.key);
  return items.flatMap((i) =>
    relSources(i.rel).map((source) => ({ property: "country", value: i.node.key, source, held: true, note: typeof i.rel.note === "string" ? i.rel.note : null })),
  );
}

/** Claims of `property` (every claimable property when null), the preferred first within each. */
export async function claimsOf(ctx: Context, asset: NodeRecord, property: string | null): Promise<Claim[]> {
  const wanted = (p: string) => property === null || p === property;
  const [country, claimed] = await Promise.all([wanted("country") ? heldCountry(ctx, asset) : [], relatedItems(ctx, "asset-claims", asset.key)]);
  const inputs: Array<Omit<ClaimInput, "sourceKind">> = [
    // The release date is always listed; a measure (parameters, compute, cost) when asked for by
    // name or when a source claims another value for it, so that `claims` lists what can be compared.
    ...NODE_PROPERTIES.filter((p) => wanted(p) && (p === "releaseDate" || property !== null || claimed.some((i) => i.rel.property === p))).flatMap((p) => heldValue(asset, p)),
    ...country,
    ...claimed
      .filter((i) => typeof i.rel.property === "string" && wanted(i.rel.property))
      .map((i) => ({ property: String(i.rel.property), value: String(i.rel.value), source: i.node.key, held: false, note: typeof i.rel.note === "string" ? i.rel.note : null })),
  ];
  const sources = await ctx.loaders.nodesOf([...new Set(inputs.map((c) => c.source))].map((key) => ({ kind: "Source" as const, key })));
  const kindOf = new Map(sources.map((s) => [s.key, s.props.sourceKind as SourceKind]));
  const withKinds = inputs.map((c) => ({ ...c, sourceKind: kindOf.get(c.source) ?? null }));
  // A value held and also claimed by the same source is one claim.
  const unique = withKinds.filter((c, i) => withKinds.findIndex((o) => o.property === c.property && o.value === c.value && o.source === c.source) === i);
  const properties = [...CLAIM_PROPERTIES, ...new Set(unique.map((c) => c.property))].filter((p, i, all) => all.indexOf(p) === i);
  return properties.flatMap((p) =>
    rankClaims(unique.filter((c) => c.property === p)).map((c) =>
      Object.assign(new Claim(), { property: c.property, value: c.value, preferred: c.preferred, note: c.note ?? null, sourceSlug: c.source }),
    ),
  );
}
