/**
 * Subscriptions: `.subscribe(...)` results and disposers returned by local functions.
 * RxJS operators that complete the stream (`take(1)`, `first()`, `takeUntil(destroy$)`
 * with `destroy$` fired at teardown) release it without an explicit unsubscribe.
 *
 * Without type information a `.subscribe(...)` call is taken for a subscription unless
 * its shape says otherwise: a result that is awaited, chained with `.then/.catch/.finally`
 * or `void`ed is a promise (`await newsletter.subscribe(email)`, `pushManager.subscribe`),
 * and a call whose arguments are all plain data (`billing.subscribe("pro")`, an options
 * object without `next`/`error`/`complete`) has no callback to keep alive.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../../util/node-types.js";
import { type FunctionNode, type Node, calleeOf, contains, isFunction, memberName, outerParent, returnedValues, unwrap } from "../../../ast/index.js";
import type { Owner } from "../../../lifecycle/owners.js";
import {
  COMPLETING_OPERATORS,
  type HandleEntry,
  NOTIFIER_EMITS,
  SUBSCRIPTION_RELEASES,
  TAKE_UNTIL,
} from "../../../resources/closeable.js";
import type { EngineContext } from "../../engine/context.js";
import type { Call, Release } from "../../engine/model.js";
import { moduleBinding } from "../../engine/refs.js";
import { inheritsOutOfSight } from "../../engine/evidence.js";
import { type TypeFacts, typeFacts } from "../../engine/type-facts.js";
import { walk } from "../../../ast/walk.js";
import { RELEASE_NAME } from "../../engine/evidence.js";

const SUBSCRIPTION: HandleEntry = {
  family: "subscription",
  label: "subscription",
  release: SUBSCRIPTION_RELEASES,
  keeps: "the subscriber callback and everything it closes over",
};

/**
 * A Vue watcher no component owns (started after an `await` or in a later callback): its
 * stop handle — called, or `.stop()` (Vue 3.5) — must run when the component unmounts.
 */
const DETACHED_WATCHER: HandleEntry = {
  family: "subscription",
  label: "watcher",
  release: ["stop", ...SUBSCRIPTION_RELEASES],
  keeps: "the watcher (started after an `await` or in a later callback, so Vue does not stop it with the component) and everything its callback closes over",
};

/** Members of a promise: `x.subscribe(email).then(...)` is a promise chain. */
const PROMISE_METHODS: ReadonlySet<string> = new Set(["then", "catch", "finally"]);

/** Keys of an RxJS observer object: `subscribe({ next, error, complete })`. */
const OBSERVER_KEYS: ReadonlySet<string> = new Set(["next", "error", "complete"]);

/**
 * RxJS 7 `takeUntil` ends only when the notifier *emits*: a notifier that just completes
 * leaves the source subscribed (measured; see docs/rules/no-leaked-subscription.md).
 */
const NOTIFIER_ENDS: ReadonlySet<string> = new Set([...NOTIFIER_EMITS].filter((name) => name !== "complete"));

/** Angular `HttpClient` requests: one response, then the observable completes. */
const HTTP_METHODS: ReadonlySet<string> = new Set(["get", "post", "put", "patch", "delete", "head", "options", "request", "jsonp"]);
const HTTP_CLIENT_NAME = /^_?http(Client)?$/i;

/** `.subscribe(...)` results, and calls to local functions that return a disposer. */
export function subscriptionAcquisitions(ctx: EngineContext): { node: Call; entry: HandleEntry }[] {
  const out: { node: Call; entry: HandleEntry }[] = [];
  for (const call of ctx.subscriptions) {
    if (isStreamSubscribe(ctx, call)) out.push({ node: call, entry: SUBSCRIPTION });
  }
  const cache = new WeakMap<FunctionNode, boolean>();
  for (const call of ctx.plainCalls) {
    const callee = unwrap(call.callee);
    const local =
      callee.type === T.Identifier || (callee.type === T.MemberExpression && unwrap(callee.object).type === T.ThisExpression);
    if (!local) continue;
    if (callee.type === T.Identifier && ctx.lifecycles.isDetachedWatcher(call)) {
      out.push({ node: call, entry: DETACHED_WATCHER });
      continue;
    }
    const fn = ctx.lifecycles.resolveFunction(callee);
    if (fn) {
      // A helper that registers its own cleanup with the caller's owner (a composable calling
      // `tryOnScopeDispose(stop)`, a hook with an effect cleanup) may have its stop handle dropped.
      if (!contains(fn, call) && returnsDisposer(ctx, fn, cache, 0) && !counterpartCalled(ctx, call, fn) && !ctx.summaries.of(fn).registersCleanup) {
        out.push({ node: call, entry: SUBSCRIPTION });
      }
      continue;
    }
    // An imported API known to hand back a disposer it does not call itself (`on` from `svelte/events`).
    const binding = callee.type === T.Identifier ? moduleBinding(ctx.refs, callee) : undefined;
    if (binding && ctx.knowledge.disposerImport(binding.module, binding.imported) && !ctx.knowledge.selfCleaningImport(binding.module, binding.imported)) {
      out.push({ node: call, entry: SUBSCRIPTION });
    }
  }
  const facts = typeFacts(ctx.sourceCode);
  if (facts) {
    const taken = new Set<Node>(out.map((acquisition) => acquisition.node));
    for (const call of typedDisposerCalls(ctx, facts, taken)) out.push({ node: call, entry: SUBSCRIPTION });
  }
  return out;
}

/** Name prefixes of helpers that set something up, and of the helpers that undo it. */
const COUNTERPARTS: readonly (readonly [string, string])[] = [
  ["add", "remove"],
  ["on", "off"],
  ["attach", "detach"],
  ["bind", "unbind"],
  ["subscribe", "unsubscribe"],
  ["register", "unregister"],
  ["listen", "unlisten"],
  ["watch", "unwatch"],
  ["start", "stop"],
  ["connect", "disconnect"],
  ["mount", "unmount"],
];

/**
 * `addEvents(node, handlers)` whose file also calls `removeEvents(...)`: the code undoes the
 * setup through the paired helper, not through the returned disposer.
 */
function counterpartCalled(ctx: EngineContext, call: TSESTree.CallExpression, helper: FunctionNode): boolean {
  const { name } = calleeOf(call);
  if (!name) return false;
  const wanted = COUNTERPARTS.flatMap(([up, down]) =>
    name.startsWith(up) && (name.length === up.length || /[A-Z_]/.test(name[up.length]!)) ? [down + name.slice(up.length)] : [],
  );
  if (wanted.length === 0) return false;
  // Not the helper's own disposer calling it: that one is what was dropped.
  return wanted.some((other) => ctx.callsNamed(other).some((call) => !contains(helper, call)));
}

/** A `.subscribe(...)` call that (by its shape) makes a subscription, not a promise. */
function isStreamSubscribe(ctx: EngineContext, call: TSESTree.CallExpression): boolean {
  // Typed: the receiver's `subscribe` hands back a subscription, a disposer or a token — or it does not.
  const receiver = calleeOf(call).object;
  const typed = receiver ? typeFacts(ctx.sourceCode)?.receiverIs(receiver, "observable", "subscribe") : undefined;
  if (typed !== undefined) return typed;
  return !isPromiseShaped(call) && !dataOnly(ctx, call.arguments);
}


/** Members of a returned handle that end a subscription (not `close`: a Node `Timeout` has one). */
const HANDLE_MEMBERS: readonly string[] = ["unsubscribe", "dispose", "remove"];

/** Modules of the project itself: relative paths, `@/` and `~/` aliases, `#` subpath imports. */
const PROJECT_MODULE = /^(\.{1,2}\/|\/|@\/|~\/|#)/;

/**
 * With types, disposers the syntax cannot see: a listener added through a custom `on()` that
 * returns its unsubscribe function (the receiver is no event target, so the listener rule
 * leaves it here), and a project helper imported from another file (`watchTheme(apply);`)
 * whose returned disposer is dropped. Only calls the engine already collected are asked about.
 */
function typedDisposerCalls(ctx: EngineContext, facts: TypeFacts, taken: ReadonlySet<Node>): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  for (const { call, name } of ctx.listenerAdds) {
    const { object } = calleeOf(call);
    if (object && facts.listenable(object, name) === false && facts.returnsDisposer(call, HANDLE_MEMBERS) === true) out.push(call);
  }
  for (const call of ctx.plainCalls) {
    if (!taken.has(call) && discardedHelperCall(ctx, call) && facts.returnsDisposer(call, HANDLE_MEMBERS) === true) out.push(call);
  }
  return out;
}

/** `helper(callback);` with its result dropped, where `helper` is imported from the project. */
function discardedHelperCall(ctx: EngineContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.Identifier) return false;
  const callback = call.arguments.some((arg) => {
    const inner = arg.type === T.SpreadElement ? undefined : unwrap(arg);
    return !!inner && (isFunction(inner) || inner.type === T.Identifier || inner.type === T.MemberExpression);
  });
  if (!callback) return false;
  const { parent } = outerParent(call);
  if (parent?.type !== T.ExpressionStatement && !(parent?.type === T.UnaryExpression && parent.operator === "void")) return false;
  const module = moduleBinding(ctx.refs, callee)?.module;
  return !!module && PROJECT_MODULE.test(module);
}

/** `await x.subscribe()`, `x.subscribe().then(...)`, `void x.subscribe()`. */
function isPromiseShaped(call: TSESTree.CallExpression): boolean {
  let current: Node = call;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === T.ChainExpression ||
      parent.type === T.TSAsExpression ||
      parent.type === T.TSNonNullExpression ||
      parent.type === T.TSSatisfiesExpression)
  ) {
    current = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (parent.type === T.AwaitExpression) return true;
  if (parent.type === T.UnaryExpression && parent.operator === "void") return true;
  if (parent.type === T.MemberExpression && parent.object === current) {
    const name = memberName(parent);
    return !!name && PROMISE_METHODS.has(name);
  }
  return false;
}

/** Every argument is plain data: no callback, no observer object, nothing that could be one. */
function dataOnly(ctx: EngineContext, args: readonly TSESTree.CallExpressionArgument[]): boolean {
  return args.length > 0 && args.every((arg) => isData(ctx, arg, 0));
}

function isData(ctx: EngineContext, node: Node, depth: number): boolean {
  if (depth > 3) return false;
  const inner = unwrap(node);
  switch (inner.type) {
    case T.Literal:
    case T.TemplateLiteral:
      return true;
    case T.ObjectExpression:
      return inner.properties.every(
        (property) =>
          property.type === T.Property &&
          !property.computed &&
          !(property.key.type === T.Identifier && OBSERVER_KEYS.has(property.key.name)) &&
          !(property.key.type === T.Literal && OBSERVER_KEYS.has(String(property.key.value))) &&
          !isFunction(unwrap(property.value)),
      );
    case T.Identifier: {
      const def = ctx.refs.variable(inner)?.defs[0];
      if (def?.type !== "Variable" || def.node.id.type !== T.Identifier || !def.node.init) return false;
      return isData(ctx, def.node.init, depth + 1);
    }
    default:
      return false;
  }
}

/**
 * A function that hands back a disposer: every value it returns is a function that
 * undoes something (its body calls `unsubscribe`, `removeEventListener`, `clearInterval`,
 * `off`, `delete`, ...), a subscription, or another such function's result. A function
 * that merely returns a callback (`selectRow(id)` returning `() => setSelected(id)`) is
 * not one.
 */
function returnsDisposer(ctx: EngineContext, fn: FunctionNode, cache: WeakMap<FunctionNode, boolean>, depth: number): boolean {
  const cached = cache.get(fn);
  if (cached !== undefined) return cached;
  cache.set(fn, false); // recursion guard
  const values = returnedValues(fn);
  const result = values.length > 0 && values.every((value) => isDisposerValue(ctx, value, cache, depth));
  cache.set(fn, result);
  return result;
}

function isDisposerValue(ctx: EngineContext, value: Node, cache: WeakMap<FunctionNode, boolean>, depth: number): boolean {
  if (depth > 4) return false;
  const inner = unwrap(value);
  // A disposer takes nothing; a function taking arguments that clears a timer is a debounce.
  if (isFunction(inner)) return isDisposerFunction(ctx, inner);
  if (inner.type === T.CallExpression) {
    if (calleeOf(inner).name === "subscribe") return isStreamSubscribe(ctx, inner);
    const callee = unwrap(inner.callee);
    const fn = callee.type === T.Identifier ? ctx.lifecycles.resolveFunction(callee) : undefined;
    return !!fn && !contains(fn, inner) && returnsDisposer(ctx, fn, cache, depth + 1);
  }
  if (inner.type === T.Identifier) {
    const def = ctx.refs.variable(inner)?.defs[0];
    if (def?.type === "FunctionName" && isFunction(def.node)) return isDisposerFunction(ctx, def.node);
    if (def?.type === "Variable" && def.node.id.type === T.Identifier && def.node.init) {
      return isDisposerValue(ctx, def.node.init, cache, depth + 1);
    }
  }
  return false;
}

/** Names of calls that start something: a function making them re-arms, it does not dispose. */
const REARMS = /^(setTimeout|setInterval|requestAnimationFrame|requestIdleCallback|addEventListener|addListener|on|once|subscribe)$/;

/**
 * A disposer takes nothing and only undoes: a debounce (`function () { clearTimeout(t);
 * t = setTimeout(later, wait) }`, reading `arguments`) is a wrapper, not a disposer.
 */
function isDisposerFunction(ctx: EngineContext, fn: FunctionNode): boolean {
  if (fn.params.length > 0 || !undoesSomething(ctx, fn)) return false;
  let rearms = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (node) => {
    if (rearms) return false;
    if (node.type === T.Identifier && node.name === "arguments") rearms = true;
    if (node.type === T.CallExpression && REARMS.test(calleeOf(node).name ?? "")) rearms = true;
    return !rearms && !(isFunction(node) && node !== fn);
  });
  return !rearms;
}

/** The function's body calls something whose name says it releases (or a disposer variable). */
function undoesSomething(ctx: EngineContext, fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (node) => {
    if (found) return false;
    if (node.type !== T.CallExpression) return;
    const { name } = calleeOf(node);
    if (name && RELEASE_NAME.test(name)) found = true;
  });
  return found;
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
    // `this.http.get(url)`: an Angular HttpClient request completes after its response.
    if (name && HTTP_METHODS.has(name) && object && isHttpClient(object)) return true;
    if (!object) break;
    source = object;
  }
  return false;
}

function isHttpClient(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return HTTP_CLIENT_NAME.test(inner.name);
  if (inner.type === T.MemberExpression && unwrap(inner.object).type === T.ThisExpression) {
    const name = memberName(inner);
    return !!name && HTTP_CLIENT_NAME.test(name);
  }
  return false;
}

function notifierFires(ctx: EngineContext, notifier: Node | undefined, owner: Owner): boolean {
  if (!notifier || notifier.type === T.SpreadElement) return false;
  const key = ctx.refs.key(notifier);
  if (!key) return true; // `takeUntil(fromEvent(...))`: cannot tell; trust the author.
  // `takeUntil(this.destroyed$)` where `destroyed$` is the base class's (from another file), and
  // nothing here fires it: the base's teardown does; trust the author here too.
  if (key.startsWith("this") && !(ctx.methodReleases.get(key) ?? []).length && inheritedMember(ctx, notifier)) return true;
  const region = ctx.releaseRegion(owner);
  return (ctx.methodReleases.get(key) ?? []).some((release) => NOTIFIER_ENDS.has(release.name) && ctx.inRegion(release.call, region));
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

/** `this.x` of a class that declares no `x` itself and extends a class the file does not see. */
function inheritedMember(ctx: EngineContext, node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type !== T.MemberExpression || unwrap(inner.object).type !== T.ThisExpression) return false;
  const name = memberName(inner);
  if (!name || !inheritsOutOfSight(ctx, inner)) return false;
  let cls: Node | undefined = inner.parent;
  while (cls && cls.type !== T.ClassBody) cls = cls.parent;
  if (!cls || cls.type !== T.ClassBody) return false;
  return !cls.body.some((member) => (member.type === T.PropertyDefinition || member.type === T.MethodDefinition) && !member.computed && member.key.type === T.Identifier && member.key.name === name);
}
