// The GraphQL the explorer sends, and the operations it links to in the playground. Pure (no DOM),
// so that tests/graphql/explorer-queries.test.ts runs every one of them against the schema.

/** NodeType of the schema -> the GraphQL type its nodes resolve to. */
const TYPE_NAMES = {
  COUNTRY: "Country",
  ORGANIZATION: "Organization",
  MODEL: "Model",
  DATASET: "Dataset",
  APPLICATION: "Application",
  UNRESOLVED_ASSET: "UnresolvedAsset",
  BENCHMARK: "Benchmark",
  INDICATOR: "Indicator",
  REPORT: "Report",
  SOURCE: "Source",
  HARDWARE: "Hardware",
} as const;
export type NodeType = keyof typeof TYPE_NAMES;
export const NODE_TYPES = Object.keys(TYPE_NAMES) as NodeType[];

export const NEIGHBORHOOD_QUERY = `query Neighborhood($id: ID!, $depth: Int = 1, $limit: Int = 100) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    nodes { id type label properties }
    edges { id type source target properties }
    truncated
  }
}`;

export const SEARCH_QUERY = `query Search($text: String!) {
  search(text: $text, first: 12) {
    __typename
    ... on Node { id }
    ... on Country { name nameKo }
    ... on Organization { name nameKo }
    ... on Model { name nameKo }
    ... on Benchmark { name nameKo }
    ... on Indicator { name nameKo }
    ... on Report { name: title nameKo: titleKo }
  }
}`;

/** "Show only the path": a shortest path, as a slice that merges into the drawing. */
export const PATH_QUERY = `query Path($from: ID!, $to: ID!, $maxHops: Int = 6) {
  path(from: $from, to: $to, maxHops: $maxHops) {
    nodes { id type label properties }
    edges { id type source target properties }
    truncated
  }
}`;

/** What the panel shows of a source that a slice names by slug: enough to cite it and link to it. */
export const SOURCE_QUERY = `query Source($slug: String!) { source(slug: $slug) { slug title kind publisher date url } }`;

export const MODEL_ID_QUERY = `query ModelId($slug: String!) { model(slug: $slug) { id } }`;

const ASSET_DETAILS = `... on Asset { slug name assetKind releaseDate developers { name } country { code name } dependencies(first: 10) { totalCount nodes { name } } }`;

/** What the playground link asks about a node of each type: its own fields and one hop of context. */
const DETAILS: Record<NodeType, string> = {
  COUNTRY: `... on Country { code name nameKo organizations(first: 10) { totalCount nodes { name } } models(first: 10) { totalCount nodes { name } } }`,
  ORGANIZATION: `... on Organization { slug name nameKo kind country { code name } models(first: 10) { totalCount nodes { name releaseDate } } }`,
  MODEL: `... on Model { slug name nameKo releaseDate trainingCostUsd trainingComputeFlop parameters developers { name } country { code name } hardware { quantity hardware { name } } benchmarkResults(first: 10) { score unit benchmark { name } sources { title } } }`,
  DATASET: ASSET_DETAILS,
  APPLICATION: ASSET_DETAILS,
  UNRESOLVED_ASSET: `... on Asset { slug name dependents(first: 10) { totalCount nodes { name } } }`,
  BENCHMARK: `... on Benchmark { slug name unit humanBaseline results(first: 20) { score url subject { name } sources { title } } }`,
  INDICATOR: `... on Indicator { slug name unit observations(first: 10) { year value rank country { code } organization { name } } }`,
  REPORT: `... on Report { slug title date publisher { name } includedModels(first: 10) { totalCount nodes { name } } omittedModels { basis model { name } } }`,
  SOURCE: `... on Source { slug title description kind publisher url date reportedIn { title } }`,
  HARDWARE: `... on Hardware { slug name models(first: 10) { totalCount nodes { name trainingComputeFlop } } }`,
};

/** An operation about one node, for the playground: `node(id:)` with the fields of its type. */
export function nodeQuery(type: NodeType): string {
  return `# Opened from the explorer. Run it with the ▶ button (Ctrl+Enter).
query ${TYPE_NAMES[type]}Details($id: ID!) {
  node(id: $id) {
    id
    __typename
    ${DETAILS[type]}
    sources { title description publisher }
  }
}`;
}

/** The playground (/graphiql/) opened on `query` with `variables`, in a tab of its own. */
export function playgroundLink(query: string, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables, null, 2) });
  return `/graphiql/?${params}`;
}
