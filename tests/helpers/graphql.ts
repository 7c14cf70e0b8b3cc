// Runs GraphQL operations in-process (Apollo executeOperation) against a store.
import type { ApolloServer } from "@apollo/server";
import { createApollo } from "../../src/graphql/apollo.js";
import { createContext, type Context } from "../../src/graphql/context.js";
import type { GraphStore } from "../../src/store/port.js";

let apollo: Promise<ApolloServer<Context>> | null = null;

export interface Result<T = Record<string, any>> {
  data: T | null;
  errors: Array<{ message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }> | undefined;
  storeCalls: number;
}

export async function execute<T = Record<string, any>>(store: GraphStore, query: string, variables: Record<string, unknown> = {}, options: { batching?: boolean } = {}): Promise<Result<T>> {
  apollo ??= createApollo();
  const server = await apollo;
  const response = await server.executeOperation({ query, variables }, { contextValue: createContext(store, options) });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  const result = response.body.singleResult;
  const stats = result.extensions?.stats as { storeCalls: number } | undefined;
  return { data: (result.data ?? null) as T | null, errors: result.errors as Result["errors"], storeCalls: stats?.storeCalls ?? -1 };
}

/** Executes and fails the test on any GraphQL error. */
export async function query<T = Record<string, any>>(store: GraphStore, text: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await execute<T>(store, text, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}
