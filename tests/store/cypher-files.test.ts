import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { bare, CypherFiles } from "../../src/store/neo4j/cypher-files.js";

describe("the Cypher sent to Neo4j", () => {
  it("is the text without comment lines, blank lines and indentation", () => {
    const text = "// what it does\nUNWIND $keys AS key\n\n  // why\n  MATCH (n {slug: key}) // kept: not a comment line\n  RETURN n.name AS name // '//' in a string stays\n";
    expect(bare(text)).toBe("UNWIND $keys AS key\nMATCH (n {slug: key}) // kept: not a comment line\nRETURN n.name AS name // '//' in a string stays");
  });

  it("keeps every query of cypher/ and drops only its comments", () => {
    const dir = loadConfig({}).cypherDir;
    const files = new CypherFiles(dir);
    const names = readdirSync(path.join(dir, "related")).map((file) => `related/${file.replace(/\.cypher$/, "")}`);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const sent = files.get(name);
      expect(sent.split("\n").some((line) => line.startsWith("//") || line !== line.trim()), name).toBe(false);
      expect(sent, name).toMatch(/^UNWIND \$keys AS key\n/);
      expect(sent, name).toMatch(/\nRETURN key, total, /);
    }
  });
});
