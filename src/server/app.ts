// The HTTP server: /graphql, the playground, health checks. Built from an open store so that tests
// can start it on any store and port.
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express from "express";
import type { GraphStore } from "../store/port.js";
import { createApollo } from "../graphql/apollo.js";
import { createContext } from "../graphql/context.js";
import type { Logger } from "./logger.js";
import { exportRouter } from "./export/routes.js";
import { servePage } from "./pages.js";

export interface AppOptions {
  store: GraphStore;
  logger: Logger;
  publicDir: string;
  /** Turns DataLoader batching off (the N+1 baseline for benchmarks). */
  batching?: boolean;
}

export interface App {
  server: http.Server;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { store, logger } = options;
  const app = express();
  const server = http.createServer(app);
  const apollo = await createApollo({
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })],
    onInternalError: (error) => logger.error("internal error", { error: String((error as Error)?.stack ?? error) }),
  });
  await apollo.start();

  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: "ready", store: store.name });
    } catch (error) {
      res.status(503).json({ status: "unavailable", store: store.name, error: (error as Error).message });
    }
  });
  servePage(app, "/graphiql", path.join(options.publicDir, "graphiql"));
  servePage(app, "/explore", path.join(options.publicDir, "explore"));
  app.use("/export", exportRouter(store, (error) => logger.error("internal error", { error: String((error as Error)?.stack ?? error) })));
  app.get("/", (req, res) => {
    // Browsers go to the playground; other clients get a map of the API.
    if (req.accepts(["json", "html"]) === "html") res.redirect(302, "/graphiql/");
    else res.json({ graphql: "/graphql", playground: "/graphiql/", explorer: "/explore/", exports: ["/export/graph.graphml", "/export/graph.gexf"] });
  });
  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(store, { batching: options.batching, requestId: String(req.headers["x-request-id"] ?? randomUUID()) }),
    }),
  );

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
