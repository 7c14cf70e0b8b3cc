// The Apollo Server of the API: the schema, the limits every operation must keep, error masking
// and codes, the HTTP status each code carries, and the per-response store-call count.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { ValidationError as ClassValidatorError } from "class-validator";
import type { GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { DEFAULT_LIMITS, type Limits } from "../config.js";
import { StorageFailedError, StoreInputError, StoreUnavailableError } from "../store/port.js";
import type { Context } from "./context.js";
import { ErrorCode, HTTP_STATUS, isErrorCode, ownCodeOf, PROTOCOL_CODES, STORE_UNAVAILABLE_MESSAGE } from "./errors.js";
import { costLimitPlugin } from "./limits/cost.js";
import { introspectionPlugin } from "./limits/introspection.js";
import { preValidation } from "./limits/pre-validation.js";
import { getSchema } from "./schema.js";

export interface ApolloOptions {
  plugins?: ApolloServerPlugin<Context>[];
  /** Called with every error that is masked as INTERNAL_SERVER_ERROR, and the request it happened in. */
  onInternalError?: (error: unknown, requestId: string) => void;
  /** Defaults to the limits with no KG_* variable set (config.ts). */
  limits?: Limits;
}

/** Codes from the least to the most serious: a response's status is its most serious code's. */
const SEVERITY: readonly ErrorCode[] = [
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.INTERNAL_SERVER_ERROR,
  ErrorCode.SERVICE_UNAVAILABLE,
];

/**
 * Adds `extensions.stats.storeCalls`, sets the HTTP status from the most serious error code, and
 * gives masked errors the request id, so that a client can quote it and an operator find the log.
 */
const responsePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, stats: { storeCalls: contextValue.stats.storeCalls } };
        if (!result.errors?.length) return;
        const codes = result.errors.map((e) => e.extensions?.code).filter(isErrorCode);
        const worst = SEVERITY.filter((code) => codes.includes(code)).at(-1);
        if (worst) response.http.status = HTTP_STATUS[worst];
        if (codes.includes(ErrorCode.INTERNAL_SERVER_ERROR) && contextValue.requestId) {
          result.errors = result.errors.map((e) =>
            e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR ? { ...e, extensions: { ...e.extensions, requestId: contextValue.requestId } } : e,
          );
        }
      },
    };
  },
};

/** Logs the errors that formatError masks, with the request they happened in. */
function internalErrorLog(onInternalError: (error: unknown, requestId: string) => void): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (formatError(error.toJSON(), error).extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              onInternalError(unwrapResolverError(error), contextValue.requestId);
            }
          }
        },
      };
    },
  };
}

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
function argumentValidationFailure(error: ArgumentValidationError, path: GraphQLFormattedError["path"]): GraphQLFormattedError {
  const problems = validationProblems((error.extensions.validationErrors ?? []) as ClassValidatorError[], "");
  const message = problems.length > 0 ? problems.map((p) => `${p.field}: ${p.messages.join("; ")}`).join(". ") : "The arguments are not valid.";
  return {
    message,
    path,
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(problems[0] ? { field: problems[0].field } : {}), fields: problems.map((p) => p.field) },
  };
}

/** graphql-js's message when a document has more tokens than `parseOptions.maxTokens` ("more that" in 16.x). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th\w+ \d+ tokens/;

/** Keeps the codes we raise; turns store errors into theirs; masks everything else. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { path, locations } = formatted;
  if (original instanceof StoreUnavailableError) {
    // A storage failure says why (disk full, and where): the one who sent the write must know it was not saved.
    const message = original instanceof StorageFailedError ? original.message : STORE_UNAVAILABLE_MESSAGE;
    return { message, path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (original instanceof StoreInputError) {
    return { message: original.message, path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (original instanceof ArgumentValidationError) return argumentValidationFailure(original, path);
  const own = ownCodeOf(error);
  if (own && own !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // Apollo re-codes validation errors GRAPHQL_VALIDATION_FAILED; ours keep their own code.
    const { stacktrace: _s, http: _h, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, locations, path, extensions: { ...extensions, code: own } };
  }
  const code = formatted.extensions?.code;
  if (code === "GRAPHQL_PARSE_FAILED" && TOO_MANY_TOKENS.test(formatted.message)) {
    return { message: formatted.message.replace(/^Syntax Error: /, ""), extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: "tokens" } };
  }
  if (typeof code === "string" && PROTOCOL_CODES.has(code)) return { message: formatted.message, locations, path, extensions: { code } };
  return { message: "Internal server error", path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

export async function createApollo(options: ApolloOptions = {}): Promise<ApolloServer<Context>> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // The shape limits run before validation (limits/pre-validation.ts), not as validation rules.
  const shapeLimits = preValidation<Context>(limits);
  return new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The processes own their signals (server/main.ts drains, compacts the journal, releases the
    // lock, then exits 0); Apollo's handler would stop and re-raise the signal before that ran.
    stopOnTerminationSignals: false,
    // Refuses simple (form-like) POSTs and GETs without a preflight header: browsers cannot forge them.
    csrfPrevention: true,
    // A batch (a JSON array of operations) shares its loaders and one cost budget; app.ts caps its length.
    allowBatchedHttpRequests: limits.maxBatch > 1,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [shapeLimits.rule],
    formatError,
    plugins: [
      responsePlugin,
      shapeLimits.plugin,
      costLimitPlugin<Context>(limits.maxCost),
      introspectionPlugin<Context>(limits.requestTimeoutMs),
      internalErrorLog(options.onInternalError ?? (() => undefined)),
      ApolloServerPluginLandingPageDisabled(),
      // The API sets no cache hints, and Apollo's default cache-control plugin costs a cache lookup per
      // resolved field (up to 15 % of a request on a 100k-model embedded store; docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []),
    ],
  });
}

