/**
 * Handle-released resources: observers (`disconnect`), closeable connections and
 * workers (`close`, `terminate`), subscriptions (`unsubscribe`, or calling the
 * returned disposer). The owner must release the handle before it ends; replacing a
 * live handle (reconnect) must release the old one first.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../../util/node-types.js";
import { type FunctionNode, type Node, calleeOf, contains, enclosingFunction, functionBinding, isThisMember, memberName, staticString, unwrap } from "../../../ast/index.js";
import { type Owner, type OwnerContext, pairedSetup } from "../../../lifecycle/owners.js";
import { CHAINABLE_METHODS, type HandleEntry, type HandleFamily } from "../../../resources/closeable.js";
import type { EngineContext } from "../../engine/context.js";
import { type Call, type Finding, type Proof, type Release, likely, proven } from "../../engine/model.js";
import { HELD_BY_RUNTIME, evidence, handedAway, holderOf, inheritsOutOfSight, ownerProof, releaseProof, repeatsProof, slotMadePerRun } from "../../engine/evidence.js";
import { type Handle, handleOf } from "../../engine/handles.js";
import { completesByItself, indexCalledHandles, subscriptionAcquisitions } from "./subscriptions.js";
import { subscriptionRegion } from "../../engine/regions.js";
import { guardedBefore } from "../../engine/guards.js";
import { moduleBinding } from "../../engine/refs.js";
import { callSitesOf } from "../../engine/callgraph.js";
import { madeByOwner } from "../../engine/targets.js";
import { pushTo } from "../../../util/maps.js";

export function analyzeHandles(ctx: EngineContext): Finding[] {
  const findings: Finding[] = [];
  const acquisitions: { node: Call; entry: HandleEntry }[] = [
    ...ctx.handleAcquisitions,
    ...subscriptionAcquisitions(ctx),
  ];
  const calledDisposers = acquisitions.some((a) => a.entry.family === "subscription") ? indexCalledHandles(ctx) : new Map();
  for (const { node, entry } of acquisitions) {
    const finding = judge(ctx, node, entry, calledDisposers);
    if (finding) findings.push(finding);
  }
  findings.push(...handlerProperties(ctx, acquisitions));
  return findings;
}

function judge(
  ctx: EngineContext,
  node: Call,
  entry: HandleEntry,
  calledDisposers: ReadonlyMap<string, Release[]>,
): Finding | undefined {
  const context = ctx.lifecycles.ownerOf(node);
  const { owner } = context;
  if (owner.type === "module") return undefined;
  if (entry.family === "subscription" && node.type === T.CallExpression && completesByItself(ctx, node, owner)) return undefined;
  if (entry.releasedByCall && node.type === T.CallExpression) return judgeReleasedByCall(ctx, node, entry, context);
  const { releaseNames, parts } = releaseNamesOf(entry);
  const handle = handleOf(node, ctx.refs, releaseNames, CHAINABLE_METHODS, parts);
  if (handle.type === "returned" || handle.type === "escaped") return undefined;
  if (handle.type === "stored" && (handle.returned || handle.escapes)) return undefined;
  if (handle.type === "stored" && declaredWithUsing(handle.target)) return undefined;
  if (entry.family === "closeable" && endedByItself(ctx, node, entry, handle)) return undefined;
  if (!matters(entry, owner, context, handle)) return undefined;
  if (entry.activate && handle.type === "stored" && !activated(ctx, handle.keys, entry.activate)) return undefined;
  // In a class only (an effect that runs again adds another observer to the same element):
  // an observer of the class's own nodes needs no disconnect, but replacing it still leaks.
  const ownedOnly =
    entry.family === "observer" &&
    owner.type === "class" &&
    (handle.type === "stored" ? observesOnlyOwned(ctx, handle.keys, entry.activate ?? []) : observesOwnedInline(ctx, node, entry.activate ?? []));
  const kind = entry.family;
  const { owner: ownerText, end } = ctx.describe(owner);
  const data = { resource: entry.label, owner: ownerText, end, keeps: entry.keeps };
  const holder = handleHolder(ctx, node, entry, handle);
  const ownerFact = ownerProof(ctx, context, handle);
  // Observers: a dropped one that never observes holds nothing; one whose callback releases it (`(entries, observer) => observer.disconnect()`) is released where the callback runs.
  const own = entry.family === "observer" ? selfReleases(ctx, node) : [];
  if (handle.type === "discarded") {
    // Dropped, it can only be left alone if it is made once per instance: each run of
    // `connectedCallback` would add another observer to the same element.
    if (ownedOnly && onlyFromConstructor(ctx, node)) return undefined;
    if (entry.family === "observer" && (!observedInline(node, entry.activate ?? []) || own.some((release) => ctx.inRegion(release.call, ctx.releaseRegion(owner))))) return undefined;
    return { kind, messageId: "discarded", node, data, evidence: evidence(holder, ownerFact, releaseProof({})) };
  }
  if (handle.type !== "stored") return undefined;
  const region = entry.family === "subscription" ? subscriptionRegion(ctx, owner, handle.keys) : ctx.releaseRegion(owner);
  const releases = [...handle.keys.flatMap((key) => releasesOf(ctx, key, entry, calledDisposers)), ...own];
  const name = ctx.refs.text(handle.target);
  // An observer of owned nodes needs no release, but a store that replaces a live one still leaks it.
  if (!ownedOnly && !releases.some((release) => ctx.inRegion(release.call, region))) {
    const messageId = releases.length > 0 ? "notReleasedInTeardown" : "neverReleased";
    // `this.server.destroy()` on an http server (a method `server-destroy` adds): a release
    // method of another resource, called on this handle in the teardown, may well end it.
    const otherRelease = handle.keys.some((key) => (ctx.methodReleases.get(key) ?? []).some((release) => !releaseNames.has(release.name) && ctx.inRegion(release.call, region)));
    const loose = otherRelease || ctx.looselyReleased(ctx.methodReleases, handle.keys, (release) => releaseNames.has(release.name));
    // Kept on `this` of a class whose base the file does not see: an inherited method may release it.
    const inherited = handle.keys.some((key) => key.startsWith("this")) && inheritsOutOfSight(ctx, node);
    const release = releaseProof({ elsewhere: releases.length > 0, maybe: loose, opaque: handedAway(ctx, region, handle.keys) || inherited });
    return { kind, messageId, node, data: { ...data, handle: name, release: releaseText(entry) }, evidence: evidence(holder, ownerFact, release) };
  }
  if (
    !handle.declared &&
    !handle.guarded &&
    entry.family !== "subscription" &&
    !(entry.family === "closeable" && (pairedSetup(owner, node) || replacedOnlyAfterEnd(ctx, node, handle.keys, releases))) &&
    !(entry.family === "closeable" && owner.type === "function" && !context.inLoop && context.repeating === undefined) &&
    !(owner.type === "class" && onlyFromConstructor(ctx, node)) &&
    !slotMadePerRun(ctx, context, handle.target) &&
    // An effect's cleanup runs before its setup runs again: only a store repeated within one run replaces a live observer.
    !(entry.family === "observer" && (pairedSetup(owner, node) || (owner.type === "effect" && !context.inLoop && context.repeating === undefined && oncePerRun(ctx, node, owner.setup))))
  ) {
    const index = new Map(handle.keys.map((key) => [key, releasesOf(ctx, key, entry, calledDisposers)] as const));
    if (!guardedBefore(ctx, node, handle.keys, index)) {
      // The old resource stays open, unreachable: nothing can release it any more.
      const replaced = evidence(replacedHolder(ctx, node, entry, handle, holder), repeatsProof(ctx, context), proven("the old handle is lost"));
      return { kind, messageId: "replacedWithoutRelease", node, data: { ...data, handle: name, release: releaseText(entry) }, evidence: replaced };
    }
  }
  return undefined;
}

/**
 * Whether this resource must be released by this owner. Constructed resources kept in
 * a local variable of a plain function can never be released once it returns; servers
 * and child processes matter only where the owner ends first or the code repeats.
 */
function matters(entry: HandleEntry, owner: Owner, context: OwnerContext, handle: Handle): boolean {
  const endsFirst =
    owner.type === "effect" ||
    owner.type === "render" ||
    owner.type === "component-callback" ||
    (owner.type === "class" && (owner.info.framework !== "plain" || owner.info.teardown.length > 0));
  const repeats = context.inLoop || context.repeating !== undefined;
  if (entry.perCallOnly || entry.family === "subscription") {
    if (endsFirst) return true;
    if (owner.type === "class") return handle.type === "stored";
    return entry.family === "subscription" ? context.repeating !== undefined : repeats;
  }
  // A closeable kept in a local of a promise executor cannot be closed once the promise settles.
  if (entry.family === "closeable") return true;
  // An observer kept in a local of a promise executor keeps observing after the promise settles.
  if (entry.family === "observer") return true;
  return owner.type !== "executor" || handle.type === "discarded";
}

/**
 * Every function between the acquisition and the effect setup runs at most once per run of
 * the setup: an IIFE, an inline callback not known to repeat, a local function only ever called.
 */
function oncePerRun(ctx: EngineContext, node: Node, setup: FunctionNode): boolean {
  for (let fn = enclosingFunction(node); fn && fn !== setup; fn = enclosingFunction(fn)) {
    const parent = fn.parent;
    if (parent?.type === T.CallExpression) continue;
    const id = functionBinding(fn);
    const variable = id ? ctx.refs.variable(id) : undefined;
    if (!variable) return false;
    const uses = variable.references.filter((reference) => reference.identifier !== id && !reference.init);
    const onlyCalled = uses.every((reference) => {
      const use: Node = reference.identifier;
      return use.parent?.type === T.CallExpression && use.parent.callee === use;
    });
    if (!onlyCalled) return false;
  }
  return true;
}

/** `new X(cb).observe(target)`: the dropped observer was started (a bare `new X(cb)` holds nothing). */
function observedInline(node: Call, activate: readonly string[]): boolean {
  let current: Node = node;
  while (current.parent && [T.ChainExpression, T.TSAsExpression, T.TSNonNullExpression, T.TSSatisfiesExpression].includes(current.parent.type)) current = current.parent;
  const member = current.parent;
  if (member?.type !== T.MemberExpression || member.object !== current) return false;
  const name = memberName(member);
  return !!name && activate.includes(name) && member.parent?.type === T.CallExpression && member.parent.callee === member;
}

/**
 * `new IntersectionObserver((entries, observer) => observer.unobserve(entries[0].target))`:
 * the observer's callback receives the observer itself and may release it there.
 */
function selfReleases(ctx: EngineContext, node: Call): Release[] {
  if (node.type !== T.NewExpression) return [];
  const callback = node.arguments[0];
  const fn = callback && callback.type !== T.SpreadElement ? ctx.lifecycles.resolveFunction(callback) : undefined;
  const param = fn?.params[1];
  const key = param?.type === T.Identifier ? ctx.refs.key(param) : undefined;
  if (!key) return [];
  return (ctx.methodReleases.get(key) ?? []).filter((release) => release.name === "disconnect" || release.name === "unobserve");
}

/**
 * What keeps a handle's resource alive. Connections, workers and watchers are held by the
 * runtime while open; an observer by the nodes it observes; a subscription by its source.
 */
function handleHolder(ctx: EngineContext, node: Call, entry: HandleEntry, handle: Handle): Proof {
  if (entry.family === "closeable" || entry.heldByRuntime) return HELD_BY_RUNTIME;
  if (entry.family === "observer") {
    const targets = observedTargets(ctx, node, handle, entry.activate ?? []);
    const holders = targets.map((target) => holderOf(ctx, target));
    return holders.find((holder) => holder?.proven) ?? likely("observes nodes of unknown lifetime");
  }
  if (entry.label === "watcher") return proven("the reactive system keeps the watcher");
  return subscriptionSource(ctx, node);
}

/** The nodes an observer is started on: `observer.observe(target)` for the handle, or chained on it. */
function observedTargets(ctx: EngineContext, node: Call, handle: Handle, activate: readonly string[]): Node[] {
  const calls: TSESTree.CallExpression[] = [];
  const chained = node.parent?.type === T.MemberExpression && node.parent.object === node ? node.parent.parent : undefined;
  if (chained?.type === T.CallExpression && activate.includes(calleeOf(chained).name ?? "")) calls.push(chained);
  if (handle.type === "stored") {
    for (const key of handle.keys) for (const release of ctx.activations.get(key) ?? []) if (activate.includes(release.name)) calls.push(release.call);
  }
  return calls.flatMap((call) => (call.arguments[0] && call.arguments[0].type !== T.SpreadElement ? [call.arguments[0]] : []));
}

/**
 * What keeps a replaced handle's old resource alive: for an observer, the nodes it observes
 * when they outlive one call of the code that replaces it (the owner's own fields, like a list's
 * sentinel, or anything long-lived); otherwise what keeps any handle of its kind alive.
 */
function replacedHolder(ctx: EngineContext, node: Call, entry: HandleEntry, handle: Handle, holder: Proof): Proof {
  if (holder.proven || entry.family !== "observer") return holder;
  const persists = observedTargets(ctx, node, handle, entry.activate ?? []).some((target) => {
    const inner = unwrap(target);
    return isThisMember(inner) || holderOf(ctx, inner)?.proven === true;
  });
  return persists ? proven("the observed node outlives each replaced observer") : holder;
}

/** Creation functions whose observable the runtime drives for ever (RxJS `interval`, `timer` with a period). */
const RUNTIME_SOURCES: ReadonlySet<string> = new Set(["interval", "animationFrames"]);
/** Creation functions whose observable listens to their first argument (RxJS `fromEvent`). */
const TARGET_SOURCES: ReadonlySet<string> = new Set(["fromEvent", "fromEventPattern"]);

/**
 * The source of `source.pipe(...).subscribe(cb)` keeps the subscriber for as long as it lives:
 * a global, module-level or injected source outlives the subscriber's owner; one of unknown
 * lifetime proves nothing. A dropped disposer of a local helper is held by what the helper
 * acquired.
 */
function subscriptionSource(ctx: EngineContext, node: Call): Proof {
  if (node.type !== T.CallExpression) return likely("source of unknown lifetime");
  const callee = unwrap(node.callee);
  const fn = ctx.lifecycles.resolveFunction(callee);
  if (fn) return helperHolder(ctx, fn);
  // An imported project helper: what it holds, per the audit's summaries.
  const binding = callee.type === T.Identifier ? moduleBinding(ctx.refs, callee) : undefined;
  const held = binding ? ctx.knowledge.importHolder(binding.module, binding.imported) : undefined;
  if (held === "runtime" || held === "global" || held === "module") return proven(`the helper's summary: held by ${held === "runtime" ? "the runtime" : `a ${held} object`}`);
  if (callee.type !== T.MemberExpression) return likely("source of unknown lifetime");
  let source = unwrap(callee.object);
  for (let depth = 0; depth < 32 && source.type === T.CallExpression; depth++) {
    const inner = unwrap(source.callee);
    if (inner.type === T.Identifier) {
      if (RUNTIME_SOURCES.has(inner.name) || (inner.name === "timer" && source.arguments.length > 1)) return HELD_BY_RUNTIME;
      const first = source.arguments[0];
      if (TARGET_SOURCES.has(inner.name) && first && first.type !== T.SpreadElement) return holderOf(ctx, first) ?? likely("listens to an owned node");
      break;
    }
    if (inner.type !== T.MemberExpression) break;
    source = unwrap(inner.object);
  }
  return holderOf(ctx, source) ?? likely("source owned by the subscriber's owner");
}

/** What a helper that returns a disposer acquired on: proven if any of it outlives the caller. */
function helperHolder(ctx: EngineContext, fn: FunctionNode): Proof {
  const inside = (node: Node): boolean => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1];
  if (ctx.timers.some((timer) => inside(timer.call) && timer.name === "setInterval")) return HELD_BY_RUNTIME;
  if (ctx.handleAcquisitions.some((acquisition) => inside(acquisition.node) && acquisition.entry.family === "closeable")) return HELD_BY_RUNTIME;
  for (const { call } of ctx.listenerAdds) {
    if (!inside(call)) continue;
    const target = calleeOf(call).object;
    if (target && holderOf(ctx, target)?.proven) return proven("the helper listens to a long-lived target");
  }
  return likely("what the helper holds is of unknown lifetime");
}

function releaseText(entry: HandleEntry): string {
  return entry.release.map((path) => `\`.${path}()\``).join(" or ");
}

/** Release calls for a stored handle: `key.close()`, `key.port.close()`, `key()`, `src.unsubscribe(key)`. */
function releasesOf(
  ctx: EngineContext,
  key: string,
  entry: HandleEntry,
  calledDisposers: ReadonlyMap<string, Release[]>,
): Release[] {
  const out: Release[] = [];
  for (const path of entry.release) {
    const parts = path.split(".");
    const method = parts.pop()!;
    const target = parts.length > 0 ? `${key}.${parts.join(".")}` : key;
    for (const release of ctx.methodReleases.get(target) ?? []) if (release.name === method) out.push(release);
  }
  if (entry.family === "observer") {
    // Unobserving the observed targets also releases what the observer holds.
    for (const release of ctx.methodReleases.get(key) ?? []) if (release.name === "unobserve") out.push(release);
  }
  if (entry.family === "subscription") {
    out.push(...(calledDisposers.get(key) ?? []), ...(ctx.tokenReleases.get(key) ?? []));
  }
  return out;
}

/**
 * An observer that watches only nodes its owner made (`ro.observe(this.domElement)`): the
 * nodes hold the observer, and the three are collected together.
 */
/** `new ResizeObserver(cb).observe(this)`: dropped, observing only the owner's own node. */
function observesOwnedInline(ctx: EngineContext, node: Node, activate: readonly string[]): boolean {
  const member = node.parent;
  const call = member?.parent;
  if (member?.type !== T.MemberExpression || member.object !== node || call?.type !== T.CallExpression || call.callee !== member) return false;
  if (!activate.includes(memberName(member) ?? "")) return false;
  return observesOwned(ctx, call);
}

/** `x.observe(target)` on a target the owner made or is. */
function observesOwned(ctx: EngineContext, call: TSESTree.CallExpression): boolean {
  const [target] = call.arguments;
  return !!target && target.type !== T.SpreadElement && madeByOwner(ctx, target);
}

function observesOnlyOwned(ctx: EngineContext, keys: readonly string[], activate: readonly string[]): boolean {
  const calls = keys.flatMap((key) => ctx.activations.get(key) ?? []).filter((call) => activate.includes(call.name));
  return (
    calls.length > 0 &&
    calls.every((release) => observesOwned(ctx, release.call))
  );
}

/**
 * A class method reached only from the constructor (directly or through other such methods)
 * runs once per instance: what it stores cannot replace an earlier live handle.
 */
function onlyFromConstructor(ctx: EngineContext, node: Node, depth = 0): boolean {
  const fn = enclosingFunction(node);
  if (!fn || depth > 3) return false;
  if (fn.parent?.type === T.MethodDefinition && fn.parent.kind === "constructor") return true;
  if (fn.parent?.type !== T.MethodDefinition || fn.parent.kind !== "method") return false;
  const sites = callSitesOf(ctx, fn);
  return sites.length > 0 && sites.every((call) => onlyFromConstructor(ctx, call, depth + 1));
}

function activated(ctx: EngineContext, keys: readonly string[], activate: readonly string[]): boolean {
  return keys.some((key) => ctx.activations.get(key)?.some((call) => activate.includes(call.name)));
}

// ---------------------------------------------------------------------------
// Handler properties on resources that outlive the code that sets them

/**
 * `socket.onmessage = ...` set by an owner that ends first, on a resource it did not
 * create: unless reset (or the resource closed) at teardown, the resource keeps the
 * handler and everything it closes over.
 */
function handlerProperties(ctx: EngineContext, acquisitions: readonly { node: Call; entry: HandleEntry }[]): Finding[] {
  if (ctx.handlerAssignments.length === 0) return [];
  const resources = new Map<string, { node: Call; entry: HandleEntry }>();
  for (const acquisition of acquisitions) {
    if (acquisition.entry.family !== "closeable") continue;
    const handle = handleOf(acquisition.node, ctx.refs, new Set(), CHAINABLE_METHODS);
    if (handle.type === "stored") for (const key of handle.keys) resources.set(key, acquisition);
  }
  const findings: Finding[] = [];
  for (const assignment of ctx.handlerAssignments) {
    const left = unwrap(assignment.left);
    if (left.type !== T.MemberExpression || isNullish(assignment.right)) continue;
    const targetKey = ctx.refs.key(left.object);
    const resource = targetKey ? resources.get(targetKey) : undefined;
    if (!targetKey || !resource) continue;
    const { owner } = ctx.lifecycles.ownerOf(assignment);
    const resourceOwner = ctx.lifecycles.ownerOf(resource.node).owner;
    if (!endsFirst(owner) || sameOwner(owner, resourceOwner)) continue;
    const region = ctx.releaseRegion(owner);
    const property = memberName(left);
    const reset = ctx.handlerAssignments.some((other) => {
      const otherLeft = unwrap(other.left);
      return (
        other !== assignment &&
        isNullish(other.right) &&
        otherLeft.type === T.MemberExpression &&
        memberName(otherLeft) === property &&
        ctx.refs.key(otherLeft.object) === targetKey &&
        ctx.inRegion(other, region)
      );
    });
    const closed = releasesOf(ctx, targetKey, resource.entry, new Map()).some((release) => ctx.inRegion(release.call, region));
    if (reset || closed) continue;
    const { owner: ownerText, end } = ctx.describe(owner);
    // The resource keeps the handler as long as it lives: proven when a longer-lived owner (the module) keeps it.
    const holder = resourceOwner.type === "module" ? proven("module-level resource") : likely("resource of another owner");
    findings.push({
      kind: "closeable",
      messageId: "handlerLeftInPlace",
      node: assignment,
      data: { property: property ?? "handler", target: ctx.refs.text(left.object), resource: resource.entry.label, owner: ownerText, end },
      evidence: evidence(holder, ownerProof(ctx, ctx.lifecycles.ownerOf(assignment)), releaseProof({ opaque: handedAway(ctx, region, [targetKey]) })),
    });
  }
  return findings;
}

function endsFirst(owner: Owner): boolean {
  return (
    owner.type === "effect" ||
    owner.type === "render" ||
    owner.type === "component-callback" ||
    (owner.type === "class" && (owner.info.framework !== "plain" || owner.info.teardown.length > 0))
  );
}

function sameOwner(a: Owner, b: Owner): boolean {
  if (a.type === "class" && b.type === "class") return a.info.node === b.info.node;
  if (a.type === "effect" && b.type === "effect") return a.setup === b.setup;
  if (a.type === "component-callback" && b.type === "component-callback") return a.fn === b.fn;
  if (a.type === "render" && b.type === "render") return a.component === b.component;
  if (a.type === "function" && b.type === "function") return a.fn === b.fn;
  if (a.type === "executor" && b.type === "executor") return a.fn === b.fn;
  return false;
}

function isNullish(node: Node): boolean {
  const inner = unwrap(node);
  return (inner.type === T.Literal && inner.value === null) || (inner.type === T.Identifier && inner.name === "undefined");
}

// ---------------------------------------------------------------------------
// Closeable specifics: scoped declarations, resources that end by themselves,
// paired setups, reconnects from the old resource's close handler, path-released watchers

/** `using x = ...` / `await using x = ...`: disposed when the scope ends (TS 5.2 / ES2026). */
function declaredWithUsing(target: Node): boolean {
  const declarator = target.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.id !== target) return false;
  const declaration = declarator.parent;
  return declaration?.type === T.VariableDeclaration && (declaration.kind === "using" || declaration.kind === "await using");
}

/**
 * Resources that end by themselves once waited for: a child process or worker whose
 * `exit`/`close` the code listens to (`child.on("exit", ...)`, also chained on the
 * acquisition), a readline interface iterated with `for await` (closed at the end of the
 * input, or by `break`/`throw`).
 */
function endedByItself(ctx: EngineContext, node: Call, entry: HandleEntry, handle: Handle): boolean {
  const endEvents = entry.endEvents;
  if (endEvents) {
    // `spawn(cmd).on("exit", done)`
    for (let current: Node = node; ; ) {
      const member: Node | undefined = current.parent;
      const call: Node | undefined = member?.parent;
      if (member?.type !== T.MemberExpression || member.object !== current || call?.type !== T.CallExpression || call.callee !== member) break;
      if (waitsFor(call, endEvents)) return true;
      current = call;
    }
    if (handle.type === "stored") {
      for (const { call } of ctx.listenerAdds) {
        const { object } = calleeOf(call);
        const key = object ? ctx.refs.key(object) : undefined;
        if (key && handle.keys.includes(key) && waitsFor(call, endEvents)) return true;
      }
    }
  }
  if (entry.closedByIteration && handle.type === "stored" && handle.target.type === T.Identifier) {
    const variable = ctx.refs.variable(handle.target);
    return !!variable?.references.some((reference) => {
      const parent = (reference.identifier as Node).parent;
      return parent?.type === T.ForOfStatement && parent.await && parent.right === reference.identifier;
    });
  }
  return false;
}

function waitsFor(call: TSESTree.CallExpression, events: readonly string[]): boolean {
  const { name } = calleeOf(call);
  const type = staticString(call.arguments[0]);
  return !!name && !!type && ["on", "once", "addListener", "addEventListener", "prependListener", "prependOnceListener"].includes(name) && events.includes(type);
}

/** Lifecycle setups paired with a teardown (`componentDidMount`, `connectedCallback`, `ngOnInit`, an effect setup). */

/** Events after which the old resource is already closed: reconnecting from there replaces a dead one. */
const END_EVENTS: readonly string[] = ["close", "exit"];

/**
 * `connect()` called only from the constructor, from the old resource's own close
 * handler (`this.ws.onclose = () => setTimeout(() => this.connect(), 1000)`), or right
 * after closing it: each new resource replaces one that has already closed.
 */
function replacedOnlyAfterEnd(ctx: EngineContext, node: Node, keys: readonly string[], releases: readonly Release[]): boolean {
  const fn = enclosingFunction(node);
  if (!fn) return false;
  const sites = ctx.callsResolvingTo(fn).filter((call) => !contains(fn, call));
  if (sites.length === 0) return false;
  return sites.every((call) => {
    const caller = enclosingFunction(call);
    if (caller?.parent?.type === T.MethodDefinition && caller.parent.kind === "constructor") return true;
    // `reconnectNow() { this.ws.close(); this.connect(); }`
    if (caller && releases.some((release) => contains(caller, release.call) && release.call.range[1] <= call.range[0])) return true;
    for (let current: FunctionNode | undefined = caller; current; current = enclosingFunction(current)) {
      if (isEndHandler(ctx, current, keys)) return true;
      if (current === fn) break;
    }
    return false;
  });
}

/** `key.onclose = fn`, `key.addEventListener("close", fn)`, `key.on("exit", fn)` for one of `keys`. */
function isEndHandler(ctx: EngineContext, fn: FunctionNode, keys: readonly string[]): boolean {
  const parent = fn.parent;
  if (parent?.type === T.AssignmentExpression && parent.right === fn) {
    const left = unwrap(parent.left);
    if (left.type !== T.MemberExpression) return false;
    const name = memberName(left);
    const key = ctx.refs.key(left.object);
    return !!name && END_EVENTS.some((event) => name === `on${event}`) && !!key && keys.includes(key);
  }
  if (parent?.type === T.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const { object } = calleeOf(parent);
    const key = object ? ctx.refs.key(object) : undefined;
    return !!key && keys.includes(key) && waitsFor(parent, END_EVENTS);
  }
  return false;
}

/**
 * `fs.watchFile(path, listener)`: the poller is found again by path, so the release is
 * `fs.unwatchFile(path)` with the same path (the same variable, a copy of it such as
 * `this.file = file`, or the same string).
 */
function judgeReleasedByCall(ctx: EngineContext, node: TSESTree.CallExpression, entry: HandleEntry, context: OwnerContext): Finding | undefined {
  const { owner } = context;
  const releaser = entry.releasedByCall!;
  const module = moduleOf(ctx, node.callee);
  if (!module) return undefined;
  const paths = pathKeys(ctx, node.arguments[0]);
  const index = releaseCalls(ctx, module, releaser);
  // Releases of an unknown path, or of one of the acquisition's, in source order.
  const releases =
    paths.length === 0
      ? index.all
      : [...new Set([...index.unknownPath, ...paths.flatMap((key) => index.byPath.get(key) ?? [])])].sort((a, b) => a.range[0] - b.range[0]);
  const region = ctx.releaseRegion(owner);
  if (releases.some((call) => ctx.inRegion(call, region))) return undefined;
  const { owner: ownerText, end } = ctx.describe(owner);
  const arg = node.arguments[0];
  return {
    evidence: evidence(HELD_BY_RUNTIME, ownerProof(ctx, context), releaseProof({ elsewhere: releases.length > 0 })),
    kind: "closeable",
    messageId: releases.length > 0 ? "notReleasedInTeardown" : "neverReleased",
    node,
    data: {
      resource: entry.label,
      owner: ownerText,
      end,
      keeps: entry.keeps,
      handle: arg ? ctx.refs.text(arg) : "fs.watchFile()",
      release: `\`${releaser}(path)\``,
    },
  };
}

/** The module a callee like `fs.watchFile` / an imported `watchFile` comes from. */
function moduleOf(ctx: EngineContext, calleeNode: Node): string | undefined {
  const callee = unwrap(calleeNode);
  const id = callee.type === T.Identifier ? callee : callee.type === T.MemberExpression ? unwrap(callee.object) : undefined;
  if (id?.type !== T.Identifier) return undefined;
  return moduleBinding(ctx.refs, id)?.module;
}

/** `releaseCalls`'s answer: the calls, and the same by the keys of the path each releases. */
interface ReleaseCalls {
  all: TSESTree.CallExpression[];
  /** Calls whose path has no key (released.length === 0 matches any acquisition). */
  unknownPath: TSESTree.CallExpression[];
  byPath: Map<string, TSESTree.CallExpression[]>;
}

const releaseCallCache = new WeakMap<EngineContext, Map<string, ReleaseCalls>>();

/**
 * Calls of `module.releaser(...)` or of an imported `releaser(...)` from that module, found
 * once per file and releaser and indexed by path: each acquisition asks, and scanning the
 * file's calls (then comparing every release's path) per acquisition was n².
 */
function releaseCalls(ctx: EngineContext, module: string, releaser: string): ReleaseCalls {
  let byReleaser = releaseCallCache.get(ctx);
  if (!byReleaser) {
    byReleaser = new Map();
    releaseCallCache.set(ctx, byReleaser);
  }
  const cacheKey = `${module}\n${releaser}`;
  const cached = byReleaser.get(cacheKey);
  if (cached) return cached;
  const all = findReleaseCalls(ctx, module, releaser);
  const result: ReleaseCalls = { all, unknownPath: [], byPath: new Map() };
  for (const call of all) {
    const released = pathKeys(ctx, call.arguments[0]);
    if (released.length === 0) result.unknownPath.push(call);
    for (const key of new Set(released)) pushTo(result.byPath, key, call);
  }
  byReleaser.set(cacheKey, result);
  return result;
}

function findReleaseCalls(ctx: EngineContext, module: string, releaser: string): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  for (const releases of ctx.methodReleases.values()) {
    for (const { call, name } of releases) {
      const { object } = calleeOf(call);
      if (name !== releaser || object?.type !== T.Identifier) continue;
      const binding = moduleBinding(ctx.refs, object);
      if (binding?.module === module && (binding.imported === "*" || binding.imported === "default")) out.push(call);
    }
  }
  for (const call of ctx.plainCalls) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier) continue;
    const binding = moduleBinding(ctx.refs, callee);
    if (binding?.module === module && binding.imported === releaser) out.push(call);
  }
  return out;
}

/** Keys a path argument is known by: its own, the locations it is copied to, or its string value. */
function pathKeys(ctx: EngineContext, arg: Node | undefined): string[] {
  if (!arg || arg.type === T.SpreadElement) return [];
  const value = staticString(arg);
  if (value !== undefined) return [`s:${value}`];
  const key = ctx.refs.key(arg);
  if (!key) return [];
  const keys = [key];
  const inner = unwrap(arg);
  const variable = inner.type === T.Identifier ? ctx.refs.variable(inner) : undefined;
  for (const reference of variable?.references ?? []) {
    const parent = (reference.identifier as Node).parent;
    const copy =
      parent?.type === T.AssignmentExpression && parent.right === reference.identifier
        ? ctx.refs.key(parent.left)
        : parent?.type === T.VariableDeclarator && parent.init === reference.identifier
          ? ctx.refs.key(parent.id)
          : undefined;
    if (copy && !keys.includes(copy)) keys.push(copy);
  }
  return keys;
}

export type { HandleFamily };

const releaseNameCache = new WeakMap<HandleEntry, { releaseNames: ReadonlySet<string>; parts: ReadonlySet<string> }>();

/**
 * The method names that release an entry's handle, and the members its release paths go
 * through (`port2` of `port2.close`: the resource's parts). Made once per catalogue entry, so
 * the handle analysis keys its per-variable answers by the same sets at every acquisition.
 */
function releaseNamesOf(entry: HandleEntry): { releaseNames: ReadonlySet<string>; parts: ReadonlySet<string> } {
  let names = releaseNameCache.get(entry);
  if (!names) {
    names = {
      releaseNames: new Set(entry.release.map((path) => path.split(".").pop()!)),
      parts: new Set(entry.release.filter((path) => path.includes(".")).map((path) => path.split(".")[0]!)),
    };
    releaseNameCache.set(entry, names);
  }
  return names;
}
