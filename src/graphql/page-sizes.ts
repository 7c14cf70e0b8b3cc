// Every page-size rule of the API in one place: connections, plain lists, first-item fields, search.
// A size outside its range is BAD_USER_INPUT naming the argument, never silently clamped.
import { FIRST_ITEM } from "../store/port.js";
import { badUserInput } from "./errors.js";

/** A connection's `first` when none is given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest `first` of a connection. */
export const MAX_PAGE_SIZE = 100;
/** Lists that are not connections (observations, results, developers, ids) return at most this many. */
export const MAX_LIST = 100;
/** A field that answers one item of a relation (a model's organization) reads this many (the port's first-item window). */
export const FIRST_ONLY = FIRST_ITEM.limit;
/** Search hits when `first` is not given (at most MAX_PAGE_SIZE). */
export const DEFAULT_SEARCH_HITS = 10;

/** Checks a page size: null gives the default; outside 0..max is refused with BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined, fallback = DEFAULT_PAGE_SIZE, max = MAX_PAGE_SIZE, argument = "first"): number {
  if (first === null || first === undefined) return fallback;
  if (first < 0 || first > max) throw badUserInput(`\`${argument}\` must be from 0 to ${max}, got ${first}`, argument);
  return first;
}

/** A plain list's size: `first` items, MAX_LIST by default and at most. */
export function listSize(first: number | null | undefined): number {
  return pageSize(first, MAX_LIST, MAX_LIST);
}
