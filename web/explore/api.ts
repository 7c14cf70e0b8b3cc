// The explorer's calls to the API: POST /graphql on this host, nothing else.
import { MODEL_ID_QUERY, NEIGHBORHOOD_QUERY, SEARCH_QUERY, type NodeType } from "./queries";

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

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  if (!res.ok || !body.data) throw new Error(`the API answered ${res.status}`);
  return body.data;
}

export async function neighborhood(id: string, depth: number): Promise<GraphSlice | null> {
  return (await graphql<{ neighborhood: GraphSlice | null }>(NEIGHBORHOOD_QUERY, { id, depth })).neighborhood;
}

export async function search(text: string): Promise<SearchHit[]> {
  return (await graphql<{ search: SearchHit[] }>(SEARCH_QUERY, { text })).search;
}

export async function modelId(slug: string): Promise<string | null> {
  return (await graphql<{ model: { id: string } | null }>(MODEL_ID_QUERY, { slug })).model?.id ?? null;
}
