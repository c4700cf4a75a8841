/**
 * Framework lifecycles as effect owners. Most frameworks have "a setup with registered
 * cleanups": a callback (`onMounted(fn)`, `createEffect(fn)`, `$effect(fn)`) or a setup
 * scope (`setup()`, `<script setup>`, a Svelte instance script, a Solid component) whose
 * release region is the functions registered with the framework's cleanup hooks. Each
 * framework contributes data (spec.ts); this file turns it into `effect` owners.
 *
 * Hooks are recognised by import source, and by name only when the name is not bound in
 * the file at all (auto-imports in SFCs); a local function of the same name never counts.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import {
  type FunctionNode,
  type Node,
  calleeOf,
  functionBinding,
  functionName,
  isFunction,
  isHookName,
  isPascalCase,
  memberName,
  returnedValues,
  unwrap,
} from "../../ast/index.js";
import { type Scopes, moduleBinding, stripNodePrefix } from "../../ast/scope.js";
import { walk } from "../../ast/walk.js";
import { ByFunction, forEachNodeOf, indexedType, ownNodesOf, someNodeOf } from "../../ast/node-index.js";
import { nearestAncestor } from "../../ast/ancestors.js";
import { DEFERRED_CALLBACK_CALLEES, LIT_ELEMENT_DECORATORS, LIT_MODULES } from "../tables.js";
import { ANGULAR, ANGULAR_ELEMENT_REF, ANGULAR_VIEW_QUERY_DECORATORS, ANGULAR_VIEW_QUERY_SIGNALS } from "./angular.js";
import { SOLID } from "./solid.js";
import {
  SVELTE,
  SVELTE_ACTION_CLEANUP,
  SVELTE_ACTION_END,
  SVELTE_ACTION_USE,
  SVELTE_ATTACHMENT,
  isSvelteModuleScript,
} from "./svelte.js";
import type { CallbackHook, FrameworkSpec } from "./spec.js";
import { VUE, VUE_SCOPE_RUNNERS, VUE_WATCHERS } from "./vue.js";
import { VUE_OPTIONS_SETUPS, VUE_OPTIONS_TEARDOWNS, vueOptionsMethod, vueOptionsOf } from "./vue-options.js";

/** The node types the recogniser reads from the node index. */
const CALL = indexedType(T.CallExpression);
const IMPORT = indexedType(T.ImportDeclaration);

export const FRAMEWORKS: readonly FrameworkSpec[] = [VUE, SVELTE, SOLID, ANGULAR];

/** Every name a framework gives a hook, a cleanup hook or an element ref. */
const KNOWN_NAMES: ReadonlySet<string> = new Set(
  FRAMEWORKS.flatMap((spec) => [...Object.keys(spec.callbacks), ...spec.scopeCleanups, ...spec.innerCleanups, ...spec.elementRefs]),
);

/** Every framework's modules. */
const FRAMEWORK_MODULES: ReadonlySet<string> = new Set(FRAMEWORKS.flatMap((spec) => [...spec.modules]));

/** What the framework owners add to the `effect` owner. */
export interface FrameworkEffect {
  /** The setup: a callback or setup function; for a `<script setup>` or Svelte instance script, that script's node. */
  setup: FunctionNode;
  hook: string;
  label: string | undefined;
  end: string;
  cleanups: FunctionNode[];
  cleanupUnknown: boolean;
  /** Whether a cleanup can be added by returning it from the setup (React, Svelte `onMount`). */
  returnsCleanup: boolean;
}

interface Match {
  spec: FrameworkSpec;
  name: string;
}

export class Frameworks {
  private readonly scopeCache = new WeakMap<Node, { cleanups: FunctionNode[]; unknown: boolean }>();
  private readonly directCache = new WeakMap<FunctionNode, FrameworkSpec | null>();
  private scriptSetupRange: [number, number] | null | undefined;
  private solidFile: boolean | undefined;
  private readonly awaitCache = new WeakMap<FunctionNode, number>();
  private svelteUses: { actions: Set<string>; attachments: Set<string> } | undefined;
  /** Calls `recognise` may match, by enclosing function (null: any call may; see `hookCandidates`). */
  private candidates: ByFunction | null | undefined;

  constructor(
    private readonly refs: Scopes,
    private readonly sourceCode: Readonly<TSESLint.SourceCode> | undefined,
    private readonly resolveFunction: (node: Node) => FunctionNode | undefined,
    private readonly reactish: WeakSet<FunctionNode>,
  ) {}

  /** The framework effect `fn` is the setup of, if any. */
  effectOf(fn: FunctionNode): FrameworkEffect | undefined {
    return this.callbackEffect(fn) ?? this.optionsEffect(fn) ?? this.actionEffect(fn) ?? this.scopeEffect(fn);
  }

  /**
   * A Vue watcher (`watch`, `watchEffect`, ...) started where no component is current, so
   * Vue never stops it: after an `await` in an async function, or in a callback that runs
   * later (`setTimeout`, `.then`, `addEventListener`, `nextTick`), inside a component's setup,
   * lifecycle hook or composable. Top-level `await`s of `<script setup>` do not count (the
   * compiler restores the instance after them).
   */
  detachedWatcher(call: TSESTree.CallExpression): boolean {
    // Asked of every bare call in the file: the name decides first, the import after.
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier || !VUE_WATCHERS.has(callee.name)) return false;
    if (!this.recognise(callee).some((m) => m.spec === VUE && VUE_WATCHERS.has(m.name))) return false;
    let detached = false;
    for (let current: Node | undefined = call.parent; current; current = current.parent) {
      if (current.type === T.Program) {
        const range = this.scriptSetup();
        return detached && !!range && call.range[0] >= range[0] && call.range[1] <= range[1];
      }
      if (!isFunction(current)) continue;
      const parent: Node | undefined = current.parent;
      // `scope.run(() => watch(...))`: an effect scope owns it.
      if (parent?.type === T.CallExpression && parent.callee !== current && VUE_SCOPE_RUNNERS.has(calleeOf(parent).name ?? "")) return false;
      if (this.awaitedBefore(current, call)) detached = true;
      if (this.isDeferredCallback(current)) detached = true;
      if (this.isVueContext(current)) return detached;
    }
    return false;
  }

  /**
   * For code outside any owner function: the `<script setup>` of a .vue file or the
   * instance `<script>` of a .svelte file is itself a setup.
   */
  scriptEffect(node: Node): FrameworkEffect | undefined {
    const current = scriptOrProgram(node);
    if (!current) return undefined;
    if ((current.type as string) === "SvelteScriptElement") {
      if (isSvelteModuleScript(current)) return undefined;
      return this.setupEffect(current as unknown as FunctionNode, SVELTE, "<script>", "this component's `<script>`");
    }
    const range = this.scriptSetup();
    if (!range || node.range[0] < range[0] || node.range[1] > range[1]) return undefined;
    return this.setupEffect(current as unknown as FunctionNode, VUE, "<script setup>", "`<script setup>`");
  }

  /** `this.name` inside a Vue options component: its method of that name. */
  thisMethod(member: TSESTree.MemberExpression): FunctionNode | undefined {
    const name = memberName(member);
    if (!name) return undefined;
    for (let current: Node | undefined = member.parent; current; current = current.parent) {
      if (isFunction(current) && current.type !== T.ArrowFunctionExpression) {
        const options = vueOptionsOf(current);
        return options ? vueOptionsMethod(options, name) : undefined;
      }
    }
    return undefined;
  }

  /**
   * Whether `target` is one of the component's own template elements: `el.value` of a
   * `useTemplateRef()` / a `ref()` the template binds with `ref="el"`, `this.$refs.x`,
   * `this.$el`, a Svelte `bind:this={el}` or a Solid `ref={el}` variable.
   */
  isOwnElement(target: Node): boolean {
    const inner = unwrap(target);
    if (this.classElement(inner, 0)) return true;
    if (inner.type === T.MemberExpression) {
      const object = unwrap(inner.object);
      const name = memberName(inner);
      if (object.type === T.ThisExpression) return name === "$el";
      if (object.type === T.MemberExpression && unwrap(object.object).type === T.ThisExpression && memberName(object) === "$refs") {
        return true;
      }
      if (name !== "value" || object.type !== T.Identifier) return false;
      const def = this.refs.variable(object)?.defs[0];
      if (def?.type !== "Variable" || !def.node.init || unwrap(def.node.init).type !== T.CallExpression) return false;
      const init = unwrap(def.node.init) as TSESTree.CallExpression;
      const match = this.recognise(init.callee).find((m) => m.spec.elementRefs.has(m.name));
      if (!match) return false;
      if (match.name === "useTemplateRef") return true;
      return this.templateRefs().stringRefs.has(object.name);
    }
    if (inner.type !== T.Identifier) return false;
    return this.templateRefs().boundRefs.has(inner.name);
  }

  /**
   * Own elements seen from a class: Lit `@query` / `@queryAll` / `@queryAssignedElements`
   * fields (and `await this.x` of `@queryAsync`), a getter returning a lookup in the element's
   * own tree, and Angular's injected `ElementRef` (the host), `@ViewChild` / `@ViewChildren`
   * fields and `viewChild()` / `viewChildren()` signals (its template), with their `nativeElement`.
   * A local or field that just holds one of these (`const host = inject(ElementRef).nativeElement`)
   * is one too.
   */
  private classElement(node: Node, depth: number): boolean {
    if (depth > 4) return false;
    const inner = unwrap(node);
    switch (inner.type) {
      case T.AwaitExpression:
        return this.classElement(inner.argument, depth + 1);
      case T.MemberExpression: {
        if (memberName(inner) === "nativeElement") return this.classElement(inner.object, depth + 1);
        if (unwrap(inner.object).type !== T.ThisExpression) return false;
        const member = this.thisMember(inner);
        if (!member) return false;
        if (member.type === T.TSParameterProperty) return this.isAngularElementRefType(member.parameter);
        if (member.type === T.MethodDefinition) {
          const returned = member.kind === "get" && isFunction(member.value) ? returnedValues(member.value) : [];
          return returned.length > 0 && returned.every((value) => this.ownLookup(value, depth + 1));
        }
        if ((member.decorators ?? []).some((decorator) => this.isElementDecorator(decorator))) return true;
        return !!member.value && this.classElement(member.value, depth + 1);
      }
      case T.CallExpression: {
        const callee = unwrap(inner.callee);
        // `inject(ElementRef)`: the host element's ref.
        if (callee.type === T.Identifier && this.importedFrom(callee, ANGULAR.modules) === "inject") {
          const arg = inner.arguments[0] ? unwrap(inner.arguments[0]) : undefined;
          return arg?.type === T.Identifier && this.importedFrom(arg, ANGULAR.modules) === ANGULAR_ELEMENT_REF;
        }
        // `this.canvas()` for `canvas = viewChild("canvas")`.
        if (callee.type !== T.MemberExpression || unwrap(callee.object).type !== T.ThisExpression || inner.arguments.length > 0) return false;
        const member = this.thisMember(callee);
        const init = member?.type === T.PropertyDefinition && member.value ? unwrap(member.value) : undefined;
        if (init?.type !== T.CallExpression) return false;
        let query = unwrap(init.callee);
        // `viewChild.required(...)`
        if (query.type === T.MemberExpression && memberName(query) === "required") query = unwrap(query.object);
        return query.type === T.Identifier && ANGULAR_VIEW_QUERY_SIGNALS.has(this.importedFrom(query, ANGULAR.modules) ?? "");
      }
      case T.Identifier: {
        const variable = this.refs.variable(inner);
        const def = variable?.defs[0];
        if (!variable || !def) return false;
        // `constructor(el: ElementRef)` without a modifier: still the injected host ref (a method's parameter is not).
        if (def.type === "Parameter") {
          const constructor = def.node.parent?.type === T.MethodDefinition && def.node.parent.kind === "constructor";
          return constructor && def.name.type === T.Identifier && this.isAngularElementRefType(def.name);
        }
        if (def.type !== "Variable" || def.node.id !== def.name || !def.node.init) return false;
        if (this.refs.reassigned(variable)) return false;
        return this.classElement(def.node.init, depth + 1);
      }
      default:
        return false;
    }
  }

  /** `this.renderRoot.querySelector("#x")`, `this.shadowRoot?.getElementById("x") ?? null`: a lookup in the element's own tree. */
  private ownLookup(node: Node, depth: number): boolean {
    let inner = unwrap(node);
    if (inner.type === T.LogicalExpression && isNullish(inner.right)) inner = unwrap(inner.left);
    if (inner.type !== T.CallExpression) return this.classElement(inner, depth);
    const callee = unwrap(inner.callee);
    if (callee.type !== T.MemberExpression || !OWN_TREE_LOOKUPS.has(memberName(callee) ?? "")) return false;
    const root = unwrap(callee.object);
    if (root.type === T.ThisExpression) return true;
    if (root.type === T.MemberExpression && unwrap(root.object).type === T.ThisExpression) {
      const name = memberName(root);
      if (name === "renderRoot" || name === "shadowRoot") return true;
    }
    return this.classElement(root, depth + 1);
  }

  /** The member of the enclosing class that `this.name` denotes (field, accessor, method, constructor parameter property). */
  private thisMember(
    member: TSESTree.MemberExpression,
  ): TSESTree.PropertyDefinition | TSESTree.AccessorProperty | TSESTree.MethodDefinition | TSESTree.TSParameterProperty | undefined {
    const name = memberName(member);
    if (!name) return undefined;
    let cls: Node | undefined = member.parent;
    while (cls && cls.type !== T.ClassBody) cls = cls.parent;
    if (!cls) return undefined;
    for (const element of cls.body) {
      if (element.type === T.PropertyDefinition || element.type === T.AccessorProperty || element.type === T.MethodDefinition) {
        if (element.computed || element.key.type !== T.Identifier || element.key.name !== name) continue;
        if (element.type === T.MethodDefinition && element.kind === "constructor") continue;
        return element;
      }
    }
    const constructor = cls.body.find(
      (element): element is TSESTree.MethodDefinition => element.type === T.MethodDefinition && element.kind === "constructor",
    );
    return constructor?.value.params.find(
      (param): param is TSESTree.TSParameterProperty =>
        param.type === T.TSParameterProperty && param.parameter.type === T.Identifier && param.parameter.name === name,
    );
  }

  /** `@query("#btn")` (Lit), `@ViewChild("canvas")` (Angular). */
  private isElementDecorator(decorator: TSESTree.Decorator): boolean {
    const expression = unwrap(decorator.expression);
    const callee = expression.type === T.CallExpression ? unwrap(expression.callee) : expression;
    if (callee.type !== T.Identifier) return false;
    const binding = moduleBinding(this.refs, callee);
    if (!binding) return false;
    if (LIT_MODULES.test(binding.module)) return LIT_ELEMENT_DECORATORS.has(binding.imported);
    return ANGULAR.modules.has(binding.module) && ANGULAR_VIEW_QUERY_DECORATORS.has(binding.imported);
  }

  /** A parameter declared `: ElementRef` / `: ElementRef<HTMLElement>` with Angular's `ElementRef`. */
  private isAngularElementRefType(param: TSESTree.Parameter | TSESTree.BindingName): boolean {
    if (param.type !== T.Identifier) return false;
    const type = param.typeAnnotation?.typeAnnotation;
    if (type?.type !== T.TSTypeReference || type.typeName.type !== T.Identifier) return false;
    return this.importedFrom(type.typeName, ANGULAR.modules) === ANGULAR_ELEMENT_REF;
  }

  /** The name `id` is imported as, when it comes from one of `modules`. */
  private importedFrom(id: TSESTree.Identifier, modules: ReadonlySet<string>): string | undefined {
    const binding = moduleBinding(this.refs, id);
    return binding && modules.has(binding.module) ? binding.imported : undefined;
  }

  private refsCache: { stringRefs: Set<string>; boundRefs: Set<string> } | undefined;

  /**
   * Names the file's template binds to elements — `ref="x"` (Vue), `bind:this={x}` (Svelte),
   * `ref={x}` (JSX) — read once per file rather than once per listener.
   */
  private templateRefs(): { stringRefs: Set<string>; boundRefs: Set<string> } {
    if (this.refsCache) return this.refsCache;
    const text = this.sourceCode?.text ?? "";
    const stringRefs = new Set<string>();
    const boundRefs = new Set<string>();
    for (const match of text.matchAll(/\bref=["']([\w$]+)["']/g)) stringRefs.add(match[1]!);
    for (const match of text.matchAll(/(?:bind:this|\bref)=\{\s*([\w$]+)\s*\}/g)) boundRefs.add(match[1]!);
    this.refsCache = { stringRefs, boundRefs };
    return this.refsCache;
  }

  // ---------------------------------------------------------------------------

  /** `onMounted(() => ...)`, `createEffect(() => ...)`, `$effect(() => ...)`, `watch(src, (v, o, onCleanup) => ...)`. */
  private callbackEffect(fn: FunctionNode): FrameworkEffect | undefined {
    const call = fn.parent;
    if (call?.type !== T.CallExpression || call.callee === fn) return undefined;
    const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    const matches = this.recognise(call.callee).flatMap((match) => {
      const hook = match.spec.callbacks[match.name];
      return hook && hook.arg === index ? [{ ...match, hook }] : [];
    });
    const first = matches[0];
    if (!first) return undefined;
    const cleanups: FunctionNode[] = [];
    let unknown = false;
    const add = (value: Node | undefined): void => {
      if (!value) return;
      const resolved = this.resolveFunction(value);
      if (resolved) cleanups.push(resolved);
      else if (value.type !== T.SpreadElement) unknown = true;
    };
    for (const { spec, hook } of matches) {
      // An async callback returns a promise: the framework never sees the function it resolves to.
      if (hook.returns && !fn.async) {
        for (const value of returnedValues(fn)) if (!isNullish(value)) add(value);
      }
      if (hook.cleanupParam !== undefined) this.paramCleanups(fn, hook.cleanupParam).forEach(add);
      if (spec.innerCleanups.size > 0) {
        for (const registration of this.directCalls(fn, (m) => m.spec === spec && spec.innerCleanups.has(m.name))) {
          // After an `await` the framework no longer knows whose cleanup it is.
          if (!this.awaitedBefore(fn, registration)) add(registration.arguments[0]);
        }
      }
      if (hook.scope) {
        const scope = this.scopeOf(call);
        const found = this.scopeCleanups(scope);
        cleanups.push(...found.cleanups);
        unknown ||= found.unknown;
      }
    }
    return {
      setup: fn,
      hook: first.name,
      label: undefined,
      end: first.hook.end,
      cleanups: [...new Set(cleanups)],
      cleanupUnknown: unknown,
      returnsCleanup: !fn.async && matches.some((match) => match.hook.returns),
    };
  }

  /**
   * Svelte actions and attachments of this file: `function tooltip(node) { ...; return { destroy() {...} } }`
   * used as `use:tooltip`, `function autofocus(node) { ...; return () => ... }` used as `{@attach autofocus}`.
   * Each runs once per element and releases in what it returns, not in the component's `onDestroy`.
   */
  private actionEffect(fn: FunctionNode): FrameworkEffect | undefined {
    const uses = this.svelteTemplateUses();
    if (uses.actions.size === 0 && uses.attachments.size === 0) return undefined;
    const name = functionBinding(fn)?.name;
    if (!name || !this.inSvelteScript(fn)) return undefined;
    const action = uses.actions.has(name);
    if (!action && !uses.attachments.has(name)) return undefined;
    const cleanups: FunctionNode[] = [];
    let unknown = false;
    for (const value of fn.async ? [] : returnedValues(fn)) {
      if (isNullish(value)) continue;
      const inner = unwrap(value);
      if (action && inner.type === T.ObjectExpression) {
        for (const property of inner.properties) {
          if (property.type === T.SpreadElement) unknown = true;
          if (property.type !== T.Property || memberKey(property) !== SVELTE_ACTION_CLEANUP) continue;
          const cleanup = this.resolveFunction(property.value);
          if (cleanup) cleanups.push(cleanup);
          else unknown = true;
        }
        continue;
      }
      const cleanup = action ? undefined : this.resolveFunction(value);
      if (cleanup) cleanups.push(cleanup);
      else unknown = true;
    }
    return {
      setup: fn,
      hook: name,
      label: `the ${action ? "action" : "attachment"} \`${name}\``,
      end: SVELTE_ACTION_END,
      cleanups,
      cleanupUnknown: unknown,
      returnsCleanup: !action && !fn.async,
    };
  }

  private inSvelteScript(node: Node): boolean {
    for (let current: Node | undefined = node.parent; current; current = current.parent) {
      if ((current.type as string) === "SvelteScriptElement") return true;
    }
    return false;
  }

  private svelteTemplateUses(): { actions: Set<string>; attachments: Set<string> } {
    if (this.svelteUses) return this.svelteUses;
    const text = this.sourceCode?.text ?? "";
    const actions = new Set<string>();
    const attachments = new Set<string>();
    for (const match of text.matchAll(SVELTE_ACTION_USE)) actions.add(match[1]!);
    for (const match of text.matchAll(SVELTE_ATTACHMENT)) attachments.add(match[1]!);
    this.svelteUses = { actions, attachments };
    return this.svelteUses;
  }

  /** Options API: `mounted() { this.t = setInterval(...) }` released in `beforeUnmount()` / `unmounted()`. */
  private optionsEffect(fn: FunctionNode): FrameworkEffect | undefined {
    const options = vueOptionsOf(fn);
    if (!options) return undefined;
    const property = fn.parent as TSESTree.Property;
    const name = property.key.type === T.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
    if (VUE_OPTIONS_TEARDOWNS.includes(name)) return undefined;
    if (name === "setup" && property.parent === options) return this.setupEffect(fn, VUE, "setup", "this component's `setup()`");
    const cleanups = VUE_OPTIONS_TEARDOWNS.flatMap((teardown) => {
      const method = vueOptionsMethod(options, teardown);
      return method ? [method] : [];
    });
    return {
      setup: fn,
      hook: name,
      label: VUE_OPTIONS_SETUPS.has(name) ? `this component's \`${name}()\`` : `method \`${name}()\` of this component`,
      end: VUE.end,
      cleanups,
      cleanupUnknown: false,
      returnsCleanup: false,
    };
  }

  /** A function that calls a framework's lifecycle hooks itself (a composable, a Solid component) is a setup. */
  private scopeEffect(fn: FunctionNode): FrameworkEffect | undefined {
    // A `setTimeout` / `.then` / event callback runs when no component is current: not a setup.
    if (this.isDeferredCallback(fn)) return undefined;
    let spec = this.directFramework(fn);
    if (!spec && this.isSolidComponent(fn)) spec = SOLID;
    if (!spec) return undefined;
    const name = functionName(fn);
    return this.setupEffect(fn, spec, name ?? "setup", name ? `\`${name}\`` : undefined);
  }

  private setupEffect(setup: FunctionNode, spec: FrameworkSpec, hook: string, label: string | undefined): FrameworkEffect {
    const { cleanups, unknown } = this.scopeCleanups(setup);
    return { setup, hook, label, end: spec.end, cleanups, cleanupUnknown: unknown, returnsCleanup: false };
  }

  /** The framework whose scope hooks `fn` calls directly (Angular's `effect` does not make a setup). */
  private directFramework(fn: FunctionNode): FrameworkSpec | undefined {
    const cached = this.directCache.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    const calls = this.directCalls(
      fn,
      (m) => m.spec !== ANGULAR && (m.spec.scopeCleanups.has(m.name) || (m.spec.callbacks[m.name]?.scope ?? false)),
      fn.async ? Infinity : 1,
    );
    // Hooks called after an `await` attach to no component, unless the function is a composable by name.
    const call = calls.find((c) => !this.awaitedBefore(fn, c)) ?? (isHookName(functionName(fn)) ? calls[0] : undefined);
    const spec = call ? this.recognise(call.callee).find((m) => m.spec !== ANGULAR)?.spec : undefined;
    this.directCache.set(fn, spec ?? null);
    return spec;
  }

  private isSolidComponent(fn: FunctionNode): boolean {
    if (!this.reactish.has(fn) || !isPascalCase(functionName(fn))) return false;
    if (this.solidFile === undefined) {
      const program = this.sourceCode?.ast;
      this.solidFile = !!program?.body.some(
        (statement) => statement.type === T.ImportDeclaration && SOLID.modules.has(String(statement.source.value)),
      );
    }
    return this.solidFile;
  }

  /** The setup a hook call belongs to: its function (through transparent callbacks), or the script. */
  private scopeOf(call: Node): Node {
    for (let current: Node | undefined = call.parent; current; current = current.parent) {
      if (isFunction(current)) {
        if (this.isTransparent(current)) continue;
        return current;
      }
      if ((current.type as string) === "SvelteScriptElement" || current.type === T.Program) return current;
    }
    return call;
  }

  private isTransparent(fn: FunctionNode): boolean {
    const call = fn.parent;
    if (call?.type !== T.CallExpression || call.callee === fn) return false;
    return this.recognise(call.callee).some((m) => m.spec.callbacks[m.name]?.transparent === true);
  }

  /** Functions registered with scope cleanup hooks directly in `scope` (or in its transparent callbacks). */
  private scopeCleanups(scope: Node): { cleanups: FunctionNode[]; unknown: boolean } {
    const cached = this.scopeCache.get(scope);
    if (cached) return cached;
    const result = { cleanups: [] as FunctionNode[], unknown: false };
    this.scopeCache.set(scope, result);
    const keys = this.sourceCode?.visitorKeys;
    if (!keys) return result;
    const root = isFunction(scope) ? scope.body : scope;
    walk(root, keys, (node) => {
      if (isFunction(node) && !this.isTransparent(node)) return false;
      if (node.type !== T.CallExpression) return true;
      const matches = this.recognise(node.callee);
      if (matches.some((m) => m.spec.scopeCleanups.has(m.name)) && !this.awaitedBetween(node, scope)) {
        const arg = node.arguments[0];
        const fn = arg ? this.resolveFunction(arg) : undefined;
        if (fn) result.cleanups.push(fn);
        else if (arg) result.unknown = true;
      }
      // `onMount(() => { ...; return stop; })`: `stop` runs when the component is destroyed, like `onDestroy(stop)`.
      const returning = matches.find((m) => m.spec.callbacks[m.name]?.returnsToScope);
      const callback = returning && node.arguments[returning.spec.callbacks[returning.name]!.arg];
      if (callback && isFunction(callback) && !callback.async) {
        for (const value of returnedValues(callback)) {
          if (isNullish(value)) continue;
          const fn = this.resolveFunction(value);
          if (fn) result.cleanups.push(fn);
        }
      }
      return true;
    });
    return result;
  }

  /**
   * Whether `node` runs after an `await` of `fn` (not counting nested functions): the first
   * `await` (or `for await`) of an async function that ends before `node` starts. By then the
   * framework's current component is gone (Vue's instance, Svelte's context, Solid's owner).
   */
  private awaitedBefore(fn: FunctionNode, node: Node): boolean {
    if (!fn.async) return false;
    let first = this.awaitCache.get(fn);
    if (first === undefined) {
      first = Infinity;
      const keys = this.sourceCode?.visitorKeys;
      if (keys) {
        walk(fn.body, keys, (inner) => {
          if (isFunction(inner)) return false;
          if (inner.type === T.AwaitExpression) first = Math.min(first!, inner.range[1]);
          if (inner.type === T.ForOfStatement && inner.await) first = Math.min(first!, inner.right.range[1]);
          return true;
        });
      }
      this.awaitCache.set(fn, first);
    }
    return node.range[0] >= first;
  }

  /** Whether `node` runs after an `await` of any function between it and `scope` (`scope` included). */
  private awaitedBetween(node: Node, scope: Node): boolean {
    for (let current: Node | undefined = node.parent; current; current = current.parent) {
      if (isFunction(current) && this.awaitedBefore(current, node)) return true;
      if (current === scope) return false;
    }
    return false;
  }

  /** `setTimeout(fn)`, `promise.then(fn)`, `el.addEventListener("x", fn)`, `nextTick(fn)`: `fn` runs later. */
  private isDeferredCallback(fn: FunctionNode): boolean {
    const call = fn.parent;
    if (call?.type !== T.CallExpression || call.callee === fn) return false;
    const name = calleeOf(call).name;
    return !!name && DEFERRED_CALLBACK_CALLEES.has(name);
  }

  /** A Vue setup a watcher can belong to: an options method, a Vue hook callback, a composable. */
  private isVueContext(fn: FunctionNode): boolean {
    if (vueOptionsOf(fn)) return true;
    const call = fn.parent;
    if (call?.type === T.CallExpression && call.callee !== fn) {
      const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
      if (this.recognise(call.callee).some((m) => m.spec === VUE && m.spec.callbacks[m.name]?.arg === index)) return true;
    }
    return this.directFramework(fn) === VUE;
  }

  /** Calls made directly in `fn`'s body (not in nested functions) that match `test`. */
  private directCalls(fn: FunctionNode, test: (match: Match) => boolean, limit = Infinity): TSESTree.CallExpression[] {
    const found: TSESTree.CallExpression[] = [];
    if (!this.sourceCode) return found;
    for (const node of this.ownCandidates(fn)) {
      if (found.length >= limit) break;
      if (node.type === T.CallExpression && this.recognise(node.callee).some(test)) found.push(node);
    }
    return found;
  }

  /** The calls in `fn`'s own body (not in nested functions) that `recognise` may match. */
  private ownCandidates(fn: FunctionNode): readonly Node[] {
    if (!this.sourceCode) return [];
    if (this.candidates === undefined) this.candidates = this.hookCandidates(this.sourceCode);
    if (this.candidates === null) return ownNodesOf(this.sourceCode, CALL, fn);
    return this.candidates.own(fn);
  }

  /**
   * When no framework module is imported or required in the file, `recognise` can only match a
   * call by its name: an unbound identifier a framework knows, or a `$` rune. Those calls, by
   * enclosing function, are what `directCalls` needs to look at; otherwise (null) every call is.
   * Asked of every function of the file, reading each call's binding cost a lookup in tables as
   * large as the file per call, and grouping every call of the file by its function cost more
   * (issue 12 §2); the names decide first here, in one pass over the file's calls.
   */
  private hookCandidates(sourceCode: Readonly<TSESLint.SourceCode>): ByFunction | null {
    const imports = someNodeOf(sourceCode, IMPORT, (node) => {
      const source = (node as TSESTree.ImportDeclaration).source.value;
      return typeof source === "string" && FRAMEWORK_MODULES.has(stripNodePrefix(source));
    });
    if (imports) return null;
    const grouped = new ByFunction();
    let requires = false;
    forEachNodeOf(sourceCode, [CALL], (node) => {
      if (requires || node.type !== T.CallExpression) return;
      const callee = unwrap(node.callee);
      if (callee.type === T.Identifier) {
        if (callee.name === "require") {
          const [source] = node.arguments;
          if (source?.type === T.Literal && typeof source.value === "string") {
            requires = FRAMEWORK_MODULES.has(stripNodePrefix(source.value));
          }
          return;
        }
        if (!KNOWN_NAMES.has(callee.name)) return;
      } else if (callee.type === T.MemberExpression) {
        const object = unwrap(callee.object);
        if (object.type !== T.Identifier || !object.name.startsWith("$")) return;
      } else return;
      grouped.add(node);
    });
    return requires ? null : grouped;
  }

  /** `(onCleanup) => { onCleanup(fn) }`: the functions passed to the cleanup parameter. */
  private paramCleanups(fn: FunctionNode, index: number): Node[] {
    const param = fn.params[index];
    if (param?.type !== T.Identifier) return [];
    const variable = this.refs.variable(param);
    const out: Node[] = [];
    for (const reference of variable?.references ?? []) {
      const id: Node = reference.identifier;
      const call = id.parent;
      if (call?.type === T.CallExpression && call.callee === id && call.arguments[0]) out.push(call.arguments[0]);
    }
    return out;
  }

  /** Which framework hooks a callee denotes: by import, or by name when nothing in the file binds it. */
  private recognise(calleeNode: Node): Match[] {
    const callee = unwrap(calleeNode);
    if (callee.type === T.Identifier) {
      const variable = this.refs.variable(callee);
      if (!variable) {
        return FRAMEWORKS.flatMap((spec) => (knows(spec, callee.name) && !importOnly(spec, callee.name) ? [{ spec, name: callee.name }] : []));
      }
      const binding = moduleBinding(this.refs, callee);
      if (!binding) return [];
      return FRAMEWORKS.flatMap((spec) =>
        spec.modules.has(binding.module) && knows(spec, binding.imported) && !spec.callbacks[binding.imported]?.rune
          ? [{ spec, name: binding.imported }]
          : [],
      );
    }
    if (callee.type === T.MemberExpression) {
      const object = unwrap(callee.object);
      const name = memberName(callee);
      if (object.type !== T.Identifier || !name) return [];
      // `$effect.pre(fn)`: a rune, never bound in the file.
      if (object.name.startsWith("$") && !this.refs.variable(object)) {
        const rune = `${object.name}.${name}`;
        return FRAMEWORKS.flatMap((spec) => (spec.callbacks[rune]?.rune ? [{ spec, name: rune }] : []));
      }
      const binding = moduleBinding(this.refs, object);
      if (!binding || binding.imported !== "*") return [];
      return FRAMEWORKS.flatMap((spec) => (spec.modules.has(binding.module) && knows(spec, name) ? [{ spec, name }] : []));
    }
    return [];
  }

  private scriptSetup(): [number, number] | null {
    if (this.scriptSetupRange !== undefined) return this.scriptSetupRange;
    this.scriptSetupRange = null;
    const services = this.sourceCode?.parserServices as { getDocumentFragment?: () => unknown } | undefined;
    const fragment = services?.getDocumentFragment?.() as { children?: unknown[] } | null | undefined;
    for (const child of fragment?.children ?? []) {
      const element = child as { type?: string; name?: string; range?: [number, number]; startTag?: { attributes?: unknown[] } };
      if (element.type !== "VElement" || element.name !== "script" || !element.range) continue;
      const setup = (element.startTag?.attributes ?? []).some((attribute) => {
        const key = (attribute as { key?: { name?: unknown } }).key;
        return key?.name === "setup";
      });
      if (setup) this.scriptSetupRange = element.range;
    }
    return this.scriptSetupRange;
  }
}

function knows(spec: FrameworkSpec, name: string): boolean {
  return Object.hasOwn(spec.callbacks, name) || spec.scopeCleanups.has(name) || spec.innerCleanups.has(name) || spec.elementRefs.has(name);
}

function importOnly(spec: FrameworkSpec, name: string): boolean {
  const hook: CallbackHook | undefined = Object.hasOwn(spec.callbacks, name) ? spec.callbacks[name] : undefined;
  return hook?.importOnly === true;
}

function isNullish(node: Node): boolean {
  const inner = unwrap(node);
  return (
    (inner.type === T.Literal && (inner.value === null || inner.value === false)) ||
    (inner.type === T.Identifier && inner.name === "undefined") ||
    (inner.type === T.UnaryExpression && inner.operator === "void")
  );
}

function memberKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  return property.key.type === T.Identifier ? property.key.name : property.key.type === T.Literal ? String(property.key.value) : undefined;
}

/** Element lookups whose result lies in the tree of the object they are called on. */
/**
 * The Svelte `<script>` element or the Program around a node, memoised: asked for every
 * acquisition at a file's top level, however deep in blocks it sits.
 */
const scriptOrProgram = nearestAncestor((node) => (node.type as string) === "SvelteScriptElement" || node.type === T.Program);

const OWN_TREE_LOOKUPS: ReadonlySet<string> = new Set([
  "querySelector",
  "querySelectorAll",
  "getElementById",
  "getElementsByClassName",
  "getElementsByTagName",
]);
