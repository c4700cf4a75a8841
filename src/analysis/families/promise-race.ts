/**
 * Promise races evaluated over and over against a racer that outlives one evaluation.
 *
 * `Promise.race(racers)` attaches a reaction to every racer. A reaction on a racer that
 * stays pending holds the race's resolving functions, hence the race promise and the value
 * it settled with. Evaluated once, that is harmless; evaluated per loop iteration (or per
 * recursive call) against the same long-lived promise, every iteration's result stays
 * reachable from that promise until it settles.
 *
 * "Repeated" means: in a per-iteration part of a loop with no function boundary in between,
 * or directly in a function that calls itself. "Long-lived" means: bound outside that
 * repeated region (resolved through scope) and not rebound inside it, a `this` member, a
 * global, or derived from one of those (`p.then(...)`, `Promise.resolve(p)`, a spread of an
 * outer array). Whatever the iteration creates (calls, `new Promise`, variables declared in
 * the loop body) is short-lived.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import {
  type FunctionNode,
  type LoopNode,
  type Node,
  childNodes,
  contains,
  functionName,
  isClass,
  isFunction,
  isLoop,
  keyName,
  memberName,
  unwrap,
} from "../../ast/index.js";
import { PROMISE_DERIVING_METHODS, PROMISE_PASSTHROUGH_STATICS, RACING_STATICS } from "../../resources/async.js";
import { type RefResolver, thisOwner } from "../engine/refs.js";
import { type Evidence, proven } from "../engine/model.js";
import { evidence } from "../engine/evidence.js";
import { forEachNodeOf, indexedTypes } from "../../ast/node-index.js";
import { type AncestorCache, type AncestorFold, foldAncestors } from "../../ast/ancestors.js";
import { ByPosition } from "../../ast/positions.js";
import { pushTo } from "../../util/maps.js";

/** The node types this analysis reads from the node index. */
const ASSIGNMENTS = indexedTypes([T.AssignmentExpression]);

type Variable = TSESLint.Scope.Variable;

export interface RaceFinding {
  node: TSESTree.CallExpression;
  /** `race` or `any`. */
  method: string;
  /** How the race repeats. */
  repeat: "loop" | "recursion";
  /** The recursive function's name (recursion only). */
  fn: string;
  /** Short source text of the long-lived racer. */
  racer: string;
  /** Why that racer outlives one evaluation, as a clause ("is declared outside the loop"). */
  why: string;
  evidence: Evidence;
}

/**
 * The analysis reports only what it proved: a racer that outlives each evaluation (the holder of
 * every reaction the race attaches), a race that runs again (a loop, a recursion), and no way the
 * reactions go before the racer settles.
 */
const RACE_EVIDENCE: Evidence = evidence(proven("a long-lived racer"), proven("the race runs again"), proven("reactions stay until it settles"));

/** The loop iteration or recursive call in which a race is evaluated once. */
interface Region {
  kind: "loop" | "recursion";
  node: LoopNode | FunctionNode;
  /** The recursive function's self-calls (recursion only). */
  selfCalls: TSESTree.CallExpression[];
  label: string;
}

interface LongLived {
  node: Node;
  why: string;
}

const MAX_DEPTH = 6;

export class PromiseRaceAnalysis {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly refs: RefResolver,
  ) {}

  /** A finding for `call` when it races a long-lived promise repeatedly, else undefined. */
  check(call: TSESTree.CallExpression): RaceFinding | undefined {
    const method = this.racingMethod(call);
    if (!method) return undefined;
    const input = call.arguments[0];
    if (!input) return undefined;
    const region = this.repeatingRegion(call);
    if (!region) return undefined;
    const found = this.longLivedInput(input, region, 0);
    if (!found) return undefined;
    return {
      node: call,
      method,
      repeat: region.kind,
      fn: region.label,
      racer: this.refs.text(found.node),
      why: found.why,
      evidence: RACE_EVIDENCE,
    };
  }

  /** `race` / `any` when `call` is `Promise.race(...)` on the global `Promise`. */
  private racingMethod(call: TSESTree.CallExpression): string | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) return undefined;
    const name = memberName(callee);
    if (name === undefined || !Object.hasOwn(RACING_STATICS, name)) return undefined;
    return this.refs.isGlobalPath(callee.object, "Promise") ? name : undefined;
  }

  // -------------------------------------------------------------------------
  // Where the race repeats

  /**
   * The innermost loop whose every iteration evaluates `node` (no function or class
   * boundary in between), or else the enclosing function if it calls itself.
   */
  private repeatingRegion(node: Node): Region | undefined {
    const around = foldAncestors(node, REPEATING_AROUND, repeatingAround);
    if (!around) return undefined;
    if (isFunction(around)) return this.recursiveRegion(around);
    return { kind: "loop", node: around, selfCalls: [], label: "" };
  }

  private readonly recursion = new WeakMap<FunctionNode, Region | null>();

  /** `fn` as a region when it calls itself, kept per function: every race in it asks. */
  private recursiveRegion(fn: FunctionNode): Region | undefined {
    let region = this.recursion.get(fn);
    if (region === undefined) {
      region = this.findRecursion(fn) ?? null;
      this.recursion.set(fn, region);
    }
    return region ?? undefined;
  }

  private findRecursion(fn: FunctionNode): Region | undefined {
    const selfCalls: TSESTree.CallExpression[] = [];
    let recursive = false;
    const note = (ref: Node): void => {
      recursive = true;
      const parent = ref.parent;
      if (parent?.type === T.CallExpression && parent.callee === ref) selfCalls.push(parent);
    };

    // Calls through the function's own binding: `function poll() { ... poll() }`.
    const declared = this.sourceCode.scopeManager?.getDeclaredVariables(
      fn.parent?.type === T.VariableDeclarator && fn.parent.init === fn ? fn.parent : fn,
    );
    for (const variable of declared ?? []) {
      if (variable.defs.some((def) => def.type !== "FunctionName" && def.type !== "Variable")) continue;
      for (const reference of variable.references) {
        const id = reference.identifier;
        if (!reference.isRead() || !contains(fn, id)) continue;
        if (isInvocation(id)) note(id);
      }
    }

    // Calls through `this`: a method `poll() { ... this.poll() }`.
    const owner = fn.parent;
    if (
      (owner?.type === T.MethodDefinition || owner?.type === T.PropertyDefinition || owner?.type === T.Property) &&
      owner.value === fn
    ) {
      const name = keyName(owner.key, owner.computed);
      // An object literal's methods see the literal as `this` (see `thisOwner`).
      const thisOf = owner.type === T.Property ? owner.parent : owner.parent?.parent;
      if (name !== undefined && thisOf) {
        visit(fn.body, (inner) => {
          if (
            inner.type === T.MemberExpression &&
            inner.object.type === T.ThisExpression &&
            memberName(inner) === name &&
            thisOwner(inner.object) === thisOf &&
            isInvocation(inner)
          ) {
            note(inner);
          }
        });
      }
    }

    if (!recursive) return undefined;
    return { kind: "recursion", node: fn, selfCalls, label: functionName(fn) ?? "this function" };
  }

  // -------------------------------------------------------------------------
  // Which racers outlive one evaluation

  /** The first long-lived racer of the race's argument (an array, a spread, a variable). */
  private longLivedInput(input: Node, region: Region, depth: number): LongLived | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrap(input);
    if (inner.type === T.ArrayExpression) {
      for (const element of inner.elements) {
        if (!element) continue;
        const found =
          element.type === T.SpreadElement
            ? this.longLivedCollection(element.argument, element, region, depth + 1)
            : this.longLivedRacer(element, region, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    return this.longLivedCollection(inner, inner, region, depth + 1);
  }

  /** An iterable of racers: long-lived as a whole when it is bound outside the region. */
  private longLivedCollection(node: Node, shown: Node, region: Region, depth: number): LongLived | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrap(node);
    if (inner.type === T.ArrayExpression) return this.longLivedInput(inner, region, depth + 1);
    if (inner.type === T.Identifier) {
      const variable = this.refs.variable(inner);
      if (variable && this.declaredInside(variable, region)) {
        // `const racers = [next, abort]; racers.push(x)`: look at what goes in.
        const init = this.stableInit(variable);
        if (!init) return undefined;
        const fromInit = this.longLivedCollection(init, shown, region, depth + 1);
        if (fromInit) return fromInit;
        for (const added of pushedInto(variable)) {
          const found = this.longLivedRacer(added, region, depth + 1);
          if (found) return found;
        }
        return undefined;
      }
      // A pool of in-flight promises that leave it as they settle (`pending.delete(p)` in the
      // promise's own `.then`): a concurrency limiter. Each race waits on promises that settle
      // soon, and their reactions go with them.
      if (variable && this.inFlightPool(variable, region, depth)) return undefined;
      // An array bound outside the region: whatever it holds was there before the iteration.
      const outer = this.longLivedVariable(inner, region, depth + 1, true);
      return outer && { node: shown, why: outer.why };
    }
    const whole = this.longLivedRacer(inner, region, depth + 1);
    return whole && { node: shown, why: whole.node === inner ? whole.why : `holds \`${this.refs.text(whole.node)}\`, which ${whole.why}` };
  }

  /** Whether one racer expression denotes a promise that outlives one evaluation. */
  private longLivedRacer(node: Node, region: Region, depth: number): LongLived | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrap(node);
    switch (inner.type) {
      case T.Identifier:
        return this.longLivedVariable(inner, region, depth);
      case T.MemberExpression: {
        if (!staticMemberPath(inner)) return undefined;
        if (this.assignedInside(inner, region)) return undefined;
        const root = memberRoot(inner);
        if (root.type === T.ThisExpression) {
          return { node: inner, why: `is a property of \`this\`, which outlives every ${unit(region)}` };
        }
        if (root.type !== T.Identifier) return undefined;
        const holder = this.longLivedVariable(root, region, depth + 1, true);
        return holder && { node: inner, why: `is read from \`${root.name}\`, which ${holder.why}` };
      }
      case T.CallExpression: {
        const callee = unwrap(inner.callee);
        if (callee.type !== T.MemberExpression) return undefined;
        const name = memberName(callee);
        if (name === undefined) return undefined;
        let source: Node | undefined;
        if (PROMISE_DERIVING_METHODS.has(name)) source = callee.object;
        else if (PROMISE_PASSTHROUGH_STATICS.has(name) && this.refs.isGlobalPath(callee.object, "Promise")) {
          source = inner.arguments[0];
        }
        if (!source || source.type === T.SpreadElement) return undefined;
        const found = this.longLivedRacer(source, region, depth + 1);
        if (!found) return undefined;
        const how = PROMISE_DERIVING_METHODS.has(name) ? "hangs on" : "is";
        return { node: inner, why: `${how} \`${this.refs.text(found.node)}\`, which ${found.why}` };
      }
      case T.ConditionalExpression:
        return (
          this.longLivedRacer(inner.consequent, region, depth + 1) ??
          this.longLivedRacer(inner.alternate, region, depth + 1)
        );
      case T.LogicalExpression:
        return this.longLivedRacer(inner.left, region, depth + 1) ?? this.longLivedRacer(inner.right, region, depth + 1);
      default:
        return undefined;
    }
  }

  /**
   * A variable racer. `asHolder` is set when the variable is the object a racer is read
   * from (`conn.closed`): then only where it lives matters, not what it was initialised with.
   */
  private longLivedVariable(
    id: TSESTree.Identifier,
    region: Region,
    depth: number,
    asHolder = false,
  ): LongLived | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const variable = this.refs.variable(id);
    if (!variable) {
      if (id.name === "undefined" || id.name === "NaN" || id.name === "Infinity") return undefined;
      return { node: id, why: `is a global, which outlives every ${unit(region)}` };
    }
    const def = variable.defs[0];
    if (!def || def.type === "FunctionName" || def.type === "ClassName" || def.type === "Type") return undefined;

    if (this.declaredInside(variable, region)) {
      if (def.type === "Parameter" && region.kind === "recursion") {
        return this.passedThrough(variable, region)
          ? { node: id, why: `is passed unchanged to every call of \`${region.label}\`` }
          : undefined;
      }
      // `const stop = this.stopped` inside the loop is still the long-lived promise.
      const init = this.stableInit(variable);
      if (!init) return undefined;
      const found = this.longLivedRacer(init, region, depth + 1);
      return found && { node: id, why: `is \`${this.refs.text(found.node)}\`, which ${found.why}` };
    }

    if (this.writtenInside(variable, region)) return undefined;
    if (!asHolder && def.type === "Variable" && def.node.init && isPlainValue(def.node.init)) return undefined;
    return { node: id, why: `is declared outside ${region.kind === "loop" ? "the loop" : `\`${region.label}\``}` };
  }

  /**
   * A pool that starts empty, gets only promises made per iteration, and has them taken out
   * again (`pending.delete(p)` as each settles, `running.shift()` after each race).
   */
  private inFlightPool(variable: Variable, region: Region, depth: number): boolean {
    const init = this.stableInit(variable);
    if (!init || !startsEmpty(init) || !takenOutOf(variable)) return false;
    // Each promise removes itself as it settles: whatever it was made from, it leaves the pool.
    if (takenOutOf(variable, true)) return true;
    return methodArguments(variable, ADDS).every(
      (added) => added.type !== T.SpreadElement && this.longLivedRacer(added, region, depth + 1) === undefined,
    );
  }

  /** Whether a variable is bound per evaluation of the region (in the loop's body, or in the function). */
  private declaredInside(variable: Variable, region: Region): boolean {
    const def = variable.defs[0];
    if (!def) return false;
    return inRegion(def.name, region);
  }

  /** Whether the variable is assigned (other than by its declaration) inside the region. */
  private writtenInside(variable: Variable, region: Region): boolean {
    return this.reassignments(variable).some((ref) => inRegion(ref.identifier, region));
  }

  private readonly writes = new WeakMap<Variable, Variable["references"]>();

  /**
   * A variable's writes other than its initialiser, found once per variable: a module-level
   * `shutdown` raced in n loops has n references, and scanning them all for every race was n².
   */
  private reassignments(variable: Variable): Variable["references"] {
    let found = this.writes.get(variable);
    if (!found) {
      found = variable.references.filter((ref) => ref.isWrite() && !ref.init);
      this.writes.set(variable, found);
    }
    return found;
  }

  /** The initialiser of a variable that is never reassigned, else undefined. */
  private stableInit(variable: Variable): Node | undefined {
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def?.type !== "Variable" || def.node.id.type !== T.Identifier) return undefined;
    if (!def.node.init || this.reassignments(variable).length > 0) return undefined;
    return def.node.init;
  }

  /** Whether `this.x = ...` (the same location as `member`) happens inside the region. */
  private assignedInside(member: TSESTree.MemberExpression, region: Region): boolean {
    const key = this.refs.key(member);
    if (key === undefined) return false;
    const assignments = this.memberAssignments().get(key);
    return !!assignments && assignments.inside(region.node).some((node) => inRegion(node, region));
  }

  /**
   * Assignments to a member, by the member's key and by position; built on first use. Walking
   * each race's region for them cost the region's size per race: n² for n races in one loop,
   * or in n nested ones.
   */
  private assignmentIndex: Map<string, ByPosition<TSESTree.AssignmentExpression>> | undefined;

  private memberAssignments(): Map<string, ByPosition<TSESTree.AssignmentExpression>> {
    if (!this.assignmentIndex) {
      const byKey = new Map<string, TSESTree.AssignmentExpression[]>();
      forEachNodeOf(this.sourceCode, ASSIGNMENTS, (node) => {
        if (node.type !== T.AssignmentExpression) return;
        const left = unwrap(node.left);
        const key = left.type === T.MemberExpression ? this.refs.key(left) : undefined;
        if (key !== undefined) pushTo(byKey, key, node);
      });
      this.assignmentIndex = new Map([...byKey].map(([key, nodes]) => [key, new ByPosition(nodes, (node) => node)]));
    }
    return this.assignmentIndex;
  }

  /** Whether every recursive call passes this parameter on unchanged (`poll(source, stop)`). */
  private passedThrough(variable: Variable, region: Region): boolean {
    const fn = region.node as FunctionNode;
    const index = fn.params.findIndex((param) => {
      const target = param.type === T.AssignmentPattern ? param.left : param;
      return target.type === T.Identifier && target.name === variable.name && variable.defs[0]?.name === target;
    });
    if (index < 0 || region.selfCalls.length === 0) return false;
    return region.selfCalls.every((call) => {
      const arg = call.arguments[index];
      if (!arg || arg.type === T.SpreadElement) return false;
      const inner = unwrap(arg);
      return inner.type === T.Identifier && this.refs.variable(inner) === variable;
    });
  }
}

// ---------------------------------------------------------------------------
// Helpers

function unit(region: Region): string {
  return region.kind === "loop" ? "iteration" : "call";
}

/** Whether `child` of `loop` runs once per iteration (the head binding of for-in/of counts). */
function evaluatedPerIteration(loop: LoopNode, child: Node): boolean {
  switch (loop.type) {
    case T.ForStatement:
      return child !== loop.init;
    case T.ForInStatement:
    case T.ForOfStatement:
      return child === loop.body || child === loop.left;
    default:
      return true;
  }
}

/** Whether `node` lies in the part of the region that is evaluated anew each time. */
function inRegion(node: Node, region: Region): boolean {
  if (!contains(region.node, node)) return false;
  if (region.kind === "recursion") return true;
  const loop = region.node as LoopNode;
  for (const part of childNodes(loop)) {
    if (contains(part, node)) return evaluatedPerIteration(loop, part);
  }
  return false;
}

/**
 * A loop whose body always leaves it at the end of the first pass (`while (true) { ...; return x; }`)
 * and never continues: it evaluates its body at most once.
 */
function runsAtMostOnce(loop: LoopNode): boolean {
  let once = atMostOnce.get(loop);
  if (once === undefined) {
    once = loopRunsAtMostOnce(loop);
    atMostOnce.set(loop, once);
  }
  return once;
}

/** `runsAtMostOnce`, kept per loop: every race below the loop asks, and the answer searches its body. */
const atMostOnce = new WeakMap<LoopNode, boolean>();

/**
 * The region a race repeats in, kept per node: the innermost loop that evaluates it on every
 * pass (and runs more than once), else the function around it (a region if it calls itself),
 * else none (null).
 */
const REPEATING_AROUND: AncestorFold<LoopNode | FunctionNode | null> = {
  boundary(current, child) {
    if (isLoop(current)) return evaluatedPerIteration(current, child) && !runsAtMostOnce(current) ? current : undefined;
    if (isFunction(current)) return current;
    if (isClass(current) || current.type === T.Program) return null;
    return undefined;
  },
  root: null,
};

const repeatingAround: AncestorCache<LoopNode | FunctionNode | null> = new WeakMap();

function loopRunsAtMostOnce(loop: LoopNode): boolean {
  const body = loop.body;
  const statements = body.type === T.BlockStatement ? body.body : [body];
  const last = statements[statements.length - 1];
  if (!last) return false;
  const exits =
    last.type === T.ReturnStatement ||
    last.type === T.ThrowStatement ||
    // A top-level `break` (labelled or not) can only leave this loop or an outer statement.
    last.type === T.BreakStatement;
  if (!exits) return false;
  const label = loop.parent?.type === T.LabeledStatement ? loop.parent.label.name : undefined;
  let continues = false;
  const search = (node: Node, nestedLoop: boolean): void => {
    if (continues || isFunction(node) || isClass(node)) return;
    if (node.type === T.ContinueStatement) {
      if (node.label ? node.label.name === label : !nestedLoop) continues = true;
      return;
    }
    for (const child of childNodes(node)) search(child, nestedLoop || isLoop(child));
  };
  search(body, false);
  return !continues;
}

/** Whether the reference is called or handed to a call (`poll()`, `setTimeout(poll)`, `this.poll.bind(this)`). */
function isInvocation(ref: Node): boolean {
  let node = ref;
  while (node.parent && (node.parent.type === T.ChainExpression || node.parent.type === T.TSNonNullExpression)) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === T.CallExpression || parent.type === T.NewExpression) {
    return parent.callee === node || parent.arguments.includes(node as TSESTree.Expression);
  }
  if (parent.type === T.MemberExpression && parent.object === node) {
    const name = memberName(parent);
    return (name === "bind" || name === "call" || name === "apply") && parent.parent?.type === T.CallExpression;
  }
  return false;
}

/** Values that are never a pending promise: literals, functions, classes, plain arrays. */
function isPlainValue(init: Node): boolean {
  const inner = unwrap(init);
  switch (inner.type) {
    case T.Literal:
    case T.TemplateLiteral:
    case T.ArrowFunctionExpression:
    case T.FunctionExpression:
    case T.ClassExpression:
    case T.ArrayExpression:
    case T.UnaryExpression:
    case T.BinaryExpression:
      return true;
    default:
      return false;
  }
}

/** `a.b.c` with static keys only, rooted at an identifier or `this`. */
function staticMemberPath(node: TSESTree.MemberExpression): boolean {
  let current: Node = node;
  while (current.type === T.MemberExpression) {
    if (memberName(current) === undefined) return false;
    current = unwrap(current.object);
  }
  return current.type === T.Identifier || current.type === T.ThisExpression;
}

function memberRoot(node: TSESTree.MemberExpression): Node {
  let current: Node = node;
  while (current.type === T.MemberExpression) current = unwrap(current.object);
  return current;
}

const REMOVALS: ReadonlySet<string> = new Set(["delete", "splice", "shift", "pop"]);

const SETTLE_METHODS: ReadonlySet<string> = new Set(["then", "finally", "catch"]);

function inSettleCallback(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.ArrowFunctionExpression || current.type === T.FunctionExpression) {
      const call = current.parent;
      if (call?.type !== T.CallExpression || call.callee === current) return false;
      const callee = unwrap(call.callee);
      return callee.type === T.MemberExpression && SETTLE_METHODS.has(memberName(callee) ?? "");
    }
    if (current.type === T.FunctionDeclaration) return false;
  }
  return false;
}

/** `[]` or `new Set()`. */
function startsEmpty(init: Node): boolean {
  const inner = unwrap(init);
  if (inner.type === T.ArrayExpression) return inner.elements.length === 0;
  return inner.type === T.NewExpression && inner.arguments.length === 0 && inner.callee.type === T.Identifier && inner.callee.name === "Set";
}

/**
 * Whether a collection variable has promises taken out of it (`set.delete(p)`, `list.shift()`);
 * with `onSettle`, only inside a `.then`/`.finally`/`.catch` callback.
 */
function takenOutOf(variable: Variable, onSettle = false): boolean {
  return variable.references.some((reference) => {
    const member = reference.identifier.parent;
    return (
      member?.type === T.MemberExpression &&
      member.object === reference.identifier &&
      REMOVALS.has(memberName(member) ?? "") &&
      member.parent?.type === T.CallExpression &&
      member.parent.callee === member &&
      (!onSettle || inSettleCallback(member.parent))
    );
  });
}

/** Arguments of calls of the named methods on a variable (`list.push(x)`, `set.add(p)`), spreads included. */
function methodArguments(variable: Variable, methods: ReadonlySet<string>): TSESTree.CallExpressionArgument[] {
  const out: TSESTree.CallExpressionArgument[] = [];
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== T.MemberExpression || member.object !== reference.identifier) continue;
    const call = member.parent;
    if (!methods.has(memberName(member) ?? "") || call?.type !== T.CallExpression || call.callee !== member) continue;
    out.push(...call.arguments);
  }
  return out;
}

const PUSHES: ReadonlySet<string> = new Set(["push", "unshift"]);
const ADDS: ReadonlySet<string> = new Set(["push", "unshift", "add"]);

/** Arguments of `array.push(...)` / `array.unshift(...)` calls on a variable. */
function pushedInto(variable: Variable): Node[] {
  return methodArguments(variable, PUSHES).filter((arg) => arg.type !== T.SpreadElement);
}

/** Depth-first visit; `enter` may return false to skip a subtree. */
function visit(root: Node, enter: (node: Node) => boolean | undefined | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
