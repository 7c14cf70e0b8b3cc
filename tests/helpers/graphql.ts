// Runs GraphQL operations in-process (Apollo executeOperation) against a store.
import type { ApolloServer } from "@apollo/server";
import { DEFAULT_LIMITS, type Limits } from "../../src/config.js";
import { createApollo } from "../../src/graphql/apollo.js";
import { createContext, type Auth, type Context } from "../../src/graphql/context.js";
import type { GraphStore } from "../../src/store/port.js";

/** One server per set of limits (most tests use the defaults). */
const servers = new Map<string, Promise<ApolloServer<Context>>>();

function apolloWith(overrides: Partial<Limits> = {}): Promise<ApolloServer<Context>> {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  const key = JSON.stringify(limits);
  let server = servers.get(key);
  if (!server) {
    server = createApollo({ limits });
    servers.set(key, server);
  }
  return server;
}

export interface ExecuteOptions {
  batching?: boolean;
  /** Limits other than the defaults (a test about something else may need a larger cost). */
  limits?: Partial<Limits>;
  /** Who asks: anonymous by default. */
  auth?: Auth;
}

export interface Result<T = Record<string, any>> {
  data: T | null;
  errors: Array<{ message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }> | undefined;
  storeCalls: number;
}

export async function execute<T = Record<string, any>>(store: GraphStore, query: string, variables: Record<string, unknown> = {}, options: ExecuteOptions = {}): Promise<Result<T>> {
  const server = await apolloWith(options.limits);
  const response = await server.executeOperation({ query, variables }, { contextValue: createContext(store, { batching: options.batching, auth: options.auth }) });
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
