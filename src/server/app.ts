// The HTTP server: /graphql, the playground, the explorer, exports, health checks, with CORS and a
// budget per client in front of them. Built from an open store so that tests can start it on any
// store and port.
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { DEFAULT_HTTP, DEFAULT_LIMITS, DEFAULT_RATE_LIMIT, type ApiKey, type HttpConfig, type Limits, type RateLimitConfig } from "../config.js";
import { StorageFailedError, StoreUnavailableError, type GraphStore } from "../store/port.js";
import { countWrites } from "../store/write-count.js";
import { createApollo } from "../graphql/apollo.js";
import { createContext, type Auth } from "../graphql/context.js";
import { badUserInput, HTTP_STATUS, logLevelOf, notFound, queryTooComplex, sendError } from "../graphql/errors.js";
import { authenticator, type Authenticator } from "./auth.js";
import { outageLog, type Logger, type OutageLog } from "./logger.js";
import { exportRouter } from "./export/routes.js";
import { servePage } from "./pages.js";
import { corsReads, getCachePlugin, getQueriesPass } from "./public-reads.js";
import { budgetMiddleware, budgetOf, budgetPlugin, Budgets, chargeClient, documentHold } from "./rate-limit.js";

export interface AppOptions {
  store: GraphStore;
  logger: Logger;
  publicDir: string;
  /** Turns DataLoader batching off (the N+1 baseline for benchmarks). */
  batching?: boolean;
  /** What one request may ask for; the defaults when omitted (config.ts). */
  limits?: Limits;
  /** Keys that may call mutations; none by default, so mutations are refused. */
  apiKeys?: readonly ApiKey[];
  /** How long close() lets in-flight requests finish before it cuts their connections (Apollo's default: 10 s). */
  drainMs?: number;
  /** Each client's budget per window; the defaults when omitted (config.ts). */
  rateLimit?: RateLimitConfig;
  /** CORS origins, GET caching, trusted proxies; the defaults when omitted (config.ts). */
  http?: HttpConfig;
  /**
   * Every write to `store` goes through this app (the embedded store, whose lock the server
   * holds), so a count of its writes says whether the graph changed: the whole-graph exports are
   * then kept until it moves, neither read nor hashed again. Off by default (Neo4j may have other
   * writers): each export reads and hashes the graph, and only a file of the same hash is reused.
   */
  onlyWriter?: boolean;
}

export interface App {
  server: http.Server;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** What the server keeps about a request while it runs. */
interface RequestLocals {
  requestId: string;
  startedAt: number;
  /** Who sent it, from its Authorization header (set before the budget is charged). */
  auth: Auth;
}

/** A client's own request id is kept when it is short and plain (it ends up in logs). */
const CLIENT_REQUEST_ID = /^[\w.:-]{1,64}$/;

function locals(res: Response): RequestLocals {
  return res.locals as RequestLocals;
}

/**
 * Gives each request an id (the client's `x-request-id`, or a new one), echoed in the response,
 * and says who sent it (its key, checked once: the budget and the GraphQL context both need it).
 */
function requestIds(logger: Logger, authenticate: Authenticator, outage: OutageLog): RequestHandler {
  return (req, res, next) => {
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
    Object.assign(res.locals, { requestId, startedAt: Date.now(), auth: authenticate(req.headers.authorization) } satisfies RequestLocals);
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      const fields = { requestId, method: req.method, path: req.originalUrl.split("?")[0], status: res.statusCode, ms: Date.now() - locals(res).startedAt };
      // During a store outage its 503s are counted into the outage's lines instead.
      if (res.statusCode >= 500 && !outage.refused(res.statusCode)) logger.warn("request failed", fields);
      else logger.debug("request", fields);
    });
    next();
  };
}

/** A batch (a JSON array of operations) longer than the limit is refused before any of it runs. */
function batchLimit(maxBatch: number): RequestHandler {
  return (req, _res, next) => {
    if (!Array.isArray(req.body)) return next();
    if (maxBatch <= 1) return next(badUserInput("Batched requests (a JSON array of operations) are turned off; send one operation per request."));
    if (req.body.length > maxBatch) {
      return next(queryTooComplex(`A batch may hold at most ${maxBatch} operations; this one holds ${req.body.length}.`, { limit: "batch", max: maxBatch, actual: req.body.length }));
    }
    next();
  };
}

/** Express 5 leaves `req.body` unset when no parser matched; Apollo's middleware answers that with a 500. */
const bodyAlwaysSet: RequestHandler = (req, _res, next) => {
  if (!("body" in req)) (req as { body?: unknown }).body = undefined;
  next();
};

/**
 * Every error of a route outside GraphQL execution (the JSON parser's, the app's own refusals,
 * /export, the pages, unknown paths) is answered here, in the one shape errors.ts gives; masked
 * internal errors are logged with their stack and request id.
 */
function httpErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const { code } = sendError(res, error);
    // Bugs are logged here with their stack; a 503's line is the request's own (requestIds).
    if (logLevelOf(code) === "error") logger.error("internal error", { requestId: locals(res).requestId, err: error });
  };
}

/** Paths the API does not serve get the same JSON error as everything else. */
const unknownPath: RequestHandler = (req, _res, next) => {
  next(notFound(`Nothing is served at ${req.method} ${req.path}; GET / lists what is.`));
};

export async function createApp(options: AppOptions): Promise<App> {
  const { logger } = options;
  const outage = outageLog(logger, options.store.name);
  const watched = outage.watch(options.store);
  const { store, writes } = options.onlyWriter ? countWrites(watched) : { store: watched, writes: null };
  const limits = options.limits ?? DEFAULT_LIMITS;
  const httpConfig = options.http ?? DEFAULT_HTTP;
  const budgets = new Budgets(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const authenticate = authenticator(options.apiKeys ?? []);
  const app = express();
  const server = http.createServer(app);
  // Bounds the time to receive a request (a client trickling its body holds a socket otherwise).
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(limits.requestTimeoutMs, 60_000);
  const apollo = await createApollo({
    limits,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: options.drainMs }), budgetPlugin, getCachePlugin(httpConfig)],
    onInternalError: (error, requestId) => logger.error("internal error", { requestId, err: error }),
  });
  await apollo.start();

  app.disable("x-powered-by");
  // No ETag over whole bodies: a GraphQL body carries this request's budget, so it never repeats.
  // GET queries get one over their data (public-reads.ts); static pages get serve-static's own.
  app.set("etag", false);
  // Behind a proxy, req.ip (whose budget a request spends) is the client's, not the proxy's.
  if (httpConfig.trustProxyHops > 0) app.set("trust proxy", httpConfig.trustProxyHops);
  app.use(requestIds(logger, authenticate, outage));
  // Preflights are answered here, before any budget is charged.
  app.use(corsReads(httpConfig));
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: "ready", store: store.name });
    } catch (error) {
      // The reason (a host, a driver message) goes to the log once per outage (outageLog), not to
      // whoever asks; a storage failure (disk full) is told, as the operator must act on it and it
      // names nothing secret.
      if (!(error instanceof StoreUnavailableError) || error instanceof StorageFailedError) logger.warn("store not ready", { requestId: locals(res).requestId, store: store.name, err: error });
      const reason = error instanceof StorageFailedError ? { reason: error.message } : {};
      res.status(HTTP_STATUS.SERVICE_UNAVAILABLE).json({ status: "unavailable", store: store.name, ...reason });
    }
  });
  // Probes above are free; every other request spends its client's budget (its first point here).
  app.use(budgetMiddleware(budgets, (res) => locals(res).auth));
  servePage(app, "/graphiql", path.join(options.publicDir, "graphiql"));
  servePage(app, "/explore", path.join(options.publicDir, "explore"));
  servePage(app, "/stats", path.join(options.publicDir, "stats"));
  app.use("/export", exportRouter(store, { maxElements: limits.maxExportElements, charge: chargeClient, writes }));
  app.get("/", (req, res) => {
    // Browsers go to the playground; other clients get a map of the API.
    if (req.accepts(["json", "html"]) === "html") res.redirect(302, "/graphiql/");
    else res.json({ graphql: "/graphql", playground: "/graphiql/", explorer: "/explore/", stats: "/stats/", exports: ["/export/graph.graphml", "/export/graph.gexf"] });
  });
  app.use(
    "/graphql",
    getQueriesPass,
    express.json({ limit: limits.maxBodyBytes }),
    bodyAlwaysSet,
    batchLimit(limits.maxBatch),
    // The documents' size is held from the budget before Apollo parses any of them.
    documentHold,
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const { requestId, startedAt, auth } = locals(res);
        return createContext(store, {
          batching: options.batching,
          requestId,
          auth,
          budget: budgetOf(res),
          timeout: { ms: limits.requestTimeoutMs, startedAt },
        });
      },
    }),
  );
  app.use(unknownPath);
  app.use(httpErrors(logger));

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actual = typeof address === "object" && address ? address.port : port;
          resolve(`http://${host}:${actual}`);
        });
      });
    },
    async close() {
      await apollo.stop();
    },
  };
}
