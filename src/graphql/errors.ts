// Every error the API answers with is classified here, once: its code, the HTTP status it carries,
// how serious it is (which code decides a response's status, and at what level it is logged), and
// the message a client sees. GraphQL (formatError) and the HTTP routes (sendError) both ask this
// module; nothing else invents a code or a status.
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import type { Response } from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ValidationError as ClassValidatorError } from "class-validator";
import { ArgumentValidationError } from "type-graphql";
import { StorageFailedError, StoreInputError, StoreTimeoutError, StoreUnavailableError } from "../store/port.js";

/** The codes our own code raises. Apollo's codes that we raise too are Apollo's, imported. */
export const ErrorCode = {
  BAD_USER_INPUT: ApolloServerErrorCode.BAD_USER_INPUT,
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  /** HTTP routes only (/export, unknown paths): the thing asked for does not exist. GraphQL answers null. */
  NOT_FOUND: "NOT_FOUND",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  /** The client's budget for the current window is spent (server/rate-limit.ts). */
  RATE_LIMITED: "RATE_LIMITED",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
} as const;
/** As plain strings: what travels in `extensions.code` (Apollo's enum members included). */
export type ErrorCode = `${(typeof ErrorCode)[keyof typeof ErrorCode]}`;

/**
 * Codes of the GraphQL-over-HTTP protocol that Apollo Server answers with before a request reaches
 * our code (a syntax error, an unknown field, a missing `query`, the CSRF refusal, persisted-query
 * negotiation). Clients and tools know them, so they pass through unchanged; every other foreign
 * code is masked.
 */
export const PROTOCOL_CODES: ReadonlySet<string> = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/** Every code a response can carry: ours and the protocol's. */
export type AnswerCode = ErrorCode | `${ApolloServerErrorCode}`;

export type LogLevel = "debug" | "warn" | "error";

interface Classification {
  /**
   * The HTTP status of a response whose most serious error has this code. A protocol code's is
   * the one Apollo usually gives; Apollo sets its own where it differs (405 for a mutation over
   * GET), and that one is kept (statusOf answers null for them).
   */
  status: number;
  /** How an error of this code is logged: `error` ones are bugs, logged with their stack. */
  log: LogLevel;
}

/**
 * Codes from the least to the most serious: a response holding several errors answers the status
 * of its most serious one. Client errors first, then the server's.
 */
const CLASSIFICATION: ReadonlyArray<readonly [AnswerCode, Classification]> = [
  // Apollo's APQ protocol: a client asked for a query by hash and sends it in full on this answer.
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND, { status: 200, log: "debug" }],
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, { status: 200, log: "debug" }],
  [ApolloServerErrorCode.BAD_REQUEST, { status: 400, log: "debug" }],
  [ApolloServerErrorCode.GRAPHQL_PARSE_FAILED, { status: 400, log: "debug" }],
  [ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, { status: 400, log: "debug" }],
  [ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, { status: 400, log: "debug" }],
  [ErrorCode.BAD_USER_INPUT, { status: 400, log: "debug" }],
  // One status for every limit, the body size included: `extensions.limit` says which one.
  [ErrorCode.QUERY_TOO_COMPLEX, { status: 400, log: "debug" }],
  [ErrorCode.NOT_FOUND, { status: 404, log: "debug" }],
  [ErrorCode.FORBIDDEN, { status: 403, log: "debug" }],
  [ErrorCode.UNAUTHENTICATED, { status: 401, log: "debug" }],
  [ErrorCode.RATE_LIMITED, { status: 429, log: "debug" }],
  [ErrorCode.INTERNAL_SERVER_ERROR, { status: 500, log: "error" }],
  [ErrorCode.SERVICE_UNAVAILABLE, { status: 503, log: "warn" }],
];

const BY_CODE: ReadonlyMap<string, Classification & { rank: number }> = new Map(CLASSIFICATION.map(([code, c], rank) => [code, { ...c, rank }]));

/** The HTTP status each of our codes carries. */
export const HTTP_STATUS = Object.freeze(Object.fromEntries(Object.values(ErrorCode).map((code) => [code, BY_CODE.get(code)!.status]))) as Readonly<Record<ErrorCode, number>>;

const CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && CODES.has(code);
}

/** The most serious of some codes (unknown ones ignored), or null when none is known. */
export function worstCode(codes: readonly unknown[]): AnswerCode | null {
  let worst: { code: AnswerCode; rank: number } | null = null;
  for (const code of codes) {
    const c = typeof code === "string" ? BY_CODE.get(code) : undefined;
    if (c && (!worst || c.rank > worst.rank)) worst = { code: code as AnswerCode, rank: c.rank };
  }
  return worst?.code ?? null;
}

/**
 * Request errors: the document could not be parsed or did not validate, so nothing ran. The
 * GraphQL-over-HTTP spec says a server SHOULD answer these 200 when it answers in the legacy
 * `application/json` (a client asking for `application/graphql-response+json` gets Apollo's 400).
 */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set<string>([ApolloServerErrorCode.GRAPHQL_PARSE_FAILED, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED]);

/**
 * The status our code carries; null for a protocol code, whose status Apollo set, except the
 * request errors of a legacy `application/json` response (200, above).
 */
export function statusOf(code: AnswerCode, mediaType: "application/json" | "application/graphql-response+json" = "application/graphql-response+json"): number | null {
  if (REQUEST_ERROR_CODES.has(code)) return mediaType === "application/json" ? 200 : null;
  return PROTOCOL_CODES.has(code) ? null : BY_CODE.get(code)!.status;
}

export function logLevelOf(code: AnswerCode): LogLevel {
  return BY_CODE.get(code)!.log;
}

/** Our error in `error` or in an error it wraps: Apollo re-wraps validation errors under its own code. */
function ownErrorOf(error: unknown): GraphQLError | null {
  for (let e = error, hops = 0; e && hops < 5; e = (e as { originalError?: unknown }).originalError, hops++) {
    if (e instanceof GraphQLError && isErrorCode(e.extensions?.code)) return e;
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

/** HTTP routes: what a parameter (`field`) or the path names does not exist. */
export function notFound(message: string, field?: string): GraphQLError {
  return raise(ErrorCode.NOT_FOUND, message, field ? { field } : {});
}

/** A limit refused the operation; `limit` names which one (depth, cost, aliases, body, ...). */
export function queryTooComplex(message: string, details: { limit?: string; max?: number; actual?: number } = {}): GraphQLError {
  return raise(ErrorCode.QUERY_TOO_COMPLEX, message, details);
}

/**
 * The client's budget is spent until `resetAt`; `Retry-After` says in how many seconds (RFC 9110).
 * `budget` is its points per window (not `limit`, which names a limit of QUERY_TOO_COMPLEX).
 */
export function rateLimited(message: string, details: { budget: number; cost: number; remaining: number; resetAt: Date }): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil((details.resetAt.getTime() - Date.now()) / 1000));
  return raise(ErrorCode.RATE_LIMITED, message, { ...details, resetAt: details.resetAt.toISOString(), retryAfter }, new Map([["retry-after", String(retryAfter)]]));
}

/** What a client is told when the store cannot be reached (GraphQL and the other routes alike). */
export const STORE_UNAVAILABLE_MESSAGE = "The graph store is unavailable; try again shortly.";

export function serviceUnavailable(message: string): GraphQLError {
  return raise(ErrorCode.SERVICE_UNAVAILABLE, message);
}

/** What a client is told when its error is masked: a bug of ours, found in the log by the request id. */
export const INTERNAL_ERROR_MESSAGE = "Internal server error";

/** A target class's `argumentName` says which argument it travels in, to name fields `input.name`. */
function validationProblems(errors: readonly ClassValidatorError[], prefix: string): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((error) => {
    const owner = (error.target?.constructor as { argumentName?: string } | undefined)?.argumentName;
    const base = prefix || (owner ? `${owner}.` : "");
    const field = `${base}${error.property}`;
    // class-validator starts its messages with the property's name, which `field` already gives.
    const messages = Object.values(error.constraints ?? {}).map((m) => (m.startsWith(`${error.property} `) ? m.slice(error.property.length + 1) : m));
    const own = messages.length > 0 ? [{ field, messages }] : [];
    return [...own, ...validationProblems(error.children ?? [], `${field}.`)];
  });
}

/** type-graphql's validation error, as BAD_USER_INPUT naming each field (without echoing values). */
function argumentValidationFailure(error: ArgumentValidationError): Classified {
  const problems = validationProblems((error.extensions.validationErrors ?? []) as ClassValidatorError[], "");
  const message = problems.length > 0 ? problems.map((p) => `${p.field}: ${p.messages.join("; ")}`).join(". ") : "The arguments are not valid.";
  return { code: ErrorCode.BAD_USER_INPUT, message, extensions: { ...(problems[0] ? { field: problems[0].field } : {}), fields: problems.map((p) => p.field) } };
}

/** graphql-js's message when a document has more tokens than `parseOptions.maxTokens` ("more that" in 16.x). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th\w+ (\d+) tokens/;

/** An error as the client sees it: its code, message and the extensions beside the code. */
export interface Classified {
  code: AnswerCode;
  message: string;
  extensions: Record<string, unknown>;
  /** Response headers the error asks for (`www-authenticate`, `retry-after`). */
  headers?: ReadonlyMap<string, string>;
}

/** The errors of Node's http-errors (Express and its body parser): `status`, `expose`, `type`. */
interface HttpError {
  status?: number;
  expose?: boolean;
  type?: string;
  limit?: number;
  message?: string;
}

function headersOf(error: GraphQLError): ReadonlyMap<string, string> | undefined {
  const headers = (error.extensions?.http as { headers?: unknown } | undefined)?.headers;
  return headers instanceof Map ? headers : undefined;
}

/**
 * Classifies any error: ours keep their code, store errors get theirs, request errors from the
 * HTTP layer (body too large, malformed JSON) get ours, protocol errors keep Apollo's, and
 * everything else is masked as INTERNAL_SERVER_ERROR. `formatted` is graphql-js's rendering of it,
 * when it went through GraphQL (its message, as Apollo wrapped it).
 */
export function classify(error: unknown, formatted?: GraphQLFormattedError): Classified {
  const original = unwrapResolverError(error);
  if (original instanceof StoreUnavailableError) {
    // A storage failure says why (disk full, and where): the one who sent the write must know it
    // was not saved. A timeout says which limit it hit. Neither names a host or a driver message.
    const message = original instanceof StorageFailedError || original instanceof StoreTimeoutError ? original.message : STORE_UNAVAILABLE_MESSAGE;
    return { code: ErrorCode.SERVICE_UNAVAILABLE, message, extensions: original instanceof StoreTimeoutError ? { limit: "transaction", max: original.timeoutMs } : {} };
  }
  if (original instanceof StoreInputError) return { code: ErrorCode.BAD_USER_INPUT, message: original.message, extensions: {} };
  if (original instanceof ArgumentValidationError) return argumentValidationFailure(original);
  const own = ownErrorOf(error);
  if (own && own.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // Apollo re-codes validation errors GRAPHQL_VALIDATION_FAILED; ours keep their own code.
    const { stacktrace: _s, http: _h, code: _c, ...extensions } = formatted?.extensions ?? own.extensions;
    return { code: own.extensions.code as ErrorCode, message: formatted?.message ?? own.message, extensions, headers: headersOf(own) };
  }
  const http = error as HttpError;
  if (!formatted && http && typeof http.status === "number") {
    if (http.type === "entity.too.large") {
      return { code: ErrorCode.QUERY_TOO_COMPLEX, message: `The request body is larger than ${http.limit} bytes.`, extensions: { limit: "body", max: http.limit } };
    }
    if (http.type === "entity.parse.failed") return { code: ErrorCode.BAD_USER_INPUT, message: `The request body is not valid JSON: ${http.message}`, extensions: {} };
    if (http.status >= 400 && http.status < 500 && http.expose !== false) {
      return { code: ErrorCode.BAD_USER_INPUT, message: http.message || "The request cannot be read.", extensions: {} };
    }
  }
  const code = formatted?.extensions?.code;
  const tooManyTokens = code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED ? TOO_MANY_TOKENS.exec(formatted!.message) : null;
  if (tooManyTokens) {
    // graphql-js stops lexing at the limit: the rest of the document is never read.
    const max = Number(tooManyTokens[1]);
    return { code: ErrorCode.QUERY_TOO_COMPLEX, message: `The document holds more than ${max} tokens; at most ${max} are read (limit "tokens", KG_MAX_TOKENS).`, extensions: { limit: "tokens", max } };
  }
  if (typeof code === "string" && PROTOCOL_CODES.has(code)) return { code: code as AnswerCode, message: formatted!.message, extensions: {} };
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: INTERNAL_ERROR_MESSAGE, extensions: {} };
}

/** Apollo's formatError: every GraphQL error as classify() says, with its path (and locations for ours and the protocol's). */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { code, message, extensions } = classify(error, formatted);
  const { path, locations } = formatted;
  const keepLocations = code !== ErrorCode.INTERNAL_SERVER_ERROR && code !== ErrorCode.SERVICE_UNAVAILABLE && !(code === ErrorCode.QUERY_TOO_COMPLEX && extensions.limit === "tokens");
  return { message, ...(keepLocations && locations ? { locations } : {}), ...(path ? { path } : {}), extensions: { code, ...extensions } };
}

/** The one body of every error the API answers outside GraphQL execution: GraphQL's own shape. */
export interface ErrorBody {
  errors: Array<{ message: string; extensions: { code: AnswerCode } & Record<string, unknown> }>;
}

export function errorBody(code: AnswerCode, message: string, extensions: Record<string, unknown> = {}): ErrorBody {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}

/**
 * Answers an HTTP route's error (/export, the pages, the app's own refusals) in the one shape, with
 * its code's status and headers. A masked error carries the request id (`res.locals.requestId`),
 * so that a client can quote it and an operator find the log line. Returns the classification, so
 * that the caller can log it at its code's level.
 */
export function sendError(res: Response, error: unknown): Classified {
  const classified = classify(error);
  if (res.headersSent) return classified;
  const requestId = res.locals.requestId as string | undefined;
  const extensions = classified.code === ErrorCode.INTERNAL_SERVER_ERROR && requestId ? { ...classified.extensions, requestId } : classified.extensions;
  for (const [name, value] of classified.headers ?? []) res.setHeader(name, value);
  res.status(statusOf(classified.code) ?? 400).json(errorBody(classified.code, classified.message, extensions));
  return classified;
}
