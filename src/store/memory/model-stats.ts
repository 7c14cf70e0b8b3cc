// modelStats on the embedded store. Each model's values in every dimension and its measures are
// read from the graph once into an index, with the models by release year and by cited source; a
// write reads again only the facts of the models it touched (a change of headquarters or PART_OF,
// which many models rest on, rebuilds the index). A filtered grouping reads only the candidates of
// its year or source, an unfiltered one walks the index: no traversal, no sort of the models. The
// groups of a (filter, groupBy), sorted once per order, and their summaries are kept until the next
// write, so a repeated question costs a binary search and one page of groups.
import type { NodeRecord, Properties } from "../../domain/graph.js";
import { matchesModelFilter } from "../../domain/filters.js";
import { effectiveCountry } from "../../domain/model-country.js";
import type { ModelFilter } from "../../domain/relations.js";
import {
  comparableKey,
  groupDirections,
  groupSortKey,
  MEASURES,
  summarize,
  type GroupKey,
  type GroupValue,
  type Measure,
  type ModelDimension,
  type NumericSummary,
} from "../../domain/model-stats.js";
import { compareSortKeys, sortName, type SortKey } from "../../domain/sort-keys.js";
import type { ModelGroupRow, ModelStatsQuery, Page, Window } from "../port.js";
import { lowerBound, windowOf } from "./order.js";
import type { MemoryGraph } from "./storage.js";

/** What the index reads of the embedded store: its graph and typed adjacency (storage.ts). */
export type StatsSource = Pick<MemoryGraph, "graph" | "has" | "attrs" | "record" | "uidsOf" | "neighbours" | "countryLinks">;

/** The store's model filter (domain/filters.ts) over the embedded graph, as reads.ts applies it to lists. */
function matches(source: StatsSource, uid: string, f: ModelFilter): boolean {
  const { props, searchText } = source.attrs(uid);
  return matchesModelFilter(
    {
      props,
      searchText,
      country: () => effectiveCountry(source.countryLinks, uid),
      developedBy: (organization) => source.neighbours(uid, "DEVELOPED_BY", "out").some((d) => d.uid === organization),
    },
    f,
  );
}

interface ModelFacts {
  uid: string;
  /** Per dimension, filled as groupings ask for it. */
  values: Partial<Record<ModelDimension, GroupValue[]>>;
  measures: Record<Measure, number | null>;
}

interface Group {
  key: GroupKey;
  id: string;
  uids: string[];
  /** Computed when a page first shows the group. */
  summaries?: Record<Measure, NumericSummary>;
}

/** The groups of one (filter, groupBy), and their orders with each group's comparable sort key, sorted once. */
interface Grouping {
  groups: Group[];
  sorted: Map<string, { groups: Group[]; keys: SortKey[] }>;
}

interface Index {
  facts: Map<string, ModelFacts>;
  byYear: Map<string, Set<string>>;
  bySource: Map<string, Set<string>>;
  /** Groupings per JSON of (filter, groupBy), until the next write. */
  groupings: Map<string, Grouping>;
}

interface State {
  index: Index | null;
  /** Models whose facts a write changed (their own properties or relationships). */
  dirty: Set<string>;
  /** A write changed what many models' facts rest on (a headquarters, a PART_OF): rebuild all. */
  stale: boolean;
}

/** Most (filter, groupBy) pairs whose groups are kept between writes. */
const MAX_CACHED = 64;

const states = new WeakMap<object, State>();

/**
 * Follows the graph's changes: a model's own node or out-relationship marks that model dirty (its
 * facts are read again at the next call); a relationship of another node (an organization's
 * headquarters or parent) or a dropped node makes the whole index stale. Every change drops the
 * cached groupings, since a filter may read what changed.
 */
function stateOf(source: StatsSource): State {
  const state = states.get(source.graph);
  if (state) return state;
  const created: State = { index: null, dirty: new Set(), stale: false };
  const changed = () => created.index?.groupings.clear();
  const model = (uid: string | undefined) => {
    if (uid?.startsWith("Model:")) created.dirty.add(uid);
  };
  const node = (p?: { key?: string }) => (model(p?.key), changed());
  const edge = (p?: { source?: string }) => {
    if (p?.source?.startsWith("Model:")) model(p.source);
    else created.stale = true;
    changed();
  };
  const all = () => ((created.stale = true), changed());
  source.graph.on("nodeAdded", node);
  source.graph.on("nodeAttributesUpdated", node);
  source.graph.on("nodeDropped", all);
  source.graph.on("edgeAdded", edge);
  source.graph.on("edgeDropped", edge);
  source.graph.on("edgeAttributesUpdated", changed);
  source.graph.on("eachNodeAttributesUpdated", all);
  source.graph.on("eachEdgeAttributesUpdated", all);
  source.graph.on("attributesUpdated", changed);
  source.graph.on("cleared", all);
  source.graph.on("edgesCleared", all);
  states.set(source.graph, created);
  return created;
}

function out(source: StatsSource, uid: string, type: string): ReadonlyArray<{ uid: string }> {
  return source.neighbours(uid, type, "out");
}

const keyOfUid = (uid: string) => uid.slice(uid.indexOf(":") + 1);
const distinct = <T>(values: T[]): T[] => [...new Set(values)];
const text = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Organizations of no PART_OF parent reached from `org` in 0..3 hops up (cypher/stats/model-stats.cypher). */
function tops(source: StatsSource, org: string): string[] {
  const found: string[] = [];
  let frontier = [org];
  const seen = new Set(frontier);
  for (let level = 0; level <= 3 && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const o of frontier) {
      const parents = out(source, o, "PART_OF").map((p) => p.uid);
      if (parents.length === 0) found.push(o);
      for (const p of parents) {
        if (seen.has(p) || level >= 3) continue;
        seen.add(p);
        next.push(p);
      }
    }
    frontier = next;
  }
  return found;
}

/** A model's values in one dimension, read from the graph (cypher/stats/model-stats.cypher has the same rules). */
function valuesIn(source: StatsSource, uid: string, props: Properties, dimension: ModelDimension): GroupValue[] {
  const developers = () => out(source, uid, "DEVELOPED_BY").map((d) => d.uid).filter((d) => d.startsWith("Organization:"));
  switch (dimension) {
    case "COUNTRY": {
      const own = out(source, uid, "ORIGINATES_IN").map((c) => c.uid).filter((c) => c.startsWith("Country:"));
      const countries = own.length > 0 ? own : developers().flatMap((d) => out(source, d, "HEADQUARTERED_IN").map((c) => c.uid).filter((c) => c.startsWith("Country:")));
      return distinct(countries.map(keyOfUid));
    }
    case "ORGANIZATION":
      return distinct(developers().map(keyOfUid));
    case "PARENT_ORGANIZATION":
      return distinct(developers().flatMap((d) => tops(source, d)).map(keyOfUid));
    case "YEAR": {
      const date = text(props.releaseDate);
      return date ? [date.slice(0, 4)] : [];
    }
    case "KIND":
      return text(props.modelKind) ? [text(props.modelKind)] : [];
    case "DOMAIN":
      return distinct(strings(props.domains));
    case "ACCESSIBILITY": {
      const access = text(props.accessibility ?? props.access);
      return access ? [access] : [];
    }
    case "SOURCE":
      return distinct(strings(props.sources));
  }
}

/** The model's values in `dimension`, read when a grouping first asks for them ([null] for none). */
function valuesOf(source: StatsSource, facts: ModelFacts, dimension: ModelDimension): GroupValue[] {
  let values = facts.values[dimension];
  if (!values) {
    const found = valuesIn(source, facts.uid, source.record(facts.uid).props, dimension);
    values = found.length > 0 ? found : [null];
    facts.values[dimension] = values;
  }
  return values;
}

/** The facts every grouping may need: the measures, and the year and sources the indexes are by. */
function factsOf(source: StatsSource, uid: string): ModelFacts {
  const { props } = source.record(uid);
  const measures = Object.fromEntries(Object.entries(MEASURES).map(([m, prop]) => [m, typeof props[prop] === "number" ? (props[prop] as number) : null])) as Record<Measure, number | null>;
  const facts: ModelFacts = { uid, values: {}, measures };
  for (const d of ["YEAR", "SOURCE"] as const) {
    const found = valuesIn(source, uid, props, d);
    facts.values[d] = found.length > 0 ? found : [null];
  }
  return facts;
}

function addTo(map: Map<string, Set<string>>, key: string, uid: string): void {
  const set = map.get(key);
  if (set) set.add(uid);
  else map.set(key, new Set([uid]));
}

function indexFacts(index: Index, facts: ModelFacts): void {
  index.facts.set(facts.uid, facts);
  const year = facts.values.YEAR![0];
  if (year !== null) addTo(index.byYear, year, facts.uid);
  for (const s of facts.values.SOURCE!) if (s !== null) addTo(index.bySource, s, facts.uid);
}

function unindexFacts(index: Index, uid: string): void {
  const facts = index.facts.get(uid);
  if (!facts) return;
  index.facts.delete(uid);
  const year = facts.values.YEAR![0];
  if (year !== null) index.byYear.get(year)?.delete(uid);
  for (const s of facts.values.SOURCE!) if (s !== null) index.bySource.get(s)?.delete(uid);
}

function build(source: StatsSource): Index {
  const index: Index = { facts: new Map(), byYear: new Map(), bySource: new Map(), groupings: new Map() };
  for (const uid of source.uidsOf("Model")) indexFacts(index, factsOf(source, uid));
  return index;
}

/** The index as the graph is now: built when missing or stale, else with the dirty models' facts read again. */
function currentIndex(source: StatsSource): Index {
  const state = stateOf(source);
  if (!state.index || state.stale) {
    state.index = build(source);
    state.stale = false;
    state.dirty.clear();
    return state.index;
  }
  const index = state.index;
  for (const uid of state.dirty) {
    unindexFacts(index, uid);
    if (source.has(uid)) indexFacts(index, factsOf(source, uid));
  }
  state.dirty.clear();
  return index;
}

/** The models the filter can hold: those of its year and source (by the index), else all; checked by the store's model filter. */
function candidates(source: StatsSource, index: Index, filter: ModelFilter | null): Iterable<string> {
  if (!filter || Object.values(filter).every((v) => v === null || v === undefined)) return index.facts.keys();
  const lists: Array<Set<string>> = [];
  const none = new Set<string>();
  if (filter.releasedYear != null) lists.push(index.byYear.get(String(filter.releasedYear)) ?? none);
  if (filter.listedBy) lists.push(index.bySource.get(filter.listedBy) ?? none);
  const base = lists.length > 0 ? lists.reduce((a, b) => (a.size <= b.size ? a : b)) : index.facts.keys();
  return [...base].filter((uid) => matches(source, uid, filter));
}

/** Every key of a model's values: the cartesian product over the dimensions. */
function keysOf(source: StatsSource, facts: ModelFacts, groupBy: readonly ModelDimension[]): GroupValue[][] {
  let keys: GroupValue[][] = [[]];
  for (const d of groupBy) keys = keys.flatMap((k) => valuesOf(source, facts, d).map((v) => [...k, v]));
  return keys;
}

function groupingOf(source: StatsSource, index: Index, query: ModelStatsQuery): Grouping {
  const id = JSON.stringify([query.filter ?? {}, query.groupBy]);
  let grouping = index.groupings.get(id);
  if (!grouping) {
    const byKey = new Map<string, Group>();
    for (const uid of candidates(source, index, query.filter)) {
      for (const key of keysOf(source, index.facts.get(uid)!, query.groupBy)) {
        const keyId = JSON.stringify(key);
        const group = byKey.get(keyId);
        if (group) group.uids.push(uid);
        else byKey.set(keyId, { key, id: keyId, uids: [uid] });
      }
    }
    grouping = { groups: [...byKey.values()], sorted: new Map() };
    if (index.groupings.size >= MAX_CACHED) index.groupings.delete(index.groupings.keys().next().value!);
    index.groupings.set(id, grouping);
  }
  return grouping;
}

/** The groups in `order`, with their comparable keys: sorted once per grouping, not per request. */
function sortedOf(grouping: Grouping, query: ModelStatsQuery): { groups: Group[]; keys: SortKey[] } {
  let sorted = grouping.sorted.get(query.order);
  if (!sorted) {
    const directions = groupDirections(query.order, query.groupBy.length);
    const keyed = grouping.groups.map((g) => ({ g, k: asComparable(query, groupSortKey(query.order, g.uids.length, g.key)) }));
    keyed.sort((a, b) => compareSortKeys(a.k, b.k, directions));
    sorted = { groups: keyed.map((x) => x.g), keys: keyed.map((x) => x.k) };
    grouping.sorted.set(query.order, sorted);
  }
  return sorted;
}

function summariesOf(index: Index, group: Group): Record<Measure, NumericSummary> {
  const summary = (m: Measure) => summarize(group.uids.map((uid) => index.facts.get(uid)!.measures[m]).filter((v): v is number => v !== null));
  group.summaries ??= { parameters: summary("parameters"), trainingCompute: summary("trainingCompute"), trainingCost: summary("trainingCost") };
  return group.summaries;
}

function modelsOf(source: StatsSource, group: Group, window: Window): Page<NodeRecord> {
  const records = group.uids.map((uid) => source.record(uid));
  return windowOf(records, (r) => [sortName(r), `${r.kind}:${r.key}`], ["ASC", "ASC"], window);
}

export function modelStats(source: StatsSource, query: ModelStatsQuery, window: Window): Page<ModelGroupRow> {
  const index = currentIndex(source);
  const sorted = sortedOf(groupingOf(source, index, query), query);
  let { groups, keys } = sorted;
  if (query.groups) {
    const wanted = new Set(query.groups.map((k) => JSON.stringify(k)));
    const kept = groups.flatMap((g, i) => (wanted.has(g.id) ? [i] : []));
    groups = kept.map((i) => sorted.groups[i]);
    keys = kept.map((i) => sorted.keys[i]);
  }
  // Keys compare as [is null, value] per term: nulls last, as Cypher compares them.
  const directions = groupDirections(query.order, query.groupBy.length);
  const after = window.after ? asComparable(query, window.after) : null;
  const start = after ? lowerBound(keys.length, (i) => compareSortKeys(keys[i], after, directions) <= 0) : 0;
  const end = start + window.limit;
  return {
    totalCount: groups.length,
    hasMore: end < groups.length,
    items: groups.slice(start, end).map((g) => ({
      key: g.key,
      count: g.uids.length,
      ...(query.summaries === false ? { parameters: null, trainingCompute: null, trainingCost: null } : summariesOf(index, g)),
      models: query.models ? modelsOf(source, g, query.models) : null,
    })),
  };
}

/** A group sort key with each key value as text that sorts nulls last ("1" + value, or "2" for null). */
function asComparable(query: ModelStatsQuery, key: readonly (string | number | null)[]): SortKey {
  const counted = query.order === "COUNT_DESC";
  const values = (counted ? key.slice(1) : key) as GroupValue[];
  const parts = comparableKey(values).map(([isNull, v]) => (isNull ? "2" : `1${v}`));
  return counted ? [key[0], ...parts] : parts;
}
