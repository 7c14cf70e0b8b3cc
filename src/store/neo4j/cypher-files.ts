// Loads the Cypher of cypher/*.cypher once at start, failing fast when a file is missing. A line
// `// #include <fragment> [$param.path]` pastes cypher/fragments/<fragment>.cypher (whose own
// includes are expanded too), with `$filter` rewritten to the given parameter path when one is named.
// What is sent to Neo4j is the text without its comment lines and indentation: every query carries
// its whole text in each RUN message, and the commented text of a relation page (about 1.5 KB) took
// two of the driver's 1,400-byte chunks, two socket writes, where the bare text (about 1 KB) takes
// one.
import { readFileSync } from "node:fs";
import path from "node:path";

const INCLUDE = /^\/\/ #include ([a-z-]+)(?: (\$[A-Za-z.]+))?$/gm;

export class CypherFiles {
  private readonly cache = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** The text of cypher/<name>.cypher with its includes expanded. */
  get(name: string): string {
    let text = this.cache.get(name);
    if (text === undefined) {
      text = bare(this.expand(this.read(name), 0));
      this.cache.set(name, text);
    }
    return text;
  }

  private expand(text: string, depth: number): string {
    if (depth > 5) throw new Error("Cypher includes nest too deep (a cycle?)");
    return text.replace(INCLUDE, (_line, fragment: string, param?: string) => {
      // Its comment lines go with everyone else's (bare, in get()).
      const body = this.expand(this.read(`fragments/${fragment}`), depth + 1);
      return param ? body.replaceAll("$filter", param) : body;
    });
  }

  /** Reads every named file now, so that a missing one stops the start, not a later request. */
  preload(names: readonly string[]): void {
    for (const name of names) this.get(name);
  }

  private read(name: string): string {
    const file = path.join(this.root, `${name}.cypher`);
    try {
      return readFileSync(file, "utf8");
    } catch {
      throw new Error(`missing Cypher file ${file}`);
    }
  }
}

/** `text` without its comment lines, blank lines and indentation: the same query, fewer bytes. */
export function bare(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("//"))
    .join("\n");
}

/** Splits a file of several statements (schema.cypher, as get() gives it: without comments) at semicolons that end a line. */
export function statements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
