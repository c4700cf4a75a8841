/**
 * DOM nodes that pile up: a function that runs again and again inserts a node it has
 * just created into a container that outlives the call, and nothing takes children out
 * of that container. Every run leaves one more node in the document.
 *
 * Three questions, all answered from syntax and scope:
 *  1. Does the insertion run repeatedly? The innermost enclosing function that is an
 *     interval/listener/subscription/observer callback, a self-rescheduling timer or
 *     animation-frame callback, an `on*` handler (property or JSX attribute), a function
 *     named like an update/render/handler function, or a function or class method passed
 *     to or called from one of those.
 *  2. Is the inserted node new on every run and the container not? The node comes from
 *     `createElement`, `cloneNode`, `new Image()`, a local factory returning one, or a
 *     binding assigned one in that function; the container is `document.body`/`head`, a
 *     lookup (`getElementById`, `querySelector`), a `this` member, or a binding from outside
 *     the repeating function.
 *  3. Does anything take nodes out? Any child removal (`remove()`, `replaceWith()`,
 *     `removeChild()`, `replaceChildren()`) in the repeating function, in what it calls, or
 *     in its class; an `innerHTML`/`textContent` assignment or `replaceChildren()` on the
 *     container anywhere its owner (module or class) can reach it; or a guard that makes
 *     the insertion happen once (`if (!document.getElementById(id))`, lazy init) or
 *     bounded (`if (list.children.length < 100)`).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import {
  type ClassNode,
  type FunctionNode,
  type Node,
  calleeOf,
  contains,
  enclosingFunction,
  functionBinding,
  functionName,
  isClass,
  isFunction,
  keyName,
  memberName,
  returnedValues,
  staticString,
  unwrap,
} from "../../ast/index.js";
import { Lifecycles, enclosingClass } from "../../lifecycle/owners.js";
import { REACT_BASE_CLASSES, WEB_COMPONENT_BASES } from "../../lifecycle/tables.js";
import {
  CHILD_COUNT_PROPERTIES,
  CLEARING_METHODS,
  CLEARING_PROPERTIES,
  DOCUMENT_ELEMENTS,
  DOCUMENT_FACTORIES,
  ELEMENT_CONSTRUCTORS,
  ELEMENT_LOOKUPS,
  HANDLER_NAME,
  INSERT_METHODS,
  NODE_FACTORIES,
  NON_NODE_REMOVE_HOSTS,
  ONE_TIME_EVENTS,
  OBSERVER_CONSTRUCTORS,
  REPEATING_CALLEES,
  REPEATING_NAME_WORDS,
  RESCHEDULING_CALLEES,
  SELF_REMOVING_METHODS,
} from "../../resources/dom.js";
import { type RefResolver, thisOwner } from "../engine/refs.js";
import { walk } from "../../ast/walk.js";
import { ByPosition } from "../../ast/positions.js";
import { forEachNodeOf, indexedTypes } from "../../ast/node-index.js";
import { type AncestorCache, type AncestorFold, foldAncestors } from "../../ast/ancestors.js";
import { pushTo } from "../../util/maps.js";
import { type Evidence, proven } from "../engine/model.js";
import { evidence } from "../engine/evidence.js";

/** The node types this analysis reads from the node index. */
const CALLS = indexedTypes([T.CallExpression]);
const ASSIGNMENTS = indexedTypes([T.AssignmentExpression]);
const CALLS_AND_ASSIGNMENTS = indexedTypes([T.CallExpression, T.AssignmentExpression]);

export interface DomNodesOptions {
  /** Extra function names that run repeatedly. */
  repeatingFunctions: readonly string[];
  /** Whether update/render/tick/draw/on*-named functions count as repeating. */
  namedFunctions: boolean;
}

export interface DomNodesFinding {
  node: Node;
  /** `appendChild`, `insertAdjacentHTML`, `innerHTML +=`. */
  method: string;
  /** Short text of the container. */
  container: string;
  /** Which function repeats and why: "`updateIcon` (an interval callback)". */
  where: string;
  evidence: Evidence;
}

/** Reported only when proved: a long-lived container, code that repeats, no removal anywhere. */
const DOM_EVIDENCE: Evidence = evidence(proven("a long-lived container"), proven("the insertion runs again"), proven("nothing removes the nodes"));

interface Region {
  fn: FunctionNode;
  where: string;
}

const MAX_DEPTH = 4;

export class DomNodesAnalysis {
  private readonly lifecycles: Lifecycles;
  private readonly roles = new WeakMap<FunctionNode, string | null>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly refs: RefResolver,
    private readonly options: DomNodesOptions,
  ) {
    this.lifecycles = new Lifecycles(refs, { reactish: new WeakSet() }, []);
  }

  // -------------------------------------------------------------------------
  // Entry points

  /** `container.appendChild(node)` and the other insert methods. */
  /** Whether a call can be an insertion at all (a cheap name test, before the analysis is built). */
  static candidateCall(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    const method = callee.type === T.MemberExpression ? memberName(callee) : undefined;
    return method !== undefined && Object.hasOwn(INSERT_METHODS, method);
  }

  checkCall(call: TSESTree.CallExpression): DomNodesFinding | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) return undefined;
    const method = memberName(callee);
    if (method === undefined || !Object.hasOwn(INSERT_METHODS, method)) return undefined;
    const spec = INSERT_METHODS[method]!;
    const inserted =
      spec.nodes === "all"
        ? call.arguments
        : spec.nodes.flatMap((index) => (call.arguments[index] ? [call.arguments[index]] : []));
    if (inserted.length === 0) return undefined;
    if (spec.html && call.arguments.length < 2) return undefined;
    return this.check(call, method, callee.object, inserted, !!spec.html);
  }

  /** `container.innerHTML += "<li>…</li>"`: re-parses and keeps every earlier item. */
  checkAssignment(node: TSESTree.AssignmentExpression): DomNodesFinding | undefined {
    if (node.operator !== "+=" || node.left.type !== T.MemberExpression) return undefined;
    if (memberName(node.left) !== "innerHTML") return undefined;
    return this.check(node, "innerHTML +=", node.left.object, [node.right], true);
  }

  private check(node: Node, method: string, receiver: Node, inserted: readonly Node[], html: boolean): DomNodesFinding | undefined {
    const region = this.repeatingRegion(node);
    if (!region) return undefined;
    const fresh = inserted.some((arg) =>
      arg.type === T.SpreadElement ? false : html ? this.hasTag(arg, 0) : this.isFresh(arg, region.fn, 0, method),
    );
    if (!fresh) return undefined;
    if (!this.isLongLived(receiver, region.fn, 0)) return undefined;
    if (this.guarded(node, region.fn)) return undefined;
    if (this.removedSomewhere(receiver, region.fn)) return undefined;
    return { node, method, container: this.refs.text(receiver), where: region.where, evidence: DOM_EVIDENCE };
  }

  // -------------------------------------------------------------------------
  // 1. Where the insertion repeats

  /** The innermost enclosing function that runs again and again. */
  private repeatingRegion(node: Node): Region | undefined {
    return foldAncestors(node, this.regionFold, this.regions) ?? undefined;
  }

  /** `repeatingRegion`, kept per node: asked for every insertion, however deep in blocks and callbacks. */
  private readonly regions: AncestorCache<Region | null> = new WeakMap();

  private readonly regionFold: AncestorFold<Region | null> = {
    boundary: (current) => {
      if (!isFunction(current)) return undefined;
      const role = this.roleOf(current, 0);
      if (!role) return undefined;
      const name = functionName(current);
      return { fn: current, where: name ? `\`${name}\` (${role})` : `this ${role.replace(/^an? /, "")}` };
    },
    root: null,
  };

  /** Why `fn` runs again and again ("an interval callback"), or undefined. */
  private roleOf(fn: FunctionNode, depth: number): string | undefined {
    const cached = this.roles.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    if (depth > MAX_DEPTH) return undefined;
    this.roles.set(fn, null); // cycle guard
    const role = this.computeRole(fn, depth);
    this.roles.set(fn, role ?? null);
    return role;
  }

  private computeRole(fn: FunctionNode, depth: number): string | undefined {
    const direct = this.callbackRole(fn);
    if (direct) return direct;
    const name = functionName(fn);
    if (name && this.options.repeatingFunctions.includes(name)) return "listed in `repeatingFunctions`";
    if (this.reschedulesItself(fn, name)) return "a callback that schedules itself again";
    if (this.lifecycles.runsOnceAtModuleLevel(fn)) return undefined;
    const caller = this.callerRole(fn, depth);
    if (caller) return caller;
    if (this.options.namedFunctions && name && !this.rendersMarkup(fn)) {
      if (HANDLER_NAME.test(name)) return "named like an event handler";
      const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|[_$]+/).map((word) => word.toLowerCase());
      if (words.some((word) => REPEATING_NAME_WORDS.includes(word))) return "named like an update function";
    }
    return undefined;
  }

  /** A callback passed to something that calls it again and again, or set as an `on*` handler. */
  private callbackRole(fn: Node): string | undefined {
    let value: Node = fn;
    let parent = value.parent;
    // `handler.bind(this)` passes the same function.
    if (parent?.type === T.MemberExpression && parent.object === value && memberName(parent) === "bind" && parent.parent?.type === T.CallExpression) {
      value = parent.parent;
      parent = value.parent;
    }
    while (parent && (parent.type === T.TSAsExpression || parent.type === T.TSNonNullExpression || parent.type === T.ChainExpression)) {
      value = parent;
      parent = value.parent;
    }
    if (!parent) return undefined;
    if (parent.type === T.CallExpression && parent.arguments.includes(value as TSESTree.CallExpressionArgument)) {
      const { name } = calleeOf(parent);
      if (name && Object.hasOwn(REPEATING_CALLEES, name)) {
        if (this.firesOnce(parent)) return undefined;
        return `an ${REPEATING_CALLEES[name]!}`.replace(/^an ([^aeiou])/, "a $1");
      }
    }
    if (parent.type === T.NewExpression && parent.arguments[0] === value) {
      const callee = unwrap(parent.callee);
      if (callee.type === T.Identifier && OBSERVER_CONSTRUCTORS.has(callee.name)) return "an observer callback";
    }
    if (parent.type === T.AssignmentExpression && parent.right === value && parent.left.type === T.MemberExpression) {
      const name = memberName(parent.left);
      if (name && /^on[a-z]+$/.test(name) && name !== "onload" && name !== "onDOMContentLoaded") return "an event handler";
    }
    if (parent.type === T.JSXExpressionContainer && parent.parent?.type === T.JSXAttribute) {
      const attribute = parent.parent.name;
      if (attribute.type === T.JSXIdentifier && /^on[A-Z]/.test(attribute.name)) return "an event handler";
    }
    return undefined;
  }

  /** `addEventListener("DOMContentLoaded", …)` on the page, or a listener added with `{ once: true }`. */
  private firesOnce(call: TSESTree.CallExpression): boolean {
    const { object } = calleeOf(call);
    const type = staticString(call.arguments[0]);
    if (type && ONE_TIME_EVENTS.has(type) && object && (this.refs.isGlobalPath(object, "document") || this.refs.isGlobalPath(object, "window"))) {
      return true;
    }
    const options = call.arguments[2] && unwrap(call.arguments[2]);
    return (
      options?.type === T.ObjectExpression &&
      options.properties.some(
        (property) =>
          property.type === T.Property && keyName(property.key, property.computed) === "once" && property.value.type === T.Literal && property.value.value === true,
      )
    );
  }

  /** `function loop() { …; requestAnimationFrame(loop) }` and `setTimeout(this.poll, ms)` inside `poll`. */
  private reschedulesItself(fn: FunctionNode, name: string | undefined): boolean {
    if (!name) return false;
    return this.reschedulingIndex().get(name)?.anyInside(fn.body) ?? false;
  }

  /**
   * The file's `setTimeout(...)`, `requestAnimationFrame(...)` & co by each name their
   * arguments mention (`loop`, `this.poll`), and by position; built on first use. Walking each
   * named function's body for them cost the body's size per function: n·depth for nested ones.
   */
  private rescheduling: Map<string, ByPosition<Node>> | undefined;

  private reschedulingIndex(): Map<string, ByPosition<Node>> {
    if (!this.rescheduling) {
      const byName = new Map<string, Node[]>();
      forEachNodeOf(this.sourceCode, CALLS, (node) => {
        if (node.type !== T.CallExpression) return;
        const { name: callee } = calleeOf(node);
        if (!callee || !RESCHEDULING_CALLEES.has(callee)) return;
        const names = new Set<string>();
        for (const arg of node.arguments) this.mentionedNames(arg, names);
        for (const name of names) pushTo(byName, name, node);
      });
      this.rescheduling = new Map([...byName].map(([name, calls]) => [name, new ByPosition(calls, (call) => call)]));
    }
    return this.rescheduling;
  }

  /** Adds the names `node` mentions: identifiers (not as a property name) and `this.name` members. */
  private mentionedNames(node: Node, names: Set<string>): void {
    walk(node, this.sourceCode.visitorKeys, (inner) => {
      if (inner.type === T.Identifier && !(inner.parent?.type === T.MemberExpression && inner.parent.property === inner && !inner.parent.computed)) names.add(inner.name);
      if (inner.type === T.MemberExpression && unwrap(inner.object).type === T.ThisExpression) {
        const name = memberName(inner);
        if (name !== undefined) names.add(name);
      }
    });
  }

  /** The role of a place that passes `fn` as a callback or calls it from a repeating function. */
  private callerRole(fn: FunctionNode, depth: number): string | undefined {
    for (const use of this.usesOf(fn)) {
      const role = this.callbackRole(use);
      if (role) return role;
      const parent = use.parent;
      if (parent?.type === T.CallExpression && parent.callee === use) {
        for (let current = enclosingFunction(parent); current && current !== fn; current = enclosingFunction(current)) {
          const outer = this.roleOf(current, depth + 1);
          if (outer) return `called from ${describeRole(outer)}`;
        }
      }
    }
    return undefined;
  }

  /** References to a function: `name` for a declared function, `this.name` for a class method. */
  private usesOf(fn: FunctionNode): Node[] {
    const parent = fn.parent;
    const uses: Node[] = [];
    if ((parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) && parent.value === fn) {
      const cls = parent.parent.parent;
      const name = keyName(parent.key, parent.computed);
      if (!name || !isClass(cls)) return uses;
      return this.thisMembersOf(cls).get(name) ?? uses;
    }
    const id = functionBinding(fn);
    if (!id) return uses;
    const variable = this.refs.variable(id);
    for (const reference of variable?.references ?? []) {
      if (reference.identifier === id || reference.init) continue;
      uses.push(reference.identifier);
    }
    return uses;
  }

  private readonly thisMembers = new WeakMap<ClassNode, Map<string, Node[]>>();

  /**
   * The `this.name` reads of a class's own `this` in its body, by name, in source order: one
   * walk per class, where walking the class for each method's uses cost methods × class size.
   */
  private thisMembersOf(cls: ClassNode): Map<string, Node[]> {
    let byName = this.thisMembers.get(cls);
    if (!byName) {
      const found = new Map<string, Node[]>();
      walk(cls.body, this.sourceCode.visitorKeys, (node) => {
        if (node.type !== T.MemberExpression || unwrap(node.object).type !== T.ThisExpression) return;
        const name = memberName(node);
        if (name !== undefined && thisOwner(unwrap(node.object)) === cls) pushTo(found, name, node);
      });
      byName = found;
      this.thisMembers.set(cls, byName);
    }
    return byName;
  }

  /** A function that returns JSX or `h(...)`: framework render code, not DOM updates. */
  private rendersMarkup(fn: FunctionNode): boolean {
    const cls = enclosingClass(fn);
    if (cls?.superClass) {
      const superClass = unwrap(cls.superClass);
      const base = superClass.type === T.Identifier ? superClass.name : superClass.type === T.MemberExpression ? memberName(superClass) : undefined;
      if (base && REACT_BASE_CLASSES.has(base)) return true;
    }
    return returnedValues(fn).some((value) => {
      const inner = unwrap(value);
      if (inner.type === T.JSXElement || inner.type === T.JSXFragment) return true;
      if (inner.type === T.CallExpression) {
        // Vue's `h(...)`, `React.createElement(...)`
        const { object, name } = calleeOf(inner);
        return name === "h" || (name === "createElement" && object?.type === T.Identifier && object.name === "React");
      }
      return false;
    });
  }

  // -------------------------------------------------------------------------
  // 2. Fresh nodes, long-lived containers

  /** Whether `node` denotes a node created anew on every run of `region`. */
  private isFresh(node: Node, region: FunctionNode, depth: number, method: string): boolean {
    if (depth > MAX_DEPTH) return false;
    const inner = unwrap(node);
    switch (inner.type) {
      case T.Literal:
        return typeof inner.value === "string" && inner.value.length > 0 && (method === "append" || method === "prepend");
      case T.TemplateLiteral:
        return method === "append" || method === "prepend";
      case T.NewExpression: {
        const callee = unwrap(inner.callee);
        return callee.type === T.Identifier && ELEMENT_CONSTRUCTORS.has(callee.name) && this.refs.isGlobal(callee, callee.name);
      }
      case T.CallExpression:
        return this.createsNode(inner, region, depth);
      case T.ConditionalExpression:
        return this.isFresh(inner.consequent, region, depth + 1, method) && this.isFresh(inner.alternate, region, depth + 1, method);
      case T.Identifier: {
        const variable = this.refs.variable(inner);
        if (!variable) return false;
        const def = variable.defs[0];
        if (def && contains(region, def.name) && def.type === "Variable" && def.node.init) {
          // Declared here: its initialiser and every reassignment here must create a node.
          return this.isFresh(def.node.init, region, depth + 1, "appendChild") && this.assignedFreshIn(inner, region, depth, true);
        }
        return this.assignedFreshIn(inner, region, depth);
      }
      case T.MemberExpression:
        return this.assignedFreshIn(inner, region, depth);
      default:
        return false;
    }
  }

  /** A call that returns a new node: `document.createElement`, `cloneNode`, a local factory. */
  private createsNode(call: TSESTree.CallExpression, region: FunctionNode, depth: number): boolean {
    const { object, name } = calleeOf(call);
    if (!name) return false;
    if (object && DOCUMENT_FACTORIES.has(name)) return this.isDocument(object);
    if (object && NODE_FACTORIES.has(name)) return true;
    if (name === "assign" && object?.type === T.Identifier && object.name === "Object" && call.arguments[0]) {
      return this.isFresh(call.arguments[0], region, depth + 1, "appendChild");
    }
    const target = this.lifecycles.resolveFunction(call.callee);
    if (!target || target === region) return false;
    return returnedValues(target).some((value) => this.isFresh(value, target, depth + 1, "appendChild"));
  }

  /** `document`, `window.document`, `el.ownerDocument`, `frame.contentDocument`, a `doc` binding. */
  private isDocument(node: Node): boolean {
    const inner = unwrap(node);
    if (this.refs.isGlobalPath(inner, "document")) return true;
    if (inner.type === T.MemberExpression) {
      const name = memberName(inner);
      return name === "ownerDocument" || name === "contentDocument" || name === "document";
    }
    return inner.type === T.Identifier && /^(doc|document|ownerDocument)$/i.test(inner.name);
  }

  /**
   * Every assignment in `region` to the location `node` names creates a node, and there
   * is at least one (or none is needed: `vacuous`).
   */
  private assignedFreshIn(node: Node, region: FunctionNode, depth: number, vacuous = false): boolean {
    const key = this.refs.key(node);
    if (!key) return false;
    let fresh = 0;
    let other = 0;
    for (const inner of this.assignmentsIn(region, key)) {
      if (inner.operator === "=" && this.isFresh(inner.right, region, depth + 1, "appendChild")) fresh++;
      else other++;
    }
    return other === 0 && (fresh > 0 || vacuous);
  }

  /**
   * The assignments in `region` (nested functions included) to the location `key` names, in
   * source order. Read off one index of the file's assignments by key and position (built on
   * first use): walking each region for them cost n·depth when regions nest.
   */
  private assignmentsIn(region: FunctionNode, key: string): TSESTree.AssignmentExpression[] {
    return this.assignmentIndex().get(key)?.inside(region.body) ?? [];
  }

  private assignments: Map<string, ByPosition<TSESTree.AssignmentExpression>> | undefined;

  private assignmentIndex(): Map<string, ByPosition<TSESTree.AssignmentExpression>> {
    if (!this.assignments) {
      const byKey = new Map<string, TSESTree.AssignmentExpression[]>();
      forEachNodeOf(this.sourceCode, ASSIGNMENTS, (inner) => {
        if (inner.type !== T.AssignmentExpression) return;
        const key = this.refs.key(inner.left);
        if (key) pushTo(byKey, key, inner);
      });
      this.assignments = new Map([...byKey].map(([key, nodes]) => [key, new ByPosition(nodes, (node) => node)]));
    }
    return this.assignments;
  }

  /** Whether a container outlives one run of `region`: the same element receives every run's node. */
  private isLongLived(node: Node, region: FunctionNode, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const inner = unwrap(node);
    switch (inner.type) {
      case T.ThisExpression: {
        const cls = thisOwner(inner);
        return isClass(cls) && isCustomElement(cls);
      }
      case T.CallExpression: {
        const { object, name } = calleeOf(inner);
        if (!object || !name || !ELEMENT_LOOKUPS.has(name)) return false;
        return this.isDocument(object) || this.isLongLived(object, region, depth + 1);
      }
      case T.MemberExpression: {
        if (this.assignedFreshIn(inner, region, depth)) return false;
        const object = unwrap(inner.object);
        if (this.refs.isGlobalPath(object, "document")) {
          const name = memberName(inner);
          return name !== undefined && DOCUMENT_ELEMENTS.has(name);
        }
        if (object.type === T.ThisExpression) return isClass(thisOwner(object)) || this.isLongLived(object, region, depth + 1);
        return this.isLongLived(object, region, depth + 1);
      }
      case T.Identifier: {
        const variable = this.refs.variable(inner);
        const def = variable?.defs[0];
        if (!variable || !def) return false;
        if (this.assignedFreshIn(inner, region, depth)) return false;
        // Bound outside the repeating function: the same object on every run.
        if (!contains(region, def.name)) return true;
        if (def.type === "Variable" && def.node.init) return this.isLongLived(def.node.init, region, depth + 1);
        return false;
      }
      default:
        return false;
    }
  }

  /** Whether an HTML string (or a binding/concatenation of one) contains a tag. */
  private hasTag(node: Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const inner = unwrap(node);
    const text = staticString(inner);
    if (text !== undefined) return /<[a-z]/i.test(text);
    if (inner.type === T.TemplateLiteral) return inner.quasis.some((quasi) => /<[a-z]/i.test(quasi.value.raw));
    if (inner.type === T.BinaryExpression && inner.operator === "+") {
      return this.hasTag(inner.left, depth + 1) || this.hasTag(inner.right, depth + 1);
    }
    if (inner.type === T.Identifier) {
      const def = this.refs.variable(inner)?.defs[0];
      if (def?.type === "Variable" && def.node.init) return this.hasTag(def.node.init, depth + 1);
    }
    if (inner.type === T.CallExpression && unwrap(inner.callee).type === T.MemberExpression) {
      // `items.map((i) => `<li>…</li>`).join("")`
      const { object, name } = calleeOf(inner);
      if (name === "join" && object?.type === T.CallExpression) {
        const mapped = object.arguments[0];
        const fn = mapped && unwrap(mapped);
        if (fn && isFunction(fn)) return returnedValues(fn).some((value) => this.hasTag(value, depth + 1));
      }
    }
    return false;
  }

  // -------------------------------------------------------------------------
  // 3. Removals and guards

  /** The insertion only happens when the node is missing, or while the container is small. */
  private guarded(node: Node, region: FunctionNode): boolean {
    let child: Node = node;
    for (let current = node.parent; current && current !== region; child = current, current = current.parent) {
      if (current.type === T.IfStatement || current.type === T.ConditionalExpression) {
        if (current.consequent === child && this.guardsInsertion(current.test, region, true)) return true;
        if (current.alternate === child && this.guardsInsertion(current.test, region, false)) return true;
      }
      if (current.type === T.LogicalExpression && current.right === child) {
        if (this.guardsInsertion(current.left, region, current.operator === "&&")) return true;
      }
      if ((current.type === T.BlockStatement || current.type === T.Program) && this.earlyExitEnd(current, region) <= child.range[0]) return true;
    }
    return false;
  }

  private readonly earlyExits = new WeakMap<Node, Map<FunctionNode, number>>();

  /**
   * Where the first `if (<guard>) return` of a block ends (Infinity: none), once per block: the
   * insertions after it are guarded. Scanning the statements before each insertion made a block
   * of n insertions cost n².
   */
  private earlyExitEnd(block: TSESTree.BlockStatement | TSESTree.Program, region: FunctionNode): number {
    let perRegion = this.earlyExits.get(block);
    if (!perRegion) {
      perRegion = new Map();
      this.earlyExits.set(block, perRegion);
    }
    let end = perRegion.get(region);
    if (end === undefined) {
      const guard = block.body.find(
        (statement) => statement.type === T.IfStatement && exits(statement.consequent) && this.guardsInsertion(statement.test, region, false),
      );
      end = guard ? guard.range[1] : Infinity;
      perRegion.set(region, end);
    }
    return end;
  }

  /**
   * Whether reaching the insertion through `test` (taken when `when` is true, skipped
   * otherwise) means the node was missing or the container is small.
   */
  private guardsInsertion(test: Node, region: FunctionNode, when: boolean, seen = new Set<Node>()): boolean {
    const inner = unwrap(test);
    if (this.mentionsChildCount(inner)) return true;
    if (inner.type === T.UnaryExpression && inner.operator === "!") return this.guardsInsertion(inner.argument, region, !when, seen);
    if (inner.type === T.LogicalExpression) {
      return this.guardsInsertion(inner.left, region, when, seen) || this.guardsInsertion(inner.right, region, when, seen);
    }
    if (inner.type === T.BinaryExpression && ["==", "===", "!=", "!=="].includes(inner.operator)) {
      const [value, other] = isNullish(inner.right) ? [inner.left, inner.right] : isNullish(inner.left) ? [inner.right, inner.left] : [];
      if (!value || !other) return false;
      const negated = inner.operator === "==" || inner.operator === "===";
      return this.guardsInsertion(value, region, negated ? !when : when, seen);
    }
    // A presence test: the insertion runs when the thing is absent (`when` false).
    if (when) return false;
    if (inner.type === T.CallExpression) {
      const { name } = calleeOf(inner);
      return !!name && (ELEMENT_LOOKUPS.has(name) || name === "contains" || name === "has");
    }
    if (inner.type === T.MemberExpression) {
      const name = memberName(inner);
      if (name === "isConnected" || name === "parentNode" || name === "parentElement") return true;
    }
    if (inner.type === T.Identifier || inner.type === T.MemberExpression) {
      // `if (!overlay) { overlay = create(); document.body.append(overlay) }`
      const key = this.refs.key(inner);
      if (key && this.assignedIn(key, region)) return true;
      if (inner.type === T.Identifier) {
        const def = this.refs.variable(inner)?.defs[0];
        // `var overlay = overlay || null`: follow each declarator once.
        if (def?.type === "Variable" && def.node.init && !seen.has(def.node)) {
          seen.add(def.node);
          return this.guardsInsertion(def.node.init, region, false, seen);
        }
      }
    }
    return false;
  }

  private mentionsChildCount(node: Node): boolean {
    let found = false;
    walk(node, this.sourceCode.visitorKeys, (inner) => {
      if (found || isFunction(inner)) return false;
      if (inner.type === T.MemberExpression && CHILD_COUNT_PROPERTIES.has(memberName(inner) ?? "")) found = true;
    });
    return found;
  }

  private assignedIn(key: string, region: FunctionNode): boolean {
    return this.assignmentIndex().get(key)?.anyInside(region.body) ?? false;
  }

  /** Something takes nodes out of the container (or out of the tree) where the owner can see it. */
  private removedSomewhere(container: Node, region: FunctionNode): boolean {
    const keys = this.containerKeys(container);
    const cls = enclosingClass(region);
    // Child removals of any kind in the repeating function, what it calls, and its class.
    let callees = this.regionCallees.get(region);
    if (!callees) {
      callees = this.calleesOf(region, 0, new Set());
      this.regionCallees.set(region, callees);
    }
    const places: Node[] = [region, ...callees];
    if (cls) places.push(cls.body);
    if (places.some((place) => this.removedIn(place, keys))) return true;
    // Clears of this very container anywhere in the module (its owner for module bindings and lookups).
    const { byKey } = this.removalIndex();
    return [...keys].some((key) => byKey.has(key));
  }

  /** `calleesOf` a repeating region, once per region (one walk however many insertions it makes). */
  private readonly regionCallees = new WeakMap<FunctionNode, FunctionNode[]>();

  /** Functions called from `fn` (directly or in its nested callbacks) that resolve in this file. */
  private calleesOf(fn: FunctionNode, depth: number, seen: Set<FunctionNode>): FunctionNode[] {
    if (depth > 2 || seen.has(fn)) return [];
    seen.add(fn);
    const out: FunctionNode[] = [];
    for (const { target, callbacks } of this.localCallIndex().inside(fn.body)) {
      if (target && !seen.has(target)) {
        out.push(target, ...this.calleesOf(target, depth + 1, seen));
      }
      for (const callback of callbacks) if (!seen.has(callback)) out.push(callback, ...this.calleesOf(callback, depth + 1, seen));
    }
    return out;
  }

  /**
   * The file's calls that call, or pass as a callback (`setTimeout(this.dismiss, 3000)`,
   * `toast.addEventListener("click", close)`), a function of this file; by position, so a
   * repeating region's calls are found without walking it (nested regions would each walk all
   * the deeper ones). Built on first use.
   */
  private localCalls: ByPosition<{ call: Node; target: FunctionNode | undefined; callbacks: FunctionNode[] }> | undefined;

  private localCallIndex(): ByPosition<{ call: Node; target: FunctionNode | undefined; callbacks: FunctionNode[] }> {
    if (!this.localCalls) {
      const calls: { call: Node; target: FunctionNode | undefined; callbacks: FunctionNode[] }[] = [];
      forEachNodeOf(this.sourceCode, CALLS, (node) => {
        if (node.type !== T.CallExpression) return;
        const target = this.lifecycles.resolveFunction(node.callee);
        const callbacks: FunctionNode[] = [];
        for (const arg of node.arguments) {
          const passed = unwrap(arg);
          if (passed.type !== T.Identifier && passed.type !== T.MemberExpression) continue;
          const callback = this.lifecycles.resolveFunction(passed);
          if (callback) callbacks.push(callback);
        }
        if (target || callbacks.length > 0) calls.push({ call: node, target, callbacks });
      });
      this.localCalls = new ByPosition(calls, (entry) => entry.call);
    }
    return this.localCalls;
  }

  /** Whether a child removal that is generic, or clears one of `keys`, lies inside `root`. */
  private removedIn(root: Node, keys: ReadonlySet<string>): boolean {
    const index = this.removalIndex();
    return index.generic.anyInside(root) || [...keys].some((key) => index.byKey.get(key)?.anyInside(root) ?? false);
  }

  /**
   * The file's child removals by position: those that take any node out (`x.remove()`,
   * `replaceChildren()`), and per container key those that clear it. Built on first use, for
   * the same reason as `localCallIndex`.
   */
  private removals: { generic: ByPosition<Node>; byKey: Map<string, ByPosition<Node>> } | undefined;

  private removalIndex(): { generic: ByPosition<Node>; byKey: Map<string, ByPosition<Node>> } {
    if (this.removals) return this.removals;
    const generic: Node[] = [];
    const byKey = new Map<string, Node[]>();
    const clears = (node: Node, keys: Iterable<string>): void => {
      for (const key of keys) pushTo(byKey, key, node);
    };
    forEachNodeOf(this.sourceCode, CALLS_AND_ASSIGNMENTS, (node) => {
      if (node.type === T.CallExpression) {
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression) return;
        const name = memberName(callee);
        if (!name) return;
        const receiver = unwrap(callee.object);
        if (SELF_REMOVING_METHODS.has(name)) {
          const host = receiver.type === T.MemberExpression ? memberName(receiver) : undefined;
          if (name === "remove" && (node.arguments.length > 0 || (host && NON_NODE_REMOVE_HOSTS.has(host)))) return;
          generic.push(node);
          clears(node, this.containerKeys(receiver));
        } else if (CLEARING_METHODS.has(name)) {
          const keys = this.containerKeys(receiver);
          clears(node, keys);
          if (name !== "replaceChildren" || keys.size === 0) generic.push(node);
        }
      } else if (node.type === T.AssignmentExpression && node.operator === "=" && node.left.type === T.MemberExpression) {
        const name = memberName(node.left);
        if (name && CLEARING_PROPERTIES.has(name)) clears(node, this.containerKeys(node.left.object));
      }
    });
    const self = (node: Node): Node => node;
    this.removals = { generic: new ByPosition(generic, self), byKey: new Map([...byKey].map(([key, nodes]) => [key, new ByPosition(nodes, self)])) };
    return this.removals;
  }

  /**
   * Keys under which a container is known: its reference key, and for a lookup
   * (`document.getElementById("log")`, or a `const` holding one) the lookup itself.
   */
  private containerKeys(node: Node, depth = 0): Set<string> {
    const keys = new Set<string>();
    if (depth > MAX_DEPTH) return keys;
    const inner = unwrap(node);
    const key = this.refs.key(inner);
    if (key) keys.add(key);
    if (inner.type === T.CallExpression) {
      const { object, name } = calleeOf(inner);
      const arg = staticString(inner.arguments[0]);
      if (object && name && ELEMENT_LOOKUPS.has(name)) {
        if (this.isDocument(object)) {
          if (arg !== undefined) keys.add(`lookup:${name === "getElementById" ? `#${arg}` : arg}`);
        } else {
          // `this.el.querySelector("ul")`: replacing `this.el`'s content replaces the list too.
          for (const key of this.containerKeys(object, depth + 1)) keys.add(key);
        }
      }
    }
    if (inner.type === T.Identifier) {
      const def = this.refs.variable(inner)?.defs[0];
      if (def?.type === "Variable" && def.node.init && def.parent?.kind === "const") {
        for (const alias of this.containerKeys(def.node.init, depth + 1)) keys.add(alias);
      }
    }
    return keys;
  }
}

function describeRole(role: string): string {
  return role.startsWith("called from ") ? role.slice("called from ".length) : role.startsWith("named") || role.startsWith("listed") ? "a repeating function" : role;
}

function isCustomElement(cls: ClassNode): boolean {
  const superClass = cls.superClass ? unwrap(cls.superClass) : undefined;
  const name =
    superClass?.type === T.Identifier ? superClass.name : superClass?.type === T.MemberExpression ? memberName(superClass) : undefined;
  return !!name && WEB_COMPONENT_BASES.test(name);
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === T.ReturnStatement || statement.type === T.ThrowStatement || statement.type === T.ContinueStatement || statement.type === T.BreakStatement) {
    return true;
  }
  return statement.type === T.BlockStatement && statement.body.length > 0 && exits(statement.body[statement.body.length - 1]!);
}

function isNullish(node: Node): boolean {
  const inner = unwrap(node);
  return (inner.type === T.Literal && inner.value === null) || (inner.type === T.Identifier && inner.name === "undefined");
}
