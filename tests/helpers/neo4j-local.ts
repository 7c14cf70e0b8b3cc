// A Neo4j of a test's own, run by tools/neo4j/neo4j-local.sh in its own run dir, on a fixed port
// and data dir, so that the test can stop it and bring the same database back.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "../../src/config.js";

const run = promisify(execFile);
const SCRIPT = path.join(PROJECT_ROOT, "tools", "neo4j", "neo4j-local.sh");
const LIB = path.join(PROJECT_ROOT, "tools", "neo4j", "target", "lib");

/** Why a local Neo4j cannot run here, or null: it needs Java and the jars `neo4j-local.sh install` fetches. */
export function localNeo4jMissing(): string | null {
  const java = spawnSync("java", ["-version"], { stdio: "ignore" });
  if (java.error || java.status !== 0) return "java is not available";
  if (!existsSync(LIB) || !readdirSync(LIB).some((f) => f.endsWith(".jar"))) return `the Neo4j jars are not installed (bash tools/neo4j/neo4j-local.sh install)`;
  return null;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export class LocalNeo4j {
  readonly runDir = mkdtempSync(path.join(os.tmpdir(), "kg-neo4j-local-"));
  readonly dataDir = path.join(this.runDir, "data");

  constructor(readonly port: number) {}

  get uri(): string {
    return `bolt://127.0.0.1:${this.port}`;
  }

  /** Starts (or restarts) the server on the same port and data dir; resolves once Bolt answers. */
  async start(): Promise<void> {
    const { stdout } = await run("bash", [SCRIPT, "start", "--port", String(this.port), "--data-dir", this.dataDir], {
      env: { ...process.env, NEO4J_LOCAL_DIR: this.runDir },
      timeout: 180_000,
    });
    const uri = stdout.trim().split("\n").at(-1)?.replace(/^NEO4J_URI=/, "");
    if (uri !== this.uri) throw new Error(`neo4j-local.sh started ${uri}, expected ${this.uri}`);
  }

  async stop(): Promise<void> {
    await run("bash", [SCRIPT, "stop"], { env: { ...process.env, NEO4J_LOCAL_DIR: this.runDir }, timeout: 90_000 });
  }

  /** Stops the server and removes its run and data dirs. */
  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.runDir, { recursive: true, force: true });
  }
}
