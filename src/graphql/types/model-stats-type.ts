// Grouped statistics over models (Query.modelStats): a group's key as objects, its count, the
// summary of its measures, and its models. The counting rule: a model counts once in each group of
// its values (domain/model-stats.ts).
import { Field, Float, Int, ObjectType } from "type-graphql";
import type { GroupKey, ModelDimension as ModelDimensionValue, NumericSummary as NumericSummaryValue } from "../../domain/model-stats.js";
import type { ModelFilter } from "../../domain/relations.js";
import type { ModelGroupRow } from "../../store/port.js";

@ObjectType({ description: "Count, min, max, avg, sum and median of a measure over the models of a group that have a value; `count` says how many have one (the others are left out, and all but `count` are null when none has)." })
export class NumericSummary {
  @Field(() => Int)
  count: number;

  @Field(() => Float, { nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true })
  max: number | null;

  @Field(() => Float, { nullable: true })
  avg: number | null;

  @Field(() => Float, { nullable: true })
  sum: number | null;

  @Field(() => Float, { nullable: true, description: "The middle value; the mean of the two middle values when their number is even." })
  median: number | null;

  static from(s: NumericSummaryValue): NumericSummary {
    return Object.assign(new NumericSummary(), s);
  }
}

@ObjectType({ description: "A group's value in each dimension it was grouped by; fields of other dimensions are null, and so is a dimension's field for the group of models with no value in it." })
export class ModelGroupKey {
  countryCode: string | null;
  organizationSlug: string | null;
  sourceSlug: string | null;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => String, { nullable: true, description: "KIND: the model kind." })
  kind: string | null;

  @Field(() => String, { nullable: true })
  domain: string | null;

  @Field(() => String, { nullable: true })
  accessibility: string | null;

  /** The dimensions grouped by, in order, and the key's values. */
  dimensions: readonly ModelDimensionValue[];
  values: GroupKey;

  static from(dimensions: readonly ModelDimensionValue[], values: GroupKey): ModelGroupKey {
    const of = (d: ModelDimensionValue) => {
      const i = dimensions.indexOf(d);
      return i < 0 ? null : values[i];
    };
    const year = of("YEAR");
    return Object.assign(new ModelGroupKey(), {
      dimensions,
      values,
      countryCode: of("COUNTRY"),
      organizationSlug: of("ORGANIZATION") ?? of("PARENT_ORGANIZATION"),
      sourceSlug: of("SOURCE"),
      year: year === null ? null : Number(year),
      kind: of("KIND"),
      domain: of("DOMAIN"),
      accessibility: of("ACCESSIBILITY"),
    });
  }
}

@ObjectType({ description: "The models of one group: how many, the summary of their parameters, training compute and training cost, and the models themselves." })
export class ModelGroup {
  @Field(() => ModelGroupKey)
  key: ModelGroupKey;

  @Field(() => Int, { description: "Models in the group (a model with several values in a dimension counts in each of their groups, so groups can add up to more than the models)." })
  count: number;

  @Field(() => NumericSummary, { description: "Parameters." })
  parameters: NumericSummary | null;

  @Field(() => NumericSummary, { description: "Training compute, FLOP." })
  trainingCompute: NumericSummary | null;

  @Field(() => NumericSummary, { description: "Training cost, USD." })
  trainingCost: NumericSummary | null;

  /** What the group's models are read with (ModelGroup.models). */
  filter: ModelFilter | null;
  groupBy: readonly ModelDimensionValue[];

  static from(row: ModelGroupRow, filter: ModelFilter | null, groupBy: readonly ModelDimensionValue[]): ModelGroup {
    return Object.assign(new ModelGroup(), {
      key: ModelGroupKey.from(groupBy, row.key),
      count: row.count,
      // Null only when the selection asked for no summary (ModelStatsQuery.summaries), so never read.
      parameters: row.parameters && NumericSummary.from(row.parameters),
      trainingCompute: row.trainingCompute && NumericSummary.from(row.trainingCompute),
      trainingCost: row.trainingCost && NumericSummary.from(row.trainingCost),
      filter,
      groupBy,
    });
  }
}
