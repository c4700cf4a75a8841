/**
 * Vue Options API shape, decided from the syntax alone (no scope information), so the
 * reference resolver can give every method of one component the same `this`.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type FunctionNode, type Node, keyName, unwrap } from "../../ast/index.js";

/** Options methods that start work for the component (run once per instance). */
export const VUE_OPTIONS_SETUPS: ReadonlySet<string> = new Set(["created", "beforeMount", "mounted", "activated"]);
/** Options methods that end the component's life (Vue 3 names and their Vue 2 forms). */
export const VUE_OPTIONS_TEARDOWNS: readonly string[] = ["beforeUnmount", "unmounted", "beforeDestroy", "destroyed"];
/** Sub-objects whose methods see the component instance as `this`. */
const INSTANCE_GROUPS: ReadonlySet<string> = new Set(["methods", "computed", "watch"]);
/** Calls that take a component's options object. */
const OPTIONS_CALLEES: ReadonlySet<string> = new Set(["defineComponent", "defineNuxtComponent", "createApp", "extend", "component"]);
/** Keys that mark a default-exported object as a component's options. */
const OPTIONS_KEYS: ReadonlySet<string> = new Set([
  "setup",
  "data",
  "methods",
  "template",
  "render",
  ...VUE_OPTIONS_SETUPS,
  ...VUE_OPTIONS_TEARDOWNS,
]);

export function propertyName(property: TSESTree.ObjectLiteralElement): string | undefined {
  return property.type === T.Property ? keyName(property.key, property.computed) : undefined;
}

/** Whether an object literal is a Vue component's options: `defineComponent({...})`, `export default {...}`. */
export function isVueOptionsObject(object: TSESTree.ObjectExpression): boolean {
  let holder: Node | undefined = object.parent;
  while (holder && (holder.type === T.TSAsExpression || holder.type === T.TSSatisfiesExpression)) holder = holder.parent;
  if (holder?.type === T.CallExpression && holder.arguments.includes(object)) {
    const callee = unwrap(holder.callee);
    const name =
      callee.type === T.Identifier
        ? callee.name
        : callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier
          ? callee.property.name
          : undefined;
    if (name === "defineComponent" || name === "defineNuxtComponent") return true;
    // `createApp({...})`, `Vue.extend({...})`, `app.component("x", {...})`: only with a lifecycle key.
    if (!name || !OPTIONS_CALLEES.has(name)) return false;
  } else if (holder?.type !== T.ExportDefaultDeclaration || !vueModule(holder.parent)) {
    // A bare `export default { setup() {} }` is a Vue component only in a .vue file or a
    // module that uses Vue; elsewhere it is just an object (a test harness, a plugin).
    return false;
  }
  return object.properties.some((property) => {
    const name = propertyName(property);
    return !!name && OPTIONS_KEYS.has(name) && name !== "data" && name !== "template" && name !== "render";
  });
}

/**
 * The component options object whose instance is `this` inside `fn`: `fn` is a method of
 * the options (`mounted() {}`) or of one of its `methods` / `computed` / `watch` groups.
 */
export function vueOptionsOf(fn: FunctionNode): TSESTree.ObjectExpression | undefined {
  if (fn.type === T.ArrowFunctionExpression) return undefined;
  const property = fn.parent;
  if (property?.type !== T.Property || property.value !== fn) return undefined;
  const object = property.parent;
  if (object?.type !== T.ObjectExpression) return undefined;
  if (isVueOptionsObject(object)) return object;
  const group = object.parent;
  if (group?.type !== T.Property || group.value !== object) return undefined;
  const name = keyName(group.key, group.computed);
  const outer = group.parent;
  if (!name || !INSTANCE_GROUPS.has(name) || outer?.type !== T.ObjectExpression) return undefined;
  return isVueOptionsObject(outer) ? outer : undefined;
}

/** A method of the options or of its `methods` group, by name. */
export function vueOptionsMethod(options: TSESTree.ObjectExpression, name: string): FunctionNode | undefined {
  for (const property of options.properties) {
    if (property.type !== T.Property) continue;
    const key = keyName(property.key, property.computed);
    const value = unwrap(property.value);
    if (key === name && isFunctionLike(value)) return value;
    if (key === "methods" && value.type === T.ObjectExpression) {
      for (const method of value.properties) {
        if (method.type !== T.Property) continue;
        const inner = unwrap(method.value);
        if (keyName(method.key, method.computed) === name && isFunctionLike(inner)) return inner;
      }
    }
  }
  return undefined;
}

function isFunctionLike(node: Node): node is FunctionNode {
  return node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression;
}

/** A .vue file (vue-eslint-parser gives its Program a `templateBody`) or a module importing Vue or Nuxt. */
function vueModule(program: Node | undefined): boolean {
  if (program?.type !== T.Program) return false;
  if ("templateBody" in program) return true;
  return program.body.some(
    (statement) =>
      statement.type === T.ImportDeclaration && /^(vue|@vue\/|nuxt|#app|#imports|vue-router|pinia)/.test(String(statement.source.value)),
  );
}
