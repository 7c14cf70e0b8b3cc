// Entry point of `npm start`: reads the config, opens (and if empty seeds) the store, serves the API,
// and on SIGTERM or SIGINT stops cleanly: in-flight requests finish, the embedded store folds its
// journal into the snapshot and releases its lock, and the process exits 0, all within
// KG_SHUTDOWN_TIMEOUT_MS.
import "reflect-metadata";
import { ConfigError, loadConfig } from "../config.js";
import { StoreDamagedError } from "../store/memory/persistence.js";
import { StoreLockedError } from "../store/memory/store-lock.js";
import { openStore, seedIfEmpty } from "../store/open-store.js";
import { StoreUnavailableError } from "../store/port.js";
import { createApp } from "./app.js";
import { createLogger } from "./logger.js";

/** Start failures the operator can act on: their message alone, no stack. */
const OPERATOR_ERRORS = [ConfigError, StoreLockedError, StoreDamagedError, StoreUnavailableError];

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const store = await openStore(config, { holder: "the server" });
  if (config.autoSeed) {
    const seeded = await seedIfEmpty(store, config.seedDir, config.seedDatasets ? config.datasetsDir : null);
    if (seeded) logger.info("seeded an empty store", { store: store.name, ...seeded });
  }
  // In-flight requests get half the time; the journal's compaction the rest.
  const drainMs = Math.floor(config.shutdownTimeoutMs / 2);
  // The embedded store has one writer, the holder of its lock (this server); Neo4j may have others.
  const onlyWriter = !config.neo4j;
  const app = await createApp({ store, logger, publicDir: config.publicDir, limits: config.limits, apiKeys: config.apiKeys, drainMs, rateLimit: config.rateLimit, http: config.http, onlyWriter });
  if (config.apiKeys.length === 0) logger.info("no KG_API_KEYS: reads only, every mutation is refused");
  const url = await app.listen(config.port, config.host);
  logger.info("AI Actors Graph is serving", { graphql: `${url}/graphql`, playground: `${url}/graphiql/`, store: store.name, limits: config.limits, rateLimit: config.rateLimit, corsOrigins: config.http.corsOrigins, curators: config.apiKeys.map((k) => k.curator) });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal: the operator will not wait. Every acknowledged write is in the journal.
      logger.warn("stopping now, without waiting", { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info("stopping: finishing in-flight requests, then saving the store", { signal, timeoutMs: config.shutdownTimeoutMs });
    const watchdog = setTimeout(() => {
      logger.error("could not stop within KG_SHUTDOWN_TIMEOUT_MS; exiting: every acknowledged write is in the journal, replayed at the next start", { timeoutMs: config.shutdownTimeoutMs });
      process.exit(1);
    }, config.shutdownTimeoutMs);
    watchdog.unref();
    try {
      await app.close();
      await store.close();
      logger.info("stopped", { signal });
      process.exit(0);
    } catch (error) {
      logger.error("could not stop cleanly; every acknowledged write is in the journal, replayed at the next start", { signal, err: error });
      process.exit(1);
    }
  };
  process.on("SIGTERM", (signal) => void stop(signal));
  process.on("SIGINT", (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  const known = OPERATOR_ERRORS.some((kind) => error instanceof kind);
  const message = known ? (error as Error).message : String((error as Error)?.stack ?? error);
  process.stderr.write(`AI Actors Graph could not start: ${message}\n`);
  process.exit(1);
});
