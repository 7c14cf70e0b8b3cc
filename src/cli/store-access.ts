// How commands open the configured store: as the one writer or read-only, closed after whatever
// happens, and an empty store seeded first as the server does at start.
import type { Config } from "../config.js";
import type { StoreAccess } from "../store/memory/memory-store.js";
import { openStore, seedIfEmpty } from "../store/open-store.js";
import type { GraphStore } from "../store/port.js";
import type { Io } from "./command.js";

/** Opens the configured store for `work` (as a writer or read-only, see StoreAccess) and closes it after, whatever happens. */
export async function withStore<T>(config: Config, access: StoreAccess, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(config, access);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Seeds an empty store when KG_AUTO_SEED is on, as the server does at start (the seed graph, and the
 * shipped datasets unless KG_SEED_DATASETS is false), and says so in one line on stderr. Returns
 * whether it seeded.
 */
export async function seedIfEmptySaying(store: GraphStore, config: Config, io: Io): Promise<boolean> {
  const datasets = config.seedDatasets ? config.datasetsDir : null;
  if (!config.autoSeed || !(await seedIfEmpty(store, config.seedDir, datasets))) return false;
  io.err(`the ${store.name} store was empty: seeded it from ${config.seedDir}${datasets ? ` and the datasets in ${datasets}` : ""} first\n`);
  return true;
}

/**
 * For commands that read the graph: the store opened read-only (no lock: it can read while a server
 * writes). An empty store is first seeded, as the server would, by a writer named `holder`.
 */
export async function withGraph<T>(config: Config, io: Io, holder: string, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const reader = await openStore(config, { readOnly: true });
  let empty: boolean;
  try {
    empty = config.autoSeed && (await reader.counts()).nodes === 0;
    if (!empty) return await work(reader);
  } finally {
    await reader.close();
  }
  return withStore(config, { holder }, async (store) => {
    await seedIfEmptySaying(store, config, io);
    return work(store);
  });
}
