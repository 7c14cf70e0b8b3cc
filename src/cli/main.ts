// Entry point of `npm run kg -- <command> [args]`.
import "reflect-metadata";
import { ConfigError, loadConfig } from "../config.js";
import { SeedError } from "../seed/reader.js";
import { COMMANDS, UsageError, type Io } from "./commands.js";

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: npm run kg -- <command> [args]\n\ncommands:\n${lines.join("\n")}\n\nThe store is Neo4j when NEO4J_URI is set, else the embedded store in KG_DATA_DIR.\n`;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
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
    await command.run(args, loadConfig(), io);
    return 0;
  } catch (error) {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof SeedError;
    io.err(`kg ${name}: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
    return 1;
  }
}

const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), isTTY: Boolean(process.stdout.isTTY), errIsTTY: Boolean(process.stderr.isTTY) };
process.exitCode = await runCli(process.argv.slice(2), io);
