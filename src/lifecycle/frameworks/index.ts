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
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import {
  type FunctionNode,
  type Node,
  functionName,
  isFunction,
  isPascalCase,
  memberName,
  returnedValues,
  unwrap,
} from "../../ast/index.js";
import { type RefResolver, moduleBinding } from "../../analysis/refs.js";
import { walk } from "../../analysis/walk.js";
import { ANGULAR } from "./angular.js";
import { SOLID } from "./solid.js";
import { SVELTE, isSvelteModuleScript } from "./svelte.js";
import type { CallbackHook, FrameworkSpec } from "./spec.js";
import { VUE } from "./vue.js";
import { VUE_OPTIONS_SETUPS, VUE_OPTIONS_TEARDOWNS, vueOptionsMethod, vueOptionsOf } from "./vue-options.js";

export const FRAMEWORKS: readonly FrameworkSpec[] = [VUE, SVELTE, SOLID, ANGULAR];

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

  constructor(
    private readonly refs: RefResolver,
    private readonly sourceCode: Readonly<TSESLint.SourceCode> | undefined,
    private readonly resolveFunction: (node: Node) => FunctionNode | undefined,
    private readonly reactish: WeakSet<FunctionNode>,
  ) {}

  /** The framework effect `fn` is the setup of, if any. */
  effectOf(fn: FunctionNode): FrameworkEffect | undefined {
    return this.callbackEffect(fn) ?? this.optionsEffect(fn) ?? this.scopeEffect(fn);
  }

  /**
   * For code outside any owner function: the `<script setup>` of a .vue file or the
   * instance `<script>` of a .svelte file is itself a setup.
   */
  scriptEffect(node: Node): FrameworkEffect | undefined {
    for (let current: Node | undefined = node.parent; current; current = current.parent) {
      if ((current.type as string) === "SvelteScriptElement") {
        if (isSvelteModuleScript(current)) return undefined;
        return this.setupEffect(current as unknown as FunctionNode, SVELTE, "<script>", "this component's `<script>`");
      }
      if (current.type === T.Program) {
        const range = this.scriptSetup();
        if (!range || node.range[0] < range[0] || node.range[1] > range[1]) return undefined;
        return this.setupEffect(current as unknown as FunctionNode, VUE, "<script setup>", "`<script setup>`");
      }
    }
    return undefined;
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
      if (hook.returns) {
        for (const value of returnedValues(fn)) if (!isNullish(value)) add(value);
      }
      if (hook.cleanupParam !== undefined) this.paramCleanups(fn, hook.cleanupParam).forEach(add);
      if (spec.innerCleanups.size > 0) {
        for (const registration of this.directCalls(fn, (m) => m.spec === spec && spec.innerCleanups.has(m.name))) {
          add(registration.arguments[0]);
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
      returnsCleanup: matches.some((match) => match.hook.returns),
    };
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
    const [call] = this.directCalls(
      fn,
      (m) => m.spec !== ANGULAR && (m.spec.scopeCleanups.has(m.name) || (m.spec.callbacks[m.name]?.scope ?? false)),
      1,
    );
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
      if (this.recognise(node.callee).some((m) => m.spec.scopeCleanups.has(m.name))) {
        const arg = node.arguments[0];
        const fn = arg ? this.resolveFunction(arg) : undefined;
        if (fn) result.cleanups.push(fn);
        else if (arg) result.unknown = true;
      }
      return true;
    });
    return result;
  }

  /** Calls made directly in `fn`'s body (not in nested functions) that match `test`. */
  private directCalls(fn: FunctionNode, test: (match: Match) => boolean, limit = Infinity): TSESTree.CallExpression[] {
    const found: TSESTree.CallExpression[] = [];
    const keys = this.sourceCode?.visitorKeys;
    if (!keys) return found;
    walk(fn.body, keys, (node) => {
      if (found.length >= limit || isFunction(node)) return false;
      if (node.type === T.CallExpression && this.recognise(node.callee).some(test)) found.push(node);
      return true;
    });
    return found;
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
