// Target (d) of the benchmark, the floor: each request runs ONE hand-written Cypher query
// (bench/floor/<query>.cypher) through neo4j-driver and answers its rows as JSON; no GraphQL, no
// DataLoader, no store port. It serves over the same HTTP as the other targets so that the same
// load generator, connections and concurrency measure it. POST /<query> with the parameters as body.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import neo4j from "neo4j-driver";
import { PROJECT_ROOT } from "../../src/config.js";
import { QUERIES } from "../queries.js";
import { announce, argValue } from "./serve.js";

const uri = argValue("--neo4j") ?? process.env.NEO4J_URI;
if (!uri) throw new Error("--neo4j <bolt uri> (or NEO4J_URI) is required");
// Plain JS numbers are enough here: no value of the bench exceeds 2^53.
const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });

// Every query's floor file (bench/queries.ts), read once.
const cypher = new Map(QUERIES.map(({ floor: { file } }) => [file, readFileSync(path.join(PROJECT_ROOT, "bench", "floor", `${file}.cypher`), "utf8")]));
/** Parameters that Cypher needs as integers (SKIP, LIMIT). */
const INTEGERS = new Set(["offset", "limit"]);

async function answer(name: string, params: Record<string, unknown>): Promise<unknown> {
  const text = cypher.get(name);
  if (!text) throw new Error(`no query ${name}`);
  const converted = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, INTEGERS.has(k) && typeof v === "number" ? neo4j.int(v) : v]));
  // An auto-commit read, as the API's store makes its reads (src/store/neo4j/executor.ts).
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.run(text, converted)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const name = (req.url ?? "/").slice(1);
    Promise.resolve()
      .then(() => answer(name, chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {}))
      .then((data) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data }));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: String((error as Error)?.message ?? error) }));
      });
  });
});
server.keepAliveTimeout = 60_000;
await announce(server, Number(argValue("--port") ?? 0));
process.once("SIGTERM", async () => {
  server.close();
  await driver.close();
  process.exit(0);
});
