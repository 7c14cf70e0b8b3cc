// The Apollo Server of the API: the schema, the limits every operation must keep, the response's
// status from its errors (as errors.ts classifies them), and the per-response store-call count.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { DEFAULT_LIMITS, type Limits } from "../config.js";
import type { Context } from "./context.js";
import { classify, ErrorCode, formatError, logLevelOf, statusOf, worstCode } from "./errors.js";
import { costLimitPlugin } from "./limits/cost.js";
import { depthLimit, selectionLimits } from "./limits/limit-rules.js";
import { getSchema } from "./schema.js";

export interface ApolloOptions {
  plugins?: ApolloServerPlugin<Context>[];
  /** Called with every error that errors.ts logs at `error` (masked as INTERNAL_SERVER_ERROR), and the request it happened in. */
  onInternalError?: (error: unknown, requestId: string) => void;
  /** Defaults to the limits with no KG_* variable set (config.ts). */
  limits?: Limits;
}

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
        const worst = worstCode(result.errors.map((e) => e.extensions?.code));
        const status = worst && statusOf(worst);
        if (status) response.http.status = status;
        if (result.errors.some((e) => e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) && contextValue.requestId) {
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
            if (logLevelOf(classify(error, error.toJSON()).code) === "error") {
              onInternalError(unwrapResolverError(error), contextValue.requestId);
            }
          }
        },
      };
    },
  };
}

export async function createApollo(options: ApolloOptions = {}): Promise<ApolloServer<Context>> {
  const limits = options.limits ?? DEFAULT_LIMITS;
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
    validationRules: [depthLimit(limits.maxDepth), selectionLimits(limits)],
    formatError,
    plugins: [
      responsePlugin,
      costLimitPlugin<Context>(limits.maxCost),
      internalErrorLog(options.onInternalError ?? (() => undefined)),
      ApolloServerPluginLandingPageDisabled(),
      // The API sets no cache hints, and Apollo's default cache-control plugin costs a cache lookup per
      // resolved field (up to 15 % of a request on a 100k-model embedded store; docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []),
    ],
  });
}

