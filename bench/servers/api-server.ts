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
// One client (autocannon on 127.0.0.1) sends every request, far past any per-client budget in a
// few seconds: the budget is made unbounded, as in the load test, so throughput is what is measured.
// Each request is still charged, so the limiter's own cost is in the figures (bench:abuse measures
// budgets themselves).
const UNBOUNDED = Number.MAX_SAFE_INTEGER;
const rateLimit = { ...config.rateLimit, points: UNBOUNDED, keyedPoints: UNBOUNDED };
const app = await createApp({ store, logger: createLogger("warn"), publicDir: config.publicDir, rateLimit, batching: !process.argv.includes("--no-batching") });
app.server.keepAliveTimeout = 60_000;
const url = await app.listen(Number(argValue("--port") ?? 0), "127.0.0.1");
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once("SIGTERM", async () => {
  await app.close();
  await store.close();
  process.exit(0);
});
