// Targets (a) and (b) of the benchmark, and the embedded-store run: this API as `npm start` serves
// it (createApp over the configured store: Neo4j when NEO4J_URI is set, else KG_DATA_DIR), with
// `--no-batching` for the N+1 baseline. Prints {"url": ...} on stdout when ready.
import "reflect-metadata";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/server/app.js";
import { createLogger } from "../../src/server/logger.js";
import { openStore } from "../../src/store/open-store.js";
import { argValue } from "./serve.js";

const config = loadConfig();
// Read-only: the benchmark only reads, and several servers may read one generated KG_DATA_DIR.
const store = await openStore(config, { readOnly: true });
const app = await createApp({ store, logger: createLogger("warn"), publicDir: config.publicDir, batching: !process.argv.includes("--no-batching") });
app.server.keepAliveTimeout = 60_000;
const url = await app.listen(Number(argValue("--port") ?? 0), "127.0.0.1");
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once("SIGTERM", async () => {
  await app.close();
  await store.close();
  process.exit(0);
});
