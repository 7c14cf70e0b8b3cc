// What the embedded store's graph holds on each edge, in a module of its own so that the store and
// slices.ts, which it calls, both read it without importing each other.
import type { Properties } from "../../domain/graph.js";

export interface EdgeAttrs {
  type: string;
  key: string;
  props: Properties;
}
