// Claims and conflicts: where the sources of the graph disagree about a fact, and what each says.
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { uidOf } from "../../domain/graph.js";
import { disagree } from "../../domain/provenance.js";
import { compareText } from "../../domain/search.js";
import type { Context } from "../context.js";
import { Asset } from "../types/asset-type.js";
import { Claim, Conflict, DerivedFrom } from "../types/claim-type.js";
import { SupersededValue, Supersession } from "../types/history-type.js";
import { entityOf } from "../types/entity-of.js";
import { Node } from "../types/node-type.js";
import { Source } from "../types/source-type.js";
import { claimsOf } from "./claims.js";
import { loadOne, sourcesOf } from "./load.js";

/** How many sources, and claims per source, `conflicts` looks at. */
const MAX_SOURCES = 1000;
const MAX_CLAIMS_PER_SOURCE = 10_000;

/** A source a claim names, or a stand-in naming its slug when the graph lacks it (an import cites sources by slug). */
async function sourceNamed(ctx: Context, slug: string): Promise<Source> {
  return (await loadOne(ctx, "Source", slug, Source.from)) ?? Object.assign(new Source(), { slug, title: null, description: slug, reportedInSlugs: [] });
}

@Resolver(() => Supersession)
export class SupersessionResolver {
  @FieldResolver(() => Source, { description: "The source the replacing value cites." })
  by(@Root() superseded: Supersession, @Ctx() ctx: Context): Promise<Source> {
    return sourceNamed(ctx, superseded.bySlug);
  }
}

@Resolver(() => SupersededValue)
export class SupersededValueResolver {
  @FieldResolver(() => [Source], { description: "The sources the value was held on." })
  sources(@Root() value: SupersededValue, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, value.sourceSlugs);
  }
}

@Resolver(() => DerivedFrom)
export class DerivedFromResolver {
  @FieldResolver(() => Node, { description: "The entity whose fact the value is taken from (the developer)." })
  subject(@Root() derived: DerivedFrom): Node {
    return entityOf(derived.subjectRecord);
  }

  @FieldResolver(() => [Source], { description: "The sources of that fact: what they state is the subject's, not the claim's subject's." })
  sources(@Root() derived: DerivedFrom, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, derived.sourceSlugs);
  }
}

@Resolver(() => Claim)
export class ClaimResolver {
  @FieldResolver(() => Source, { nullable: true, description: "The source that gives the value; null for a derived claim, which no source states." })
  async source(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Source | null> {
    return claim.sourceSlug === null ? null : sourceNamed(ctx, claim.sourceSlug);
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
    // Superseded values are history: a curator who corrects a value does not disagree with it.
    const currentClaims = async (asset: Asset, property: string) => (await claimsOf(ctx, asset.record, property)).filter((c) => !c.superseded);
    const found = await Promise.all(candidates.map(async ({ asset, property }) => ({ subject: asset, property, claims: await currentClaims(asset, property) })));
    return found
      .filter((c) => disagree(c.claims))
      .sort((a, b) => compareText(a.subject.name.toLowerCase(), b.subject.name.toLowerCase()) || compareText(a.subject.slug, b.subject.slug) || compareText(a.property, b.property))
      .map((c) => Object.assign(new Conflict(), c));
  }
}
