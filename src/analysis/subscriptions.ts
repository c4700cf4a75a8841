/**
 * Subscriptions: `.subscribe(...)` results and disposers returned by local functions.
 * RxJS operators that complete the stream (`take(1)`, `first()`, `takeUntil(destroy$)`
 * with `destroy$` fired at teardown) release it without an explicit unsubscribe.
 */
import { AST_NODE_TYPES as T, type TSESTree } from "@typescript-eslint/utils";
import { type Node, calleeOf, contains, isFunction, returnedValues, unwrap } from "../ast/index.js";
import type { Owner } from "../lifecycle/owners.js";
import {
  COMPLETING_OPERATORS,
  type HandleEntry,
  NOTIFIER_EMITS,
  SUBSCRIPTION_RELEASES,
  TAKE_UNTIL,
} from "../resources/closeable.js";
import type { Call, EngineContext, Release } from "./engine.js";

const SUBSCRIPTION: HandleEntry = {
  family: "subscription",
  label: "subscription",
  release: SUBSCRIPTION_RELEASES,
  keeps: "the subscriber callback and everything it closes over",
};

/** `.subscribe(...)` results, and calls to local functions that return a disposer. */
export function subscriptionAcquisitions(ctx: EngineContext): { node: Call; entry: HandleEntry }[] {
  const out: { node: Call; entry: HandleEntry }[] = [];
  for (const call of ctx.subscriptions) {
    // `await registration.pushManager.subscribe()` is a promise, not a subscription.
    if (call.parent?.type === T.AwaitExpression) continue;
    out.push({ node: call, entry: SUBSCRIPTION });
  }
  for (const call of ctx.plainCalls) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier) continue;
    const fn = ctx.lifecycles.resolveFunction(callee);
    if (fn && !contains(fn, call) && returnsDisposer(ctx, fn)) out.push({ node: call, entry: SUBSCRIPTION });
  }
  return out;
}

/** A function whose every return value is a function: it hands back a disposer. */
function returnsDisposer(ctx: EngineContext, fn: TSESTree.FunctionLike | Node): boolean {
  if (!isFunction(fn)) return false;
  const values = returnedValues(fn);
  return values.length > 0 && values.every((value) => isFunction(unwrap(value)));
}

/** `source.pipe(take(1)).subscribe()`, `takeUntil(destroy$)` with `destroy$.next()` in teardown. */
export function completesByItself(ctx: EngineContext, call: TSESTree.CallExpression, owner: Owner): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  let source = unwrap(callee.object);
  while (source.type === T.CallExpression) {
    const { object, name } = calleeOf(source);
    if (name === "pipe") {
      for (const arg of source.arguments) {
        const operator = arg.type === T.CallExpression ? calleeOf(arg).name : undefined;
        if (operator && COMPLETING_OPERATORS.has(operator)) return true;
        if (operator === TAKE_UNTIL && arg.type === T.CallExpression && notifierFires(ctx, arg.arguments[0], owner)) return true;
      }
    }
    if (!object) break;
    source = object;
  }
  return false;
}

function notifierFires(ctx: EngineContext, notifier: Node | undefined, owner: Owner): boolean {
  if (!notifier || notifier.type === T.SpreadElement) return false;
  const key = ctx.refs.key(notifier);
  if (!key) return true; // `takeUntil(fromEvent(...))`: cannot tell; trust the author.
  const region = ctx.releaseRegion(owner);
  return (ctx.methodReleases.get(key) ?? []).some((release) => NOTIFIER_EMITS.has(release.name) && ctx.inRegion(release.call, region));
}

/** `unsubscribe()` / `this.unsub()`: calls of a stored disposer, by the key of the callee. */
export function indexCalledHandles(ctx: EngineContext): Map<string, Release[]> {
  const index = new Map<string, Release[]>();
  for (const call of ctx.plainCalls) {
    const key = ctx.refs.key(call.callee);
    if (!key) continue;
    const list = index.get(key);
    if (list) list.push({ call, name: "call" });
    else index.set(key, [{ call, name: "call" }]);
  }
  // `disposers.forEach((d) => d())` and `?.()` are out of sight; `handle?.()` is still a plain call.
  return index;
}

