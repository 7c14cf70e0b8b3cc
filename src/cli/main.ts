// Entry point of `npm run kg -- <command> [args]`.
import "reflect-metadata";
import type { Io } from "./command.js";
import { runCli } from "./run.js";

const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), isTTY: Boolean(process.stdout.isTTY), errIsTTY: Boolean(process.stderr.isTTY) };
process.exitCode = await runCli(process.argv.slice(2), io);
