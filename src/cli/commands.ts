// The commands of `npm run kg -- <command>`, by name. A command is one defineCommand declaration in
// its own file (src/cli/<name>.ts), listed here once.
import type { Command } from "./command.js";
import { countsCommand } from "./counts.js";
import { generateCommand } from "./generate.js";
import { importCommand } from "./import.js";
import { migrateCommand } from "./migrate.js";
import { omittedCommand } from "./omitted.js";
import { schemaCommand } from "./schema.js";
import { seedCommand } from "./seed.js";
import { statsCommand } from "./stats.js";
import { repairCommand, verifyCommand } from "./verify.js";

const ALL: Command[] = [seedCommand, migrateCommand, countsCommand, omittedCommand, statsCommand, generateCommand, importCommand, verifyCommand, repairCommand, schemaCommand];

export const COMMANDS: Readonly<Record<string, Command>> = Object.fromEntries(ALL.map((command) => [command.name, command]));
