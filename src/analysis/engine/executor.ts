/**
 * Promise executors: the owner ends when the promise settles, and it can settle
 * along several paths. Each path must release what the executor acquired.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type FunctionNode, type Node, calleeOf, contains, isFunction, memberName, unwrap } from "../../ast/index.js";
import type { EngineContext } from "./context.js";

export interface SettlePath {
  /** A function inside the executor that calls `resolve`/`reject`, or the registration that passes them directly. */
  node: Node;
  /**
   * Code that runs after this path settles: `work.then(resolve, reject).finally(cleanup)` runs
   * `cleanup` however `work` ends.
   */
  after: Node[];
}

const cache = new WeakMap<FunctionNode, SettlePath[]>();

/** Every asynchronous path along which the executor settles its promise. */
export function settlePaths(ctx: EngineContext, executor: FunctionNode): SettlePath[] {
  const cached = cache.get(executor);
  if (cached) return cached;
  const paths: SettlePath[] = [];
  const seen = new Set<Node>();
  for (const param of executor.params) {
    if (param.type !== T.Identifier) continue;
    const variable = ctx.refs.variable(param);
    for (const reference of variable?.references ?? []) {
      const id = reference.identifier as Node;
      const node = pathNodeOf(id, executor);
      // `const check = () => { … resolve(r) … }` called as `check()`: it settles where it is
      // called (synchronously in the executor, or inside a timer's callback), not apart.
      const nodes = node ? (calledAt(ctx, node, executor) ?? [node]) : [];
      for (const at of nodes) {
        if (seen.has(at)) continue;
        seen.add(at);
        paths.push({ node: at, after: finallyAfter(ctx, at) });
      }
    }
  }
  cache.set(executor, paths);
  return paths;
}

/** The functions of `.finally(fn)` calls chained after `node` (through `.then`/`.catch`). */
function finallyAfter(ctx: EngineContext, node: Node): Node[] {
  const out: Node[] = [];
  let current: Node = node;
  for (let depth = 0; depth < 8; depth++) {
    const member = current.parent;
    if (member?.type !== T.MemberExpression || member.object !== current) break;
    const call = member.parent;
    if (call?.type !== T.CallExpression || call.callee !== member) break;
    const name = memberName(member);
    if (name === "finally" && call.arguments[0] && call.arguments[0].type !== T.SpreadElement) {
      const fn = ctx.lifecycles.resolveFunction(call.arguments[0]);
      if (fn) out.push(fn);
    } else if (name !== "then" && name !== "catch") {
      break;
    }
    current = call;
  }
  return out;
}

/**
 * For a function declared in the executor and only ever called directly, the path nodes of its
 * calls (nothing for a call in the executor's own body); undefined when it is used otherwise.
 */
function calledAt(ctx: EngineContext, fn: Node, executor: FunctionNode): Node[] | undefined {
  if (!isFunction(fn)) return undefined;
  const declarator = fn.parent;
  const id =
    fn.type === T.FunctionDeclaration
      ? fn.id
      : declarator?.type === T.VariableDeclarator && declarator.init === fn && declarator.id.type === T.Identifier
        ? declarator.id
        : undefined;
  if (!id) return undefined;
  const variable = ctx.refs.variable(id);
  if (!variable) return undefined;
  const reads = variable.references.filter((reference) => !reference.init);
  if (reads.length === 0) return undefined;
  const out: Node[] = [];
  for (const reference of reads) {
    const use = reference.identifier as Node;
    const call = use.parent;
    if (call?.type !== T.CallExpression || call.callee !== use || !contains(executor, call)) return undefined;
    const node = pathNodeOf(use, executor);
    // A call from inside the function itself (recursion) adds no new path.
    if (node && node !== fn) out.push(node);
  }
  return out;
}

function pathNodeOf(id: Node, executor: FunctionNode): Node | undefined {
  const parent = id.parent;
  // `el.addEventListener("load", resolve)`, `setTimeout(reject, ms)`, `ws.onopen = resolve`
  if (parent?.type === T.CallExpression && parent.callee !== id) return parent;
  if (parent?.type === T.AssignmentExpression && parent.right === id) return parent;
  for (let current = id.parent; current && current !== executor; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined; // settled synchronously in the executor body
}

/** Whether the executor is one of the racers of `Promise.race([...])` / `Promise.any([...])`. */
export function isRacer(executor: FunctionNode): boolean {
  const created = executor.parent;
  const array = created?.parent;
  const call = array?.parent;
  if (array?.type !== T.ArrayExpression || call?.type !== T.CallExpression) return false;
  const { object, name } = calleeOf(call);
  return (name === "race" || name === "any") && object?.type === T.Identifier && object.name === "Promise";
}

/** The function a callback argument denotes, when it is inline or a local function. */
export function callbackFunction(ctx: EngineContext, arg: TSESTree.CallExpressionArgument | undefined): FunctionNode | undefined {
  if (!arg || arg.type === T.SpreadElement) return undefined;
  return ctx.lifecycles.resolveFunction(unwrap(arg));
}

/** The paths that start at `start` (the acquisition's own callback) versus all the others. */
export function splitPaths(
  ctx: EngineContext,
  paths: readonly SettlePath[],
  own: readonly Node[],
): { own: SettlePath[]; others: SettlePath[] } {
  const reach = ctx.expand(own);
  const result = { own: [] as SettlePath[], others: [] as SettlePath[] };
  for (const path of paths) {
    (reach.some((root) => contains(root, path.node)) ? result.own : result.others).push(path);
  }
  return result;
}
