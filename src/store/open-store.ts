// Picks and opens the store the config names: Neo4j when NEO4J_URI is set, else the embedded one.
import type { Config } from "../config.js";
import { loadSeed } from "../seed/load-seed.js";
import { MemoryStore, type StoreAccess } from "./memory/memory-store.js";
import { CypherFiles } from "./neo4j/cypher-files.js";
import { Neo4jStore } from "./neo4j/neo4j-store.js";
import type { GraphStore } from "./port.js";
import type { WriteSummary } from "../domain/graph.js";

/**
 * `access` says how the embedded store is opened: a writer names itself ("the server", "kg import")
 * and holds the store's lock; a reader takes no lock. Neo4j serves many writers and ignores it.
 */
export async function openStore(config: Config, access: StoreAccess): Promise<GraphStore> {
  if (!config.neo4j) return MemoryStore.open(config.dataDir, access);
  const store = new Neo4jStore(config.neo4j, new CypherFiles(config.cypherDir));
  await store.migrate();
  return store;
}

/** Writes the seed graph; merging makes a second run change nothing. */
export async function seedStore(store: GraphStore, seedDir: string): Promise<WriteSummary> {
  return store.write(await loadSeed(seedDir));
}

/**
 * Seeds the store when it holds no node at all (a fresh start): the seed graph, then, with
 * `datasetsDir`, every shipped dataset (src/importers/formats.ts) imported onto it.
 */
export async function seedIfEmpty(store: GraphStore, seedDir: string, datasetsDir: string | null = null): Promise<WriteSummary | null> {
  const { nodes } = await store.counts();
  if (nodes !== 0) return null;
  const seeded = await seedStore(store, seedDir);
  if (datasetsDir) {
    // Imported lazily: a store that never seeds datasets does not load the importers.
    const { importShippedDatasets } = await import("../importers/formats.js");
    for (const report of await importShippedDatasets(store, datasetsDir)) {
      seeded.nodesCreated += report.summary.write.nodesCreated;
      seeded.nodesUpdated += report.summary.write.nodesUpdated;
      seeded.relationshipsCreated += report.summary.write.relationshipsCreated;
      seeded.relationshipsUpdated += report.summary.write.relationshipsUpdated;
    }
  }
  return seeded;
}
