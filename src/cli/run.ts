// Runs one `kg` command; the process entry point is main.ts.
import { ConfigError, loadConfig, type Config } from "../config.js";
import { SnapshotError } from "../importers/ecosystem-graphs/import.js";
import { SnapshotFolderError } from "../importers/ecosystem-graphs/read.js";
import { SeedError } from "../seed/reader.js";
import { StoreReadOnlyError } from "../store/memory/memory-store.js";
import { StoreDamagedError } from "../store/memory/persistence.js";
import { StoreLockedError } from "../store/memory/store-lock.js";
import { StoreInputError, StoreUnavailableError } from "../store/port.js";
import { UsageError, type Io } from "./command.js";
import { COMMANDS } from "./commands.js";

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
  return (
    `usage: npm run kg -- <command> [args]\n\ncommands:\n${lines.join("\n")}\n\n` +
    "`npm run kg -- <command> --help` (or `help <command>`) tells a command's arguments; options take `--flag value` or `--flag=value`.\n" +
    "The store is Neo4j when NEO4J_URI is set, else the embedded store in KG_DATA_DIR.\n"
  );
}

const HELP = ["help", "--help", "-h"];

export async function runCli(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...args] = argv;
  if (!name || HELP.includes(name)) {
    const topic = name === "help" && args[0] !== undefined ? COMMANDS[args[0]] : undefined;
    if (topic) {
      io.out(topic.help());
      return 0;
    }
    if (name === "help" && args[0] !== undefined) {
      io.err(`unknown command '${args[0]}'\n\n${usage()}`);
      return 2;
    }
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  let config: Config | null = null;
  try {
    config = loadConfig(env);
    await command.run(args, config, io);
    return 0;
  } catch (error) {
    io.err(`kg ${name}: ${describeError(error, config?.logLevel === "debug")}\n`);
    return 1;
  }
}

/**
 * Errors the user can act on (a bad argument or setting, a store another process holds, damaged
 * files, Neo4j out of reach): their message, one line. Anything else is a bug: one line too, and
 * its stack only with LOG_LEVEL=debug.
 */
const USER_ERRORS = [UsageError, ConfigError, SeedError, SnapshotError, SnapshotFolderError, StoreLockedError, StoreDamagedError, StoreReadOnlyError, StoreUnavailableError, StoreInputError];

function describeError(error: unknown, debug: boolean): string {
  if (USER_ERRORS.some((kind) => error instanceof kind)) return (error as Error).message;
  const message = error instanceof Error ? error.message : String(error);
  if (debug) return `unexpected error: ${error instanceof Error ? error.stack : message}`;
  return `unexpected error: ${message.split("\n")[0]} (LOG_LEVEL=debug shows where)`;
}

