// Says once, up front, whether the Neo4j suites run.
export default function setup(): void {
  if (process.env.NEO4J_URI) console.log(`Neo4j suites: running against ${process.env.NEO4J_URI}`);
  else console.log("Neo4j suites: skipped (NEO4J_URI is not set; see README, 'Running on Neo4j')");
}
