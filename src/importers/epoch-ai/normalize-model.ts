// Stage 2 of the Epoch AI import: one row of a model file -> the pipeline's record (pipeline/record.ts).
// Blank cells give nothing; numbers may be written in scientific notation; multi-valued cells are
// comma-separated. Which column becomes which fact is written out here and in docs/importing.md.
import { withoutNulls } from "../../domain/graph.js";
import { splitDevelopers } from "../../domain/resolution.js";
import type { DateValue, HardwareUse, MeasureProperty, SourceRecord } from "../pipeline/record.js";

export type Row = Record<string, string>;

export type NormalizedModel = { ok: true; record: SourceRecord; warnings: string[] } | { ok: false; name: string | null; reason: string; warnings: string[] };

/** A cell's text with its spacing collapsed, or null when blank. */
export function cell(row: Row, column: string): string | null {
  const v = row[column];
  if (v === undefined) return null;
  const t = v.replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}

/** The items of a comma-separated cell, trimmed, without repeats. */
export function list(row: Row, column: string): string[] {
  const t = cell(row, column);
  return t ? [...new Set(t.split(",").map((s) => s.trim()).filter((s) => s !== ""))] : [];
}

/** A number cell (`2.1e+25`, `1800000000000.0`), null when blank; text that is no number is a warning. */
function number(row: Row, column: string, warnings: string[]): number | null {
  const t = cell(row, column);
  if (t === null) return null;
  const n = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(n)) {
    warnings.push(`\`${column}\` '${t.slice(0, 40)}' is not a number; left out`);
    return null;
  }
  return n;
}

function date(row: Row, warnings: string[]): DateValue | null {
  const t = cell(row, "Publication date");
  if (t === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return { date: t, precision: "DAY" };
  warnings.push(`\`Publication date\` '${t}' is not a date (YYYY-MM-DD); release date left unknown`);
  return null;
}

/** The chips of `Training hardware`; the quantity goes with the one kind named, else into a note. */
function hardwareOf(row: Row, warnings: string[]): HardwareUse[] {
  const names = list(row, "Training hardware");
  const quantity = number(row, "Hardware quantity", warnings);
  if (names.length <= 1) return names.map((name) => ({ name, quantity }));
  const note = quantity === null ? null : `${quantity} chips in all, of ${names.join(", ")}`;
  return names.map((name) => ({ name, quantity: null, note }));
}

/**
 * One model row. `file` is the model file (its notability: the notable file lists the models that
 * meet Epoch's notability criteria); `aliases` the curated names the model may be known by.
 */
export function normalizeModelRow(file: string, index: number, row: Row, aliases: Readonly<Record<string, readonly string[]>>): NormalizedModel {
  const warnings: string[] = [];
  const name = cell(row, "Model");
  if (!name) return { ok: false, name: null, reason: `skipped: row ${index + 2} has no \`Model\` name`, warnings };
  const developers = list(row, "Organization").flatMap((o) => splitDevelopers(o));
  if (developers.length === 0) warnings.push("no `Organization` named; the model has no developer");
  const measures: Partial<Record<MeasureProperty, number>> = {};
  const put = (property: MeasureProperty, column: string) => {
    const v = number(row, column, warnings);
    if (v !== null) measures[property] = v;
  };
  put("parameters", "Parameters");
  put("trainingComputeFlop", "Training compute (FLOP)");
  put("trainingCostUsd", "Training compute cost (2023 USD)");
  const notable = file.endsWith("notable_ai_models.csv");
  const facts = withoutNulls({
    domains: list(row, "Domain"),
    tasks: list(row, "Task"),
    notabilityCriteria: list(row, "Notability criteria"),
    notable: notable ? true : null,
    confidence: cell(row, "Confidence"),
    accessibility: cell(row, "Model accessibility"),
    paperUrl: cell(row, "Link"),
    reference: cell(row, "Reference"),
    trainingDataset: cell(row, "Training dataset"),
    trainingDatasetSize: number(row, "Training dataset size (gradients)", warnings),
    trainingTimeHours: number(row, "Training time (hours)", warnings),
  });
  for (const [key, value] of Object.entries(facts)) if (Array.isArray(value) && value.length === 0) delete facts[key];
  const record: SourceRecord = {
    file,
    index,
    type: "model",
    name,
    aliases: [...(aliases[name] ?? [])],
    modelKind: notable ? "NOTABLE" : null,
    developers,
    nationalities: list(row, "Country (of organization)"),
    releaseDate: date(row, warnings),
    dependencies: list(row, "Base model"),
    notes: {},
    facts,
    measures,
    hardware: hardwareOf(row, warnings),
  };
  return { ok: true, record, warnings };
}
