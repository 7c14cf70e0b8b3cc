import { describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "../../src/graphql/ids.js";
import { decodeCursor, encodeCursor, listOrdering } from "../../src/graphql/cursors.js";
import { connectionOf, windowOf } from "../../src/graphql/types/connection-type.js";

describe("global ids", () => {
  it("round-trips every kind, including keys with colons and Korean", () => {
    for (const [kind, key] of [["Model", "gpt-4"], ["Country", "KR"], ["Source", "a:b"], ["Organization", "엔씨"]] as const) {
      expect(fromGlobalId(toGlobalId(kind, key))).toEqual({ kind, key });
    }
  });

  it("refuses ids of unknown kinds and garbage", () => {
    expect(fromGlobalId(Buffer.from("Planet:mars").toString("base64url"))).toBeNull();
    expect(fromGlobalId("%%%")).toBeNull();
    expect(fromGlobalId("")).toBeNull();
  });
});

describe("cursors", () => {
  const ordering = listOrdering({ kind: "Country" });
  const node = (key: string) => ({ kind: "Country" as const, key, props: { name: key.toLowerCase() } });

  it("continue after the item a cursor names: its sort key, not its position", () => {
    const first = connectionOf({ items: [node("A"), node("B")], totalCount: 5, hasMore: true }, { after: null, limit: 2 }, ordering, (x) => x.key);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const window = windowOf({ first: 2, after: first.pageInfo.endCursor }, ordering);
    expect(window).toEqual({ after: ["b", "Country:B"], limit: 2 });
    const last = connectionOf({ items: [node("E")], totalCount: 5, hasMore: false }, window, ordering, (x) => x.key);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("refuse offset cursors, garbage and cursors of another list or order, naming `after`", () => {
    const models = (field: "NAME" | "RELEASE_DATE") => listOrdering({ kind: "Model", order: { field, direction: "ASC" } });
    const byName = encodeCursor(models("NAME"), ["gpt-4", "gpt-4", "Model:gpt-4"]);
    const refused = (cursor: string, o = ordering) => {
      try {
        decodeCursor(cursor, o);
      } catch (error) {
        return { message: (error as Error).message, ...(error as { extensions: object }).extensions };
      }
      return null;
    };
    expect(refused(Buffer.from("offset:3").toString("base64url"))).toMatchObject({ code: "BAD_USER_INPUT", field: "after", message: expect.stringMatching(/offset cursor/) });
    expect(refused("%%%")).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect(refused(Buffer.from('{"v":1,"l":"Country list by name","k":[1]}').toString("base64url"))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect(refused(byName, models("RELEASE_DATE"))).toMatchObject({ code: "BAD_USER_INPUT", field: "after", message: expect.stringMatching(/Model list by NAME ASC, not of the Model list by RELEASE_DATE ASC/) });
    expect(decodeCursor(byName, models("NAME"))).toEqual(["gpt-4", "gpt-4", "Model:gpt-4"]);
  });
});
