/**
 * Timers: `setInterval` always repeats, so it must be cleared by whoever owns it;
 * `setTimeout`, `requestAnimationFrame` and `requestIdleCallback` matter when their
 * owner can end first (effects, components, classes with a teardown) or when they
 * race a promise, and when they reschedule themselves into a loop.
 */
import { AST_NODE_TYPES as T, type TSESTree } from "@typescript-eslint/utils";
import { type FunctionNode, type Node, contains, isFunction, unwrap } from "../ast/index.js";
import type { Owner } from "../lifecycle/owners.js";
import { TIMERS, type TimerEntry } from "../resources/catalogue.js";
import type { EngineContext, Finding } from "./engine.js";
import { callbackFunction, isRacer, settlePaths, splitPaths } from "./executor.js";
import { type Handle, handleOf } from "./handles.js";
import { appendCleanupSuggestion, guardedBefore } from "./shared.js";

const RELEASE_NAMES = new Set(["clearInterval", "clearTimeout", "cancelAnimationFrame", "cancelIdleCallback"]);

export function analyzeTimers(ctx: EngineContext): Finding[] {
  const findings: Finding[] = [];
  for (const { call, name } of ctx.timers) {
    const entry = TIMERS[name]!;
    const { owner } = ctx.lifecycles.ownerOf(call);
    if (owner.type === "module") continue;
    const handle = handleOf(call, ctx.refs, RELEASE_NAMES);
    if (handle.type === "returned" || handle.type === "escaped") continue;
    if (handle.type === "stored" && (handle.returned || handle.escapes)) continue;
    const finding =
      owner.type === "executor"
        ? executorTimer(ctx, call, name, owner.fn, handle)
        : ownedTimer(ctx, call, name, entry, owner, handle);
    if (finding) findings.push(finding);
  }
  return findings;
}

function ownedTimer(
  ctx: EngineContext,
  call: TSESTree.CallExpression,
  name: string,
  entry: TimerEntry,
  owner: Owner,
  handle: Handle,
): Finding | undefined {
  const loop = entry.kind === "interval" ? undefined : rescheduledLoop(ctx, call);
  if (!judged(ctx, call, entry, owner, handle, loop)) return undefined;
  const { owner: ownerText, end } = ctx.describe(owner);
  const callback = callbackText(ctx, call);
  const data = { timer: name, owner: ownerText, end, callback, release: entry.release };
  if (handle.type === "discarded") {
    return {
      kind: "timer",
      messageId: loop ? "loopNeverStopped" : "timerDiscarded",
      node: call,
      data,
      suggest: loop ? undefined : storeAndClearSuggestion(ctx, call, owner, entry.release),
    };
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
    };
  }
  if (entry.kind === "interval" && !handle.declared && !handle.guarded) {
    if (!guardedBefore(ctx, call, handle.keys, ctx.timerReleases)) {
      return { kind: "timer", messageId: "timerOverwritten", node: call, data: { ...data, handle: ctx.refs.text(handle.target) } };
    }
  }
  return undefined;
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
  if (entry.kind !== "timeout" || !canEndFirst) return false;
  if (isImmediate(call)) return false;
  if (owner.type === "class" && owner.info.framework === "plain") {
    // A plain class's timeout matters when it acts on the instance after teardown.
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
  const delay = call.arguments[1];
  if (!delay) return true;
  const inner = unwrap(delay);
  return inner.type === T.Literal && inner.value === 0;
}

function usesThis(ctx: EngineContext, call: TSESTree.CallExpression): boolean {
  const arg = call.arguments[0];
  if (!arg) return false;
  const inner = unwrap(arg);
  if (inner.type === T.MemberExpression) return unwrap(inner.object).type === T.ThisExpression;
  if (inner.type !== T.ArrowFunctionExpression) return false;
  let found = false;
  walkSource(ctx, inner.body, (node) => {
    if (node.type === T.ThisExpression) found = true;
    return !found && !(isFunction(node) && node.type !== T.ArrowFunctionExpression);
  });
  return found;
}

function walkSource(ctx: EngineContext, root: Node, enter: (node: Node) => boolean): void {
  const stack: Node[] = [root];
  const keys = ctx.sourceCode.visitorKeys;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!enter(node)) continue;
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) for (const item of value) item && stack.push(item as Node);
      else if (value && typeof value === "object") stack.push(value as Node);
    }
  }
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
 * request timeout) must be cleared when the promise settles another way.
 */
function executorTimer(
  ctx: EngineContext,
  call: TSESTree.CallExpression,
  name: string,
  executor: FunctionNode,
  handle: Handle,
): Finding | undefined {
  if (TIMERS[name]?.kind !== "timeout" && TIMERS[name]?.kind !== "interval") return undefined;
  const paths = settlePaths(ctx, executor);
  const callback = callbackFunction(ctx, call.arguments[0]);
  const own = paths.filter((path) => path.node === call || (callback && contains(callback, path.node)));
  const split = splitPaths(ctx, paths, callback ? [callback, call] : [call]);
  const settlesHere = own.length > 0 || split.own.length > 0;
  if (TIMERS[name]?.kind === "timeout" && !settlesHere) return undefined;
  const others = split.others;
  if (others.length === 0 && !isRacer(executor) && TIMERS[name]?.kind === "timeout") return undefined;
  const { owner, end } = ctx.describe({ type: "executor", fn: executor, settlers: [] });
  const data = { timer: name, owner, end, callback: callbackText(ctx, call), release: TIMERS[name]!.release };
  if (handle.type === "discarded") return { kind: "timer", messageId: "timerRacesPromise", node: call, data };
  if (handle.type !== "stored") return undefined;
  const cleared = handle.keys.some((key) =>
    (ctx.timerReleases.get(key) ?? []).some((release) => !callback || !contains(callback, release.call)),
  );
  return cleared ? undefined : { kind: "timer", messageId: "timerRacesPromise", node: call, data };
}

function callbackText(ctx: EngineContext, call: TSESTree.CallExpression): string {
  const arg = call.arguments[0];
  if (!arg) return "its callback";
  const inner = unwrap(arg);
  if (inner.type === T.Identifier || inner.type === T.MemberExpression) return `\`${ctx.refs.text(inner)}\``;
  return "its callback";
}

/** In an effect with no cleanup yet: keep the handle and clear it in a new cleanup. */
function storeAndClearSuggestion(
  ctx: EngineContext,
  call: TSESTree.CallExpression,
  owner: Owner,
  release: string,
): Finding["suggest"] {
  if (owner.type !== "effect" || call.parent?.type !== T.ExpressionStatement) return undefined;
  const statement = call.parent;
  if (statement.parent !== owner.setup.body) return undefined;
  const name = ctx.freshName(owner.setup, "timer");
  return appendCleanupSuggestion(ctx, owner.setup, `${release}(${name});`, "storeAndClear", { release }, (fixer) =>
    fixer.insertTextBefore(call, `const ${name} = `),
  );
}
