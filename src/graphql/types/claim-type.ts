// Claim and Conflict: what each source says about a fact, what the graph derives and from what, the
// values a curation write replaced, and the facts whose sources disagree.
import { Field, ObjectType, registerEnumType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import { DERIVATION_RULES, type DerivationRule as DerivationRuleValue } from "../../domain/provenance.js";
import { Asset } from "./asset-type.js";
import { Supersession } from "./history-type.js";

export const DerivationRule = Object.fromEntries(Object.keys(DERIVATION_RULES).map((r) => [r, r])) as { [K in DerivationRuleValue]: K };
registerEnumType(DerivationRule, {
  name: "DerivationRule",
  description: "How the graph derives a fact that no source states of its subject.",
  valuesConfig: { DEVELOPER_HEADQUARTERS: { description: "An asset's country, where no source gives one: the headquarters country of its first developer." } },
});

@ObjectType({ description: "The fact a derived claim comes from: a property of another subject, with that fact's own sources." })
export class DerivedFrom {
  @Field(() => DerivationRule)
  rule: DerivationRuleValue;

  @Field({ description: "The property of `subject` the value is taken from (headquarters)." })
  property: string;

  /** The subject's record; the Node is built by the field resolver. */
  subjectRecord: NodeRecord;

  /** The sources of the subject's fact; the Sources are loaded by the field resolver. */
  sourceSlugs: string[];
}

@ObjectType({
  description:
    "One source's value for one property of an asset: a value the graph holds (one claim per source it is held on), a value a source gives beside it, a value a curation write replaced (`superseded`), or a value the graph derives (`derivedFrom`, no `source`).",
})
export class Claim {
  @Field({ description: "releaseDate, country, parameters, trainingComputeFlop or trainingCostUsd." })
  property: string;

  @Field({ description: "The value as text: an ISO date, an ISO country code, a number (of parameters, FLOP, US dollars)." })
  value: string;

  @Field({
    description:
      "Whether this is the value the graph prefers: that of the strongest source (curated sources outrank datasets), else the held one. A superseded value is never preferred.",
  })
  preferred: boolean;

  @Field(() => String, { nullable: true, description: "The explanation the source gives with the value." })
  note: string | null;

  @Field(() => Supersession, { nullable: true, description: "Set when a curation write replaced this value: the value stays readable, like a wiki page's history." })
  superseded: Supersession | null;

  @Field(() => DerivedFrom, { nullable: true, description: "Set when the graph derives the value by a rule from another fact; such a claim has no `source`." })
  derivedFrom: DerivedFrom | null;

  /** The source's slug, null for a derived claim; the Source is loaded by the field resolver. */
  sourceSlug: string | null;
}

@ObjectType({ description: "A property of an asset that sources give different values for." })
export class Conflict {
  @Field(() => Asset)
  subject: Asset;

  @Field()
  property: string;

  @Field(() => [Claim], { description: "Every source's current value (superseded ones left out), the preferred first." })
  claims: Claim[];
}
