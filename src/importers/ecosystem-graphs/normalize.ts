// Stage 2: one raw record -> an AssetRecord of plain values. A map `{value, explanation}` gives its
// value and keeps the explanation as a note; `unknown`, `none` and empty text give null; dates become
// ISO dates with their precision; sizes give a parameter count when they state one.
import { withoutNulls } from "../../domain/graph.js";
import { splitDevelopers } from "../../domain/resolution.js";
import { ASSET_TYPES, type AssetType, type DateValue, type SourceRecord } from "../pipeline/record.js";
import type { RawRecord } from "./read.js";
import type { Vocabulary } from "./vocabulary.js";

export type { DateValue } from "../pipeline/record.js";

/** Fields whose map values carry an explanation, by the property the explanation annotates. */
export type NoteField = "access" | "license" | "modality" | "size" | "releaseDate" | "url" | "description" | "developers" | "country" | "dependencies";

/** An asset of the snapshot: the pipeline's record (pipeline/record.ts), with the format's fields by name. */
export interface AssetRecord extends SourceRecord {
  /** `nationality` as written, kept on the node whatever it resolves to. */
  nationality: string | null;
  releaseDate: DateValue | null;
  access: string | null;
  license: string | null;
  modality: string | null;
  size: string | null;
  /** Parameters stated by `size` ("70B parameters (dense)" -> 7e10), else null. */
  parameters: number | null;
  description: string | null;
  url: string | null;
  notes: Partial<Record<NoteField, string>>;
}

export type Normalized =
  | { ok: true; record: AssetRecord; warnings: string[] }
  | { ok: false; name: string | null; reason: string; warnings: string[] };

/** Fields of the format that the graph does not take (yet); read without a warning. */
const FIELDS_NOT_IMPORTED = [
  "analysis", "feedback", "intended_uses", "prohibited_uses", "monitoring", "quality_control", "model_card",
  "training_emissions", "training_hardware", "training_time", "adaptation", "failures", "monthly_active_users",
  "output_space", "terms_of_service", "user_distribution", "datasheet", "excluded", "included", "sample",
] as const;

const FIELDS_IMPORTED = [
  "type", "name", "organization", "nationality", "created_date", "dependencies", "access", "license", "modality", "size", "description", "url",
] as const;

const KNOWN_FIELDS: ReadonlySet<string> = new Set([...FIELDS_IMPORTED, ...FIELDS_NOT_IMPORTED]);

/** The access levels of the format; other text is kept as written, with a warning. */
const ACCESS_LEVELS = ["open", "limited", "closed"] as const;

/** Text that means "not known": the field gives no value. */
function isNothing(text: string): boolean {
  return ["", "unknown", "none"].includes(text.trim().toLowerCase());
}

interface Unwrapped {
  value: unknown;
  note: string | null;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A field's value, out of a `{value, explanation}` map when it is one. */
function unwrap(field: string, v: unknown, warnings: string[]): Unwrapped {
  if (!isMap(v) || !("value" in v || "explanation" in v)) return { value: v, note: null };
  const note = typeof v.explanation === "string" && v.explanation.trim() !== "" ? v.explanation.trim() : null;
  if (!("value" in v)) warnings.push(`\`${field}\` has an explanation but no value; taken as unknown`);
  return { value: v.value, note };
}

/** A text value, or null for nothing; numbers and booleans as written; anything else is a warning. */
function text(field: string, v: unknown, warnings: string[]): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v !== "string") {
    warnings.push(`\`${field}\` is not text (${JSON.stringify(v).slice(0, 80)}); taken as unknown`);
    return null;
  }
  const t = v.trim();
  return isNothing(t) ? null : t;
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * An ISO date from a created_date value: "2023-05-17" as it is; "2023-05" and "2023" (or the number
 * 2023) give the first day with a coarser precision and a warning; anything else is null with a warning.
 */
export function normalizeDate(value: string | number): { value: DateValue | null; warning: string | null } {
  const t = String(value).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m && validDay(+m[1], +m[2], +m[3])) {
    return { value: { date: `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`, precision: "DAY" }, warning: null };
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m && +m[2] >= 1 && +m[2] <= 12) {
    const date = `${m[1]}-${m[2].padStart(2, "0")}-01`;
    return { value: { date, precision: "MONTH" }, warning: `created_date '${t}' gives a month only; release date ${date} with precision MONTH` };
  }
  if (/^\d{4}$/.test(t)) {
    const date = `${t}-01-01`;
    return { value: { date, precision: "YEAR" }, warning: `created_date '${t}' gives a year only; release date ${date} with precision YEAR` };
  }
  return { value: null, warning: `created_date '${t}' is not a date; release date left unknown` };
}

const SCALE: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/**
 * The parameter count a size states: "70B parameters (dense)" -> 7e10, "1.75T parameters" ->
 * 1.75e12, "14B parameters with 2.7B ... active" -> 1.4e10 (the total comes first); null when the
 * size states no parameter count ("200 GB", "70M", "unknown").
 */
export function parseParameters(size: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMBT])\s+parameters\b/i.exec(size);
  return m ? Math.round(Number(m[1]) * SCALE[m[2].toUpperCase()]) : null;
}

/** Developer names of an organization value: a listed value as the vocabulary lists it, else split at commas. */
export function developersOf(value: string, vocabulary: Vocabulary): string[] {
  const listed = vocabulary.developerLists[value];
  const names = listed ? [...listed] : splitDevelopers(value);
  return names.filter((n) => !isNothing(n));
}

function dependenciesOf(v: unknown, warnings: string[]): string[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) {
    warnings.push(`\`dependencies\` is not a list (${JSON.stringify(v).slice(0, 80)}); no dependency taken`);
    return [];
  }
  const seen = new Set<string>();
  const names: string[] = [];
  for (const item of v) {
    if (typeof item !== "string") {
      warnings.push(`dependency ${JSON.stringify(item)} is not a name; left out`);
      continue;
    }
    const name = item.trim();
    if (isNothing(name)) {
      warnings.push(`dependency '${item}' names nothing; left out`);
    } else if (!seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  }
  return names;
}

/** Normalizes one raw record; a record that cannot become an asset is `ok: false` with the reason. */
export function normalizeRecord(raw: RawRecord, vocabulary: Vocabulary): Normalized {
  const warnings: string[] = [];
  const r = raw.value;
  if (!isMap(r)) return { ok: false, name: null, reason: `skipped: record ${raw.index} is not a map of fields`, warnings };
  const name = text("name", unwrap("name", r.name, warnings).value, warnings);
  if (!name) return { ok: false, name: null, reason: `skipped: record ${raw.index} has no name`, warnings };
  const type = typeof r.type === "string" ? r.type.trim().toLowerCase() : null;
  if (!ASSET_TYPES.includes(type as AssetType)) {
    return { ok: false, name, reason: `skipped: type ${JSON.stringify(r.type ?? null)} is none of ${ASSET_TYPES.join(", ")}`, warnings };
  }
  for (const field of Object.keys(r)) {
    if (!KNOWN_FIELDS.has(field)) warnings.push(`unknown field \`${field}\` (${JSON.stringify(r[field]).slice(0, 60)}) not imported; misplaced?`);
  }

  const notes: Partial<Record<NoteField, string>> = {};
  const field = (yamlField: string, noteField: NoteField): string | null => {
    const u = unwrap(yamlField, r[yamlField], warnings);
    if (u.note) notes[noteField] = u.note;
    return text(yamlField, u.value, warnings);
  };

  const organization = field("organization", "developers");
  const developers = organization ? developersOf(organization, vocabulary) : [];
  if (developers.length === 0) warnings.push("no developer named; the asset has none");

  const nationality = field("nationality", "country");
  const nationalities = nationality ? nationality.split("/").map((n) => n.trim()).filter((n) => !isNothing(n)) : [];

  const created = field("created_date", "releaseDate");
  let releaseDate: DateValue | null = null;
  if (created) {
    const d = normalizeDate(created);
    releaseDate = d.value;
    if (d.warning) warnings.push(d.warning);
  }

  let access = field("access", "access");
  if (access && ACCESS_LEVELS.includes(access.toLowerCase() as (typeof ACCESS_LEVELS)[number])) access = access.toLowerCase();
  else if (access) warnings.push(`access '${access}' is none of ${ACCESS_LEVELS.join(", ")}; kept as written`);

  const size = field("size", "size");
  const deps = unwrap("dependencies", r.dependencies, warnings);
  if (deps.note) notes.dependencies = deps.note;

  const fields = {
    access,
    license: field("license", "license"),
    modality: field("modality", "modality"),
    size,
    parameters: size ? parseParameters(size) : null,
    description: field("description", "description"),
    url: field("url", "url"),
    nationality,
  };
  const record: AssetRecord = {
    file: raw.file,
    index: raw.index,
    type: type as AssetType,
    name,
    // Ecosystem Graphs records the assets of the foundation-model ecosystem: its models are foundation models.
    modelKind: type === "model" ? "FOUNDATION" : null,
    developers,
    nationalities,
    releaseDate,
    ...fields,
    dependencies: dependenciesOf(deps.value, warnings),
    notes,
    // The facts that fill a node's gaps, in the order the node lists them.
    facts: withoutNulls(fields),
    measures: {},
    hardware: [],
  };
  return { ok: true, record, warnings };
}
