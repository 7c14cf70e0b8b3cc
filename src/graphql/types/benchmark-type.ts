// Benchmark and its results: a model's score on a benchmark, with the sources that report it.
import { Field, Float, Int, ObjectType } from "type-graphql";
import { historyOf, valueSources } from "../../domain/curation.js";
import { SupersededValue } from "./history-type.js";
import type { NodeRecord } from "../../domain/graph.js";
import type { RelatedItem } from "../../store/port.js";
import { fieldsOfRecord, NamedNode, Node, num, ofRecord, reads, str } from "./node-type.js";

@ObjectType({ implements: Node, description: "A benchmark that models are scored on." })
export class Benchmark extends NamedNode {
  @Field()
  slug: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: "Unit of scores, e.g. %." })
  unit: string | null;

  @Field(() => Float, { nullable: true, description: "Score of human experts." })
  humanBaseline: number | null;

  static from(record: NodeRecord): Benchmark {
    return ofRecord(new Benchmark(), record);
  }
}

fieldsOfRecord(Benchmark, {
  slug: reads([], (r) => r.key),
  description: reads(["description"], (r) => str(r, "description")),
  unit: reads(["unit"], (r) => str(r, "unit")),
  humanBaseline: reads(["humanBaseline"], (r) => num(r, "humanBaseline")),
});

@ObjectType({ description: "A model's score on a benchmark." })
export class BenchmarkResult {
  @Field(() => Float)
  score: number;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => Int, { nullable: true, description: "Shots (examples in the prompt), where the source gives them." })
  shots: number | null;

  @Field(() => String, { nullable: true, description: "The model version scored (an id such as `gpt-4-0613`), where the source gives one." })
  modelVersion: string | null;

  @Field(() => String, { nullable: true, description: "The publisher's page for this result (a leaderboard, a paper, an evaluation log)." })
  url: string | null;

  modelSlug: string;
  /** The kind of the scored node: Model, or UnresolvedAsset for a model the graph does not know. */
  modelKind: "Model" | "UnresolvedAsset";
  benchmarkSlug: string;
  sourceSlugs: string[];
  /** The model's record where the result was read with it (a benchmark's results, perhaps a projection: relation-fields.ts `item`). */
  modelRecord: NodeRecord | null;

  @Field(() => [SupersededValue], { description: "The values curation writes replaced, oldest first, each with its sources and what replaced it." })
  history: SupersededValue[];

  static from(modelSlug: string, benchmarkSlug: string, item: RelatedItem, modelKind: "Model" | "UnresolvedAsset" = "Model"): BenchmarkResult {
    return Object.assign(new BenchmarkResult(), {
      modelRecord: item.node.kind === "Model" ? item.node : null,
      score: item.rel.score as number,
      unit: (item.rel.unit as string | null) ?? null,
      shots: typeof item.rel.shots === "number" ? item.rel.shots : null,
      modelVersion: typeof item.rel.modelVersion === "string" ? item.rel.modelVersion : null,
      url: typeof item.rel.url === "string" ? item.rel.url : null,
      modelSlug,
      modelKind,
      benchmarkSlug,
      // The current value's own sources: a replaced value's sources do not vouch for the new one.
      sourceSlugs: valueSources(item.rel, "score"),
      history: historyOf(item.rel).map(SupersededValue.from),
    });
  }
}
