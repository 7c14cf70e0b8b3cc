// examples/scripts/model_stats.py (Python, standard library) against a server started here, when
// python3 is present: grouped statistics into CSV, one row per group of the store's modelStats.
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { importEcosystemGraphs } from "../../src/importers/ecosystem-graphs/import.js";
import { createApp, type App } from "../../src/server/app.js";
import { createLogger } from "../../src/server/logger.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import { ECOSYSTEM_GRAPHS_SHIPPED } from "../helpers/epoch-ai.js";
import { config } from "../helpers/stores.js";

const run = promisify(execFile);
const SCRIPT = path.join(PROJECT_ROOT, "examples", "scripts", "model_stats.py");
const EG = "ecosystem-graphs-2025-01-24";

function has(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const hasPython = has("python3", ["--version"]);
const hasPandas = hasPython && has("python3", ["-c", "import pandas"]);
if (!hasPython) console.log("examples/scripts/model_stats.py: skipped (no python3)");

describe.skipIf(!hasPython)("examples/scripts/model_stats.py", () => {
  let app: App;
  let store: MemoryStore;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    store = await MemoryStore.open(null);
    await seedStore(store, config.seedDir);
    await importEcosystemGraphs(store, ECOSYSTEM_GRAPHS_SHIPPED);
    app = await createApp({ store, logger: createLogger("silent"), publicDir: config.publicDir });
    env = { ...process.env, KG_URL: `${await app.listen(0, "127.0.0.1")}/graphql`, PYTHONDONTWRITEBYTECODE: "1" };
  }, 120_000);
  afterAll(() => app.close());

  it("writes a CSV header and one row per group, every page, as the store groups them", async () => {
    const filter = { releasedYear: 2023, listedBy: EG };
    const { stdout } = await run("python3", [SCRIPT, "--group-by", "COUNTRY,ORGANIZATION", "--filter", JSON.stringify(filter)], { env });
    const [header, ...rows] = parse(stdout) as string[][];
    expect(header.slice(0, 3)).toEqual(["country", "organization", "count"]);
    const expected = await store.modelStats({ filter, groupBy: ["COUNTRY", "ORGANIZATION"], order: "COUNT_DESC" }, { after: null, limit: 10_000 });
    // More groups than one page of 100: the script follows the cursors.
    expect(expected.totalCount).toBeGreaterThan(100);
    expect(rows.map((r) => [r[0] || null, r[1] || null, Number(r[2])])).toEqual(expected.items.map((g) => [g.key[0], g.key[1], g.count]));
  });

  it("says the API's error in one line and exits 1", async () => {
    await expect(run("python3", [SCRIPT, "--group-by", "COUNTRY", "--filter", '{"releasedYear": 3000}'], { env })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("releasedYear must be from") });
  });

  it.runIf(hasPandas)("prints a pandas DataFrame with --dataframe", async () => {
    const { stdout } = await run("python3", [SCRIPT, "--group-by", "YEAR", "--order", "KEY", "--dataframe"], { env });
    expect(stdout.split("\n")[0]).toMatch(/year\s+count/);
  });

  // `python3 -S` leaves site-packages out, so pandas is missing there even where it is installed.
  it("says that --dataframe needs pandas when it is not installed", async () => {
    await expect(run("python3", ["-S", SCRIPT, "--group-by", "YEAR", "--dataframe"], { env })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("needs pandas") });
  });
});
