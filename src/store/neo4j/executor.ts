// The one module that speaks to neo4j-driver: managed transactions, parameter and result
// conversion at the boundary, and driver errors turned into the store's errors.
import neo4j, { isInt, type Driver, type Record as Neo4jRecord } from "neo4j-driver";
import type { NodeRecord, Properties, PropertyValue } from "../../domain/graph.js";
import type { NodeKind } from "../../domain/kinds.js";
import { StoreTimeoutError, StoreUnavailableError } from "../port.js";
import { DEFAULT_MAX_RETRY_MS, type Neo4jOptions } from "./neo4j-options.js";

/** Fields sent as Neo4j integers (the driver would otherwise send JS numbers as floats). */
const INTEGER_PROPERTIES = new Set(["year", "rank", "order", "limit", "releasedYear"]);
/** Properties stored as Neo4j dates; they travel as ISO strings everywhere else. */
const DATE_PROPERTIES = new Set(["releaseDate", "date", "scopeReleasedFrom", "scopeReleasedTo", "releasedAfter", "releasedBefore"]);
/** Properties the adapter adds for Neo4j's sake, which are not part of a node's record. */
const STORE_PROPERTIES = new Set(["uid", "kind", "slug", "code", "searchText", "searchWords"]);

/** Whether Neo4j holds `name` for the store itself (the uid, kind, key, search text), not as a property of the record. */
export function isStoreProperty(name: string): boolean {
  return STORE_PROPERTIES.has(name);
}
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Converts a parameter value for Neo4j, field by field (integers, dates), recursively. */
export function toNeo4j(value: unknown, field = ""): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => toNeo4j(v, field));
  if (typeof value === "number" && INTEGER_PROPERTIES.has(field) && Number.isInteger(value)) return neo4j.int(value);
  if (typeof value === "string" && DATE_PROPERTIES.has(field)) {
    const m = ISO_DATE.exec(value);
    if (m) return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (typeof value === "object" && !isInt(value)) {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toNeo4j(v, k)]));
  }
  return value;
}

/** Converts a value read from Neo4j into plain JS: integers to numbers, dates to ISO strings. */
export function fromNeo4j(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: answer them first. Loops, not entries/map/fromEntries: a
  // page of related models is thousands of values, and this ran at 14 ms of a 64 ms read (Q2 at L).
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = fromNeo4j(value[i]);
    return out;
  }
  if (isInt(value)) return value.toNumber();
  if (neo4j.isDate(value)) return String(value);
  if (neo4j.isNode(value)) return nodeRecord(value as neo4j.Node);
  if (neo4j.isRelationship(value)) return propsOf((value as neo4j.Relationship).properties);
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = fromNeo4j((value as Record<string, unknown>)[k]);
  return out;
}

function propsOf(properties: Record<string, unknown>): Properties {
  const props: Properties = {};
  for (const k in properties) {
    if (!STORE_PROPERTIES.has(k)) props[k] = fromNeo4j(properties[k]) as PropertyValue;
  }
  return props;
}

/**
 * A node's record from its properties as a query returned them (`properties(n)`, converted by
 * fromNeo4j). Related pages return maps, not nodes: a node also carries its element id, labels and
 * identity, which the driver decodes for nothing (Q2 at 100k models: 15 % of the read).
 */
export function recordOfProperties(p: Record<string, unknown>): NodeRecord {
  const props: Properties = {};
  for (const k in p) {
    if (!STORE_PROPERTIES.has(k)) props[k] = p[k] as PropertyValue;
  }
  return { kind: p.kind as NodeKind, key: String(p.code ?? p.slug), props };
}

function nodeRecord(node: neo4j.Node): NodeRecord {
  return recordOfProperties(fromNeo4j(node.properties) as Record<string, unknown>);
}

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"]);

/** Neo4j's codes for a transaction stopped at its timeout (the client's `timeout`, or the server's own). */
const TIMED_OUT_CODES = new Set(["Neo.ClientError.Transaction.TransactionTimedOut", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"]);

function isTimedOut(error: unknown): boolean {
  return TIMED_OUT_CODES.has((error as { code?: string }).code ?? "");
}

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return UNAVAILABLE_CODES.has(code) || /connect|ECONNREFUSED|ECONNRESET|acquisition timed out|Pool is closed/i.test(String((error as Error).message));
}

export class Executor {
  private readonly driver: Driver;
  /**
   * Set once a call found Neo4j unreachable. While set, a call first probes (one probe shared by
   * all waiting calls) and fails at once if Neo4j is still gone: without this, every request of
   * an outage would spend the driver's whole retry budget (3-7 s) before answering 503.
   */
  private down = false;
  private probe: Promise<boolean> | null = null;

  /**
   * @param readinessQuery the read that says Neo4j serves (cypher/health/ready.cypher): ping() and
   * the probe of an outage run it, so the store counts as up only when reads succeed, not when the
   * port opens. Without one (tools that only write), they check the connection only.
   */
  constructor(
    private readonly options: Neo4jOptions,
    private readonly readinessQuery: string | null = null,
  ) {
    const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? "") : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      connectionTimeout: options.connectTimeoutMs,
      connectionAcquisitionTimeout: options.connectTimeoutMs,
      maxTransactionRetryTime: options.maxRetryMs ?? DEFAULT_MAX_RETRY_MS,
      disableLosslessIntegers: false,
      notificationFilter: { minimumSeverityLevel: "OFF" },
    });
  }

  /**
   * Runs one read query and returns its records as plain objects. An auto-commit transaction: one
   * round trip (RUN + PULL) where a managed one takes two (then COMMIT), which doubled the reads a
   * request can make per second (docs/benchmarks.md). It retries what a managed transaction would
   * retry (transient and unavailable errors) for up to maxRetryMs, as the driver does for writes.
   */
  async read(cypher: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
    await this.failFastWhileDown();
    const started = Date.now();
    const retryMs = this.options.maxRetryMs ?? DEFAULT_MAX_RETRY_MS;
    const parameters = toNeo4j(params) as Record<string, unknown>;
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({ database: this.options.database ?? undefined, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(cypher, parameters, { timeout: this.options.transactionTimeoutMs });
        return result.records.map(plain);
      } catch (error) {
        if (!neo4j.isRetryableError(error) || Date.now() - started >= retryMs) throw this.translate(error);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
    }
  }

  /** Runs write queries in ONE managed transaction; `work` gets a runner for each statement. */
  async write<T>(work: (run: (cypher: string, params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>) => Promise<T>): Promise<T> {
    await this.failFastWhileDown();
    const session = this.driver.session({ database: this.options.database ?? undefined, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) => work(async (cypher, params) => (await tx.run(cypher, toNeo4j(params) as Record<string, unknown>)).records.map(plain)),
        { timeout: this.options.transactionTimeoutMs },
      );
    } catch (error) {
      throw this.translate(error);
    } finally {
      await session.close();
    }
  }

  /** Schema statements (constraints, indexes) run one by one in auto-commit transactions. */
  async runSchema(statementsToRun: readonly string[]): Promise<void> {
    const session = this.driver.session({ database: this.options.database ?? undefined });
    try {
      for (const statement of statementsToRun) await session.run(statement);
    } catch (error) {
      throw this.translate(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs the readiness query once (an auto-commit read, as every read, with the same connection and
   * transaction timeouts; no retry, so an outage answers at once). After a restart the Bolt port
   * opens seconds before the database serves reads (outage.test.ts measures the gap).
   */
  async ping(): Promise<void> {
    try {
      if (this.readinessQuery) {
        const session = this.driver.session({ database: this.options.database ?? undefined, defaultAccessMode: neo4j.session.READ });
        try {
          await session.run(this.readinessQuery, {}, { timeout: this.options.transactionTimeoutMs });
        } finally {
          await session.close();
        }
      } else {
        await this.driver.verifyConnectivity({ database: this.options.database ?? undefined });
      }
      this.down = false;
    } catch (error) {
      this.down = true;
      throw new StoreUnavailableError(`Neo4j at ${this.options.uri} is not reachable`, { cause: error });
    }
  }

  /**
   * While Neo4j is known to be down: a refused connection answers the probe in milliseconds, an
   * unreachable host within the connection timeout; the first probe that succeeds ends the outage.
   */
  private async failFastWhileDown(): Promise<void> {
    if (!this.down) return;
    this.probe ??= this.ping()
      .then(() => true, () => false)
      .finally(() => {
        this.probe = null;
      });
    if (!(await this.probe)) throw new StoreUnavailableError(`Neo4j at ${this.options.uri} is not reachable`);
  }

  private translate(error: unknown): Error {
    if (error instanceof StoreUnavailableError) return error;
    // Not an outage: Neo4j is up, this one transaction was too slow.
    if (isTimedOut(error)) return new StoreTimeoutError(this.options.transactionTimeoutMs, { cause: error });
    if (isUnavailable(error)) {
      this.down = true;
      return new StoreUnavailableError(`Neo4j at ${this.options.uri} is not reachable`, { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

function plain(record: Neo4jRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = record.keys;
  for (let i = 0; i < keys.length; i++) out[String(keys[i])] = fromNeo4j(record.get(i));
  return out;
}
