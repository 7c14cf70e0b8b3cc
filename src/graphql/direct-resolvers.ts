// Field resolvers called without type-graphql's per-call machinery where that machinery does
// nothing. type-graphql runs every argument of a field resolver through validateArg, an async
// function even for an argument it will not validate (a number, a string, null, or arguments
// declared `validate: false`), so each call returns through Promise.all and a then, and sorts and
// converts its parameters again. A nested connection makes that call once per parent: Q2 asks
// `organizations(first: 20)` of 20 countries and `models(first: 20)` of up to 400 organizations.
// Answered directly, Q2 at 10,000 models served 161 and 182 requests per second where the code
// before served 143 and 156 (docs/benchmarks.md, "What the numbers made us change").
//
// Fields without a field resolver read their property directly too (type-graphql's own resolver
// allocates its resolver data for each call, to run no middleware). With global middlewares,
// which every field runs, nothing is replaced.
//
// A field resolver is called directly when it has no middleware and no roles, and its parameters
// are only @Root, @Ctx, @Info, @Arg and @Args({ validate: false }) of scalar fields. A call whose
// arguments hold an object or a list (an input type such as a filter), or whose root is not yet an
// instance of its declared class, still goes through type-graphql, so whatever it converts or
// validates is converted and validated as before. Queries and mutations are left to type-graphql:
// they run once per request.
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldResolverMeta = Storage["fieldResolvers"][number];
type Param = NonNullable<FieldResolverMeta["params"]>[number];
type Args = Record<string, unknown>;
type Class = new () => object;
/** A class as type-graphql's metadata names it (its `target`). */
type Target = FieldResolverMeta["target"];

/** Returned by a parameter's taker when this call must go through type-graphql. */
const THROUGH: unique symbol = Symbol("through type-graphql");
type Taker = (root: unknown, args: Args, ctx: unknown, info: GraphQLResolveInfo) => unknown;

const direct = new WeakSet<GraphQLFieldResolver<unknown, unknown>>();

/** Whether a field's resolver is one of this module's direct calls (for tests). */
export function isDirectResolver(resolve: GraphQLFieldResolver<unknown, unknown> | undefined): boolean {
  return resolve !== undefined && direct.has(resolve);
}

/** A value type-graphql would neither convert nor validate. */
function isPlain(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== "object";
}

/** A class and its superclasses, nearest first: where type-graphql finds a class's inherited fields. */
function lineage(type: Target): Target[] {
  const classes: Target[] = [];
  for (let cls: unknown = type; typeof cls === "function" && cls.prototype !== undefined; cls = Object.getPrototypeOf(cls)) classes.push(cls as Target);
  return classes;
}

/** The names of an @ArgsType class's fields, its superclasses' included. */
function argsFieldNames(storage: Storage, type: Target): string[] | null {
  const metas = lineage(type).flatMap((cls) => storage.argumentTypes.filter((t) => t.target === cls));
  return metas.length > 0 ? metas.flatMap((meta) => (meta.fields ?? []).map((f) => f.name)) : null;
}

/** How one parameter is taken from a call, or null when this parameter needs type-graphql. */
function takerOf(storage: Storage, param: Param): Taker | null {
  switch (param.kind) {
    case "root": {
      const { propertyName, getType } = param;
      return (root) => {
        const value = propertyName ? (root as Args)[propertyName] : root;
        if (getType && !isPlain(value)) {
          const type = getType();
          if (typeof type === "function" && !(value instanceof type)) return THROUGH;
        }
        return value;
      };
    }
    case "context": {
      const { propertyName } = param;
      return propertyName ? (_root, _args, ctx) => (ctx as Args)[propertyName] : (_root, _args, ctx) => ctx;
    }
    case "info":
      return (_root, _args, _ctx, info) => info;
    case "arg": {
      if (param.validateFn) return null;
      const { name } = param;
      return (_root, args) => {
        const value = args[name];
        return isPlain(value) ? value : THROUGH;
      };
    }
    case "args": {
      if (param.validateSettings !== false || param.validateFn) return null;
      const type = param.getType() as Class;
      const names = typeof type === "function" ? argsFieldNames(storage, type) : null;
      if (!names) return null;
      const fields = new Set(names);
      // As type-graphql builds it (convertToType): an instance with the given fields, without the
      // class's own undefined fields that the call does not give.
      return (_root, args) => {
        const instance = new type() as Args;
        for (const key of Object.keys(instance)) {
          if (instance[key] === undefined && (!fields.has(key) || args[key] === undefined)) delete instance[key];
        }
        for (const name of names) {
          const value = args[name];
          if (value === undefined) continue;
          if (!isPlain(value)) return THROUGH;
          instance[name] = value;
        }
        return instance;
      };
    }
    default:
      return null;
  }
}

/** The direct call of one field resolver, or null when it needs type-graphql for every call. */
function directCall(storage: Storage, meta: FieldResolverMeta, through: GraphQLFieldResolver<unknown, unknown>, instances: Map<Target, object>): GraphQLFieldResolver<unknown, unknown> | null {
  if (meta.kind !== "external" || (meta.middlewares?.length ?? 0) > 0 || meta.roles !== undefined) return null;
  const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
  const takers: Taker[] = [];
  for (const param of params) {
    const taker = takerOf(storage, param);
    if (!taker) return null;
    takers.push(taker);
  }
  let instance = instances.get(meta.target);
  if (!instance) {
    instance = new (meta.target as Class)();
    instances.set(meta.target, instance);
  }
  const target = instance as Record<string, (...values: unknown[]) => unknown>;
  const method = meta.methodName;
  const resolve: GraphQLFieldResolver<unknown, unknown> = (root, args, ctx, info) => {
    const values = new Array<unknown>(takers.length);
    for (let i = 0; i < takers.length; i++) {
      const value = takers[i](root, args as Args, ctx, info);
      if (value === THROUGH) return through(root, args, ctx, info);
      values[i] = value;
    }
    return target[method](...values);
  };
  direct.add(resolve);
  return resolve;
}

/**
 * The read of a field without a field resolver (an entity's getter, a plain property), or null when
 * it has a middleware or roles. type-graphql's own allocates the call's resolver data to run no
 * middleware, for every field of every object.
 */
function plainRead(field: { name: string; middlewares?: unknown[]; roles?: unknown[] } | undefined): GraphQLFieldResolver<unknown, unknown> | null {
  if (!field || (field.middlewares?.length ?? 0) > 0 || field.roles !== undefined) return null;
  const { name } = field;
  const resolve: GraphQLFieldResolver<unknown, unknown> = (root) => (root as Args)[name];
  direct.add(resolve);
  return resolve;
}

/** Of type-graphql's build options, what decides whether a field may be called directly. */
export interface BuiltWith {
  resolvers: readonly Target[];
  globalMiddlewares?: readonly unknown[];
}

/**
 * Replaces, in a schema type-graphql built with `options`, the resolver of every field that can be
 * called directly (see above). Returns the schema, changed in place; unchanged when the build has
 * global middlewares, which every field must run.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema, options: BuiltWith): GraphQLSchema {
  if ((options.globalMiddlewares?.length ?? 0) > 0) return schema;
  const { resolvers } = options;
  const storage = getMetadataStorage();
  const instances = new Map<Target, object>();
  const ours = storage.fieldResolvers.filter((meta) => resolvers.includes(meta.target));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    // type-graphql's own order: a field resolver of the type itself before one of its interfaces.
    const classes = [objectType.target, ...(objectType.interfaceClasses ?? [])];
    // Its fields: its own and its superclasses' (NamedNode's names), then its interfaces'.
    const fieldsOf = [
      ...lineage(objectType.target).map((cls) => storage.objectTypes.find((o) => o.target === cls)),
      ...classes.slice(1).map((cls) => storage.interfaceTypes.find((i) => i.target === cls)),
    ].flatMap((c) => c?.fields ?? []);
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) continue;
      const meta = classes.map((cls) => ours.find((m) => m.getObjectType?.() === cls && m.schemaName === field.name)).find((m) => m !== undefined);
      const resolve = meta ? directCall(storage, meta, field.resolve, instances) : plainRead(fieldsOf.find((f) => f.schemaName === field.name));
      if (resolve) field.resolve = resolve;
    }
  }
  return schema;
}
