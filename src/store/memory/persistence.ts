// Durable file for the embedded store: the whole graph as JSON, replaced by write-and-rename so a
// crash leaves either the old file or the new one, never half of one.
import { mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { SerializedGraph } from "graphology-types";

const FILE = "graph.json";

export async function readGraphFile(dir: string): Promise<SerializedGraph | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, FILE), "utf8")) as SerializedGraph;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`cannot read the embedded store at ${path.join(dir, FILE)}: ${(error as Error).message}`);
  }
}

export async function writeGraphFile(dir: string, graph: SerializedGraph): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, FILE);
  const temp = `${target}.${process.pid}.tmp`;
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(JSON.stringify(graph));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, target);
}
