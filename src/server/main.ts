// Entry point of `npm start`: reads the config, opens (and if empty seeds) the store, serves the API.
import "reflect-metadata";
import { ConfigError, loadConfig } from "../config.js";
import { openStore, seedIfEmpty } from "../store/open-store.js";
import { createApp } from "./app.js";
import { createLogger } from "./logger.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const store = await openStore(config);
  if (config.autoSeed) {
    const seeded = await seedIfEmpty(store, config.seedDir, config.seedDatasets ? config.datasetsDir : null);
    if (seeded) logger.info("seeded an empty store", { store: store.name, ...seeded });
  }
  const app = await createApp({ store, logger, publicDir: config.publicDir, limits: config.limits, apiKeys: config.apiKeys });
  if (config.apiKeys.length === 0) logger.info("no KG_API_KEYS: reads only, every mutation is refused");
  const url = await app.listen(config.port, config.host);
  logger.info("AI Actors Graph is serving", { graphql: `${url}/graphql`, playground: `${url}/graphiql/`, store: store.name, limits: config.limits, curators: config.apiKeys.map((k) => k.curator) });

  const stop = async (signal: string) => {
    logger.info("stopping", { signal });
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error);
  process.stderr.write(`AI Actors Graph could not start: ${message}\n`);
  process.exit(1);
});
