/**
 * Guards shared by the families: whether storing a handle again can drop a live one.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type FunctionNode, type Node, contains, enclosingFunction, isFunction } from "../../ast/index.js";
import type { EngineContext } from "./context.js";
import type { Release } from "./model.js";
import { forEachNodeOf, indexedType, indexedTypes, nodesInside, ownNodesOf } from "../../ast/node-index.js";
import { pushTo } from "../../util/maps.js";
import { walk } from "../../ast/walk.js";

/** The node types guards read from the node index. */
const CALL = indexedType(T.CallExpression);
const ASSIGNMENT = indexedType(T.AssignmentExpression);
const WRITES = indexedTypes([T.AssignmentExpression, T.UpdateExpression]);
const GUARDS = indexedTypes([T.IfStatement, T.ConditionalExpression, T.LogicalExpression]);

type ReleaseIndex = ReadonlyMap<string, readonly Release[]>;

/**
 * What guards a handle's write in one function, built once per function so that judging n
 * writes in one function costs one walk of it, not n: by key, where the earliest test that
 * reads the key starts; by function, where the earliest call of a local helper that runs it
 * (directly or through the helpers it calls) ends.
 */
interface FunctionGuards {
  tests: Map<string, number>;
  helpers: Map<Node, number> | undefined;
}

/** Per context (keys are the context's own), per function. */
const guardCache = new WeakMap<EngineContext, WeakMap<FunctionNode, FunctionGuards>>();

/**
 * Whether re-running the function that stores a handle cannot drop a live one:
 * it runs once (a constructor), releases or tests the handle before the write
 * (`clearInterval(this.t)`, `if (this.t) return`), or calls a method that releases it.
 */
export function guardedBefore(ctx: EngineContext, acquisition: Node, keys: readonly string[], releases: ReleaseIndex): boolean {
  const fn = enclosingFunction(acquisition);
  if (!fn) return true;
  if (fn.parent?.type === T.MethodDefinition && fn.parent.kind === "constructor") return true;
  const start = acquisition.range[0];
  const guards = functionGuards(ctx, fn);
  // A test that starts before the write guards it (the write may be inside it: `if (!this.t) this.t = ...`).
  if (keys.some((key) => (guards.tests.get(key) ?? Infinity) < start)) return true;
  const found = keys.flatMap((key) => releases.get(key) ?? []);
  // A release of the handle in the function, before the write.
  if (found.some((release) => release.call.range[1] <= start && contains(fn.body, release.call))) return true;
  // A call, before the write, of a local helper that runs a function the release is in.
  guards.helpers ??= helperEnds(ctx, fn);
  const helpers = guards.helpers;
  return found.some((release) => {
    for (let current: Node | undefined = release.call; current; current = current.parent) {
      if (isFunction(current) && (helpers.get(current) ?? Infinity) <= start) return true;
    }
    return false;
  });
}

function functionGuards(ctx: EngineContext, fn: FunctionNode): FunctionGuards {
  let perContext = guardCache.get(ctx);
  if (!perContext) {
    perContext = new WeakMap();
    guardCache.set(ctx, perContext);
  }
  let guards = perContext.get(fn);
  if (!guards) {
    guards = { tests: testedKeys(ctx, fn), helpers: undefined };
    perContext.set(fn, guards);
  }
  return guards;
}

/**
 * Every key read in the test of an `if` or `?:`, or the left side of `&&`/`||`/`??`, in the
 * function (nested functions included), with the earliest start of such a guard: the start of
 * the outermost guard whose test the read is in. The guards come from the node index, and only
 * their tests are walked: walking the whole function for them made a pass over every node of
 * every function that writes a handle (issue 12 §2).
 */
export function testedKeys(ctx: EngineContext, fn: FunctionNode): Map<string, number> {
  const tests = new Map<string, number>();
  const guards = GUARDS.flatMap((type) => nodesInside(ctx.sourceCode, type, fn.body));
  // Source order, a guard before the guards it holds (which start where it starts or later).
  guards.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  // The end of the last test walked: a guard inside it is in an outer guard's test, which
  // starts earlier and has recorded every key the inner one would.
  let walkedTo = -Infinity;
  for (const guard of guards) {
    const test = guard.type === T.LogicalExpression ? guard.left : (guard as TSESTree.IfStatement | TSESTree.ConditionalExpression).test;
    if (guard.range[0] < walkedTo) continue;
    walkedTo = test.range[1];
    const start = guard.range[0];
    walk(test, ctx.sourceCode.visitorKeys, (node) => {
      if (node.type !== T.Identifier && node.type !== T.MemberExpression) return;
      const key = ctx.refs.key(node);
      if (key !== undefined && start < (tests.get(key) ?? Infinity)) tests.set(key, start);
    });
  }
  return tests;
}

/**
 * For every function a call of a local helper in `fn` runs (the helper and the local
 * functions it calls, transitively), the end of the earliest such call.
 */
function helperEnds(ctx: EngineContext, fn: FunctionNode): Map<Node, number> {
  const out = new Map<Node, number>();
  const reached = new Map<FunctionNode, Node[]>();
  for (const node of nodesInside(ctx.sourceCode, CALL, fn.body)) {
    if (node.type !== T.CallExpression) continue;
    const callee = ctx.lifecycles.resolveFunction(node.callee);
    if (!callee || callee === fn) continue;
    let roots = reached.get(callee);
    if (!roots) {
      roots = ctx.expand([callee]);
      reached.set(callee, roots);
    }
    for (const root of roots) if (node.range[1] < (out.get(root) ?? Infinity)) out.set(root, node.range[1]);
  }
  return out;
}

/** Whether `node` reads any of the locations `keys`. */
export function mentions(ctx: EngineContext, node: Node, keys: readonly string[]): boolean {
  let found = false;
  walk(node, ctx.sourceCode.visitorKeys, (child) => {
    if (found) return false;
    if (child.type === T.Identifier || child.type === T.MemberExpression) {
      const key = ctx.refs.key(child);
      if (key && keys.includes(key)) found = true;
    }
    return !found;
  });
  return found;
}

/** The locations a function writes in its own body (not in nested functions). */
function writtenIn(ctx: EngineContext, fn: FunctionNode): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const node of ownNodesOf(ctx.sourceCode, ASSIGNMENT, fn)) {
    if (node.type !== T.AssignmentExpression) continue;
    const key = ctx.refs.key(node.left);
    if (key) keys.add(key);
  }
  return keys;
}

/**
 * The early returns of a function's body that test a flag of its own, reduced to what the
 * queries need: where the first one ends, and where the first one with a flag that is set once
 * for good ends. Built once per function (a walk of its body and of each test): a function
 * that starts n timers after n guards is then judged in n steps, not n² walks.
 */
interface FlagGuards {
  firstEnd: number;
  firstOnceEnd: number;
}

const flagGuardCache = new WeakMap<EngineContext, WeakMap<FunctionNode, FlagGuards>>();

function flagGuards(ctx: EngineContext, fn: FunctionNode | undefined): FlagGuards | undefined {
  if (!fn || fn.body.type !== T.BlockStatement) return undefined;
  let perContext = flagGuardCache.get(ctx);
  if (!perContext) {
    perContext = new WeakMap();
    flagGuardCache.set(ctx, perContext);
  }
  let guards = perContext.get(fn);
  if (guards) return guards;
  guards = { firstEnd: Infinity, firstOnceEnd: Infinity };
  const written = writtenIn(ctx, fn);
  if (written.size > 0) {
    for (const statement of fn.body.body) {
      if (statement.type !== T.IfStatement || !returnsEarly(statement.consequent)) continue;
      const flags = keysRead(ctx, statement.test, written);
      if (flags.size === 0) continue;
      guards.firstEnd = Math.min(guards.firstEnd, statement.range[1]);
      if (statement.range[1] < guards.firstOnceEnd && [...flags].some((flag) => setOnceForGood(ctx, fn, flag))) {
        guards.firstOnceEnd = statement.range[1];
      }
    }
  }
  perContext.set(fn, guards);
  return guards;
}

/** The locations of `among` that `node` reads, in one walk. */
function keysRead(ctx: EngineContext, node: Node, among: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  walk(node, ctx.sourceCode.visitorKeys, (child) => {
    if (child.type === T.Identifier || child.type === T.MemberExpression) {
      const key = ctx.refs.key(child);
      if (key && among.has(key)) found.add(key);
    }
  });
  return found;
}

/**
 * A start guarded by a flag of its own: before `node`, the function returns early on a test of
 * a location it writes itself (`if (this.running) return; this.running = true;`), so what it
 * starts is started once.
 */
export function flagGuarded(ctx: EngineContext, node: Node, fn: FunctionNode | undefined): boolean {
  const guards = flagGuards(ctx, fn);
  return !!guards && guards.firstEnd <= node.range[0];
}

/**
 * A guard that makes the rest of `fn` run once for good: its flag is set by `fn` and written
 * nowhere else in the file (`if (this.inited) return; this.inited = true`). A handle the guard
 * tests and a `stop()` resets (`if (this.timer) return` ... `this.timer = undefined`) lets the
 * code run again after the reset.
 */
export function onceForGood(ctx: EngineContext, node: Node, fn: FunctionNode | undefined): boolean {
  const guards = flagGuards(ctx, fn);
  return !!guards && guards.firstOnceEnd <= node.range[0];
}

/** A flag of `fn`'s guard that only `fn` writes, and sets to `true`; a handle the guard tests (`if (this.socket) return`) is not one. */
function setOnceForGood(ctx: EngineContext, fn: FunctionNode, flag: string): boolean {
  const all = writesByKey(ctx).get(flag) ?? [];
  return all.every((write) => contains(fn, write)) && all.some((write) => setsTrue(write));
}

/** `flag = true` (or `= 1`, `= !0`). */
function setsTrue(write: Node): boolean {
  if (write.type !== T.AssignmentExpression || write.operator !== "=") return false;
  const value = write.right;
  if (value.type === T.Literal) return value.value === true || value.value === 1;
  return value.type === T.UnaryExpression && value.operator === "!" && value.argument.type === T.Literal && value.argument.value === 0;
}

const writesCache = new WeakMap<EngineContext, Map<string, Node[]>>();

/** Every assignment in the file, by the key of the location it writes (built once per context). */
function writesByKey(ctx: EngineContext): Map<string, Node[]> {
  let writes = writesCache.get(ctx);
  if (!writes) {
    const byKey = new Map<string, Node[]>();
    forEachNodeOf(ctx.sourceCode, WRITES, (node) => {
      const target = node.type === T.AssignmentExpression ? node.left : node.type === T.UpdateExpression ? node.argument : undefined;
      const key = target ? ctx.refs.key(target) : undefined;
      if (key) pushTo(byKey, key, node);
    });
    writes = byKey;
    writesCache.set(ctx, writes);
  }
  return writes;
}

function returnsEarly(node: Node): boolean {
  if (node.type === T.ReturnStatement) return true;
  return node.type === T.BlockStatement && node.body.some((statement) => statement.type === T.ReturnStatement);
}
