// A figure recomputed from the graph beside the one a report states (Indicator.observations,
// Report.coverage), and the indicator definition it is recomputed by (domain/indicator-definition.ts).
import { Field, Int, ObjectType } from "type-graphql";
import type { GroupKey, ModelDimension as ModelDimensionValue } from "../../domain/model-stats.js";
import type { IndicatorDefinition as IndicatorDefinitionValue } from "../../domain/indicator-definition.js";
import type { ModelFilter } from "../../domain/relations.js";
import { ModelDimension } from "./enums.js";

@ObjectType({ description: "How an indicator's figures are recomputed from the graph: which source's models it counts, with which filter, by which dimension, per release year. It is data (seed/indicators.json), with the sources that say the indicator counts so." })
export class IndicatorDefinition {
  @Field({ description: "What it counts, in words." })
  counts: string;

  @Field({ description: "Slug of the source (a dataset) whose models it counts: `modelStats(filter: { listedBy })`." })
  listedBy: string;

  @Field(() => Boolean, { nullable: true, description: "Only the models Epoch AI lists as notable (true) or not (false); null: either." })
  notable: boolean | null;

  @Field(() => ModelDimension, { nullable: true, description: "The dimension a country's figure is counted by." })
  byCountry: ModelDimensionValue | null;

  @Field(() => ModelDimension, { nullable: true, description: "The dimension an organization's figure is counted by." })
  byOrganization: ModelDimensionValue | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  sourceSlugs: string[];

  static from(d: IndicatorDefinitionValue): IndicatorDefinition {
    return Object.assign(new IndicatorDefinition(), d);
  }
}

@ObjectType({
  description:
    "A figure recomputed on request from the graph, by the indicator's definition (never stored): how many of the source's models fall in the subject's group for the year, and which. A model with several developers or countries counts once in each of their groups.",
})
export class RecomputedFigure {
  @Field(() => Int)
  value: number;

  /** The modelStats question it answers (RecomputedFigure.models asks it again with a window). */
  filter: ModelFilter;
  groupBy: ModelDimensionValue[];
  key: GroupKey;
  listedBy: string;
}
