// The claims about an asset's facts: the values the graph holds, each with the sources it holds them
// on; the values other sources claim beside them (CLAIMS relationships), ranked by
// domain/provenance.ts; the values curation writes replaced (superseded CLAIMS, newest first); and
// a value the graph derives (a country from the developer's headquarters), which cites no source
// but names the fact it comes from. Every read goes through the per-request loaders.
import type { NodeRecord } from "../../domain/graph.js";
import type { SourceKind } from "../../domain/kinds.js";
import { CLAIM_PROPERTIES, rankClaims, strongest, type ClaimInput } from "../../domain/provenance.js";
import type { RelatedItem } from "../../store/port.js";
import type { Context } from "../context.js";
import { Claim, DerivedFrom } from "../types/claim-type.js";
import { Supersession } from "../types/history-type.js";
import { strings } from "../types/node-type.js";
import { FIRST_ONLY } from "./list-window.js";
import { relatedItems } from "./load.js";

function relSources(rel: Record<string, unknown>): string[] {
  return Array.isArray(rel.sources) ? (rel.sources as string[]) : [];
}

function noteOf(props: Record<string, unknown>, field = "note"): string | null {
  return typeof props[field] === "string" ? (props[field] as string) : null;
}

/** A claim before ranking: what rankClaims needs, and what the Claim shows beside it. */
interface Candidate extends Omit<ClaimInput, "sourceKind"> {
  superseded?: Supersession;
  derivedFrom?: DerivedFrom;
}

/**
 * The held value of a property kept on the node (release date, parameters, compute, cost), one claim
 * per source it is held on: its `<property>Sources`, else the node's sources.
 */
function heldValue(asset: NodeRecord, property: string): Candidate[] {
  const raw = asset.props[property];
  if (typeof raw !== "string" && typeof raw !== "number") return [];
  const own = strings(asset, `${property}Sources`);
  const note = noteOf(asset.props, `${property}Note`);
  return (own.length > 0 ? own : strings(asset, "sources")).map((source) => ({ property, value: String(raw), source, held: true, note }));
}

/** The properties held on the node itself (the country is held as a relationship). */
const NODE_PROPERTIES = CLAIM_PROPERTIES.filter((p) => p !== "country");

/**
 * An asset's country items: its own (a source gives them), else its first developer's headquarters
 * (the rule of Model.country), with that developer when the country is derived.
 */
export async function assetCountry(ctx: Context, assetKey: string): Promise<{ items: RelatedItem[]; developer: NodeRecord | null }> {
  const own = await relatedItems(ctx, "asset-own-country", assetKey);
  if (own.length > 0) return { items: own, developer: null };
  const [developer] = await relatedItems(ctx, "asset-developers", assetKey, null, FIRST_ONLY);
  if (!developer) return { items: [], developer: null };
  return { items: await relatedItems(ctx, "organization-country", developer.node.key, null, FIRST_ONLY), developer: developer.node };
}

/**
 * The held country: one claim per source of each own country; a country taken from the developer
 * is ONE claim that cites no source (none says it of this asset) and is derived from the
 * developer's headquarters, whose sources it names.
 */
async function heldCountry(ctx: Context, asset: NodeRecord): Promise<Candidate[]> {
  const { items, developer } = await assetCountry(ctx, asset.key);
  if (developer) {
    return items.map((i) => ({
      property: "country",
      value: i.node.key,
      source: null,
      held: true,
      note: null,
      derivedFrom: Object.assign(new DerivedFrom(), { rule: "DEVELOPER_HEADQUARTERS", property: "headquarters", subjectRecord: developer, sourceSlugs: relSources(i.rel) }),
    }));
  }
  return items.flatMap((i) => relSources(i.rel).map((source) => ({ property: "country", value: i.node.key, source, held: true, note: noteOf(i.rel) })));
}

/** A CLAIMS relationship: a source's value beside the held one, or a value a curation write replaced. */
function claimed(item: RelatedItem): Candidate {
  const { rel } = item;
  const candidate: Candidate = { property: String(rel.property), value: String(rel.value), source: item.node.key, held: false, note: noteOf(rel) };
  if (typeof rel.supersededAt === "string") {
    candidate.superseded = Object.assign(new Supersession(), { at: rel.supersededAt, curator: String(rel.supersededByCurator ?? ""), bySlug: String(rel.supersededBy ?? "") });
  }
  return candidate;
}

function claimOf(c: Candidate, preferred: boolean): Claim {
  return Object.assign(new Claim(), {
    property: c.property,
    value: c.value,
    preferred,
    note: c.note ?? null,
    sourceSlug: c.source,
    superseded: c.superseded ?? null,
    derivedFrom: c.derivedFrom ?? null,
  });
}

/**
 * Claims of `property` (every claimed property when null). Within each property: the current
 * claims ranked (the preferred first), then the superseded ones, newest first.
 */
export async function claimsOf(ctx: Context, asset: NodeRecord, property: string | null): Promise<Claim[]> {
  const wanted = (p: string) => property === null || p === property;
  const [country, beside] = await Promise.all([wanted("country") ? heldCountry(ctx, asset) : [], relatedItems(ctx, "asset-claims", asset.key)]);
  const inputs: Candidate[] = [
    // The release date and the training cost (which curation writes) are always listed; the other
    // measures (parameters, compute) when asked for by name or when a source claims another value
    // for them, so that `claims` lists what can be compared.
    ...NODE_PROPERTIES.filter((p) => wanted(p) && (p === "releaseDate" || p === "trainingCostUsd" || property !== null || beside.some((i) => i.rel.property === p))).flatMap((p) => heldValue(asset, p)),
    ...country,
    ...beside.filter((i) => typeof i.rel.property === "string" && wanted(i.rel.property)).map(claimed),
  ];
  const slugs = [...new Set(inputs.flatMap((c) => (c.source ? [c.source] : (c.derivedFrom?.sourceSlugs ?? []))))];
  const sources = await ctx.loaders.nodesOf(slugs.map((key) => ({ kind: "Source" as const, key })));
  const kindOf = new Map(sources.map((s) => [s.key, s.props.sourceKind as SourceKind]));
  // A derived value ranks as strong as the fact it comes from: it cites none of that fact's sources,
  // but it is no weaker than they are (a dataset's word does not outrank the curated headquarters).
  const rankKind = (c: Candidate): SourceKind | null =>
    c.source ? (kindOf.get(c.source) ?? null) : strongest((c.derivedFrom?.sourceSlugs ?? []).map((slug) => kindOf.get(slug) ?? null));
  const withKinds = inputs.map((c) => ({ ...c, sourceKind: rankKind(c) }));
  const current = withKinds.filter((c) => !c.superseded);
  // A value held and also claimed by the same source is one claim.
  const unique = current.filter((c, i) => current.findIndex((o) => o.property === c.property && o.value === c.value && o.source === c.source) === i);
  const history = withKinds.filter((c) => c.superseded).sort((a, b) => (a.superseded!.at < b.superseded!.at ? 1 : a.superseded!.at > b.superseded!.at ? -1 : 0));
  const properties = [...CLAIM_PROPERTIES, ...new Set(withKinds.map((c) => c.property))].filter((p, i, all) => all.indexOf(p) === i);
  return properties.flatMap((p) => [
    ...rankClaims(unique.filter((c) => c.property === p)).map((c) => claimOf(c, c.preferred)),
    ...history.filter((c) => c.property === p).map((c) => claimOf(c, false)),
  ]);
}
