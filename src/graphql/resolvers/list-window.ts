// The windows of lists that are not connections, in a module of their own so that prefetch.ts and
// load.ts (which starts the prefetch) can both use them without importing each other.
import type { Window } from "../../store/port.js";
import { pageSize } from "../types/connection-type.js";

/** Lists that are not connections (observations, results, developers) return at most this many. */
export const MAX_LIST = 100;

/** relatedFirst asks for this many items. */
export const FIRST_ONLY = 1;

/** The window of relatedItems: the first `first` items (default and maximum MAX_LIST). */
export function listWindow(first?: number | null): Window {
  return { after: null, limit: pageSize(first, MAX_LIST, MAX_LIST) };
}
