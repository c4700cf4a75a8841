/**
 * Long-lived collections that only ever grow.
 *
 * A collection lives as long as the process when it is bound at module level, stored in a
 * `static` class field, or stored in a field of a singleton (a class of this file
 * instantiated exactly once, at module level, or a module-level object literal). When code
 * that runs again and again — a function, a method, a callback, a handler — adds entries to
 * it, and nothing anywhere takes entries out (`delete`, `clear`, `splice`, `shift`, `pop`,
 * `length = …`, reassignment, `delete obj[k]`), every entry stays reachable for good.
 *
 * Second finding on the same collections: a map of inner collections whose code removes
 * items from an inner collection (`map.get(k).delete(x)`) but never deletes the outer key,
 * so one empty inner collection per key stays behind.
 *
 * Everything is matched by reference (scope-resolved variables, `this.x` of the owning
 * class, `C.x` of the class binding), never by text. Not growth: entries added by code that
 * runs once at module load (top-level code, IIFEs, array callbacks there, functions only
 * called there, decorators), and keys from a visibly bounded domain (literals, `const`s
 * holding literals, enum members, parameters typed as a literal union, an enum or `boolean`).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import {
  type ClassNode,
  type FunctionNode,
  type Node,
  calleeOf,
  contains,
  functionBinding,
  functionName,
  isClass,
  isFunction,
  isLoop,
  keyName,
  memberName,
  unwrap,
} from "../../ast/index.js";
import {
  ADDING_METHODS,
  ARRAY_FACTORIES,
  type CollectionKind,
  GROWABLE_CONSTRUCTORS,
  INNER_REMOVING_METHODS,
  REMOVING_METHODS,
  SELF_BOUNDED_CONSTRUCTORS,
  SYNC_CALLBACK_METHODS,
} from "../../resources/collections.js";
import { type RefResolver, moduleBinding, thisOwner } from "../engine/refs.js";
import type { EngineContext } from "../engine/context.js";
import { type Evidence, likely, proven } from "../engine/model.js";
import { evidence, repeatsProof } from "../engine/evidence.js";
import { forEachNodeOf, indexedTypes } from "../../ast/node-index.js";
import { walk } from "../../ast/walk.js";
import { type AncestorCache, type AncestorFold, foldAncestors } from "../../ast/ancestors.js";

/** The node types that declare a candidate (`analyze` reads these first). */
const CANDIDATE_TYPES = indexedTypes([T.VariableDeclarator, T.ClassDeclaration, T.ClassExpression, T.NewExpression]);
/** The node types that grow, empty or hand out a candidate (read once there is one). */
const USE_TYPES = indexedTypes([T.CallExpression, T.AssignmentExpression, T.UnaryExpression, T.ReturnStatement, T.ArrowFunctionExpression]);

type Variable = TSESLint.Scope.Variable;

export interface CollectionOptions {
  /** Report collections other modules can reach (exported bindings) too. */
  checkExported: boolean;
}

export interface CollectionFinding {
  node: Node;
  messageId: "unbounded" | "emptyInnerKept";
  data: Record<string, string>;
  evidence: Evidence;
}

type Holder = "module" | "static" | "singleton" | "object";

interface Candidate {
  kind: CollectionKind;
  holder: Holder;
  /** Display name: `cache`, `Registry.items`, `client.listeners`. */
  name: string;
  /** Where it lives, as a phrase. */
  where: string;
  /** The node that creates it (never a removal when it is assigned there). */
  init: Node;
  keys: Set<string>;
  exported: boolean;
  growth: Array<{ node: Node; context: string }>;
  removal: boolean;
  keyRemoval: boolean;
  innerRemovals: Node[];
  /** The kind of inner collection values, when seen (`map.set(k, new Set())`). */
  innerKind: CollectionKind | undefined;
}

const KIND_WORDS: Readonly<Record<CollectionKind, string>> = {
  map: "a Map",
  set: "a Set",
  array: "an array",
  dict: "a dictionary object",
};

const INNER_WORDS: Readonly<Record<CollectionKind, string>> = {
  map: "Map",
  set: "Set",
  array: "array",
  dict: "object",
};

export class CollectionAnalysis {
  private readonly candidates: Candidate[] = [];
  private readonly byKey = new Map<string, Candidate>();
  /** Classes of this file instantiated exactly once, at module level → the instance's variable (if any). */
  private readonly singletons = new Map<ClassNode, TSESTree.Identifier | undefined>();
  /** Module-level object literals → the key of the variable holding them. */
  private readonly objectSingletons = new Map<TSESTree.ObjectExpression, string>();
  private readonly loadTimeCache = new Map<FunctionNode, boolean>();
  private readonly inProgress = new Set<FunctionNode>();

  private readonly calls: TSESTree.CallExpression[] = [];
  private readonly assignments: TSESTree.AssignmentExpression[] = [];
  private readonly deletes: TSESTree.UnaryExpression[] = [];
  private readonly returns: Node[] = [];

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly refs: RefResolver,
    /** The file's engine context: who owns a growth, and whether that owner repeats. */
    private readonly ctx: EngineContext,
  ) {}

  analyze(program: TSESTree.Program, options: CollectionOptions): CollectionFinding[] {
    const declarators: TSESTree.VariableDeclarator[] = [];
    const classes: ClassNode[] = [];
    const news: TSESTree.NewExpression[] = [];
    void program;
    // Candidates come only from declarations and classes: the uses (calls, assignments, deletes,
    // returns) are read only when there is one, so a file holding no long-lived collection
    // costs a pass over its declarators, not over every call.
    forEachNodeOf(this.sourceCode, CANDIDATE_TYPES, (node) => {
      switch (node.type) {
        case T.VariableDeclarator:
          declarators.push(node);
          break;
        case T.ClassDeclaration:
        case T.ClassExpression:
          classes.push(node);
          break;
        case T.NewExpression:
          news.push(node);
          break;
        default:
          break;
      }
    });

    // A singleton is an instance of one of this file's classes.
    if (classes.length > 0) this.findSingletons(classes, news);
    for (const declarator of declarators) this.moduleCandidates(declarator);
    for (const cls of classes) this.classCandidates(cls);
    if (this.candidates.length === 0) return [];

    forEachNodeOf(this.sourceCode, USE_TYPES, (node) => {
      switch (node.type) {
        case T.CallExpression:
          this.calls.push(node);
          break;
        case T.AssignmentExpression:
          this.assignments.push(node);
          break;
        case T.UnaryExpression:
          if (node.operator === "delete") this.deletes.push(node);
          break;
        case T.ReturnStatement:
          if (node.argument) this.returns.push(node.argument);
          break;
        case T.ArrowFunctionExpression:
          if (node.body.type !== T.BlockStatement) this.returns.push(node.body);
          break;
        default:
          break;
      }
    });

    this.aliasParameters();
    for (const call of this.calls) this.classifyCall(call);
    for (const assignment of this.assignments) this.classifyAssignment(assignment);
    for (const node of this.deletes) this.classifyDelete(node);
    for (const node of this.returns) {
      const candidate = this.candidateOf(node);
      if (candidate) candidate.exported = true;
    }

    const findings: CollectionFinding[] = [];
    for (const candidate of this.candidates) {
      if (candidate.exported && !options.checkExported) continue;
      const [growth] = candidate.growth;
      if (!growth) continue;
      const base = { name: candidate.name, where: candidate.where, kind: KIND_WORDS[candidate.kind], context: growth.context };
      const [inner] = candidate.innerRemovals;
      if (inner && !candidate.keyRemoval) {
        findings.push({
          node: inner,
          messageId: "emptyInnerKept",
          data: {
            ...base,
            inner: candidate.innerKind ? INNER_WORDS[candidate.innerKind] : "collection",
            line: String(growth.node.loc.start.line),
          },
          evidence: growthEvidence(this.ctx, candidate.growth, candidate.kind),
        });
      } else if (!candidate.removal) {
        findings.push({ node: growth.node, messageId: "unbounded", data: base, evidence: growthEvidence(this.ctx, candidate.growth, candidate.kind) });
      }
    }
    return findings.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  // -------------------------------------------------------------------------
  // Long-lived collections

  private findSingletons(classes: ClassNode[], news: TSESTree.NewExpression[]): void {
    const instances = new Map<ClassNode, TSESTree.NewExpression[]>();
    for (const node of news) {
      const callee = unwrap(node.callee);
      if (callee.type !== T.Identifier) continue;
      const cls = this.classOfBinding(callee);
      if (!cls) continue;
      const list = instances.get(cls) ?? [];
      list.push(node);
      instances.set(cls, list);
    }
    for (const cls of classes) {
      const list = instances.get(cls);
      if (!list || list.length !== 1 || !isModuleLevel(cls)) continue;
      const [only] = list;
      const parent = only!.parent;
      if (parent?.type === T.VariableDeclarator && parent.init === only && parent.id.type === T.Identifier && isModuleLevel(parent)) {
        this.singletons.set(cls, parent.id);
      } else if (parent?.type === T.ExportDefaultDeclaration || (parent?.type === T.ExpressionStatement && isModuleLevel(parent))) {
        this.singletons.set(cls, undefined);
      }
    }
  }

  /** The class an identifier is bound to in this file (`class C {}` or `const C = class {}`). */
  private classOfBinding(id: TSESTree.Identifier): ClassNode | undefined {
    const def = this.refs.variable(id)?.defs[0];
    if (!def) return undefined;
    if (def.type === "ClassName" && isClass(def.node)) return def.node;
    if (def.type === "Variable" && def.node.init && isClass(unwrap(def.node.init))) return unwrap(def.node.init) as ClassNode;
    return undefined;
  }

  private moduleCandidates(declarator: TSESTree.VariableDeclarator): void {
    if (declarator.id.type !== T.Identifier || !declarator.init || !isModuleLevel(declarator)) return;
    // The top level of a Svelte instance `<script>` or a Vue `<script setup>` runs once per
    // component instance: what it declares belongs to that instance, not to the module.
    if (this.ctx.lifecycles.ownerOf(declarator).owner.type !== "module") return;
    const variable = this.declaredVariable(declarator);
    if (!variable) return;
    const key = `v${this.refs.id(variable)}`;
    const exported = this.isExported(variable);
    const kind = this.collectionKind(declarator.init);
    const name = declarator.id.name;
    if (kind) {
      this.add({ kind, holder: "module", name, where: "a module-level variable", init: declarator, keys: [key], exported });
      return;
    }
    const init = unwrap(declarator.init);
    if (init.type !== T.ObjectExpression) return;
    // A mixin (`Object.assign(target, Mixin)`, `{ ...Mixin }`) lends its methods to other
    // objects: their `this` is each target, not this literal.
    if (isMixin(variable)) return;
    this.objectSingletons.set(init, key);
    for (const property of init.properties) {
      if (property.type !== T.Property || property.computed || property.kind !== "init") continue;
      const propertyName = keyName(property.key, false);
      const propertyKind = propertyName === undefined ? undefined : this.collectionKind(property.value);
      if (!propertyKind || propertyName === undefined) continue;
      this.add({
        kind: propertyKind,
        holder: "object",
        name: `${name}.${propertyName}`,
        where: `a field of the module-level object \`${name}\``,
        init: property,
        keys: [`${key}.${propertyName}`],
        exported,
      });
    }
  }

  private classCandidates(cls: ClassNode): void {
    if (!isModuleLevel(cls)) return;
    const singleton = this.singletons.has(cls);
    const instance = this.singletons.get(cls);
    // What the keys are made of is read for the first collection field: most classes have none,
    // and each part is a lookup in a table as large as the file (issue 12 §2).
    let made: { clsId: number; className: string; bindings: string[]; instanceNames: Set<string>; instanceKey: string | undefined } | undefined;
    const parts = () => {
      if (made) return made;
      const instanceNames = new Set<string>();
      for (const member of cls.body.body) {
        if ((member.type === T.PropertyDefinition || member.type === T.MethodDefinition) && !member.static) {
          const name = keyName(member.key, member.computed);
          if (name) instanceNames.add(name);
        }
      }
      made = {
        clsId: this.refs.id(cls),
        className: cls.id?.name ?? (cls.parent?.type === T.VariableDeclarator && cls.parent.id.type === T.Identifier ? cls.parent.id.name : "class"),
        bindings: this.classBindings(cls),
        instanceNames,
        instanceKey: instance ? this.refs.key(instance) : undefined,
      };
      return made;
    };

    const addField = (name: string, valueNode: Node, init: Node, isStatic: boolean): void => {
      const kind = this.collectionKind(valueNode);
      if (!kind) return;
      const { clsId, className, bindings, instanceNames, instanceKey } = parts();
      if (isStatic) {
        const keys = [`static${clsId}.${name}`, ...bindings.map((key) => `${key}.${name}`)];
        if (!instanceNames.has(name)) keys.push(`this${clsId}.${name}`);
        this.add({ kind, holder: "static", name: `${className}.${name}`, where: `a static field of \`${className}\``, init, keys, exported: false });
      } else if (singleton) {
        const keys = [`this${clsId}.${name}`];
        if (instanceKey) keys.push(`${instanceKey}.${name}`);
        this.add({
          kind,
          holder: "singleton",
          name: instance ? `${instance.name}.${name}` : `this.${name}`,
          where: instance
            ? `a field of the module-level singleton \`${instance.name}\``
            : `a field of the single module-level instance of \`${className}\``,
          init,
          keys,
          exported: false,
        });
      }
    };

    for (const member of cls.body.body) {
      if (member.type === T.PropertyDefinition && member.value && !member.computed) {
        const name = keyName(member.key, false);
        if (name) addField(name, member.value, member, member.static);
      }
      if (singleton && member.type === T.MethodDefinition && member.kind === "constructor" && member.value.body) {
        for (const statement of member.value.body.body) {
          if (statement.type !== T.ExpressionStatement) continue;
          const expression = statement.expression;
          if (expression.type !== T.AssignmentExpression || expression.operator !== "=") continue;
          const left = expression.left;
          if (left.type !== T.MemberExpression || unwrap(left.object).type !== T.ThisExpression) continue;
          const name = memberName(left);
          if (name !== undefined && !this.byKey.has(`this${parts().clsId}.${name}`)) addField(name, expression.right, expression, false);
        }
      }
    }
  }

  /** Keys of the bindings a class is reachable through: the outer and inner class names, `const C = class`. */
  private classBindings(cls: ClassNode): string[] {
    const keys: string[] = [];
    const manager = this.sourceCode.scopeManager;
    const declaring = cls.type === T.ClassDeclaration ? cls : cls.parent?.type === T.VariableDeclarator ? cls.parent : undefined;
    if (manager && declaring) {
      for (const variable of manager.getDeclaredVariables(declaring)) keys.push(`v${this.refs.id(variable)}`);
    }
    if (manager && cls.type === T.ClassExpression) {
      for (const variable of manager.getDeclaredVariables(cls)) keys.push(`v${this.refs.id(variable)}`);
    }
    return keys;
  }

  private add(spec: Omit<Candidate, "keys" | "growth" | "removal" | "keyRemoval" | "innerRemovals" | "innerKind"> & { keys: string[] }): void {
    const candidate: Candidate = {
      ...spec,
      keys: new Set(spec.keys),
      growth: [],
      removal: false,
      keyRemoval: false,
      innerRemovals: [],
      innerKind: undefined,
    };
    this.candidates.push(candidate);
    for (const key of spec.keys) if (!this.byKey.has(key)) this.byKey.set(key, candidate);
  }

  /** The kind of collection an initialiser creates, or undefined (weak and self-bounded ones included). */
  private collectionKind(node: Node): CollectionKind | undefined {
    const inner = unwrap(node);
    switch (inner.type) {
      case T.ArrayExpression:
        return "array";
      case T.ObjectExpression:
        return inner.properties.length === 0 ? "dict" : undefined;
      case T.NewExpression: {
        const callee = unwrap(inner.callee);
        if (callee.type !== T.Identifier || SELF_BOUNDED_CONSTRUCTORS.has(callee.name)) return undefined;
        if (!Object.hasOwn(GROWABLE_CONSTRUCTORS, callee.name)) return undefined;
        return this.refs.isGlobal(callee, callee.name) ? GROWABLE_CONSTRUCTORS[callee.name] : undefined;
      }
      case T.CallExpression: {
        const callee = unwrap(inner.callee);
        if (callee.type !== T.MemberExpression) return undefined;
        const name = memberName(callee);
        if (this.refs.isGlobalPath(callee.object, "Array") && name !== undefined && ARRAY_FACTORIES.has(name)) return "array";
        const [first] = inner.arguments;
        if (
          this.refs.isGlobalPath(callee.object, "Object") &&
          name === "create" &&
          first?.type === T.Literal &&
          first.value === null
        ) {
          return "dict";
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private declaredVariable(declarator: TSESTree.VariableDeclarator): Variable | undefined {
    return this.sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
  }

  /** Whether a module-level binding is exported (ESM or CommonJS). */
  private isExported(variable: Variable): boolean {
    const def = variable.defs[0];
    if (!def) return false;
    const declaration = def.type === "Variable" ? def.parent : def.node;
    const holder = declaration?.parent;
    if (holder?.type === T.ExportNamedDeclaration || holder?.type === T.ExportDefaultDeclaration) return true;
    for (const reference of variable.references) {
      const id = reference.identifier;
      const parent = id.parent;
      if (!parent) continue;
      if (parent.type === T.ExportSpecifier || parent.type === T.ExportDefaultDeclaration || parent.type === T.TSExportAssignment) return true;
      if (parent.type === T.AssignmentExpression && parent.right === id && isModuleExports(parent.left)) return true;
      if (
        parent.type === T.Property &&
        parent.value === id &&
        parent.parent?.type === T.ObjectExpression &&
        parent.parent.parent?.type === T.AssignmentExpression &&
        isModuleExports(parent.parent.parent.left)
      ) {
        return true;
      }
    }
    return false;
  }

  // -------------------------------------------------------------------------
  // Keys

  private keyOf(node: Node, depth = 0): string | undefined {
    if (depth > 8) return undefined;
    const inner = unwrap(node);
    if (inner.type === T.ThisExpression) return this.thisKey(inner);
    if (inner.type === T.MemberExpression) {
      const name = memberName(inner);
      if (name === undefined) return undefined;
      const objectKey = this.keyOf(inner.object, depth + 1);
      return objectKey === undefined ? undefined : `${objectKey}.${name}`;
    }
    if (inner.type === T.Identifier) return this.refs.key(inner);
    return undefined;
  }

  /** `this` of an instance member, of a static member (`static<id>`), or of a module-level object literal's method. */
  private thisKey(node: TSESTree.ThisExpression): string {
    const owner = thisOwner(node);
    if (isClass(owner)) return `${isStaticContext(node) ? "static" : "this"}${this.refs.id(owner)}`;
    if (owner.type === T.ObjectExpression) {
      const key = this.objectSingletons.get(owner);
      if (key) return key;
    }
    return `this${this.refs.id(owner)}`;
  }

  private candidateOf(node: Node): Candidate | undefined {
    const key = this.keyOf(node);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /**
   * A collection passed to a function of this file: the parameter becomes another name for
   * it (removals through it count). Passed to an imported function: that module may clean it.
   */
  private aliasParameters(): void {
    for (const call of this.calls) {
      call.arguments.forEach((argument, index) => {
        const candidate = this.candidateOf(argument);
        if (!candidate) return;
        const callee = unwrap(call.callee);
        if (callee.type !== T.Identifier) return;
        if (moduleBinding(this.refs, callee)) {
          candidate.exported = true;
          return;
        }
        const fn = this.localFunction(callee);
        const param = fn?.params[index];
        if (!param || param.type !== T.Identifier) return;
        const variable = this.refs.variable(param);
        if (!variable) return;
        const key = `v${this.refs.id(variable)}`;
        candidate.keys.add(key);
        if (!this.byKey.has(key)) this.byKey.set(key, candidate);
      });
    }
  }

  private localFunction(id: TSESTree.Identifier): FunctionNode | undefined {
    const def = this.refs.variable(id)?.defs[0];
    if (!def) return undefined;
    if (def.type === "FunctionName" && isFunction(def.node)) return def.node;
    if (def.type === "Variable" && def.node.init && isFunction(unwrap(def.node.init))) return unwrap(def.node.init) as FunctionNode;
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Growth and removal

  private classifyCall(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) return;
    const method = memberName(callee);
    if (method === undefined) return;

    // Reflect.deleteProperty(dict, key)
    if (method === "deleteProperty" && this.refs.isGlobalPath(callee.object, "Reflect")) {
      const target = call.arguments[0] && this.candidateOf(call.arguments[0]);
      if (target) target.removal = target.keyRemoval = true;
      return;
    }

    const candidate = this.candidateOf(callee.object);
    if (candidate) {
      if (ADDING_METHODS[candidate.kind].has(method)) {
        const [first, second] = call.arguments;
        if (!first) return; // `list.push()` adds nothing
        if (candidate.kind === "map" && second) candidate.innerKind ??= this.collectionKind(second);
        const keyed = candidate.kind === "map" || candidate.kind === "set";
        if (keyed && this.isBoundedKey(first)) return;
        if (!keyed && this.grownToIndex(call, candidate)) return;
        this.noteGrowth(candidate, call);
      } else if (REMOVING_METHODS[candidate.kind].has(method)) {
        candidate.removal = true;
        if (method !== "clear") candidate.keyRemoval = true;
      }
      return;
    }

    if (INNER_REMOVING_METHODS.has(method)) {
      const outer = this.innerOf(callee.object, 0);
      if (outer) outer.innerRemovals.push(call);
    }
  }

  /** The outer candidate when `node` denotes one of its values: `map.get(k)`, `dict[k]`, `const s = map.get(k)`. */
  private innerOf(node: Node, depth: number): Candidate | undefined {
    if (depth > 3) return undefined;
    const inner = unwrap(node);
    if (inner.type === T.CallExpression) {
      const callee = unwrap(inner.callee);
      if (callee.type !== T.MemberExpression || memberName(callee) !== "get") return undefined;
      const candidate = this.candidateOf(callee.object);
      return candidate?.kind === "map" ? candidate : undefined;
    }
    if (inner.type === T.MemberExpression && inner.computed && memberName(inner) === undefined) {
      const candidate = this.candidateOf(inner.object);
      return candidate?.kind === "dict" ? candidate : undefined;
    }
    if (inner.type === T.Identifier) {
      const variable = this.refs.variable(inner);
      const def = variable?.defs[0];
      if (variable?.defs.length !== 1 || def?.type !== "Variable" || !def.node.init || def.node.id.type !== T.Identifier) return undefined;
      return this.innerOf(def.node.init, depth + 1);
    }
    if (inner.type === T.LogicalExpression) return this.innerOf(inner.left, depth + 1);
    return undefined;
  }

  private classifyAssignment(node: TSESTree.AssignmentExpression): void {
    const left = node.left;
    // Reassignment: `cache = new Map()`, `this.items = []` (outside the creating statement).
    const reassigned = left.type === T.Identifier || left.type === T.MemberExpression ? this.candidateOf(left) : undefined;
    if (reassigned) {
      if (reassigned.init !== node && node.operator === "=" && !this.isInitialisation(reassigned, node)) reassigned.removal = true;
      return;
    }
    // Exposure: `window.cache = cache`, `module.exports.cache = cache`.
    if (left.type === T.MemberExpression) {
      const exposed = this.candidateOf(node.right);
      if (exposed) exposed.exported = true;
    }
    if (left.type !== T.MemberExpression) return;
    const target = this.candidateOf(left.object);
    if (!target) {
      // dict[k] = new Set() on an inner value: nothing to do.
      return;
    }
    const name = memberName(left);
    if (target.kind === "array") {
      if (name === "length") {
        target.removal = target.keyRemoval = true;
        return;
      }
      const index = unwrap(left.property);
      if (left.computed && index.type === T.MemberExpression && memberName(index) === "length" && this.candidateOf(index.object) === target) {
        this.noteGrowth(target, node);
      }
      return;
    }
    if (target.kind !== "dict" || !left.computed || name !== undefined) return;
    if (node.operator === "=") target.innerKind ??= this.collectionKind(node.right);
    if (this.isBoundedKey(left.property)) return;
    this.noteGrowth(target, node);
  }

  /** A top-level assignment of a module `let`, or the constructor of a singleton assigning its field. */
  private isInitialisation(candidate: Candidate, node: Node): boolean {
    if (!enclosingFunctionOrField(node)) return true;
    if (candidate.holder !== "singleton") return false;
    for (let current = node.parent; current; current = current.parent) {
      if (isFunction(current)) {
        return current.parent?.type === T.MethodDefinition && current.parent.kind === "constructor";
      }
    }
    return false;
  }

  private classifyDelete(node: TSESTree.UnaryExpression): void {
    const argument = unwrap(node.argument);
    if (argument.type !== T.MemberExpression) return;
    const candidate = this.candidateOf(argument.object);
    if (candidate) candidate.removal = candidate.keyRemoval = true;
  }

  private noteGrowth(candidate: Candidate, node: Node): void {
    const context = this.repeatingContext(node);
    if (context) candidate.growth.push({ node, context });
  }

  // -------------------------------------------------------------------------
  // Code that runs again and again

  /** Words for the code around `node` that runs repeatedly, or undefined when it runs once at module load. */
  private repeatingContext(node: Node): string | undefined {
    let child: Node = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      if (current.type === T.StaticBlock) return undefined;
      if (current.type === T.PropertyDefinition && current.value === child && !isFunction(child)) {
        const cls = current.parent?.parent;
        if (current.static || (cls && isClass(cls) && this.singletons.has(cls))) return undefined;
        return `each construction of \`${cls && isClass(cls) && cls.id ? cls.id.name : "the class"}\``;
      }
      if (isFunction(current)) return this.runsOnceAtLoad(current) ? undefined : describeFunction(current, this.isExportedFunction(current));
    }
    return undefined;
  }

  private isExportedFunction(fn: FunctionNode): boolean {
    const variable = this.functionVariable(fn);
    return variable ? this.isExported(variable) : false;
  }

  private functionVariable(fn: FunctionNode): Variable | undefined {
    const manager = this.sourceCode.scopeManager;
    if (!manager) return undefined;
    if (fn.type === T.FunctionDeclaration && fn.id) return manager.getDeclaredVariables(fn)[0];
    const parent = fn.parent;
    if (parent?.type === T.VariableDeclarator && parent.init === fn && parent.id.type === T.Identifier) {
      return manager.getDeclaredVariables(parent)[0];
    }
    return undefined;
  }

  private runsOnceAtLoad(fn: FunctionNode): boolean {
    const cached = this.loadTimeCache.get(fn);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(fn)) return false;
    this.inProgress.add(fn);
    const result = this.computeRunsOnceAtLoad(fn);
    this.inProgress.delete(fn);
    this.loadTimeCache.set(fn, result);
    return result;
  }

  private computeRunsOnceAtLoad(fn: FunctionNode): boolean {
    const parent = outerOf(fn);
    const atLoad = (node: Node): boolean => this.repeatingContext(node) === undefined;
    if (parent?.type === T.CallExpression) {
      // IIFE
      if (unwrap(parent.callee) === fn) return atLoad(parent);
      // Array callbacks run during the call: `[...].forEach((x) => map.set(x.id, x))`.
      const { name } = calleeOf(parent);
      if (name && SYNC_CALLBACK_METHODS.has(name) && parent.arguments.some((arg) => unwrap(arg) === fn)) return atLoad(parent);
    }
    if (parent?.type === T.NewExpression && unwrap(parent.arguments[0] ?? parent) === fn) {
      const callee = unwrap(parent.callee);
      if (callee.type === T.Identifier && callee.name === "Promise" && this.refs.isGlobal(callee, "Promise")) return atLoad(parent);
    }
    // The constructor of a singleton runs once.
    if (parent?.type === T.MethodDefinition && parent.kind === "constructor") {
      const cls = parent.parent?.parent;
      return !!cls && isClass(cls) && this.singletons.has(cls);
    }
    if (parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) return false;
    // A local function only called at module load, or only used as a decorator.
    const variable = this.functionVariable(fn);
    if (variable && !this.isExported(variable) && this.onlyUsedAtLoad(variable, false)) return true;
    // The function a decorator factory returns: `function Command(name) { return (target) => ... }`.
    const factory = returnedFrom(fn);
    if (factory) {
      const factoryVariable = this.functionVariable(factory);
      if (factoryVariable && !this.isExported(factoryVariable) && this.onlyUsedAtLoad(factoryVariable, true)) return true;
    }
    return false;
  }

  /** Every use of the binding is a call at module load or a decorator (`@register`, `@Register(...)`). */
  private onlyUsedAtLoad(variable: Variable, decoratorsOnly: boolean): boolean {
    const uses = variable.references.filter((reference) => !reference.init);
    if (uses.length === 0) return false;
    return uses.every((reference) => {
      const id = reference.identifier;
      const parent = id.parent;
      if (parent?.type === T.Decorator) return true;
      if (parent?.type === T.CallExpression && parent.callee === id) {
        if (parent.parent?.type === T.Decorator) return true;
        return !decoratorsOnly && this.repeatingContext(parent) === undefined;
      }
      return false;
    });
  }

  // -------------------------------------------------------------------------
  // Bounded keys

  /** Whether a key can only take a few values the code spells out. */
  private isBoundedKey(node: Node | undefined, depth = 0): boolean {
    if (!node) return true;
    if (depth > 4) return false;
    const inner = unwrap(node);
    switch (inner.type) {
      case T.Literal:
        return true;
      case T.TemplateLiteral:
        return inner.expressions.length === 0;
      case T.UnaryExpression:
        return inner.operator === "typeof" || inner.operator === "!" || inner.operator === "void";
      case T.BinaryExpression:
        return ["===", "!==", "==", "!=", "<", ">", "<=", ">=", "in", "instanceof"].includes(inner.operator);
      case T.ConditionalExpression:
        return this.isBoundedKey(inner.consequent, depth + 1) && this.isBoundedKey(inner.alternate, depth + 1);
      case T.MemberExpression: {
        const object = unwrap(inner.object);
        if (object.type !== T.Identifier || memberName(inner) === undefined) return false;
        const def = this.refs.variable(object)?.defs[0];
        if (def?.type === "TSEnumName") return true;
        // `KEYS.status` of a module constant object.
        return def?.type === "Variable" && def.parent?.kind === "const" && !!def.node.init && unwrap(def.node.init).type === T.ObjectExpression;
      }
      case T.Identifier: {
        if (inner.name === "undefined") return true;
        const variable = this.refs.variable(inner);
        const def = variable?.defs[0];
        if (!variable || !def || variable.defs.length !== 1) return false;
        if (def.type === "Variable" && def.parent?.kind === "const" && def.node.init && def.node.id === def.name) {
          return this.isBoundedKey(def.node.init, depth + 1);
        }
        if (def.type === "Parameter" && def.name.type === T.Identifier && def.name.typeAnnotation) {
          return this.isBoundedType(def.name.typeAnnotation.typeAnnotation, depth + 1);
        }
        if (def.type === "Parameter") return this.boundedArguments(def.node, def.name, depth);
        // A key read from another collection's keys: the dictionary mirrors that key set.
        return this.keyOfCollection(variable, depth);
      }
      default:
        return false;
    }
  }

  /**
   * A parameter of a local function that every call in the file passes a bounded key
   * (`wk(code, 0, ...)`, through wrappers that pass their own parameter on).
   */
  private boundedArguments(fn: Node, param: Node, depth: number): boolean {
    if (!isFunction(fn)) return false;
    const index = fn.params.indexOf(param as TSESTree.Parameter);
    const binding = functionBinding(fn);
    const variable = binding ? this.refs.variable(binding) : undefined;
    if (index < 0 || !variable || this.isExported(variable)) return false;
    const uses = variable.references.filter((reference) => reference.identifier !== binding && !reference.init);
    if (uses.length === 0) return false;
    return uses.every((reference) => {
      const call = reference.identifier.parent;
      if (call?.type !== T.CallExpression || call.callee !== reference.identifier) return false;
      const arg = call.arguments[index];
      return !!arg && arg.type !== T.SpreadElement && this.isBoundedKey(arg, depth + 1);
    });
  }

  /**
   * `for (const k of Object.keys(source))`, `for (const [k] of map.entries())`,
   * `for (const k in source)`, `const [k, v] = entries[i]` of such a list: a key copied from
   * another collection, bounded by it (if that one grows, it is the one to report).
   */
  private keyOfCollection(variable: Variable, depth: number): boolean {
    const def = variable.defs[0];
    if (def?.type !== "Variable") return false;
    const declaration = def.parent;
    const loop = declaration?.parent;
    const isKeyOf = (id: Node): boolean =>
      def.node.id === id || (def.node.id.type === T.ArrayPattern && def.node.id.elements[0] === def.name && id === def.node.id);
    if (loop?.type === T.ForInStatement && loop.left === declaration) return true;
    if (loop?.type === T.ForOfStatement && loop.left === declaration && isKeyOf(def.node.id)) return this.isKeyList(loop.right, depth);
    // `const [k, v] = entries[i]`
    if (def.node.id.type === T.ArrayPattern && def.node.id.elements[0] === def.name && def.node.init) {
      const init = unwrap(def.node.init);
      return init.type === T.MemberExpression && init.computed && this.isKeyList(init.object, depth);
    }
    return false;
  }

  /** `Object.keys(x)`, `x.entries()`, `Array.from(x.keys())`, `[...x.keys()]`, or a `const` holding one. */
  private isKeyList(node: Node, depth: number): boolean {
    if (depth > 4) return false;
    const inner = unwrap(node);
    if (inner.type === T.Identifier) {
      const def = this.refs.variable(inner)?.defs[0];
      return def?.type === "Variable" && def.parent?.kind === "const" && !!def.node.init && this.isKeyList(def.node.init, depth + 1);
    }
    if (inner.type === T.ArrayExpression) {
      return inner.elements.length === 1 && inner.elements[0]?.type === T.SpreadElement && this.isKeyList(inner.elements[0].argument, depth + 1);
    }
    if (inner.type !== T.CallExpression) return false;
    const callee = unwrap(inner.callee);
    const name = callee.type === T.MemberExpression ? memberName(callee) : undefined;
    if (callee.type !== T.MemberExpression || !name) return false;
    if ((name === "keys" || name === "entries") && inner.arguments.length === 0) return true;
    if ((name === "keys" || name === "entries") && this.refs.isGlobalPath(callee.object, "Object")) return true;
    if (name === "from" && this.refs.isGlobalPath(callee.object, "Array") && inner.arguments[0]) return this.isKeyList(inner.arguments[0], depth + 1);
    return false;
  }

  /**
   * `if (i >= pool.length) pool.push(item)`: a pool grown only up to the highest index in use,
   * its entries reused after that.
   */
  private grownToIndex(call: TSESTree.CallExpression, candidate: Candidate): boolean {
    let child: Node = call;
    for (let parent: Node | undefined = call.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
      if (parent.type !== T.IfStatement || parent.test === child) continue;
      const test = unwrap(parent.test);
      if (test.type !== T.BinaryExpression) continue;
      const lengthOf = (side: Node): boolean => {
        const inner = unwrap(side);
        return inner.type === T.MemberExpression && memberName(inner) === "length" && this.candidateOf(inner.object) === candidate;
      };
      // `index >= pool.length` (or `pool.length <= index`, `=== index`): the push happens only
      // when the index in use runs past the end. A comparison with a literal is a plain check.
      const indexSide = lengthOf(test.right) ? test.left : lengthOf(test.left) ? test.right : undefined;
      if (!indexSide || unwrap(indexSide).type === T.Literal) continue;
      const pastEnd = lengthOf(test.right) ? [">=", ">", "===", "=="] : ["<=", "<", "===", "=="];
      if (pastEnd.includes(test.operator)) return true;
    }
    return false;
  }

  private isBoundedType(type: TSESTree.TypeNode, depth: number): boolean {
    if (depth > 6) return false;
    switch (type.type) {
      case T.TSLiteralType:
      case T.TSBooleanKeyword:
      case T.TSUndefinedKeyword:
      case T.TSNullKeyword:
        return true;
      case T.TSUnionType:
        return type.types.every((member) => this.isBoundedType(member, depth + 1));
      case T.TSTypeReference: {
        if (type.typeName.type !== T.Identifier) return false;
        const def = this.refs.variable(type.typeName)?.defs[0];
        if (def?.type === "TSEnumName") return true;
        if (def?.type === "Type" && def.node.type === T.TSTypeAliasDeclaration) return this.isBoundedType(def.node.typeAnnotation, depth + 1);
        return false;
      }
      default:
        return false;
    }
  }
}

// ---------------------------------------------------------------------------

/** Declared where it is evaluated once per module load: no function, class body or loop around it. */
/** A variable copied into other objects: a later argument of `Object.assign`, or spread. */
function isMixin(variable: Variable): boolean {
  return variable.references.some((reference) => {
    const id = reference.identifier as Node;
    const parent = id.parent;
    if (parent?.type === T.SpreadElement) return true;
    if (parent?.type !== T.CallExpression || parent.arguments[0] === id || !parent.arguments.includes(id as TSESTree.Expression)) return false;
    const callee = unwrap(parent.callee);
    return callee.type === T.MemberExpression && memberName(callee) === "assign";
  });
}

/**
 * Whether `node` runs once with the module: no function, class body or loop iteration between
 * it and the Program. Memoised per node (asked for every declaration; see ancestors.ts).
 */
function isModuleLevel(node: Node): boolean {
  return foldAncestors(node, MODULE_LEVEL, moduleLevelCache);
}

const MODULE_LEVEL: AncestorFold<boolean> = {
  boundary(current, child) {
    if (isFunction(current) || current.type === T.ClassBody) return false;
    if (isLoop(current) && child !== (current as { init?: Node | null }).init) return false;
    if (current.type === T.Program || current.type === T.TSModuleBlock) return current.type === T.Program;
    return undefined;
  },
  root: false,
};

const moduleLevelCache: AncestorCache<boolean> = new WeakMap();

function isModuleExports(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return inner.name === "exports";
  if (inner.type !== T.MemberExpression) return false;
  const object = unwrap(inner.object);
  if (object.type === T.Identifier && object.name === "module" && memberName(inner) === "exports") return true;
  return isModuleExports(object);
}

/** Whether a `this` is evaluated in a static method, static field or static block. */
function isStaticContext(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.StaticBlock) return true;
    if (current.type === T.PropertyDefinition) return current.static;
    if (isFunction(current) && current.type !== T.ArrowFunctionExpression) {
      const parent = current.parent;
      return (parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) && parent.static;
    }
  }
  return false;
}

function enclosingFunctionOrField(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current) || current.type === T.PropertyDefinition || current.type === T.StaticBlock) return current;
  }
  return undefined;
}

/** The parent of a function, skipping parentheses-like wrappers (`fn as X`). */
function outerOf(fn: FunctionNode): Node | undefined {
  let parent = fn.parent;
  while (parent && (parent.type === T.TSAsExpression || parent.type === T.TSNonNullExpression || parent.type === T.TSSatisfiesExpression)) {
    parent = parent.parent;
  }
  return parent;
}

/** The function `fn` is returned from (`return (t) => ...` or `(name) => (t) => ...`). */
function returnedFrom(fn: FunctionNode): FunctionNode | undefined {
  const parent = fn.parent;
  if (parent && isFunction(parent) && parent.body === fn) return parent;
  if (parent?.type !== T.ReturnStatement) return undefined;
  for (let current: Node | undefined = parent.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** Words for a function that runs again and again: "the method `Client.on`", "an interval callback". */
function describeFunction(fn: FunctionNode, exported: boolean): string {
  const parent = outerOf(fn);
  if (parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) {
    const cls = parent.parent?.parent;
    const className = cls && isClass(cls) && cls.id ? `${cls.id.name}.` : "";
    const name = keyName(parent.key, parent.computed) ?? "method";
    if (parent.type === T.MethodDefinition && parent.kind === "constructor") return `the constructor of \`${className.slice(0, -1) || "the class"}\``;
    return `the ${parent.static ? "static " : ""}method \`${className}${name}()\``;
  }
  if (parent?.type === T.CallExpression && parent.arguments.some((arg) => unwrap(arg) === fn)) {
    const { name } = calleeOf(parent);
    if (name === "setInterval") return "an interval callback";
    if (name === "addEventListener" || name === "on" || name === "addListener" || name === "once" || name === "subscribe") {
      return "an event handler";
    }
    if (name) return `a callback passed to \`${name}()\``;
  }
  const name = functionName(fn);
  if (name) return `${exported ? "the exported function" : "the function"} \`${name}()\``;
  return "a function";
}

/**
 * A long-lived collection grows without bound only if the code adding to it runs again and again
 * (a request, event or interval callback, a render, a function only called from such code) and
 * adds new entries each time: to an array, or under a key that comes from what each run receives
 * (the request, the event, the message), from the clock, a random source or a counter. A method
 * called an unknown number of times, or keys that may be a fixed set (a cache of a few
 * configurations, a registry filled at start-up), leave the leak probable.
 */
function growthEvidence(ctx: EngineContext, growth: readonly { node: Node }[], kind: CollectionKind): Evidence {
  const holder = proven("long-lived collection");
  const release = proven("nothing removes entries");
  const proofs = growth.map(({ node }) => {
    const context = ctx.lifecycles.ownerOf(node);
    const repeats = repeatsProof(ctx, context);
    if (!repeats.proven || kind === "array") return repeats;
    return keyFromRun(ctx, node, context.innermost) ? repeats : likely("its keys may be a fixed set");
  });
  return evidence(holder, proofs.find((proof) => proof.proven) ?? proofs[0] ?? likely("no growth seen"), release);
}

/** The key written by a growth (`map.set(key, v)`, `set.add(key)`, `dict[key] = v`). */
function keyOfGrowth(node: Node): Node | undefined {
  if (node.type === T.CallExpression) {
    const [first] = node.arguments;
    return first && first.type !== T.SpreadElement ? first : undefined;
  }
  if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression && node.left.computed) return node.left.property;
  return undefined;
}

const FRESH_VALUE_CALLS: ReadonlySet<string> = new Set(["now", "random", "randomUUID", "uuid", "nanoid", "v4", "getTime", "hrtime"]);

/** Whether the key depends on what the repeating function receives, or is new by construction. */
function keyFromRun(ctx: EngineContext, node: Node, fn: FunctionNode | undefined): boolean {
  const key = keyOfGrowth(node);
  if (!key) return false;
  let fresh = false;
  const seen = new Set<Node>();
  const visit = (root: Node): void => {
    walk(root, ctx.sourceCode.visitorKeys, (child) => {
      if (fresh || seen.has(child)) return false;
      seen.add(child);
      if (child.type === T.UpdateExpression || (child.type === T.NewExpression && calleeOf(child).name === "Date")) fresh = true;
      if (child.type === T.CallExpression && FRESH_VALUE_CALLS.has(calleeOf(child).name ?? "")) fresh = true;
      if (child.type === T.Identifier && fn) {
        const def = ctx.refs.variable(child)?.defs[0];
        if (def?.type === "Parameter" && (def.node === fn || contains(fn, def.node))) fresh = true;
        // A local computed from them: `const id = msg.id`.
        else if (def?.type === "Variable" && def.node.init && contains(fn, def.node) && !seen.has(def.node.init)) visit(def.node.init);
      }
      return !fresh;
    });
  };
  visit(key);
  return fresh;
}
