// How a benchmark script ends on an error: a bad argument (the CLI's UsageError) in its own words,
// anything else with its stack, to be looked into.
import { UsageError } from "../src/cli/command.js";

/** Prints `error` after `script`'s name and exits 1. */
export function exitOnFailure(script: string): (error: unknown) => never {
  return (error) => {
    process.stderr.write(`${script}: ${error instanceof UsageError ? error.message : String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  };
}
