// Stage 4 of every import: the GraphBatch it writes. New entities get every fact of their records;
// entities the graph held keep every value they hold, gain the facts they lack, and get a CLAIMS
// relationship from the dataset's source for each date, country or measure (parameters, compute,
// cost) the dataset gives for them beside a held one. Hardware, PART_OF units and dependencies too.
import type { GraphBatch, NodeRecord, NodeRef, Properties, PropertyValue, RelationshipRecord } from "../../domain/graph.js";
import { mergeSources, refOfUid, withoutNulls } from "../../domain/graph.js";
import type { SourceKind } from "../../domain/kinds.js";
import { CLAIM_PROPERTIES, outranks, type ClaimProperty } from "../../domain/provenance.js";
import { namesOf } from "../../domain/search.js";
import { nameKey, slugOfName } from "../../domain/slug.js";
import type { Held } from "./held.js";
import { MEASURE_PROPERTIES, type SourceRecord as AssetRecord } from "./record.js";
import type { ImportWarning } from "./report.js";
import type { AssetEntity, Resolution } from "./resolve.js";
import type { Vocabulary } from "./vocabulary.js";

export interface BuildResult {
  batch: GraphBatch;
  /** New CLAIMS relationships in the batch. */
  claims: number;
  warnings: ImportWarning[];
}

/** Facts of a record that fill a node's gaps, with the notes that came with them. */
function factsOf(record: AssetRecord): Properties {
  const notes = Object.fromEntries(Object.entries(record.notes).map(([field, note]) => [`${field}Note`, note]));
  return withoutNulls({ ...record.facts, ...notes });
}

/** Notes of the facts kept as claims (date, country) go with the fact they explain, not to any node. */
const CLAIMED_NOTES: ReadonlySet<string> = new Set(CLAIM_PROPERTIES.map((p) => `${p}Note`));

function same(a: Properties, b: Properties): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** A value short enough for a warning. */
function brief(v: PropertyValue | undefined): string {
  const text = String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function strings(v: PropertyValue | undefined): string[] {
  return Array.isArray(v) ? (v as string[]) : [];
}

class BatchBuilder {
  readonly nodes: NodeRecord[] = [];
  readonly relationships: RelationshipRecord[] = [];
  /** `uid|key` of the CLAIMS relationships this batch holds, so a claim is looked up, not searched for. */
  private readonly claimed = new Set<string>();
  readonly warnings: ImportWarning[] = [];
  claims = 0;
  private readonly source: NodeRef;

  constructor(
    private readonly resolution: Resolution,
    private readonly held: Held,
    sourceNode: NodeRecord,
    private readonly vocabulary: Vocabulary,
  ) {
    this.source = { kind: "Source", key: sourceNode.key };
    this.nodes.push(sourceNode);
  }

  private get cites(): string[] {
    return [this.source.key];
  }

  private warn(record: AssetRecord, reason: string): void {
    this.warnings.push({ file: record.file, asset: record.name, reason });
  }

  private sourceKinds(slugs: string[]): Array<SourceKind | null> {
    return slugs.map((s) => (s === this.source.key ? "DATASET" : (this.held.sourceKinds.get(s) ?? null)));
  }

  private rel(type: RelationshipRecord["type"], from: NodeRef, to: NodeRef, props: Properties, key = ""): void {
    this.relationships.push({ type, from, to, key, props: withoutNulls({ ...props, sources: this.cites }) });
  }

  /** A CLAIMS relationship, unless the graph or this batch already holds it. */
  private claim(entity: AssetEntity, property: ClaimProperty | (typeof MEASURE_PROPERTIES)[number], value: string, note: string | null | undefined): void {
    const key = `${property}:${value}`;
    const uid = entity.key;
    const heldAlready = (this.held.claims.get(uid) ?? []).some((l) => l.key === this.source.key && l.props.key === key);
    if (heldAlready || this.claimed.has(`${uid}|${key}`)) return;
    this.claimed.add(`${uid}|${key}`);
    this.rel("CLAIMS", this.source, entity.ref, { property, value, note: note ?? null }, key);
    this.claims++;
  }

  organizations(): void {
    for (const org of this.resolution.organizations.values()) {
      const aliases = [...org.spellings].filter((s) => s !== org.name).sort();
      this.nodes.push({ kind: "Organization", key: org.slug, props: { name: org.name, nameKo: null, aliases, sources: this.cites } });
    }
  }

  countries(): void {
    for (const c of this.resolution.countries.values()) {
      this.nodes.push({ kind: "Country", key: c.code, props: { name: c.name, nameKo: null, aliases: [], sources: this.cites } });
    }
  }

  /** PART_OF for the curated units whose two ends are in the graph, citing the curation source. */
  units(): void {
    const added = this.resolution.units.filter((u) => this.held.parents.get(u.unit) !== u.parent);
    if (added.length === 0) return;
    const s = this.vocabulary.unitsSource;
    const source = { kind: "Source" as const, key: s.slug };
    // A curation of the maintainers': described, not titled (graphql/types/source-type.ts).
    const props = { name: s.title, description: s.title, nameKo: null, aliases: [], sourceKind: "CURATION", publisher: s.publisher, url: s.url, date: s.date, language: s.language, sources: [] };
    this.nodes.push({ ...source, props: withoutNulls(props) });
    for (const u of added) {
      const rel = withoutNulls({ url: u.url, note: u.note, sources: [s.slug] });
      this.relationships.push({ type: "PART_OF", from: { kind: "Organization", key: u.unit }, to: { kind: "Organization", key: u.parent }, key: "", props: rel });
    }
  }

  placeholders(): void {
    for (const p of this.resolution.placeholders.values()) {
      this.nodes.push({ kind: "UnresolvedAsset", key: p.ref.key, props: { name: p.name, nameKo: null, aliases: [], unresolved: true, sources: this.cites } });
    }
  }

  asset(entity: AssetEntity): void {
    const [first, ...later] = entity.records;
    const props: Properties = entity.held ? { ...entity.held.props } : this.newAssetProps(entity, first);
    for (const record of entity.held ? entity.records : later) {
      this.fillFacts(props, record);
      this.releaseDate(entity, props, record);
    }
    for (const record of entity.records) this.measures(entity, props, record);
    if (entity.held) {
      props.sources = mergeSources(entity.held.props.sources, this.cites);
      // Names the records use that the node does not answer to yet (matched through a curated alias).
      const known = new Set(namesOf(entity.held).map(nameKey));
      const added = entity.names.filter((n) => !known.has(nameKey(n)));
      if (added.length > 0) props.aliases = [...strings(props.aliases), ...added];
    }
    if (!entity.held || !same(entity.held.props, props)) this.nodes.push({ kind: entity.ref.kind, key: entity.ref.key, props });
    this.developers(entity);
    this.countriesOf(entity);
    this.dependencies(entity);
    this.hardware(entity);
  }

  private readonly hardwareWritten = new Set<string>();

  /** A Hardware node per chip named (once per batch), and TRAINED_ON with the quantity. */
  private hardware(entity: AssetEntity): void {
    const seen = new Set<string>();
    for (const record of entity.records) {
      for (const use of record.hardware) {
        const key = slugOfName(use.name);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const held = this.held.hardware.get(key);
        if (!this.hardwareWritten.has(key) && !strings(held?.props.sources).includes(this.source.key)) {
          this.nodes.push({ kind: "Hardware", key, props: { name: held?.props.name ?? use.name, nameKo: null, aliases: strings(held?.props.aliases), sources: this.cites } });
        }
        this.hardwareWritten.add(key);
        this.rel("TRAINED_ON", entity.ref, { kind: "Hardware", key }, { quantity: use.quantity, note: use.note ?? null });
      }
    }
  }

  /**
   * Parameters, training compute and cost: the record's value fills a gap or replaces a value held
   * on a weaker source's word (its `<property>Sources`, else the node's sources); beside a value
   * held on an equal or stronger word it is a claim, with a warning when it differs.
   */
  private measures(entity: AssetEntity, props: Properties, record: AssetRecord): void {
    for (const property of MEASURE_PROPERTIES) {
      const value = record.measures[property];
      if (value === undefined) continue;
      const heldValue = typeof props[property] === "number" ? (props[property] as number) : null;
      const own = strings(props[`${property}Sources`]);
      const heldSources = own.length > 0 ? own : strings(entity.held?.props.sources);
      if (heldValue === null || (heldSources.length > 0 && !heldSources.includes(this.source.key) && outranks("DATASET", this.sourceKinds(heldSources)))) {
        props[property] = value;
        props[`${property}Sources`] = this.cites;
        continue;
      }
      if (heldSources.includes(this.source.key)) continue;
      if (heldValue !== value) this.warn(record, `${property} ${value} disagrees with ${heldValue} held on the word of ${heldSources.join(", ")}; kept as a claim, not preferred`);
      this.claim(entity, property, String(value), null);
    }
  }

  private newAssetProps(entity: AssetEntity, record: AssetRecord): Properties {
    const date = record.releaseDate;
    return withoutNulls({
      name: record.name,
      nameKo: null,
      aliases: entity.names.filter((n) => n !== record.name),
      modelKind: entity.ref.kind === "Model" ? (record.modelKind ?? null) : null,
      releaseDate: date?.date ?? null,
      releaseDatePrecision: date?.precision ?? null,
      releaseDateSources: date ? this.cites : null,
      ...factsOf(record),
      sources: this.cites,
    });
  }

  /** Facts the node lacks come from the record; a different value where one is held is a warning. */
  private fillFacts(props: Properties, record: AssetRecord): void {
    for (const [key, value] of Object.entries(factsOf(record))) {
      if (CLAIMED_NOTES.has(key)) continue;
      if (props[key] === undefined || props[key] === null) props[key] = value;
      else if (!key.endsWith("Note") && JSON.stringify(props[key]) !== JSON.stringify(value)) {
        this.warn(record, `the asset holds \`${key}\` '${brief(props[key])}'; kept it, not '${brief(value)}'`);
      }
    }
  }

  /** The held date stays unless no source's word holds it; the record's date is otherwise a claim. */
  private releaseDate(entity: AssetEntity, props: Properties, record: AssetRecord): void {
    const date = record.releaseDate;
    if (!date) return;
    const heldDate = typeof props.releaseDate === "string" ? props.releaseDate : null;
    const heldSources = strings(props.releaseDateSources);
    if (heldDate === null || outranks("DATASET", this.sourceKinds(heldSources))) {
      Object.assign(props, { releaseDate: date.date, releaseDatePrecision: date.precision, releaseDateSources: this.cites });
      if (record.notes.releaseDate) props.releaseDateNote = record.notes.releaseDate;
      return;
    }
    if (heldDate === date.date && heldSources.includes(this.source.key)) return;
    if (heldDate !== date.date) {
      this.warn(record, `release date ${date.date} disagrees with ${heldDate} held on the word of ${heldSources.join(", ")}; kept as a claim, not preferred`);
    }
    this.claim(entity, "releaseDate", date.date, record.notes.releaseDate);
  }

  private developers(entity: AssetEntity): void {
    const heldLinks = entity.held ? (this.held.developers.get(entity.key) ?? []) : [];
    const heldSlugs = new Set(heldLinks.map((l) => l.key));
    // A developer the graph holds on another source's word: this dataset says so too, and is cited beside it.
    const uncited = new Set(heldLinks.filter((l) => !l.sources.includes(this.source.key)).map((l) => l.key));
    let order = Math.max(-1, ...heldLinks.map((l) => (typeof l.props.order === "number" ? l.props.order : -1))) + 1;
    for (const record of entity.records) {
      for (const slug of this.resolution.developersOf.get(record) ?? []) {
        if (uncited.delete(slug)) this.rel("DEVELOPED_BY", entity.ref, { kind: "Organization", key: slug }, {});
        if (heldSlugs.has(slug)) continue;
        heldSlugs.add(slug);
        this.rel("DEVELOPED_BY", entity.ref, { kind: "Organization", key: slug }, { order: order++, note: record.notes.developers ?? null });
      }
    }
  }

  /**
   * The countries the graph holds for the asset: its own, else its first developer's headquarters
   * (the rule of Model.country). The snapshot's country fills the gap when there is none, and is a
   * claim beside them otherwise (agreeing or not), unless it is already the snapshot's own.
   */
  private countriesOf(entity: AssetEntity): void {
    const own = entity.held ? (this.held.ownCountries.get(entity.key) ?? []) : [];
    const firstDeveloper = entity.held ? this.held.developers.get(entity.key)?.[0]?.key : undefined;
    const headquarters = own.length === 0 && firstDeveloper ? (this.held.headquarters.get(firstDeveloper) ?? []) : [];
    const heldCodes = own.length > 0 ? own.map((l) => l.key) : headquarters;
    const ours = new Set(own.filter((l) => l.sources.includes(this.source.key)).map((l) => l.key));
    // With no country held, the first record that names one fills the gap; later ones are claims.
    const filling = heldCodes.length === 0 ? entity.records.find((r) => (this.resolution.countriesOf.get(r) ?? []).length > 0) : undefined;
    const filled = new Set<string>();
    for (const record of entity.records) {
      for (const code of this.resolution.countriesOf.get(record) ?? []) {
        if (ours.has(code)) continue;
        if (record === filling) {
          if (!filled.has(code)) this.rel("ORIGINATES_IN", entity.ref, { kind: "Country", key: code }, { note: record.notes.country ?? null });
          filled.add(code);
          continue;
        }
        const against = heldCodes.length > 0 ? heldCodes : [...filled];
        if (heldCodes.length === 0 && filled.has(code)) continue;
        if (!against.includes(code)) {
          this.warn(record, `country ${code} disagrees with ${against.join(", ") || "none"} held for the asset; kept as a claim, not preferred`);
        }
        this.claim(entity, "country", code, record.notes.country);
      }
    }
  }

  private dependencies(entity: AssetEntity): void {
    const heldTargets = new Set((entity.held ? (this.held.dependencies.get(entity.key) ?? []) : []).map((l) => l.key));
    for (const target of this.resolution.dependencies.get(entity.key) ?? []) {
      const ref = refOfUid(target);
      if (ref && !heldTargets.has(ref.key)) this.rel("DEPENDS_ON", entity.ref, ref, {});
    }
  }
}

/**
 * The batch of one import. Nodes come before relationships, so that written in chunks in this
 * order, every relationship's ends exist when it is written.
 */
export function buildBatch(resolution: Resolution, held: Held, sourceNode: NodeRecord, vocabulary: Vocabulary): BuildResult {
  const b = new BatchBuilder(resolution, held, sourceNode, vocabulary);
  b.countries();
  b.organizations();
  b.units();
  b.placeholders();
  for (const entity of resolution.entities) b.asset(entity);
  return { batch: { nodes: b.nodes, relationships: b.relationships }, claims: b.claims, warnings: b.warnings };
}
