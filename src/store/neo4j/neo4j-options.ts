// How to reach Neo4j and how patiently, as src/config.ts fills it in from the environment; a module
// of its own (importing nothing) so that the config and the adapter both use it without a cycle
// and without the config loading neo4j-driver.

/** How long Neo4j calls retry transient and connection errors by default, in ms (NEO4J_MAX_RETRY_MS). */
export const DEFAULT_MAX_RETRY_MS = 1_000;

export interface Neo4jOptions {
  uri: string;
  user: string | null;
  password: string | null;
  database: string | null;
  /** Server-side limit of one transaction, in ms. */
  transactionTimeoutMs: number;
  /** How long a call may wait for a connection before the store counts as down, in ms. */
  connectTimeoutMs: number;
  /** Whether concurrent requests' keyed reads of the same query share one query (NEO4J_COALESCE_READS; default true; read-batcher.ts). */
  coalesceReads?: boolean;
  /**
   * How long the driver retries a transaction that failed with a transient or connection error,
   * in ms (NEO4J_MAX_RETRY_MS; default 1000). Its back-off doubles from 1 s, so a call meeting an outage answers after
   * about this plus the next delay: 1 s here keeps that near 2 s (3 s gave up to 8.5 s).
   */
  maxRetryMs?: number;
}
