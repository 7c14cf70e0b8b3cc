// A store whose calls someone watches without taking part: the outage log (server/logger.ts) sees
// every call succeed or fail, the write count (write-count.ts) sees writes finish. Each gets the
// call's promise on a branch of its own: the caller still gets (and handles) the original promise,
// with its value or error unchanged.
import type { GraphStore } from "./port.js";
import type { PortMethod } from "./request-store.js";

/** `store`, with `observe` shown every port call's promise and the method it came from. */
export function observeCalls(store: GraphStore, observe: (method: PortMethod, result: Promise<unknown>) => void): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) observe(property as PortMethod, result);
        return result;
      };
    },
  });
}
