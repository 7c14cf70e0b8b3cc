// The stores a test suite runs against: always the embedded one, and Neo4j when NEO4J_URI is set.
import { loadConfig, type Config } from "../../src/config.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { Executor } from "../../src/store/neo4j/executor.js";
import { CypherFiles } from "../../src/store/neo4j/cypher-files.js";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store.js";
import { importEcosystemGraphs } from "../../src/importers/ecosystem-graphs/import.js";
import { importEpochAi } from "../../src/importers/epoch-ai/import.js";
import { seedStore } from "../../src/store/open-store.js";
import type { GraphStore, Page, RelatedItem, RelatedPage } from "../../src/store/port.js";
import { ECOSYSTEM_GRAPHS_SHIPPED, EPOCH_DIR } from "./epoch-ai.js";

// KG_SEED_DATASETS=false: the suites count and query the seed graph alone; those about the datasets
// import them themselves.
export const config: Config = loadConfig({ ...process.env, KG_DATA_DIR: "/tmp/unused-kg-data", KG_SEED_DATASETS: "false" });
export const hasNeo4j = config.neo4j !== null;

export interface StoreCase {
  name: "memory" | "neo4j";
  /** Opens an EMPTY store of this kind. */
  open(): Promise<GraphStore>;
}

/** Deletes everything in the test Neo4j (the suites share one server, one file at a time). */
export async function clearNeo4j(): Promise<void> {
  const executor = new Executor(config.neo4j!);
  try {
    await executor.write((run) => run("MATCH (n) DETACH DELETE n", {}));
  } finally {
    await executor.close();
  }
}

export async function openEmptyNeo4j(): Promise<Neo4jStore> {
  await clearNeo4j();
  const store = new Neo4jStore(config.neo4j!, new CypherFiles(config.cypherDir));
  await store.migrate();
  return store;
}

/** The embedded store, in memory only: every test can run on it. */
export const MEMORY_CASE: StoreCase = { name: "memory", open: () => MemoryStore.open(null) };

export const STORE_CASES: StoreCase[] = [
  MEMORY_CASE,
  ...(hasNeo4j ? [{ name: "neo4j" as const, open: openEmptyNeo4j }] : []),
];

/** Opens a store of this kind holding the seed graph. */
export async function openSeeded(storeCase: StoreCase): Promise<GraphStore> {
  const store = await storeCase.open();
  await seedStore(store, config.seedDir);
  return store;
}

/** Opens a store of this kind holding the seed and both shipped datasets (Ecosystem Graphs, then Epoch AI). */
export async function openWithDatasets(storeCase: StoreCase): Promise<GraphStore> {
  const store = await openSeeded(storeCase);
  await importEcosystemGraphs(store, ECOSYSTEM_GRAPHS_SHIPPED);
  await importEpochAi(store, EPOCH_DIR);
  return store;
}

/** The store with some of its methods replaced: to make it fail, hang or answer otherwise on purpose. */
export function withMethods(store: GraphStore, methods: Partial<Record<keyof GraphStore, (...args: never[]) => unknown>>): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const replaced = methods[property as keyof GraphStore];
      if (replaced) return replaced;
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A related page read with its total (the default RelatedRead): its `totalCount` is a number, checked. */
export function counted(page: RelatedPage): Page<RelatedItem> {
  if (page.totalCount === null) throw new Error("a page read with its total came without one");
  return { ...page, totalCount: page.totalCount };
}
