// Structured JSON logs on stderr, one line per event, written by pino. The interface stays the
// small one the server uses (message, then fields), so callers do not depend on pino.
import { pino, stdSerializers, stdTimeFunctions, type Logger as Pino } from "pino";

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
