// Several keyed reads as ONE Cypher query. The reads a turn of the event loop gathers (read-batcher.ts:
// a request's fields of one level, and every concurrent request's) went to Neo4j as one query each,
// and each query has a fixed cost on both sides: a session, a RUN and PULL written to the socket, a
// result to decode, a transaction in Neo4j. For Q1 (four reads a request) that fixed cost was most
// of the work: four queries cost the API about 0.5-0.9 ms of CPU and Neo4j 0.8-1.1 ms per request,
// the same four as one query 0.16-0.21 and 0.28-0.37 ms (docs/benchmarks.md).
//
// Each read keeps its own text: `RETURN COLLECT { CALL () { <read> } RETURN [<its columns>] } AS r0, ...`,
// its parameters renamed `$p0_keys`, ... so that the reads cannot see each other's. Neo4j caches a
// plan per query text, so a new combination of reads costs one planning; how many combinations
// are fused at all is bounded (FusedTexts), so that mixed traffic cannot fill Neo4j's query cache.
// Nothing here knows the driver: executor.ts converts the values and runs the text.

/** One keyed read as the executor runs it: its text, its parameters, and the columns of its final RETURN. */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
  /** Null: the read is not fused (its text ends in no plain RETURN; returnColumns). */
  columns: readonly string[] | null;
}

/**
 * Most reads in one fused query: the rest go to another, which Neo4j runs beside it. Neo4j's
 * planning grows faster than the text: about 0.5 s for one relation page, 1 s for four, 3.4 s for
 * eight, on a busy 2-core machine (docs/benchmarks.md).
 */
export const MAX_FUSED_READS = 4;

/** Most combinations of reads kept (counted, warming or fused); others run as separate queries (see above). */
export const MAX_FUSED_TEXTS = 256;

/** How many times a combination runs as separate queries before it is fused. */
export const FUSE_AFTER = 2;

const PARAMETER = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The columns a query returns, from its last line (`RETURN key, total, size(w) > $limit AS more`):
 * each term's alias, or the term itself when it is a variable. Null when the last line is not such
 * a RETURN: that query is never fused.
 */
export function returnColumns(text: string): string[] | null {
  const last = text.trimEnd().split("\n").pop() ?? "";
  if (!last.startsWith("RETURN ") || /\b(ORDER BY|SKIP|LIMIT|DISTINCT)\b/.test(last)) return null;
  const terms: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = "RETURN ".length;
  for (let i = start; i < last.length; i++) {
    const c = last[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      terms.push(last.slice(start, i).trim());
      start = i + 1;
    }
  }
  terms.push(last.slice(start).trim());
  const columns = terms.map((term) => /\sAS\s+([A-Za-z_][A-Za-z0-9_]*)$/.exec(term)?.[1] ?? (IDENTIFIER.test(term) ? term : null));
  return columns.every((c): c is string => c !== null) ? columns : null;
}

/** The parameter names of read `index` in a fused query. */
function renamed(index: number, name: string): string {
  return `p${index}_${name}`;
}

type Combination = { seen: number; text: string | null; state: "counting" | "warming" | "ready" | "never" };

/**
 * The combinations of reads met so far, and when each may be fused. A new combination first runs
 * as separate queries, whose plans Neo4j has; when it has run FUSE_AFTER times, its fused text is
 * planned once in the background (`warm`: one run of the fused query, its answer dropped; one
 * combination at a time), and from then on it is fused. A combination whose fused query failed is never fused again, and at
 * most MAX_FUSED_TEXTS combinations are kept, so that rare combinations never cost a planning
 * and mixed traffic cannot fill Neo4j's query cache.
 */
export class FusedTexts {
  private readonly ids = new Map<string, number>();
  private readonly combinations = new Map<string, Combination>();
  private warming = false;

  constructor(
    private readonly warm: (text: string, statements: readonly Statement[]) => Promise<void>,
    private readonly capacity = MAX_FUSED_TEXTS,
    private readonly fuseAfter = FUSE_AFTER,
  ) {}

  /**
   * The one query for `statements` when their combination may be fused, else null (run them
   * separately). Its parameters are `fusedParams`; its record's `r<i>` holds statement i's rows.
   */
  textOf(statements: readonly Statement[]): string | null {
    if (statements.length < 2 || statements.some((s) => s.columns === null)) return null;
    const key = statements.map((s) => this.idOf(s.cypher)).join(",");
    let combination = this.combinations.get(key);
    if (!combination) {
      if (this.combinations.size >= this.capacity) return null;
      combination = { seen: 0, text: null, state: "counting" };
      this.combinations.set(key, combination);
    }
    if (combination.state === "ready") return combination.text;
    if (combination.state === "counting" && ++combination.seen >= this.fuseAfter && !this.warming) {
      // One planning at a time: a burst of new combinations (a server's first requests) would
      // otherwise plan side by side, each slower than the query time limit.
      this.warming = true;
      combination.state = "warming";
      const text = fusedText(statements);
      const warmed = combination;
      this.warm(text, statements).then(
        () => {
          this.warming = false;
          warmed.text = text;
          warmed.state = "ready";
        },
        () => {
          this.warming = false;
          warmed.state = "never";
        },
      );
    }
    return null;
  }

  /** Never fuse this combination again (its fused query failed). */
  refuse(statements: readonly Statement[]): void {
    const combination = this.combinations.get(statements.map((s) => this.idOf(s.cypher)).join(","));
    if (combination) combination.state = "never";
  }

  private idOf(cypher: string): number {
    let id = this.ids.get(cypher);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(cypher, id);
    }
    return id;
  }
}

function fusedText(statements: readonly Statement[]): string {
  const parts = statements.map((s, i) => `COLLECT {\nCALL () {\n${s.cypher.replace(PARAMETER, (_m, name: string) => `$${renamed(i, name)}`)}\n}\nRETURN [${s.columns!.join(", ")}]\n} AS r${i}`);
  return `RETURN ${parts.join(",\n")}`;
}

/** The parameters of the fused query of `values` (each statement's parameters, already converted for Neo4j). */
export function fusedParams(values: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  values.forEach((params, i) => {
    for (const name in params) out[renamed(i, name)] = params[name];
  });
  return out;
}

/** The rows of one read from its `r<i>` value: lists of column values back to records by column. */
export function rowsOf(value: unknown, columns: readonly string[] | null): Array<Record<string, unknown>> {
  return (value as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < columns!.length; c++) row[columns![c]] = values[c];
    return row;
  });
}
