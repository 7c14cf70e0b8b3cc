// Runs one `kg` command; the process entry point is main.ts.
import { ConfigError, loadConfig } from "../config.js";
import { SeedError } from "../seed/reader.js";
import { COMMANDS, UsageError, type Io } from "./commands.js";

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: npm run kg -- <command> [args]\n\ncommands:\n${lines.join("\n")}\n\nThe store is Neo4j when NEO4J_URI is set, else the embedded store in KG_DATA_DIR.\n`;
}

export async function runCli(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help") {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    await command.run(args, loadConfig(env), io);
    return 0;
  } catch (error) {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof SeedError;
    io.err(`kg ${name}: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
    return 1;
  }
}

