// A Neo4j database migrated by an older cypher/schema.cypher has the full-text index `entity_names`
// (without the Indicator label) or `searchable_names` (over searchText, Lucene's standard analyzer),
// and nodes without searchWords; migrating replaces the index with `search_words` and fills in
// searchWords, and search then finds those nodes, indicators included. Runs only with NEO4J_URI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Executor } from "../../src/store/neo4j/executor.js";
import type { Neo4jStore } from "../../src/store/neo4j/neo4j-store.js";
import { seedStore } from "../../src/store/open-store.js";
import { config, hasNeo4j, openEmptyNeo4j } from "../helpers/stores.js";

describe.skipIf(!hasNeo4j)("the full-text index of search [neo4j]", () => {
  let executor: Executor;
  let store: Neo4jStore;

  beforeAll(async () => {
    executor = new Executor(config.neo4j!);
    store = await openEmptyNeo4j();
    await seedStore(store, config.seedDir);
    // The graph and indexes as older versions left them.
    await executor.write((run) => run("MATCH (n:Entity) REMOVE n.searchWords", {}));
    await executor.runSchema([
      "DROP INDEX search_words IF EXISTS",
      "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Country|Organization|Model|Benchmark|Report) ON EACH [n.searchText]",
      "CREATE FULLTEXT INDEX searchable_names IF NOT EXISTS FOR (n:Country|Organization|Model|Benchmark|Indicator|Report) ON EACH [n.searchText]",
    ]);
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await executor?.close();
  });

  it("is replaced on migration by one over every searchable kind's words", async () => {
    const rows = await executor.read("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties ORDER BY name", {});
    expect(rows).toEqual([{ name: "search_words", labelsOrTypes: ["Country", "Organization", "Model", "Benchmark", "Indicator", "Report"], properties: ["searchWords"] }]);
    const [missing] = await executor.read("MATCH (n:Entity) WHERE n.searchText IS NOT NULL AND n.searchWords IS NULL RETURN count(n) AS n", {});
    expect(missing.n).toBe(0);
    const hits = await store.search("talent migration", 5);
    expect(hits.map((h) => [h.node.kind, h.node.key])).toContainEqual(["Indicator", "ai-talent-migration"]);
    expect((await store.search("exaone 2 0", 5)).map((h) => h.node.key)).toEqual(["exaone-2-0"]);
  });
});
