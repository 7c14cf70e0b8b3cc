// The embedded store's reads: relations (one hop, or derived by the rules of src/domain), lists,
// search and coverage, over the storage of storage.ts, answering exactly as cypher/ does on Neo4j.
import type { NodeRecord, Properties } from "../../domain/graph.js";
import { uidOf } from "../../domain/graph.js";
import type { NodeKind } from "../../domain/kinds.js";
import { matchesModelFilter, matchesRelationFilter } from "../../domain/filters.js";
import { effectiveCountry } from "../../domain/model-country.js";
import { isDerived, parentKinds, RELATIONS, type DerivedRelationName, type HopRelationName, type ModelFilter, type RelationFilter, type RelationName, type RelationSpec } from "../../domain/relations.js";
import { coverageOf, coverageRows, inclusionsComplete, isInScopeOmission, scopePeriod, type CoverageRow, type ReportLinks } from "../../domain/scope.js";
import { compareHits, searchScore, tokenize } from "../../domain/search.js";
import { compareSortKeys, listDirections, listOrder, listSortKey, relatedDirections, relatedSortKey, relatedSortKeyOf, type SortKey } from "../../domain/sort-keys.js";
import type { ListQuery, Page, RelatedItem, SearchHit, Window } from "../port.js";
import { sortedWindow, windowOf } from "./order.js";
import type { EdgeAttrs, MemoryGraph, Neighbour, SortedItems } from "./storage.js";

/**
 * Relation lists of at least this many items stay sorted until a change (storage.ts); shorter
 * ones are kept among a bounded number of recent lists, since a short list of each of 100k models
 * would hold more than it saves. At M, Q2's 271 organizations' model pages took 18.8 ms of store
 * time with 32 here and 7.8 ms with 8 (11 of them have 32 models or more), before short lists were kept.
 */
const KEEP_SORTED_FROM = 8;

/**
 * Derived relations kept sorted whatever their length: their rules read far more than they find (a
 * report's in-scope omissions test every model of its period; a country's models, every model of
 * its organizations), and their parents are few. Kept lists are dropped at every write (storage.ts).
 */
const KEPT_WHATEVER_LENGTH: ReadonlySet<RelationName> = new Set<RelationName>(["report-in-scope-omissions", "country-models"]);

const NO_PROPS: Properties = Object.freeze({});

export class MemoryReads {
  constructor(private readonly g: MemoryGraph) {}

  /** The traversals with rules of their own, one per DerivedRelation of RELATIONS, as cypher/related/ has them: the uids of the items. */
  private readonly derived: { readonly [R in DerivedRelationName]: (uid: string) => string[] } = {
    "country-models": (uid) => this.countryModels(uid),
    "model-country": (uid) => {
      const country = this.country(uid);
      return country ? [country] : [];
    },
    "organization-unit-models": (uid) => this.unitModels(uid),
    // A report whose inclusions are not complete omits nothing in scope: its period's models are not read.
    "report-in-scope-omissions": (uid) => (inclusionsComplete(this.g.attrs(uid).props) ? this.scopeCandidates(uid).filter((model) => this.isInScopeOmission(uid, model)) : []),
    "model-in-scope-omitted-from": (uid) => [...this.g.uidsOf("Report")].filter((report) => this.isInScopeOmission(report, uid)),
  };

  /** Items of one relation for one parent, unordered, as uids and (for one hop) their relationship. */
  private entries(relation: RelationName, uid: string): Array<{ uid: string; attrs: EdgeAttrs | null }> {
    const spec = RELATIONS[relation] as RelationSpec;
    if ("derived" in spec) return this.derived[relation as DerivedRelationName](uid).map((item) => ({ uid: item, attrs: null }));
    const hop = RELATIONS[relation as HopRelationName];
    const targets: readonly NodeKind[] = hop.target;
    // The index's neighbours are entries already (uid, relationship): only those of the target kinds are kept.
    const entries: Neighbour[] = [];
    for (const n of this.g.neighbours(uid, hop.type, hop.direction)) if (targets.includes(this.g.attrs(n.uid).kind)) entries.push(n);
    return entries;
  }

  /** The item of an entry: the node's record and the relationship's properties with its key. */
  private itemOf(entry: { uid: string; attrs: EdgeAttrs | null }): RelatedItem {
    return { node: this.g.record(entry.uid), rel: entry.attrs ? { ...entry.attrs.props, key: entry.attrs.key } : {} };
  }

  /**
   * The i-th item of a sorted list, built on its first read and shared by the reads after it
   * (storage.ts SortedItems.served). Whole, whatever a caller projects (port.ts RelatedRead): a
   * shared item costs nothing to hand out, and a projected copy would be built on every read.
   */
  private servedItem(sorted: SortedItems, i: number): RelatedItem {
    return (sorted.served[i] ??= this.itemOf(sorted.entries[i]));
  }

  /** One parent's items of the relation in the relation's order (kept sorted in storage.ts). */
  private sorted(relation: RelationName, uid: string): SortedItems {
    const { order } = RELATIONS[relation];
    const directions = relatedDirections(order);
    const build = (): SortedItems => {
      const entries = this.entries(relation, uid);
      const keys = entries.map((e) => relatedSortKeyOf(order, e.uid, this.g.attrs(e.uid).props, e.attrs?.props ?? NO_PROPS, e.attrs?.key ?? ""));
      const served = new Array<RelatedItem | undefined>(entries.length);
      if (entries.length < 2) return { entries, keys, served };
      const at = keys.map((_, i) => i).sort((a, b) => compareSortKeys(keys[a], keys[b], directions));
      return { entries: at.map((i) => entries[i]), keys: at.map((i) => keys[i]), served };
    };
    const derived = isDerived(relation);
    return this.g.sortedItems(relation, uid, derived, build, (s) => s.entries.length >= KEEP_SORTED_FROM || (derived && KEPT_WHATEVER_LENGTH.has(relation)));
  }

  related(relation: RelationName, parentKeys: readonly string[], filter: RelationFilter | null, w: Window): Array<Page<RelatedItem>> {
    const spec = RELATIONS[relation];
    const directions = relatedDirections(spec.order);
    return parentKeys.map((key) => {
      // A key of a relation over several parent kinds names a node of any of them (asset slugs,
      // unique across those kinds: one of them at most exists).
      const parents = parentKinds(spec)
        .map((kind) => uidOf({ kind, key }))
        .filter((uid) => this.g.has(uid));
      if (parents.length > 1) {
        const items = parents.flatMap((uid) => {
          const sorted = this.sorted(relation, uid);
          return sorted.entries.map((_, i) => this.servedItem(sorted, i));
        }).filter((item) => this.passes(item, filter));
        return windowOf(items, (item) => relatedSortKey(spec.order, item), directions, w);
      }
      if (parents.length === 0) return { items: [], totalCount: 0, hasMore: false };
      const sorted = this.sorted(relation, parents[0]);
      if (!filter) return sortedWindow(sorted.keys, directions, w, (i) => this.servedItem(sorted, i));
      // A filter reads each item, but in order: nothing is sorted again.
      const items: RelatedItem[] = [];
      const keys: SortKey[] = [];
      for (let i = 0; i < sorted.entries.length; i++) {
        const item = this.servedItem(sorted, i);
        if (this.passes(item, filter)) {
          items.push(item);
          keys.push(sorted.keys[i]);
        }
      }
      return sortedWindow(keys, directions, w, (i) => items[i]);
    });
  }

  private passes(item: RelatedItem, filter: RelationFilter | null): boolean {
    return matchesRelationFilter(item, filter, (node, f) => this.matchesModelFilter(uidOf(node), f));
  }

  /** The model's country (domain/model-country.ts). */
  private country(modelUid: string): string | null {
    return effectiveCountry(this.g.countryLinks, modelUid);
  }

  private links(reportUid: string, modelUid: string): ReportLinks {
    const types = this.g.typesBetween(reportUid, modelUid);
    return { included: types.includes("INCLUDES"), claimed: types.includes("OMITS") };
  }

  private isInScopeOmission(reportUid: string, modelUid: string): boolean {
    const report = this.g.attrs(reportUid).props;
    // The cheap test first: most reports do not say their inclusions are complete.
    return inclusionsComplete(report) && isInScopeOmission(report, this.g.attrs(modelUid).props, this.links(reportUid, modelUid));
  }

  /** The models that can be inside a report's scope: those released in its period, or every model when it has none. */
  private scopeCandidates(reportUid: string): string[] {
    const period = scopePeriod(this.g.attrs(reportUid).props);
    return period ? this.g.modelsReleasedBetween(period.from, period.to) : [...this.g.uidsOf("Model")];
  }

  coverage(reportKeys: readonly string[]): CoverageRow[][] {
    return reportKeys.map((key) => {
      const report = uidOf({ kind: "Report", key });
      if (!this.g.has(report)) return [];
      const props = this.g.attrs(report).props;
      const counted: Array<{ countryCode: string | null; inScope: boolean; included: boolean; omitted: boolean }> = [];
      for (const model of this.g.uidsOf("Model")) {
        const counts = coverageOf(props, this.g.attrs(model).props, this.links(report, model));
        if (counts) counted.push({ countryCode: this.country(model)?.slice("Country:".length) ?? null, ...counts });
      }
      return coverageRows(counted);
    });
  }

  /** cypher/related/organization-unit-models.cypher: the organization and its units (PART_OF, up to 3 levels) developed them. */
  private unitModels(orgUid: string): string[] {
    const orgs = new Set<string>([orgUid]);
    let frontier = [orgUid];
    for (let level = 0; level < 3 && frontier.length > 0; level++) {
      frontier = frontier.flatMap((o) => this.g.neighbours(o, "PART_OF", "in").map((n) => n.uid)).filter((o) => !orgs.has(o));
      for (const o of frontier) orgs.add(o);
    }
    const models = new Set<string>();
    for (const org of orgs) for (const m of this.g.neighbours(org, "DEVELOPED_BY", "in")) if (this.g.attrs(m.uid).kind === "Model") models.add(m.uid);
    return [...models];
  }

  private countryModels(countryUid: string): string[] {
    const models = new Set<string>(this.g.neighbours(countryUid, "ORIGINATES_IN", "in").map((n) => n.uid));
    for (const org of this.g.neighbours(countryUid, "HEADQUARTERED_IN", "in")) {
      for (const m of this.g.neighbours(org.uid, "DEVELOPED_BY", "in")) models.add(m.uid);
    }
    // Only models count (datasets and applications originate in countries too), and a model with
    // several own countries counts in its first only, as cypher/related/country-models.cypher has it.
    return [...models].filter((uid) => this.g.attrs(uid).kind === "Model" && this.country(uid) === countryUid);
  }

  private matchesModelFilter(uid: string, f: ModelFilter): boolean {
    const { props, searchText } = this.g.attrs(uid);
    return matchesModelFilter(
      {
        props,
        searchText,
        country: () => this.country(uid),
        developedBy: (organization) => this.g.neighbours(uid, "DEVELOPED_BY", "out").some((d) => d.uid === organization),
      },
      f,
    );
  }

  private listUids(query: ListQuery): string[] {
    const uids = [...this.g.uidsOf(query.kind)];
    if (query.kind === "Model") {
      const filter = query.filter;
      return filter ? uids.filter((uid) => this.matchesModelFilter(uid, filter)) : uids;
    }
    const f = query.filter;
    return uids.filter((uid) => {
      if (f?.nameContains && !this.g.attrs(uid).searchText.includes(f.nameContains.toLowerCase())) return false;
      if (query.kind !== "Organization" || !query.filter) return true;
      const { countryCode, kind } = query.filter;
      if (kind && this.g.attrs(uid).props.orgKind !== kind) return false;
      if (countryCode && !this.g.neighbours(uid, "HEADQUARTERED_IN", "out").some((c) => c.uid === `Country:${countryCode}`)) return false;
      return true;
    });
  }

  list(query: ListQuery, w: Window): Page<NodeRecord> {
    const records = this.listUids(query).map((uid) => this.g.record(uid));
    const order = listOrder(query.kind, query.kind === "Model" ? query.order : null);
    return windowOf(records, (r) => listSortKey(r, order), listDirections(order), w);
  }

  search(text: string, limit: number): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const uid of this.g.words.candidates(tokenize(text))) {
      const node = this.g.record(uid);
      const score = searchScore(node, text);
      if (score > 0) hits.push({ node, score });
    }
    return hits.sort(compareHits).slice(0, limit);
  }
}
