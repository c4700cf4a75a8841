/**
 * Guards shared by the families: whether storing a handle again can drop a live one.
 */
import { AST_NODE_TYPES as T } from "@typescript-eslint/utils";
import { type Node, contains, enclosingFunction } from "../../ast/index.js";
import type { EngineContext } from "./context.js";
import type { Release } from "./model.js";
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
