// What every dataset's normalizer produces and the shared stages (resolve, build-batch) consume: one
// record per row or asset of the dataset, in plain values. A new dataset is a reader and a normalizer
// that give these; resolution, the batch, the writes and the report are the pipeline's.
import type { Properties } from "../../domain/graph.js";

export const ASSET_TYPES = ["model", "dataset", "application"] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export type DatePrecision = "DAY" | "MONTH" | "YEAR";
export interface DateValue {
  /** YYYY-MM-DD; a month or a year alone gives its first day. */
  date: string;
  precision: DatePrecision;
}

/**
 * Numeric facts that sources disagree on and that are kept as claims (domain/provenance.ts): the
 * graph holds one value with `<property>Sources`, and every other source's value is a CLAIMS beside it.
 */
export const MEASURE_PROPERTIES = ["parameters", "trainingComputeFlop", "trainingCostUsd"] as const;
export type MeasureProperty = (typeof MEASURE_PROPERTIES)[number];

/** The hardware a model was trained on, as the dataset names it, with the number of chips when given. */
export interface HardwareUse {
  name: string;
  quantity: number | null;
  note?: string | null;
}

export interface SourceRecord {
  /** The file, relative to the folder imported. */
  file: string;
  /** Position in the file, from 0. */
  index: number;
  type: AssetType;
  name: string;
  /** Other names the record is known by (a curated alias table's), tried after `name` when resolving. */
  aliases?: string[];
  /** A new model's kind (FOUNDATION for Ecosystem Graphs, NOTABLE for Epoch's notable models). */
  modelKind?: string | null;
  /** Developer names as written, one per developer. */
  developers: string[];
  /** Country names as written, one per country. */
  nationalities: string[];
  releaseDate: DateValue | null;
  /** Names of the assets this one depends on (base models, data), as written, without repeats. */
  dependencies: string[];
  /** Explanations that came with values, by the property they explain (`releaseDate`, `country`, ...). */
  notes: Partial<Record<string, string>>;
  /** Facts that fill a node's gaps (a held value stays; a different one is a warning). */
  facts: Properties;
  /** Facts kept as claims where a source holds another value. */
  measures: Partial<Record<MeasureProperty, number>>;
  hardware: HardwareUse[];
}
