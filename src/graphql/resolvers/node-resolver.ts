// node(id), nodes(ids), and the fields every entity shares (its sources).
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { NodeRef } from "../../domain/graph.js";
import type { Context } from "../context.js";
import { badUserInput } from "../errors.js";
import { fromGlobalId } from "../ids.js";
import { entityOf } from "../types/entity-of.js";
import { Node, strings } from "../types/node-type.js";
import { Source } from "../types/source-type.js";
import { MAX_LIST } from "./list-window.js";
import { sourcesOf } from "./load.js";

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any entity by its global id." })
  async node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const ref = fromGlobalId(id);
    if (!ref) throw badUserInput(`'${id}' is not an id of this API`, "id");
    const record = await ctx.loaders.nodes.load(ref);
    return record ? entityOf(record) : null;
  }

  @Query(() => [Node], {
    nullable: "items",
    description: `Entities by global ids (at most ${MAX_LIST}), in the order of \`ids\`: null where none exists. An id that is not one of this API's, or a node the store could not read, is an error at that item's path (BAD_USER_INPUT, SERVICE_UNAVAILABLE) with null in its place; the other items and root fields still answer.`,
  })
  async nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<Array<Node | Error | null>> {
    if (ids.length > MAX_LIST) throw badUserInput(`at most ${MAX_LIST} ids at once, got ${ids.length}`, "ids");
    const refs = ids.map((id) => fromGlobalId(id));
    const records = await ctx.loaders.nodes.loadMany(refs.filter((r): r is NodeRef => r !== null));
    let next = 0;
    // graphql-js answers an Error in a list as an error at that item's path, null in its place.
    return refs.map((ref, i) => {
      if (!ref) return badUserInput(`'${ids[i]}' is not an id of this API`, "ids");
      const record = records[next++];
      return record instanceof Error ? record : record ? entityOf(record) : null;
    });
  }

  @FieldResolver(() => [Source], { description: "The sources this entity's own facts come from." })
  sources(@Root() node: Node, @Ctx() ctx: Context): Promise<Source[]> {
    return sourcesOf(ctx, strings(node.record, "sources"));
  }
}
