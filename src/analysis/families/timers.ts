/**
 * Timers: `setInterval` always repeats, so it must be cleared by whoever owns it;
 * `setTimeout`, `requestAnimationFrame` and `requestIdleCallback` matter when their
 * owner can end first (effects, components, classes with a teardown) or when they
 * race a promise, and when they reschedule themselves into a loop.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type FunctionNode, type Node, calleeOf, contains, enclosingFunction, isFunction, unwrap } from "../../ast/index.js";
import { type Owner, type OwnerContext, pairedSetup } from "../../lifecycle/owners.js";
import { TIMERS, type TimerEntry } from "../../resources/catalogue.js";
import type { EngineContext } from "../engine/context.js";
import { type Finding, type Proof, likely, proven } from "../engine/model.js";
import { HELD_BY_RUNTIME, evidence, handedAway, ownerProof, releaseProof, repeatsProof } from "../engine/evidence.js";
import { callbackFunction, isRacer, settlePaths, splitPaths } from "../engine/executor.js";
import { type Handle, handleOf } from "../engine/handles.js";
import { walk } from "../../ast/walk.js";
import { flagGuarded, guardedBefore } from "../engine/guards.js";
import { type CleanupOffer, appendCleanupSuggestion, freshName, isGlobalIn, withCleanup } from "../engine/suggestions.js";

const RELEASE_NAMES = new Set(["clearInterval", "clearTimeout", "cancelAnimationFrame", "cancelIdleCallback"]);

/** Setup methods that run once per start of a framework class's life, each followed by its teardown. */

/** Callees whose callback's return value is thrown away. */
const RETURN_IGNORED_CALLEES = new Set([
  "addEventListener",
  "on",
  "once",
  "addListener",
  "prependListener",
  "prependOnceListener",
  "forEach",
  "queueMicrotask",
]);

export function analyzeTimers(ctx: EngineContext): Finding[] {
  const findings: Finding[] = [];
  for (const { call, name } of ctx.timers) {
    const entry = TIMERS[name]!;
    // `setInterval()` with no callback schedules nothing worth keeping (and throws in Node).
    if (call.arguments.length === 0) continue;
    const context = ctx.lifecycles.ownerOf(call);
    const owner = context.owner;
    if (owner.type === "module") continue;
    // A function that only the module body calls, once (`main()`, an IIFE), lives as long as the module.
    let handle = handleOf(call, ctx.refs, RELEASE_NAMES);
    // Returned from a callback whose return value nobody reads (an executor, an effect setup,
    // an event handler): as good as discarded.
    if (handle.type === "returned" && returnIgnored(ctx, call)) handle = { type: "discarded" };
    if (handle.type === "returned" || handle.type === "escaped") continue;
    if (handle.type === "stored" && (handle.returned || handle.escapes)) continue;
    const finding =
      owner.type === "executor"
        ? executorTimer(ctx, call, name, owner.fn, handle)
        : ownedTimer(ctx, call, name, entry, context, handle);
    if (finding) findings.push(finding);
  }
  return findings;
}

function ownedTimer(
  ctx: EngineContext,
  call: TSESTree.CallExpression,
  name: string,
  entry: TimerEntry,
  context: OwnerContext,
  handle: Handle,
): Finding | undefined {
  const { owner } = context;
  const loop = entry.kind === "interval" ? undefined : rescheduledLoop(ctx, call);
  if (!judged(ctx, call, entry, owner, handle, loop)) return undefined;
  const { owner: ownerText, end } = ctx.describe(owner);
  const callback = callbackText(ctx, call);
  const data = { timer: name, owner: ownerText, end, callback, release: entry.release };
  const holder = timerHolder(ctx, call, entry, loop);
  const ownerFact = ownerProof(ctx, context, handle);
  if (handle.type === "discarded") {
    const finding: Finding = {
      kind: "timer",
      messageId: loop ? "loopNeverStopped" : "timerDiscarded",
      node: call,
      data,
      evidence: evidence(holder, ownerFact, releaseProof({})),
    };
    return loop ? finding : withCleanup(finding, storeAndClearSuggestion(ctx, call, owner, entry.release), "timerDiscardedManualCleanup");
  }
  if (handle.type !== "stored") return undefined;
  const region = ctx.releaseRegion(owner);
  const released = handle.keys.some((key) => ctx.releasedIn(ctx.timerReleases.get(key), region));
  if (!released) {
    const elsewhere = handle.keys.some((key) => ctx.releasedIn(ctx.timerReleases.get(key), "anywhere"));
    return {
      kind: "timer",
      messageId: loop ? "loopNeverStopped" : elsewhere ? "timerNotClearedInTeardown" : "timerNeverCleared",
      node: call,
      data: { ...data, handle: ctx.refs.text(handle.target) },
      evidence: evidence(
        holder,
        ownerFact,
        releaseProof({
          elsewhere,
          maybe: ctx.looselyReleased(ctx.timerReleases, handle.keys),
          opaque: handedAway(ctx, region, handle.keys),
        }),
      ),
    };
  }
  if (entry.kind === "interval" && !handle.declared && !handle.guarded && !pairedSetup(owner, call)) {
    if (
      !guardedBefore(ctx, call, handle.keys, ctx.timerReleases) &&
      !flagGuarded(ctx, call, enclosingFunction(call)) &&
      !freshPerRun(ctx, call, handle.target)
    ) {
      // The old interval keeps running, unreachable: nothing can clear it any more — once the
      // storing code runs again while it is live, which the file must show.
      const replaced = evidence(HELD_BY_RUNTIME, repeatsProof(ctx, context), proven("the old handle is lost"));
      return { kind: "timer", messageId: "timerOverwritten", node: call, data: { ...data, handle: ctx.refs.text(handle.target) }, evidence: replaced };
    }
  }
  return undefined;
}

/**
 * What keeps a timer's callback alive: an interval or a self-rescheduling loop is held by the
 * runtime until cleared. A one-shot timer lets go when it fires, so it proves a leak only when
 * its callback arms it again (a reconnect, a new poll). A callback that acquires something else
 * runs once, maybe after the owner ended: a race whose acquisition its own family judges, so
 * the timer itself is probable.
 */
function timerHolder(ctx: EngineContext, call: TSESTree.CallExpression, entry: TimerEntry, loop: FunctionNode | undefined): Proof {
  if (entry.kind === "interval" || loop) return HELD_BY_RUNTIME;
  const callback = callbackFunction(ctx, call.arguments[0]);
  if (!callback) return likely("one-shot timer");
  // `setTimeout(() => this.poll(), 5000)` inside `poll()`: the callback runs the code that arms
  // it again, so it never ends by itself.
  // `setTimeout(() => this.poll(), 5000)` inside `poll()`, or inside a callback of it
  // (`requestAnimationFrame(() => setTimeout(() => this.checkProgress(), 5000))`): the callback
  // runs the code that arms it again, so it never ends by itself.
  if (callsBack(ctx, callback, call)) return HELD_BY_RUNTIME;
  return ctx.summaries.of(callback).acquires ? likely("its callback acquires again") : likely("one-shot timer");
}

/**
 * Whether `callback` calls a function that encloses `call` (a few levels up: the method that
 * arms it through `requestAnimationFrame`), which then arms the timer again.
 */
function callsBack(ctx: EngineContext, callback: FunctionNode, call: TSESTree.CallExpression): boolean {
  let fn = enclosingFunction(call);
  for (let level = 0; fn && level < 4; level++, fn = enclosingFunction(fn)) {
    if (ctx.summaries.callersOf(fn).some((caller) => contains(callback, caller))) return true;
    // Past a promise executor, a call back starts a new promise (`retry(fn, left - 1)`), judged
    // on its own: the timer of this one is done.
    if (fn.parent?.type === T.NewExpression && fn.parent.arguments[0] === fn) return false;
  }
  return false;
}

/** Whether this kind of timer matters for this owner. */
function judged(
  ctx: EngineContext,
  call: TSESTree.CallExpression,
  entry: TimerEntry,
  owner: Owner,
  handle: Handle,
  loop: FunctionNode | undefined,
): boolean {
  if (entry.kind === "interval") return true;
  const canEndFirst = ownerCanEndFirst(owner);
  if (loop) return canEndFirst && !stoppable(call, loop);
  // A one-shot timeout or idle callback matters only when its owner can end before it fires.
  if ((entry.kind !== "timeout" && entry.kind !== "idle") || !canEndFirst) return false;
  if (entry.kind === "timeout" && isImmediate(call)) return false;
  // In an effect, only a timeout the setup itself starts (or a one-shot callback of it) is bound
  // to the effect; one started by a handler the effect installs is a one-shot of that handler,
  // like a timeout in a component's event handler.
  if (owner.type === "effect" && !oneShotPath(call, owner.setup)) return false;
  if (owner.type === "class" && owner.info.framework === "plain") {
    // A plain class's timeout matters when it acts on the instance after teardown; a dropped
    // one that fires within a second (a deferred style reset, a debounce of one frame) holds
    // its callback only that long.
    if (handle.type === "discarded" && shortDelay(call)) return false;
    return handle.type === "stored" || usesThis(ctx, call);
  }
  return true;
}

function ownerCanEndFirst(owner: Owner): boolean {
  switch (owner.type) {
    case "effect":
    case "render":
      return true;
    case "class":
      return owner.info.framework !== "plain" || owner.info.teardown.length > 0;
    default:
      return false;
  }
}

/** `setTimeout(fn)` / `setTimeout(fn, 0)`: a deferral, not a pending timer worth clearing. */
function isImmediate(call: TSESTree.CallExpression): boolean {
  return call.arguments[1] === undefined || literalDelay(call) === 0;
}

/** A literal delay under a second. */
function shortDelay(call: TSESTree.CallExpression): boolean {
  const delay = literalDelay(call);
  return delay !== undefined && delay < 1000;
}

/** The delay argument when it is a number literal. */
function literalDelay(call: TSESTree.CallExpression): number | undefined {
  const delay = call.arguments[1];
  const inner = delay ? unwrap(delay) : undefined;
  return inner?.type === T.Literal && typeof inner.value === "number" ? inner.value : undefined;
}

function usesThis(ctx: EngineContext, call: TSESTree.CallExpression): boolean {
  const arg = call.arguments[0];
  if (!arg) return false;
  const inner = unwrap(arg);
  if (inner.type === T.MemberExpression) return unwrap(inner.object).type === T.ThisExpression;
  if (inner.type !== T.ArrowFunctionExpression) return false;
  let found = false;
  walk(inner.body, ctx.sourceCode.visitorKeys, (node) => {
    if (node.type === T.ThisExpression) found = true;
    return !found && !(isFunction(node) && node.type !== T.ArrowFunctionExpression);
  });
  return found;
}

/**
 * A frame/timeout that reschedules its own function (`function tick() { ...; requestAnimationFrame(tick) }`)
 * is a loop; returns that function when `call` is the rescheduling call inside it.
 */
function rescheduledLoop(ctx: EngineContext, call: TSESTree.CallExpression): FunctionNode | undefined {
  const fn = callbackFunction(ctx, call.arguments[0]);
  return fn && contains(fn, call) ? fn : undefined;
}

/** A loop whose rescheduling call is conditional (or follows an early return) can be stopped by a flag. */
function stoppable(call: TSESTree.CallExpression, loop: FunctionNode): boolean {
  let child: Node = call;
  for (let parent: Node | undefined = call.parent; parent && parent !== loop; child = parent, parent = parent.parent) {
    if (parent.type === T.IfStatement && parent.test !== child) return true;
    if (parent.type === T.ConditionalExpression && parent.test !== child) return true;
    if (parent.type === T.LogicalExpression && parent.right === child) return true;
  }
  if (loop.body.type !== T.BlockStatement) return false;
  for (const statement of loop.body.body) {
    if (statement.range[0] >= call.range[0]) break;
    if (statement.type === T.IfStatement && containsReturn(statement.consequent)) return true;
  }
  return false;
}

function containsReturn(node: Node): boolean {
  if (node.type === T.ReturnStatement) return true;
  if (node.type === T.BlockStatement) return node.body.some((statement) => statement.type === T.ReturnStatement);
  return false;
}

/**
 * A timer inside a promise executor whose callback settles the promise (a connect or
 * request timeout) must be cleared on every other path along which the promise settles;
 * an interval must be cleared on every path, its own included.
 */
function executorTimer(
  ctx: EngineContext,
  call: TSESTree.CallExpression,
  name: string,
  executor: FunctionNode,
  handle: Handle,
): Finding | undefined {
  const entry = TIMERS[name]!;
  if (entry.kind !== "timeout" && entry.kind !== "interval") return undefined;
  const interval = entry.kind === "interval";
  // `setTimeout(resolve, 0)` settles on the next turn: it races nothing.
  if (!interval && isImmediate(call)) return undefined;
  const paths = settlePaths(ctx, executor);
  const callback = callbackFunction(ctx, call.arguments[0]);
  const split = splitPaths(ctx, paths, callback ? [callback, call] : [call]);
  const racer = isRacer(executor) || racedThroughVariable(ctx, executor);
  // A timeout that does not settle the promise is one-shot work; one that settles it but has
  // nothing to race against is a `sleep()`.
  if (!interval && (split.own.length === 0 || (split.others.length === 0 && !racer))) return undefined;
  const { owner, end } = ctx.describe({ type: "executor", fn: executor, settlers: [] });
  const data = { timer: name, owner, end, callback: callbackText(ctx, call), release: entry.release };
  // The pending timer keeps its callback (and the promise's captured state) until it fires: for
  // good if it is an interval, until then if it is a one-shot that starts nothing new.
  const settled = evidence(timerHolder(ctx, call, entry, undefined), proven("settles"), releaseProof({}));
  if (handle.type === "discarded") {
    return { kind: "timer", messageId: interval ? "timerDiscarded" : "timerRacesPromise", node: call, data, evidence: settled };
  }
  if (handle.type !== "stored") return undefined;
  const releases = handle.keys.flatMap((key) => ctx.timerReleases.get(key) ?? []);
  const finding = (messageId: string): Finding => ({
    kind: "timer",
    messageId,
    node: call,
    data: { ...data, handle: ctx.refs.text(handle.target) },
    evidence: settled,
  });
  if (releases.length === 0) return finding(interval ? "timerNeverCleared" : "timerRacesPromise");
  // Cleared after the promise settles (`.finally(...)`, `finally {}` around the `await`),
  // or synchronously in the executor after it was set: every path is covered.
  const coversAll = releases.some(
    (release) =>
      !contains(executor, release.call) ||
      (enclosingFunction(release.call) === executor && release.call.range[0] > call.range[1]),
  );
  if (coversAll) return undefined;
  // Racing another promise from outside: only code outside the executor can see the other side settle.
  if (racer && split.others.length === 0) return finding("timerRacesPromise");
  const mustClear = interval ? [...split.own, ...split.others] : split.others;
  const uncovered = mustClear.filter((path) => !pathReleases(ctx, path.node, executor, releases));
  return uncovered.length > 0 ? finding("timerRacesPromise") : undefined;
}

/** Whether code on this settle path (its function, what it calls, or a function around it) clears the timer. */
function pathReleases(ctx: EngineContext, node: Node, executor: FunctionNode, releases: readonly { call: Node }[]): boolean {
  const roots: Node[] = [node];
  for (let fn = enclosingFunction(node); fn && fn !== executor; fn = enclosingFunction(fn)) roots.push(fn);
  const reach = ctx.expand(roots);
  return releases.some((release) => reach.some((root) => contains(root, release.call)));
}

/** `const timeout = new Promise(...)` later raced: `Promise.race([work, timeout])`. */
function racedThroughVariable(ctx: EngineContext, executor: FunctionNode): boolean {
  const created = executor.parent;
  const declarator = created?.parent;
  if (created?.type !== T.NewExpression || declarator?.type !== T.VariableDeclarator || declarator.init !== created) {
    return false;
  }
  if (declarator.id.type !== T.Identifier) return false;
  const variable = ctx.refs.variable(declarator.id);
  return (variable?.references ?? []).some((reference) => {
    const array = (reference.identifier as Node).parent;
    const race = array?.parent;
    if (array?.type !== T.ArrayExpression || race?.type !== T.CallExpression || race.arguments[0] !== array) return false;
    const { object, name } = calleeOf(race);
    return (name === "race" || name === "any") && object?.type === T.Identifier && object.name === "Promise";
  });
}

/**
 * Whether the value a timer call returns from its function is thrown away: the function is a
 * promise executor, an effect setup (React expects a cleanup function, not a handle), a JSX
 * `on*` handler or a listener.
 */
function returnIgnored(ctx: EngineContext, call: TSESTree.CallExpression): boolean {
  const fn = enclosingFunction(call);
  if (!fn) return false;
  const parent = fn.parent;
  if (parent?.type === T.NewExpression && parent.arguments[0] === fn) {
    const callee = unwrap(parent.callee);
    return callee.type === T.Identifier && callee.name === "Promise" && ctx.refs.isGlobal(callee, "Promise");
  }
  if (ctx.lifecycles.effectOwner(fn)) return true;
  if (parent?.type === T.JSXExpressionContainer && parent.parent?.type === T.JSXAttribute) {
    const attribute = parent.parent.name;
    return attribute.type === T.JSXIdentifier && /^on[A-Z]/.test(attribute.name);
  }
  if (parent?.type === T.CallExpression && parent.callee !== fn) {
    const { name } = calleeOf(parent);
    return !!name && RETURN_IGNORED_CALLEES.has(name);
  }
  return false;
}

/** Callees whose function argument runs at most once per call. */
const ONE_SHOT_CALLEES = new Set([
  "then",
  "catch",
  "finally",
  "once",
  "setTimeout",
  "setImmediate",
  "queueMicrotask",
  "nextTick",
  "requestAnimationFrame",
  "requestIdleCallback",
  "onMounted",
  "onBeforeMount",
  // React Native: runs the callback once, after interactions settle.
  "runAfterInteractions",
]);

/** `fn` is passed to a callee that calls it at most once (`p.then(fn)`, `emitter.once(type, fn)`). */
function isOneShotCallback(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type !== T.CallExpression || parent.callee === fn) return false;
  const { name } = calleeOf(parent);
  return !!name && ONE_SHOT_CALLEES.has(name);
}

/** Every function between `call` and `root` is a one-shot callback. */
function oneShotPath(call: TSESTree.CallExpression, root: FunctionNode): boolean {
  for (let fn = enclosingFunction(call); fn && fn !== root; fn = enclosingFunction(fn)) {
    if (!isOneShotCallback(fn)) return false;
  }
  return true;
}

/**
 * A local variable declared in an enclosing function and written only from one-shot callbacks
 * of it (`load().then(() => { id = setInterval(...) })`): each run of that function has its own
 * variable, written once, so nothing can be overwritten.
 */
function freshPerRun(ctx: EngineContext, call: TSESTree.CallExpression, target: Node): boolean {
  if (target.type !== T.Identifier) return false;
  const declaration = ctx.refs.variable(target)?.defs[0]?.node;
  if (!declaration) return false;
  const declaringFn = isFunction(declaration) ? declaration : enclosingFunction(declaration);
  if (!declaringFn || declaringFn === enclosingFunction(call)) return false;
  if (!contains(declaringFn, call)) return false;
  return oneShotPath(call, declaringFn);
}


function callbackText(ctx: EngineContext, call: TSESTree.CallExpression): string {
  const arg = call.arguments[0];
  if (!arg) return "its callback";
  const inner = unwrap(arg);
  if (inner.type === T.Identifier || inner.type === T.MemberExpression) return `\`${ctx.refs.text(inner)}\``;
  return "its callback";
}

/**
 * In an effect with no cleanup yet: keep the handle in a `const` whose name the setup does not
 * use or see yet, and clear it in a new cleanup — when `release` there is the global.
 */
function storeAndClearSuggestion(
  ctx: EngineContext,
  call: TSESTree.CallExpression,
  owner: Owner,
  release: string,
): CleanupOffer | undefined {
  if (owner.type !== "effect" || call.parent?.type !== T.ExpressionStatement) return undefined;
  const statement = call.parent;
  if (statement.parent !== owner.setup.body || !isGlobalIn(ctx, owner.setup, release, ["timers"])) return undefined;
  const name = freshName(ctx, owner.setup, "timer");
  // Before the statement, not the call: `(setInterval(tick, 1000));` keeps its parentheses as the initialiser.
  return appendCleanupSuggestion(ctx, owner.setup, call, `${release}(${name});`, "storeAndClear", { release }, (fixer) =>
    fixer.insertTextBefore(statement, `const ${name} = `),
  );
}
