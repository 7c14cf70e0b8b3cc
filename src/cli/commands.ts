// The commands of `npm run kg -- <command>`, one function each, against the configured store.
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { PROJECT_ROOT, type Config } from "../config.js";
import { getSchema } from "../graphql/schema.js";
import { openStore, seedStore } from "../store/open-store.js";
import { IMPORT_USAGE, runImport } from "./import.js";
import type { GraphStore } from "../store/port.js";
import { generateCommand } from "./generate.js";
import { omittedCommand } from "./omitted.js";

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

/** Opens the configured store for `work` and closes it after, whatever happens. */
export async function withStore<T>(config: Config, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export const COMMANDS: Record<string, { summary: string; run: (args: string[], config: Config, io: Io) => Promise<void> }> = {
  seed: {
    summary: "write the seed graph (seed/*.json) into the store; running it again changes nothing",
    run: (_args, config, io) =>
      withStore(config, async (store) => {
        const summary = await seedStore(store, config.seedDir);
        const counts = await store.counts();
        io.out(`seeded ${store.name}: ${JSON.stringify(summary)}; the store holds ${counts.nodes} nodes and ${counts.relationships} relationships\n`);
      }),
  },
  migrate: {
    summary: "apply cypher/schema.cypher (constraints and indexes) to Neo4j; nothing to do for the embedded store",
    run: (_args, config, io) =>
      withStore(config, async (store) => {
        io.out(store.name === "neo4j" ? "constraints and indexes are in place\n" : "the embedded store needs no migration\n");
      }),
  },
  counts: {
    summary: "print how many nodes and relationships the store holds",
    run: (_args, config, io) =>
      withStore(config, async (store) => {
        io.out(`${JSON.stringify(await store.counts())}\n`);
      }),
  },
  omitted: {
    summary: "omitted <report-slug> [--format table|csv|json]: the models a report left out, and who says so",
    run: (args, config, io) => withStore(config, (store) => omittedCommand(args, store, io)),
  },
  generate: {
    summary: "generate --models N [--seed S] [--batch-size B]: write a deterministic synthetic graph (for load tests), reporting nodes+rels/s",
    run: (args, config, io) => withStore(config, (store) => generateCommand(args, store, io)),
  },
  import: {
    summary: `${IMPORT_USAGE}: read an outside dataset into the store, resolving its entities against the graph; running it again changes nothing`,
    run: (args, config, io) => runImport(args, config, io),
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
