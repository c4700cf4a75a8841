/**
 * Listeners: an added listener keeps its handler (and all it closes over) alive for
 * as long as its target lives. It matters when the target outlives the owner that
 * added it; listeners on the owner itself or on objects it created die with it.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import {
  type Node,
  calleeOf,
  contains,
  isFunction,
  memberName,
  staticString,
  unwrap,
  isLoop,
  isPerIterationPart,
  type FunctionNode,
} from "../../ast/index.js";
import type { Owner, OwnerContext } from "../../lifecycle/owners.js";
import { REQUEST_PARAM_NAMES } from "../../lifecycle/tables.js";
import {
  ABORT,
  LISTENER_ADDS,
  LISTENER_REMOVES,
  LONG_LIVED_FACTORIES,
  PAGE_LOAD_EVENTS,
  TARGET_DISPOSERS,
} from "../../resources/catalogue.js";
import type { EngineContext } from "../engine/context.js";
import { type Evidence, type Finding, type Proof, type Release, likely, proven } from "../engine/model.js";
import { evidence, handedAway, holderOf, ownerProof, releaseProof } from "../engine/evidence.js";
import { moduleBinding } from "../engine/refs.js";
import { settlePaths } from "../engine/executor.js";
import { typeFacts } from "../engine/type-facts.js";
import { type CleanupOffer, appendCleanupSuggestion, meansTheSameIn, withCleanup } from "../engine/suggestions.js";
import { subscriptionRegion } from "../engine/regions.js";
import { type TargetClass, classify, iterationSource } from "../engine/targets.js";
import { walk } from "../../ast/walk.js";
import { pushTo } from "../../util/maps.js";
import type { Variable } from "../../ast/scope.js";

interface Listener {
  call: TSESTree.CallExpression;
  method: string;
  style: "dom" | "emitter";
  target: Node;
  targetKey: string | undefined;
  type: string | undefined;
  typeKey: string | undefined;
  /** The event type for messages: `'resize'`, or the expression's text in backticks. */
  typeText: string;
  handler: Node | undefined;
  handlerKey: string | undefined;
  handlerKind: "ref" | "inline" | "bound" | "other" | "missing";
  /** `undefined` when the options are not literal. */
  capture: boolean | undefined;
  once: boolean;
  signal: Node | undefined;
  /** A removal made by a helper, seen at this call of the helper (`call` is that call too). */
  derivedAt?: TSESTree.CallExpression;
}

export function analyzeListeners(ctx: EngineContext): Finding[] {
  const adds = ctx.listenerAdds.flatMap(({ call, name }) => {
    const parsed = parse(ctx, call, name);
    return parsed ? [parsed] : [];
  });
  const removes = ctx.listenerRemoves.flatMap(({ call, name }) => {
    const parsed = parse(ctx, call, name);
    return parsed ? [parsed] : [];
  });
  // A helper that removes a listener from its parameter (`unbind(el)`) removes it, at each call
  // site, from what that site passes.
  removes.push(...removes.flatMap((remove) => throughHelpers(ctx, remove)));
  const index = new RemoveIndex(ctx, removes);
  const findings: Finding[] = [];
  for (const add of adds) {
    const finding = judgeAdd(ctx, add, index);
    if (finding) findings.push(finding);
  }
  // Adds by handler and event type: only those can be what a removal meant to take off
  // (`judgeRemoveShape` requires the same style and type, and the same handler unless typed).
  // Typed, a removal looks at every add of its type; untyped, only at those of its handler.
  const typed = typeFacts(ctx.sourceCode) !== undefined;
  const addsByHandler = new Map<string, Listener[]>();
  const addsByType = new Map<string, Listener[]>();
  for (const add of adds) {
    const type = typeIdentity(add);
    if (!type) continue;
    if (typed) pushTo(addsByType, `${add.style}|${type}`, add);
    else if (add.handlerKey !== undefined) pushTo(addsByHandler, `${add.style}|${add.handlerKey}|${type}`, add);
  }
  for (const remove of removes) {
    if (remove.derivedAt) continue;
    const type = typeIdentity(remove) ?? "";
    const candidates = typed ? (addsByType.get(`${remove.style}|${type}`) ?? []) : (addsByHandler.get(`${remove.style}|${remove.handlerKey ?? ""}|${type}`) ?? []);
    const finding = judgeRemove(ctx, remove, candidates);
    if (finding) findings.push(finding);
  }
  return findings;
}

/**
 * Removals indexed so that each add looks only at the few that can be its own: by target,
 * style, handler and event type (the exact match: `removes` requires all four), by target,
 * style and event type (a removal that was tried with another handler), and by handler name
 * and static event type (the loose match that may be this one). Each lookup touches one
 * bucket, so matching stays linear in the number of listeners — also when one owner adds one
 * handler for n event types, or n handlers for one type.
 */
class RemoveIndex {
  private readonly tornDown = new Map<string, { total: number; unkeyed: boolean; byListener: Map<string, number> }>();
  private readonly typed: boolean;
  // Each index is built the first time a question needs it: most adds are settled by the exact
  // match, and every other index costs an entry per removal in a table as large as the file
  // (issue 12 §2).
  /** By target, style, handler and event type (the exact match). */
  private byHandlerIndex: Map<string, Listener[]> | undefined;
  /** Typed files: by target and event type (another reference to the same handler). */
  private byTargetIndex: Map<string, Listener[]> | undefined;
  /** By target, style and event type. */
  private byTypeIndex: Map<string, Listener[]> | undefined;
  /** By handler name, then by static event type ("" holds removals whose type is not static). */
  private byNameIndex: Map<string, Map<string, Listener[]>> | undefined;
  /** Every removal by target, whatever its handler or type. */
  private onTargetIndex: Map<string, Listener[]> | undefined;

  constructor(
    private readonly ctx: EngineContext,
    private readonly removes: readonly Listener[],
  ) {
    this.typed = typeFacts(ctx.sourceCode) !== undefined;
  }

  /** The removals by `keyOf`, leaving out those it gives no key. */
  private group(keyOf: (remove: Listener) => string | undefined): Map<string, Listener[]> {
    const grouped = new Map<string, Listener[]>();
    for (const remove of this.removes) {
      const key = keyOf(remove);
      if (key !== undefined) pushTo(grouped, key, remove);
    }
    return grouped;
  }

  private get byHandler(): Map<string, Listener[]> {
    return (this.byHandlerIndex ??= this.group((remove) => {
      const type = typeIdentity(remove);
      return remove.targetKey !== undefined && type ? `${remove.targetKey}|${remove.style}|${remove.handlerKey ?? ""}|${type}` : undefined;
    }));
  }

  private get byTarget(): Map<string, Listener[]> {
    return (this.byTargetIndex ??= this.group((remove) => {
      const type = typeIdentity(remove);
      return remove.targetKey !== undefined && type ? `${remove.targetKey}|${type}` : undefined;
    }));
  }

  private get byType(): Map<string, Listener[]> {
    return (this.byTypeIndex ??= this.group((remove) => {
      const type = typeIdentity(remove);
      return remove.targetKey !== undefined && type ? `${remove.targetKey}|${remove.style}|${type}` : undefined;
    }));
  }

  private get byName(): Map<string, Map<string, Listener[]>> {
    if (!this.byNameIndex) {
      this.byNameIndex = new Map();
      for (const remove of this.removes) {
        for (const name of handlerNames(remove)) {
          let byType = this.byNameIndex.get(name);
          if (!byType) {
            byType = new Map<string, Listener[]>();
            this.byNameIndex.set(name, byType);
          }
          pushTo(byType, remove.type ?? "", remove);
        }
      }
    }
    return this.byNameIndex;
  }

  private get onTarget(): Map<string, Listener[]> {
    return (this.onTargetIndex ??= this.group((remove) => remove.targetKey));
  }

  /**
   * Whether the owner's teardown takes some listener (any handler) off `targetKey`: its own
   * code then says the target outlives it. Memoised per target and region, so many listeners
   * on one target stay linear.
   */
  removedFromInRegion(targetKey: string, region: ReturnType<EngineContext["releaseRegion"]>, add: Listener): boolean {
    if (region === "anywhere") return false;
    const memo = `${targetKey}|${region.map((node) => node.range.join(":")).join(",")}`;
    let found = this.tornDown.get(memo);
    if (found === undefined) {
      const removals = (this.onTarget.get(targetKey) ?? []).filter((remove) => this.ctx.inRegion(remove.call, region));
      const byListener = new Map<string, number>();
      for (const remove of removals) if (remove.handlerKey !== undefined) byListener.set(`${remove.handlerKey}|${remove.type}`, (byListener.get(`${remove.handlerKey}|${remove.type}`) ?? 0) + 1);
      found = { total: removals.length, unkeyed: removals.some((remove) => remove.handlerKey === undefined), byListener };
      this.tornDown.set(memo, found);
    }
    // A removal meant for this very listener (same handler and event, a mismatched flag) says nothing new.
    return found.unkeyed || found.total > (found.byListener.get(`${add.handlerKey}|${add.type}`) ?? 0);
  }

  /** The removals that take off exactly what `add` put on. */
  matching(add: Listener): Listener[] {
    // `removes` requires the same event type (`sameType`): one without an identity matches nothing.
    const type = typeIdentity(add);
    if (add.targetKey === undefined || add.handlerKey === undefined || !type) return [];
    const exact = this.byHandler.get(`${add.targetKey}|${add.style}|${add.handlerKey}|${type}`) ?? [];
    // Typed: another reference to the same function (an import and its re-export) also matches.
    const pool = this.typed ? [...new Set([...exact, ...(this.byTarget.get(`${add.targetKey}|${type}`) ?? [])])] : exact;
    return pool.filter((remove) => removes(remove, add, this.ctx));
  }

  /** Whether a removal of the same event from the same target was written (with any handler). */
  tried(add: Listener): boolean {
    const type = typeIdentity(add);
    return add.targetKey !== undefined && !!type && (this.byType.get(`${add.targetKey}|${add.style}|${type}`)?.length ?? 0) > 0;
  }

  /** Removals that may be this add's, though that cannot be proven (`mayRemove` lets two static types through only when equal). */
  loose(add: Listener): Listener[] {
    const candidates = handlerNames(add).flatMap((name) => {
      const byType = this.byName.get(name);
      if (!byType) return [];
      return add.type === undefined ? [...byType.values()].flat() : [...(byType.get(add.type) ?? []), ...(add.type === "" ? [] : (byType.get("") ?? []))];
    });
    return [...new Set(candidates)].filter((remove) => mayRemove(this.ctx, remove, add));
  }
}

/** The event a listener is for, as one string: its literal, or the key of a dynamic type. */
function typeIdentity(listener: Listener): string | undefined {
  if (listener.type !== undefined) return `s:${listener.type}`;
  return listener.typeKey !== undefined ? `k:${listener.typeKey}` : undefined;
}

/**
 * A removal inside a helper whose target or handler is one of the helper's parameters, seen
 * again at each call of the helper with the keys that call passes.
 */
function throughHelpers(ctx: EngineContext, remove: Listener): Listener[] {
  const out: Listener[] = [];
  const targetSubs = remove.targetKey ? ctx.summaries.substitutions(remove.targetKey) : [];
  const handlerSubs = remove.handlerKey ? ctx.summaries.substitutions(remove.handlerKey) : [];
  const calls = new Set([...targetSubs, ...handlerSubs].map((sub) => sub.call));
  for (const call of calls) {
    out.push({
      ...remove,
      targetKey: targetSubs.find((sub) => sub.call === call)?.key ?? remove.targetKey,
      handlerKey: handlerSubs.find((sub) => sub.call === call)?.key ?? remove.handlerKey,
      call,
      derivedAt: call,
    });
  }
  return out;
}

function parse(ctx: EngineContext, call: TSESTree.CallExpression, method: string): Listener | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return undefined;
  const style = LISTENER_ADDS[method]?.style ?? LISTENER_REMOVES[method];
  if (!style) return undefined;
  const [typeArg, handlerArg, optionsArg] = call.arguments;
  if (typeArg?.type === T.SpreadElement || handlerArg?.type === T.SpreadElement || optionsArg?.type === T.SpreadElement) {
    return undefined;
  }
  // `EventHandler.on(el, "click", fn)`, `this.on(...)` of a class that defines `on`: a function
  // of this file, not the receiver's listener API. Its body is analysed where it adds or removes
  // (a removal there is seen again at each call through `throughHelpers`).
  if (ctx.lifecycles.resolveFunction(call.callee)) return undefined;
  const target = chainRoot(callee.object);
  // Typed: a receiver that is no event target or emitter (a custom `on()` returning an unsubscribe function) is not a listener target.
  if (typeFacts(ctx.sourceCode)?.listenable(target, method) === false) return undefined;
  const passed = handlerArg ? unwrap(handlerArg) : undefined;
  // `on("resize", this.measure = this.measure.bind(this))` hands over what it stores: the
  // listener is the field, and a removal through the field matches it.
  const handler =
    passed?.type === T.AssignmentExpression && passed.operator === "=" && (passed.left.type === T.MemberExpression || passed.left.type === T.Identifier)
      ? passed.left
      : passed;
  const options = style === "dom" ? readOptions(ctx, optionsArg) : { capture: false, once: false, signal: undefined };
  return {
    call,
    method,
    style,
    target,
    targetKey: targetKeyOf(ctx, target),
    type: staticString(typeArg),
    typeKey: typeArg && staticString(typeArg) === undefined ? dynamicTypeKey(ctx, typeArg, 0) : undefined,
    typeText:
      staticString(typeArg) !== undefined
        ? `'${staticString(typeArg)}'`
        : typeArg
          ? `\`${ctx.refs.text(typeArg, 30)}\``
          : "unnamed",
    handler,
    // `this._onLost = onLost` kept the handler in a field: a removal through the field matches.
    handlerKey: handler ? keyThroughThis(ctx, handler) : undefined,
    handlerKind: handlerKindOf(handler),
    capture: options.capture,
    once: (LISTENER_ADDS[method]?.once ?? false) || options.once,
    signal: options.signal,
  };
}

/**
 * The object a chained emitter call acts on: `watcher.on("add", f).on("change", g)` adds both to
 * `watcher`, as an emitter's `on`/`off`/`once` return the emitter itself (Node's EventEmitter,
 * chokidar, jQuery, socket.io, Vue 2's `$on`). DOM-style calls return nothing and end no chain.
 */
function chainRoot(receiver: Node): Node {
  let node = unwrap(receiver);
  while (node.type === T.CallExpression) {
    const callee = unwrap(node.callee);
    const name = callee.type === T.MemberExpression ? memberName(callee) : undefined;
    if (callee.type !== T.MemberExpression || !name) break;
    if (LISTENER_ADDS[name]?.style !== "emitter" && LISTENER_REMOVES[name] !== "emitter") break;
    node = unwrap(callee.object);
  }
  return node;
}

/**
 * The key of an event type built from stable parts, so that an add and a removal that compute
 * it alike match: `${prefix}:change` (or `prefix + ":change"`) with the same `prefix`. A part
 * with no key (a call) leaves the whole type without one.
 */
function dynamicTypeKey(ctx: EngineContext, node: Node, depth: number): string | undefined {
  if (depth > 8) return undefined;
  const inner = unwrap(node);
  const text = staticString(inner);
  if (text !== undefined) return JSON.stringify(text);
  if (inner.type === T.TemplateLiteral) {
    const parts: string[] = [];
    for (const [index, quasi] of inner.quasis.entries()) {
      parts.push(JSON.stringify(quasi.value.cooked ?? quasi.value.raw));
      const expression = inner.expressions[index];
      if (!expression) continue;
      const key = dynamicTypeKey(ctx, expression, depth + 1);
      if (key === undefined) return undefined;
      parts.push(key);
    }
    return `tpl(${parts.join(",")})`;
  }
  if (inner.type === T.BinaryExpression && inner.operator === "+") {
    const left = dynamicTypeKey(ctx, inner.left, depth + 1);
    const right = left === undefined ? undefined : dynamicTypeKey(ctx, inner.right, depth + 1);
    return right === undefined ? undefined : `cat(${left},${right})`;
  }
  return ctx.refs.key(inner);
}

const GLOBAL_OBJECT_KEYS: ReadonlySet<string> = new Set(["g:window", "g:self", "g:globalThis", "g:global"]);

/**
 * The key of a listener's target. Besides stored locations, a call that looks the same
 * object up again — `$(window)`, `document.querySelector("#nav")` — gets a key made of its
 * callee and arguments, so `.on` and `.off` through the same lookup match. Calls that make
 * a new object each time (`createElement`, `new X`, `matchMedia`) get none.
 */
function targetKeyOf(ctx: EngineContext, target: Node): string | undefined {
  const inner = unwrap(target);
  if (inner.type !== T.CallExpression) {
    const key = keyThroughThis(ctx, inner);
    // `window`, `self` and `globalThis` are one object; so are Node's `global` and `globalThis`.
    return key && GLOBAL_OBJECT_KEYS.has(key) ? "g:globalThis" : key;
  }
  const { name } = calleeOf(inner);
  if (ctx.isCreation(inner) || (name && LONG_LIVED_FACTORIES.has(name))) return undefined;
  const callee = ctx.refs.key(inner.callee);
  if (!callee) return undefined;
  const args: string[] = [];
  for (const arg of inner.arguments) {
    if (arg.type === T.SpreadElement) return undefined;
    const text = staticString(arg);
    const key = text !== undefined ? JSON.stringify(text) : ctx.refs.key(arg);
    if (key === undefined) return undefined;
    args.push(key);
  }
  return `call:${callee}(${args.join(",")})`;
}

/**
 * The key of a location, where a local (or the base of a member path) whose value is kept in
 * a `this` member is known by that member: `renderer.domElement` after `this.renderer = renderer`
 * is `this.renderer.domElement`.
 */
function keyThroughThis(ctx: EngineContext, node: Node, depth = 0): string | undefined {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return storedInThis(ctx, inner) ?? ctx.refs.key(inner);
  const read = readFromCollection(ctx, inner);
  if (read) return read;
  if (inner.type === T.MemberExpression && depth < 8) {
    const name = ctx.refs.propertyName(inner);
    const base = name === undefined ? undefined : keyThroughThis(ctx, inner.object, depth + 1);
    if (base === undefined) return undefined;
    return base.startsWith("g:") && ctx.refs.key(inner)?.startsWith("g:") ? ctx.refs.key(inner) : `${base}.${name}`;
  }
  return ctx.refs.key(inner);
}

/**
 * `connect(document) { this._document = document; document.addEventListener(...) }` and
 * a later `this._document.removeEventListener(...)` act on one object: a local whose
 * value is kept in a `this` member is known by that member's key.
 */
function storedInThis(ctx: EngineContext, id: TSESTree.Identifier): string | undefined {
  const variable = ctx.refs.variable(id);
  if (!variable) return undefined;
  let byVariable = storedCache.get(ctx);
  if (!byVariable) {
    byVariable = new WeakMap();
    storedCache.set(ctx, byVariable);
  }
  let stored = byVariable.get(variable);
  if (stored === undefined) {
    stored = storedKey(ctx, variable) ?? null;
    byVariable.set(variable, stored);
  }
  return stored ?? undefined;
}

/** Per file, per variable: `storedInThis`'s answer (null: none). Asked once per use of the variable. */
const storedCache = new WeakMap<EngineContext, WeakMap<Variable, string | null>>();

function storedKey(ctx: EngineContext, variable: Variable): string | undefined {
  if (ctx.refs.reassigned(variable)) return undefined;
  for (const reference of variable.references) {
    const parent = (reference.identifier as Node).parent;
    if (parent?.type === T.AssignmentExpression && parent.right === reference.identifier && parent.operator === "=") {
      const left = unwrap(parent.left);
      if (left.type === T.MemberExpression && unwrap(left.object).type === T.ThisExpression) return ctx.refs.key(left);
    }
    // `this.handlers.set(id, hold)`: the handler is kept in a collection of the owner, and a
    // removal passing `this.handlers.get(id)` hands it back.
    const kept = parent?.type === T.CallExpression ? keptInCollection(ctx, parent, reference.identifier) : undefined;
    if (kept) return kept;
  }
  return undefined;
}

const COLLECTION_PUTS: ReadonlySet<string> = new Set(["set", "add", "push"]);

/** `in:<collection>` for a value put into a `this`-rooted collection by `call` (its last argument). */
function keptInCollection(ctx: EngineContext, call: TSESTree.CallExpression, value: Node): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || !COLLECTION_PUTS.has(memberName(callee) ?? "") || call.arguments[call.arguments.length - 1] !== value) return undefined;
  return thisCollectionKey(ctx, callee.object);
}

/** `in:<key>` of a collection kept on `this` (`this.handlers`), the handler key of what it holds. */
function thisCollectionKey(ctx: EngineContext, node: Node): string | undefined {
  const collection = unwrap(node);
  if (collection.type !== T.MemberExpression || unwrap(collection.object).type !== T.ThisExpression) return undefined;
  const key = ctx.refs.key(collection);
  return key === undefined ? undefined : `in:${key}`;
}

/** `in:<collection>` for a handler read back from a `this`-rooted collection (`this.handlers.get(id)`). */
function readFromCollection(ctx: EngineContext, node: Node): string | undefined {
  if (node.type !== T.CallExpression) return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression || memberName(callee) !== "get") return undefined;
  return thisCollectionKey(ctx, callee.object);
}

function handlerKindOf(handler: Node | undefined): Listener["handlerKind"] {
  if (!handler) return "missing";
  if (isFunction(handler)) return "inline";
  if (handler.type === T.CallExpression) {
    const callee = unwrap(handler.callee);
    return callee.type === T.MemberExpression && memberName(callee) === "bind" ? "bound" : "other";
  }
  return handler.type === T.Identifier || handler.type === T.MemberExpression ? "ref" : "other";
}

function readOptions(
  ctx: EngineContext,
  arg: Node | undefined,
): { capture: boolean | undefined; once: boolean; signal: Node | undefined } {
  if (!arg) return { capture: false, once: false, signal: undefined };
  let inner = unwrap(arg);
  if (inner.type === T.Identifier) {
    // `const opts = { passive: true }` declared once and passed around.
    const def = ctx.refs.variable(inner)?.defs[0];
    if (def?.type === "Variable" && def.parent?.kind === "const" && def.node.init) inner = unwrap(def.node.init);
  }
  if (inner.type === T.Literal && typeof inner.value === "boolean") return { capture: inner.value, once: false, signal: undefined };
  if (inner.type !== T.ObjectExpression) return { capture: undefined, once: false, signal: undefined };
  let capture: boolean | undefined = false;
  let once = false;
  let signal: Node | undefined;
  for (const property of inner.properties) {
    if (property.type === T.SpreadElement) {
      capture = undefined;
      continue;
    }
    const name = property.computed ? staticString(property.key) : property.key.type === T.Identifier ? property.key.name : staticString(property.key);
    const value = unwrap(property.value);
    const literal = value.type === T.Literal ? value.value : undefined;
    if (name === "capture") capture = typeof literal === "boolean" ? literal : undefined;
    else if (name === "once") once = literal === true;
    else if (name === "signal") signal = value;
  }
  return { capture, once, signal };
}

function sameType(a: Listener, b: Listener): boolean {
  if (a.type !== undefined || b.type !== undefined) return a.type === b.type;
  return a.typeKey !== undefined && a.typeKey === b.typeKey;
}

function sameCapture(a: Listener, b: Listener): boolean {
  return a.capture === undefined || b.capture === undefined || a.capture === b.capture;
}

/** Whether `remove` takes off the listener `add` put on. */
function removes(remove: Listener, add: Listener, ctx: EngineContext): boolean {
  return (
    remove.style === add.style &&
    add.targetKey !== undefined &&
    remove.targetKey === add.targetKey &&
    add.handlerKey !== undefined &&
    (remove.handlerKey === add.handlerKey || sameHandlerByType(ctx, remove, add)) &&
    sameType(remove, add) &&
    sameCapture(remove, add)
  );
}

/** Typed: two handler references to one function (an import and its re-export, a `readonly` field and its value). */
function sameHandlerByType(ctx: EngineContext, a: Listener, b: Listener): boolean {
  return a.handlerKind === "ref" && b.handlerKind === "ref" && typeFacts(ctx.sourceCode)?.sameFunction(a.handler, b.handler) === true;
}

/** The name of the call when a removal's target is an object made right there (`matchMedia(q)`, `new X()`). */
function freshTargetCall(ctx: EngineContext, target: Node): string | undefined {
  const inner = unwrap(target);
  if (inner.type !== T.CallExpression && inner.type !== T.NewExpression) return undefined;
  const { name } = calleeOf(inner);
  if (!name) return undefined;
  if (inner.type === T.NewExpression) return `new ${name}`;
  return LONG_LIVED_FACTORIES.has(name) || ctx.isCreation(inner) ? name : undefined;
}

/** Whether the owner must take this listener off before it ends. */
function needsRemoval(owner: Owner, target: TargetClass): boolean {
  if (target === "self" || target === "created") return false;
  switch (owner.type) {
    case "effect":
    case "render":
      return true;
    case "component-callback":
      return target !== "external";
    case "class":
      return owner.info.framework !== "plain" || owner.info.teardown.length > 0 || target !== "external";
    default:
      return false;
  }
}

/** Judges one add: does a listener outlive its owner with no removal that can run? */
function judgeAdd(ctx: EngineContext, add: Listener, index: RemoveIndex): Finding | undefined {
  const target = classify(ctx, add.target);
  // A listener on the owner itself or on what it created dies with it; only the abort check applies.
  if ((target === "self" || target === "created") && add.type !== ABORT) return undefined;
  const context = ctx.lifecycles.ownerOf(add.call);
  const { owner } = context;
  const matching = index.matching(add);
  // The message's words, made only for a finding: most adds are settled without one.
  let described: Record<string, string> | undefined;
  const base = (): Record<string, string> => (described ??= describe(ctx, add, owner));
  const finding = (messageId: string, evidenceOf: Evidence, data = base(), suggest?: Finding["suggest"]): Finding => ({
    kind: "listener",
    messageId,
    node: add.call,
    data,
    suggest,
    evidence: evidenceOf,
  });

  if (add.type === ABORT && isCallerSignal(ctx, add.target, "target") && owner.type !== "module") {
    if (matching.length > 0) return undefined;
    // The caller's signal may be aborted soon or live for the whole program: its lifetime is the
    // caller's (proven long when a caller in the file passes a long-lived one). Each call that
    // returns leaves its listener behind, so the owner, the call, has ended.
    const holder = holderOf(ctx, add.target, target) ?? likely("the caller's signal");
    return finding("abortListenerNotRemoved", evidence(holder.proven ? holder : likely("the caller's signal"), proven("the call returns"), releaseProof({ maybe: index.loose(add).length > 0 })));
  }
  let holder = holderOf(ctx, add.target, target);
  if (!holder) return undefined;
  if (owner.type === "executor") return judgeInExecutor(ctx, add, owner.fn, matching, base, holder);
  if (!needsRemoval(owner, target)) return judgeRepeated(ctx, add, context, target, matching, base, index);
  if (add.once) return undefined;
  const region = ctx.releaseRegion(owner);
  // A target whose lifetime the file does not show, from which the owner's own teardown removes
  // other listeners (`stop() { this.player_.off("keydown", ...) }`): the author knows it outlives
  // the owner, so this listener outlives it too.
  // Not when the teardown ends the target itself (`this.worker.stop()`): its listeners may go with it.
  if (!holder.proven && add.targetKey !== undefined && index.removedFromInRegion(add.targetKey, region, add) && !endedIn(ctx, add, region)) {
    holder = proven("the owner's teardown removes other listeners from it");
  }
  // `model.on("error", () => {})`, an error sink on an object being let go: an empty handler
  // closes over nothing, so one left behind keeps nothing alive (repeated adds are judged above).
  if (emptyHandler(add)) holder = likely("an empty handler holds nothing");
  if (add.signal) return judgeSignal(ctx, add, region, base, holder, ownerProof(ctx, context));
  const removeAll = removeAllFor(ctx, add);
  if (ctx.releasedIn(removeAll, region)) return undefined;
  if (matching.some((remove) => ctx.inRegion(remove.call, region))) return undefined;
  const subscription = subscriptionRemoval(ctx, add, owner, region);
  if (subscription === "in-region") return undefined;
  if (target === "external" && disposedIn(ctx, add, region)) return undefined;
  const ownerFact = beforePageLoad(ctx, add) ? likely("added only while the page loads") : ownerProof(ctx, context);
  // A removal of all its listeners elsewhere (`ngOnDestroy() { bus.clear() }` of the class around
  // an effect) is a release on another path, as a matching removal there is.
  if (matching.length > 0 || subscription === "elsewhere" || removeAll.length > 0) {
    return finding("listenerNotRemovedInTeardown", evidence(holder, ownerFact, releaseProof({ elsewhere: true })));
  }
  const keys = [add.targetKey, add.handlerKey].filter((key): key is string => key !== undefined);
  const release = releaseProof({ maybe: index.loose(add).length > 0, opaque: handedAway(ctx, region, keys) });
  if (index.tried(add) && (add.handlerKind === "inline" || add.handlerKind === "bound")) {
    const made = add.handlerKind === "inline" ? "an inline function" : "a function made by `.bind()`";
    return finding("listenerCannotBeRemoved", evidence(holder, ownerFact, release), { ...base(), handler: made });
  }
  return withCleanup(finding("listenerNeverRemoved", evidence(holder, ownerFact, release)), removalSuggestion(ctx, add, owner), "listenerNeverRemovedManualCleanup");
}

/**
 * The names a listener's handler goes by: its key, and its own name (`onDispose` for
 * `data.onDispose`, `handle` for `handle`), so a removal through another record or alias
 * can be found.
 */
function handlerNames(listener: Listener): string[] {
  const names: string[] = [];
  if (listener.handlerKey) names.push(listener.handlerKey);
  const handler = listener.handler && listener.handlerKind === "ref" ? unwrap(listener.handler) : undefined;
  const name = handler?.type === T.Identifier ? handler.name : handler?.type === T.MemberExpression ? memberName(handler) : undefined;
  if (name) names.push(`name:${name}`);
  return names;
}

/**
 * Whether `remove` may take off the listener `add` put on, though it cannot be proven:
 * the same event (or a dynamic one), the same handler by key or by name, and targets that
 * are the same or may be (a loop variable, a parameter, `this` in a plain function).
 */
function mayRemove(ctx: EngineContext, remove: Listener, add: Listener): boolean {
  if (remove.style !== add.style || remove.handlerKind !== "ref" || add.handlerKind !== "ref") return false;
  if (add.type !== undefined && remove.type !== undefined && add.type !== remove.type) return false;
  if (!sameCapture(remove, add) || freshTargetCall(ctx, remove.target)) return false;
  if (add.handlerKey !== remove.handlerKey) {
    // Two handlers with the same name are different functions when both keys are fixed.
    if (add.handlerKey && remove.handlerKey && ctx.refs.fixedKey(add.handlerKey) && ctx.refs.fixedKey(remove.handlerKey)) return false;
    // Typed: two different function definitions are never one listener.
    if (typeFacts(ctx.sourceCode)?.sameFunction(add.handler, remove.handler) === false) return false;
  }
  if (add.targetKey === undefined || remove.targetKey === undefined || add.targetKey === remove.targetKey) return true;
  return !(ctx.refs.fixedKey(add.targetKey) && ctx.refs.fixedKey(remove.targetKey));
}

/**
 * React Native style: `const sub = AppState.addEventListener("change", h)` returns a
 * subscription; `sub.remove()` takes the listener off — in the release region (a ref's
 * subscription also in a separate unmount-only effect), or elsewhere. A subscription kept in an
 * array (`const subs = [a, b]`) is removed by a loop over it (`subs.forEach((s) => s.remove())`).
 */
function subscriptionRemoval(
  ctx: EngineContext,
  add: Listener,
  owner: Owner,
  region: Node[] | "anywhere",
): "in-region" | "elsewhere" | undefined {
  let holder: Node | undefined = add.call.parent;
  while (holder && (holder.type === T.TSAsExpression || holder.type === T.TSNonNullExpression)) holder = holder.parent;
  const inArray = holder?.type === T.ArrayExpression;
  if (inArray) holder = holder?.parent;
  const stored =
    holder?.type === T.VariableDeclarator && holder.id.type === T.Identifier
      ? holder.id
      : holder?.type === T.AssignmentExpression
        ? holder.left
        : undefined;
  const key = stored ? ctx.refs.key(stored) : undefined;
  if (!key) return undefined;
  const removals = inArray ? loopRemovals(ctx, key) : (ctx.methodReleases.get(key) ?? []).filter((release) => release.name === "remove");
  if (removals.length === 0) return undefined;
  const where = subscriptionRegion(ctx, owner, [key]);
  return removals.some((release) => ctx.inRegion(release.call, where === "anywhere" ? region : where)) ? "in-region" : "elsewhere";
}

/** `.remove()` calls on the element variable of a loop over the array with this key. */
function loopRemovals(ctx: EngineContext, arrayKey: string): Release[] {
  const out: Release[] = [];
  for (const releases of ctx.methodReleases.values()) {
    for (const release of releases) {
      if (release.name !== "remove" || release.derived) continue;
      const receiver = calleeOf(release.call).object;
      const id = receiver ? unwrap(receiver) : undefined;
      const def = id?.type === T.Identifier ? ctx.refs.variable(id)?.defs[0] : undefined;
      const source = def ? iterationSource(def) : undefined;
      if (source && ctx.refs.key(source) === arrayKey) out.push(release);
    }
  }
  return out;
}

/** Plain functions: only a listener added again and again to a long-lived target is a leak. */
function judgeRepeated(
  ctx: EngineContext,
  add: Listener,
  context: OwnerContext,
  target: TargetClass,
  matching: readonly Listener[],
  base: () => Record<string, string>,
  index: RemoveIndex,
): Finding | undefined {
  if (target !== "global" && target !== "module") return undefined;
  if (context.owner.type !== "function" && context.owner.type !== "module" && context.owner.type !== "component-callback") {
    return undefined;
  }
  const where = context.inLoop || isIterationCallback(context)
    ? "a loop"
    : context.repeating
      ? `${/^[aeiou]/i.test(context.repeating) ? "an" : "a"} ${context.repeating}`
      : isNamedRequestHandler(context)
        ? "a request handler"
        : undefined;
  if (!where || add.once || add.signal || matching.length > 0) return undefined;
  if (removeAllFor(ctx, add).length > 0) return undefined;
  // A loop that runs once (at the module's top level), or whose iterations add different
  // listeners (`for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, h)`), repeats nothing.
  const loopOnly = where === "a loop" && !context.repeating;
  const repeats =
    loopOnly && (context.owner.type === "module" || loopVariant(ctx, add))
      ? likely("a loop over different listeners, or one that runs once")
      : proven(`runs in ${where}`);
  return {
    kind: "listener",
    messageId: "listenerAddedRepeatedly",
    node: add.call,
    data: { ...base(), where },
    evidence: evidence(proven(target === "global" ? "global target" : "module-level target"), repeats, releaseProof({ maybe: index.loose(add).length > 0 })),
  };
}

/**
 * Whether each iteration of the loop around the add puts on a different listener: its event
 * type, target or handler depends on a variable of the loop (or of the iteration callback).
 */
function loopVariant(ctx: EngineContext, add: Listener): boolean {
  let scope: Node | undefined;
  let child: Node = add.call;
  for (let parent: Node | undefined = add.call.parent; parent && !scope; child = parent, parent = parent.parent) {
    const call: Node | undefined = parent.parent;
    if (isLoop(parent) && isPerIterationPart(parent, child)) scope = parent;
    else if (isFunction(parent) && call?.type === T.CallExpression && ITERATION_METHODS.has(calleeOf(call).name ?? "")) scope = parent;
    else if (isFunction(parent)) break;
  }
  if (!scope) return false;
  const loop = scope;
  // Only the event and the target: one handler per item on the same target still piles up there.
  const parts = [add.call.arguments[0], add.target].filter((part): part is Node => !!part);
  let variant = false;
  for (const part of parts) {
    walk(part, ctx.sourceCode.visitorKeys, (node) => {
      if (variant) return false;
      if (node.type === T.Identifier) {
        const def = ctx.refs.variable(node)?.defs[0];
        if (def && contains(loop, def.name)) variant = true;
      }
      return !variant;
    });
  }
  return variant;
}

/**
 * `async function handle(req, res) { ... }` declared on its own and registered elsewhere:
 * the owner function itself takes `(req, res)`.
 */
function isNamedRequestHandler(context: OwnerContext): boolean {
  if (context.owner.type !== "function") return false;
  const [first, second] = context.owner.fn.params;
  return (
    first?.type === T.Identifier &&
    second?.type === T.Identifier &&
    REQUEST_PARAM_NAMES.has(first.name) &&
    REQUEST_PARAM_NAMES.has(second.name)
  );
}

/** The add runs in a `forEach`/`map` callback directly (not through a nested owner). */
function isIterationCallback(context: OwnerContext): boolean {
  const fn = context.innermost;
  if (!fn || (context.owner.type !== "function" && context.owner.type !== "component-callback")) return false;
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== fn) return false;
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && ITERATION_METHODS.has(memberName(callee) ?? "");
}

const ITERATION_METHODS: ReadonlySet<string> = new Set(["forEach", "map", "flatMap"]);

/**
 * The controller whose `abort()` releases a `{ signal }`: `controller` for `controller.signal`,
 * for a `const signal = controller.signal` alias, and for `const { signal } = controller`.
 */
function controllerKey(ctx: EngineContext, signal: Node): string | undefined {
  return controllerOf(ctx, signal)?.key;
}

function controllerOf(ctx: EngineContext, signal: Node): { key: string; node: Node } | undefined {
  const inner = unwrap(signal);
  const key = ctx.refs.key(inner);
  if (key?.endsWith(".signal")) {
    const node = inner.type === T.MemberExpression ? inner.object : inner;
    return { key: key.slice(0, -".signal".length), node };
  }
  if (inner.type !== T.Identifier) return undefined;
  const def = ctx.refs.variable(inner)?.defs[0];
  if (def?.type !== "Variable" || def.node.id.type !== T.ObjectPattern || !def.node.init || def.parent?.kind !== "const") return undefined;
  const property = def.node.id.properties.find(
    (p) => p.type === T.Property && p.value === def.name && !p.computed && p.key.type === T.Identifier && p.key.name === "signal",
  );
  const initKey = property ? ctx.refs.key(def.node.init) : undefined;
  return initKey ? { key: initKey, node: def.node.init } : undefined;
}

/** `{ signal }` releases the listener only if the controller is aborted when the owner ends. */
function judgeSignal(
  ctx: EngineContext,
  add: Listener,
  region: Node[] | "anywhere",
  base: () => Record<string, string>,
  holder: Proof,
  owner: Proof,
): Finding | undefined {
  const signal = add.signal!;
  if (isCallerSignal(ctx, signal)) return undefined;
  const found = controllerOf(ctx, signal);
  if (!found) return undefined;
  if (ctx.releasedIn(ctx.aborts.get(found.key), region)) return undefined;
  const elsewhere = ctx.releasedIn(ctx.aborts.get(found.key), "anywhere");
  return {
    kind: "listener",
    messageId: "signalNeverAborted",
    node: add.call,
    data: { ...base(), controller: ctx.refs.text(found.node) },
    evidence: evidence(holder, owner, releaseProof({ elsewhere, opaque: handedAway(ctx, region, [found.key]) })),
  };
}

/**
 * In a promise executor, every path that settles the promise must remove every
 * listener; `{ once: true }` only removes the listener that fired.
 */
function judgeInExecutor(
  ctx: EngineContext,
  add: Listener,
  executor: Node,
  matching: readonly Listener[],
  base: () => Record<string, string>,
  holder: Proof,
): Finding | undefined {
  if (!isFunction(executor)) return undefined;
  const paths = settlePaths(ctx, executor);
  if (paths.length === 0) return undefined;
  const handlerFn = add.handler ? ctx.lifecycles.resolveFunction(add.handler) : undefined;
  const controller = add.signal ? controllerKey(ctx, add.signal) : undefined;
  for (const path of paths) {
    const ownPath = path.node === add.call || (handlerFn !== undefined && contains(handlerFn, path.node));
    if (ownPath && add.once) continue;
    // A settle path in the other branch of an `if` than the add cannot leave this listener behind.
    if (inOtherBranch(executor, path.node, add.call)) continue;
    const reach = ctx.expand([path.node, ...path.after]);
    const removed =
      matching.some((remove) => reach.some((root) => contains(root, remove.call))) ||
      (controller !== undefined && (ctx.aborts.get(controller) ?? []).some((abort) => reach.some((root) => contains(root, abort.call)))) ||
      removeAllFor(ctx, add).some((r) => reach.some((root) => contains(root, r.call)));
    if (removed) continue;
    if (add.signal && isCallerSignal(ctx, add.signal)) continue;
    return {
      kind: "listener",
      messageId: "listenerOutlivesPromise",
      node: add.call,
      data: { ...base(), path: ownPath ? "its own event, because it is not `{ once: true }`" : describePath(ctx, path.node) },
      evidence: evidence(holder, proven("settles"), releaseProof({})),
    };
  }
  return undefined;
}

/** Whether the settle path at `node` and the add at `call` sit in the two branches of one `if`. */
function inOtherBranch(executor: FunctionNode, node: Node, call: Node): boolean {
  for (let current: Node | undefined = node.parent; current && current !== executor; current = current.parent) {
    if (current.type !== T.IfStatement) continue;
    const settleInThen = contains(current.consequent, node);
    const settleInElse = !!current.alternate && contains(current.alternate, node);
    if ((settleInThen && current.alternate && contains(current.alternate, call)) || (settleInElse && contains(current.consequent, call))) return true;
  }
  return false;
}

function describePath(ctx: EngineContext, node: Node): string {
  const call = node.type === T.CallExpression ? node : isFunction(node) && node.parent?.type === T.CallExpression ? node.parent : undefined;
  if (call) {
    const callee = unwrap(call.callee);
    const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? memberName(callee) : undefined;
    if (name === "setTimeout") return "the timeout";
    const type = staticString(call.arguments[0]);
    if (type && name && (LISTENER_ADDS[name] !== undefined)) return `the '${type}' listener`;
  }
  if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression) {
    return `\`${ctx.refs.text(node.left)}\``;
  }
  return "another path";
}

/**
 * A signal handed in by the caller: its lifetime is theirs, not this code's.
 * As a `{ signal }` option, a signal made by a call (`AbortSignal.timeout()`, `any()`) also
 * releases on its own. As the target of an 'abort' listener, a fresh `AbortSignal.timeout()`
 * is this code's own; only `AbortSignal.any([...])` over a caller's signal is kept alive by it.
 */
function isCallerSignal(ctx: EngineContext, node: Node, use: "option" | "target" = "option", seen = new Set<Node>()): boolean {
  let inner = unwrap(node);
  while (inner.type === T.MemberExpression) inner = unwrap(inner.object);
  if (inner.type === T.CallExpression) {
    if (use === "option") return true;
    const { name } = calleeOf(inner);
    const [list] = inner.arguments;
    return (
      name === "any" &&
      list?.type === T.ArrayExpression &&
      list.elements.some((element) => !!element && element.type !== T.SpreadElement && isCallerSignal(ctx, element, use, seen))
    );
  }
  if (inner.type !== T.Identifier) return false;
  const def = ctx.refs.variable(inner)?.defs[0];
  if (!def) return false;
  if (def.type === "Parameter") return true;
  // `const { signal } = options` where options is a parameter.
  if (def.type === "Variable" && def.node.id.type === T.ObjectPattern && def.node.init) {
    // `var { signal } = signal` and patterns that read each other: each declarator once.
    if (seen.has(def.node)) return false;
    seen.add(def.node);
    return isCallerSignal(ctx, def.node.init, use, seen);
  }
  return false;
}

/**
 * `target.removeAllListeners()` / `removeAllListeners(type)` calls that take this listener
 * off: without a type, or with this listener's type (a dynamic type may be it).
 */
function removeAllFor(ctx: EngineContext, add: Listener): Release[] {
  if (!add.targetKey) return [];
  return (ctx.removeAll.get(add.targetKey) ?? []).filter((release) => {
    // A helper's `removeAllListeners` on its parameter: its call site does not show the type.
    if (release.derived) return true;
    const [typeArg] = release.call.arguments;
    if (!typeArg) return true;
    if (typeArg.type === T.SpreadElement) return true;
    const type = staticString(typeArg);
    return type === undefined || add.type === undefined || type === add.type;
  });
}

/**
 * A listener for a page-load event added under a `readyState` test
 * (`if (document.readyState === "loading") window.addEventListener("DOMContentLoaded", init)`):
 * it can only be added before the page has loaded, so however often its owner runs then, the
 * number left behind is bounded by one page load.
 */
function beforePageLoad(ctx: EngineContext, add: Listener): boolean {
  if (add.type === undefined || !PAGE_LOAD_EVENTS.has(add.type)) return false;
  let child: Node = add.call;
  for (let node: Node | undefined = child.parent; node && !isFunction(node); child = node, node = node.parent) {
    const test = node.type === T.IfStatement || node.type === T.ConditionalExpression ? node.test : node.type === T.LogicalExpression && child === node.right ? node.left : undefined;
    if (test && test !== child && readsReadyState(ctx, test)) return true;
  }
  return false;
}

/** Whether an expression reads some `x.readyState`. */
function readsReadyState(ctx: EngineContext, test: Node): boolean {
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (node) => {
    if (node.type === T.MemberExpression && memberName(node) === "readyState") found = true;
    return !found && !isFunction(node);
  });
  return found;
}

/** An inline handler with nothing in its body (`() => {}`, `function () {}`). */
function emptyHandler(add: Listener): boolean {
  const handler = add.handlerKind === "inline" && add.handler ? unwrap(add.handler) : undefined;
  return !!handler && isFunction(handler) && handler.body.type === T.BlockStatement && handler.body.body.length === 0;
}

/** Names that end a target's activity (`worker.stop()`) as well as its life (`close`, `destroy`). */
const TARGET_ENDERS: ReadonlySet<string> = new Set([...TARGET_DISPOSERS, "stop"]);

/** Whether the owner's release phase ends the target (`this.worker.stop()`), by any ender. */
function endedIn(ctx: EngineContext, add: Listener, region: Node[] | "anywhere"): boolean {
  if (region === "anywhere" || !add.targetKey) return false;
  return region.some((root) => (callsOnTargets(ctx, root, TARGET_ENDERS).get(add.targetKey!)?.length ?? 0) > 0);
}

const callCaches = new Map<ReadonlySet<string>, WeakMap<Node, Map<string, TSESTree.CallExpression[]>>>();

/**
 * Whether the owner ends the target's own life in its release phase (`socket.disconnect()`,
 * `this.client.close()`): the target is then the owner's, and its listeners go with it.
 */
function disposedIn(ctx: EngineContext, add: Listener, region: Node[] | "anywhere"): boolean {
  if (region === "anywhere" || !add.targetKey) return false;
  return region.some((root) => (callsOnTargets(ctx, root, TARGET_DISPOSERS).get(add.targetKey!)?.length ?? 0) > 0);
}

/** Calls of the given method names under `root`, by the key of their receiver (cached per root). */
function callsOnTargets(ctx: EngineContext, root: Node, names: ReadonlySet<string>): Map<string, TSESTree.CallExpression[]> {
  let cache = callCaches.get(names);
  if (!cache) {
    cache = new WeakMap();
    callCaches.set(names, cache);
  }
  let found = cache.get(root);
  if (found) return found;
  const map = new Map<string, TSESTree.CallExpression[]>();
  walk(root, ctx.sourceCode.visitorKeys, (node) => {
    if (node.type !== T.CallExpression) return;
    const { object, name } = calleeOf(node);
    if (!object || !name || !names.has(name)) return;
    const key = ctx.refs.key(object);
    if (key) pushTo(map, key, node);
  });
  found = map;
  cache.set(root, found);
  return found;
}

function describe(ctx: EngineContext, add: Listener, owner: Owner): Record<string, string> {
  const { owner: ownerText, end } = ctx.describe(owner);
  const handler =
    add.handlerKind === "ref" && add.handler
      ? `\`${ctx.refs.text(add.handler)}\``
      : add.handlerKind === "bound"
        ? "a function made by `.bind()`"
        : "its handler";
  return {
    event: add.typeText,
    target: ctx.refs.text(add.target),
    owner: ownerText,
    end,
    handler,
  };
}

/**
 * Effects without a cleanup: add one that removes this very listener — the same target, event
 * type, handler and capture flag, written so that each name means at the end of the setup what
 * it means at the add.
 */
function removalSuggestion(ctx: EngineContext, add: Listener, owner: Owner): CleanupOffer | undefined {
  if (owner.type !== "effect" || add.handlerKind !== "ref" || !add.targetKey || !add.handler) return undefined;
  if (!contains(owner.setup, add.call)) return undefined;
  // React Native's `AppState` & co have no `removeEventListener` any more: keep and `.remove()` the subscription.
  const base = unwrap(add.target);
  if (base.type === T.Identifier && moduleBinding(ctx.refs, base)?.module === "react-native") return undefined;
  const [typeArg, , optionsArg] = add.call.arguments;
  if (!typeArg || (add.type === undefined && add.typeKey === undefined)) return undefined;
  // Options the analysis could not read: pass the same ones, when reading them again is harmless.
  const options = add.style === "dom" && add.capture === undefined ? optionsArg : undefined;
  if (options && !readsOnly(options)) return undefined;
  const copied = [add.target, typeArg, add.handler, ...(options ? [options] : [])];
  if (!meansTheSameIn(ctx, owner.setup, copied)) return undefined;
  const removeName = add.style === "dom" ? "removeEventListener" : add.method === "on" ? "off" : "removeListener";
  const capture = options ? `, ${ctx.sourceCode.getText(options)}` : add.style === "dom" && add.capture === true ? ", true" : "";
  const statement = `${ctx.sourceCode.getText(add.target)}.${removeName}(${ctx.sourceCode.getText(typeArg)}, ${ctx.sourceCode.getText(add.handler)}${capture});`;
  return appendCleanupSuggestion(ctx, owner.setup, add.call, statement, "addRemoval", { target: ctx.refs.text(add.target) });
}

/** An expression that only reads names and members: evaluating it again gives the same value. */
function readsOnly(node: Node): boolean {
  const inner = unwrap(node);
  switch (inner.type) {
    case T.Identifier:
    case T.ThisExpression:
    case T.Literal:
      return true;
    case T.MemberExpression:
      return readsOnly(inner.object) && (!inner.computed || readsOnly(inner.property));
    case T.ObjectExpression:
      return inner.properties.every(
        (property) => property.type === T.Property && !property.computed && property.kind === "init" && readsOnly(property.value),
      );
    default:
      return false;
  }
}

/** A removal that can never match is a certain defect: the listener it meant stays wherever it was added. */
const BROKEN_REMOVAL: Evidence = evidence(proven("removal cannot match"), proven("removal cannot match"), proven("removal cannot match"));

/** On the owner's own node, the listener a broken removal misses goes with the node: a defect, no leak. */
const BROKEN_REMOVAL_MAY_ALIAS: Evidence = evidence(proven("removal cannot match"), proven("removal cannot match"), likely("the two targets may be one object"));
const BROKEN_REMOVAL_ON_OWN: Evidence = evidence(likely("the target is the owner's own"), proven("removal cannot match"), proven("removal cannot match"));

/** A removal that can never match anything: a fresh function, another target, another capture flag. */
function judgeRemove(ctx: EngineContext, remove: Listener, adds: readonly Listener[]): Finding | undefined {
  const finding = judgeRemoveShape(ctx, remove, adds);
  if (!finding) return undefined;
  const target = classify(ctx, remove.target);
  return target === "self" || target === "created" ? { ...finding, evidence: BROKEN_REMOVAL_ON_OWN } : finding;
}

function judgeRemoveShape(ctx: EngineContext, remove: Listener, adds: readonly Listener[]): Finding | undefined {
  if (remove.handlerKind === "missing") return undefined;
  const base = { event: remove.typeText, target: ctx.refs.text(remove.target) };
  if (remove.handlerKind === "inline" || remove.handlerKind === "bound") {
    return {
      kind: "listener",
      messageId: "removalNeverMatches",
      node: remove.call,
      data: { ...base, reason: remove.handlerKind === "inline" ? "it passes a new function, which was never added" : "`.bind()` makes a new function, which was never added" },
      evidence: BROKEN_REMOVAL,
    };
  }
  if (!remove.handlerKey) return undefined;
  const fresh = freshTargetCall(ctx, remove.target);
  if (fresh) {
    return {
      kind: "listener",
      messageId: "removalNeverMatches",
      node: remove.call,
      data: { ...base, reason: `\`${fresh}()\` returns a new object on every call, which has no listeners yet` },
      evidence: BROKEN_REMOVAL,
    };
  }
  const candidates = adds.filter(
    (add) => add.style === remove.style && sameType(add, remove) && (add.handlerKey === remove.handlerKey || sameHandlerByType(ctx, add, remove)),
  );
  if (candidates.length === 0 || candidates.some((add) => removes(remove, add, ctx))) return undefined;
  if (!remove.targetKey || candidates.some((add) => add.targetKey === undefined)) return undefined;
  const sameTarget = candidates.filter((add) => add.targetKey === remove.targetKey);
  // "Added elsewhere" is only certain between targets whose identity is fixed.
  if (sameTarget.length === 0 && !(ctx.refs.fixedKey(remove.targetKey) && candidates.every((add) => ctx.refs.fixedKey(add.targetKey!)))) {
    return undefined;
  }
  const reason =
    sameTarget.length === 0
      ? `the listener was added to \`${ctx.refs.text(candidates[0]!.target)}\`, not here`
      : "the capture flag differs from the one the listener was added with";
  // Two different globals (`window`, `document`) are certainly two objects; two fields
  // (`this.tech_`, `this.player_.tech_`) may hold the same one.
  const distinct = sameTarget.length > 0 || [remove, ...candidates].every((listener) => listener.targetKey!.startsWith("g:"));
  return { kind: "listener", messageId: "removalNeverMatches", node: remove.call, data: { ...base, reason }, evidence: distinct ? BROKEN_REMOVAL : BROKEN_REMOVAL_MAY_ALIAS };
}
