/**
 * Collections, as data: which constructors make a growable collection, which methods add
 * entries to one and which take entries out, and which collections bound themselves.
 */
import { lookup } from "../util/lookup.js";

/** The shapes the rule tracks. A `dict` is a plain object used as a dictionary. */
export type CollectionKind = "map" | "set" | "array" | "dict";

/** Global constructors (not shadowed in the file) that create a growable collection. */
export const GROWABLE_CONSTRUCTORS = lookup<CollectionKind>({
  Map: "map",
  Set: "set",
  Array: "array",
});

/** Static factories of the global `Array` that return a new array (`Array.from(x)`). */
export const ARRAY_FACTORIES: ReadonlySet<string> = new Set(["from", "of"]);

/**
 * Constructors whose entries cannot keep their keys alive (`WeakMap`, `WeakSet`, `WeakRef`)
 * or that evict by themselves (`lru-cache`, `quick-lru`). Never treated as collections, even
 * when a file binds one of these names to something else.
 */
export const SELF_BOUNDED_CONSTRUCTORS: ReadonlySet<string> = new Set([
  "WeakMap",
  "WeakSet",
  "WeakRef",
  "FinalizationRegistry",
  "LRUCache",
  "LRU",
  "QuickLRU",
]);

/** Methods that add an entry, by kind. */
export const ADDING_METHODS: Readonly<Record<CollectionKind, ReadonlySet<string>>> = {
  map: new Set(["set"]),
  set: new Set(["add"]),
  array: new Set(["push", "unshift"]),
  dict: new Set(),
};

/** Methods that take entries out, by kind (any one of them anywhere counts as a removal path). */
export const REMOVING_METHODS: Readonly<Record<CollectionKind, ReadonlySet<string>>> = {
  map: new Set(["delete", "clear"]),
  set: new Set(["delete", "clear"]),
  array: new Set(["splice", "shift", "pop"]),
  dict: new Set(),
};

/** Methods that take items out of an inner collection (`map.get(k).delete(x)`). */
export const INNER_REMOVING_METHODS: ReadonlySet<string> = new Set(["delete", "splice", "shift", "pop"]);

/**
 * Array methods that call their callback synchronously, during the call: code in such a
 * callback runs exactly as often as the code around the call.
 */
export const SYNC_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  "forEach",
  "map",
  "filter",
  "reduce",
  "reduceRight",
  "some",
  "every",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flatMap",
  "sort",
  "from",
]);
