/**
 * Owners: the lifetime an acquisition belongs to, and where that lifetime's
 * release phase is. Each owner kind is a small recogniser plus a release region.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../util/node-types.js";
import {
  type ClassNode,
  type FunctionNode,
  type Node,
  calleeOf,
  enclosingFunction,
  functionBinding,
  functionName,
  isClass,
  isFunction,
  isHookName,
  isLoop,
  isPascalCase,
  isPerIterationPart,
  keyName,
  returnedValues,
  unwrap,
} from "../ast/index.js";
import type { Scopes } from "../ast/scope.js";
import { type AncestorCache, type AncestorFold, foldAncestors, nearestAncestor } from "../ast/ancestors.js";
import { Frameworks } from "./frameworks/index.js";
import {
  ANGULAR_DECORATORS,
  CALLBACK_HOOKS,
  CLASS_LIFECYCLES,
  type ClassFramework,
  EFFECT_HOOKS,
  PAIRED_SETUPS,
  EFFECT_HOOK_HOSTS,
  HANDLER_NAME,
  UPDATE_LIFECYCLES,
  ONE_TIME_HANDLER_NAME,
  REACT_BASE_CLASSES,
  REPEATING_CALLBACK_CALLEES,
  REQUEST_PARAM_NAMES,
  SINGLE_FIRE_EVENTS,
  UPDATE_METHOD_NAME,
  WEB_COMPONENT_BASES,
} from "./tables.js";

/**
 * What lies between a node and its innermost function: that function, or the instance field whose
 * initialiser holds the node (`stop`; undefined at module level), and whether a loop on the way
 * runs the node once per iteration.
 */
interface BlockAbove {
  stop: FunctionNode | TSESTree.PropertyDefinition | undefined;
  inLoop: boolean;
}

const MODULE_LEVEL: BlockAbove = { stop: undefined, inLoop: false };

const BLOCK_ABOVE: AncestorFold<BlockAbove> = {
  boundary(parent, child) {
    if (isFunction(parent)) return { stop: parent, inLoop: false };
    if (parent.type === T.PropertyDefinition && parent.value === child && !parent.static && isClass(parent.parent.parent)) {
      return { stop: parent, inLoop: false };
    }
    return undefined;
  },
  extend(parent, child, above) {
    return !above.inLoop && isLoop(parent) && isPerIterationPart(parent, child) ? { stop: above.stop, inLoop: true } : above;
  },
  root: MODULE_LEVEL,
};

const blockAbove: AncestorCache<BlockAbove> = new WeakMap();

export interface ClassInfo {
  node: ClassNode;
  name: string;
  framework: ClassFramework;
  /** Teardown methods present in the class (their function nodes). */
  teardown: FunctionNode[];
  teardownNames: string[];
  /** `this.x` members assigned a freshly created object (`new X()`, `createElement`, ...). */
  createdMembers: Set<string>;
  methods: Map<string, FunctionNode>;
}

export type Owner =
  | { type: "module" }
  | { type: "function"; fn: FunctionNode; name: string | undefined }
  | {
      type: "effect";
      setup: FunctionNode;
      hook: string;
      cleanups: FunctionNode[];
      cleanupUnknown: boolean;
      component: FunctionNode | undefined;
      /** Framework setups (frameworks/): words for messages, and whether returning a cleanup works. */
      label?: string;
      end?: string;
      returnsCleanup?: boolean;
    }
  | { type: "render"; component: FunctionNode; name: string }
  | { type: "component-callback"; component: FunctionNode; fn: FunctionNode; name: string }
  | { type: "class"; info: ClassInfo; method: FunctionNode | undefined }
  | { type: "executor"; fn: FunctionNode; settlers: string[] };

export interface OwnerContext {
  owner: Owner;
  /** The innermost function around the acquisition (undefined at module level). */
  innermost: FunctionNode | undefined;
  /** A loop between the acquisition and its owner runs it once per iteration. */
  inLoop: boolean;
  /** A callback between the acquisition and its owner that runs repeatedly (timer, handler, request). */
  repeating: string | undefined;
  /** The node the owner was asked for (the acquisition). */
  node: Node;
}

/** See `Lifecycles.ownerAbove`. */
interface OwnerAbove {
  found: { owner: Owner } | { component: FunctionNode } | undefined;
  loops: boolean;
  repeating: string | undefined;
  script: ReturnType<Frameworks["scriptEffect"]>;
}

/** What the engine knows about functions, gathered in its single walk. */
export interface FunctionFacts {
  /** Functions whose own body renders JSX or calls a hook. */
  reactish: WeakSet<FunctionNode>;
}

export class Lifecycles {
  private readonly classes = new WeakMap<ClassNode, ClassInfo>();
  private readonly effects = new WeakMap<FunctionNode, Owner | null>();
  private readonly frameworks: Frameworks;

  constructor(
    private readonly refs: Scopes,
    private readonly facts: FunctionFacts,
    private readonly teardownNames: readonly string[],
    sourceCode?: Readonly<TSESLint.SourceCode>,
    /** Project effect hooks (`settings.leakproof.effectHooks`), besides the known ones. */
    private readonly extraEffectHook: (name: string) => boolean = () => false,
  ) {
    this.frameworks = new Frameworks(refs, sourceCode, (node) => this.resolveFunction(node), facts.reactish);
  }

  /** Walks out from `node` to the first function that defines a lifetime. */
  ownerOf(node: Node): OwnerContext {
    // The walk from `node` to its innermost function (or instance field) is kept per node
    // (`blockAbove`), and from there out per function (`ownerAbove`).
    const { stop, inLoop: loopBelow } = foldAncestors(node, BLOCK_ABOVE, blockAbove);
    let inLoop = loopBelow;
    if (stop?.type === T.PropertyDefinition) {
      // `#sweep = setInterval(...)`: an instance field initialiser runs once per instance.
      const cls = stop.parent.parent;
      return { owner: { type: "class", info: this.classInfo(cls), method: undefined }, innermost: undefined, inLoop, repeating: undefined, node };
    }
    if (stop) {
      const innermost = stop;
      const above = this.ownerAbove(innermost);
      inLoop ||= above.loops;
      const { repeating, found } = above;
      if (found && "owner" in found) return { owner: found.owner, innermost, inLoop, repeating, node };
      if (found) {
        const component = found.component;
        const name = functionName(component) ?? "component";
        const owner: Owner =
          innermost === component ? { type: "render", component, name } : { type: "component-callback", component, fn: innermost, name };
        return { owner, innermost, inLoop, repeating, node };
      }
      if (above.script) return { owner: { type: "effect", ...above.script, component: undefined }, innermost, inLoop, repeating, node };
      const once = !inLoop && !repeating && this.runsOnceAtModuleLevel(innermost);
      return { owner: once ? { type: "module" } : { type: "function", fn: innermost, name: functionName(innermost) }, innermost, inLoop, repeating, node };
    }
    const script = this.frameworks.scriptEffect(node);
    if (script) return { owner: { type: "effect", ...script, component: undefined }, innermost: undefined, inLoop, repeating: undefined, node };
    return { owner: { type: "module" }, innermost: undefined, inLoop, repeating: undefined, node };
  }

  private readonly above = new WeakMap<FunctionNode, OwnerAbove>();

  /**
   * What lies from `fn` (inclusive) out to its owner, kept per function: the owner (or the
   * component), whether a loop between them repeats `fn`, the first repeating callback on the
   * way, and (with no owner) the framework script around it. Each acquisition asks only for
   * its innermost function, so n acquisitions n functions deep cost n steps, not n² (issue 12 §2).
   */
  private ownerAbove(fn: FunctionNode): OwnerAbove {
    const cached = this.above.get(fn);
    if (cached) return cached;
    let result: OwnerAbove;
    const own = this.functionOwner(fn);
    if (own) result = { found: own, loops: false, repeating: undefined, script: undefined };
    else {
      let loops = false;
      let child: Node = fn;
      let outer: FunctionNode | undefined;
      for (let parent: Node | undefined = fn.parent; parent; child = parent, parent = parent.parent) {
        if (isLoop(parent) && isPerIterationPart(parent, child)) loops = true;
        if (isFunction(parent)) {
          outer = parent;
          break;
        }
      }
      const rest = outer ? this.ownerAbove(outer) : undefined;
      result = {
        found: rest?.found,
        loops: loops || !!rest?.loops,
        repeating: this.repeatingRole(fn) ?? rest?.repeating,
        // A function's script is the script of everything in it.
        script: rest ? rest.script : this.frameworks.scriptEffect(fn),
      };
    }
    this.above.set(fn, result);
    return result;
  }

  /** The lifetime `fn` itself defines: an effect, an executor, a class member, or a component. */
  private functionOwner(fn: FunctionNode): { owner: Owner } | { component: FunctionNode } | undefined {
    const effect = this.effectOwner(fn);
    if (effect) return { owner: effect };
    const executor = this.executorOwner(fn);
    if (executor) return { owner: executor };
    const cls = this.classOfMember(fn);
    if (cls) return { owner: { type: "class", info: this.classInfo(cls), method: fn } };
    if (this.isComponent(fn)) return { component: fn };
    return undefined;
  }

  /**
   * An IIFE in the module body, or a non-exported function whose only use is one call
   * there (`async function main() {...} main()`): its acquisitions are one-time, like
   * top-level code.
   */
  runsOnceAtModuleLevel(fn: FunctionNode): boolean {
    const parent = fn.parent;
    if (parent?.type === T.CallExpression && unwrap(parent.callee) === fn) return atModuleLevel(parent);
    const id = functionBinding(fn);
    if (!id) return false;
    const holder = fn.type === T.FunctionDeclaration ? fn.parent : parent?.parent?.parent;
    if (holder?.type === T.ExportNamedDeclaration || holder?.type === T.ExportDefaultDeclaration) return false;
    const variable = this.refs.variable(id);
    const uses = variable?.references.filter((reference) => reference.identifier !== id && !reference.init) ?? [];
    if (uses.length !== 1) return false;
    const use: Node = uses[0]!.identifier;
    return use.parent?.type === T.CallExpression && use.parent.callee === use && atModuleLevel(use.parent);
  }

  /** `useEffect(() => { ... })`, also `React.useEffect`. */
  effectOwner(fn: FunctionNode): Owner | undefined {
    const cached = this.effects.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    let result: Owner | null = null;
    const call = fn.parent;
    if (call?.type === T.CallExpression && call.arguments[0] === fn) {
      const { object, name } = calleeOf(call);
      const hostOk = !object || (object.type === T.Identifier && EFFECT_HOOK_HOSTS.has(object.name));
      if (name && (EFFECT_HOOKS.has(name) || this.extraEffectHook(name)) && hostOk) {
        const { cleanups, unknown } = this.cleanupsOf(fn);
        let component: FunctionNode | undefined;
        for (let p: Node | undefined = call.parent; p; p = p.parent) {
          if (isFunction(p)) {
            component = p;
            break;
          }
        }
        result = { type: "effect", setup: fn, hook: name, cleanups, cleanupUnknown: unknown, component };
      }
    }
    // Vue, Svelte, Solid, Angular signals: see frameworks/.
    if (!result) {
      const framework = this.frameworks.effectOf(fn);
      if (framework) result = { type: "effect", ...framework, component: undefined };
    }
    this.effects.set(fn, result);
    return result ?? undefined;
  }

  /** The functions an effect setup returns as its cleanup. */
  private cleanupsOf(setup: FunctionNode): { cleanups: FunctionNode[]; unknown: boolean } {
    const cleanups: FunctionNode[] = [];
    let unknown = false;
    for (const value of returnedValues(setup)) {
      const fn = this.resolveFunction(value);
      if (fn) cleanups.push(fn);
      else if (!isNullishOrVoid(value)) unknown = true;
    }
    return { cleanups, unknown };
  }

  private readonly statics = new WeakMap<ClassNode, Map<string, FunctionNode | null>>();

  /**
   * A class's static methods by name, kept per class (asked per `C.method()` call): the first
   * one of a name, null when that is a body-less overload signature.
   */
  private staticMethods(cls: ClassNode): Map<string, FunctionNode | null> {
    let methods = this.statics.get(cls);
    if (!methods) {
      methods = new Map();
      for (const member of cls.body.body) {
        if (member.type !== T.MethodDefinition || !member.static) continue;
        const name = keyName(member.key, member.computed);
        if (name !== undefined && !methods.has(name)) methods.set(name, isFunction(member.value) ? member.value : null);
      }
      this.statics.set(cls, methods);
    }
    return methods;
  }

  /**
   * Resolves an expression to the function it denotes: an inline function, a local
   * function declaration, a `const f = () => ...`, or `useCallback(fn)`.
   */
  resolveFunction(value: Node, depth = 0): FunctionNode | undefined {
    if (depth > 4) return undefined;
    const inner = unwrap(value);
    if (isFunction(inner)) return inner;
    if (inner.type === T.Identifier) {
      const variable = this.refs.variable(inner);
      const def = variable?.defs[0];
      if (!def) return undefined;
      if (def.type === "FunctionName" && isFunction(def.node)) return def.node;
      if (def.type === "Variable" && def.node.init) return this.resolveFunction(def.node.init, depth + 1);
      // `let cancel; ... cancel = () => {...}`: declared first so handlers above can call it,
      // written once, with a function.
      if (def.type === "Variable" && variable) {
        const writes = this.refs.writes(variable);
        const [only] = writes;
        if (writes.length === 1 && only?.writeExpr && !only.init) return this.resolveFunction(only.writeExpr, depth + 1);
      }
      return undefined;
    }
    if (inner.type === T.CallExpression) {
      const { name } = calleeOf(inner);
      const first = inner.arguments[0];
      if (name && CALLBACK_HOOKS.has(name) && first) return this.resolveFunction(first, depth + 1);
    }
    if (inner.type === T.MemberExpression && unwrap(inner.object).type === T.ThisExpression) {
      const cls = enclosingClass(inner);
      const name = keyName(inner.property, inner.computed);
      if (cls && name) return this.classInfo(cls).methods.get(name);
      if (!cls) return this.frameworks.thisMethod(inner);
    }
    // `Sampler.capture()`: a static method of a class this file declares.
    if (inner.type === T.MemberExpression && unwrap(inner.object).type === T.Identifier) {
      const def = this.refs.variable(unwrap(inner.object) as TSESTree.Identifier)?.defs[0];
      const cls = def?.type === "ClassName" && isClass(def.node) ? def.node : undefined;
      const name = keyName(inner.property, inner.computed);
      const member = cls && name ? this.staticMethods(cls).get(name) : undefined;
      if (member) return member;
      // `EventHandler.on(el, type, fn)`: a method of a `const` object literal of this file.
      if (def?.type === "Variable" && def.node.id.type === T.Identifier && def.parent?.type === T.VariableDeclaration && def.parent.kind === "const" && name) {
        const init = def.node.init ? unwrap(def.node.init) : undefined;
        const property =
          init?.type === T.ObjectExpression
            ? init.properties.find((p): p is TSESTree.Property => p.type === T.Property && keyName(p.key, p.computed) === name)
            : undefined;
        if (property && property.kind === "init") return this.resolveFunction(property.value, depth + 1);
      }
    }
    return undefined;
  }

  /** A Vue watcher started where no component is current (after an `await`, in a later callback): Vue never stops it. */
  isDetachedWatcher(call: TSESTree.CallExpression): boolean {
    return this.frameworks.detachedWatcher(call);
  }

  /** A framework component's own template element (`useTemplateRef`, `this.$refs.x`, `bind:this`). */
  isOwnElement(node: Node): boolean {
    return this.frameworks.isOwnElement(node);
  }

  /** `new Promise((resolve, reject) => { ... })`. */
  private executorOwner(fn: FunctionNode): Owner | undefined {
    const parent = fn.parent;
    if (parent?.type !== T.NewExpression || parent.arguments[0] !== fn) return undefined;
    const callee = unwrap(parent.callee);
    if (callee.type !== T.Identifier || callee.name !== "Promise" || !this.refs.isGlobal(callee, "Promise")) {
      return undefined;
    }
    const settlers = fn.params.flatMap((param) => (param.type === T.Identifier ? [param.name] : []));
    return { type: "executor", fn, settlers };
  }

  private classOfMember(fn: FunctionNode): ClassNode | undefined {
    const parent = fn.parent;
    if ((parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) && parent.value === fn) {
      const cls = parent.parent?.parent;
      return cls && isClass(cls) ? cls : undefined;
    }
    return undefined;
  }

  private isComponent(fn: FunctionNode): boolean {
    if (!this.facts.reactish.has(fn)) return false;
    const name = functionName(fn);
    return isPascalCase(name) || isHookName(name);
  }

  /** Why a plain function runs repeatedly, if it is a callback we know is called again and again. */
  private repeatingRole(fn: FunctionNode): string | undefined {
    const parent = fn.parent;
    if (parent?.type === T.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      const { name } = calleeOf(parent);
      if (name === "setInterval") return "interval callback";
      if (name === "addEventListener" || name === "on" || name === "addListener" || name === "prependListener") {
        // `child.on("exit", ...)` runs once, when that child exits.
        const [type] = parent.arguments;
        const event = type?.type === T.Literal && typeof type.value === "string" ? type.value : undefined;
        return event !== undefined && SINGLE_FIRE_EVENTS.has(event) ? undefined : "event handler";
      }
      if (name === "createServer") return "request handler";
      if (name && REPEATING_CALLBACK_CALLEES.has(name) && fn.params.length > 0 && name !== "forEach" && name !== "map") {
        return looksLikeRequestHandler(fn) ? "request handler" : undefined;
      }
    }
    // `ws.onclose = () => ...`: a handler property runs on every event of its kind.
    if (parent?.type === T.AssignmentExpression && parent.right === fn) {
      const left = unwrap(parent.left);
      const name = left.type === T.MemberExpression && !left.computed && left.property.type === T.Identifier ? left.property.name : undefined;
      // `ws.onclose`, or a handler field by name (`this.onOnline = () => ...`).
      const camel = name && /^on[a-z]+$/.test(name) ? `on${name.charAt(2).toUpperCase()}${name.slice(3)}` : name;
      if (camel && HANDLER_NAME.test(camel) && /^on/.test(camel) && !ONE_TIME_HANDLER_NAME.test(camel)) return "event handler";
    }
    // `function handle(req, res)` runs once per request wherever it is registered.
    if (looksLikeRequestHandler(fn)) return "request handler";
    return looksLikeHandler(fn) ? "handler" : undefined;
  }

  classInfo(node: ClassNode): ClassInfo {
    const cached = this.classes.get(node);
    if (cached) return cached;
    const methods = new Map<string, FunctionNode>();
    for (const member of node.body.body) {
      if ((member.type === T.MethodDefinition || member.type === T.PropertyDefinition) && member.value && isFunction(member.value)) {
        const name = keyName(member.key, member.computed);
        if (name) methods.set(name, member.value);
      }
    }
    const framework = classFramework(node, methods);
    const teardownNames =
      framework === "plain" ? this.teardownNames.filter((name) => methods.has(name)) : [...CLASS_LIFECYCLES[framework].teardown];
    const info: ClassInfo = {
      node,
      name: node.id?.name ?? "anonymous class",
      framework,
      teardown: teardownNames.flatMap((name) => {
        const fn = methods.get(name);
        return fn ? [fn] : [];
      }),
      teardownNames,
      createdMembers: new Set(),
      methods,
    };
    this.classes.set(node, info);
    return info;
  }

  /** Whether a class owner's method is one the framework calls on every update (`updated()`, `ngOnChanges()`). */
  runsPerUpdate(owner: Extract<Owner, { type: "class" }>): boolean {
    const { info, method } = owner;
    if (!method || info.framework === "plain") return false;
    const member = method.parent;
    const name = (member?.type === T.MethodDefinition || member?.type === T.PropertyDefinition) ? keyName(member.key, member.computed) : undefined;
    return !!name && UPDATE_LIFECYCLES[info.framework].has(name);
  }

  /** Whether a method name ends a plain object's life (the defaults and the `teardownMethods` option). */
  isTeardownName(name: string): boolean {
    return this.teardownNames.includes(name);
  }

  /** Words for messages: "this effect", "class `Player`". */
  describe(owner: Owner): { owner: string; end: string } {
    switch (owner.type) {
      case "module":
        return { owner: "the module", end: "for the life of the program" };
      case "function":
        return { owner: owner.name ? `\`${owner.name}\`` : "this function", end: "after the call returns" };
      case "effect":
        return { owner: owner.label ?? `this \`${owner.hook}\``, end: owner.end ?? "after the component unmounts" };
      case "render":
        return { owner: `the render of \`${owner.name}\``, end: "on every render, with no way to clean up" };
      case "component-callback":
        return { owner: `a callback in \`${owner.name}\``, end: "after the component unmounts" };
      case "executor":
        return { owner: "this promise executor", end: "after the promise settles" };
      case "class": {
        const { info } = owner;
        const ownerText = info.node.id ? `class \`${info.name}\`` : "an anonymous class";
        if (info.framework !== "plain") return { owner: ownerText, end: CLASS_LIFECYCLES[info.framework].end };
        const teardown = info.teardownNames[0];
        return {
          owner: ownerText,
          end: teardown ? `after \`${displayMethod(teardown)}()\`` : "for as long as the instance lives",
        };
      }
    }
  }
}

/** Whether `node` runs once with the module: no function or loop between it and the Program (memoised). */
function atModuleLevel(node: Node): boolean {
  return foldAncestors(node, AT_MODULE_LEVEL, atModuleLevelCache);
}

const AT_MODULE_LEVEL: AncestorFold<boolean> = {
  boundary(current) {
    if (isFunction(current) || isLoop(current)) return false;
    return current.type === T.Program ? true : undefined;
  },
  root: false,
};

const atModuleLevelCache: AncestorCache<boolean> = new WeakMap();

function displayMethod(name: string): string {
  return name.startsWith("Symbol.") ? `[${name}]` : name;
}

function classFramework(node: ClassNode, methods: Map<string, FunctionNode>): ClassFramework {
  const superClass = node.superClass ? unwrap(node.superClass) : undefined;
  if (superClass) {
    const name =
      superClass.type === T.Identifier
        ? superClass.name
        : superClass.type === T.MemberExpression && !superClass.computed && superClass.property.type === T.Identifier
          ? superClass.property.name
          : undefined;
    if (name && REACT_BASE_CLASSES.has(name)) return "react";
    if (name && WEB_COMPONENT_BASES.test(name)) return "web-component";
  }
  if (methods.has("connectedCallback") || methods.has("disconnectedCallback")) return "web-component";
  // Lit reactive controllers: `host.addController(this)`, then `hostConnected` / `hostDisconnected`.
  if (methods.has("hostConnected") || methods.has("hostDisconnected")) return "lit-controller";
  if (methods.has("componentDidMount") || methods.has("componentWillUnmount")) return "react";
  const decorated = (node.decorators ?? []).some((decorator) => {
    const expression = unwrap(decorator.expression);
    const callee = expression.type === T.CallExpression ? unwrap(expression.callee) : expression;
    return callee.type === T.Identifier && ANGULAR_DECORATORS.has(callee.name);
  });
  if (decorated || methods.has("ngOnDestroy") || methods.has("ngOnInit")) return "angular";
  return "plain";
}

/** The closest enclosing class of a node (memoised: asked for every `this.x` resolved). */
export const enclosingClass: (node: Node) => ClassNode | undefined = nearestAncestor(isClass);

/**
 * `handlePayment(request)`, `onSessionChanged(next)`: a function named like a handler (and not
 * like a one-time set-up callback) that takes what each event brings.
 */
export function looksLikeHandler(fn: FunctionNode): boolean {
  let known = handlerCache.get(fn);
  if (known === undefined) {
    const name = functionName(fn);
    known = fn.params.length > 0 && !!name && HANDLER_NAME.test(name) && !ONE_TIME_HANDLER_NAME.test(name) && !callsAParameter(fn) && !returnsAnApi(fn);
    handlerCache.set(fn, known);
  }
  return known;
}

const handlerCache = new WeakMap<FunctionNode, boolean>();

/** A method that redraws from the data it is given (`render(query, items)`): it runs on every change. */
export function looksLikeUpdate(fn: FunctionNode): boolean {
  const name = functionName(fn);
  return fn.params.length > 0 && !!name && UPDATE_METHOD_NAME.test(name);
}

/**
 * `handleCustomProtocols(logger)` returning `{ allowReadAccess() {…} }`: a set-up that hands back
 * an object of functions (or a function) to use later is not a handler of one event.
 */
function returnsAnApi(fn: FunctionNode): boolean {
  return returnedValues(fn).some((value) => {
    const inner = unwrap(value);
    if (isFunction(inner)) return true;
    return inner.type === T.ObjectExpression && inner.properties.some((p) => p.type === T.Property && (p.method || isFunction(unwrap(p.value))));
  });
}

/**
 * `onConfigChange(file, reload)` calls `reload`: it takes a callback to run later, so it
 * registers one (usually once) rather than handling one event. A handler only reads what it gets.
 */
function callsAParameter(fn: FunctionNode): boolean {
  const names = new Set(fn.params.flatMap((param) => (param.type === T.Identifier ? [param.name] : param.type === T.AssignmentPattern && param.left.type === T.Identifier ? [param.left.name] : [])));
  if (names.size === 0) return false;
  let found = false;
  const stack: Node[] = [fn.body];
  while (stack.length > 0 && !found) {
    const node = stack.pop()!;
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type === T.Identifier && names.has(callee.name)) found = true;
    }
    for (const key of Object.keys(node)) {
      if (key === "parent") continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof (item as Node).type === "string") stack.push(item as Node);
      } else if (value && typeof (value as Node).type === "string") stack.push(value as Node);
    }
  }
  return found;
}

/** `(req, res) => ...`: the first two parameters are named like a request and a response. */
export function looksLikeRequestHandler(fn: FunctionNode): boolean {
  const [first, second] = fn.params;
  return (
    first?.type === T.Identifier &&
    second?.type === T.Identifier &&
    REQUEST_PARAM_NAMES.has(first.name) &&
    REQUEST_PARAM_NAMES.has(second.name)
  );
}

function isNullishOrVoid(node: Node): boolean {
  const inner = unwrap(node);
  return (
    (inner.type === T.Literal && (inner.value === null || inner.value === false)) ||
    (inner.type === T.Identifier && inner.name === "undefined") ||
    (inner.type === T.UnaryExpression && inner.operator === "void")
  );
}

/** Whether `node` sits directly in a framework setup method (or an effect setup) that its teardown always follows. */
export function pairedSetup(owner: Owner, node: Node): boolean {
  const fn = enclosingFunction(node);
  if (!fn) return false;
  if (owner.type === "effect") return fn === owner.setup;
  if (owner.type !== "class" || fn !== owner.method) return false;
  const setups = PAIRED_SETUPS[owner.info.framework];
  const member = fn.parent;
  if (!setups || (member?.type !== T.MethodDefinition && member?.type !== T.PropertyDefinition)) return false;
  const name = keyName(member.key, member.computed);
  return !!name && setups.has(name);
}

/**
 * Whether the owner is a component's own script — a Vue `<script setup>` or a Svelte instance
 * `<script>` — rather than an effect callback: its setup is the script itself, not a function.
 * That code runs once per component instance, as a constructor does, and the functions it
 * declares run whenever they are called.
 */
export function isComponentScript(owner: Owner): boolean {
  return owner.type === "effect" && !isFunction(owner.setup);
}
