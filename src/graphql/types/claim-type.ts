// Claim and Conflict: what each source says about a fact, and the facts whose sources disagree.
import { Field, ObjectType } from "type-graphql";
import { Asset } from "./asset-type.js";

@ObjectType({ description: "One source's value for one property of an asset." })
export class Claim {
  @Field({ description: "releaseDate, country, parameters, trainingComputeFlop or trainingCostUsd." })
  property: string;

  @Field({ description: "The value as text: an ISO date, an ISO country code, a number." })
  value: string;

  @Field({ description: "Whether this is the value the graph prefers: that of the strongest source (curated sources outrank datasets), else the held one." })
  preferred: boolean;

  @Field(() => String, { nullable: true, description: "The explanation the source gives with the value." })
  note: string | null;

  /** The source's slug; the Source is loaded by the field resolver. */
  sourceSlug: string;
}

@ObjectType({ description: "A property of an asset that sources give different values for." })
export class Conflict {
  @Field(() => Asset)
  subject: Asset;

  @Field()
  property: string;

  @Field(() => [Claim], { description: "Every source's value, the preferred first." })
  claims: Claim[];
}
