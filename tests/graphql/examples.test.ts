// Runs every example operation of examples/queries/ against every store: each must answer without
// errors and with data.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import type { GraphStore } from "../../src/store/port.js";
import { execute } from "../helpers/graphql.js";
import { openSeeded, STORE_CASES } from "../helpers/stores.js";

const dir = path.join(PROJECT_ROOT, "examples", "queries");
const examples = readdirSync(dir)
  .filter((f) => f.endsWith(".graphql"))
  .map((f) => [f, readFileSync(path.join(dir, f), "utf8")] as const);

function hasValues(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === "object") return Object.values(value).every(hasValues);
  return true;
}

describe.each(STORE_CASES)("examples/queries [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
  });
  afterAll(() => store.close());

  it("has examples for each kind of user", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)("%s answers without errors, and no list in it comes back empty", async (_file, text) => {
    const result = await execute(store, text);
    expect(result.errors).toBeUndefined();
    expect(result.data).not.toBeNull();
    const top = Object.values(result.data!);
    expect(top.every((v) => v !== null)).toBe(true);
    expect(top.some(hasValues)).toBe(true);
  });
});
