// Model: an AI model (Gemini Ultra, GPT-4, HyperCLOVA X, ...).
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { ModelKind as ModelKindValue } from "../../domain/kinds.js";
import { ModelKind } from "./enums.js";
import { entityFields, Node, num, str, strings } from "./node-type.js";

@ObjectType({ implements: Node, description: "An AI model." })
export class Model extends Node {
  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: "Name in Korean." })
  nameKo: string | null;

  @Field(() => [String])
  aliases: string[];

  @Field(() => ModelKind, { nullable: true })
  kind: ModelKindValue | null;

  @Field(() => LocalDateResolver, { nullable: true })
  releaseDate: string | null;

  @Field(() => Float, { nullable: true, description: "Estimated training cost in US dollars." })
  trainingCostUsd: number | null;

  static from(record: NodeRecord): Model {
    return Object.assign(new Model(), entityFields(record), {
      slug: record.key,
      name: str(record, "name") ?? record.key,
      nameKo: str(record, "nameKo"),
      aliases: strings(record, "aliases"),
      kind: str(record, "modelKind") as ModelKindValue | null,
      releaseDate: str(record, "releaseDate"),
      trainingCostUsd: num(record, "trainingCostUsd"),
    });
  }
}
