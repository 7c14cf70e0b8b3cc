// Wraps the store port so that no read of a request outlives the request's deadline: a read still
// running when the time is up fails with SERVICE_UNAVAILABLE instead of holding the client.
import type { GraphStore } from "../store/port.js";
import { serviceUnavailable } from "./errors.js";

/** Methods left to finish: cutting a write off would hide whether it committed. */
const RUN_TO_END = new Set<PropertyKey>(["write", "close"]);

/** `deadline` in epoch ms; `timeoutMs` is the limit it came from, for the message. */
export function deadlineStore(store: GraphStore, deadline: number, timeoutMs: number): GraphStore {
  const outOfTime = () => serviceUnavailable(`The request ran out of its ${timeoutMs} ms; try a smaller query, or again shortly.`);
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const left = deadline - Date.now();
        if (left <= 0) return Promise.reject(outOfTime());
        const call = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (RUN_TO_END.has(property)) return call;
        let timer: NodeJS.Timeout | undefined;
        const expiry = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(outOfTime()), left);
          timer.unref();
        });
        return Promise.race([call, expiry]).finally(() => clearTimeout(timer));
      };
    },
  });
}
