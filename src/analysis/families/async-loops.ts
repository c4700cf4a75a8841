/**
 * Long-running `await` loops and the tasks that run them: whether a loop can be
 * cancelled (a way out, a signal it checks, a catch that lets the AbortError
 * through), and whether the teardown that cancels a background task waits for it.
 * Used by require-cancellable-loop; independent of the resource engine.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import {
  type FunctionNode,
  type Node,
  calleeOf,
  contains,
  enclosingFunction,
  isClass,
  isFunction,
  isLoop,
  keyName,
  memberName,
  outerParent,
  unwrap,
} from "../../ast/index.js";
import { DEFAULT_TEARDOWN_METHODS } from "../../lifecycle/tables.js";
import {
  ABORTED_PROPERTY,
  ASYNC_LOOP_TRIGGER,
  ABORT_METHOD,
  ENDLESS_ITERATORS,
  EVENTS_MODULES,
  PROMISE_SLEEPS,
  SIGNAL_NAME,
  SIGNAL_PROPERTY,
  SLEEP_HELPER_NAMES,
  THROW_IF_ABORTED,
  TIMERS_PROMISES_MODULES,
} from "../../resources/async.js";
import { type RefResolver, thisOwner } from "../engine/refs.js";
import type { EngineContext } from "../engine/context.js";
import { type Evidence, proven } from "../engine/model.js";
import { HELD_BY_RUNTIME, evidence, ownerProof } from "../engine/evidence.js";
import { walk } from "../../ast/walk.js";
import { type AncestorCache, type AncestorFold, foldAncestors, nearestAncestor } from "../../ast/ancestors.js";
import { forEachNodeOf, indexedTypes } from "../../ast/node-index.js";
import { scopeOf } from "../../ast/scope.js";
import { pushTo } from "../../util/maps.js";

/** The node types `collect` reads (its switch): only these are visited. */
const COLLECTED_TYPES = indexedTypes([T.WhileStatement, T.DoWhileStatement, T.ForStatement, T.ForOfStatement, T.AssignmentExpression, T.UpdateExpression, T.CallExpression, T.NewExpression, T.AwaitExpression, T.ReturnStatement, T.BreakStatement, T.ContinueStatement, T.ThrowStatement, T.MemberExpression, T.ClassDeclaration, T.ClassExpression]);

export type AsyncLoopMessageId = "loopNeverExits" | "abortSwallowed" | "cancelNotAwaited" | "sleepIgnoresSignal";

export interface AsyncLoopOptions {
  /** Extra method names that end a class's (or a module's) life. */
  teardownMethods?: readonly string[];
  /** Report sleeps in long-running loops that ignore a signal in scope. */
  checkIgnoredSignal?: boolean;
}

export interface AsyncLoopFinding {
  messageId: AsyncLoopMessageId;
  node: Node;
  data: Record<string, string>;
  evidence: Evidence;
}

/** `{ close: ["end"] }` (Node's `events.on` option): the iterator finishes when one of those events fires. */
function closesOnEvents(arg: Node): boolean {
  const inner = unwrap(arg);
  return (
    inner.type === T.ObjectExpression &&
    inner.properties.some((property) => property.type === T.Property && !property.computed && keyName(property.key, false) === "close")
  );
}

type LoopNode =
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement
  | TSESTree.ForStatement
  | TSESTree.ForOfStatement;

/**
 * How a loop's head keeps it running:
 * - `constant`: `while (true)`, `for (;;)`; `flag-never`: a flag nothing ever sets to its stop value;
 * - `source`: `for await` over an endless iterator created without a signal;
 * - `flag-stopped`: a flag other code sets; `signal`: the head reads `signal.aborted`;
 *   `source-signal`: an endless iterator that gets a signal (its abort ends the loop).
 */
type HeadKind = "constant" | "flag-never" | "source" | "flag-stopped" | "signal" | "source-signal";
const UNCANCELLABLE_HEADS: ReadonlySet<HeadKind> = new Set(["constant", "flag-never", "source"]);

interface LoopInfo {
  loop: LoopNode;
  fn: FunctionNode;
  head: HeadKind;
}

/** See `AsyncLoopAnalysis.waysOut`. */
interface WaysOut {
  /** Loops a `break` or a labelled `continue` leaves. */
  exits: Set<Node>;
  /** Loops a `throw` leaves (no `try` inside catches it). */
  throwExits: Set<Node>;
  /** Loops with a signal use whose AbortError no `try` inside catches. */
  uncaughtUses: Set<Node>;
  /** Per loop, the `try` inside it that catches its first caught signal use. */
  firstCaughtUse: Map<Node, TSESTree.TryStatement>;
}

type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/** A definite defect of a loop its owner cancels: the event loop keeps it running. */
const CANCELLATION_BUG: Evidence = evidence(HELD_BY_RUNTIME, proven("cancelled by its owner"), proven("nothing ends it"));

/**
 * Whether the file's text can hold anything this analysis reports, checked before the engine is
 * built: every finding is about a loop whose enclosing function is `async` (and no generator), so
 * a file that never says `async` has none. The rule then looks for such a loop (`isAsyncLoop`).
 */
export function mayHaveAsyncLoops(text: string): boolean {
  return ASYNC_LOOP_TRIGGER.test(text);
}

/** The node types of the loops `isAsyncLoop` can accept (for a rule's visitor). */
export const ASYNC_LOOP_TYPES = [T.WhileStatement, T.DoWhileStatement, T.ForStatement, T.ForOfStatement] as const;

/**
 * A loop this analysis can report on: in an `async` function that is not a generator
 * (`describeLoop` drops the rest first). A file without one has no finding.
 */
export function isAsyncLoop(node: Node): boolean {
  return isLoopNode(node) && isAsyncRunner(enclosingFunction(node));
}

/** An `async` function that is not a generator: the only functions whose loops `describeLoop` keeps. */
function isAsyncRunner(fn: FunctionNode | undefined): boolean {
  return !!fn && fn.async && !fn.generator;
}

export function analyzeAsyncLoops(ctx: EngineContext, options: AsyncLoopOptions = {}): AsyncLoopFinding[] {
  return new AsyncLoopAnalysis(ctx, options).run();
}

class AsyncLoopAnalysis {
  private readonly refs: RefResolver;
  private readonly keys: VisitorKeys;
  private readonly findings: AsyncLoopFinding[] = [];
  private readonly teardownNames: ReadonlySet<string>;
  /** Every assignment and update of the file, in source order (keyed on first use: `writesTo`). */
  private readonly writeNodes: (TSESTree.AssignmentExpression | TSESTree.UpdateExpression)[] = [];
  /** Every write `key = value` / `key++` of the file: the written value, or undefined when unknown. */
  private writes: Map<string, { node: Node; value: Node | undefined }[]> | undefined;
  private readonly loopNodes: LoopNode[] = [];
  private readonly calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  private readonly classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[] = [];
  /**
   * Loops whose per-iteration parts hold an `await` (or a `for await`), and loops whose parts
   * return or read `.aborted` (a way out or a check, so nothing to report). Marked from each
   * such node up through its enclosing loops, once: asking each loop to walk its own body made
   * n nested loops cost n² (issue 12 §2).
   */
  private readonly awaiting = new Set<Node>();
  private readonly returnsOrChecks = new Set<Node>();
  /** `break`, `continue` and `throw` statements of the file (see `waysOut`). */
  private readonly jumps: (TSESTree.BreakStatement | TSESTree.ContinueStatement | TSESTree.ThrowStatement)[] = [];
  private ways: WaysOut | undefined;

  private readonly sourceCode: Readonly<TSESLint.SourceCode>;

  constructor(
    private readonly ctx: EngineContext,
    private readonly options: AsyncLoopOptions,
  ) {
    this.sourceCode = ctx.sourceCode;
    this.refs = ctx.refs;
    this.keys = ctx.sourceCode.visitorKeys;
    this.teardownNames = new Set([...DEFAULT_TEARDOWN_METHODS, ...(options.teardownMethods ?? [])]);
  }

  run(): AsyncLoopFinding[] {
    this.collect();
    const loops = this.loopNodes.map((loop) => this.describeLoop(loop)).filter((info): info is LoopInfo => !!info);
    for (const info of loops) this.checkLoop(info);
    if (this.options.checkIgnoredSignal) this.checkSleeps(loops);
    this.checkTasks(loops);
    return this.findings;
  }

  private collect(): void {
    forEachNodeOf(this.sourceCode, COLLECTED_TYPES, (node) => {
      switch (node.type) {
        case T.WhileStatement:
        case T.DoWhileStatement:
        case T.ForStatement:
          this.loopNodes.push(node);
          break;
        case T.ForOfStatement:
          if (node.await) {
            this.loopNodes.push(node);
            markEnclosingLoops(node, this.awaiting);
          }
          break;
        case T.AssignmentExpression:
        case T.UpdateExpression:
          this.writeNodes.push(node);
          break;
        case T.CallExpression:
        case T.NewExpression:
          this.calls.push(node);
          break;
        case T.AwaitExpression:
          markEnclosingLoops(node, this.awaiting);
          break;
        case T.ReturnStatement:
          markEnclosingLoops(node, this.returnsOrChecks);
          break;
        case T.BreakStatement:
        case T.ContinueStatement:
        case T.ThrowStatement:
          this.jumps.push(node);
          break;
        case T.MemberExpression:
          if (memberName(node) === ABORTED_PROPERTY) markEnclosingLoops(node, this.returnsOrChecks);
          break;
        case T.ClassDeclaration:
        case T.ClassExpression:
          this.classes.push(node);
          break;
        default:
          break;
      }
    });
  }

  // -------------------------------------------------------------------------
  // Which loops run for long

  private describeLoop(loop: LoopNode): LoopInfo | undefined {
    const fn = enclosingFunction(loop);
    // Top-level loops belong to the process; generators are driven by their consumer.
    if (!fn || !isAsyncRunner(fn)) return undefined;
    const head = this.headKind(loop);
    if (!head) return undefined;
    if (loop.type !== T.ForOfStatement && !this.awaiting.has(loop)) return undefined;
    return { loop, fn, head };
  }

  private readonly readKeysCache = new Map<readonly LoopInfo[], Set<string>>();

  /**
   * Locations the loops read (for stop flags set by a teardown), for one task's loops, once:
   * outer loops first, and a subtree an outer loop's walk took in is not walked again.
   */
  private readKeysOf(loops: readonly LoopInfo[]): Set<string> {
    let keys = this.readKeysCache.get(loops);
    if (keys) return keys;
    const found = new Set<string>();
    const seen = new Set<Node>();
    for (const { loop } of [...loops].sort((a, b) => a.loop.range[0] - b.loop.range[0])) {
      this.walkLoop(loop, (node) => {
        if (seen.has(node)) return "skip";
        seen.add(node);
        if (node.type === T.Identifier || node.type === T.MemberExpression) {
          const key = this.refs.key(node);
          if (key) found.add(key);
        }
      });
    }
    keys = found;
    this.readKeysCache.set(loops, keys);
    return keys;
  }

  private headKind(loop: LoopNode): HeadKind | undefined {
    switch (loop.type) {
      case T.ForStatement:
        return !loop.test || isConstantTruthy(loop.test) ? "constant" : undefined;
      case T.WhileStatement:
      case T.DoWhileStatement:
        if (isConstantTruthy(loop.test)) return "constant";
        if (readsAborted(loop.test, this.keys)) return "signal";
        return this.flagKind(loop, loop.test);
      case T.ForOfStatement: {
        const source = unwrap(loop.right);
        if (source.type !== T.CallExpression || !this.isEndlessIterator(source)) return undefined;
        // `events.on(emitter, "data", { close: ["end"] })` ends the iteration on those events itself.
        if (source.arguments.some((arg) => closesOnEvents(arg))) return undefined;
        return source.arguments.some((arg) => this.mentionsSignal(arg)) ? "source-signal" : "source";
      }
      default:
        return undefined;
    }
  }

  /** `while (running)`, `while (!this.stopped)`: a stop flag, set elsewhere or never. */
  private flagKind(loop: LoopNode, test: Node): HeadKind | undefined {
    let inner = unwrap(test);
    let keepRunningWhenTruthy = true;
    while (inner.type === T.UnaryExpression && inner.operator === "!") {
      keepRunningWhenTruthy = !keepRunningWhenTruthy;
      inner = unwrap(inner.argument);
    }
    if (inner.type !== T.Identifier && inner.type !== T.MemberExpression) return undefined;
    const key = this.refs.key(inner);
    if (!key) return undefined;
    const isThisMember = key.startsWith("this");
    if (!isThisMember) {
      // Only variables declared in this file; a parameter or an import may change out of sight.
      if (inner.type !== T.Identifier) return undefined;
      const def = this.refs.variable(inner)?.defs[0];
      if (def?.type !== "Variable") return undefined;
    }
    let stoppedElsewhere = false;
    for (const write of this.writesTo(key)) {
      const inLoop = contains(loop, write.node) && enclosingFunction(write.node) === enclosingFunction(loop);
      const keepsRunning = write.value !== undefined && literalTruthiness(write.value) === keepRunningWhenTruthy;
      if (keepsRunning) continue;
      // The loop sets its own exit condition: a bounded loop, not a long-running one.
      if (inLoop) return undefined;
      stoppedElsewhere = true;
    }
    return stoppedElsewhere ? "flag-stopped" : "flag-never";
  }

  /**
   * The writes of `key`. Keyed only when a loop's head reads a flag: resolving the target of
   * every assignment in the file cost most of this analysis on files without such a loop.
   */
  private writesTo(key: string): readonly { node: Node; value: Node | undefined }[] {
    if (!this.writes) {
      this.writes = new Map();
      for (const node of this.writeNodes) {
        if (node.type === T.AssignmentExpression) {
          const written = this.refs.key(node.left);
          if (written) pushTo(this.writes, written, { node, value: node.operator === "=" ? node.right : undefined });
        } else {
          const written = this.refs.key(node.argument);
          if (written) pushTo(this.writes, written, { node, value: undefined });
        }
      }
    }
    return this.writes.get(key) ?? [];
  }

  /** `on(emitter, type)` of `node:events`, `setInterval(ms)` of `node:timers/promises`. */
  private isEndlessIterator(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type === T.Identifier) {
      const imported = this.importOf(callee);
      if (!imported) return false;
      return (
        (EVENTS_MODULES.has(imported.module) && ENDLESS_ITERATORS.events.has(imported.name)) ||
        (TIMERS_PROMISES_MODULES.has(imported.module) && ENDLESS_ITERATORS.timersPromises.has(imported.name))
      );
    }
    if (callee.type === T.MemberExpression) {
      const name = memberName(callee);
      const object = unwrap(callee.object);
      if (!name || object.type !== T.Identifier) return false;
      const imported = this.importOf(object);
      if (!imported) return false;
      // `events.on(...)`, `EventEmitter.on(...)`, `timers.setInterval(...)`.
      return (
        (EVENTS_MODULES.has(imported.module) && ENDLESS_ITERATORS.events.has(name)) ||
        (TIMERS_PROMISES_MODULES.has(imported.module) && ENDLESS_ITERATORS.timersPromises.has(name))
      );
    }
    return false;
  }

  /** For an identifier bound by an import: the module and the imported name (`default`/`*` for those). */
  private importOf(id: TSESTree.Identifier): { module: string; name: string } | undefined {
    const def = this.refs.variable(id)?.defs[0];
    if (def?.type !== "ImportBinding") return undefined;
    const declaration = def.parent;
    if (declaration?.type !== T.ImportDeclaration) return undefined;
    const module = String(declaration.source.value);
    const spec = def.node;
    if (spec.type === T.ImportSpecifier) {
      return { module, name: spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value) };
    }
    return { module, name: spec.type === T.ImportDefaultSpecifier ? "default" : "*" };
  }

  /**
   * Walks the per-iteration parts of a loop, not entering nested functions or classes. `visit`
   * may answer "skip" (not into this node) or "stop" (no further).
   */
  private walkLoop(loop: LoopNode, visit: (node: Node) => void | "skip" | "stop"): void {
    let stopped = false;
    for (const part of loopParts(loop)) {
      if (!part || stopped) continue;
      walk(part, this.keys, (node) => {
        if (stopped || isFunction(node) || isClass(node)) return false;
        const answer = visit(node);
        if (answer === "stop") stopped = true;
        return answer === undefined;
      });
    }
  }

  // -------------------------------------------------------------------------
  // Checks 1 and 2: a way out, and a catch that lets cancellation through

  private checkLoop(info: LoopInfo): void {
    if (!UNCANCELLABLE_HEADS.has(info.head)) return;
    const { loop } = info;
    // A `return` or an `.aborted` read in the loop: a way out or a check.
    if (this.returnsOrChecks.has(loop)) return;
    // A `break`, a `throw` that leaves it, or a signal use whose AbortError leaves it.
    const ways = this.waysOut();
    if (ways.exits.has(loop) || ways.throwExits.has(loop) || ways.uncaughtUses.has(loop)) return;
    const swallowing = ways.firstCaughtUse.get(loop);
    if (swallowing?.handler) {
      this.findings.push({
        messageId: "abortSwallowed",
        node: swallowing.handler,
        data: { loop: this.loopText(loop) },
        evidence: CANCELLATION_BUG,
      });
      return;
    }
    // An endless loop is a leak when its owner ends (an effect, a component, a class with a
    // teardown) or starts it again; one started once by the program (`main()`) is its life.
    // A function that takes a signal and never checks it in its endless loop: its caller means to
    // cancel it, and cannot.
    const ignored = info.fn.params.some((param) => this.mentionsSignal(param));
    const owner = ignored ? proven("its caller cancels it through the signal it passes") : ownerProof(this.ctx, this.ctx.lifecycles.ownerOf(loop));
    this.findings.push({ messageId: "loopNeverExits", node: loop, data: { loop: this.loopText(loop) }, evidence: evidence(HELD_BY_RUNTIME, owner, proven("nothing ends it")) });
  }

  /**
   * For every loop at once, what `checkLoop` needs beyond `returnsOrChecks`: the ways out that a
   * walk of its per-iteration parts (not into functions or classes) would meet, and the signal
   * uses there. Each is marked from the statement or call up through the loops around it, as
   * `markEnclosingLoops` does, rather than by walking each loop's body: nested loops made that
   * walk cost n² (issue 12 §2).
   * - an unlabelled `break` leaves the loop or `switch` right around it;
   * - `break label` leaves every loop inside the labelled statement, `continue label` every one
   *   but the labelled loop itself;
   * - a `throw`, or a call that raises the AbortError (`throwIfAborted()`, a call passed the
   *   signal), leaves every loop up to the `try` whose `catch` receives it;
   * - for the loops above that `try`, the call's AbortError is swallowed there: the first such
   *   call in source order (the order a walk meets them) names the `catch` reported.
   */
  private waysOut(): WaysOut {
    if (this.ways) return this.ways;
    const ways: WaysOut = { exits: new Set(), throwExits: new Set(), uncaughtUses: new Set(), firstCaughtUse: new Map() };
    for (const jump of this.jumps) {
      if (jump.type === T.ThrowStatement) {
        markUpToCatch(jump, ways.throwExits);
      } else if (jump.label) {
        const labelled = labelledAncestor(jump, jump.label.name);
        if (!labelled) continue;
        for (let loop = loopAroundOf(jump); loop && contains(labelled, loop); loop = loopAroundOf(loop)) {
          if (jump.type === T.BreakStatement || labelled.body !== loop) ways.exits.add(loop);
        }
      } else if (jump.type === T.BreakStatement) {
        const target = breakTarget(jump);
        if (target && isLoopNode(target)) ways.exits.add(target);
      }
    }
    // `this.calls` is in source order: the first call to reach a loop above its `try` is the first a walk meets.
    for (const call of this.calls) {
      if (!loopAroundOf(call)) continue;
      const { name } = call.type === T.CallExpression ? calleeOf(call) : {};
      if (name !== THROW_IF_ABORTED && !call.arguments.some((arg) => this.mentionsSignal(arg))) continue;
      markUpToCatch(call, ways.uncaughtUses);
      const caughtBy = catchingTryOf(call);
      if (!caughtBy) continue;
      for (let loop = loopAroundOf(caughtBy); loop && !ways.firstCaughtUse.has(loop); loop = loopAroundOf(loop)) ways.firstCaughtUse.set(loop, caughtBy);
    }
    this.ways = ways;
    return ways;
  }

  private loopText(loop: LoopNode): string {
    switch (loop.type) {
      case T.ForStatement:
        return loop.test ? `for (…; ${this.refs.text(loop.test, 24)}; …)` : "for (;;)";
      case T.WhileStatement:
        return `while (${this.refs.text(loop.test, 24)})`;
      case T.DoWhileStatement:
        return `do … while (${this.refs.text(loop.test, 24)})`;
      case T.ForOfStatement:
        return `for await (… of ${this.refs.text(loop.right, 32)})`;
      default:
        return "loop";
    }
  }

  /** Whether an argument passes a signal: `signal`, `{ signal }`, `this.controller.signal`. */
  private mentionsSignal(node: Node): boolean {
    let found = false;
    const visit = (child: Node): boolean | void => {
      if (found) return false;
      // `{ signal: AbortSignal.timeout(ms) }`: the key names nothing; look at the value.
      if (child.type === T.Property && !child.computed && !child.shorthand) {
        walk(child.value, this.keys, visit);
        return false;
      }
      if (child.type === T.Identifier && child.name !== "AbortSignal" && SIGNAL_NAME.test(child.name)) found = true;
      if (child.type === T.MemberExpression && memberName(child) === SIGNAL_PROPERTY) found = true;
      return !found;
    };
    walk(node, this.keys, visit);
    return found;
  }

  // -------------------------------------------------------------------------
  // Check 4 (option): a sleep in a long-running loop that ignores the signal in scope

  private checkSleeps(loops: readonly LoopInfo[]): void {
    const longLoops = new Set<Node>(loops.map((info) => info.loop));
    for (const call of this.calls) {
      const { parent } = outerParent(call);
      if (parent?.type !== T.AwaitExpression) continue;
      const sleep = this.sleepName(call);
      if (!sleep) continue;
      const fn = enclosingFunction(call);
      let inLongLoop = false;
      for (let current: Node | undefined = call.parent; current && current !== fn; current = current.parent) {
        if (longLoops.has(current)) {
          inLongLoop = true;
          break;
        }
      }
      if (!inLongLoop) continue;
      if (call.arguments.some((arg) => this.mentionsSignal(arg))) continue;
      const signal = this.signalInScope(call);
      if (!signal) continue;
      this.findings.push({ messageId: "sleepIgnoresSignal", node: call, data: { sleep, signal }, evidence: CANCELLATION_BUG });
    }
  }

  /** A description of the sleep a call performs, or undefined when it is not a sleep. */
  private sleepName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
    const callee = unwrap(call.callee);
    if (call.type === T.NewExpression) {
      if (callee.type !== T.Identifier || callee.name !== "Promise" || !this.refs.isGlobal(callee, "Promise")) return undefined;
      const executor = call.arguments[0];
      if (!executor || !isFunction(executor)) return undefined;
      let timeout = false;
      walk(executor.body, this.keys, (node) => {
        if (node.type === T.CallExpression) {
          const inner = unwrap(node.callee);
          if (inner.type === T.Identifier && inner.name === "setTimeout" && this.refs.isGlobal(inner, "setTimeout")) timeout = true;
        }
        return !timeout;
      });
      return timeout ? "new Promise(… setTimeout …)" : undefined;
    }
    if (callee.type === T.Identifier) {
      const imported = this.importOf(callee);
      if (imported && TIMERS_PROMISES_MODULES.has(imported.module)) {
        return PROMISE_SLEEPS.has(imported.name) ? `${callee.name}()` : undefined;
      }
      return SLEEP_HELPER_NAMES.has(callee.name) ? `${callee.name}()` : undefined;
    }
    if (callee.type === T.MemberExpression) {
      const name = memberName(callee);
      const object = unwrap(callee.object);
      if (!name || object.type !== T.Identifier) return undefined;
      const imported = this.importOf(object);
      if (!imported || !TIMERS_PROMISES_MODULES.has(imported.module)) return undefined;
      // `timers.setTimeout(ms)`, `scheduler.wait(ms)`.
      return PROMISE_SLEEPS.has(name) ? `${object.name}.${name}()` : undefined;
    }
    return undefined;
  }

  /** The name of a signal variable or parameter visible at `node`. */
  private signalInScope(node: Node): string | undefined {
    // No try/catch: `getScope` does not throw for a node of the tree, so one would only hide a
    // stack overflow from a resolver that lost its way (issue 12). `scopeOf` asks it of the
    // nearest ancestor that can hold a scope, as every scope lookup of the engine does.
    for (let scope: TSESLint.Scope.Scope | null = scopeOf(this.sourceCode, node); scope; scope = scope.upper) {
      for (const [name, variable] of scope.set) {
        if (variable.defs.some((def) => def.type !== "Type") && SIGNAL_NAME.test(name)) return name;
      }
    }
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Check 3: a teardown that cancels a background task without awaiting it

  private checkTasks(loops: readonly LoopInfo[]): void {
    const taskLoops = new Map<FunctionNode, LoopInfo[]>();
    for (const info of loops) pushTo(taskLoops, info.fn, info);
    if (taskLoops.size === 0) return;
    const reported = new Set<Node>();
    for (const call of this.calls) {
      if (call.type !== T.CallExpression) continue;
      const task = this.resolveCallee(call.callee);
      const loopsOfTask = task && taskLoops.get(task);
      if (!task || !loopsOfTask || contains(task, call)) continue;
      const start = this.startKind(call);
      if (!start) continue;
      const container = this.containerOf(call);
      for (const teardown of this.teardownsOf(container)) {
        if (contains(teardown.fn, call)) continue;
        const region = this.expand(teardown.fn);
        const cancel = this.cancelIn(region, this.readKeysOf(loopsOfTask));
        if (!cancel || reported.has(cancel)) continue;
        if (start.key && this.awaitsKey(region, start.key)) continue;
        reported.add(cancel);
        this.findings.push({
          messageId: "cancelNotAwaited",
          evidence: CANCELLATION_BUG,
          node: cancel,
          data: { teardown: teardown.name, task: this.refs.text(call, 40) },
        });
      }
    }
  }

  /**
   * How a call to a task function starts it: stored (`this.task = this.run()`), or left
   * running (`void this.run()`, `this.run();`). Undefined when awaited, returned or handed on.
   */
  private startKind(call: TSESTree.CallExpression): { key?: string } | undefined {
    let node: Node = call;
    for (let depth = 0; depth < 8; depth++) {
      const { parent, child } = outerParent(node);
      if (!parent) return undefined;
      switch (parent.type) {
        case T.MemberExpression: {
          // `this.run().catch(log)`: the chain is the task.
          const chained = parent.parent;
          const name = memberName(parent);
          if (parent.object !== child || chained?.type !== T.CallExpression || chained.callee !== parent) return undefined;
          if (name !== "catch" && name !== "then" && name !== "finally") return undefined;
          node = chained;
          continue;
        }
        case T.ArrayExpression:
          node = parent;
          continue;
        case T.CallExpression: {
          const { object, name } = calleeOf(parent);
          if (parent.callee === child) return undefined;
          // `Promise.all([this.a(), this.b()])`: the combined promise is the task.
          if (object?.type === T.Identifier && object.name === "Promise") {
            node = parent;
            continue;
          }
          // `this.tasks.push(this.run())`, `tasks.add(run())`.
          if (object && (name === "push" || name === "add" || name === "set" || name === "unshift")) {
            const key = this.refs.key(object);
            return key ? { key } : undefined;
          }
          return undefined;
        }
        case T.UnaryExpression:
          return parent.operator === "void" ? {} : undefined;
        case T.ExpressionStatement:
          return {};
        case T.AssignmentExpression: {
          if (parent.right !== child) return undefined;
          const key = this.refs.key(parent.left);
          return key ? { key } : undefined;
        }
        case T.VariableDeclarator: {
          if (parent.id.type !== T.Identifier) return undefined;
          const key = this.refs.key(parent.id);
          return key ? { key } : undefined;
        }
        case T.PropertyDefinition: {
          // `task = this.run()` as a class field.
          const name = keyName(parent.key, parent.computed);
          const cls = parent.parent?.parent;
          return name && cls && isClass(cls) ? { key: `this${this.refs.id(cls)}.${name}` } : undefined;
        }
        default:
          return undefined;
      }
    }
    return undefined;
  }

  /** The function a callee denotes: `this.method`, a local function or `const f = async () => …`. */
  private resolveCallee(callee: Node, depth = 0): FunctionNode | undefined {
    if (depth > 3) return undefined;
    const inner = unwrap(callee);
    if (inner.type === T.MemberExpression && unwrap(inner.object).type === T.ThisExpression) {
      const cls = thisOwner(unwrap(inner.object));
      const name = memberName(inner);
      return cls && isClass(cls) && name ? this.methodsOf(cls).get(name) : undefined;
    }
    if (inner.type === T.Identifier) {
      const def = this.refs.variable(inner)?.defs[0];
      if (def?.type === "FunctionName" && isFunction(def.node)) return def.node;
      if (def?.type === "Variable" && def.node.init) {
        const init = unwrap(def.node.init);
        if (isFunction(init)) return init;
        if (init.type === T.Identifier) return this.resolveCallee(init, depth + 1);
      }
    }
    return undefined;
  }

  private readonly methodCache = new WeakMap<Node, Map<string, FunctionNode>>();

  private methodsOf(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Map<string, FunctionNode> {
    let methods = this.methodCache.get(cls);
    if (methods) return methods;
    methods = new Map();
    for (const element of cls.body.body) {
      if (element.type !== T.MethodDefinition && element.type !== T.PropertyDefinition) continue;
      const name = keyName(element.key, element.computed);
      const value = element.value && unwrap(element.value);
      if (name && value && isFunction(value) && !methods.has(name)) methods.set(name, value);
    }
    this.methodCache.set(cls, methods);
    return methods;
  }

  /** The class whose teardown should wait for a task started at `call`, or the module. */
  private containerOf(call: Node): Node {
    for (let current = call.parent; current; current = current.parent) {
      if (isClass(current)) return current;
    }
    return this.sourceCode.ast;
  }

  private teardownsOf(container: Node): { fn: FunctionNode; name: string }[] {
    const out: { fn: FunctionNode; name: string }[] = [];
    if (isClass(container)) {
      for (const [name, fn] of this.methodsOf(container)) if (this.teardownNames.has(name)) out.push({ fn, name });
      return out;
    }
    if (container.type !== T.Program) return out;
    for (const statement of container.body) {
      const declaration =
        statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration
          ? statement.declaration
          : statement;
      if (!declaration) continue;
      if (declaration.type === T.FunctionDeclaration && declaration.id && this.teardownNames.has(declaration.id.name)) {
        out.push({ fn: declaration, name: declaration.id.name });
      } else if (declaration.type === T.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          const init = declarator.init && unwrap(declarator.init);
          if (declarator.id.type === T.Identifier && init && isFunction(init) && this.teardownNames.has(declarator.id.name)) {
            out.push({ fn: init, name: declarator.id.name });
          }
        }
      }
    }
    return out;
  }

  /** `root` plus the local functions and methods it calls, transitively. */
  private expand(root: FunctionNode): FunctionNode[] {
    const seen = new Set<FunctionNode>([root]);
    const queue = [root];
    while (queue.length > 0) {
      const fn = queue.pop()!;
      walk(fn.body, this.keys, (node) => {
        if (node.type === T.CallExpression) {
          const target = this.resolveCallee(node.callee);
          if (target && !seen.has(target)) {
            seen.add(target);
            queue.push(target);
          }
        }
      });
    }
    return [...seen];
  }

  /** The first `x.abort()` or stop-flag write (`this.running = false`) in a teardown region. */
  private cancelIn(region: readonly FunctionNode[], readKeys: ReadonlySet<string>): Node | undefined {
    let found: Node | undefined;
    for (const fn of region) {
      walk(fn.body, this.keys, (node) => {
        if (found) return false;
        if (node.type === T.CallExpression) {
          const { object, name } = calleeOf(node);
          if (object && name === ABORT_METHOD) found = node;
        } else if (node.type === T.AssignmentExpression && node.operator === "=" && literalTruthiness(node.right) !== undefined) {
          const key = this.refs.key(node.left);
          if (key && readKeys.has(key)) found = node;
        }
        return !found;
      });
      if (found) return found;
    }
    return undefined;
  }

  /** Whether the region awaits or returns something that mentions the task's location. */
  private awaitsKey(region: readonly FunctionNode[], key: string): boolean {
    let found = false;
    for (const fn of region) {
      const roots: Node[] = [];
      if (fn.body.type !== T.BlockStatement) roots.push(fn.body);
      walk(fn.body, this.keys, (node) => {
        if (node.type === T.AwaitExpression) roots.push(node.argument);
        else if (node.type === T.ReturnStatement && node.argument) roots.push(node.argument);
      });
      for (const root of roots) {
        walk(root, this.keys, (node) => {
          if (found) return false;
          if (node.type === T.Identifier || node.type === T.MemberExpression) {
            if (this.refs.key(node) === key) found = true;
          }
          return !found;
        });
      }
      if (found) return true;
    }
    return false;
  }
}

// ---------------------------------------------------------------------------
// Control flow helpers

/** The parts of a loop that run on every iteration (what `walkLoop` walks). */
function loopParts(loop: LoopNode): (Node | null | undefined)[] {
  return loop.type === T.ForStatement ? [loop.test, loop.update, loop.body] : loop.type === T.ForOfStatement ? [loop.body] : [loop.test, loop.body];
}

/**
 * Adds to `marked` every loop whose per-iteration parts hold `node`, up to the enclosing
 * function or class (what `walkLoop` of each would reach). A loop already marked had its
 * enclosing loops marked by the same climb, so the climb stops there; and the climb goes from
 * loop to loop (`loopAround`, memoised), so blocks and other loops between cost nothing the
 * second time: linear over a file, however deep it nests.
 */
function markEnclosingLoops(node: Node, marked: Set<Node>): void {
  for (let loop = loopAroundOf(node); loop && !marked.has(loop); loop = loopAroundOf(loop)) marked.add(loop);
}

/** The nearest loop whose per-iteration parts hold a node, within its function or class (null: none). */
const LOOP_AROUND: AncestorFold<LoopNode | null> = {
  boundary(current, child) {
    if (isFunction(current) || isClass(current)) return null;
    return isLoopNode(current) && loopParts(current).includes(child) ? current : undefined;
  },
  root: null,
};

const loopAround: AncestorCache<LoopNode | null> = new WeakMap();

function loopAroundOf(node: Node): LoopNode | null {
  return foldAncestors(node, LOOP_AROUND, loopAround);
}

/** Whether a `try` catches what its child `child` throws: `child` is its block and it has a `catch`. */
function catches(current: Node, child: Node): current is TSESTree.TryStatement {
  return current.type === T.TryStatement && current.block === child && !!current.handler;
}

/** Like `LOOP_AROUND`, but a `try` that catches what the node throws comes first if it is closer. */
const LOOP_OR_CATCH: AncestorFold<LoopNode | TSESTree.TryStatement | null> = {
  boundary(current, child) {
    if (isFunction(current) || isClass(current)) return null;
    if (catches(current, child)) return current;
    return isLoopNode(current) && loopParts(current).includes(child) ? current : undefined;
  },
  root: null,
};

const loopOrCatch: AncestorCache<LoopNode | TSESTree.TryStatement | null> = new WeakMap();

/**
 * Adds to `marked` the loops around `node` up to the `try` that catches what it throws. As in
 * `markEnclosingLoops`, a loop already marked had the loops above it up to that same `try`
 * marked by the same climb, so the climb stops there.
 */
function markUpToCatch(node: Node, marked: Set<Node>): void {
  for (let at = foldAncestors(node, LOOP_OR_CATCH, loopOrCatch); at && at.type !== T.TryStatement && !marked.has(at); at = foldAncestors(at, LOOP_OR_CATCH, loopOrCatch)) {
    marked.add(at);
  }
}

const CATCHING_TRY: AncestorFold<TSESTree.TryStatement | null> = {
  boundary: (current, child) => (isFunction(current) || isClass(current) ? null : catches(current, child) ? current : undefined),
  root: null,
};

const catchingTryCache: AncestorCache<TSESTree.TryStatement | null> = new WeakMap();

/** The `try` (within the node's function) whose `catch` receives what the node throws, if any. */
function catchingTryOf(node: Node): TSESTree.TryStatement | null {
  return foldAncestors(node, CATCHING_TRY, catchingTryCache);
}

/** What an unlabelled `break` leaves: the loop or `switch` right around it (memoised). */
const breakTarget = nearestAncestor((node) => isLoop(node) || node.type === T.SwitchStatement);

function isLoopNode(node: Node): node is LoopNode {
  return node.type === T.WhileStatement || node.type === T.DoWhileStatement || node.type === T.ForStatement || (node.type === T.ForOfStatement && node.await);
}

function labelledAncestor(node: Node, name: string): TSESTree.LabeledStatement | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.LabeledStatement && current.label.name === name) return current;
    if (isFunction(current)) return undefined;
  }
  return undefined;
}

function readsAborted(test: Node, keys: VisitorKeys): boolean {
  let found = false;
  walk(test, keys, (node) => {
    if (node.type === T.MemberExpression && memberName(node) === ABORTED_PROPERTY) found = true;
    return !found && !isFunction(node);
  });
  return found;
}

function isConstantTruthy(node: Node): boolean {
  return literalTruthiness(node) === true;
}

/** The truthiness of a literal value (`true`, `0`, `"x"`, `null`, `undefined`, `!0`), else undefined. */
function literalTruthiness(node: Node): boolean | undefined {
  const inner = unwrap(node);
  if (inner.type === T.Literal) {
    if ("regex" in inner && inner.regex) return true;
    return Boolean(inner.value);
  }
  if (inner.type === T.Identifier && inner.name === "undefined") return false;
  if (inner.type === T.UnaryExpression && inner.operator === "!") {
    const value = literalTruthiness(inner.argument);
    return value === undefined ? undefined : !value;
  }
  if (inner.type === T.UnaryExpression && inner.operator === "void") return false;
  return undefined;
}
