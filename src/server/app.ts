// The HTTP server: /graphql, the playground, health checks. Built from an open store so that tests
// can start it on any store and port.
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { DEFAULT_LIMITS, type ApiKey, type Limits } from "../config.js";
import { StorageFailedError, type GraphStore } from "../store/port.js";
import { createApollo } from "../graphql/apollo.js";
import { createContext } from "../graphql/context.js";
import { badUserInput, HTTP_STATUS, logLevelOf, notFound, queryTooComplex, sendError } from "../graphql/errors.js";
import { authenticator } from "./auth.js";
import type { Logger } from "./logger.js";
import { exportRouter } from "./export/routes.js";
import { servePage } from "./pages.js";

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
}

/** A client's own request id is kept when it is short and plain (it ends up in logs). */
const CLIENT_REQUEST_ID = /^[\w.:-]{1,64}$/;

function locals(res: Response): RequestLocals {
  return res.locals as RequestLocals;
}

/** Gives each request an id (the client's `x-request-id`, or a new one), echoed in the response. */
function requestIds(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
    Object.assign(res.locals, { requestId, startedAt: Date.now() } satisfies RequestLocals);
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      const fields = { requestId, method: req.method, path: req.originalUrl.split("?")[0], status: res.statusCode, ms: Date.now() - locals(res).startedAt };
      if (res.statusCode >= 500) logger.warn("request failed", fields);
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
 * /export, the pages, unknown paths) is answered here, in the one shape errors.ts gives, and
 * logged at its code's level (masked internal errors with their stack and request id).
 */
function httpErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const { code } = sendError(res, error);
    const level = logLevelOf(code);
    if (level !== "debug") logger[level](level === "error" ? "internal error" : "request refused", { requestId: locals(res).requestId, code, err: error });
  };
}

/** Paths the API does not serve get the same JSON error as everything else. */
const unknownPath: RequestHandler = (req, _res, next) => {
  next(notFound(`Nothing is served at ${req.method} ${req.path}; GET / lists what is.`));
};

export async function createApp(options: AppOptions): Promise<App> {
  const { store, logger } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const authenticate = authenticator(options.apiKeys ?? []);
  const app = express();
  const server = http.createServer(app);
  // Bounds the time to receive a request (a client trickling its body holds a socket otherwise).
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(limits.requestTimeoutMs, 60_000);
  const apollo = await createApollo({
    limits,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: options.drainMs })],
    onInternalError: (error, requestId) => logger.error("internal error", { requestId, err: error }),
  });
  await apollo.start();

  app.disable("x-powered-by");
  app.use(requestIds(logger));
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: "ready", store: store.name });
    } catch (error) {
      // The reason (a host, a driver message) goes to the log, not to whoever asks; a storage
      // failure (disk full) is told, as the operator must act on it and it names nothing secret.
      logger.warn("store not ready", { requestId: locals(res).requestId, store: store.name, err: error });
      const reason = error instanceof StorageFailedError ? { reason: error.message } : {};
      res.status(HTTP_STATUS.SERVICE_UNAVAILABLE).json({ status: "unavailable", store: store.name, ...reason });
    }
  });
  servePage(app, "/graphiql", path.join(options.publicDir, "graphiql"));
  servePage(app, "/explore", path.join(options.publicDir, "explore"));
  servePage(app, "/stats", path.join(options.publicDir, "stats"));
  app.use("/export", exportRouter(store));
  app.get("/", (req, res) => {
    // Browsers go to the playground; other clients get a map of the API.
    if (req.accepts(["json", "html"]) === "html") res.redirect(302, "/graphiql/");
    else res.json({ graphql: "/graphql", playground: "/graphiql/", explorer: "/explore/", stats: "/stats/", exports: ["/export/graph.graphml", "/export/graph.gexf"] });
  });
  app.use(
    "/graphql",
    express.json({ limit: limits.maxBodyBytes }),
    bodyAlwaysSet,
    batchLimit(limits.maxBatch),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const { requestId, startedAt } = locals(res);
        return createContext(store, {
          batching: options.batching,
          requestId,
          auth: authenticate(req.headers.authorization),
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
