// The Apollo Server of the API: the schema, error masking and the per-response store-call count.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLFormattedError } from "graphql";
import { StoreInputError, StoreUnavailableError } from "../store/port.js";
import type { Context } from "./context.js";
import { ErrorCode } from "./errors.js";
import { getSchema } from "./schema.js";

export interface ApolloOptions {
  plugins?: ApolloServerPlugin<Context>[];
  /** Called with every error that is masked as INTERNAL_SERVER_ERROR. */
  onInternalError?: (error: unknown) => void;
}

/** Adds `extensions.stats.storeCalls` to every single response. */
const statsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, stats: { storeCalls: contextValue.stats.storeCalls } };
        if (result.errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) response.http.status = 503;
      },
    };
  },
};

/** Keeps the codes we raise; turns store errors into theirs; masks everything else. */
export function formatError(onInternalError: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof StoreUnavailableError) {
      return { message: "The graph store is unavailable; try again shortly.", path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
    }
    if (original instanceof StoreInputError) {
      return { message: original.message, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    onInternalError(original);
    return { message: "Internal server error", path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

export async function createApollo(options: ApolloOptions = {}): Promise<ApolloServer<Context>> {
  return new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(options.onInternalError ?? (() => undefined)),
    // The API sets no cache hints, and Apollo's default cache-control plugin costs a cache lookup per
    // resolved field (up to 15 % of a request on a 100k-model embedded store; docs/benchmarks.md).
    plugins: [statsPlugin, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...(options.plugins ?? [])],
  });
}
