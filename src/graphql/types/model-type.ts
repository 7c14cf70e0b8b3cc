// Model: an AI model (Gemini Ultra, GPT-4, HyperCLOVA X, ...).
import { Field, Float, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { ModelKind as ModelKindValue } from "../../domain/kinds.js";
import { Asset, assetFields } from "./asset-type.js";
import { ModelKind } from "./enums.js";
import { Node, num, str } from "./node-type.js";

@ObjectType({ implements: [Node, Asset], description: "An AI model." })
export class Model extends Asset {
  @Field(() => String, { nullable: true, description: "Name in Korean." })
  nameKo: string | null;

  @Field(() => ModelKind, { nullable: true })
  kind: ModelKindValue | null;

  @Field(() => Float, { nullable: true, description: "Estimated training cost in US dollars." })
  trainingCostUsd: number | null;

  static from(record: NodeRecord): Model {
    return Object.assign(new Model(), assetFields(record), {
      nameKo: str(record, "nameKo"),
      kind: str(record, "modelKind") as ModelKindValue | null,
      trainingCostUsd: num(record, "trainingCostUsd"),
    });
  }
}
