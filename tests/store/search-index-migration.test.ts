// A Neo4j database migrated before indicators became searchable has the full-text index
// `entity_names` without the Indicator label; migrating replaces it with `searchable_names`, and
// search then finds indicators there too. Runs only with NEO4J_URI.
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
    // The index as an older cypher/schema.cypher made it.
    await executor.runSchema([
      "DROP INDEX searchable_names IF EXISTS",
      "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Country|Organization|Model|Benchmark|Report) ON EACH [n.searchText]",
    ]);
    store = await openEmptyNeo4j();
    await seedStore(store, config.seedDir);
  });
  afterAll(async () => {
    await store?.close();
    await executor?.close();
  });

  it("is replaced on migration by one that covers indicators", async () => {
    const rows = await executor.read("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes RETURN name, labelsOrTypes ORDER BY name", {});
    expect(rows).toEqual([{ name: "searchable_names", labelsOrTypes: ["Country", "Organization", "Model", "Benchmark", "Indicator", "Report"] }]);
    const hits = await store.search("talent migration", 5);
    expect(hits.map((h) => [h.node.kind, h.node.key])).toContainEqual(["Indicator", "ai-talent-migration"]);
  });
});
