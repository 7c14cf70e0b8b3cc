// Structured JSON logs on stderr, one line per event, written by pino. The interface stays the
// small one the server uses (message, then fields), so callers do not depend on pino. Store
// outages are logged as two events, not one line per refused request (outageLog).
import { pino, stdSerializers, stdTimeFunctions, type Logger as Pino } from "pino";
import { StorageFailedError, StoreUnavailableError, type GraphStore } from "../store/port.js";
import { observeCalls } from "../store/observed-store.js";

export type Level = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

function wrap(logger: Pino): Logger {
  return {
    debug: (msg, fields = {}) => logger.debug(fields, msg),
    info: (msg, fields = {}) => logger.info(fields, msg),
    warn: (msg, fields = {}) => logger.warn(fields, msg),
    error: (msg, fields = {}) => logger.error(fields, msg),
  };
}

/**
 * `write` receives each line (tests collect them); by default lines go to stderr synchronously, so
 * that the last lines before a crash are not lost in a buffer.
 */
export function createLogger(level: Level | "silent", write?: (line: string) => void): Logger {
  const destination = write ? { write } : pino.destination({ dest: 2, sync: true });
  return wrap(
    pino(
      {
        level,
        base: undefined,
        timestamp: stdTimeFunctions.isoTime,
        // "level":"info" rather than pino's numbers: readable without pino-pretty, as before.
        formatters: { level: (label) => ({ level: label }) },
        serializers: { err: stdSerializers.err, error: stdSerializers.err },
      },
      destination,
    ),
  );
}

/**
 * What the log says about store outages: one warning when the store goes down (with the first
 * error), one line when it is back (how long it was down, how many requests were refused), and
 * nothing per refused request in between. An outage refuses every request, so a line per 503
 * buried the log (16,000 identical lines per Neo4j outage).
 */
export interface OutageLog {
  /** The store, watched: a call failing with StoreUnavailableError starts an outage, any call that succeeds ends it. */
  watch(store: GraphStore): GraphStore;
  /** Counts a 503 answered during an outage and says so (true); the caller logs other failures itself. */
  refused(status: number): boolean;
}

export function outageLog(logger: Logger, store: string, now: () => number = Date.now): OutageLog {
  let outage: { since: number; refused: number } | null = null;
  const up = () => {
    if (!outage) return;
    logger.info("store available again", { store, downMs: now() - outage.since, refused: outage.refused });
    outage = null;
  };
  const down = (error: unknown) => {
    // A storage failure (disk full) refuses writes only and says why on each: not an outage of the store.
    if (outage || !(error instanceof StoreUnavailableError) || error instanceof StorageFailedError) return;
    outage = { since: now(), refused: 0 };
    logger.warn("store unavailable", { store, err: error });
  };
  return {
    watch(watched) {
      return observeCalls(watched, (_method, result) => void result.then(up, down));
    },
    refused(status) {
      if (!outage || status !== 503) return false;
      outage.refused++;
      return true;
    },
  };
}
