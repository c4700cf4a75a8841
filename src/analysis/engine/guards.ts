/**
 * Guards shared by the families: whether storing a handle again can drop a live one.
 */
import { AST_NODE_TYPES as T } from "@typescript-eslint/utils";
import { type FunctionNode, type Node, contains, enclosingFunction, isFunction } from "../../ast/index.js";
import type { EngineContext } from "./context.js";
import type { Release } from "./model.js";
import { walk } from "../../ast/walk.js";

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
 * function (nested functions included), with the earliest start of such a guard. One walk:
 * each node carries the start of the outermost guard whose test it is in.
 */
function testedKeys(ctx: EngineContext, fn: FunctionNode): Map<string, number> {
  const tests = new Map<string, number>();
  const keys = ctx.sourceCode.visitorKeys;
  const stack: [Node, number | undefined][] = [[fn.body, undefined]];
  while (stack.length > 0) {
    const [node, guardStart] = stack.pop()!;
    if (guardStart !== undefined && (node.type === T.Identifier || node.type === T.MemberExpression)) {
      const key = ctx.refs.key(node);
      if (key !== undefined && guardStart < (tests.get(key) ?? Infinity)) tests.set(key, guardStart);
    }
    const guardedChild =
      node.type === T.IfStatement || node.type === T.ConditionalExpression ? node.test : node.type === T.LogicalExpression ? node.left : undefined;
    for (const name of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[name];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!child || typeof (child as Node).type !== "string") continue;
        stack.push([child as Node, child === guardedChild ? (guardStart ?? node.range[0]) : guardStart]);
      }
    }
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
  walk(fn.body, ctx.sourceCode.visitorKeys, (node) => {
    if (node.type !== T.CallExpression) return;
    const callee = ctx.lifecycles.resolveFunction(node.callee);
    if (!callee || callee === fn) return;
    let roots = reached.get(callee);
    if (!roots) {
      roots = ctx.expand([callee]);
      reached.set(callee, roots);
    }
    for (const root of roots) if (node.range[1] < (out.get(root) ?? Infinity)) out.set(root, node.range[1]);
  });
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
