/**
 * The file's call graph, as far as one file shows it: who calls a local helper or a
 * class's own method.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type FunctionNode, type Node, contains, functionBinding, isClass, unwrap } from "../../ast/index.js";
import type { EngineContext } from "./context.js";

const callSiteCache = new WeakMap<Node, TSESTree.CallExpression[]>();

/**
 * The calls in the file of a helper function or class method: `helper(x)` resolved to the
 * helper's binding (not for module-level functions, which other modules may call), and
 * `this.setup(x)` in the method's own class. Calls from other files (`viewer.setup(x)`) and
 * uses as a value are not seen: callers treat an empty list as "unknown".
 */
export function callSitesOf(ctx: EngineContext, fn: FunctionNode): TSESTree.CallExpression[] {
  const cached = callSiteCache.get(fn);
  if (cached) return cached;
  let sites: TSESTree.CallExpression[] = [];
  const method = fn.parent?.type === T.MethodDefinition && !fn.parent.computed ? fn.parent : undefined;
  const cls = method?.parent?.parent;
  if (method && cls && isClass(cls) && method.key.type === T.Identifier) {
    const name = method.key.name;
    sites = ctx.callsNamed(name).filter((call) => unwrap(call.callee).type === T.MemberExpression && contains(cls, call));
  } else {
    const binding = functionBinding(fn);
    const variable = binding ? ctx.refs.variable(binding) : undefined;
    if (variable && variable.scope.type !== "module" && variable.scope.type !== "global") {
      sites = ctx.callsNamed(binding!.name).filter((call) => {
        const callee = unwrap(call.callee);
        return callee.type === T.Identifier && ctx.refs.variable(callee) === variable;
      });
    }
  }
  callSiteCache.set(fn, sites);
  return sites;
}

