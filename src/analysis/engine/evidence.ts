/**
 * The three facts behind every finding (ARCHITECTURE.md, "Evidence, not absence"), decided in
 * one place for every family:
 *
 * - the holder outlives the owner: a global, a module binding or import, an injected service,
 *   or the runtime itself (a pending timer, an open socket, the blob URL store);
 * - the owner ends (an effect, a component, a class with a teardown, a settling promise) or
 *   repeats (a loop, a render, an interval or event callback, a request handler);
 * - no release can run: none in the file, none on another path, none that may be this one,
 *   and nothing in the owner's release phase hands the resource to code the engine cannot see.
 *
 * Anything short of proof is `likely`: the finding is probable and only `strict` reports it.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type ClassNode, type FunctionNode, type Node, calleeOf, contains, enclosingFunction, functionName, isFunction, keyName, memberName, returnedValues, unwrap } from "../../ast/index.js";
import { moduleBinding } from "../../ast/scope.js";
import { walk } from "../../ast/walk.js";
import { type Owner, type OwnerContext, looksLikeHandler, looksLikeUpdate } from "../../lifecycle/owners.js";
import { APP_ROOT_FILES, EFFECT_HOOK_HOSTS, isAppRootName, INJECTORS, INJECTOR_MODULES } from "../../lifecycle/tables.js";
import { LISTENER_REMOVES, OBJECT_URL_RELEASE, TIMER_RELEASES } from "../../resources/catalogue.js";
import type { EngineContext } from "./context.js";
import { onceForGood } from "./guards.js";
import { forEachNodeOf, indexedTypes } from "../../ast/node-index.js";
import type { Handle } from "./handles.js";
import { type Evidence, type Proof, likely, proven } from "./model.js";
import { type TargetClass, classify, insertionsOf, moduleLevel } from "./targets.js";

/** The runtime keeps the resource alive by itself: a pending timer, an open connection, a blob URL. */
export const HELD_BY_RUNTIME: Proof = proven("held by the runtime");

export function evidence(holder: Proof, owner: Proof, release: Proof): Evidence {
  return { holder, owner, release };
}

/**
 * Whether a target (a listener's target, an observed node, a subscription's source) outlives
 * its owner. `undefined` when it is the owner's own (the owner itself or something it made):
 * such a target dies with the owner and there is nothing to report.
 */
export function holderOf(
  ctx: EngineContext,
  target: Node,
  targetClass: TargetClass = classify(ctx, target),
  seen: Set<Node> = new Set(),
): Proof | undefined {
  switch (targetClass) {
    case "self":
    case "created":
      return undefined;
    case "global":
      return proven("global target");
    case "module":
      return proven("module-level target");
    default:
      return longLivedExternal(ctx, target, seen) ?? likely("target of unknown lifetime");
  }
}

/** Members that lead from any node to its document or window, which live as long as the page. */
const TO_DOCUMENT: ReadonlySet<string> = new Set(["ownerDocument", "defaultView"]);

/**
 * Among targets `classify` calls external, the ones whose lifetime is still known to be long:
 * a path from a global the file does not declare (`bus.on(...)` with `bus` a global), the
 * document reached from a node (`el.ownerDocument`), a service from an injector, a node the code
 * inserts into a long-lived one (`document.body.appendChild(canvas)`), and a helper's parameter
 * that some call site fills with a long-lived target.
 */
function longLivedExternal(ctx: EngineContext, target: Node, seen: Set<Node>): Proof | undefined {
  if (seen.has(target) || seen.size > 16) return undefined;
  seen.add(target);
  const inner = unwrap(target);
  if (injected(ctx, inner)) return proven("injected service");
  // `box.closest(".column") ?? document.body`: every value it can take is long-lived.
  if (inner.type === T.LogicalExpression || inner.type === T.ConditionalExpression) {
    const branches = inner.type === T.LogicalExpression ? [inner.left, inner.right] : [inner.consequent, inner.alternate];
    const proofs = branches.map((branch) => longLivedOrNamed(ctx, branch, seen));
    return proofs.every((proof) => proof?.proven) ? proofs[0] : undefined;
  }
  // An ancestor of a node the owner renders (`box.closest(".column")`, `this.$el.parentElement`)
  // holds that node while mounted and stays when the owner goes.
  const ancestorOf = ancestorBase(inner);
  if (ancestorOf && ownNode(ctx, ancestorOf, seen)) return proven("an ancestor of the owner's own node");
  let root: Node = inner;
  for (let depth = 0; depth < 16 && root.type === T.MemberExpression; depth++) {
    if (TO_DOCUMENT.has(memberName(root) ?? "")) return proven("the document");
    root = unwrap(root.object);
  }
  if (root.type === T.Identifier && root !== inner) {
    if (ctx.refs.key(root)?.startsWith("g:")) return proven("global target");
    // A member of a module-level object (`shutdown.signal`, `app.bus`) lives as long as it.
    const variable = ctx.refs.variable(root);
    if (variable && moduleLevel(ctx, variable)) return proven("member of a module-level object");
  }
  if (root.type === T.Identifier && ctx.refs.key(root)?.startsWith("g:")) return proven("global target");
  if (inner.type !== T.Identifier) return undefined;
  const variable = ctx.refs.variable(inner);
  if (!variable) return undefined;
  for (const { receiver } of insertionsOf(variable).into) {
    // The same `seen`: `a.appendChild(b); b.appendChild(a)` would otherwise ask about `a` forever.
    if (holderOf(ctx, receiver, undefined, seen)?.proven) return proven("inserted into a long-lived node");
  }
  const def = variable.defs[0];
  if (def?.type === "Variable" && def.parent?.kind === "const" && def.node.init && def.node.id.type === T.Identifier) {
    const fromInit = longLivedOrNamed(ctx, def.node.init, seen);
    if (fromInit?.proven) return fromInit;
  }
  if (def?.type === "Parameter" && isFunction(def.node)) {
    for (const arg of passedFor(ctx, def.node, def.name)) {
      const cls = classify(ctx, arg);
      if (cls === "global" || cls === "module" || longLivedExternal(ctx, arg, seen)?.proven) return proven("a caller passes a long-lived target");
    }
  }
  return undefined;
}

/**
 * What the in-file calls of `fn` pass for the parameter `name`: the argument itself, or for a
 * destructured parameter (`function f(path, { signal })`) the matching property of an object
 * literal argument (`f(p, { signal: app.signal })`).
 */
function passedFor(ctx: EngineContext, fn: FunctionNode, name: Node): Node[] {
  const found = parameterPath(fn, name);
  if (!found) return [];
  const out: Node[] = [];
  for (const call of ctx.summaries.callersOf(fn)) {
    let value: Node | undefined = call.arguments[found.index];
    for (const key of found.path) {
      const object: Node | undefined = value ? unwrap(value) : undefined;
      if (object?.type !== T.ObjectExpression) {
        value = undefined;
        break;
      }
      const property: Node | undefined = object.properties.find((p) => p.type === T.Property && !p.computed && keyName(p.key, false) === key);
      value = property?.type === T.Property ? property.value : undefined;
    }
    if (value && value.type !== T.SpreadElement) out.push(value);
  }
  return out;
}

/** The position of a parameter binding: its argument index and the property names leading to it. */
function parameterPath(fn: FunctionNode, name: Node): { index: number; path: string[] } | undefined {
  const search = (pattern: Node, path: string[]): string[] | undefined => {
    if (pattern === name) return path;
    if (pattern.type === T.AssignmentPattern) return search(pattern.left, path);
    if (pattern.type !== T.ObjectPattern || path.length > 4) return undefined;
    for (const property of pattern.properties) {
      if (property.type !== T.Property || property.computed) continue;
      const key = keyName(property.key, false);
      const inner = key === undefined ? undefined : search(property.value, [...path, key]);
      if (inner) return inner;
    }
    return undefined;
  };
  for (let index = 0; index < fn.params.length; index++) {
    const path = search(fn.params[index]!, []);
    if (path) return { index, path };
  }
  return undefined;
}

/** A target's lifetime from `classify` first (globals, module bindings), then the rest of the evidence. */
function longLivedOrNamed(ctx: EngineContext, node: Node, seen: Set<Node>): Proof | undefined {
  const cls = classify(ctx, node);
  if (cls === "global") return proven("global target");
  if (cls === "module") return proven("module-level target");
  return longLivedExternal(ctx, node, seen);
}

/** Members and lookups that lead from a node to one of its ancestors. */
const ANCESTOR_MEMBERS: ReadonlySet<string> = new Set(["parentElement", "parentNode", "offsetParent"]);

/** `x` for `x.closest(selector)` and `x.parentElement`. */
function ancestorBase(node: Node): Node | undefined {
  if (node.type === T.CallExpression) {
    const callee = unwrap(node.callee);
    return callee.type === T.MemberExpression && memberName(callee) === "closest" ? callee.object : undefined;
  }
  if (node.type === T.MemberExpression && ANCESTOR_MEMBERS.has(memberName(node) ?? "")) return node.object;
  return undefined;
}

/**
 * A node the owner itself renders or made: `this` and what it created (see `classify`), a
 * framework's own element (`this.$el`, template refs), or a React ref's element
 * (`ref.current` of a `useRef()`), directly or through a `const`.
 */
function ownNode(ctx: EngineContext, node: Node, seen: Set<Node>): boolean {
  const inner = unwrap(node);
  if (seen.has(inner)) return false;
  seen.add(inner);
  const cls = classify(ctx, inner);
  if (cls === "self" || cls === "created") return true;
  if (inner.type === T.MemberExpression && memberName(inner) === "$el" && unwrap(inner.object).type === T.ThisExpression) return true;
  if (inner.type === T.MemberExpression && memberName(inner) === "current") {
    const ref = unwrap(inner.object);
    const def = ref.type === T.Identifier ? ctx.refs.variable(ref)?.defs[0] : undefined;
    const init = def?.type === "Variable" && def.node.init ? unwrap(def.node.init) : undefined;
    return init?.type === T.CallExpression && calleeOf(init).name === "useRef";
  }
  if (inner.type === T.Identifier) {
    const def = ctx.refs.variable(inner)?.defs[0];
    if (def?.type === "Variable" && def.parent?.kind === "const" && def.node.init && def.node.id.type === T.Identifier) return ownNode(ctx, def.node.init, seen);
  }
  return false;
}

/**
 * A service handed in by a dependency injector, which outlives the components it is injected
 * into: `inject(Service)` (Angular, Vue), `useContext(Ctx)`, or a constructor parameter of an
 * Angular component or directive.
 */
export function injected(ctx: EngineContext, target: Node, seen = new Set<Node>()): boolean {
  const inner = serviceRoot(target);
  if (seen.has(inner)) return false;
  seen.add(inner);
  if (inner.type === T.CallExpression) return isInjectorCall(ctx, inner);
  if (inner.type === T.Identifier) {
    const def = ctx.refs.variable(inner)?.defs[0];
    if (def?.type === "Variable" && def.node.init && def.parent?.kind === "const") return injected(ctx, def.node.init, seen);
    return false;
  }
  if (inner.type !== T.MemberExpression) return false;
  const name = memberName(inner);
  const cls = enclosingClassOf(inner);
  if (!name || !cls) return false;
  for (const member of cls.body.body) {
    // `private readonly bus = inject(EventBus)`
    if (member.type === T.PropertyDefinition && keyName(member.key, member.computed) === name && member.value) {
      return injected(ctx, member.value, seen);
    }
    // `constructor(private bus: EventBus)` in a class the framework constructs through its injector.
    if (member.type === T.MethodDefinition && member.kind === "constructor" && isInjectedClass(ctx, cls)) {
      for (const param of member.value.params) {
        if (param.type === T.TSParameterProperty && param.parameter.type === T.Identifier && param.parameter.name === name) return true;
      }
    }
  }
  return false;
}

/** `this.bus` for `this.bus.events.changed`, `bus` for `bus.events`: the object a path starts from. */
function serviceRoot(node: Node): Node {
  let inner = unwrap(node);
  for (let depth = 0; depth < 16; depth++) {
    if (inner.type !== T.MemberExpression || unwrap(inner.object).type === T.ThisExpression) break;
    inner = unwrap(inner.object);
  }
  return inner;
}

function isInjectorCall(ctx: EngineContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  // `React.useContext(Ctx)`, `React.use(Ctx)`.
  if (callee.type === T.MemberExpression) {
    const object = unwrap(callee.object);
    const name = memberName(callee);
    return object.type === T.Identifier && EFFECT_HOOK_HOSTS.has(object.name) && !!name && INJECTORS.has(name);
  }
  if (callee.type !== T.Identifier || !INJECTORS.has(callee.name)) return false;
  // Only the framework's own `inject` / `useContext`: a local function or another package's
  // `use` (`stack.use(x)`, a router's `use`) is no injector.
  const module = moduleBinding(ctx.refs, callee)?.module;
  return !!module && INJECTOR_MODULES.test(module);
}

/** Angular components, directives and pipes are made by the injector, their parameters filled from it. */
function isInjectedClass(ctx: EngineContext, cls: ClassNode): boolean {
  return ctx.lifecycles.classInfo(cls).framework === "angular";
}

function enclosingClassOf(node: Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.ClassBody) return current.parent;
  }
  return undefined;
}

/**
 * Whether the owner ends before the program does, or runs again: the second fact of a leak.
 * An application's root component or a DI service lives as long as the page; a plain function
 * may run once or many times (its callers decide), so neither proves a leak.
 */
export function ownerProof(ctx: EngineContext, context: OwnerContext, handle?: Handle): Proof {
  const { owner } = context;
  if (onceBehindGuard(ctx, context)) return likely("one-time initialisation behind a guard");
  if (context.inLoop) return proven("runs per loop iteration");
  // The code kept the handle, meaning to release it, then lost it when the call returned.
  if ((owner.type === "function" || owner.type === "class") && handle && lostAtReturn(handle)) {
    return proven("its handle is lost when the call returns");
  }
  if (owner.type === "function" && !context.repeating) {
    // A function that hands back a stop function ends when that is called.
    if (returnedValues(owner.fn).some((value) => isStopFunction(ctx, value) || hasTeardownMethod(ctx, value))) {
      return proven("what it returns has a way to stop it");
    }
  }
  switch (owner.type) {
    case "effect":
      return appRoot(ctx, owner) ? likely("application root") : proven("effect");
    case "render":
      return proven("runs on every render");
    case "component-callback":
      return appRoot(ctx, owner) ? likely("application root") : proven("component callback");
    case "executor":
      return proven("settles");
    case "class": {
      const { info } = owner;
      if (isAppRootName(info.name) || isService(info.node)) return likely("application-lifetime class");
      if (info.framework !== "plain") return isSingleton(ctx, info.node) ? likely("one instance for the whole program") : proven("component");
      // On the one instance of the program, what its constructor (or a field) acquires is held
      // once for the program, whatever `stop()` does at shutdown; what a method acquires, a
      // teardown (`priceFeed.disconnect()`) ends in a cycle that the method can start again.
      const singleton = isSingleton(ctx, info.node);
      const atConstruction = !owner.method || (owner.method.parent?.type === T.MethodDefinition && owner.method.parent.kind === "constructor");
      if (singleton && atConstruction) return likely("one instance for the whole program");
      if (info.teardown.length > 0) return proven("teardown");
      return likely(singleton ? "one instance for the whole program" : "instance without a teardown");
    }
    case "function":
      if (context.repeating) return proven(context.repeating);
      return calledRepeatedly(ctx, owner.fn) ? proven("called repeatedly") : likely("function may run once");
    case "module":
      return likely("module");
  }
}

/**
 * `() => { stopped = true }`, `function stop() { clearInterval(t) }`: a returned function that
 * takes nothing and gives nothing back, only acts. A getter (`() => count`) is no stop function.
 */
function isStopFunction(ctx: EngineContext, value: Node): boolean {
  const fn = ctx.lifecycles.resolveFunction(value);
  if (!fn || fn.params.length > 0) return false;
  if (fn.body.type !== T.BlockStatement) {
    const body = unwrap(fn.body);
    return body.type === T.CallExpression || body.type === T.AssignmentExpression || (body.type === T.UnaryExpression && body.operator === "void");
  }
  return fn.body.body.length > 0 && returnedValues(fn).length === 0;
}

/** `return { close() { ... } }`: a handle whose teardown method (by the engine's teardown names) ends the work. */
function hasTeardownMethod(ctx: EngineContext, value: Node): boolean {
  const inner = unwrap(value);
  if (inner.type !== T.ObjectExpression) return false;
  return inner.properties.some((property) => {
    if (property.type !== T.Property || property.computed) return false;
    const name = keyName(property.key, false);
    return !!name && ctx.lifecycles.isTeardownName(name) && isFunction(unwrap(property.value));
  });
}

/**
 * `if (this.inited) return; this.inited = true; ...`: some function between the acquisition and
 * its owner returns early on a flag it sets itself, so what follows runs once, however often the
 * function is called.
 */
function onceBehindGuard(ctx: EngineContext, context: OwnerContext): boolean {
  const stop = context.owner.type === "class" ? context.owner.method : context.owner.type === "function" ? context.owner.fn : undefined;
  for (let fn = enclosingFunction(context.node); fn; fn = enclosingFunction(fn)) {
    if (onceForGood(ctx, context.node, fn)) return true;
    if (fn === stop) break;
  }
  return false;
}

/** A handle kept only in a local of the function: unreachable once the call returns. */
function lostAtReturn(handle: Handle): boolean {
  return handle.type === "stored" && handle.declared && !handle.escapes && !handle.returned && handle.target.type === T.Identifier;
}

/** A component that is the application itself (`App`, `app.component.ts`, `App.vue`): it never unmounts. */
function appRoot(ctx: EngineContext, owner: Extract<Owner, { type: "effect" | "component-callback" }>): boolean {
  const component = owner.component;
  const name = component ? functionName(component) : undefined;
  if (name) return isAppRootName(name);
  // A file-level component (Vue `<script setup>`, a Svelte instance script): its file names it.
  const file = ctx.filename.split(/[\\/]/).pop();
  return !!file && APP_ROOT_FILES.test(file);
}

const singletonCache = new WeakMap<ClassNode, boolean>();

/**
 * A class the file instantiates only once for the program: every `new C()` of it sits at the
 * module's top level (`export default new Store()`) or in one of its own static members (the
 * `getInstance()` pattern). Its teardown, if any, runs when the program ends.
 */
function isSingleton(ctx: EngineContext, cls: ClassNode): boolean {
  const cached = singletonCache.get(cls);
  if (cached !== undefined) return cached;
  let result = false;
  const id = cls.id ?? (cls.parent?.type === T.VariableDeclarator && cls.parent.id.type === T.Identifier ? cls.parent.id : undefined);
  // A class declaration binds its name twice (outside, and inside its own scope): `new Store()`
  // at the module's top level refers to the outer binding.
  const declared = cls.type === T.ClassDeclaration ? (ctx.sourceCode.scopeManager?.getDeclaredVariables(cls) ?? []) : [];
  const variables = declared.length > 0 ? declared : id ? [ctx.refs.variable(id)].filter((v) => v !== undefined) : [];
  if (variables.length > 0) {
    const news = variables
      .flatMap((variable) => variable.references)
      .map((reference) => (reference.identifier as Node).parent)
      .filter((parent): parent is TSESTree.NewExpression => parent?.type === T.NewExpression);
    const inStatic = (node: Node): boolean => {
      for (let current = node.parent; current; current = current.parent) {
        if ((current.type === T.MethodDefinition || current.type === T.PropertyDefinition || current.type === T.StaticBlock) && current.parent?.parent === cls) {
          return current.type === T.StaticBlock || current.static;
        }
      }
      return false;
    };
    result = news.length > 0 && news.every((node) => !enclosingFunction(node) || inStatic(node));
  }
  singletonCache.set(cls, result);
  return result;
}

/**
 * Whether the class around `node` (or the constructor function whose prototype it extends with
 * `util.inherits`) inherits from a class the file does not define: inherited methods may release
 * what `this` holds, out of sight. Framework bases (React, custom elements) release nothing of ours.
 */
export function inheritsOutOfSight(ctx: EngineContext, node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.ClassDeclaration || current.type === T.ClassExpression) {
      const base = current.superClass ? unwrap(current.superClass) : undefined;
      return !!base && outOfSightBase(ctx, base);
    }
  }
  const ctor = es5Constructor(node);
  const variable = ctor ? ctx.refs.variable(ctor) : undefined;
  if (!variable) return false;
  return inheritCalls(ctx).some(({ child, base }) => child === variable && outOfSightBase(ctx, base));
}

const FRAMEWORK_BASES = /^(Component|PureComponent|HTML[A-Za-z]*Element|LitElement|ReactiveElement|Error|Object|EventTarget)$/;

function outOfSightBase(ctx: EngineContext, base: Node): boolean {
  let root: Node = base;
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  const name = base.type === T.MemberExpression ? memberName(base) : base.type === T.Identifier ? base.name : undefined;
  if (!name || FRAMEWORK_BASES.test(name)) return false;
  if (root.type !== T.Identifier) return true;
  const def = ctx.refs.variable(root)?.defs[0];
  // Imported, required, or a global the file does not declare.
  return !def || def.type === "ImportBinding" || (def.type === "Variable" && !!def.node.init && unwrap(def.node.init).type === T.CallExpression);
}

/** The ES5 constructor a method belongs to: `function Client() {...}` or `Client.prototype.m = function () {...}`. */
function es5Constructor(node: Node): TSESTree.Identifier | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.AssignmentExpression && isFunction(unwrap(current.right))) {
      const left = unwrap(current.left);
      const proto = left.type === T.MemberExpression ? unwrap(left.object) : undefined;
      if (proto?.type === T.MemberExpression && memberName(proto) === "prototype" && unwrap(proto.object).type === T.Identifier) {
        return unwrap(proto.object) as TSESTree.Identifier;
      }
    }
    if (current.type === T.FunctionDeclaration && current.id && /^[A-Z]/.test(current.id.name)) return current.id;
  }
  return undefined;
}

/** The node types read from the node index. */
const CALLS = indexedTypes([T.CallExpression]);

const inheritCache = new WeakMap<EngineContext, { child: object; base: Node }[]>();

/** `util.inherits(Child, Base)` / `inherits(Child, Base)` calls of the file: the child's variable and the base. */
function inheritCalls(ctx: EngineContext): { child: object; base: Node }[] {
  let calls = inheritCache.get(ctx);
  if (!calls) {
    calls = [];
    const found = calls;
    forEachNodeOf(ctx.sourceCode, CALLS, (node) => {
      if (node.type !== T.CallExpression || calleeOf(node).name !== "inherits") return;
      const [child, base] = node.arguments;
      if (child?.type !== T.Identifier || !base || base.type === T.SpreadElement) return;
      const variable = ctx.refs.variable(child);
      if (variable) found.push({ child: variable, base: unwrap(base) });
    });
    inheritCache.set(ctx, calls);
  }
  return calls;
}

/** `@Injectable()`: an Angular service, usually one per application. */
function isService(cls: ClassNode): boolean {
  return (cls.decorators ?? []).some((decorator) => {
    const expression = unwrap(decorator.expression);
    const callee = expression.type === T.CallExpression ? unwrap(expression.callee) : expression;
    return callee.type === T.Identifier && callee.name === "Injectable";
  });
}

/**
 * Whether the slot a handle is stored in (`channel.value`, `state.socket`) hangs off a binding
 * that the owner's own run declares: each run then fills a fresh slot, so storing into it can
 * only replace a live handle when the store repeats within one run (a loop, a repeating
 * callback). `const channel = shallowRef(); onMounted(() => { channel.value = new X() })`.
 */
export function slotMadePerRun(ctx: EngineContext, context: OwnerContext, slot: Node): boolean {
  if (context.inLoop || context.repeating !== undefined) return false;
  const { owner } = context;
  // A component's callback (`tryOnMounted(() => ...)`) runs once per mount of the component, so
  // a slot the component's own run declares is as fresh as one the callback declares.
  // Only an inline callback handed to a call in the component's body: a named one may also be
  // an event handler (`onClick={reconnect}`) that runs again and again.
  const inlineHook = owner.type === "component-callback" && owner.fn.parent?.type === T.CallExpression && owner.fn.parent.arguments.includes(owner.fn as TSESTree.CallExpressionArgument) && enclosingFunction(owner.fn.parent) === owner.component;
  const body = owner.type === "effect" ? owner.setup : owner.type === "function" ? owner.fn : inlineHook ? owner.component : undefined;
  if (!body) return false;
  let root = unwrap(slot);
  for (let depth = 0; depth < 16 && root.type === T.MemberExpression; depth++) root = unwrap(root.object);
  if (root.type !== T.Identifier || root === unwrap(slot)) return false;
  const variable = ctx.refs.variable(root);
  const declared = variable?.defs[0]?.name;
  return !!declared && contains(body, declared);
}

/**
 * A call of the function in the file sits in code that runs again and again: a loop (not one at
 * the module's top level, which runs once), a repeating callback, a render, a handler method, or
 * a function that is itself called repeatedly (two levels deep).
 */
function calledRepeatedly(ctx: EngineContext, fn: FunctionNode, depth = 0): boolean {
  return ctx.summaries.of(fn).callers.some((call) => {
    const context = ctx.lifecycles.ownerOf(call);
    const { owner } = context;
    if (context.inLoop && owner.type !== "module") return true;
    if (context.repeating !== undefined || owner.type === "render") return true;
    const caller = owner.type === "class" ? owner.method : owner.type === "function" ? owner.fn : undefined;
    if (!caller || caller === fn) return false;
    return looksLikeHandler(caller) || (depth < 2 && calledRepeatedly(ctx, caller, depth + 1));
  });
}

/**
 * Whether the code around an acquisition runs again and again: a loop, a render, an effect (per
 * mount), a repeating callback (interval, event, request), or a function only called from such
 * code. What runs once at start-up, or an unknown number of times, is no proof.
 */
export function repeatsProof(ctx: EngineContext, context: OwnerContext): Proof {
  const { owner } = context;
  if (onceBehindGuard(ctx, context)) return likely("one-time initialisation behind a guard");
  if (context.inLoop && owner.type !== "module") return proven("runs per loop iteration");
  if (context.repeating) return proven(`runs as ${/^[aeiou]/i.test(context.repeating) ? "an" : "a"} ${context.repeating}`);
  switch (owner.type) {
    case "render":
      return proven("runs on every render");
    case "effect":
    case "component-callback":
      return appRoot(ctx, owner) ? likely("application root") : proven("runs per mount");
    case "function":
      return calledRepeatedly(ctx, owner.fn) ? proven("called repeatedly") : likely("may run a bounded number of times");
    case "class":
      // A lifecycle method that runs on every update, a handler method (`handleMessage(msg)`),
      // or one called from repeating code.
      if (owner.method && ctx.lifecycles.runsPerUpdate(owner)) return proven("runs on every update");
      if (owner.method && looksLikeHandler(owner.method)) return proven("runs as a handler");
      if (owner.method && looksLikeUpdate(owner.method)) return proven("runs on every change of its data");
      return owner.method && calledRepeatedly(ctx, owner.method) ? proven("called repeatedly") : likely("may run a bounded number of times");
    default:
      return likely("may run a bounded number of times");
  }
}

/**
 * Whether no release can run: `elsewhere` when a release exists on another path, `maybe` when a
 * release may be this one though it cannot be proven, `opaque` when the owner's release phase
 * hands the resource to code out of sight.
 */
export function releaseProof(facts: { elsewhere?: boolean; maybe?: boolean; opaque?: boolean }): Proof {
  if (facts.elsewhere) return likely("released elsewhere");
  if (facts.maybe) return likely("a release may be this one");
  if (facts.opaque) return likely("handed to code out of sight");
  return proven("never released");
}

/**
 * Whether the release region passes one of `keys` (or an object they are members of) to a
 * function the file does not define: `destroy() { unbindAll(this.el) }` with `unbindAll`
 * imported may well release it.
 */
export function handedAway(ctx: EngineContext, region: readonly Node[] | "anywhere", keys: readonly string[]): boolean {
  if (region === "anywhere" || keys.length === 0) return false;
  const wanted = new Set<string>();
  for (const key of keys) for (let k = key; ; ) {
    wanted.add(k);
    const dot = k.lastIndexOf(".");
    if (dot <= 0) break;
    k = k.slice(0, dot);
  }
  return region.some((root) => opaqueArguments(ctx, root).some((key) => wanted.has(key)));
}

/** Per context (keys are the context's own), per root. */
const opaqueCache = new WeakMap<EngineContext, WeakMap<Node, string[]>>();

/** `opaqueArgumentKeys`, once per root (release regions are shared by many acquisitions). */
function opaqueArguments(ctx: EngineContext, root: Node): string[] {
  let perContext = opaqueCache.get(ctx);
  if (!perContext) {
    perContext = new WeakMap();
    opaqueCache.set(ctx, perContext);
  }
  let keys = perContext.get(root);
  if (!keys) {
    keys = opaqueArgumentKeys(ctx, root);
    perContext.set(root, keys);
  }
  return keys;
}

/** Names of calls that undo something (`unbindAll`, `removeHandlers`, `cleanup`, `dispose`). */
export const RELEASE_NAME =
  /^(un[A-Z_]|unsubscribe|unlisten|unobserve|unwatch|unregister|unmount|unbind|remove|clear|cancel|dispose|disconnect|close|abort|off$|delete$|destroy|stop|terminate|revoke|detach|release|teardown|cleanup|complete$|kill$)/;

const KNOWN_RELEASES: ReadonlySet<string> = new Set([
  ...Object.keys(LISTENER_REMOVES),
  ...TIMER_RELEASES,
  OBJECT_URL_RELEASE,
  "removeAllListeners",
]);

/** The keys of arguments passed, inside `root`, to calls of functions the file does not define. */
export function opaqueArgumentKeys(ctx: EngineContext, root: Node): string[] {
  const keys: string[] = [];
  walk(root, ctx.sourceCode.visitorKeys, (node) => {
    if (node !== root && isFunction(node)) return false;
    if (node.type !== T.CallExpression) return;
    const callee = unwrap(node.callee);
    if (ctx.lifecycles.resolveFunction(callee)) return;
    // Only a call that says it undoes something may release what it is given; the releases the
    // catalogue knows (`removeEventListener`, `clearTimeout`, ...) are matched precisely elsewhere.
    const { name } = calleeOf(node);
    if (!name || !RELEASE_NAME.test(name) || KNOWN_RELEASES.has(name)) return;
    for (const arg of node.arguments) {
      if (arg.type === T.SpreadElement) continue;
      const key = ctx.refs.key(arg);
      if (key) keys.push(key);
    }
  });
  return keys;
}
