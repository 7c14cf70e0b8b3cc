// The example scripts of examples/scripts/ against a server started here.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { omittedModels, toCsv } from "../../examples/scripts/omitted-models.js";
import { PROJECT_ROOT } from "../../src/config.js";
import { createApp, type App } from "../../src/server/app.js";
import { createLogger } from "../../src/server/logger.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { seedStore } from "../../src/store/open-store.js";
import { config } from "../helpers/stores.js";

const run = promisify(execFile);

describe("examples/scripts", () => {
  let app: App;
  let graphqlUrl: string;
  beforeAll(async () => {
    const store = await MemoryStore.open(null);
    await seedStore(store, config.seedDir);
    app = await createApp({ store, logger: createLogger("silent"), publicDir: config.publicDir });
    graphqlUrl = `${await app.listen(0, "127.0.0.1")}/graphql`;
  });
  afterAll(() => app.close());

  it("omitted-models.ts asks the API and prints the omitted models as CSV", async () => {
    const rows = await omittedModels(graphqlUrl, "ai-index-2024");
    expect(rows.map((r) => r.slug)).toEqual(["exaone-2-0", "hyperclova-x", "konan-llm", "samsung-gauss", "varco"]);
    const csv = toCsv(rows).split("\n");
    expect(csv[0]).toBe("slug,name,organization,country,basis,claimed_by");
    expect(csv[1]).toMatch(/^exaone-2-0,EXAONE 2\.0,LG AI Research,KR,CLAIMED,/);
    // The ministry's statement has no title of its own: its description names it.
    expect(csv[1]).toContain("explanatory statement (설명자료)");
    await expect(omittedModels(graphqlUrl, "nope")).rejects.toThrow("no report 'nope'");
  });

  it("omitted-models.sh asks the API with curl", async () => {
    const script = path.join(PROJECT_ROOT, "examples", "scripts", "omitted-models.sh");
    const { stdout } = await run("bash", [script, "ai-index-2024"], { env: { ...process.env, KG_URL: graphqlUrl } });
    for (const slug of ["exaone-2-0", "hyperclova-x", "konan-llm", "samsung-gauss", "varco"]) expect(stdout).toContain(slug);
    expect(stdout).toContain("CLAIMED");
    await expect(run("bash", [script, "bad slug!"], { env: { ...process.env, KG_URL: graphqlUrl } })).rejects.toMatchObject({ code: 2 });
  });
});
