// The explorer's calls to the API: POST /graphql on this host, nothing else.
import { MODEL_ID_QUERY, NEIGHBORHOOD_QUERY, PATH_QUERY, SEARCH_QUERY, SOURCE_QUERY, type NodeType } from "./queries";

export interface SliceNode {
  id: string;
  type: NodeType;
  label: string;
  properties: Record<string, unknown>;
}
export interface SliceEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}
export interface GraphSlice {
  nodes: SliceNode[];
  edges: SliceEdge[];
  truncated: boolean;
}
export interface SearchHit {
  __typename: string;
  id: string;
  name: string;
  nameKo: string | null;
}
export interface SourceInfo {
  slug: string;
  title: string;
  kind: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

async function graphql<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  if (!res.ok || !body.data) throw new Error(`the API answered ${res.status}`);
  return body.data;
}

/** At most this many nodes per fetched neighborhood (the API allows 500): enough for two hops of a hub. */
export const NEIGHBORHOOD_LIMIT = 300;

export async function neighborhood(id: string, depth: number): Promise<GraphSlice | null> {
  return (await graphql<{ neighborhood: GraphSlice | null }>(NEIGHBORHOOD_QUERY, { id, depth, limit: NEIGHBORHOOD_LIMIT })).neighborhood;
}

export async function path(from: string, to: string): Promise<GraphSlice | null> {
  return (await graphql<{ path: GraphSlice | null }>(PATH_QUERY, { from, to })).path;
}

export async function search(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  return (await graphql<{ search: SearchHit[] }>(SEARCH_QUERY, { text }, signal)).search;
}

export async function modelId(slug: string): Promise<string | null> {
  return (await graphql<{ model: { id: string } | null }>(MODEL_ID_QUERY, { slug })).model?.id ?? null;
}

/** Sources are named by slug in slices; each is fetched once per page load. */
const sourceCache = new Map<string, Promise<SourceInfo | null>>();

export function source(slug: string): Promise<SourceInfo | null> {
  let cached = sourceCache.get(slug);
  if (!cached) {
    cached = graphql<{ source: SourceInfo | null }>(SOURCE_QUERY, { slug }).then((d) => d.source);
    cached.catch(() => sourceCache.delete(slug));
    sourceCache.set(slug, cached);
  }
  return cached;
}
