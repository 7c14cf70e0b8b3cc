// The benchmark's query set, Q1-Q6, each written three ways: for this API (targets a, b and the
// embedded store), for @neo4j/graphql over the same Neo4j (target c) and as hand-written Cypher
// (target d, bench/floor/*.cypher). Arguments come from the generator's keys, varied request by
// request so that no cache makes a query trivial.
import type { NodeRecord } from "../src/domain/graph.js";
import { compareSortKeys } from "../src/domain/sort-keys.js";
import { COUNTRIES } from "../src/generate/countries.js";
import { MODEL_YEARS, SyntheticGraph } from "../src/generate/synthetic-graph.js";
import { encodeCursor, listOrdering } from "../src/graphql/cursors.js";

/** Q1, Q2, ...: a new query is one more entry of QUERIES (the runner, the check and the report read the table). */
export type QueryId = `Q${number}`;
type Args = Record<string, string | number | null>;
// Answers are JSON of three shapes (this API's, @neo4j/graphql's, the floor's rows); `any` is what they are.
type Json = any;

/**
 * One answer in the shape the three targets are compared in (bench/answers.ts): `api` reads this
 * API's `data` (targets a, b, m), `neo4jGraphql` (c)'s, `floor` the floor's rows (d). Lists keep the
 * order the target gave, except where `ties` says a target's documented order differs.
 */
export interface AnswerShape {
  api(data: Json): unknown;
  neo4jGraphql(data: Json): unknown;
  floor(data: Json): unknown;
}

export interface QuerySpec {
  id: QueryId;
  title: string;
  /** Argument sets, visited round-robin by the load generator. */
  args(graph: SyntheticGraph): Args[];
  api: { query: string; variables(args: Args): Record<string, unknown> };
  neo4jGraphql: { query: string; variables(args: Args): Record<string, unknown> };
  /** bench/floor/<file>.cypher, run by the floor server with these parameters. */
  floor: { file: string; params(args: Args): Record<string, unknown> };
  /** Where target (c)'s query is not the same as this API's. */
  caveat: string;
  /** The answer of each target in one shape, so that the harness can check they are the same. */
  answer: AnswerShape;
  /** Where the targets' orders may differ and how the check treats it (the documented tie order). */
  ties: string;
  /** Targets whose answers are not compared, and why (a documented difference of what they do). */
  uncompared?: { targets: string[]; why: string };
}

/** How many distinct arguments each query cycles through (fewer when the graph has fewer). */
const POOL = 1000;

/** Model indexes spread over the whole graph (a stride coprime to any scale used). */
function modelIndexes(graph: SyntheticGraph, offset: number): number[] {
  const n = graph.counts.Model;
  return Array.from({ length: Math.min(POOL, n) }, (_, k) => (k * 7919 + offset) % n);
}

/**
 * The API's cursors for the countries list: entry i continues after the country at position i of the
 * list (by name, then uid), the page a client reaches by following `endCursor` from the first.
 */
function countryCursors(graph: SyntheticGraph): string[] {
  const ordering = listOrdering({ kind: "Country" });
  const countries = COUNTRIES.slice(0, graph.counts.Country).map(([code, name]): NodeRecord => ({ kind: "Country", key: code, props: { name } }));
  return countries
    .map((node) => ordering.keyOf(node))
    .sort((a, b) => compareSortKeys(a, b, ordering.directions))
    .map((key) => encodeCursor(ordering, key));
}

const FIRST_DEVELOPER = `developersConnection(first: 1, sort: [{ edge: { order: ASC } }, { node: { slug: ASC } }]) { edges { node { slug name } } }`;

/** A sorted copy, for a target whose documented order differs from this API's (see each query's `ties`). */
function sortedBy<T>(list: readonly T[], key: (x: T) => Array<string | number>): T[] {
  return [...list].sort((x, y) => {
    const a = key(x);
    const b = key(y);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  });
}
const byName = (x: { name: string; slug?: string; code?: string }) => [String(x.name).toLowerCase(), String(x.slug ?? x.code)];

export const QUERIES: QuerySpec[] = [
  {
    id: "Q1",
    title: "one model with organization, country, results",
    args: (graph) => modelIndexes(graph, 13).map((i) => ({ slug: graph.modelKey(i) })),
    api: {
      query: `query Q1($slug: String!) {
  model(slug: $slug) {
    slug name releaseDate
    organization { slug name }
    country { code name }
    benchmarkResults { score benchmark { slug name } }
  }
}`,
      variables: (a) => a,
    },
    neo4jGraphql: {
      query: `query Q1($slug: String!) {
  models(where: { slug: { eq: $slug } }) {
    slug name releaseDate
    ${FIRST_DEVELOPER}
    country { code name }
    benchmarksConnection(first: 100, sort: [{ edge: { score: DESC } }, { node: { slug: ASC } }]) { edges { properties { score } node { slug name } } }
  }
}`,
      variables: (a) => a,
    },
    floor: { file: "q1-model", params: (a) => a },
    answer: {
      api: (d) => d.model && { slug: d.model.slug, name: d.model.name, releaseDate: d.model.releaseDate, organization: d.model.organization, country: d.model.country,
        benchmarkResults: d.model.benchmarkResults.map((r: Json) => ({ score: r.score, benchmark: r.benchmark })) },
      neo4jGraphql: (d) => {
        const m = d.models[0];
        if (!m) return null;
        const results = m.benchmarksConnection.edges.map((e: Json) => ({ score: e.properties.score, benchmark: e.node }));
        return { slug: m.slug, name: m.name, releaseDate: m.releaseDate, organization: m.developersConnection.edges[0]?.node ?? null, country: m.country,
          benchmarkResults: results };
      },
      floor: (rows) => rows[0] ?? null,
    },
    ties: "none: results by score, then slug, everywhere (this API's tie-break is the node's uid, `Kind:slug`)",
    caveat: "equivalent; the country rule is a @cypher field holding the same Cypher as the API's fragment",
  },
  {
    id: "Q2",
    title: "three-level walk: 20 countries -> 20 organizations -> 20 models",
    args: (graph) => {
      const cursors = countryCursors(graph);
      return Array.from({ length: Math.max(1, graph.counts.Country - 19) }, (_, offset) => ({ offset, after: offset > 0 ? cursors[offset - 1] : null }));
    },
    api: {
      query: `query Q2($after: String) {
  countries(first: 20, after: $after) { nodes { code name
    organizations(first: 20) { nodes { slug name
      models(first: 20) { nodes { slug name } } } } } }
}`,
      variables: (a) => ({ after: a.after }),
    },
    neo4jGraphql: {
      query: `query Q2($offset: Int) {
  countries(limit: 20, offset: $offset, sort: [{ name: ASC }, { code: ASC }]) { code name
    organizations(limit: 20, sort: [{ name: ASC }, { slug: ASC }]) { slug name
      models(limit: 20, sort: [{ name: ASC }, { slug: ASC }]) { slug name } } }
}`,
      variables: (a) => ({ offset: a.offset }),
    },
    floor: { file: "q2-walk", params: (a) => ({ offset: a.offset }) },
    answer: {
      api: (d) => d.countries.nodes.map((c: Json) => ({ code: c.code, name: c.name,
        organizations: c.organizations.nodes.map((o: Json) => ({ slug: o.slug, name: o.name, models: o.models.nodes })) })),
      neo4jGraphql: (d) => sortedBy(d.countries, byName).map((c: Json) => ({ code: c.code, name: c.name,
        organizations: sortedBy(c.organizations, byName).map((o: Json) => ({ slug: o.slug, name: o.name, models: sortedBy(o.models, byName) })) })),
      floor: (rows) => rows,
    },
    ties: "(c) orders by name as stored: its lists are compared re-sorted by lowercased name, then key (this API's order); which items make a page is not re-sorted",
    caveat: "orders by name as stored (the API by lowercased name, then id; the same order for generated names); no cursors",
  },
  {
    id: "Q3",
    title: "a report's omitted models (claimed and in scope)",
    args: (graph) => Array.from({ length: graph.counts.Report }, (_, i) => ({ slug: graph.reportKey(i) })),
    api: {
      query: `query Q3($slug: String!) {
  report(slug: $slug) { slug title
    omittedModels { basis model { slug name organization { slug } } claimedBy { slug } }
  }
}`,
      variables: (a) => a,
    },
    neo4jGraphql: {
      query: `query Q3($slug: String!) {
  reports(where: { slug: { eq: $slug } }) { slug name
    omitsConnection(first: 100, sort: [{ node: { name: ASC } }, { node: { slug: ASC } }]) { edges { properties { basis sources } node { slug name ${FIRST_DEVELOPER} } } }
    inScopeOmissions(limit: 100) { slug name ${FIRST_DEVELOPER} }
  }
}`,
      variables: (a) => a,
    },
    floor: { file: "q3-omitted", params: (a) => a },
    answer: {
      api: (d) => d.report && { slug: d.report.slug, title: d.report.title,
        omitted: d.report.omittedModels.map((o: Json) => ({ basis: o.basis, model: { slug: o.model.slug, name: o.model.name, organization: o.model.organization?.slug ?? null }, claimedBy: o.claimedBy.map((s: Json) => s.slug) })) },
      neo4jGraphql: (d) => {
        const r = d.reports[0];
        if (!r) return null;
        const model = (m: Json) => ({ slug: m.slug, name: m.name, organization: m.developersConnection.edges[0]?.node.slug ?? null });
        const claimed = r.omitsConnection.edges.map((e: Json) => ({ basis: "CLAIMED", model: model(e.node), claimedBy: e.properties.sources ?? [] }));
        const inScope = r.inScopeOmissions.map((m: Json) => ({ basis: "IN_SCOPE", model: model(m), claimedBy: [] }));
        return { slug: r.slug, title: r.name, omitted: [...sortedBy(claimed, (o: Json) => byName(o.model)), ...inScope] };
      },
      floor: (rows) => rows[0] && { slug: rows[0].slug, title: rows[0].name, omitted: [...rows[0].claimed, ...rows[0].inScope] },
    },
    ties: "(c) sorts claimed omissions by name as stored: compared re-sorted by lowercased name, then slug",
    caveat: "claimedBy as the edge's source slugs (the API resolves them to Source nodes); in-scope omissions through a @cypher field",
  },
  {
    id: "Q4",
    title: "a model's neighbourhood to depth 2",
    args: (graph) => modelIndexes(graph, 4051).map((i) => ({ slug: graph.modelKey(i) })),
    api: {
      query: `query Q4($slug: String!) {
  model(slug: $slug) { slug
    developers { slug country { code } models(first: 10) { nodes { slug } } }
    benchmarkResults(first: 10) { score benchmark { slug results(first: 10) { score model { slug } } } }
    includedIn { slug publisher { slug } }
  }
}`,
      variables: (a) => a,
    },
    neo4jGraphql: {
      query: `query Q4($slug: String!) {
  models(where: { slug: { eq: $slug } }) { slug
    developersConnection(sort: [{ edge: { order: ASC } }, { node: { slug: ASC } }]) { edges { node { slug country { code } models(limit: 10, sort: [{ name: ASC }, { slug: ASC }]) { slug } } } }
    benchmarksConnection(first: 10, sort: [{ edge: { score: DESC } }, { node: { slug: ASC } }]) { edges { properties { score } node { slug
      modelsConnection(first: 10, sort: [{ edge: { score: DESC } }, { node: { slug: ASC } }]) { edges { properties { score } node { slug } } } } } }
    includedIn(sort: [{ name: ASC }]) { slug publisher { slug } }
  }
}`,
      variables: (a) => a,
    },
    floor: { file: "q4-neighborhood", params: (a) => a },
    answer: {
      api: (d) => d.model && { slug: d.model.slug,
        developers: d.model.developers.map((o: Json) => ({ slug: o.slug, country: o.country?.code ?? null, models: o.models.nodes.map((x: Json) => x.slug) })),
        benchmarkResults: d.model.benchmarkResults.map((r: Json) => ({ score: r.score, benchmark: { slug: r.benchmark.slug, results: r.benchmark.results.map((x: Json) => ({ score: x.score, model: x.model.slug })) } })),
        includedIn: sortedBy(d.model.includedIn.map((p: Json) => ({ slug: p.slug, publisher: p.publisher?.slug ?? null })), (p: Json) => [p.slug]) },
      neo4jGraphql: (d) => {
        const m = d.models[0];
        if (!m) return null;
        const results = m.benchmarksConnection.edges.map((e: Json) => ({ score: e.properties.score, benchmark: { slug: e.node.slug,
          results: e.node.modelsConnection.edges.map((x: Json) => ({ score: x.properties.score, model: x.node.slug })) } }));
        return { slug: m.slug,
          developers: m.developersConnection.edges.map((e: Json) => ({ slug: e.node.slug, country: sortedBy(e.node.country, (c: Json) => [c.code])[0]?.code ?? null, models: e.node.models.map((x: Json) => x.slug) })),
          benchmarkResults: results,
          includedIn: sortedBy(m.includedIn.map((p: Json) => ({ slug: p.slug, publisher: sortedBy(p.publisher, (o: Json) => [o.slug])[0]?.slug ?? null })), (p: Json) => [p.slug]) };
      },
      floor: (rows) => rows[0] && { ...rows[0], includedIn: sortedBy(rows[0].includedIn, (p: Json) => [p.slug]) },
    },
    ties: "reports including the model are compared by slug (the query does not ask for the name they are ordered by); results by score, then slug, everywhere",
    caveat: "equivalent walk of the relationship fields to depth 2 (the API's neighborhood(id, depth: 2), a node-and-edge slice for visualization clients, answers another shape and is not measured here)",
  },
  {
    id: "Q5",
    title: "search by a name prefix",
    args: (graph) => modelIndexes(graph, 777).map((i) => ({ text: graph.modelWord(i).slice(0, 4).toLowerCase() })),
    api: {
      query: `query Q5($text: String!) {
  search(text: $text, first: 10) {
    __typename
    ... on Model { slug name }
    ... on Organization { slug name }
    ... on Country { code name }
    ... on Benchmark { slug name }
    ... on Report { slug title }
  }
}`,
      variables: (a) => a,
    },
    neo4jGraphql: {
      query: `query Q5($text: String!) {
  search(text: $text, limit: 10) {
    __typename
    ... on Model { slug name }
    ... on Organization { slug name }
    ... on Country { code name }
    ... on Benchmark { slug name }
    ... on Report { slug name }
  }
}`,
      variables: (a) => a,
    },
    floor: { file: "q5-search", params: (a) => ({ query: `${a.text}*`, words: [a.text], joined: a.text, limit: 10 }) },
    answer: {
      api: (d) => d.search.map((h: Json) => ({ type: h.__typename, key: h.slug ?? h.code, name: h.name ?? h.title })),
      neo4jGraphql: (d) => d.search.map((h: Json) => ({ type: h.__typename, key: h.slug ?? h.code, name: h.name })),
      floor: (rows) => rows.map((h: Json) => ({ type: h.kind, key: h.slug ?? h.code, name: h.name })),
    },
    ties: "none: all rank by score, lowercased name, kind, key",
    caveat: "the API's search as a @cypher field: every full-text match ranked by the API's rule (exact name, name prefix, word prefix), written for one word",
  },
  {
    id: "Q6",
    title: "models per country for one release year (grouped count)",
    args: () => MODEL_YEARS.map((year) => ({ year, from: `${year}-01-01`, to: `${year + 1}-01-01` })),
    api: {
      query: `query Q6($year: Int!) {
  modelStats(groupBy: [COUNTRY], filter: { releasedYear: $year }, first: 100) {
    nodes { key { country { code name } } count }
  }
}`,
      variables: (a) => ({ year: a.year }),
    },
    // The library has no group-by: per country, an aggregate of its own models, and the models of its
    // organizations that have no own country, listed so that the client counts each model once.
    neo4jGraphql: {
      query: `query Q6($from: Date!, $to: Date!) {
  countries(sort: [{ code: ASC }]) { code name
    ownModelsConnection(where: { node: { releaseDate: { gte: $from, lt: $to } } }) { aggregate { count { nodes } } }
    organizations {
      modelsConnection(where: { node: { releaseDate: { gte: $from, lt: $to }, ownCountryConnection: { aggregate: { count: { nodes: { eq: 0 } } } } } }) { edges { node { slug } } }
    }
  }
}`,
      variables: (a) => ({ from: a.from, to: a.to }),
    },
    floor: { file: "q6-models-per-country", params: (a) => ({ from: a.from, to: a.to }) },
    answer: {
      api: (d) => d.modelStats.nodes.map((g: Json) => ({ code: g.key.country?.code ?? null, name: g.key.country?.name ?? null, count: g.count })),
      neo4jGraphql: (d) =>
        d.countries
          .map((c: Json) => ({
            code: c.code,
            name: c.name,
            count: c.ownModelsConnection.aggregate.count.nodes + new Set(c.organizations.flatMap((o: Json) => o.modelsConnection.edges.map((e: Json) => e.node.slug))).size,
          }))
          .filter((c: Json) => c.count > 0)
          .sort((x: Json, y: Json) => y.count - x.count || (x.code < y.code ? -1 : 1))
          .slice(0, 100),
      floor: (rows) => rows.map((r: Json) => ({ code: r.country?.code ?? null, name: r.country?.name ?? null, count: r.count })),
    },
    ties: "by count, then country code, in all three; (c) is grouped, counted and ordered by the client from its per-country answer (no null group: every generated organization has a headquarters)",
    caveat:
      "no group-by in @neo4j/graphql: per country, a connection aggregate of its own models plus its organizations' models without an own country, listed (slugs) for the client to count once each; the floor counts in one Cypher query as the API's modelStats does",
  },
];
