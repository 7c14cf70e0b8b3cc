// modelStats on the embedded store. Each model's values in every dimension and its measures are
// read from the graph once into an index (rebuilt after a write changes the graph), with the models
// by release year and by cited source, so that a filtered grouping reads only the candidates of its
// year or source, and an unfiltered one walks the index (no traversal, no sort of the models). The
// groups of a (filter, groupBy) are kept until the next write, so a repeated question costs the
// sort of its groups, not a pass over the models.
import type { NodeRecord, Properties } from "../../domain/graph.js";
import type { ModelFilter } from "../../domain/relations.js";
import {
  comparableKey,
  groupDirections,
  groupSortKey,
  MEASURES,
  MODEL_DIMENSIONS,
  summarize,
  type GroupKey,
  type GroupValue,
  type Measure,
  type ModelDimension,
} from "../../domain/model-stats.js";
import { sortName } from "../../domain/sort-keys.js";
import type { ModelGroupRow, ModelStatsQuery, Page, Window } from "../port.js";
import { windowOf } from "./order.js";

/** What the index reads of the embedded store. */
export interface StatsSource {
  /** The graphology graph: its change events tell when the index is stale. */
  graph: { on(event: string, listener: () => void): unknown; getNodeAttributes(uid: string): unknown; forEachOutEdge(uid: string, cb: (e: string, attrs: unknown, s: string, t: string) => void): void };
  modelUids(): Iterable<string>;
  record(uid: string): NodeRecord;
  matches(uid: string, filter: ModelFilter): boolean;
}

interface ModelFacts {
  uid: string;
  values: Record<ModelDimension, GroupValue[]>;
  measures: Record<Measure, number | null>;
}

interface Group {
  key: GroupKey;
  id: string;
  uids: string[];
}

interface Index {
  facts: Map<string, ModelFacts>;
  byYear: Map<string, string[]>;
  bySource: Map<string, string[]>;
  /** Groups per JSON of (filter, groupBy), until the next write. */
  groups: Map<string, Group[]>;
}

/** Most (filter, groupBy) pairs whose groups are kept between writes. */
const MAX_CACHED = 64;

/** Events of graphology after which the index is rebuilt. */
const CHANGES = ["nodeAdded", "nodeDropped", "edgeAdded", "edgeDropped", "cleared", "edgesCleared", "attributesUpdated", "nodeAttributesUpdated", "edgeAttributesUpdated", "eachNodeAttributesUpdated", "eachEdgeAttributesUpdated"];

const indexes = new WeakMap<object, { index: Index | null }>();

function stateOf(source: StatsSource): { index: Index | null } {
  let state = indexes.get(source.graph);
  if (!state) {
    const created: { index: Index | null } = { index: null };
    for (const event of CHANGES) source.graph.on(event, () => (created.index = null));
    indexes.set(source.graph, created);
    state = created;
  }
  return state;
}

function out(source: StatsSource, uid: string, type: string): Array<{ uid: string; props: Properties }> {
  const found: Array<{ uid: string; props: Properties }> = [];
  source.graph.forEachOutEdge(uid, (_e, attrs, _s, target) => {
    const e = attrs as { type: string; props: Properties };
    if (e.type === type) found.push({ uid: target, props: e.props });
  });
  return found;
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
      for (const p of parents) if (!seen.has(p) && level < 3) (seen.add(p), next.push(p));
    }
    frontier = next;
  }
  return found;
}

function factsOf(source: StatsSource, uid: string): ModelFacts {
  const { props } = source.record(uid);
  const developers = out(source, uid, "DEVELOPED_BY").map((d) => d.uid).filter((d) => d.startsWith("Organization:"));
  const own = out(source, uid, "ORIGINATES_IN").map((c) => c.uid).filter((c) => c.startsWith("Country:"));
  const countries = own.length > 0 ? own : developers.flatMap((d) => out(source, d, "HEADQUARTERED_IN").map((c) => c.uid).filter((c) => c.startsWith("Country:")));
  const date = text(props.releaseDate);
  const values: Record<ModelDimension, GroupValue[]> = {
    COUNTRY: distinct(countries.map(keyOfUid)),
    ORGANIZATION: distinct(developers.map(keyOfUid)),
    PARENT_ORGANIZATION: distinct(developers.flatMap((d) => tops(source, d)).map(keyOfUid)),
    YEAR: date ? [date.slice(0, 4)] : [],
    KIND: text(props.modelKind) ? [text(props.modelKind)] : [],
    DOMAIN: distinct(strings(props.domains)),
    ACCESSIBILITY: text(props.accessibility ?? props.access) ? [text(props.accessibility ?? props.access)] : [],
    SOURCE: distinct(strings(props.sources)),
  };
  for (const d of MODEL_DIMENSIONS) if (values[d].length === 0) values[d] = [null];
  const measures = Object.fromEntries(Object.entries(MEASURES).map(([m, prop]) => [m, typeof props[prop] === "number" ? (props[prop] as number) : null])) as Record<Measure, number | null>;
  return { uid, values, measures };
}

function build(source: StatsSource): Index {
  const index: Index = { facts: new Map(), byYear: new Map(), bySource: new Map(), groups: new Map() };
  const add = (map: Map<string, string[]>, key: string, uid: string) => {
    const list = map.get(key);
    if (list) list.push(uid);
    else map.set(key, [uid]);
  };
  for (const uid of source.modelUids()) {
    const facts = factsOf(source, uid);
    index.facts.set(uid, facts);
    if (facts.values.YEAR[0] !== null) add(index.byYear, facts.values.YEAR[0], uid);
    for (const s of facts.values.SOURCE) if (s !== null) add(index.bySource, s, uid);
  }
  return index;
}

/** The models the filter can hold: those of its year and source (by the index), else all; checked by the store's model filter. */
function candidates(source: StatsSource, index: Index, filter: ModelFilter | null): Iterable<string> {
  if (!filter || Object.values(filter).every((v) => v === null || v === undefined)) return index.facts.keys();
  const lists: string[][] = [];
  if (filter.releasedYear != null) lists.push(index.byYear.get(String(filter.releasedYear)) ?? []);
  if (filter.listedBy) lists.push(index.bySource.get(filter.listedBy) ?? []);
  const base = lists.length > 0 ? lists.reduce((a, b) => (a.length <= b.length ? a : b)) : [...index.facts.keys()];
  return base.filter((uid) => source.matches(uid, filter));
}

/** Every key of a model's values: the cartesian product over the dimensions. */
function keysOf(facts: ModelFacts, groupBy: readonly ModelDimension[]): GroupValue[][] {
  let keys: GroupValue[][] = [[]];
  for (const d of groupBy) keys = keys.flatMap((k) => facts.values[d].map((v) => [...k, v]));
  return keys;
}

function groupsOf(source: StatsSource, index: Index, query: ModelStatsQuery): Group[] {
  const id = JSON.stringify([query.filter ?? {}, query.groupBy]);
  let groups = index.groups.get(id);
  if (!groups) {
    const byKey = new Map<string, Group>();
    for (const uid of candidates(source, index, query.filter)) {
      for (const key of keysOf(index.facts.get(uid)!, query.groupBy)) {
        const keyId = JSON.stringify(key);
        const group = byKey.get(keyId);
        if (group) group.uids.push(uid);
        else byKey.set(keyId, { key, id: keyId, uids: [uid] });
      }
    }
    groups = [...byKey.values()];
    if (index.groups.size >= MAX_CACHED) index.groups.delete(index.groups.keys().next().value!);
    index.groups.set(id, groups);
  }
  return groups;
}

function modelsOf(source: StatsSource, group: Group, window: Window): Page<NodeRecord> {
  const records = group.uids.map((uid) => source.record(uid));
  return windowOf(records, (r) => [sortName(r), `${r.kind}:${r.key}`], ["ASC", "ASC"], window);
}

export function modelStats(source: StatsSource, query: ModelStatsQuery, window: Window): Page<ModelGroupRow> {
  const state = stateOf(source);
  const index = (state.index ??= build(source));
  let groups = groupsOf(source, index, query);
  if (query.groups) {
    const wanted = new Set(query.groups.map((k) => JSON.stringify(k)));
    groups = groups.filter((g) => wanted.has(g.id));
  }
  // Keys compare as [is null, value] per term: nulls last, as Cypher compares them.
  const directions = groupDirections(query.order, query.groupBy.length);
  const page = windowOf(groups, (g) => comparableSortKey(query, g), directions, { after: window.after ? comparableAfter(query, window.after) : null, limit: window.limit });
  return {
    ...page,
    items: page.items.map((g) => {
      const summary = (m: Measure) => summarize(g.uids.map((uid) => index.facts.get(uid)!.measures[m]).filter((v): v is number => v !== null));
      return {
        key: g.key,
        count: g.uids.length,
        parameters: summary("parameters"),
        trainingCompute: summary("trainingCompute"),
        trainingCost: summary("trainingCost"),
        models: query.models ? modelsOf(source, g, query.models) : null,
      };
    }),
  };
}

/** groupSortKey with each key value as text that sorts nulls last ("1" + value, or "2" for null). */
function comparableSortKey(query: ModelStatsQuery, g: Group): readonly (string | number | null)[] {
  const key = groupSortKey(query.order, g.uids.length, g.key);
  return asComparable(query, key);
}

function comparableAfter(query: ModelStatsQuery, after: readonly (string | number | null)[]): readonly (string | number | null)[] {
  return asComparable(query, after);
}

function asComparable(query: ModelStatsQuery, key: readonly (string | number | null)[]): Array<string | number | null> {
  const counted = query.order === "COUNT_DESC";
  const values = (counted ? key.slice(1) : key) as GroupValue[];
  const parts = comparableKey(values).map(([isNull, v]) => (isNull ? "2" : `1${v}`));
  return counted ? [key[0], ...parts] : parts;
}
