/**
 * Reference keys: two expressions with the same key denote the same storage
 * location — the same variable (resolved through scope), the same `this.member`
 * of the same class, or the same static member path on either. Text alone never
 * decides a match.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { GLOBAL_HOSTS } from "../../resources/catalogue.js";
import { type FunctionNode, type Node, isClass, isFunction, memberName, unwrap } from "../../ast/index.js";
import { Scopes, type Variable } from "../../ast/scope.js";
import { type AncestorCache, type AncestorFold, foldAncestors } from "../../ast/ancestors.js";
import { vueOptionsOf } from "../../lifecycle/frameworks/vue-options.js";

export { type ModuleBinding, moduleBinding } from "../../ast/scope.js";

export class RefResolver extends Scopes {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  /** Ids of plain functions whose `this` a key was made for: whoever calls them decides it. */
  private readonly functionThis = new Set<number>();
  /** Per class: getters that only return another field (`get fork() { return this._fork }`). */
  private readonly getters = new WeakMap<object, Map<string, string>>();
  /** The parameter behind each `v<id>` key of a function parameter made so far. */
  private readonly parametersByKey = new Map<string, Variable>();

  /** A stable numeric id for any object (variables, nodes). */
  id(object: object): number {
    let id = this.ids.get(object);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(object, id);
    }
    return id;
  }

  /** Whether `node` is the global `name` or `window.name` / `globalThis.name` / `self.name`. */
  isGlobalPath(node: Node, name: string): boolean {
    const inner = unwrap(node);
    if (inner.type === T.Identifier) return inner.name === name && this.isGlobal(inner, name);
    if (inner.type === T.MemberExpression && memberName(inner) === name) {
      const object = unwrap(inner.object);
      return object.type === T.Identifier && GLOBAL_HOSTS.has(object.name) && this.isGlobal(object, object.name);
    }
    return false;
  }

  /**
   * The key of an expression, or undefined when it is not a stable location
   * (a call result, a computed member with a dynamic key, ...).
   */
  key(node: Node, depth = 0): string | undefined {
    if (depth !== 0) return this.computeKey(node, depth);
    // A global's key needs no table as large as the file (`window` at every acquisition).
    if (node.type === T.Identifier && this.knownGlobal(node.name)) return `g:${node.name}`;
    // Kept per node: every family asks the key of the same receivers and arguments, and each
    // answer costs several lookups in tables as large as the file (issue 12 §2).
    const known = this.keys.get(node);
    if (known !== undefined) return known ?? undefined;
    const key = this.computeKey(node, 0);
    this.keys.set(node, key ?? null);
    return key;
  }

  private readonly keys = new WeakMap<Node, string | null>();

  private computeKey(node: Node, depth: number): string | undefined {
    if (depth > 8) return undefined;
    const inner = unwrap(node);
    switch (inner.type) {
      case T.Identifier: {
        const variable = this.variable(inner);
        if (!variable) return `g:${inner.name}`;
        const aliasKey = this.aliasKey(variable, depth);
        if (aliasKey) return aliasKey;
        const key = `v${this.id(variable)}`;
        // Only parameters' keys are asked about later (`parameterOfKey`): the table stays as small
        // as the number of parameters used as keys, not of every variable.
        if (variable.defs[0]?.type === "Parameter") this.parametersByKey.set(key, variable);
        return key;
      }
      case T.ThisExpression: {
        const owner = thisOwner(inner);
        const id = this.id(owner);
        if (isFunction(owner)) this.functionThis.add(id);
        return `this${id}`;
      }
      case T.MemberExpression: {
        const name = this.propertyName(inner);
        if (name === undefined) return undefined;
        const objectKey = this.key(inner.object, depth + 1);
        if (objectKey === undefined) return undefined;
        // `window.document` and `document` are the same object.
        if (objectKey.startsWith("g:") && GLOBAL_HOSTS.has(objectKey.slice(2))) return `g:${name}`;
        // `this.fork` read through `get fork() { return this._fork; }` is `this._fork`.
        const stored = unwrap(inner.object).type === T.ThisExpression ? this.getterField(inner, name) : undefined;
        if (stored !== undefined) return `${objectKey}.${stored}`;
        return `${objectKey}.${name}`;
      }
      default:
        return undefined;
    }
  }

  /**
   * The property a member expression names, as a key part: its name, or for
   * `this[listener]` with `const listener = Symbol("listener")` (or any `const`) the constant's
   * binding — the same property wherever the constant is used.
   */
  propertyName(member: TSESTree.MemberExpression): string | undefined {
    const name = memberName(member);
    if (name !== undefined || !member.computed) return name;
    const property = unwrap(member.property);
    if (property.type !== T.Identifier) return undefined;
    const variable = this.variable(property);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== "Variable" || def.parent?.type !== T.VariableDeclaration || def.parent.kind !== "const") return undefined;
    // `for (const n in table)` binds a new value on every iteration: no one property.
    if (!def.node.init) return undefined;
    return `[${this.id(variable)}]`;
  }

  /**
   * For `this.name` in a class whose `get name()` only returns another field of `this`
   * (`return this._name`), that field's name.
   */
  private getterField(member: TSESTree.MemberExpression, name: string): string | undefined {
    const cls = thisOwner(member);
    if (!isClass(cls)) return undefined;
    let getters = this.getters.get(cls);
    if (!getters) {
      getters = new Map();
      for (const element of cls.body.body) {
        if (element.type !== T.MethodDefinition || element.kind !== "get" || element.static) continue;
        const key = element.key.type === T.PrivateIdentifier ? `#${element.key.name}` : element.computed ? undefined : element.key.type === T.Identifier ? element.key.name : undefined;
        // The getter may check first (`if (!this._fork) throw new Error(...)`): statements
        // that can only throw keep it a plain read of the field it finally returns.
        const body = element.value.body?.body ?? [];
        const last = body[body.length - 1];
        const guardsOnly = body.slice(0, -1).every(throwsOnly);
        const returned = guardsOnly && last?.type === T.ReturnStatement && last.argument ? unwrap(last.argument) : undefined;
        if (key === undefined || returned?.type !== T.MemberExpression || unwrap(returned.object).type !== T.ThisExpression) continue;
        const field = memberName(returned);
        if (field !== undefined && field !== key) getters.set(key, field);
      }
      this.getters.set(cls, getters);
    }
    return getters.get(name);
  }

  /** Per parameter: the `this.field` it is stored in (null: none). Asked once per use of the parameter. */
  private readonly storedFields = new WeakMap<Variable, TSESTree.MemberExpression | null>();

  /**
   * A parameter the function stores on `this` in its body (`constructor(view) { this.view = view }`)
   * is that field, in the whole function: `view.win` and `this.view.win` are one target. Only a
   * parameter never written again, stored by a statement of the body itself (not a branch).
   */
  private storedParameterKey(variable: Variable, fn: Node, depth: number): string | undefined {
    let field = this.storedFields.get(variable);
    if (field === undefined) {
      field = this.storedField(variable, fn) ?? null;
      this.storedFields.set(variable, field);
    }
    return field ? this.key(field, depth + 1) : undefined;
  }

  private storedField(variable: Variable, fn: Node): TSESTree.MemberExpression | undefined {
    if (!isFunction(fn) || fn.body.type !== T.BlockStatement) return undefined;
    if (this.writes(variable).length > 0) return undefined;
    for (const reference of variable.references) {
      const id: Node = reference.identifier;
      const assignment = id.parent;
      if (assignment?.type !== T.AssignmentExpression || assignment.operator !== "=" || assignment.right !== id) continue;
      if (assignment.parent?.type !== T.ExpressionStatement || assignment.parent.parent !== fn.body) continue;
      const left = assignment.left;
      if (left.type !== T.MemberExpression || unwrap(left.object).type !== T.ThisExpression || left.computed) continue;
      return left;
    }
    return undefined;
  }

  /**
   * A `const` initialised with another location is an alias: it shares the location's
   * key, so `ws.removeEventListener` matches `this.ws.addEventListener`. Destructuring
   * counts too: after `const { hls } = this`, `hls` is `this.hls`.
   */
  private aliasKey(variable: Variable, depth: number): string | undefined {
    const def = variable.defs[0];
    if (variable.defs.length === 1 && def?.type === "Parameter") return this.storedParameterKey(variable, def.node, depth);
    if (variable.defs.length !== 1 || def?.type !== "Variable" || !def.node.init) return undefined;
    // `const`, or a `var`/`let` written only by its declaration (`var self = this`, `var _this = this`
    // in compiled code).
    if (def.parent?.kind !== "const" && this.reassigned(variable)) return undefined;
    const init = unwrap(def.node.init);
    if (init.type !== T.Identifier && init.type !== T.MemberExpression && init.type !== T.ThisExpression) return undefined;
    if (def.node.id.type === T.Identifier) return this.key(init, depth + 1);
    if (def.node.id.type !== T.ObjectPattern) return undefined;
    for (const property of def.node.id.properties) {
      // `{ hls }` / `{ hls: h }`; a default value (`{ hls = x }`) may not be the member, so it is no alias.
      if (property.type === T.Property && property.value === def.name && !property.computed && property.key.type === T.Identifier) {
        const base = this.key(init, depth + 1);
        return base === undefined ? undefined : `${base}.${property.key.name}`;
      }
    }
    return undefined;
  }

  /** Whether any key made so far is a function parameter's (else `parameterOfKey` answers nothing). */
  get hasParameterKeys(): boolean {
    return this.parametersByKey.size > 0;
  }

  /** For a `v<id>` key of a function parameter: the function and the parameter's position. */
  parameterOfKey(key: string): { fn: FunctionNode; index: number } | undefined {
    const def = this.parametersByKey.get(key)?.defs[0];
    if (def?.type !== "Parameter" || !isFunction(def.node)) return undefined;
    const index = def.node.params.findIndex((param) => param === def.name || (param.type === T.AssignmentPattern && param.left === def.name));
    return index < 0 ? undefined : { fn: def.node, index };
  }

  /**
   * Whether a key names an object that is the same wherever the key appears: a global, a
   * `this` of a class or object literal (or a member path on them), or a lookup call key.
   * Locals and parameters of different functions may hold the same object at run time, and
   * `this` in a plain function is whatever its caller makes it (`socket.on("close", onClose)`
   * runs `onClose` with `this` = the socket).
   */
  fixedKey(key: string): boolean {
    if (key.startsWith("g:") || key.startsWith("call:")) return true;
    const match = /^this(\d+)/.exec(key);
    return !!match && !this.functionThis.has(Number(match[1]));
  }

  /** A readable, short text for an expression, for messages. */
  text(node: Node, max = 40): string {
    const raw = this.sourceCode.getText(node).replace(/\s+/g, " ");
    return raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
  }
}

/**
 * The node whose `this` a `this` expression denotes: a class, a non-arrow function, or the
 * program. Memoised per node (see ancestors.ts): asked for every `this.x` keyed, however deep
 * in arrows and blocks it sits.
 */
export function thisOwner(node: Node): Node {
  return foldAncestors(node, THIS_OWNER, thisOwners) ?? node;
}

const THIS_OWNER: AncestorFold<Node | null> = {
  boundary(current) {
    if (current.type === T.PropertyDefinition || current.type === T.StaticBlock) {
      // Field initialisers and static blocks see the class's `this`.
      const cls = current.parent?.parent;
      if (cls && isClass(cls)) return cls;
    }
    if (isFunction(current) && current.type !== T.ArrowFunctionExpression) {
      const parent = current.parent;
      if (parent?.type === T.MethodDefinition) {
        const cls = parent.parent?.parent;
        if (cls && isClass(cls)) return cls;
      }
      // Every method of a Vue options component sees the same instance.
      const options = vueOptionsOf(current);
      if (options) return options;
      // `{ onAdd: function () {}, onRemove() {} }` (Leaflet's `Class.extend`, prototypes
      // written as object literals): every method of the literal sees the same object.
      if (parent?.type === T.Property && parent.value === current && parent.parent?.type === T.ObjectExpression) {
        return parent.parent;
      }
      // `this.dispose = function () { this.x }` inside a method: called as `obj.dispose()`,
      // so its `this` is the outer `this`.
      if (parent?.type === T.AssignmentExpression && parent.right === current) {
        const left = unwrap(parent.left);
        if (left.type === T.MemberExpression && unwrap(left.object).type === T.ThisExpression) return thisOwner(left.object);
      }
      return current;
    }
    if (current.type === T.Program) return current;
    return undefined;
  },
  // Outside any program (a detached node): the node itself, which `thisOwner` supplies.
  root: null,
};

const thisOwners: AncestorCache<Node | null> = new WeakMap();

/** `if (test) throw ...` (or a bare `throw`): a statement that either does nothing or throws. */
function throwsOnly(statement: TSESTree.Statement): boolean {
  if (statement.type === T.ThrowStatement) return true;
  if (statement.type !== T.IfStatement || statement.alternate) return false;
  const then = statement.consequent;
  if (then.type === T.ThrowStatement) return true;
  return then.type === T.BlockStatement && then.body.length === 1 && then.body[0]!.type === T.ThrowStatement;
}
