// Claims and conflicts: where the sources of the graph disagree about a fact, and what each says.
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { uidOf } from "../../domain/graph.js";
import { disagree } from "../../domain/provenance.js";
import { compareText } from "../../domain/search.js";
import type { Context } from "../context.js";
import { Asset } from "../types/asset-type.js";
import { Claim, Conflict } from "../types/claim-type.js";
import { entityOf } from "../types/entity-of.js";
import { Source } from "../types/source-type.js";
import { claimsOf } from "./claims.js";
import { loadOne } from "./load.js";

/** How many sources, and claims per source, `conflicts` looks at. */
const MAX_SOURCES = 1000;
const MAX_CLAIMS_PER_SOURCE = 10_000;

@Resolver(() => Claim)
export class ClaimResolver {
  @FieldResolver(() => Source)
  async source(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Source> {
    return (await loadOne(ctx, "Source", claim.sourceSlug, Source.from)) ?? Object.assign(new Source(), { slug: claim.sourceSlug, title: claim.sourceSlug });
  }

  @Query(() => [Conflict], {
    description: "Every property of an asset that sources give different values for, with each source's claim; by asset name, then property.",
  })
  async conflicts(@Ctx() ctx: Context): Promise<Conflict[]> {
    const sources = await ctx.store.list({ kind: "Source" }, { after: null, limit: MAX_SOURCES });
    const pages = await ctx.loaders.related("source-claims", null, { after: null, limit: MAX_CLAIMS_PER_SOURCE }).loadMany(sources.items.map((s) => s.key));
    const subjects = new Map<string, { asset: Asset; properties: Set<string> }>();
    for (const page of pages) {
      if (page instanceof Error) throw page;
      for (const item of page.items) {
        const uid = uidOf(item.node);
        const entry = subjects.get(uid) ?? { asset: entityOf(item.node) as Asset, properties: new Set<string>() };
        entry.properties.add(String(item.rel.property));
        subjects.set(uid, entry);
      }
    }
    const candidates = [...subjects.values()].flatMap(({ asset, properties }) => [...properties].map((property) => ({ asset, property })));
    const found = await Promise.all(candidates.map(async ({ asset, property }) => ({ subject: asset, property, claims: await claimsOf(ctx, asset.record, property) })));
    return found
      .filter((c) => disagree(c.claims))
      .sort((a, b) => compareText(a.subject.name.toLowerCase(), b.subject.name.toLowerCase()) || compareText(a.subject.slug, b.subject.slug) || compareText(a.property, b.property))
      .map((c) => Object.assign(new Conflict(), c));
  }
}
