// schema/schema.graphql is generated from the code and checked in; this fails when it is stale.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SCHEMA_FILE, schemaText } from "../../src/cli/schema.js";

it("schema/schema.graphql matches the schema the code builds (run `npm run build && npm run kg -- schema`)", async () => {
  expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(await schemaText());
});
