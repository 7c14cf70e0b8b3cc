// Relay-style connections: edges with opaque cursors (an item's place in its list, cursors.ts),
// pageInfo, totalCount, and `nodes` as a shortcut.
import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { Page, Window } from "../../store/port.js";
import { decodeCursor, encodeCursor, type CursorList, type Ordering } from "../cursors.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from "../page-sizes.js";

// The page-size rules live in page-sizes.ts; re-exported for the modules that page connections.
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize };

@ObjectType({ description: "Where a page stands in its list." })
export class PageInfo {
  @Field({ description: "Whether items follow this page." })
  hasNextPage: boolean;

  @Field({ description: "True when the page was asked for with `after`." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/**
 * `first` and `after`, checked by windowOf (page-sizes.ts, cursors.ts). Resolvers take them with
 * `{ validate: false }`: the class has no class-validator rules, and type-graphql would otherwise run
 * class-validator on it for every parent of a nested connection (400 times in one Q2 of the benchmark).
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Cursor of the item to continue after (`pageInfo.endCursor`, or an edge's `cursor`) of the same list and order. A cursor holds the item's place in the order, not a count, so writes between two pages neither repeat nor skip an item that was there before (an item whose own sort value changes meanwhile is met where it sorts now).",
  })
  after?: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  /** Null only when the store was told the selection does not read it (a null served would be an error: the field is non-null). */
  totalCount: number | null;
}

/** The store window that page arguments ask for, in a list of `ordering` (a foreign cursor is BAD_USER_INPUT). */
export function windowOf(args: PageArgs, ordering: CursorList): Window {
  const limit = pageSize(args.first);
  return { after: args.after ? decodeCursor(args.after, ordering) : null, limit };
}

/** A connection of a page; each edge's cursor is its item's sort key in `ordering`. */
export function connectionOf<R, T>(page: Omit<Page<R>, "totalCount"> & { totalCount: number | null }, window: Window, ordering: Ordering<R>, map: (item: R) => T): Connection<T> {
  const cursorOf = (item: R) => encodeCursor(ordering, ordering.keyOf(item));
  const nodes = page.items.map(map);
  // Edges and cursors are made when a client reads them: a walk of 20 x 20 x 20 asks `nodes` and
  // would otherwise build 8,000 edges and encode 8,000 cursors nobody reads.
  let edges: Array<{ cursor: string; node: T }> | null = null;
  const first = page.items[0];
  const last = page.items.at(-1);
  return {
    get edges() {
      edges ??= nodes.map((node, i) => ({
        node,
        get cursor() {
          return cursorOf(page.items[i]);
        },
      }));
      return edges;
    },
    nodes,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: window.after !== null,
      get startCursor() {
        return first === undefined ? null : cursorOf(first);
      },
      get endCursor() {
        return last === undefined ? null : cursorOf(last);
      },
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

    @Field(() => Int, { description: "Size of the whole list now, across pages; it counts the list as it is when this page is read, so it may change between two pages of a walk." })
    totalCount: number;
  }
  return ConnectionClass;
}
