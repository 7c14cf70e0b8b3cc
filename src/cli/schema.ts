// `kg schema`: the GraphQL schema the code builds, written to the checked-in schema/schema.graphql.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { PROJECT_ROOT } from "../config.js";
import { getSchema } from "../graphql/schema.js";
import { defineCommand } from "./command.js";

export const SCHEMA_FILE = path.join(PROJECT_ROOT, "schema", "schema.graphql");

/** The SDL the code builds, sorted so that the checked-in file diffs cleanly. */
export async function schemaText(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}

export const schemaCommand = defineCommand({
  name: "schema",
  summary: "write the GraphQL schema the code builds to schema/schema.graphql",
  run: async (_args, _config, io) => {
    await mkdir(path.dirname(SCHEMA_FILE), { recursive: true });
    await writeFile(SCHEMA_FILE, await schemaText());
    io.out(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
  },
});
