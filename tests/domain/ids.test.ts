import { describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "../../src/graphql/ids.js";
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
  it("continues after the item a cursor names", () => {
    const first = connectionOf({ items: ["a", "b"], totalCount: 5 }, { offset: 0, limit: 2 }, (x) => x);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const window = windowOf({ first: 2, after: first.pageInfo.endCursor });
    expect(window).toEqual({ offset: 2, limit: 2 });
    const last = connectionOf({ items: ["e"], totalCount: 5 }, { offset: 4, limit: 2 }, (x) => x);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
