// Relay-style connections: edges with opaque cursors, pageInfo, totalCount, and `nodes` as a shortcut.
import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { Page, Window } from "../../store/port.js";
import { badUserInput } from "../errors.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: "Where a page stands in its list." })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the item to continue after (`pageInfo.endCursor`)." })
  after?: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

const CURSOR_PREFIX = "offset:";

function cursorOf(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString("base64url");
}

function offsetOf(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(offset) || offset < 0 || cursorOf(offset) !== cursor) {
    throw badUserInput(`'${cursor}' is not a cursor of this list`, "after");
  }
  return offset;
}

/** Checks a page size: null gives the default; outside 0..max is refused with BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined, fallback = DEFAULT_PAGE_SIZE, max = MAX_PAGE_SIZE, argument = "first"): number {
  if (first === null || first === undefined) return fallback;
  if (first < 0 || first > max) throw badUserInput(`\`${argument}\` must be from 0 to ${max}, got ${first}`, argument);
  return first;
}

/** The store window that page arguments ask for. */
export function windowOf(args: PageArgs): Window {
  return { offset: args.after ? offsetOf(args.after) + 1 : 0, limit: pageSize(args.first) };
}

export function connectionOf<R, T>(page: Page<R>, window: Window, map: (item: R) => T): Connection<T> {
  const edges = page.items.map((item, i) => ({ cursor: cursorOf(window.offset + i), node: map(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: window.offset + page.items.length < page.totalCount,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Complexity of a connection's `edges` and `nodes`: one item's worth, because the connection field
 * itself multiplies by its page size (limits/cost.ts). Counting them as lists would multiply twice.
 */
const perItem = ({ childComplexity }: { childComplexity: number }): number => 1 + childComplexity;

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [Edge], { complexity: perItem })
    edges: Edge[];

    @Field(() => [nodeType], { complexity: perItem, description: "The nodes of `edges`, for clients that need no cursor." })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: "Size of the whole list, across pages." })
    totalCount: number;
  }
  return ConnectionClass;
}
