/**
 * Owners on the compiler's syntax tree: the lifetime a call site belongs to, read with the
 * same tables the ESLint rules use (src/lifecycle/tables.ts and the framework specs), so a
 * `useEffect` setup, a Vue `onMounted`, a class with `dispose()`, a request handler or a
 * loop iteration mean the same thing here as in a rule.
 *
 * This is the audit's adapter over the rules' owner model (src/lifecycle/owners.ts works on
 * ESTree nodes); it answers only what the cross-file checks ask: who owns this call, does
 * that owner end or repeat, and is a given release inside the owner's release phase.
 */
import type { ts } from "ts-morph";
import { ANGULAR } from "../lifecycle/frameworks/angular.js";
import { SOLID } from "../lifecycle/frameworks/solid.js";
import type { FrameworkSpec } from "../lifecycle/frameworks/spec.js";
import { SVELTE } from "../lifecycle/frameworks/svelte.js";
import { VUE } from "../lifecycle/frameworks/vue.js";
import {
  ANGULAR_DECORATORS,
  CLASS_LIFECYCLES,
  type ClassFramework,
  DEFAULT_TEARDOWN_METHODS,
  EFFECT_HOOK_HOSTS,
  EFFECT_HOOKS,
  REACT_BASE_CLASSES,
  REPEATING_CALLBACK_CALLEES,
  REQUEST_PARAM_NAMES,
  WEB_COMPONENT_BASES,
} from "../lifecycle/tables.js";
import { TEARDOWN_REGISTRARS } from "../resources/closeable.js";
import {
  type ClassLike,
  type FunctionLike,
  TS,
  accessName,
  callsHook,
  calleeName,
  containsJsx,
  functionName,
  isClassLike,
  isFunctionLike,
  isHookName,
  isLoop,
  isPascalCase,
  isPerIterationPart,
  outerParent,
  propertyNameText,
  returnedValues,
  unwrap,
} from "./syntax.js";

const FRAMEWORKS: readonly FrameworkSpec[] = [VUE, SVELTE, SOLID, ANGULAR];

/**
 * Test-runner hooks that run after each test (or all of them): what a `beforeEach` set up and
 * an `afterEach` releases is released when the test ends. Audit-local for now; it belongs with
 * the lifecycle tables (src/lifecycle/tables.ts) once the engine team takes it.
 */
const TEST_CLEANUP_HOOKS: readonly string[] = ["afterEach", "afterAll", "after", "teardown", "onTestFinished"];

/** Calls whose function argument runs when the current setup ends (`onUnmounted(fn)`, `DestroyRef.onDestroy(fn)`, `afterEach(fn)`). */
export const CLEANUP_REGISTRARS: ReadonlySet<string> = new Set([
  ...FRAMEWORKS.flatMap((spec) => [...spec.scopeCleanups, ...spec.innerCleanups]),
  ...TEARDOWN_REGISTRARS,
  ...TEST_CLEANUP_HOOKS,
]);

export interface ClassShape {
  node: ClassLike;
  name: string;
  framework: ClassFramework;
  /** Methods that end an instance's life (plain classes: the ones of DEFAULT_TEARDOWN_METHODS it has). */
  teardown: string[];
  methods: Map<string, FunctionLike>;
}

export type Owner =
  | { type: "module" }
  | { type: "function"; fn: FunctionLike; name: string | undefined }
  | { type: "effect"; setup: FunctionLike; hook: string; end: string; returnsCleanup: boolean }
  | { type: "render"; component: FunctionLike; name: string }
  | { type: "component-callback"; component: FunctionLike; fn: FunctionLike; name: string }
  | { type: "class"; shape: ClassShape; method: FunctionLike | undefined };

export interface OwnerContext {
  owner: Owner;
  /** The innermost function around the node. */
  innermost: FunctionLike | undefined;
  /** A loop between the node and its owner runs it once per iteration. */
  inLoop: boolean;
  /** A callback between the node and its owner that runs again and again. */
  repeating: string | undefined;
}

const classShapes = new WeakMap<ClassLike, ClassShape>();

/** A class's framework, methods and teardown methods. */
export function classShape(node: ClassLike): ClassShape {
  const cached = classShapes.get(node);
  if (cached) return cached;
  const methods = new Map<string, FunctionLike>();
  for (const member of node.members) {
    if (TS.isMethodDeclaration(member) && member.body) {
      const name = propertyNameText(member.name);
      if (name) methods.set(name, member);
    } else if (TS.isPropertyDeclaration(member) && member.initializer) {
      const value = unwrap(member.initializer);
      const name = propertyNameText(member.name);
      if (name && (TS.isArrowFunction(value) || TS.isFunctionExpression(value))) methods.set(name, value);
    } else if (TS.isConstructorDeclaration(member) && member.body) {
      methods.set("constructor", member);
    }
  }
  const framework = classFramework(node, methods);
  // A method that needs an argument (`disconnect(scope)`) does something to part of the object; a teardown ends all of it.
  const teardown =
    framework === "plain"
      ? DEFAULT_TEARDOWN_METHODS.filter((name) => methods.has(name) && !hasRequiredParameter(methods.get(name)!))
      : [...CLASS_LIFECYCLES[framework].teardown];
  const shape: ClassShape = { node, name: node.name?.text ?? "anonymous class", framework, teardown, methods };
  classShapes.set(node, shape);
  return shape;
}

function hasRequiredParameter(fn: FunctionLike): boolean {
  return fn.parameters.some((param) => !param.questionToken && !param.initializer && !param.dotDotDotToken);
}

function classFramework(node: ClassLike, methods: Map<string, FunctionLike>): ClassFramework {
  const heritage = node.heritageClauses?.find((clause) => clause.token === TS.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  const base = heritage ? (TS.isIdentifier(heritage) ? heritage.text : TS.isPropertyAccessExpression(heritage) ? heritage.name.text : undefined) : undefined;
  if (base && REACT_BASE_CLASSES.has(base)) return "react";
  if (base && WEB_COMPONENT_BASES.test(base)) return "web-component";
  if (methods.has("connectedCallback") || methods.has("disconnectedCallback")) return "web-component";
  if (methods.has("hostConnected") || methods.has("hostDisconnected")) return "lit-controller";
  if (methods.has("componentDidMount") || methods.has("componentWillUnmount")) return "react";
  const decorators = TS.canHaveDecorators(node) ? (TS.getDecorators(node) ?? []) : [];
  const decorated = decorators.some((decorator) => {
    const expression = unwrap(decorator.expression);
    const callee = TS.isCallExpression(expression) ? unwrap(expression.expression) : expression;
    return TS.isIdentifier(callee) && ANGULAR_DECORATORS.has(callee.text);
  });
  if (decorated || methods.has("ngOnDestroy") || methods.has("ngOnInit")) return "angular";
  return "plain";
}

/** The class `fn` is a member of (method, constructor, accessor or arrow-function field). */
export function classOfMember(fn: FunctionLike): ClassLike | undefined {
  if (TS.isMethodDeclaration(fn) || TS.isConstructorDeclaration(fn) || TS.isGetAccessorDeclaration(fn) || TS.isSetAccessorDeclaration(fn)) {
    return isClassLike(fn.parent) ? fn.parent : undefined;
  }
  const { parent } = outerParent(fn);
  if (parent && TS.isPropertyDeclaration(parent) && isClassLike(parent.parent)) return parent.parent;
  return undefined;
}

/** The framework hook `fn` is the callback of: `useEffect(fn)`, `onMounted(fn)`, `createEffect(fn)`. */
function effectOf(fn: FunctionLike): { hook: string; end: string; returnsCleanup: boolean } | undefined {
  const { parent, child } = outerParent(fn);
  if (!parent || !TS.isCallExpression(parent)) return undefined;
  const index = parent.arguments.indexOf(child as ts.Expression);
  if (index < 0) return undefined;
  const callee = unwrap(parent.expression);
  const name = calleeName(parent);
  if (!name) return undefined;
  if (index === 0 && EFFECT_HOOKS.has(name)) {
    const host = TS.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
    if (!host || (TS.isIdentifier(host) && EFFECT_HOOK_HOSTS.has(host.text))) return { hook: name, end: "after the component unmounts", returnsCleanup: true };
  }
  for (const spec of FRAMEWORKS) {
    // Hooks the rules only trust when imported from the framework are left out here.
    const hook = spec.callbacks[name];
    if (hook && hook.arg === index && !hook.importOnly && Object.hasOwn(spec.callbacks, name)) return { hook: name, end: hook.end, returnsCleanup: hook.returns };
  }
  return undefined;
}

const SETUP_FRAMEWORKS: readonly FrameworkSpec[] = [VUE, SOLID, SVELTE];
const setupFrameworks = new WeakMap<ts.SourceFile, FrameworkSpec | null>();

/** The framework whose components run their body once, if the file imports from it (Vue, Solid, Svelte). */
function setupFramework(source: ts.SourceFile): FrameworkSpec | undefined {
  const cached = setupFrameworks.get(source);
  if (cached !== undefined) return cached ?? undefined;
  let found: FrameworkSpec | null = null;
  for (const statement of source.statements) {
    if (!TS.isImportDeclaration(statement) || !TS.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    found = SETUP_FRAMEWORKS.find((spec) => spec.modules.has(specifier)) ?? null;
    if (found) break;
  }
  setupFrameworks.set(source, found);
  return found ?? undefined;
}

/** Why `fn` runs again and again, when it is a callback we know is called repeatedly. */
function repeatingRole(fn: FunctionLike): string | undefined {
  const { parent, child } = outerParent(fn);
  if (parent && TS.isCallExpression(parent) && parent.arguments.includes(child as ts.Expression)) {
    const name = calleeName(parent);
    if (name === "setInterval") return "interval callback";
    if (name === "addEventListener" || name === "on" || name === "addListener" || name === "prependListener") return "event handler";
    if (name === "createServer") return "request handler";
    if (name && REPEATING_CALLBACK_CALLEES.has(name) && name !== "forEach" && name !== "map" && looksLikeRequestHandler(fn)) {
      return "request handler";
    }
  }
  return looksLikeRequestHandler(fn) ? "request handler" : undefined;
}

function looksLikeRequestHandler(fn: FunctionLike): boolean {
  const [first, second] = fn.parameters;
  return (
    !!first &&
    !!second &&
    TS.isIdentifier(first.name) &&
    TS.isIdentifier(second.name) &&
    REQUEST_PARAM_NAMES.has(first.name.text) &&
    REQUEST_PARAM_NAMES.has(second.name.text)
  );
}

function isComponent(fn: FunctionLike): boolean {
  const name = functionName(fn);
  if (isHookName(name)) return true;
  return isPascalCase(name) && (containsJsx(fn) || callsHook(fn));
}

/** Walks out from `node` to the first function that defines a lifetime. */
export function ownerOf(node: ts.Node): OwnerContext {
  let inLoop = false;
  let repeating: string | undefined;
  let innermost: FunctionLike | undefined;
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isLoop(parent) && isPerIterationPart(parent, child)) inLoop = true;
    // A field initialiser runs once per instance.
    if (!innermost && TS.isPropertyDeclaration(parent) && parent.initializer === child && isClassLike(parent.parent)) {
      return { owner: { type: "class", shape: classShape(parent.parent), method: undefined }, innermost, inLoop, repeating };
    }
    if (!isFunctionLike(parent)) continue;
    const fn = parent;
    innermost ??= fn;
    const effect = effectOf(fn);
    if (effect) return { owner: { type: "effect", setup: fn, ...effect }, innermost, inLoop, repeating };
    const cls = classOfMember(fn);
    if (cls) return { owner: { type: "class", shape: classShape(cls), method: fn }, innermost, inLoop, repeating };
    if (isComponent(fn)) {
      const name = functionName(fn) ?? "component";
      // Vue composables and setups, Solid and Svelte components run once per component: a setup, not a render.
      const framework = setupFramework(fn.getSourceFile());
      if (framework && innermost === fn) {
        return { owner: { type: "effect", setup: fn, hook: name, end: framework.end, returnsCleanup: false }, innermost, inLoop, repeating };
      }
      if (framework) return { owner: { type: "component-callback", component: fn, fn: innermost, name }, innermost, inLoop, repeating };
      const owner: Owner = innermost === fn ? { type: "render", component: fn, name } : { type: "component-callback", component: fn, fn: innermost, name };
      return { owner, innermost, inLoop, repeating };
    }
    repeating ??= repeatingRole(fn);
  }
  const once = innermost && !inLoop && !repeating && runsOnceAtModuleLevel(innermost);
  return {
    owner: innermost && !once ? { type: "function", fn: innermost, name: functionName(innermost) } : { type: "module" },
    innermost,
    inLoop,
    repeating,
  };
}

/** An IIFE in the module body runs once, like top-level code. */
function runsOnceAtModuleLevel(fn: FunctionLike): boolean {
  const { parent, child } = outerParent(fn);
  if (!parent || !TS.isCallExpression(parent) || parent.expression !== child) return false;
  for (let current = parent.parent; current; current = current.parent) {
    if (isFunctionLike(current) || isLoop(current)) return false;
    if (TS.isSourceFile(current)) return true;
  }
  return false;
}

/** Whether the owner ends (or its code runs again), so that what it keeps must be released. */
export function ownerEndsOrRepeats(context: OwnerContext): boolean {
  if (context.inLoop || context.repeating) return true;
  switch (context.owner.type) {
    case "effect":
    case "render":
    case "component-callback":
      return true;
    case "class":
      return context.owner.shape.teardown.length > 0;
    default:
      return false;
  }
}

/** Words for messages: what the owner is and when it ends. */
export function describeOwner(context: OwnerContext): { owner: string; end: string } {
  const { owner } = context;
  const again = context.inLoop ? "after each iteration" : context.repeating ? `after each call of the ${context.repeating}` : undefined;
  switch (owner.type) {
    case "module":
      return { owner: context.repeating ? `this ${context.repeating}` : "the module", end: again ?? "for the life of the program" };
    case "function":
      return {
        owner: context.repeating ? `this ${context.repeating}` : owner.name ? `\`${owner.name}\`` : "this function",
        end: again ?? "after the call returns",
      };
    case "effect":
      return { owner: `this \`${owner.hook}\``, end: again ?? owner.end };
    case "render":
      return { owner: `the render of \`${owner.name}\``, end: "on every render" };
    case "component-callback":
      return { owner: `a callback in \`${owner.name}\``, end: again ?? "after the component unmounts" };
    case "class": {
      const { shape } = owner;
      const end = shape.framework !== "plain" ? CLASS_LIFECYCLES[shape.framework].end : shape.teardown[0] ? `after \`${display(shape.teardown[0])}()\`` : "for as long as the instance lives";
      return { owner: `class \`${shape.name}\``, end: again ?? end };
    }
  }
}

export function display(method: string): string {
  return method.startsWith("Symbol.") ? `[${method}]` : method;
}

/**
 * Whether `release` (a node inside the owner) runs when the owner ends: in a cleanup the
 * effect setup returns, in a function handed to a cleanup registrar, in a teardown method
 * (or a method it calls on `this`), in a `finally`; for owners that end when their own code
 * is done (a function, a handler, a loop iteration), anywhere inside them.
 */
export function inReleasePhase(context: OwnerContext, release: ts.Node): boolean {
  const { owner } = context;
  if (inCleanupRegistration(release)) return true;
  switch (owner.type) {
    case "effect":
      return owner.returnsCleanup && cleanupsOf(owner.setup).some((cleanup) => containsNode(cleanup, release));
    case "class": {
      const phase = teardownClosure(owner.shape);
      return phase.some((fn) => containsNode(fn, release));
    }
    case "render":
      return false;
    case "component-callback":
      return containsNode(owner.fn, release);
    case "function":
      return containsNode(owner.fn, release);
    case "module":
      return true;
  }
}

function containsNode(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end && inner.getSourceFile() === outer.getSourceFile();
}

/** Inside a function passed to `onUnmounted`, `onCleanup`, `onDestroy`, ..., or in a `finally` block. */
function inCleanupRegistration(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (TS.isTryStatement(current) && current.finallyBlock && containsNode(current.finallyBlock, node)) return true;
    if (isFunctionLike(current)) {
      const { parent } = outerParent(current);
      if (parent && TS.isCallExpression(parent)) {
        const name = calleeName(parent);
        if (name && CLEANUP_REGISTRARS.has(name)) return true;
      }
    }
  }
  return false;
}

/** The functions an effect setup returns as its cleanup. */
function cleanupsOf(setup: FunctionLike): ts.Node[] {
  const cleanups: ts.Node[] = [];
  for (const value of returnedValues(setup)) {
    const inner = unwrap(value);
    if (isFunctionLike(inner)) cleanups.push(inner);
    else if (TS.isIdentifier(inner) && setup.body && TS.isBlock(setup.body)) {
      for (const statement of setup.body.statements) {
        if (TS.isFunctionDeclaration(statement) && statement.name?.text === inner.text) cleanups.push(statement);
        if (TS.isVariableStatement(statement)) {
          for (const declaration of statement.declarationList.declarations) {
            if (TS.isIdentifier(declaration.name) && declaration.name.text === inner.text && declaration.initializer) {
              cleanups.push(declaration.initializer);
            }
          }
        }
      }
      // `return off` where `off` is the handle itself: the handle is its own cleanup.
      cleanups.push(inner);
    } else {
      cleanups.push(inner);
    }
  }
  return cleanups;
}

const teardownClosures = new WeakMap<ClassShape, FunctionLike[]>();

/** The teardown methods and every method they call on `this`, transitively. */
export function teardownClosure(shape: ClassShape): FunctionLike[] {
  const cached = teardownClosures.get(shape);
  if (cached) return cached;
  const result: FunctionLike[] = [];
  const seen = new Set<string>();
  const queue = [...shape.teardown];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const fn = shape.methods.get(name);
    if (!fn?.body) continue;
    result.push(fn);
    const visit = (node: ts.Node): void => {
      if (TS.isCallExpression(node)) {
        const callee = unwrap(node.expression);
        if ((TS.isPropertyAccessExpression(callee) || TS.isElementAccessExpression(callee)) && unwrap(callee.expression).kind === TS.SyntaxKind.ThisKeyword) {
          const method = accessName(callee);
          if (method && shape.methods.has(method)) queue.push(method);
        }
      }
      TS.forEachChild(node, visit);
    };
    visit(fn.body);
  }
  teardownClosures.set(shape, result);
  return result;
}
