// Connection cursors: the place of an item in its list (its sort key, domain/sort-keys.ts), opaque to
// clients. A page continues after that place, not after a count of items, so that a write between
// two pages neither repeats nor skips an item. A cursor names the list and order it was made for and
// is refused by any other.
import { uidOf, type NodeRecord } from "../domain/graph.js";
import { RELATIONS, type RelationName } from "../domain/relations.js";
import { isSortKey, listDirections, listOrder, listSortKey, relatedDirections, relatedSortKey, sortName, type Direction, type SortKey } from "../domain/sort-keys.js";
import { groupDirections, groupSortKey, isGroupSortKey, type ModelDimension, type ModelGroupOrder } from "../domain/model-stats.js";
import type { ListQuery, ModelGroupRow, RelatedItem } from "../store/port.js";
import { badUserInput } from "./errors.js";

/** Bumped when the content of cursors changes; a cursor of another version is refused. */
const CURSOR_VERSION = 1;

/** How the items of one connection are ordered, as its cursors need it. */
export interface Ordering<R> {
  /** Names the list and its order, for cursors and their errors ("Model list by RELEASE_DATE DESC", "relation country-organizations"). */
  readonly id: string;
  readonly directions: readonly Direction[];
  keyOf(item: R): SortKey;
  /** Whether a cursor's key is one of this order's; isSortKey over `directions` when absent. */
  isKey?(key: unknown): boolean;
}

/** The ordering of a root list (ListQuery): models by their order, every other kind by name. */
export function listOrdering(query: ListQuery): Ordering<NodeRecord> {
  const order = listOrder(query.kind, query.kind === "Model" ? query.order : null);
  return {
    id: order ? `${query.kind} list by ${order.field} ${order.direction}` : `${query.kind} list by name`,
    directions: listDirections(order),
    keyOf: (node) => listSortKey(node, order),
  };
}

/** The ordering of a relation's items (RELATIONS[relation].order). */
export function relatedOrdering(relation: RelationName): Ordering<RelatedItem> {
  const order = RELATIONS[relation].order;
  return { id: `relation ${relation}`, directions: relatedDirections(order), keyOf: (item) => relatedSortKey(order, item) };
}

/** The ordering of modelStats' groups: by `order` over the key of `groupBy`. */
export function groupOrdering(groupBy: readonly ModelDimension[], order: ModelGroupOrder): Ordering<ModelGroupRow> {
  return {
    id: `model groups by ${groupBy.join(",")} ${order}`,
    directions: groupDirections(order, groupBy.length),
    keyOf: (row) => groupSortKey(order, row.count, row.key),
    isKey: (key) => isGroupSortKey(key, order, groupBy.length),
  };
}

/** The ordering of a group's models (ModelGroup.models): by name, then uid. */
export const GROUP_MODELS_ORDERING: Ordering<NodeRecord> = {
  id: "models of a group by name",
  directions: ["ASC", "ASC"],
  keyOf: (node) => [sortName(node), uidOf(node)],
};

interface CursorBody {
  v: number;
  /** Ordering.id */
  l: string;
  /** The item's sort key. */
  k: SortKey;
}

/** What a cursor is checked against: the list and order, and the shape of their keys. */
export type CursorList = Pick<Ordering<unknown>, "id" | "directions" | "isKey">;

export function encodeCursor(ordering: CursorList, key: SortKey): string {
  const body: CursorBody = { v: CURSOR_VERSION, l: ordering.id, k: key };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** The ids Ordering gives, so that an error never echoes other text a client put in a cursor. */
const ORDERING_ID = /^(?:[A-Za-z]+ list by (?:name|[A-Z_]+ (?:ASC|DESC))|relation [a-z-]+|model groups by [A-Z_,]+ (?:COUNT_DESC|KEY)|models of a group by name)$/;

function notACursor(): Error {
  return badUserInput("`after` is not a cursor of this API: give a `cursor` or `pageInfo.endCursor` of the same list", "after");
}

/** The sort key a cursor holds; BAD_USER_INPUT naming `after` when it is not a cursor of this list and order. */
export function decodeCursor(cursor: string, ordering: CursorList): SortKey {
  const text = BASE64URL.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  if (/^offset:\d+$/.test(text)) {
    throw badUserInput(
      "`after` is an offset cursor of an earlier version of this API, which no longer pages by offset: start from the first page (no `after`) and continue with `pageInfo.endCursor`",
      "after",
    );
  }
  let body: Partial<CursorBody> | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") body = parsed as Partial<CursorBody>;
  } catch {
    body = null;
  }
  if (!body || body.v !== CURSOR_VERSION || typeof body.l !== "string" || !ORDERING_ID.test(body.l)) throw notACursor();
  if (body.l !== ordering.id) throw badUserInput(`\`after\` is a cursor of the ${body.l}, not of the ${ordering.id}: a cursor only continues the list and order it came from`, "after");
  const key: unknown = body.k;
  if (!(ordering.isKey ? ordering.isKey(key) : isSortKey(key, ordering.directions))) throw notACursor();
  return key as SortKey;
}
