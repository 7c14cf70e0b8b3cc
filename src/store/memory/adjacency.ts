// graphology keeps each node's neighbours in plain objects keyed by the neighbours' keys (`{}`
// literals filled with `out[neighbour] = ...`). In V8 each such object whose first key is new adds a
// transition to the hidden class of the empty object literal; with 100k nodes that class holds about
// 10^5 transitions, and every `{}` the process fills afterwards (Apollo's and graphql-js's result
// objects included) searches them. A model lookup through the API took twice as long at 100k models
// as at 1k (bench/memory-lookup.ts). Objects that are dictionaries from the start add no transition.
import Graphology from "graphology";

const { MultiDirectedGraph } = Graphology as unknown as typeof import("graphology");

/** An empty object in dictionary mode that keeps Object.prototype (graphology calls hasOwnProperty on it). */
function dictionary(): Record<string, unknown> {
  // Deleting a property that is not the last one added turns an object into a dictionary.
  const o: Record<string, unknown> = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o;
}

interface NodeDataPrototype {
  clear(this: { in: object; out: object }): void;
}

/**
 * Makes graphology's directed node data keep its neighbour indexes in dictionaries. Returns whether
 * it could (a graphology whose internals differ is left as it is; tests/store notices).
 */
function useDictionaryAdjacency(): boolean {
  const probe = new MultiDirectedGraph();
  probe.addNode("probe");
  const data = (probe as unknown as { _nodes?: Map<string, { in?: object; out?: object }> })._nodes?.get("probe");
  const proto = data ? (Object.getPrototypeOf(data) as NodeDataPrototype) : null;
  if (!data || !proto || typeof proto.clear !== "function" || typeof data.in !== "object" || typeof data.out !== "object") return false;
  const clear = proto.clear;
  proto.clear = function (this: { in: object; out: object }) {
    clear.call(this);
    this.in = dictionary();
    this.out = dictionary();
  };
  return true;
}

/** Whether graphology's neighbour indexes are dictionaries in this process. */
export const DICTIONARY_ADJACENCY = useDictionaryAdjacency();
