import { CypherFiles } from "/work/wt-projection/dist/src/store/neo4j/cypher-files.js";
const c = new CypherFiles("/work/wt-projection/cypher");
for (const n of ["related/organization-models", "related/country-organizations", "entity/list", "related/report-in-scope-omissions", "related/model-developers"]) {
  const t = c.get(n);
  const stripped = t.split("\n").filter((l) => !/^\s*\/\//.test(l)).map((l) => l.trim()).join("\n");
  console.log(n, t.length, "->", stripped.length);
}
