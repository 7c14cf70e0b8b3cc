// Curation: the facts a curator writes through the API, each turned into ONE GraphBatch that
// merges into the graph (so that it lands all or nothing) and cites a source, with the rules the
// store checks inside the write's transaction (domain/preconditions.ts). Pure: the caller reads
// what exists, builds the write on it and sends both.
import type { GraphBatch, NodeRecord, NodeRef, Properties, PropertyValue, RelationshipRecord } from "./graph.js";
import { mergeSources } from "./graph.js";
import type { ModelKind, OrganizationKind } from "./kinds.js";
import type { KeptTargetType, Precondition } from "./preconditions.js";

/** A fact that cannot be written as asked; `field` names the input field at fault. */
export class CurationError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "CurationError";
  }
}

/** The key of the source that a curator's facts cite when the curator names none. */
export function curationSourceKey(curator: string): string {
  return `curation-${curator}`;
}

/** The CURATION source of one curator: "this fact is here because this curator said so". */
function curationSource(curator: string): NodeRecord {
  return {
    kind: "Source",
    key: curationSourceKey(curator),
    // Not a document: it has no title, only a description of what it stands for.
    props: { name: `Curated by ${curator}`, description: `Curated by ${curator}`, nameKo: null, aliases: [], sourceKind: "CURATION", publisher: curator, sources: [] },
  };
}

/**
 * The source a write cites, the CURATION source node to merge when it is the curator's own, and who
 * writes when: what a value the write replaces keeps as its `superseded` record.
 */
export interface Citation {
  source: string;
  sourceNode: NodeRecord | null;
  curator: string;
  /** ISO date-time of the write. */
  at: string;
}

export function citation(curator: string, sourceSlug: string | null | undefined, at: string): Citation {
  const cited = sourceSlug ? { source: sourceSlug, sourceNode: null } : { source: curationSourceKey(curator), sourceNode: curationSource(curator) };
  return { ...cited, curator, at };
}

/** A batch and the rules the store must find true when it lands. */
export interface CurationWrite {
  batch: GraphBatch;
  preconditions: Precondition[];
}

/**
 * The facts of an asset that a curation write can replace, each with its own provenance
 * (`<fact>Sources`). A write that changes one keeps the value it replaces as a superseded claim
 * (supersededClaims). A model's country and an organization's headquarters are never replaced (a
 * write that would move them is refused). A replaced name is not kept: names carry no sources of
 * their own to keep with the old one (docs/provenance.md).
 */
export const SUPERSEDABLE_FACTS = ["releaseDate", "trainingCostUsd"] as const;
export type SupersedableFact = (typeof SUPERSEDABLE_FACTS)[number];

/** The CLAIMS key of a superseded value: apart from a source's current claim of the same value, one per replacement. */
export function supersededClaimKey(property: string, value: string, at: string): string {
  return `${property}:${value}@${at}`;
}

/**
 * The value `existing` holds for `field`, kept as one superseded CLAIMS relationship per source it
 * was held on (its own sources, else the node's), when `value` replaces it: another value, or null
 * (removed). The claim names the source that replaced it, the curator and the time.
 */
function supersededClaims(existing: NodeRecord | null, field: SupersedableFact, value: string | number | null | undefined, c: Citation): RelationshipRecord[] {
  const held = existing?.props[field];
  if (value === undefined || held === undefined || held === null || held === value) return [];
  const own = existing!.props[`${field}Sources`];
  const sources = Array.isArray(own) && own.length > 0 ? (own as string[]) : ((existing!.props.sources as string[] | undefined) ?? []);
  const text = String(held);
  return sources.map((source) => ({
    type: "CLAIMS",
    from: ref("Source", source),
    to: ref(existing!.kind, existing!.key),
    key: supersededClaimKey(field, text, c.at),
    props: { property: field, value: text, supersededBy: c.source, supersededByCurator: c.curator, supersededAt: c.at, sources: [source] },
  }));
}

/** Names every node write carries (see names()): what it writes back rests on them as read. */
const NAME_FIELDS = ["name", "nameKo", "aliases"] as const;

/**
 * The rule that the node's properties a write rests on are still as read: the names it writes back
 * and `others` (a fact's value and the sources it keeps or supersedes). Without it a concurrent
 * write's names or value would be written over with the stale ones, and lost.
 */
function unchanged(node: NodeRef, existing: NodeRecord | null, others: readonly string[]): Precondition {
  const props: Record<string, PropertyValue | null> = {};
  for (const field of [...NAME_FIELDS, ...others]) props[field] = existing?.props[field] ?? null;
  return { kind: "UNCHANGED", node, props };
}

/**
 * Refusal of a write that would give a node a second target of a relationship it keeps (its
 * country): the same words whether the caller saw the held target before writing or the store
 * found it inside the write's transaction.
 */
export function movedError(type: KeptTargetType, from: NodeRef, held: NodeRef): CurationError {
  return type === "ORIGINATES_IN"
    ? new CurationError(`model '${from.key}' originates in ${held.key}; moving a model to another country is not supported`, "input.countryCode")
    : new CurationError(`organization '${from.key}' is headquartered in ${held.key}; moving it to another country is not supported`, "input.countryCode");
}

/** `existing` sources with `source` added once. */
function cite(existing: PropertyValue | undefined, source: string): string[] {
  return mergeSources(existing, [source]);
}

/**
 * A fact with its own provenance (`<field>` and `<field>Sources`): the same value gains the
 * source, a new value keeps only it (the old sources do not vouch for the new value). `undefined`
 * leaves the fact alone; `null` removes it.
 */
function fact(existing: NodeRecord | null, field: string, value: string | number | null | undefined, source: string): Properties {
  if (value === undefined) return {};
  if (value === null) return { [field]: null, [`${field}Sources`]: null };
  const same = existing?.props[field] === value;
  return { [field]: value, [`${field}Sources`]: same ? cite(existing?.props[`${field}Sources`], source) : [source] };
}

/**
 * A value a curation write replaced on a relationship (a score, an observed value): the value, what
 * went with it (unit, rank), the sources it was held on, and what replaced it, when, by whom.
 */
export interface SupersededValue {
  value: number;
  unit?: string | null;
  rank?: number | null;
  sources: string[];
  supersededBy: string;
  curator: string;
  at: string;
}

/**
 * The history of a value-carrying relationship, oldest first. Each entry is one JSON text in the
 * relationship's `history` list: a property holds lists of plain values only, and the entry must
 * land in the same relationship write as the value that replaces it (all or nothing, both stores).
 */
export function historyOf(rel: Properties): SupersededValue[] {
  const entries = Array.isArray(rel.history) ? (rel.history as string[]) : [];
  return entries.flatMap((text) => {
    try {
      return [JSON.parse(text) as SupersededValue];
    } catch {
      return [];
    }
  });
}

/** The sources a relationship's value is held on: its own (`<field>Sources`), else the relationship's (seed data). */
export function valueSources(rel: Properties, field: "score" | "value"): string[] {
  const own = rel[`${field}Sources`];
  return Array.isArray(own) ? (own as string[]) : Array.isArray(rel.sources) ? (rel.sources as string[]) : [];
}

/** The rule that the relationship's value, its sources and its history are still as read (revisedValue rests on them). */
function relationshipAsRead(rel: RelationshipRecord, existing: Properties | null, fields: readonly string[], field: "score" | "value"): Precondition {
  const props: Record<string, PropertyValue | null> = {};
  for (const name of [...fields, `${field}Sources`, "history"]) props[name] = existing?.[name] ?? null;
  return { kind: "RELATIONSHIP_UNCHANGED", type: rel.type, from: rel.from, to: rel.to, key: rel.key, props };
}

/**
 * Relationship properties for a value-carrying relationship: the same value gains the source; a
 * new value keeps only its own (`<field>Sources`: the old sources do not vouch for it), and the
 * value it replaces joins `history`. `sources` names every source that gave the relationship a
 * value (the stores add to it).
 */
function revisedValue(existing: Properties | null, field: "score" | "value", values: Properties, kept: readonly string[], c: Citation): Properties {
  const held = existing?.[field];
  const same = held === values[field];
  const props: Properties = { ...values, [`${field}Sources`]: existing && same ? cite(valueSources(existing, field), c.source) : [c.source], sources: [c.source] };
  if (existing && !same && typeof held === "number") {
    const entry: SupersededValue = { value: held, sources: valueSources(existing, field), supersededBy: c.source, curator: c.curator, at: c.at };
    for (const k of kept) (entry as unknown as Record<string, unknown>)[k] = existing[k] ?? null;
    props.history = [...((existing.history as string[] | undefined) ?? []), JSON.stringify(entry)];
  }
  return props;
}

/**
 * Name, Korean name and aliases as they will be after the write: every node write carries all
 * three, because the Neo4j adapter derives a node's search text from the names it writes.
 */
function names(existing: NodeRecord | null, name: string | undefined, nameKo: string | null | undefined, aliases: readonly string[] | null | undefined): Properties {
  return {
    name: name ?? (existing?.props.name as string | undefined) ?? existing?.key ?? null,
    nameKo: nameKo === undefined ? ((existing?.props.nameKo as string | undefined) ?? null) : nameKo,
    aliases: aliases === undefined ? ((existing?.props.aliases as string[] | undefined) ?? []) : [...new Set(aliases ?? [])],
  };
}

function batch(citation: Citation, nodes: NodeRecord[], relationships: RelationshipRecord[]): GraphBatch {
  return { nodes: citation.sourceNode ? [citation.sourceNode, ...nodes] : nodes, relationships };
}

function ref(kind: NodeRef["kind"], key: string): NodeRef {
  return { kind, key };
}

/** A relationship as the store holds it: the far node's key and the relationship's properties. */
export interface Related {
  key: string;
  rel: Properties;
}

export interface ModelFacts {
  slug: string;
  name: string;
  /** A developer: added after the known ones unless it is one already. */
  organizationSlug: string;
  nameKo?: string | null;
  aliases?: readonly string[] | null;
  modelKind?: ModelKind | null;
  releaseDate?: string | null;
  trainingCostUsd?: number | null;
  /** The model's own country; a model that has one keeps it. */
  countryCode?: string | null;
}

export interface ModelNow {
  model: NodeRecord | null;
  developers: readonly Related[];
  ownCountry: Related | null;
}

export function upsertModel(facts: ModelFacts, now: ModelNow, c: Citation): CurationWrite {
  const { model } = now;
  const node: NodeRecord = {
    kind: "Model",
    key: facts.slug,
    props: {
      ...names(model, facts.name, facts.nameKo, facts.aliases),
      ...(facts.modelKind !== undefined ? { modelKind: facts.modelKind } : {}),
      ...fact(model, "releaseDate", facts.releaseDate, c.source),
      ...fact(model, "trainingCostUsd", facts.trainingCostUsd, c.source),
      sources: cite(model?.props.sources, c.source),
    },
  };
  const self = ref("Model", facts.slug);
  const developer = now.developers.find((d) => d.key === facts.organizationSlug);
  const relationships: RelationshipRecord[] = [
    {
      type: "DEVELOPED_BY",
      from: self,
      to: ref("Organization", facts.organizationSlug),
      key: "",
      props: developer ? { sources: cite(developer.rel.sources, c.source) } : { order: now.developers.length, sources: [c.source] },
    },
  ];
  const changed = SUPERSEDABLE_FACTS.filter((f) => facts[f] !== undefined);
  for (const field of changed) relationships.push(...supersededClaims(model, field, facts[field], c));
  // The names, the facts' sources and the values superseded rest on the model as read: the store checks it still is.
  const preconditions: Precondition[] = [unchanged(self, model, changed.flatMap((f) => [f, `${f}Sources`]))];
  if (facts.countryCode) {
    const country = ref("Country", facts.countryCode);
    if (now.ownCountry && now.ownCountry.key !== facts.countryCode) throw movedError("ORIGINATES_IN", self, ref("Country", now.ownCountry.key));
    relationships.push({ type: "ORIGINATES_IN", from: self, to: country, key: "", props: { sources: cite(now.ownCountry?.rel.sources, c.source) } });
    preconditions.push({ kind: "KEEPS_TARGET", type: "ORIGINATES_IN", from: self, to: country });
  }
  return { batch: batch(c, [node], relationships), preconditions };
}

export interface OrganizationFacts {
  slug: string;
  name: string;
  nameKo?: string | null;
  aliases?: readonly string[] | null;
  kind?: OrganizationKind | null;
  /** The headquarters country; an organization that has one keeps it. */
  countryCode?: string | null;
}

export interface OrganizationNow {
  organization: NodeRecord | null;
  country: Related | null;
}

export function upsertOrganization(facts: OrganizationFacts, now: OrganizationNow, c: Citation): CurationWrite {
  const { organization } = now;
  const node: NodeRecord = {
    kind: "Organization",
    key: facts.slug,
    props: {
      ...names(organization, facts.name, facts.nameKo, facts.aliases),
      ...(facts.kind !== undefined ? { orgKind: facts.kind } : {}),
      sources: cite(organization?.props.sources, c.source),
    },
  };
  const relationships: RelationshipRecord[] = [];
  const self = ref("Organization", facts.slug);
  const preconditions: Precondition[] = [unchanged(self, organization, [])];
  if (facts.countryCode) {
    const country = ref("Country", facts.countryCode);
    if (now.country && now.country.key !== facts.countryCode) throw movedError("HEADQUARTERED_IN", self, ref("Country", now.country.key));
    relationships.push({ type: "HEADQUARTERED_IN", from: self, to: country, key: "", props: { sources: cite(now.country?.rel.sources, c.source) } });
    preconditions.push({ kind: "KEEPS_TARGET", type: "HEADQUARTERED_IN", from: self, to: country });
  }
  return { batch: batch(c, [node], relationships), preconditions };
}

export interface BenchmarkResultFacts {
  modelSlug: string;
  benchmarkSlug: string;
  score: number;
  unit?: string | null;
}

/** One score per model and benchmark: a new score replaces the old one, with its own source, and the old one joins the history. */
export function recordBenchmarkResult(facts: BenchmarkResultFacts, existing: Properties | null, c: Citation): CurationWrite {
  const values: Properties = { score: facts.score, ...(facts.unit !== undefined ? { unit: facts.unit } : {}) };
  const props = revisedValue(existing, "score", values, ["unit"], c);
  const rel: RelationshipRecord = { type: "SCORED", from: ref("Model", facts.modelSlug), to: ref("Benchmark", facts.benchmarkSlug), key: "", props };
  return { batch: batch(c, [], [rel]), preconditions: [relationshipAsRead(rel, existing, ["score", "unit"], "score")] };
}

export interface ObservationFacts {
  indicatorSlug: string;
  subject: NodeRef;
  year: number;
  value: number;
  rank?: number | null;
}

/**
 * One value per indicator, subject and year (the relationship's key is the year, as in the seed);
 * a new value replaces the old one, which joins the history.
 */
export function recordObservation(facts: ObservationFacts, existing: Properties | null, c: Citation): CurationWrite {
  const values: Properties = { year: facts.year, value: facts.value, ...(facts.rank !== undefined ? { rank: facts.rank } : {}) };
  const props = revisedValue(existing, "value", values, ["rank"], c);
  const rel: RelationshipRecord = { type: "OBSERVED", from: ref("Indicator", facts.indicatorSlug), to: facts.subject, key: String(facts.year), props };
  return { batch: batch(c, [], [rel]), preconditions: [relationshipAsRead(rel, existing, ["value", "rank"], "value")] };
}

export interface InclusionFacts {
  reportSlug: string;
  modelSlug: string;
  /** Whether the graph now records every model the report includes (what IN_SCOPE omissions rest on). */
  inclusionsComplete?: boolean | null;
}

/**
 * Records that a report includes a model, and optionally whether its inclusions are now complete.
 * Writes only merge, so an inclusion is never taken back here.
 */
export function setReportInclusion(facts: InclusionFacts, report: NodeRecord, existing: Properties | null, c: Citation): CurationWrite {
  const nodes: NodeRecord[] = [];
  const preconditions: Precondition[] = [];
  if (facts.inclusionsComplete !== undefined && facts.inclusionsComplete !== null) {
    preconditions.push(unchanged(ref("Report", report.key), report, ["scopeSources"]));
    nodes.push({
      kind: "Report",
      key: report.key,
      props: {
        ...names(report, undefined, undefined, undefined),
        scopeInclusionsComplete: facts.inclusionsComplete,
        scopeSources: cite(report.props.scopeSources, c.source),
      },
    });
  }
  const rel: RelationshipRecord = { type: "INCLUDES", from: ref("Report", facts.reportSlug), to: ref("Model", facts.modelSlug), key: "", props: { sources: cite(existing?.sources, c.source) } };
  return { batch: batch(c, nodes, [rel]), preconditions };
}

export interface OmissionClaimFacts {
  reportSlug: string;
  modelSlug: string;
  note?: string | null;
}

/** A source's claim that a report left a model out; further claims add their sources. */
export function claimOmission(facts: OmissionClaimFacts, existing: Properties | null, c: Citation): GraphBatch {
  const props: Properties = { basis: "CLAIMED", ...(facts.note !== undefined ? { note: facts.note } : {}), sources: cite(existing?.sources, c.source) };
  return batch(c, [], [{ type: "OMITS", from: ref("Report", facts.reportSlug), to: ref("Model", facts.modelSlug), key: "", props }]);
}
