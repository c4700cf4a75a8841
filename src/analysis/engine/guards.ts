/**
 * Guards shared by the families: whether storing a handle again can drop a live one.
 */
import { T } from "../../util/node-types.js";
import { type FunctionNode, type Node, contains, enclosingFunction, isFunction } from "../../ast/index.js";
import type { EngineContext } from "./context.js";
import type { Release } from "./model.js";
import { allNodes } from "./node-index.js";
import { pushTo } from "../../util/maps.js";
import { walk } from "../../ast/walk.js";

/**
 * Whether re-running the function that stores a handle cannot drop a live one:
 * it runs once (a constructor), releases or tests the handle before the write
 * (`clearInterval(this.t)`, `if (this.t) return`), or calls a method that releases it.
 */
export function guardedBefore(
  ctx: EngineContext,
  acquisition: Node,
  keys: readonly string[],
  releases: ReadonlyMap<string, readonly Release[]>,
): boolean {
  const fn = enclosingFunction(acquisition);
  if (!fn) return true;
  if (fn.parent?.type === T.MethodDefinition && fn.parent.kind === "constructor") return true;
  const start = acquisition.range[0];
  const releasedBy = (node: Node): boolean =>
    keys.some((key) => releases.get(key)?.some((release) => contains(node, release.call)) ?? false);
  let guarded = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (node) => {
    if (guarded || node.range[0] >= start) return false;
    switch (node.type) {
      case T.IfStatement:
      case T.ConditionalExpression:
        if (mentions(ctx, node.test, keys)) guarded = true;
        break;
      case T.LogicalExpression:
        if (mentions(ctx, node.left, keys)) guarded = true;
        break;
      case T.CallExpression:
        if (node.range[1] <= start && releasedBy(node)) guarded = true;
        else if (node.range[1] <= start) {
          const callee = ctx.lifecycles.resolveFunction(node.callee);
          if (callee && callee !== fn && ctx.expand([callee]).some(releasedBy)) guarded = true;
        }
        break;
      default:
        break;
    }
    return !guarded;
  });
  return guarded;
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

const writtenCache = new WeakMap<EngineContext, WeakMap<FunctionNode, ReadonlySet<string>>>();

/** The locations a function writes in its own body (not in nested functions), once per function. */
function writtenIn(ctx: EngineContext, fn: FunctionNode): ReadonlySet<string> {
  let perContext = writtenCache.get(ctx);
  if (!perContext) {
    perContext = new WeakMap();
    writtenCache.set(ctx, perContext);
  }
  let written = perContext.get(fn);
  if (!written) {
    const keys = new Set<string>();
    walk(fn.body, ctx.sourceCode.visitorKeys, (node) => {
      if (isFunction(node)) return false;
      if (node.type === T.AssignmentExpression) {
        const key = ctx.refs.key(node.left);
        if (key) keys.add(key);
      }
      return true;
    });
    written = keys;
    perContext.set(fn, written);
  }
  return written;
}

/**
 * A start guarded by a flag of its own: before `node`, the function returns early on a test of
 * a location it writes itself (`if (this.running) return; this.running = true;`), so what it
 * starts is started once.
 */
export function flagGuarded(ctx: EngineContext, node: Node, fn: FunctionNode | undefined): boolean {
  return guardFlags(ctx, node, fn).length > 0;
}

/** The flags of `flagGuarded`: locations tested by an early return before `node` and written by `fn`. */
function guardFlags(ctx: EngineContext, node: Node, fn: FunctionNode | undefined): string[] {
  if (!fn || fn.body.type !== T.BlockStatement) return [];
  const written = writtenIn(ctx, fn);
  if (written.size === 0) return [];
  const flags: string[] = [];
  for (const statement of fn.body.body) {
    if (statement.range[1] > node.range[0] || statement.type !== T.IfStatement || !returnsEarly(statement.consequent)) continue;
    for (const key of written) if (mentions(ctx, statement.test, [key])) flags.push(key);
  }
  return flags;
}

/**
 * A guard that makes the rest of `fn` run once for good: its flag is set by `fn` and written
 * nowhere else in the file (`if (this.inited) return; this.inited = true`). A handle the guard
 * tests and a `stop()` resets (`if (this.timer) return` ... `this.timer = undefined`) lets the
 * code run again after the reset.
 */
export function onceForGood(ctx: EngineContext, node: Node, fn: FunctionNode | undefined): boolean {
  const flags = guardFlags(ctx, node, fn);
  if (flags.length === 0 || !fn) return false;
  const writes = writesByKey(ctx);
  // A flag is set to `true`; a handle the guard tests (`if (this.socket) return`) is not one.
  return flags.some((flag) => {
    const all = writes.get(flag) ?? [];
    return all.every((write) => contains(fn, write)) && all.some((write) => setsTrue(write));
  });
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
    writes = new Map();
    for (const node of allNodes(ctx.sourceCode)) {
      const target = node.type === T.AssignmentExpression ? node.left : node.type === T.UpdateExpression ? node.argument : undefined;
      const key = target ? ctx.refs.key(target) : undefined;
      if (key) pushTo(writes, key, node);
    }
    writesCache.set(ctx, writes);
  }
  return writes;
}

function returnsEarly(node: Node): boolean {
  if (node.type === T.ReturnStatement) return true;
  return node.type === T.BlockStatement && node.body.some((statement) => statement.type === T.ReturnStatement);
}
