// The operations of a batch take turns with the rest of the server. Apollo runs a batch's
// operations as one chain of promises with no I/O between them, so a batch of ten introspection
// queries (about 40 ms of parsing, validating and serializing) or of ten refused 9 KB documents held
// the event loop for all of that, and every simple query that arrived meanwhile waited for the
// whole batch. Here each CPU stage of a batched operation (parsing, validation with pricing,
// serialization) waits for a turn of its own: one stage of one operation per turn of the event
// loop, with I/O (other requests, each of which runs as it arrives) read between turns. A request of
// one operation is already a turn of its own and does not wait. A turn costs microseconds; a batch's
// operations then run one stage after another instead of side by side (their loaders are still
// shared, but reads of different operations are no longer coalesced into one store call).
// Long loops outside GraphQL (the exports' hash, rows and file) take their turns from the same
// queue, in slices of a few milliseconds (inTurns).
import type { ApolloServerPlugin } from "@apollo/server";

const waiting: Array<() => void> = [];
let releasing = false;

/** Lets the first waiting stage run, then the next one on the following turn (setImmediate runs after the I/O poll). */
function release(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(release);
  else releasing = false;
}

/**
 * Resolves on a turn of the event loop of its own, after the stages that asked before it. The
 * same queue serves the long loops of inTurns (the exports), so that a batch's stages and an
 * export's slices take turns with each other too, one per turn, rather than all in one.
 */
function turn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!releasing) {
      releasing = true;
      setImmediate(release);
    }
  });
}

export function eventLoopTurnsPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ requestIsBatched }) {
      if (!requestIsBatched) return;
      return {
        // Apollo awaits these hooks right before the stage they name (serialization follows willSendResponse).
        async parsingDidStart() {
          await turn();
        },
        async validationDidStart() {
          await turn();
        },
        async willSendResponse() {
          await turn();
        },
      };
    },
  };
}

/** How long a long loop (inTurns) holds the event loop before it gives it up for a turn. */
const SLICE_MS = 4;

/** The clock is read once per this many steps: reading it costs more than a step of most loops. */
const STEPS_PER_CLOCK_READ = 64;

/**
 * Runs `steps` (a generator that yields between items of its work, its return value the result)
 * in slices of about `sliceMs`, each on a turn of its own (turn()), with I/O read between slices.
 * The whole-graph export (12,600 elements, 6.4 MB of XML) held the event loop for its rows and its
 * file in blocks of 60-100 ms, and every simple query that arrived meanwhile waited for them.
 */
export async function inTurns<T>(steps: Generator<unknown, T>, sliceMs: number = SLICE_MS): Promise<T> {
  let sliceEnds = performance.now() + sliceMs;
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (++count % STEPS_PER_CLOCK_READ === 0 && performance.now() >= sliceEnds) {
      await turn();
      sliceEnds = performance.now() + sliceMs;
    }
  }
}

/** The same work in one go, no turns: for callers that need the result synchronously (toGraphML, tests). */
export function atOnce<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
