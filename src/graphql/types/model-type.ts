// Model: an AI model (Gemini Ultra, GPT-4, HyperCLOVA X, ...).
import { Field, Float, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { ModelKind as ModelKindValue } from "../../domain/kinds.js";
import { Asset } from "./asset-type.js";
import { ModelKind } from "./enums.js";
import { fieldsOfRecord, reads, Node, num, ofRecord, str, strings } from "./node-type.js";

@ObjectType({ implements: [Node, Asset], description: "An AI model." })
export class Model extends Asset {
  @Field(() => String, { nullable: true, description: "Name in Korean." })
  nameKo: string | null;

  @Field(() => ModelKind, { nullable: true })
  kind: ModelKindValue | null;

  @Field(() => Float, {
    nullable: true,
    description: "Estimated training cost in US dollars: the preferred value (a report's figure before a dataset's); `claims(property: \"trainingCostUsd\")` gives every source's.",
  })
  trainingCostUsd: number | null;

  @Field(() => Float, { nullable: true, description: "Training compute in FLOP (Epoch AI); `claims(property: \"trainingComputeFlop\")` gives every source's." })
  trainingComputeFlop: number | null;

  @Field(() => [String], { description: "Domains (Epoch AI's `Domain`: Language, Vision, Multimodal, ...)." })
  domains: string[];

  @Field(() => [String], { description: "Tasks (Epoch AI's `Task`)." })
  tasks: string[];

  @Field({ description: "Whether Epoch AI lists the model as notable (it meets one of its notability criteria)." })
  notable: boolean;

  @Field(() => [String], { description: "The notability criteria Epoch AI says the model meets (SOTA improvement, Highly cited, ...)." })
  notability: string[];

  @Field(() => String, { nullable: true, description: "Epoch AI's confidence in the compute, parameters and dataset size: Confident, Likely, Speculative or Unknown." })
  confidence: string | null;

  @Field(() => String, { nullable: true, description: "How the model can be used, as Epoch AI writes it (Open weights (unrestricted), API access, Unreleased, ...)." })
  accessibility: string | null;

  @Field(() => String, { nullable: true, description: "Link to the paper or announcement that presents the model." })
  paperUrl: string | null;

  @Field(() => String, { nullable: true, description: "The title of that paper or announcement." })
  reference: string | null;

  @Field(() => String, { nullable: true, description: "The training data, as Epoch AI names it." })
  trainingDataset: string | null;

  @Field(() => Float, { nullable: true, description: "Training dataset size (Epoch AI's count of gradient datapoints, e.g. tokens)." })
  trainingDatasetSize: number | null;

  @Field(() => Float, { nullable: true, description: "Training time in hours." })
  trainingTimeHours: number | null;

  static from(record: NodeRecord): Model {
    return ofRecord(new Model(), record);
  }
}

fieldsOfRecord(Model, {
  nameKo: reads(["nameKo"], (r) => str(r, "nameKo")),
  kind: reads(["modelKind"], (r) => str(r, "modelKind") as ModelKindValue | null),
  trainingCostUsd: reads(["trainingCostUsd"], (r) => num(r, "trainingCostUsd")),
  trainingComputeFlop: reads(["trainingComputeFlop"], (r) => num(r, "trainingComputeFlop")),
  domains: reads(["domains"], (r) => strings(r, "domains")),
  tasks: reads(["tasks"], (r) => strings(r, "tasks")),
  notable: reads(["notable"], (r) => r.props.notable === true),
  notability: reads(["notabilityCriteria"], (r) => strings(r, "notabilityCriteria")),
  confidence: reads(["confidence"], (r) => str(r, "confidence")),
  accessibility: reads(["accessibility"], (r) => str(r, "accessibility")),
  paperUrl: reads(["paperUrl"], (r) => str(r, "paperUrl")),
  reference: reads(["reference"], (r) => str(r, "reference")),
  trainingDataset: reads(["trainingDataset"], (r) => str(r, "trainingDataset")),
  trainingDatasetSize: reads(["trainingDatasetSize"], (r) => num(r, "trainingDatasetSize")),
  trainingTimeHours: reads(["trainingTimeHours"], (r) => num(r, "trainingTimeHours")),
});
