// `kg verify` and `kg repair`: the embedded store's files checked (read-only, beside a running
// server) and, when a journal line is damaged, the lines from it on set aside so the store opens.
import path from "node:path";
import type { Config } from "../config.js";
import { MemoryStore } from "../store/memory/memory-store.js";
import { lockHolderOf, lockIsLive } from "../store/memory/store-lock.js";
import { StoreDamagedError } from "../store/memory/persistence.js";
import { defineCommand, UsageError, type Io } from "./command.js";

function embeddedOnly(config: Config, command: string): void {
  if (config.neo4j) {
    throw new UsageError(`${command} checks the embedded store's files (KG_DATA_DIR); NEO4J_URI is set, and Neo4j checks its own (neo4j-admin database check)`);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

async function verify(config: Config, io: Io): Promise<void> {
  embeddedOnly(config, "kg verify");
  const dir = config.dataDir;
  io.out(`checking the embedded store in ${dir}\n`);
  const lock = await lockHolderOf(dir);
  if (lock) io.out(`lock: ${lockIsLive(dir, lock) ? `held by ${lock.holder} (pid ${lock.pid})` : `stale (left by ${lock.holder}, pid ${lock.pid}, which is gone; the next writer takes it over)`}\n`);
  const report = await MemoryStore.inspect(dir);
  io.out(report.snapshot ? `snapshot: loads, ${report.snapshot.nodes} nodes and ${report.snapshot.relationships} relationships\n` : "snapshot: none yet\n");
  io.out(`journal: ${plural(report.journalLines, "whole line")}, ${report.replayed} replay\n`);
  if (report.tornBytes > 0) {
    io.out(`journal: a torn last line of ${report.tornBytes} bytes (a write cut short by a crash, never acknowledged); the next writer drops it\n`);
  }
  io.out(`the store holds ${report.counts.nodes} nodes and ${report.counts.relationships} relationships${report.damage ? " as far as the journal replays" : ""}\n`);
  const damage = report.damage;
  if (damage) {
    throw new UsageError(
      `the journal ${damage.journal} is damaged at line ${damage.line} (${damage.reason}); the ${plural(damage.line - 1, "write")} before it are whole. ` +
        `\`npm run kg -- repair\` keeps them and sets aside the ${plural(damage.setAside, "line")} from line ${damage.line} on`,
    );
  }
  io.out("ok\n");
}

async function repair(config: Config, io: Io): Promise<void> {
  embeddedOnly(config, "kg repair");
  const result = await MemoryStore.repair(config.dataDir, "kg repair").catch((error: unknown) => {
    if (error instanceof StoreDamagedError) throw new StoreDamagedError(`${error.message}; kg repair mends the journal, not the snapshot: restore graph.json from a backup`);
    throw error;
  });
  if (!result.damage) {
    io.out(`nothing to repair: every journal line in ${config.dataDir} replays; the store holds ${result.counts.nodes} nodes and ${result.counts.relationships} relationships\n`);
    return;
  }
  io.out(
    `set aside ${plural(result.setAside, "write")} (journal line ${result.damage.line} on: ${result.damage.reason}) in ${path.basename(result.file!)}; ` +
      `kept the ${plural(result.damage.line - 1, "write")} before it; the store holds ${result.counts.nodes} nodes and ${result.counts.relationships} relationships\n`,
  );
}

export const verifyCommand = defineCommand({
  name: "verify",
  summary: "check the embedded store's files (the snapshot loads, every journal line parses and replays) and print the counts; exits 1 naming the first problem",
  run: (_args, config, io) => verify(config, io),
});

export const repairCommand = defineCommand({
  name: "repair",
  summary: "keep every whole journal line before the first damaged one and move the rest aside (graph.journal.damaged-<time>), telling how many writes",
  run: (_args, config, io) => repair(config, io),
});
