// Tests that need real processes (a second writer, a signal, a crash) run the built code in dist/:
// it is rebuilt with tsc when a source file is newer than it, so a test never runs stale code.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "../../src/config.js";

const run = promisify(execFile);
export const CLI = path.join(PROJECT_ROOT, "dist", "src", "cli", "main.js");
export const SERVER = path.join(PROJECT_ROOT, "dist", "src", "server", "main.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function builtAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds dist/ (tsc, as `npm run build` does, without the web pages) if src/ changed since. */
export async function ensureBuilt(): Promise<void> {
  const built = Math.min(builtAt(CLI), builtAt(SERVER));
  if (newestMtime(path.join(PROJECT_ROOT, "src")) < built) return;
  await run(process.execPath, [path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: PROJECT_ROOT });
}

/**
 * The environment of a child process: the embedded store in `dataDir`, seeded with the seed graph
 * alone (KG_SEED_DATASETS=false: these tests are about processes, not the datasets), unless `extra`
 * says otherwise.
 */
export function childEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, TZ: "UTC", NEO4J_URI: "", KG_DATA_DIR: dataDir, LOG_LEVEL: "info", KG_SEED_DATASETS: "false", ...extra };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `kg <args>` in a child process to the end. */
export function kg(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return finished(spawn(process.execPath, [CLI, ...args], { env, cwd: PROJECT_ROOT }));
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += d));
  child.stderr?.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Resolves when the process has exited, with what it wrote. */
  exit: Promise<Finished>;
}

/** Starts `npm start`'s entry point on a free port and waits until it serves. */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER], { env: { ...env, PORT: "0", HOST: "127.0.0.1" }, cwd: PROJECT_ROOT });
  const exit = finished(child);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    child.stderr!.on("data", (d) => {
      seen += d;
      const m = /"graphql":"(http:\/\/[^"]+)\/graphql"/.exec(seen);
      if (m) resolve(m[1]);
    });
    void exit.then((f) => reject(new Error(`the server exited (${f.code ?? f.signal}) before serving: ${f.stderr}`)));
  });
  return { child, url, exit };
}
