/**
 * Function and class summaries for the audit: what a function hands back to its caller (a
 * disposer, a subscription, a closeable, an instance that must be torn down), whether it
 * cleans up after itself, and what a class acquires and which methods end it.
 *
 * This is a thin adapter. The engine (src/analysis) is growing per-file function summaries
 * of its own; the audit computes the few facts it needs here, from the same catalogue
 * (src/resources) and lifecycle tables, so that it can later be pointed at the engine's
 * summaries without changing the checks (checks.ts only calls `functionSummary`,
 * `classSummary` and `acquisitionAt`).
 *
 * Summaries are computed lazily and memoised; a call to a function that is being
 * summarised (recursion) contributes nothing, which keeps the computation linear.
 */
import type { ts } from "ts-morph";
import {
  GLOBAL_HOSTS,
  LISTENER_ADDS,
  LISTENER_REMOVES,
  LONG_LIVED_FACTORIES,
  LONG_LIVED_TARGETS,
  OBJECT_URL_ACQUIRE,
  OBJECT_URL_HOSTS,
  OBJECT_URL_RELEASE,
  REMOVE_ALL_LISTENERS,
  TARGET_DISPOSERS,
  TIMER_MODULES,
  TIMER_RELEASES,
  TIMERS,
} from "../resources/catalogue.js";
import {
  COMPLETING_OPERATORS,
  GLOBAL_CONSTRUCTORS,
  HANDLE_RELEASE_METHODS,
  type HandleEntry,
  MODULE_CONSTRUCTORS,
  MODULE_FACTORIES,
  NOTIFIER_EMITS,
  SUBSCRIBE_METHODS,
  SUBSCRIPTION_RELEASES,
  TAKE_UNTIL,
  moduleName,
} from "../resources/closeable.js";
import { ADDING_METHODS, REMOVING_METHODS } from "../resources/collections.js";
import { DEFAULT_TEARDOWN_METHODS, EFFECT_HOOKS } from "../lifecycle/tables.js";
import { CLEANUP_REGISTRARS, type ClassShape, classOfMember, classShape, display } from "./owners.js";
import { type Declaration, type ModuleInfo, type ProjectIndex, type Target, resolveExport, resolveExpression } from "./project.js";
import {
  type ClassLike,
  type FunctionLike,
  TS,
  accessName,
  accessObject,
  boundNames,
  calleeName,
  dottedPath,
  enclosingClass,
  enclosingFunction,
  isFunctionLike,
  outerParent,
  isShadowed,
  propertyNameText,
  returnedValues,
  rootIdentifier,
  shortText,
  unwrap,
  walk,
} from "./syntax.js";

const isClassTarget = (target: Target): boolean => target.kind === "class";

/** Receivers whose methods can be named: a namespace, a class (static methods), `new C()` or an object literal. */
const isReceiverTarget = (target: Target): boolean => {
  if (target.kind === "namespace" || target.kind === "class") return true;
  if (target.kind !== "variable" || !target.init) return false;
  const init = unwrap(target.init);
  return TS.isNewExpression(init) || TS.isObjectLiteralExpression(init);
};

/** Who keeps an acquired resource alive, which decides whether it outlives its owner. */
export type Holder =
  | { type: "runtime" }
  | { type: "global"; name: string }
  | { type: "module"; name: string }
  | { type: "param"; index: number }
  | { type: "instance" }
  | { type: "unknown" };

export type HandleFamily = "disposer" | "subscription" | "closeable" | "timer" | "objectUrl" | "instance";

/** What a call hands back that its caller must release. */
export interface HandleFact {
  family: HandleFamily;
  /** What stays alive, for messages: "an interval timer", "a `resize` listener on `window`". */
  label: string;
  /** Calling the handle releases it (a disposer function). */
  callable: boolean;
  /** Methods of the handle that release it (`unsubscribe`, `close`, `dispose`). */
  release: readonly string[];
  /** Functions that release it when passed the handle (`clearInterval(id)`). */
  releasedBy: readonly string[];
  holder: Holder;
  /** Where the handle comes from, for messages: `` `startPolling` (src/poll.ts:4) ``. */
  origin: string | undefined;
  /** The parameter the listener options are passed in: `{ once: true }` there makes the listener remove itself. */
  optionsParam?: number;
}

export interface Acquisition {
  label: string;
  holder: Holder;
  /** The handle the acquisition returns, if the caller gets one. */
  handle: HandleFact | undefined;
  node: ts.Node;
}

export interface FunctionSummary {
  /** The handle the function returns, if any: the caller must release it. */
  returns: HandleFact | undefined;
  /** The function registers its own cleanup with the current owner (`onScopeDispose`, a `useEffect` cleanup). */
  selfCleaning: boolean;
}

export interface ClassSummary {
  shape: ClassShape;
  module: ModuleInfo;
  /** Teardown methods, own and inherited from project base classes. */
  teardown: string[];
  /** What instances acquire, by member (`constructor` for the constructor and field initialisers). */
  acquisitions: Array<Acquisition & { member: string }>;
  /** Members whose call acquires something. */
  acquiringMembers: Set<string>;
  /** A plain class that acquires resources and has a teardown: its instances must be torn down. */
  resource: boolean;
}

/** Method names that release the object they are called on. */
export const RELEASE_METHODS: ReadonlySet<string> = new Set([
  ...[...HANDLE_RELEASE_METHODS].filter((name) => !NOTIFIER_EMITS.has(name)),
  ...SUBSCRIPTION_RELEASES,
  ...TARGET_DISPOSERS,
  ...DEFAULT_TEARDOWN_METHODS,
  "abort",
]);

const DISPOSER_MEMBERS: ReadonlySet<string> = new Set([...RELEASE_METHODS].filter((name) => name !== "end" && name !== "kill"));

const OUTLIVES: ReadonlySet<Holder["type"]> = new Set(["runtime", "global", "module"]);

/** Whether a holder keeps the resource alive whatever the owner does. */
export function outlives(holder: Holder): boolean {
  return OUTLIVES.has(holder.type);
}

/** How surely a holder outlives its owner: a global or module object, then the runtime (timers end by being cleared), parameters and the instance, unknown. */
function holderRank(holder: Holder): number {
  if (holder.type === "global" || holder.type === "module") return 4;
  if (holder.type === "runtime") return 3;
  return holder.type === "param" || holder.type === "instance" ? 2 : 1;
}

function stronger(a: Holder, b: Holder): Holder {
  return holderRank(b) > holderRank(a) ? b : a;
}

export function describeHolder(holder: Holder): string {
  switch (holder.type) {
    case "global":
    case "module":
      return `\`${holder.name}\``;
    default:
      return "";
  }
}

export class Summaries {
  private readonly functions = new Map<ts.Node, FunctionSummary | null>();
  private readonly classes = new Map<ts.Node, ClassSummary | null>();

  constructor(readonly index: ProjectIndex) {}

  moduleOf(node: ts.Node): ModuleInfo | undefined {
    const file = node.getSourceFile().fileName;
    return this.index.modules.get(file) ?? this.index.modules.get(pathResolve(file));
  }

  /** The summary of a function or method; `undefined` while it is being computed (recursion). */
  functionSummary(fn: FunctionLike): FunctionSummary | undefined {
    const cached = this.functions.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    this.functions.set(fn, null);
    const module = this.moduleOf(fn);
    let returns: HandleFact | undefined;
    if (module && fn.body && !isAsyncGenerator(fn)) {
      for (const value of returnedValues(fn)) {
        returns ??= this.handleOfExpression(value, fn, module, 0);
      }
    }
    const selfCleaning = module ? this.cleansUpItself(fn) : false;
    if (returns) {
      const name = nameForOrigin(fn);
      if (name) returns = { ...returns, origin: `\`${name}\` (${module!.relative}:${lineOf(fn)})` };
    }
    const summary: FunctionSummary = { returns, selfCleaning };
    this.functions.set(fn, summary);
    return summary;
  }

  /** Whether `fn` registers a cleanup with the owner it runs in, so its callers need not release anything. */
  private cleansUpItself(fn: FunctionLike): boolean {
    let found = false;
    if (!fn.body) return false;
    walk(fn.body, (node) => {
      if (found) return false;
      if (TS.isCallExpression(node)) {
        const name = calleeName(node);
        if (name && CLEANUP_REGISTRARS.has(name)) found = true;
        // A custom hook whose effect returns a cleanup releases what it acquires by itself.
        const setup = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
        if (name && EFFECT_HOOKS.has(name) && setup && isFunctionLike(setup) && returnedValues(setup).length > 0) found = true;
      }
      return !found;
    });
    return found;
  }

  /** The summary of a class (`undefined` during recursion). */
  classSummary(node: ClassLike): ClassSummary | undefined {
    const cached = this.classes.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.classes.set(node, null);
    const module = this.moduleOf(node);
    if (!module) return undefined;
    const shape = classShape(node);
    const teardown = new Set(shape.teardown);
    const acquisitions: ClassSummary["acquisitions"] = [];
    const base = this.baseClass(node, module);
    if (base) {
      const inherited = this.classSummary(base);
      if (inherited && inherited.shape.framework === "plain") {
        for (const name of inherited.teardown) teardown.add(name);
        acquisitions.push(...inherited.acquisitions);
      }
    }
    const teardownMethods = new Set(shape.framework === "plain" ? [...teardown] : shape.teardown);
    for (const member of node.members) {
      let memberName: string | undefined;
      let root: ts.Node | undefined;
      if (TS.isConstructorDeclaration(member)) {
        memberName = "constructor";
        root = member.body;
      } else if (TS.isPropertyDeclaration(member) && member.initializer) {
        const value = unwrap(member.initializer);
        memberName = isFunctionLike(value) ? propertyNameText(member.name) : "constructor";
        root = member.initializer;
      } else if ((TS.isMethodDeclaration(member) || TS.isGetAccessorDeclaration(member) || TS.isSetAccessorDeclaration(member)) && member.body) {
        memberName = propertyNameText(member.name);
        root = member.body;
      }
      if (!root || !memberName || teardownMethods.has(memberName)) continue;
      const visit = (child: ts.Node): void => {
        if (TS.isCallExpression(child) || TS.isNewExpression(child)) {
          const fn = enclosingFunction(child) ?? (TS.isConstructorDeclaration(member) ? member : undefined);
          const acquisition = this.acquisitionAt(child, fn, module, 0);
          // Acquired and released by the same method (`const off = subscribe(); ... finally { off() }`): the instance keeps nothing.
          // What the instance keeps in itself (`this.registerHandler(...)` filling its own tables) dies with it.
          const selfHeld = acquisition && (acquisition.holder.type === "instance" || (acquisition.holder.type === "unknown" && callsOwnMethod(child)));
          if (acquisition && !selfHeld && !(acquisition.handle && fn && releasedInPlace(child, acquisition.handle, fn))) {
            acquisitions.push({ ...acquisition, member: memberName });
          }
        }
        TS.forEachChild(child, visit);
      };
      if (TS.isPropertyDeclaration(member)) visit(root);
      else TS.forEachChild(root, visit);
    }
    const acquiringMembers = new Set(acquisitions.map((a) => a.member));
    const summary: ClassSummary = {
      shape,
      module,
      teardown: [...teardown],
      acquisitions,
      acquiringMembers,
      resource: shape.framework === "plain" && teardown.size > 0 && acquisitions.length > 0,
    };
    this.classes.set(node, summary);
    return summary;
  }

  /** The project class `node` extends, if it resolves to one. */
  baseClass(node: ClassLike, module: ModuleInfo): ClassLike | undefined {
    const heritage = node.heritageClauses?.find((clause) => clause.token === TS.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!heritage) return undefined;
    const target = resolveExpression(this.index, module, heritage, isClassTarget);
    return target?.kind === "class" ? target.node : undefined;
  }

  /** The project function or method a call invokes, when it can be named without types. */
  callTarget(call: ts.CallExpression, module: ModuleInfo): { fn: FunctionLike; declaration: Declaration | undefined } | undefined {
    const callee = unwrap(call.expression);
    if (TS.isIdentifier(callee)) {
      const target = resolveExpression(this.index, module, callee, (t) => t.kind === "function");
      if (target?.kind === "function") return { fn: target.node, declaration: target };
      return undefined;
    }
    const object = accessObject(callee);
    const method = accessName(callee);
    if (!object || !method) return undefined;
    const receiver = unwrap(object);
    if (receiver.kind === TS.SyntaxKind.ThisKeyword) {
      const cls = enclosingClassOfThis(call);
      const fn = cls ? this.findMethod(cls, method, module) : undefined;
      return fn ? { fn, declaration: undefined } : undefined;
    }
    const target = resolveExpression(this.index, module, receiver, isReceiverTarget);
    if (!target) return undefined;
    if (target.kind === "namespace") {
      const fnTarget = resolveExport(this.index, target.module, method);
      return fnTarget?.kind === "function" ? { fn: fnTarget.node, declaration: fnTarget } : undefined;
    }
    if (target.kind === "class") {
      const fn = this.findMethod(target.node, method, target.module);
      return fn ? { fn, declaration: undefined } : undefined;
    }
    if (target.kind === "variable" && target.init) {
      const init = unwrap(target.init);
      if (TS.isNewExpression(init)) {
        const cls = this.classOf(init, target.module);
        const fn = cls ? this.findMethod(cls, method, target.module) : undefined;
        return fn ? { fn, declaration: undefined } : undefined;
      }
      if (TS.isObjectLiteralExpression(init)) {
        const fn = objectMember(init, method);
        return fn ? { fn, declaration: undefined } : undefined;
      }
    }
    return undefined;
  }

  /** The project class a `new` expression instantiates. */
  classOf(node: ts.NewExpression, module: ModuleInfo): ClassLike | undefined {
    const target = resolveExpression(this.index, module, node.expression, isClassTarget);
    return target?.kind === "class" ? target.node : undefined;
  }

  /** A method of a class or of its project base classes. */
  findMethod(cls: ClassLike, name: string, module: ModuleInfo, depth = 0): FunctionLike | undefined {
    const own = classShape(cls).methods.get(name);
    if (own) return own;
    if (depth > 8) return undefined;
    const base = this.baseClass(cls, module);
    const baseModule = base && this.moduleOf(base);
    return base && baseModule ? this.findMethod(base, name, baseModule, depth + 1) : undefined;
  }

  /**
   * The resource a call or `new` acquires, with the handle it returns: a timer, a listener,
   * an object URL, a closeable from the catalogue, a subscription, a handle returned by a
   * project function, or an instance of a project class that must be torn down. `fn` is the
   * function the call is in (for parameter holders).
   */
  acquisitionAt(node: ts.CallExpression | ts.NewExpression, fn: FunctionLike | undefined, module: ModuleInfo, depth: number): Acquisition | undefined {
    if (depth > 6) return undefined;
    const callee = unwrap(node.expression);
    if (TS.isNewExpression(node)) return this.constructed(node, callee, fn, module);
    const name = calleeName(node);
    if (!name) return undefined;
    const object = accessObject(callee);

    // Timers: `setInterval(...)`, `window.setInterval(...)`, `import { setInterval } from "timers"`.
    if (Object.hasOwn(TIMERS, name) && this.isGlobalOrFrom(callee, module, TIMER_MODULES)) {
      const entry = TIMERS[name]!;
      const label = `${entry.kind === "interval" ? "an interval" : entry.kind === "timeout" ? "a timeout" : entry.kind === "frame" ? "an animation frame" : "an idle callback"} timer`;
      if (entry.kind === "timeout") return undefined; // one-shot: it ends by itself
      const handle: HandleFact = { family: "timer", label, callable: false, release: [], releasedBy: entry.releasedBy, holder: { type: "runtime" }, origin: undefined };
      return { label, holder: handle.holder, handle, node };
    }
    // Object URLs.
    if (name === OBJECT_URL_ACQUIRE && object && TS.isIdentifier(unwrap(object)) && OBJECT_URL_HOSTS.has((unwrap(object) as ts.Identifier).text)) {
      const handle: HandleFact = {
        family: "objectUrl",
        label: "an object URL (and its Blob)",
        callable: false,
        release: [],
        releasedBy: [OBJECT_URL_RELEASE],
        holder: { type: "runtime" },
        origin: undefined,
      };
      return { label: handle.label, holder: handle.holder, handle, node };
    }
    // Listeners on something else than the object itself.
    const listener = Object.hasOwn(LISTENER_ADDS, name) ? LISTENER_ADDS[name] : undefined;
    if (listener && !listener.once && object && !isOnce(node)) {
      const target = unwrap(object);
      if (target.kind === TS.SyntaxKind.ThisKeyword) return undefined;
      const holder = this.holderOf(target, fn, module);
      const type = node.arguments[0] && TS.isStringLiteralLike(unwrap(node.arguments[0])) ? (unwrap(node.arguments[0]) as ts.StringLiteral).text : undefined;
      const label = `${type ? `a \`${type}\` listener` : "a listener"} on \`${shortText(target)}\``;
      return { label, holder, handle: undefined, node };
    }
    // Subscriptions: `source.subscribe(...)` (not completing by itself).
    if (SUBSCRIBE_METHODS.has(name) && object && !completesByItself(unwrap(object))) {
      const source = unwrap(object);
      const holder = this.holderOf(source, fn, module);
      const label = `a subscription to \`${shortText(source)}\``;
      const handle: HandleFact = { family: "subscription", label, callable: true, release: SUBSCRIPTION_RELEASES, releasedBy: [], holder, origin: undefined };
      return { label, holder, handle, node };
    }
    // Module factories: `fs.watch(...)`, `watch(...)` imported from "fs".
    const factory = this.moduleEntry(callee, module, MODULE_FACTORIES);
    if (factory) return catalogueAcquisition(factory, node);
    // Project functions that hand back a handle.
    const target = this.callTarget(node, module);
    if (target) {
      const summary = this.functionSummary(target.fn);
      if (summary?.returns && !summary.selfCleaning) {
        const handle = { ...summary.returns, holder: this.holderAtCall(summary.returns.holder, node, fn, module) };
        return { label: handle.label, holder: handle.holder, handle, node };
      }
    }
    return undefined;
  }

  private constructed(node: ts.NewExpression, callee: ts.Expression, fn: FunctionLike | undefined, module: ModuleInfo): Acquisition | undefined {
    if (TS.isIdentifier(callee) && Object.hasOwn(GLOBAL_CONSTRUCTORS, callee.text) && !this.isBound(callee, module)) {
      return catalogueAcquisition(GLOBAL_CONSTRUCTORS[callee.text]!, node);
    }
    const imported = this.moduleEntry(callee, module, MODULE_CONSTRUCTORS);
    if (imported) return catalogueAcquisition(imported, node);
    const cls = this.classOf(node, module);
    if (!cls) return undefined;
    const summary = this.classSummary(cls);
    if (!summary?.resource) return undefined;
    let holder: Holder = { type: "unknown" };
    for (const acquisition of summary.acquisitions) {
      if (acquisition.member !== "constructor") continue;
      holder = stronger(holder, this.holderAtCall(acquisition.holder, node, fn, module));
    }
    const label = `a \`${summary.shape.name}\` instance`;
    const handle: HandleFact = {
      family: "instance",
      label,
      callable: false,
      release: summary.teardown,
      releasedBy: [],
      holder,
      origin: `\`${summary.shape.name}\` (${summary.module.relative}:${lineOf(cls)})`,
    };
    return { label, holder, handle, node };
  }

  /** Who holds what an instance acquires when it is constructed at `site` and `members` are called on it. */
  instanceHolder(cls: ClassSummary, members: ReadonlySet<string>, site: ts.NewExpression | ts.CallExpression, fn: FunctionLike | undefined, module: ModuleInfo): Holder {
    let holder: Holder = { type: "unknown" };
    for (const acquisition of cls.acquisitions) {
      if (acquisition.member !== "constructor" && !members.has(acquisition.member)) continue;
      // Parameters of the constructor are the `new` arguments; those of other methods are unknown here.
      const own = acquisition.member === "constructor" ? this.holderAtCall(acquisition.holder, site, fn, module) : acquisition.holder.type === "param" ? { type: "unknown" as const } : acquisition.holder;
      holder = stronger(holder, own);
    }
    return holder;
  }

  /** A catalogue entry for `callee` when it is imported from one of the table's modules. */
  private moduleEntry(
    callee: ts.Expression,
    module: ModuleInfo,
    table: Readonly<Record<string, Readonly<Record<string, HandleEntry>>>>,
  ): HandleEntry | undefined {
    if (TS.isIdentifier(callee)) {
      const binding = module.imports.get(callee.text);
      if (!binding || binding.module || isShadowed(callee, callee.text, module.source)) return undefined;
      const entries = table[moduleName(binding.specifier)];
      return entries && Object.hasOwn(entries, binding.name) ? entries[binding.name] : undefined;
    }
    const object = accessObject(callee);
    const member = accessName(callee);
    if (!object || !member || !TS.isIdentifier(unwrap(object))) return undefined;
    const id = unwrap(object) as ts.Identifier;
    const binding = module.imports.get(id.text);
    if (!binding || binding.module || (binding.name !== "*" && binding.name !== "default")) return undefined;
    if (isShadowed(id, id.text, module.source)) return undefined;
    const entries = table[moduleName(binding.specifier)];
    return entries && Object.hasOwn(entries, member) ? entries[member] : undefined;
  }

  /** `name` is a global (not bound in the module), `window.name`, or imported from one of `modules`. */
  private isGlobalOrFrom(callee: ts.Expression, module: ModuleInfo, modules: ReadonlySet<string>): boolean {
    if (TS.isIdentifier(callee)) {
      const binding = module.imports.get(callee.text);
      if (binding) return !binding.module && modules.has(binding.specifier);
      return !this.isBound(callee, module);
    }
    const object = accessObject(callee);
    return !!object && TS.isIdentifier(unwrap(object)) && GLOBAL_HOSTS.has((unwrap(object) as ts.Identifier).text);
  }

  /** Whether an identifier is bound in the module (top level or locally), so it is not the global of that name. */
  private isBound(id: ts.Identifier, module: ModuleInfo): boolean {
    return module.locals.has(id.text) || module.imports.has(id.text) || isShadowed(id, id.text, module.source);
  }

  /** Who holds what `expression` evaluates to, seen from inside `fn`. */
  holderOf(expression: ts.Expression, fn: FunctionLike | undefined, module: ModuleInfo): Holder {
    const inner = unwrap(expression);
    const path = dottedPath(inner);
    if (path && LONG_LIVED_TARGETS.has(path) && !this.isBound(rootIdentifier(inner)!, module)) return { type: "global", name: path };
    if (TS.isCallExpression(inner) && LONG_LIVED_FACTORIES.has(calleeName(inner) ?? "")) return { type: "global", name: shortText(inner) };
    if (path === "this" || path?.startsWith("this.")) return { type: "instance" };
    const root = rootIdentifier(inner);
    if (!root) return { type: "unknown" };
    if (fn) {
      const index = fn.parameters.findIndex((param) => boundNames(param.name).includes(root.text));
      if (index >= 0 && !isShadowed(root, root.text, fn)) return { type: "param", index };
    }
    if ((module.locals.has(root.text) || module.imports.has(root.text)) && !isShadowed(root, root.text, module.source)) {
      return { type: "module", name: shortText(inner) };
    }
    return { type: "unknown" };
  }

  /** A callee's holder seen from the call site: parameters become the arguments, the instance the receiver. */
  holderAtCall(holder: Holder, call: ts.CallExpression | ts.NewExpression, fn: FunctionLike | undefined, module: ModuleInfo): Holder {
    if (holder.type === "param") {
      const argument = call.arguments?.[holder.index];
      return argument ? this.holderOf(argument, fn, module) : { type: "unknown" };
    }
    if (holder.type === "instance" && TS.isCallExpression(call)) {
      const object = accessObject(unwrap(call.expression));
      return object ? this.holderOf(object, fn, module) : { type: "unknown" };
    }
    return holder;
  }

  /** The handle an expression returned by `fn` evaluates to. */
  private handleOfExpression(expression: ts.Expression, fn: FunctionLike, module: ModuleInfo, depth: number): HandleFact | undefined {
    if (depth > 4) return undefined;
    const value = unwrap(expression);
    if (TS.isArrowFunction(value) || TS.isFunctionExpression(value)) return this.disposerFrom(value, fn, module);
    if (TS.isConditionalExpression(value)) {
      return this.handleOfExpression(value.whenTrue, fn, module, depth + 1) ?? this.handleOfExpression(value.whenFalse, fn, module, depth + 1);
    }
    if (TS.isObjectLiteralExpression(value)) return this.objectHandle(value, fn, module);
    if (TS.isCallExpression(value) || TS.isNewExpression(value)) {
      if (TS.isCallExpression(value) && isChainedRelease(value)) return undefined;
      return this.acquisitionAt(value, fn, module, depth + 1)?.handle;
    }
    if (TS.isIdentifier(value)) {
      // `let socket = cache[key]; if (!socket) socket = new Socket(); return socket`: any definition may be the handle.
      for (const local of localDefinitions(value, fn)) {
        const handle = isFunctionLike(local) ? this.disposerFrom(local, fn, module) : this.handleOfExpression(local as ts.Expression, fn, module, depth + 1);
        if (handle) return handle;
      }
    }
    return undefined;
  }

  /** `{ dispose() {...}, unsubscribe: () => ... }`: an object whose release members release something. */
  private objectHandle(object: ts.ObjectLiteralExpression, fn: FunctionLike, module: ModuleInfo): HandleFact | undefined {
    const release: string[] = [];
    let holder: Holder = { type: "unknown" };
    let label: string | undefined;
    for (const property of object.properties) {
      const name = property.name ? propertyNameText(property.name) : undefined;
      if (!name || !DISPOSER_MEMBERS.has(name)) continue;
      let member: ts.Node | undefined;
      if (TS.isMethodDeclaration(property)) member = property;
      else if (TS.isPropertyAssignment(property)) member = unwrap(property.initializer);
      else if (TS.isShorthandPropertyAssignment(property)) member = localDefinition(property.name, fn);
      if (!member || !isFunctionLike(member)) continue;
      const disposer = this.disposerFrom(member, fn, module);
      if (!disposer) continue;
      release.push(name);
      holder = stronger(holder, disposer.holder);
      label ??= disposer.label;
    }
    if (release.length === 0 || !label) return undefined;
    return { family: "subscription", label, callable: false, release, releasedBy: [], holder, origin: undefined };
  }

  /** A function (returned by `outer`) that releases something `outer` acquired: a disposer. */
  private disposerFrom(disposer: FunctionLike, outer: FunctionLike, module: ModuleInfo): HandleFact | undefined {
    if (!disposer.body) return undefined;
    // A function that acquires again (a debounced callback clearing and re-arming its timer) is no disposer.
    if (reacquires(disposer)) return undefined;
    let holder: Holder | undefined;
    let label: string | undefined;
    // The message names what the strongest holder keeps (the `window` listener rather than a timer).
    const note = (h: Holder, l: string) => {
      if (!holder || holderRank(h) > holderRank(holder)) {
        holder = h;
        label = l;
      }
    };
    const visit = (node: ts.Node): void => {
      if (!TS.isCallExpression(node)) return;
      const callee = unwrap(node.expression);
      const name = calleeName(node);
      if (!name) return;
      const object = accessObject(callee);
      if (TS.isIdentifier(callee) && TIMER_RELEASES.has(name) && !this.isBound(callee, module)) {
        const acquired = node.arguments[0] ? this.localAcquisition(node.arguments[0], outer, module) : undefined;
        note({ type: "runtime" }, acquired?.label ?? "a timer");
        return;
      }
      if (name === OBJECT_URL_RELEASE && object) {
        note({ type: "runtime" }, "an object URL (and its Blob)");
        return;
      }
      if ((Object.hasOwn(LISTENER_REMOVES, name) || name === REMOVE_ALL_LISTENERS) && object) {
        const target = unwrap(object);
        const type = node.arguments[0] && TS.isStringLiteralLike(unwrap(node.arguments[0])) ? (unwrap(node.arguments[0]) as ts.StringLiteral).text : undefined;
        note(this.holderOf(target, outer, module), `${type ? `a \`${type}\` listener` : "a listener"} on \`${shortText(target)}\``);
        return;
      }
      if (object && RELEASE_METHODS.has(name)) {
        const acquired = this.localAcquisition(object, outer, module);
        if (acquired) note(acquired.holder, acquired.label);
        else if (thisOrParamMember(object, outer)) note(this.holderOf(object, outer, module), `\`${shortText(object)}\``);
        return;
      }
      if (object && REMOVING_METHODS_ALL.has(name) && addsTo(outer, dottedPath(object))) {
        note(this.holderOf(object, outer, module), `an entry in \`${shortText(object)}\``);
        return;
      }
      // `off()`: calling a handle `outer` got from another acquisition.
      if (TS.isIdentifier(callee)) {
        const acquired = this.localAcquisition(callee, outer, module);
        if (acquired?.handle?.callable) note(acquired.holder, acquired.label);
      }
    };
    // An expression body (`() => clearInterval(id)`) is itself the first call to look at.
    visit(disposer.body);
    walk(disposer.body, visit);
    if (!holder || !label) return undefined;
    const optionsParam = listenerOptionsParam(outer);
    return { family: "disposer", label, callable: true, release: [], releasedBy: [], holder, origin: undefined, ...(optionsParam === undefined ? {} : { optionsParam }) };
  }


  /** What a local of `outer` (`const id = setInterval(...)`) was acquired from. */
  private localAcquisition(expression: ts.Expression, outer: FunctionLike, module: ModuleInfo): Acquisition | undefined {
    const value = unwrap(expression);
    let init: ts.Node | undefined;
    if (TS.isIdentifier(value)) init = localDefinitions(value, outer).find((node) => TS.isCallExpression(node) || TS.isNewExpression(node));
    else {
      const member = accessName(value);
      const object = accessObject(value);
      // `this.timer = setInterval(...)` in the same function.
      if (member && object && unwrap(object).kind === TS.SyntaxKind.ThisKeyword && outer.body) init = thisAssignment(outer, member);
    }
    if (!init || !(TS.isCallExpression(init) || TS.isNewExpression(init))) return undefined;
    const acquisition = this.acquisitionAt(init, outer, module, 1);
    if (acquisition) return acquisition;
    // `const sub = source.pipe(...).subscribe()` style chains the table does not name still hold something.
    return undefined;
  }
}

const REMOVING_METHODS_ALL: ReadonlySet<string> = new Set(Object.values(REMOVING_METHODS).flatMap((set) => [...set]));
const ADDING_METHODS_ALL: ReadonlySet<string> = new Set(Object.values(ADDING_METHODS).flatMap((set) => [...set]));

function catalogueAcquisition(entry: HandleEntry, node: ts.Node): Acquisition {
  const closesByCall = entry.release.filter((name) => !name.includes("."));
  const handle: HandleFact = {
    family: "closeable",
    label: `a ${entry.label}`,
    callable: false,
    release: closesByCall.length > 0 ? closesByCall : entry.release.map((name) => name.split(".").pop()!),
    releasedBy: entry.releasedByCall ? [entry.releasedByCall] : [],
    holder: { type: "runtime" },
    origin: undefined,
  };
  return { label: handle.label, holder: handle.holder, handle, node };
}

/**
 * Whether the handle a call returns into a local of `fn` (`const off = ...`, `unsubscribe = ...`)
 * is released somewhere in `fn`, nested callbacks included.
 */
function releasedInPlace(site: ts.Node, handle: HandleFact, fn: FunctionLike): boolean {
  const { parent, child } = outerParent(site);
  let name: string | undefined;
  if (parent && TS.isVariableDeclaration(parent) && parent.initializer === child && TS.isIdentifier(parent.name)) name = parent.name.text;
  if (parent && TS.isBinaryExpression(parent) && parent.operatorToken.kind === TS.SyntaxKind.EqualsToken && parent.right === child) {
    const left = unwrap(parent.left);
    if (TS.isIdentifier(left)) name = left.text;
  }
  if (!name || !fn.body) return false;
  let released = false;
  walk(fn.body, (node) => {
    if (released) return false;
    if (!TS.isCallExpression(node)) return undefined;
    const callee = unwrap(node.expression);
    if (handle.callable && TS.isIdentifier(callee) && callee.text === name) released = true;
    const object = accessObject(callee);
    const method = accessName(callee);
    if (object && method && TS.isIdentifier(unwrap(object)) && (unwrap(object) as ts.Identifier).text === name && (handle.release.includes(method) || RELEASE_METHODS.has(method))) {
      released = true;
    }
    if (TS.isIdentifier(callee) && handle.releasedBy.includes(callee.text) && node.arguments.some((a) => TS.isIdentifier(unwrap(a)) && (unwrap(a) as ts.Identifier).text === name)) {
      released = true;
    }
    return undefined;
  });
  return released;
}

/** `this.method(...)`. */
function callsOwnMethod(node: ts.Node): boolean {
  if (!TS.isCallExpression(node)) return false;
  const object = accessObject(unwrap(node.expression));
  return !!object && unwrap(object).kind === TS.SyntaxKind.ThisKeyword;
}

/** Whether `fn` itself starts a timer, adds a listener or subscribes. */
function reacquires(fn: FunctionLike): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (TS.isCallExpression(node)) {
      const name = calleeName(node);
      if (name && (Object.hasOwn(TIMERS, name) || (Object.hasOwn(LISTENER_ADDS, name) && accessObject(unwrap(node.expression))) || SUBSCRIBE_METHODS.has(name))) {
        found = true;
        return;
      }
    }
    TS.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/** The parameter of `fn` passed as the options of a DOM listener it adds (`target.addEventListener(type, fn, options)`). */
function listenerOptionsParam(fn: FunctionLike): number | undefined {
  if (!fn.body) return undefined;
  let index: number | undefined;
  walk(fn.body, (node) => {
    if (index !== undefined) return false;
    if (TS.isCallExpression(node) && calleeName(node) === "addEventListener" && node.arguments[2]) {
      const options = unwrap(node.arguments[2]);
      if (TS.isIdentifier(options)) {
        const found = fn.parameters.findIndex((param) => boundNames(param.name).includes(options.text));
        if (found >= 0) index = found;
      }
    }
    return undefined;
  });
  return index;
}

/** `{ once: true }` as the options of a listener. */
export function isOnceOptions(argument: ts.Expression | undefined): boolean {
  const value = argument ? unwrap(argument) : undefined;
  return (
    !!value &&
    TS.isObjectLiteralExpression(value) &&
    value.properties.some((p) => TS.isPropertyAssignment(p) && propertyNameText(p.name) === "once" && unwrap(p.initializer).kind === TS.SyntaxKind.TrueKeyword)
  );
}

/** A listener added with `{ once: true }`. */
function isOnce(call: ts.CallExpression): boolean {
  return call.arguments.some((argument) => isOnceOptions(argument));
}

/** `source.pipe(take(1), ...)`: the subscription completes by itself (or with `takeUntil`, at its notifier). */
function completesByItself(source: ts.Expression): boolean {
  if (!TS.isCallExpression(source) || calleeName(source) !== "pipe") return false;
  return source.arguments.some((argument) => {
    const value = unwrap(argument);
    const name = TS.isCallExpression(value) ? calleeName(value) : undefined;
    return !!name && (COMPLETING_OPERATORS.has(name) || name === TAKE_UNTIL);
  });
}

/** `x.close()` returned from a function is a release, not an acquisition. */
function isChainedRelease(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  return !!name && RELEASE_METHODS.has(name);
}

/** Whether `fn` adds entries to the collection at `path` (`this.listeners.add(fn)`). */
function addsTo(fn: FunctionLike, path: string | undefined): boolean {
  if (!path || !fn.body) return false;
  let found = false;
  walk(fn.body, (node) => {
    if (found) return false;
    if (TS.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const object = accessObject(callee);
      const name = accessName(callee);
      if (object && name && ADDING_METHODS_ALL.has(name) && dottedPath(object) === path) found = true;
    }
    return !found;
  });
  return found;
}

/** `this.x` or a member of a parameter: something the disposer releases on the caller's behalf. */
function thisOrParamMember(object: ts.Expression, outer: FunctionLike): boolean {
  const path = dottedPath(object);
  if (!path) return false;
  if (path.startsWith("this.")) return true;
  const root = path.split(".")[0]!;
  return outer.parameters.some((param) => boundNames(param.name).includes(root));
}

/**
 * The value a local name of `fn` is initialised with (`const off = ...`, a nested
 * `function stop() {}`), when it is declared directly in `fn`'s body.
 */
function localDefinition(id: ts.Identifier, fn: FunctionLike): ts.Node | undefined {
  return localDefinitions(id, fn)[0];
}

/** Every value a local of `fn` is given: its initialiser and the assignments to it (`let id; id = setInterval(...)`). */
export function localDefinitions(id: ts.Identifier, fn: FunctionLike): ts.Node[] {
  if (!fn.body || !TS.isBlock(fn.body)) return [];
  const found: ts.Node[] = [];
  walk(fn.body, (node) => {
    if (isFunctionLike(node) && !TS.isFunctionDeclaration(node)) return false;
    if (TS.isVariableDeclaration(node) && TS.isIdentifier(node.name) && node.name.text === id.text && node.initializer) {
      found.push(unwrap(node.initializer));
      return false;
    }
    if (TS.isFunctionDeclaration(node)) {
      if (node.name?.text === id.text) found.push(node);
      return false;
    }
    if (
      TS.isBinaryExpression(node) &&
      node.operatorToken.kind === TS.SyntaxKind.EqualsToken &&
      TS.isIdentifier(unwrap(node.left)) &&
      (unwrap(node.left) as ts.Identifier).text === id.text
    ) {
      found.push(unwrap(node.right));
    }
    return undefined;
  });
  return found;
}

/** `this.member = <call>` inside `fn`: the call. */
function thisAssignment(fn: FunctionLike, member: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  if (!fn.body) return undefined;
  walk(fn.body, (node) => {
    if (found) return false;
    if (TS.isBinaryExpression(node) && node.operatorToken.kind === TS.SyntaxKind.EqualsToken) {
      const left = unwrap(node.left);
      const object = accessObject(left);
      if (object && unwrap(object).kind === TS.SyntaxKind.ThisKeyword && accessName(left) === member) found = unwrap(node.right);
    }
    return !found;
  });
  return found;
}

function objectMember(object: ts.ObjectLiteralExpression, name: string): FunctionLike | undefined {
  for (const property of object.properties) {
    if (!property.name || propertyNameText(property.name) !== name) continue;
    if (TS.isMethodDeclaration(property)) return property;
    if (TS.isPropertyAssignment(property)) {
      const value = unwrap(property.initializer);
      if (TS.isArrowFunction(value) || TS.isFunctionExpression(value)) return value;
    }
  }
  return undefined;
}

/** The class whose `this` a node sees (arrow functions see through; other functions do not). */
function enclosingClassOfThis(node: ts.Node): ClassLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (TS.isFunctionDeclaration(current) || TS.isFunctionExpression(current)) return undefined;
    if (TS.isMethodDeclaration(current) || TS.isConstructorDeclaration(current) || TS.isGetAccessorDeclaration(current) || TS.isSetAccessorDeclaration(current)) {
      return classOfMember(current);
    }
    if (TS.isClassDeclaration(current) || TS.isClassExpression(current)) return current;
  }
  return enclosingClass(node);
}

function isAsyncGenerator(fn: FunctionLike): boolean {
  return !!(fn as ts.FunctionLikeDeclarationBase).asteriskToken;
}

function nameForOrigin(fn: FunctionLike): string | undefined {
  const cls = classOfMember(fn);
  const own = TS.isConstructorDeclaration(fn) ? "constructor" : (fn as { name?: ts.PropertyName }).name ? propertyNameText((fn as { name?: ts.PropertyName }).name) : undefined;
  if (cls && own) return `${cls.name?.text ?? "class"}.${display(own)}`;
  if (own) return own;
  const parent = fn.parent;
  if (parent && TS.isVariableDeclaration(parent) && TS.isIdentifier(parent.name)) return parent.name.text;
  if (parent && (TS.isPropertyAssignment(parent) || TS.isPropertyDeclaration(parent))) return propertyNameText(parent.name);
  return undefined;
}

export function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function pathResolve(file: string): string {
  // Compiler file names use forward slashes on every platform.
  return file.replace(/\//g, PATH_SEP);
}

const PATH_SEP = process.platform === "win32" ? "\\" : "/";
