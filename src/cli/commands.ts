// The commands of `npm run kg -- <command>`, one function each, against the configured store.
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { PROJECT_ROOT, type Config } from "../config.js";
import { getSchema } from "../graphql/schema.js";
import type { StoreAccess } from "../store/memory/memory-store.js";
import { openStore, seedIfEmpty, seedStore } from "../store/open-store.js";
import { IMPORT_USAGE, runImport } from "./import.js";
import type { GraphStore } from "../store/port.js";
import { generateCommand } from "./generate.js";
import { omittedCommand } from "./omitted.js";
import { repairCommand, verifyCommand } from "./verify.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress bars go there). */
  errIsTTY?: boolean;
}

export class UsageError extends Error {}

export const SCHEMA_FILE = path.join(PROJECT_ROOT, "schema", "schema.graphql");

/** The SDL the code builds, sorted so that the checked-in file diffs cleanly. */
export async function schemaText(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}

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

export const COMMANDS: Record<string, { summary: string; run: (args: string[], config: Config, io: Io) => Promise<void> }> = {
  seed: {
    summary: "write the seed graph (seed/*.json) into the store; running it again changes nothing",
    run: (_args, config, io) =>
      withStore(config, { holder: "kg seed" }, async (store) => {
        const summary = await seedStore(store, config.seedDir);
        const counts = await store.counts();
        io.out(`seeded ${store.name}: ${JSON.stringify(summary)}; the store holds ${counts.nodes} nodes and ${counts.relationships} relationships\n`);
      }),
  },
  migrate: {
    summary: "apply cypher/schema.cypher (constraints and indexes) to Neo4j; nothing to do for the embedded store",
    run: async (_args, config, io) => {
      if (!config.neo4j) {
        io.out("the embedded store needs no migration\n");
        return;
      }
      await withStore(config, { holder: "kg migrate" }, async () => io.out("constraints and indexes are in place\n"));
    },
  },
  counts: {
    summary: "print how many nodes and relationships the store holds",
    run: (_args, config, io) =>
      withGraph(config, io, "kg counts", async (store) => {
        io.out(`${JSON.stringify(await store.counts())}\n`);
      }),
  },
  omitted: {
    summary: "omitted <report-slug> [--format table|csv|json]: the models a report left out, and who says so",
    run: (args, config, io) => withGraph(config, io, "kg omitted", (store) => omittedCommand(args, store, io)),
  },
  generate: {
    summary: "generate --models N [--seed S] [--batch-size B]: write a deterministic synthetic graph (for load tests) into an empty store, reporting nodes+rels/s",
    run: (args, config, io) => withStore(config, { holder: "kg generate" }, (store) => generateCommand(args, store, io)),
  },
  import: {
    summary: `${IMPORT_USAGE}: read an outside dataset into the store, resolving its entities against the graph; running it again changes nothing`,
    run: (args, config, io) => runImport(args, config, io),
  },
  verify: {
    summary: "check the embedded store's files (the snapshot loads, every journal line parses and replays) and print the counts; exits 1 naming the first problem",
    run: (_args, config, io) => verifyCommand(config, io),
  },
  repair: {
    summary: "keep every whole journal line before the first damaged one and move the rest aside (graph.journal.damaged-<time>), telling how many writes",
    run: (_args, config, io) => repairCommand(config, io),
  },
  schema: {
    summary: "write the GraphQL schema the code builds to schema/schema.graphql",
    run: async (_args, _config, io) => {
      await mkdir(path.dirname(SCHEMA_FILE), { recursive: true });
      await writeFile(SCHEMA_FILE, await schemaText());
      io.out(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
    },
  },
};
