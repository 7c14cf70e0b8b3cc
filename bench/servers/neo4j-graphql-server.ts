// Target (c) of the benchmark: @neo4j/graphql 7 serving the same Neo4j through Apollo Server and
// Express, with bench/neo4j-graphql/typedefs.graphql. Prints {"url": ...} on stdout when ready.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { Neo4jGraphQL } from "@neo4j/graphql";
import express from "express";
import neo4j from "neo4j-driver";
import { PROJECT_ROOT } from "../../src/config.js";
import { announce, argValue } from "./serve.js";

const uri = argValue("--neo4j") ?? process.env.NEO4J_URI;
if (!uri) throw new Error("--neo4j <bolt uri> (or NEO4J_URI) is required");

const driver = neo4j.driver(uri);
const typeDefs = readFileSync(path.join(PROJECT_ROOT, "bench", "neo4j-graphql", "typedefs.graphql"), "utf8");
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();

const app = express();
const server = http.createServer(app);
const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })] });
await apollo.start();
app.use("/graphql", express.json({ limit: "100kb" }), expressMiddleware(apollo, { context: async () => ({}) }));
await announce(server, Number(argValue("--port") ?? 0));

if (process.argv.includes("--print-schema")) {
  const { printSchema } = await import("graphql");
  process.stderr.write(printSchema(schema));
}
process.once("SIGTERM", async () => {
  await apollo.stop();
  await driver.close();
  process.exit(0);
});
