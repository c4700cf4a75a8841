/**
 * Where a target comes from, and so whether it outlives its owner: the owner itself,
 * something the owner made (directly, through a helper's parameter, or by inserting it into
 * a node it made), a global, a module binding, or anything else. Shared by every family that
 * asks "does this object die with its owner?" (listeners, observers, closeables).
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type Node, isFunction, isNullish, isThisMember, keyName, memberName, unwrap } from "../../ast/index.js";
import { LONG_LIVED_FACTORIES, LONG_LIVED_TARGETS } from "../../resources/catalogue.js";
import { callSitesOf } from "./callgraph.js";
import type { EngineContext } from "./context.js";

export type TargetClass = "self" | "created" | "global" | "module" | "external";

/** `DisposableStack#use(value)` / `adopt(value, onDispose)` return the value they register. */
const STACK_ADOPTERS: ReadonlySet<string> = new Set(["use", "adopt"]);
const STACK_CONSTRUCTORS: ReadonlySet<string> = new Set(["DisposableStack", "AsyncDisposableStack"]);

/** A `new DisposableStack()` (or `AsyncDisposableStack`): held in a `const`, or a class field initialised with one. */
export function isDisposableStack(ctx: EngineContext, node: Node): boolean {
  const inner = unwrap(node);
  let init: Node | undefined;
  if (inner.type === T.Identifier) {
    const def = ctx.refs.variable(inner)?.defs[0];
    init = def?.type === "Variable" && def.parent?.kind === "const" ? (def.node.init ?? undefined) : undefined;
  } else if (inner.type === T.MemberExpression && unwrap(inner.object).type === T.ThisExpression) {
    const name = memberName(inner);
    for (let current: Node | undefined = inner.parent; current && name; current = current.parent) {
      if (current.type !== T.ClassBody) continue;
      const field = current.body.find(
        (member) => member.type === T.PropertyDefinition && !member.static && (member.key.type === T.PrivateIdentifier ? `#${member.key.name}` : keyName(member.key, member.computed)) === name,
      );
      init = field?.type === T.PropertyDefinition ? (field.value ?? undefined) : undefined;
      break;
    }
  }
  const created = init ? unwrap(init) : undefined;
  if (created?.type !== T.NewExpression) return false;
  const ctor = unwrap(created.callee);
  return ctor.type === T.Identifier && STACK_CONSTRUCTORS.has(ctor.name);
}

/** Whether the target is the owner itself or something it made: it dies with the owner. */
export function madeByOwner(ctx: EngineContext, target: Node, depth = 0): boolean {
  const where = classify(ctx, target, depth);
  return where === "created" || where === "self";
}

/**
 * Where a listener's (or observation's) target comes from: the owner itself, something it
 * made (directly, through a helper's parameter, or by inserting it into a node it made),
 * a global, a module binding, or anything else.
 */
export function classify(ctx: EngineContext, target: Node, depth = 0): TargetClass {
  const inner = unwrap(target);
  if (inner.type === T.ThisExpression) return "self";
  // A framework component's own template element dies with it.
  if (ctx.lifecycles.isOwnElement(inner)) return "self";
  if (inner.type === T.CallExpression) {
    const callee = unwrap(inner.callee);
    const name = callee.type === T.MemberExpression ? memberName(callee) : callee.type === T.Identifier ? callee.name : undefined;
    if (name && LONG_LIVED_FACTORIES.has(name)) return "global";
    if (ctx.isCreation(inner)) return "created";
    // `stack.use(new EventEmitter(target))`: a DisposableStack hands back what it will dispose,
    // so the value is as much the owner's as the stack is.
    if (name && STACK_ADOPTERS.has(name) && callee.type === T.MemberExpression && isDisposableStack(ctx, callee.object)) {
      const [first] = inner.arguments;
      return first && first.type !== T.SpreadElement && ctx.isCreation(first) ? "created" : "external";
    }
    // `this.querySelector("button")`, `this.shadowRoot.getElementById("x")`: a descendant
    // of the owner or of something it created lives and dies with it.
    if (name && DESCENDANT_LOOKUPS.has(name) && callee.type === T.MemberExpression && depth < 6) {
      const base = classify(ctx, callee.object, depth + 1);
      return base === "created" || base === "self" ? base : "external";
    }
    return "external";
  }
  if (inner.type === T.NewExpression) return "created";
  const key = ctx.refs.key(inner);
  if (key?.startsWith("g:")) return LONG_LIVED_TARGETS.has(key.slice(2)) ? "global" : "external";
  if (inner.type === T.Identifier) {
    const variable = ctx.refs.variable(inner);
    const def = variable?.defs[0];
    if (!variable || !def) return "external";
    if (moduleLevel(ctx, variable)) return "module";
    if (def.type === "Variable" && def.node.init && createdValue(ctx, def.node.init)) return "created";
    // `let cue; ... cue = new Cue(...)`: every value it ever holds is made here.
    // A write may go through a local made here (`const link = document.createElement("link"); element = link`).
    const writes = ctx.refs.writes(variable);
    const madeHere = (value: Node): boolean => {
      if (createdValue(ctx, value)) return true;
      const written = unwrap(value);
      return depth < 6 && written.type === T.Identifier && written.name !== inner.name && classify(ctx, written, depth + 1) === "created";
    };
    // `let child = null; try { child = spawn(...) } catch ...`: an empty value holds nothing, so
    // only the writes of a value count (and there must be one).
    const valued = writes.filter((reference) => !reference.writeExpr || !isNullish(reference.writeExpr));
    if (valued.length > 0 && valued.every((reference) => reference.writeExpr && madeHere(reference.writeExpr))) return "created";
    // `const row = item.domElement.firstChild` of an item made here, `this.panel.querySelector(...)`.
    if (def.type === "Variable" && def.parent?.kind === "const" && def.node.init && depth < 6) {
      const init = unwrap(def.node.init);
      if (init.type === T.MemberExpression || init.type === T.Identifier || init.type === T.CallExpression) {
        const base = classify(ctx, init, depth + 1);
        if (base === "created" || base === "self") return base;
      }
    }
    // A node the owner inserts into a node it made lives in that subtree and goes with it.
    if (depth < 4 && adoptedIntoCreated(ctx, variable, depth)) return "created";
    // A parameter of a helper that every call in the file hands something made here.
    if (def.type === "Parameter" && depth < 4) {
      const passed = argumentClasses(ctx, def.node, def.name, depth);
      if (passed.length > 0 && passed.every((c) => c === "created" || c === "self")) return "created";
    }
    const source = depth < 6 ? iterationSource(def) : undefined;
    if (source) {
      const base = classify(ctx, source, depth + 1);
      return base === "created" || base === "self" ? base : "external";
    }
    return "external";
  }
  if (inner.type === T.MemberExpression && depth < 6) {
    const object = unwrap(inner.object);
    // `el.parentElement`, `el.ownerDocument`: outward from an owned node, to something that may outlive it.
    if (OUTWARD_MEMBERS.has(memberName(inner) ?? "")) return "external";
    if (object.type === T.ThisExpression) {
      const name = memberName(inner);
      if (name === "shadowRoot" || name === "renderRoot") return "self";
      const cls = ctx.refs.key(object);
      void cls;
      const owner = ctx.lifecycles.ownerOf(inner).owner;
      if (owner.type === "class" && name && owner.info.createdMembers.has(name)) return "created";
      return "external";
    }
    const base = classify(ctx, object, depth + 1);
    return base === "created" || base === "self" ? base : "external";
  }
  return "external";
}

const INSERTIONS: ReadonlySet<string> = new Set(["appendChild", "append", "prepend", "insertBefore", "replaceChildren"]);

/** Every method that inserts its argument into the receiver's subtree (`after`/`before`: beside it, among the parent's children). */
const INSERTION_METHODS: ReadonlySet<string> = new Set([...INSERTIONS, "after", "before"]);

type Variable = NonNullable<ReturnType<EngineContext["refs"]["variable"]>>;

/** What `insertionsOf` knows about one variable. */
export interface Insertions {
  /** A reference keeps it among the owner's children (`keptInOwnCollection`). */
  kept: boolean;
  /** The calls that insert it somewhere (`parent.appendChild(x)`), with their method name and receiver. */
  into: { method: string; receiver: Node }[];
}

const insertionCache = new WeakMap<Variable, Insertions>();

/**
 * The insertions of a variable's value, from one pass over its references, kept per variable:
 * target questions ask about the same variable once per listener or observation on it, and a
 * scan of every reference each time made n uses of one variable cost n².
 */
export function insertionsOf(variable: Variable): Insertions {
  let found = insertionCache.get(variable);
  if (found) return found;
  found = { kept: false, into: [] };
  for (const reference of variable.references) {
    const id = reference.identifier as Node;
    if (keptInOwnCollection(id)) found.kept = true;
    const call = id.parent;
    if (call?.type !== T.CallExpression || !call.arguments.includes(id as TSESTree.CallExpressionArgument)) continue;
    const callee = unwrap(call.callee);
    const method = callee.type === T.MemberExpression ? memberName(callee) : undefined;
    if (callee.type === T.MemberExpression && method && INSERTION_METHODS.has(method)) found.into.push({ method, receiver: callee.object });
  }
  insertionCache.set(variable, found);
  return found;
}

/** `wrapper.appendChild(canvas)` where `wrapper` was made here. */
function adoptedIntoCreated(ctx: EngineContext, variable: Variable, depth: number): boolean {
  const { kept, into } = insertionsOf(variable);
  return kept || into.some(({ method, receiver }) => INSERTIONS.has(method) && madeByOwner(ctx, receiver, depth + 1));
}

const COLLECTION_ADDS: ReadonlySet<string> = new Set(["push", "unshift", "add", "set"]);

/**
 * `this.tabs[tab.id] = tab`, `this.workers.push(worker)`, `this.items.set(id, item)`: the owner
 * keeps the object among its own children, whose lives it manages (a single dependency
 * such as `this.socket = socket` is not a child: it is usually shared).
 */
function keptInOwnCollection(id: Node): boolean {
  const parent = id.parent;
  if (parent?.type === T.AssignmentExpression && parent.right === id && parent.operator === "=") {
    const left = unwrap(parent.left);
    return left.type === T.MemberExpression && left.computed && isThisMemberPath(left.object);
  }
  if (parent?.type === T.CallExpression && parent.arguments.includes(id as TSESTree.Expression)) {
    const callee = unwrap(parent.callee);
    const method = callee.type === T.MemberExpression ? (memberName(callee) ?? "") : "";
    // A `Map` key is only looked up by (often a cache of data about an outside object); the value is kept.
    if (method === "set" && parent.arguments[1] !== id) return false;
    return callee.type === T.MemberExpression && COLLECTION_ADDS.has(method) && isThisMemberPath(callee.object);
  }
  return false;
}

/** `this.tabs`: a named field of the owner. */
function isThisMemberPath(node: Node): boolean {
  const inner = unwrap(node);
  return isThisMember(inner) && !inner.computed;
}

/** `new X()`, `createElement(...)`, or `a = this.a = new X()`. */
export function createdValue(ctx: EngineContext, node: Node): boolean {
  let inner = unwrap(node);
  while (inner.type === T.AssignmentExpression && inner.operator === "=") inner = unwrap(inner.right);
  return ctx.isCreation(inner);
}

/** How each call of the function that declares `param` classifies the argument it passes there. */
function argumentClasses(ctx: EngineContext, fn: Node, param: Node, depth: number): TargetClass[] {
  if (!isFunction(fn)) return [];
  const index = fn.params.findIndex((p) => p === param || (p.type === T.AssignmentPattern && p.left === param));
  if (index < 0) return [];
  return callSitesOf(ctx, fn).map((call) => {
    const arg = call.arguments[index];
    return arg && arg.type !== T.SpreadElement ? classify(ctx, arg, depth + 1) : "external";
  });
}

/** Members that lead from a node to its ancestors or its document and window. */
const OUTWARD_MEMBERS: ReadonlySet<string> = new Set([
  "parentElement",
  "parentNode",
  "offsetParent",
  "ownerDocument",
  "defaultView",
  "documentElement",
  "body",
]);

/** Element lookups whose results are descendants of the object they are called on. */
const DESCENDANT_LOOKUPS: ReadonlySet<string> = new Set([
  "querySelector",
  "querySelectorAll",
  "getElementById",
  "getElementsByClassName",
  "getElementsByTagName",
  "getElementsByName",
  // Component trees (video.js and similar): a child the component looks up among its own.
  "getChild",
  "getChildById",
]);

/**
 * For an element of a collection — `for (const b of list)` or the first parameter of
 * `list.forEach((b) => ...)` — the collection expression `list`.
 */
export function iterationSource(def: NonNullable<ReturnType<EngineContext["refs"]["variable"]>>["defs"][number]): Node | undefined {
  if (def.type === "Variable" && !def.node.init && def.node.id.type === T.Identifier) {
    const loop = def.parent?.parent;
    if (loop?.type === T.ForOfStatement && loop.left === def.parent) return loop.right;
    return undefined;
  }
  if (def.type === "Parameter" && isFunction(def.node) && def.node.params[0] === def.name) {
    const call = def.node.parent;
    if (call?.type !== T.CallExpression || call.arguments[0] !== def.node) return undefined;
    const callee = unwrap(call.callee);
    if (callee.type === T.MemberExpression && memberName(callee) === "forEach") return callee.object;
  }
  return undefined;
}

/**
 * Whether a binding lives as long as the module. The top level of a Vue `<script setup>` or a
 * Svelte instance `<script>` is module scope to the parser but runs once per component
 * instance: what it declares belongs to that instance.
 */
export function moduleLevel(ctx: EngineContext, variable: Variable): boolean {
  if (variable.scope.type !== "module" && variable.scope.type !== "global") return false;
  const def = variable.defs[0];
  // Imports are the module's wherever they are written.
  return !def || def.type === "ImportBinding" || ctx.lifecycles.ownerOf(def.name).owner.type === "module";
}
