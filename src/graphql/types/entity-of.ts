// Builds the GraphQL object of a node record, whatever its kind (for node(id), nodes and search).
import type { NodeRecord } from "../../domain/graph.js";
import type { NodeKind } from "../../domain/kinds.js";
import { Application } from "./application-type.js";
import { Benchmark } from "./benchmark-type.js";
import { Country } from "./country-type.js";
import { Dataset } from "./dataset-type.js";
import { Hardware } from "./hardware-type.js";
import { Indicator } from "./indicator-type.js";
import { Model } from "./model-type.js";
import type { Node } from "./node-type.js";
import { Organization } from "./organization-type.js";
import { Report } from "./report-type.js";
import { Source } from "./source-type.js";
import { UnresolvedAsset } from "./unresolved-asset-type.js";

const BUILDERS: Record<NodeKind, (record: NodeRecord) => Node> = {
  Country: Country.from,
  Organization: Organization.from,
  Model: Model.from,
  Benchmark: Benchmark.from,
  Indicator: Indicator.from,
  Report: Report.from,
  Source: Source.from,
  Dataset: Dataset.from,
  Application: Application.from,
  UnresolvedAsset: UnresolvedAsset.from,
  Hardware: Hardware.from,
};

export function entityOf(record: NodeRecord): Node {
  return BUILDERS[record.kind](record);
}
