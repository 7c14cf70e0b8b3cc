// Every error code the API answers with, the HTTP status each carries, and the one way to raise
// each. Nothing else invents a code.
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  /** HTTP routes only (/export): the node a parameter names does not exist. GraphQL answers null. */
  NOT_FOUND: "NOT_FOUND",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes of the GraphQL-over-HTTP protocol that Apollo Server answers with before a request reaches
 * our code (a syntax error, an unknown field, a missing `query`, persisted-query negotiation).
 * Clients and tools know them, so they pass through unchanged; every other foreign code is masked.
 */
export const PROTOCOL_CODES: ReadonlySet<string> = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** The HTTP status of a response whose worst error has this code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  QUERY_TOO_COMPLEX: 400,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

const CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && CODES.has(code);
}

/**
 * Our code on an error or on an error it wraps: Apollo re-wraps validation errors under its own
 * code, and the limit a validation rule enforces must still answer QUERY_TOO_COMPLEX.
 */
export function ownCodeOf(error: unknown): ErrorCode | null {
  for (let e = error, hops = 0; e && hops < 5; e = (e as { originalError?: unknown }).originalError, hops++) {
    if (e instanceof GraphQLError && isErrorCode(e.extensions?.code)) return e.extensions.code;
  }
  return null;
}

function raise(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, headers?: Map<string, string>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: HTTP_STATUS[code], ...(headers ? { headers } : {}) } } });
}

/** Bad arguments: names the argument (`field`) so that a client can point at it. */
export function badUserInput(message: string, field?: string): GraphQLError {
  return raise(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
}

export function unauthenticated(message: string): GraphQLError {
  // RFC 6750: a 401 names the scheme the client should use.
  return raise(ErrorCode.UNAUTHENTICATED, message, {}, new Map([["www-authenticate", 'Bearer realm="ai-actors-graph"']]));
}

export function forbidden(message: string): GraphQLError {
  return raise(ErrorCode.FORBIDDEN, message);
}

/** A limit refused the operation; `limit` names which one (depth, cost, aliases, ...). */
export function queryTooComplex(message: string, details: { limit?: string; max?: number; actual?: number } = {}): GraphQLError {
  return raise(ErrorCode.QUERY_TOO_COMPLEX, message, details);
}

/** What a client is told when the store cannot be reached (GraphQL and the other routes alike). */
export const STORE_UNAVAILABLE_MESSAGE = "The graph store is unavailable; try again shortly.";

export function serviceUnavailable(message: string): GraphQLError {
  return raise(ErrorCode.SERVICE_UNAVAILABLE, message);
}

/** A GraphQL-style body for errors answered outside GraphQL execution (body too large, bad JSON). */
export function errorBody(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}
