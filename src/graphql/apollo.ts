// The Apollo Server of the API: the schema, the limits every operation must keep, the response's
// status from its errors (as errors.ts classifies them), and the per-response store-call count.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";
import { DEFAULT_LIMITS, type Limits } from "../config.js";
import type { Context } from "./context.js";
import { classify, ErrorCode, formatError, logLevelOf, statusOf, worstCode } from "./errors.js";
import { costLimitPlugin } from "./limits/cost.js";
import { eventLoopTurnsPlugin } from "./limits/event-loop-turns.js";
import { introspectionPlugin } from "./limits/introspection.js";
import { preValidation } from "./limits/pre-validation.js";
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
      async willSendResponse({ request, response, contextValue }) {
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, stats: { storeCalls: contextValue.stats.storeCalls } };
        if (!result.errors?.length) return;
        const worst = worstCode(result.errors.map((e) => e.extensions?.code));
        const status = worst && statusOf(worst, responseMediaType(request.http?.headers.get("accept")));
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

/** The quality a client's `Accept` gives a media type: its most specific matching range's `q`. */
function quality(accept: string, type: string): number {
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(",")) {
    const [range, ...params] = part.trim().toLowerCase().split(";");
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith("q="))?.slice(2) ?? 1);
    const specificity = range === type ? 2 : range === `${type.split("/")[0]}/*` ? 1 : range === "*/*" ? 0 : -1;
    if (specificity > best.specificity) best = { specificity, q: Number.isFinite(q) ? q : 0 };
  }
  return best.q;
}

/** The media type Apollo answers in: `application/json` unless the client prefers the GraphQL one (Apollo's tie-break). */
function responseMediaType(accept: string | undefined): "application/json" | "application/graphql-response+json" {
  if (!accept) return "application/json";
  return quality(accept, "application/graphql-response+json") > quality(accept, "application/json") ? "application/graphql-response+json" : "application/json";
}

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

/**
 * Heap bytes a parsed document takes per byte of its text: GraphiQL's introspection query (5.4 KB)
 * parses into 66 KB of nodes and tokens. Measured with node --expose-gc on graphql 16.
 */
const HEAP_PER_SOURCE_BYTE = 12;

/** Heap the cache of validated documents may take (Apollo's default is 30 MiB of their JSON). */
const DOCUMENT_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Apollo's cache of parsed, validated documents, sized by the heap they take. Apollo's default
 * counts each document's JSON, a quarter of its heap, at the cost of a JSON.stringify per new
 * document; a client sending introspection with a new alias each time then kept about 1,900
 * documents (125 MB) alive, and every collection of the heap had that much more to grow past.
 */
function documentStore(): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({
    maxSize: DOCUMENT_CACHE_BYTES,
    sizeCalculation: (document) => Math.max(1, (document.loc?.source.body.length ?? 1024) * HEAP_PER_SOURCE_BYTE),
  });
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
    documentStore: documentStore(),
    validationRules: [shapeLimits.rule],
    formatError,
    plugins: [
      // Other requests are read between the stages of an operation (a batch no longer holds the loop).
      eventLoopTurnsPlugin<Context>(),
      responsePlugin,
      shapeLimits.plugin,
      // Each operation within the limits is charged its cost, when the request has a budget, and
      // then gets back what reading its document held. A refused one keeps paying for its size,
      // also when its budget cannot pay its cost: else a client with a little budget left could
      // have every batch parsed, validated and refused again for 1 point.
      costLimitPlugin<Context>(limits.maxCost, async (context, cost, document) => {
        await context.budget?.charge(cost);
        await context.budget?.admit(document);
      }),
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

