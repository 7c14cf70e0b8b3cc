// The embedded store's reads: relations (one hop, or derived by the rules of src/domain), lists,
// search and coverage, over the storage of storage.ts, answering exactly as cypher/ does on Neo4j.
import type { NodeRecord } from "../../domain/graph.js";
import { uidOf } from "../../domain/graph.js";
import type { NodeKind } from "../../domain/kinds.js";
import { matchesModelFilter, matchesRelationFilter } from "../../domain/filters.js";
import { effectiveCountry } from "../../domain/model-country.js";
import { parentKinds, RELATIONS, type DerivedRelationName, type HopRelationName, type ModelFilter, type RelationFilter, type RelationName, type RelationSpec } from "../../domain/relations.js";
import { coverageOf, coverageRows, inclusionsComplete, isInScopeOmission, scopePeriod, type CoverageRow, type ReportLinks } from "../../domain/scope.js";
import { compareHits, searchScore, tokenize } from "../../domain/search.js";
import { listDirections, listOrder, listSortKey, relatedDirections, relatedSortKey } from "../../domain/sort-keys.js";
import type { ListQuery, Page, RelatedItem, SearchHit, Window } from "../port.js";
import { windowOf } from "./order.js";
import type { MemoryGraph } from "./storage.js";

export class MemoryReads {
  constructor(private readonly g: MemoryGraph) {}

  /** The traversals with rules of their own, one per DerivedRelation of RELATIONS, as cypher/related/ has them. */
  private readonly derived: { readonly [R in DerivedRelationName]: (uid: string) => RelatedItem[] } = {
    "country-models": (uid) => this.countryModels(uid),
    "model-country": (uid) => {
      const country = this.country(uid);
      return country ? [this.item(country)] : [];
    },
    "organization-unit-models": (uid) => this.unitModels(uid),
    "report-in-scope-omissions": (uid) => this.scopeCandidates(uid).filter((model) => this.isInScopeOmission(uid, model)).map((m) => this.item(m)),
    "model-in-scope-omitted-from": (uid) => [...this.g.uidsOf("Report")].filter((report) => this.isInScopeOmission(report, uid)).map((r) => this.item(r)),
  };

  private item(uid: string): RelatedItem {
    return { node: this.g.record(uid), rel: {} };
  }

  /** Items of one relation for one parent, unordered. */
  private items(relation: RelationName, uid: string): RelatedItem[] {
    if (!this.g.has(uid)) return [];
    const spec = RELATIONS[relation] as RelationSpec;
    if ("derived" in spec) return this.derived[relation as DerivedRelationName](uid);
    return this.hopItems(relation as HopRelationName, uid);
  }

  private hopItems(relation: HopRelationName, uid: string): RelatedItem[] {
    const spec = RELATIONS[relation];
    const targets: readonly NodeKind[] = spec.target;
    const items: RelatedItem[] = [];
    for (const n of this.g.neighbours(uid, spec.type, spec.direction)) {
      const node = this.g.record(n.uid);
      if (targets.includes(node.kind)) items.push({ node, rel: { ...n.attrs.props, key: n.attrs.key } });
    }
    return items;
  }

  related(relation: RelationName, parentKeys: readonly string[], filter: RelationFilter | null, w: Window): Array<Page<RelatedItem>> {
    const spec = RELATIONS[relation];
    return parentKeys.map((key) => {
      // A key of a relation over several parent kinds names a node of any of them (asset slugs).
      const items = parentKinds(spec)
        .flatMap((kind) => this.items(relation, uidOf({ kind, key })))
        .filter((item) => matchesRelationFilter(item, filter, (node, f) => this.matchesModelFilter(uidOf(node), f)));
      return windowOf(items, (item) => relatedSortKey(spec.order, item), relatedDirections(spec.order), w);
    });
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
  private unitModels(orgUid: string): RelatedItem[] {
    const orgs = new Set<string>([orgUid]);
    let frontier = [orgUid];
    for (let level = 0; level < 3 && frontier.length > 0; level++) {
      frontier = frontier.flatMap((o) => this.g.neighbours(o, "PART_OF", "in").map((n) => n.uid)).filter((o) => !orgs.has(o));
      for (const o of frontier) orgs.add(o);
    }
    const models = new Set<string>();
    for (const org of orgs) for (const m of this.g.neighbours(org, "DEVELOPED_BY", "in")) if (this.g.attrs(m.uid).kind === "Model") models.add(m.uid);
    return [...models].map((uid) => this.item(uid));
  }

  private countryModels(countryUid: string): RelatedItem[] {
    const models = new Set<string>(this.g.neighbours(countryUid, "ORIGINATES_IN", "in").map((n) => n.uid));
    for (const org of this.g.neighbours(countryUid, "HEADQUARTERED_IN", "in")) {
      for (const m of this.g.neighbours(org.uid, "DEVELOPED_BY", "in")) models.add(m.uid);
    }
    // Only models count (datasets and applications originate in countries too), and a model with
    // several own countries counts in its first only, as cypher/related/country-models.cypher has it.
    return [...models].filter((uid) => this.g.attrs(uid).kind === "Model" && this.country(uid) === countryUid).map((uid) => this.item(uid));
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
