// Stage 3 of every import: which entity each record, developer, country and dependency denotes: one
// the graph holds (compared by normalized names and aliases, domain/resolution.ts, with developers
// agreeing when one is a unit of the other), one an earlier record made, or a new one with a slug of its own.
import type { NodeRecord, NodeRef } from "../../domain/graph.js";
import { uidOf } from "../../domain/graph.js";
import type { AssetKind } from "../../domain/kinds.js";
import { allocateSlug, findMatch, organizationKey, withoutLegalSuffix, type Candidate } from "../../domain/resolution.js";
import { compareText, namesOf } from "../../domain/search.js";
import { nameKey } from "../../domain/slug.js";
import type { Held } from "./held.js";
import type { AssetType, SourceRecord as AssetRecord } from "./record.js";
import type { ImportWarning } from "./report.js";
import type { Vocabulary } from "./vocabulary.js";

const KIND_OF_TYPE: Readonly<Record<AssetType, AssetKind>> = { model: "Model", dataset: "Dataset", application: "Application" };

/** An asset that one or more records denote. */
export interface AssetEntity extends Candidate {
  /** Its uid, the candidate key. */
  key: string;
  ref: NodeRef;
  /** The node the graph held; null when the import creates it. */
  held: NodeRecord | null;
  names: string[];
  developers: string[];
  records: AssetRecord[];
}

export interface OrganizationEntity {
  slug: string;
  name: string;
  /** Spellings the records used, for a new organization's aliases. */
  spellings: Set<string>;
  created: boolean;
}

export interface CountryEntity {
  code: string;
  name: string;
  created: boolean;
}

export interface PlaceholderEntity {
  ref: NodeRef;
  name: string;
}

export interface Resolution {
  /** One per record, in order: the entity it denotes and whether it created it. */
  outcomes: Array<{ record: AssetRecord; entity: AssetEntity; created: boolean }>;
  /** Each entity once, in the order of its first record. */
  entities: AssetEntity[];
  /** Developers (organization slugs) and countries (codes) of each record. */
  developersOf: Map<AssetRecord, string[]>;
  countriesOf: Map<AssetRecord, string[]>;
  organizations: Map<string, OrganizationEntity>;
  countries: Map<string, CountryEntity>;
  /** Dependencies of each entity (by uid): the uids of the assets it depends on, in order. */
  dependencies: Map<string, string[]>;
  /** New placeholders, by uid. */
  placeholders: Map<string, PlaceholderEntity>;
  /** PART_OF relationships of organization-units.json whose two ends are in the graph after the import. */
  units: Array<{ unit: string; parent: string; url: string; note: string | null }>;
  warnings: ImportWarning[];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class Resolver {
  private readonly orgIndex = new Map<string, string>();
  private readonly orgAliases = new Map<string, string>();
  private readonly countryIndex = new Map<string, string>();
  private readonly countryTable = new Map<string, { code: string; name: string }>();
  private readonly notCountries: Set<string>;
  /** Asset candidates by kind, then by name key. */
  private readonly assetIndex = new Map<AssetKind, Map<string, AssetEntity[]>>();
  private readonly entities = new Map<string, AssetEntity>();
  private readonly takenAssetSlugs = new Set<string>();
  private readonly takenOrgSlugs: Set<string>;
  private readonly createdOrgs = new Map<string, OrganizationEntity>();
  /** Parent organization by unit slug: the graph's PART_OF, and the curated table's where both ends resolve. */
  private readonly parents = new Map<string, string>();

  readonly organizations = new Map<string, OrganizationEntity>();
  readonly countries = new Map<string, CountryEntity>();
  readonly warnings: ImportWarning[] = [];

  constructor(
    private readonly held: Held,
    vocabulary: Vocabulary,
  ) {
    for (const org of held.organizations.values()) {
      for (const name of [...namesOf(org), org.key]) if (!this.orgIndex.has(organizationKey(name))) this.orgIndex.set(organizationKey(name), org.key);
    }
    for (const entry of vocabulary.organizations) {
      for (const alias of [entry.name, ...entry.aliases]) this.orgAliases.set(organizationKey(alias), entry.name);
    }
    this.takenOrgSlugs = new Set(held.organizations.keys());
    for (const country of held.countries.values()) {
      for (const name of [...namesOf(country), country.key]) if (!this.countryIndex.has(nameKey(name))) this.countryIndex.set(nameKey(name), country.key);
    }
    for (const c of vocabulary.countries) for (const name of [c.name, ...c.aliases]) this.countryTable.set(nameKey(name), c);
    this.notCountries = new Set(vocabulary.notCountries.map(nameKey));
    for (const [unit, parent] of held.parents) this.parents.set(unit, parent);
    for (const node of [...held.assets.values()].sort((a, b) => compareText(uidOf(a), uidOf(b)))) {
      this.takenAssetSlugs.add(node.key);
      const developers = (held.developers.get(uidOf(node)) ?? []).map((d) => d.key);
      this.index({ key: uidOf(node), ref: { kind: node.kind, key: node.key }, held: node, names: namesOf(node), developers, records: [] });
    }
  }

  private index(entity: AssetEntity): void {
    this.entities.set(entity.key, entity);
    const kind = entity.ref.kind as AssetKind;
    let byName = this.assetIndex.get(kind);
    if (!byName) this.assetIndex.set(kind, (byName = new Map()));
    for (const name of entity.names) {
      const list = byName.get(nameKey(name)) ?? [];
      if (!list.includes(entity)) list.push(entity);
      byName.set(nameKey(name), list);
    }
  }

  /** The slug a name denotes among the organizations held or created so far, or null. */
  findOrganization(raw: string): string | null {
    const canonical = this.orgAliases.get(organizationKey(raw)) ?? raw;
    return this.orgIndex.get(organizationKey(raw)) ?? this.orgIndex.get(organizationKey(canonical)) ?? this.createdOrgs.get(organizationKey(canonical))?.slug ?? null;
  }

  /** Records the curated units whose two ends resolve, so that developers of a unit and of its parent agree. */
  learnUnits(units: Vocabulary["units"]): Resolution["units"] {
    const found: Resolution["units"] = [];
    for (const u of units) {
      const unit = this.findOrganization(u.unit);
      const parent = this.findOrganization(u.parent);
      if (!unit || !parent || unit === parent) continue;
      if (!this.parents.has(unit)) this.parents.set(unit, parent);
      found.push({ unit, parent, url: u.url, note: u.note ?? null });
    }
    return found;
  }

  /** The organizations and every organization they are units of. */
  private family(slugs: readonly string[]): string[] {
    const all = new Set<string>();
    for (let slug of slugs) {
      for (let hops = 0; slug && !all.has(slug) && hops < 8; hops++) {
        all.add(slug);
        slug = this.parents.get(slug) ?? "";
      }
    }
    return [...all];
  }

  organization(raw: string): string {
    const canonical = this.orgAliases.get(organizationKey(raw)) ?? raw;
    const held = this.orgIndex.get(organizationKey(raw)) ?? this.orgIndex.get(organizationKey(canonical));
    if (held) return held;
    const key = organizationKey(canonical);
    const known = this.createdOrgs.get(key);
    if (known) {
      known.spellings.add(raw);
      return known.slug;
    }
    const slug = allocateSlug(withoutLegalSuffix(canonical), [], (s) => this.takenOrgSlugs.has(s), "organization");
    this.takenOrgSlugs.add(slug);
    const org = { slug, name: canonical, spellings: new Set([raw]), created: true };
    this.organizations.set(slug, org);
    this.createdOrgs.set(key, org);
    return slug;
  }

  /** The code a nationality names, or null (with a warning unless it names no single country on purpose). */
  country(raw: string, record: AssetRecord): string | null {
    const key = nameKey(raw);
    if (this.notCountries.has(key)) return null;
    const held = this.countryIndex.get(key);
    if (held) return held;
    const entry = this.countryTable.get(key);
    if (!entry) {
      this.warn(record, `nationality '${raw}' names no country of the graph or of country-names.json; no country claim`);
      return null;
    }
    if (this.held.countries.has(entry.code)) return entry.code;
    if (!this.countries.has(entry.code)) this.countries.set(entry.code, { code: entry.code, name: entry.name, created: true });
    return entry.code;
  }

  /** The entity a record denotes, and whether the record creates it. */
  asset(record: AssetRecord, developers: string[]): { entity: AssetEntity; created: boolean } {
    const kind = KIND_OF_TYPE[record.type];
    const match = this.match(kind, [record.name, ...(record.aliases ?? [])], developers);
    if (match) {
      for (const d of developers) if (!match.developers.includes(d)) match.developers.push(d);
      match.records.push(record);
      // Matched through a curated alias: the record's own name becomes one of the entity's names,
      // so that later records and dependencies that use it find the entity too.
      if (!match.names.some((n) => nameKey(n) === nameKey(record.name))) {
        match.names.push(record.name);
        this.index(match);
      }
      return { entity: match, created: false };
    }
    const slug = allocateSlug(record.name, developers, (s) => this.takenAssetSlugs.has(s), kind.toLowerCase());
    this.takenAssetSlugs.add(slug);
    const ref = { kind, key: slug };
    const names = [record.name, ...(record.aliases ?? []).filter((a) => nameKey(a) !== nameKey(record.name))];
    const entity: AssetEntity = { key: uidOf(ref), ref, held: null, names, developers: [...developers], records: [record] };
    this.index(entity);
    return { entity, created: true };
  }

  /**
   * The entity one of `names` denotes (the first name that matches wins), developers compared with
   * the organizations they are units of: Gemini by Google DeepMind is Gemini by Google.
   */
  private match(kind: AssetKind, names: string[], developers: string[]): AssetEntity | null {
    const mine = this.family(developers);
    for (const name of names) {
      const candidates = this.assetIndex.get(kind)?.get(nameKey(name)) ?? [];
      if (candidates.length === 0) continue;
      const widened = candidates.map((c) => ({ ...c, developers: this.family(c.developers) }));
      const found = findMatch(widened, name, mine);
      if (found) return candidates[widened.indexOf(found)];
    }
    return null;
  }

  /**
   * The uids each entity depends on. A name resolves to an asset that a record of the snapshot
   * denotes, else to an asset the graph holds (real assets before placeholders), else to a new
   * placeholder; among several, one that shares a developer with the dependent wins.
   */
  dependencies(entities: AssetEntity[]): { dependencies: Map<string, string[]>; placeholders: Map<string, PlaceholderEntity> } {
    const fromRecords = new Map<string, AssetEntity[]>();
    for (const e of entities) for (const name of e.names) if (!fromRecords.get(nameKey(name))?.includes(e)) pushTo(fromRecords, nameKey(name), e);
    const fromGraph = new Map<string, NodeRecord[]>();
    const heldAssets = [...this.held.assets.values()].sort((a, b) => Number(a.kind === "UnresolvedAsset") - Number(b.kind === "UnresolvedAsset") || compareText(uidOf(a), uidOf(b)));
    for (const node of heldAssets) for (const name of namesOf(node)) pushTo(fromGraph, nameKey(name), node);
    const placeholders = new Map<string, PlaceholderEntity>();
    const newPlaceholderByName = new Map<string, string>();
    const dependencies = new Map<string, string[]>();

    const heldBySlug = new Map([...this.held.assets.values()].map((n) => [n.key, n]));
    for (const e of entities) {
      const targets: string[] = [];
      // A dependency the graph already holds for the entity keeps its target, so that an import run
      // again after another dataset added a better-named asset changes nothing.
      const linked = new Map<string, string>();
      for (const link of e.held ? (this.held.dependencies.get(e.key) ?? []) : []) {
        const node = heldBySlug.get(link.key);
        if (node) for (const n of namesOf(node)) if (!linked.has(nameKey(n))) linked.set(nameKey(n), uidOf(node));
      }
      for (const record of e.records) {
        for (const name of record.dependencies) {
          const key = nameKey(name);
          const target = linked.get(key) ?? this.pick(fromRecords.get(key)?.map((c) => ({ uid: c.key, developers: c.developers })), e, name, record)
            ?? this.pick(fromGraph.get(key)?.map((n) => ({ uid: uidOf(n), developers: (this.held.developers.get(uidOf(n)) ?? []).map((d) => d.key) })), e, name, record)
            ?? newPlaceholderByName.get(key)
            ?? this.placeholder(name, key, placeholders, newPlaceholderByName);
          if (target === e.key) this.warn(record, `dependency '${name}' is the asset itself; left out`);
          else if (!targets.includes(target)) targets.push(target);
        }
      }
      dependencies.set(e.key, targets);
    }
    return { dependencies, placeholders };
  }

  private pick(candidates: Array<{ uid: string; developers: string[] }> | undefined, dependent: AssetEntity, name: string, record: AssetRecord): string | null {
    if (!candidates || candidates.length === 0) return null;
    const others = candidates.filter((c) => c.uid !== dependent.key);
    const pool = others.length > 0 ? others : candidates;
    const shared = pool.find((c) => c.developers.some((d) => dependent.developers.includes(d)));
    if (!shared && pool.length > 1) this.warn(record, `dependency '${name}' names ${pool.length} assets (${pool.map((c) => c.uid).join(", ")}); took the first`);
    return (shared ?? pool[0]).uid;
  }

  private placeholder(name: string, key: string, placeholders: Map<string, PlaceholderEntity>, byName: Map<string, string>): string {
    const slug = allocateSlug(name, [], (s) => this.takenAssetSlugs.has(s), "asset");
    this.takenAssetSlugs.add(slug);
    const ref: NodeRef = { kind: "UnresolvedAsset", key: slug };
    placeholders.set(uidOf(ref), { ref, name });
    byName.set(key, uidOf(ref));
    return uidOf(ref);
  }

  warn(record: AssetRecord, reason: string): void {
    this.warnings.push({ file: record.file, asset: record.name, reason });
  }
}

/** Resolves every record against what the graph holds and against each other, in record order. */
export function resolve(records: AssetRecord[], held: Held, vocabulary: Vocabulary): Resolution {
  const resolver = new Resolver(held, vocabulary);
  // The units whose ends the graph holds count before records resolve; those an import creates, after.
  resolver.learnUnits(vocabulary.units);
  const outcomes: Resolution["outcomes"] = [];
  const developersOf = new Map<AssetRecord, string[]>();
  const countriesOf = new Map<AssetRecord, string[]>();
  const entitySet = new Set<AssetEntity>();
  for (const record of records) {
    const developers = [...new Set(record.developers.map((d) => resolver.organization(d)))];
    const countries = [...new Set(record.nationalities.map((n) => resolver.country(n, record)).filter((c): c is string => c !== null))];
    developersOf.set(record, developers);
    countriesOf.set(record, countries);
    // A unit and its parent agree as developers as soon as both are known (the record may have named a new one).
    resolver.learnUnits(vocabulary.units);
    const { entity, created } = resolver.asset(record, developers);
    entitySet.add(entity);
    outcomes.push({ record, entity, created });
  }
  const entities = [...entitySet];
  const { dependencies, placeholders } = resolver.dependencies(entities);
  const units = resolver.learnUnits(vocabulary.units);
  return {
    outcomes,
    entities,
    developersOf,
    countriesOf,
    organizations: resolver.organizations,
    countries: resolver.countries,
    dependencies,
    placeholders,
    units,
    warnings: resolver.warnings,
  };
}
