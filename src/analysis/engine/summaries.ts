/**
 * Function summaries, computed once per file and shared by every family: who calls a function,
 * whether it acquires something, whether it registers its own cleanup with the component or
 * scope it runs in, and which of its parameters it releases. Each question is answered in one
 * place ("does this helper clean up after itself?", "is this a release of what the caller
 * passed?"), bottom-up over the file's call graph; recursion is cut by a visited set.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type FunctionNode, type Node, calleeOf, contains, isFunction, unwrap } from "../../ast/index.js";
import { moduleBinding } from "../../ast/scope.js";
import { CLEANUP_REGISTRARS } from "../../lifecycle/tables.js";
import { pushTo } from "../../util/maps.js";
import type { TSESLint } from "@typescript-eslint/utils";
import type { Lifecycles } from "../../lifecycle/owners.js";
import type { Knowledge } from "./knowledge.js";
import type { Release } from "./model.js";
import { forEachNodeOf, indexedType, nodesInside } from "../../ast/node-index.js";
import type { RefResolver } from "./refs.js";

/** The node type summaries read from the node index. */
const CALL = indexedType(T.CallExpression);
const METHOD = indexedType(T.MethodDefinition);

/** What summaries read from the per-file context (kept narrow so the context can own them without a cycle). */
export interface SummaryHost {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly refs: RefResolver;
  readonly lifecycles: Lifecycles;
  readonly knowledge: Knowledge;
  readonly plainCalls: readonly TSESTree.CallExpression[];
  acquisitionNodes(): Node[];
}

export interface Summary {
  /** The calls of this function in the file (by its binding, or `this.name()` in its class). */
  readonly callers: readonly TSESTree.CallExpression[];
  /** It (or a function it calls) registers a cleanup with the current owner. */
  readonly registersCleanup: boolean;
  /** It (or a function it calls) acquires something the catalogue knows that lasts until released (not a one-shot timer). */
  readonly acquires: boolean;
}

const EMPTY_CALLS: readonly TSESTree.CallExpression[] = [];

export class Summaries {
  private readonly summaries = new WeakMap<FunctionNode, Summary>();
  private callersIndex: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;
  private acquisitionStarts: number[] | undefined;

  constructor(private readonly ctx: SummaryHost) {}

  of(fn: FunctionNode): Summary {
    return this.compute(fn, new Set());
  }

  private compute(fn: FunctionNode, visiting: Set<FunctionNode>): Summary {
    const cached = this.summaries.get(fn);
    if (cached) return cached;
    // A recursive call adds nothing the first visit does not find.
    if (visiting.has(fn)) return { callers: EMPTY_CALLS, registersCleanup: false, acquires: false };
    visiting.add(fn);
    let registersCleanup = false;
    let acquires = this.acquiresDirectly(fn);
    for (const node of nodesInside(this.ctx.sourceCode, CALL, fn.body)) {
      if (node.type !== T.CallExpression) continue;
      if (!registersCleanup && this.registersDirectly(node)) registersCleanup = true;
      const callee = this.ctx.lifecycles.resolveFunction(node.callee);
      if (callee && callee !== fn && !contains(fn, callee)) {
        const inner = this.compute(callee, visiting);
        registersCleanup ||= inner.registersCleanup;
        acquires ||= inner.acquires;
      }
    }
    visiting.delete(fn);
    const summary: Summary = { callers: this.callersOf(fn), registersCleanup, acquires };
    this.summaries.set(fn, summary);
    return summary;
  }

  /**
   * `tryOnScopeDispose(stop)`, `onUnmounted(...)`, `destroyRef.onDestroy(...)`, a React effect
   * whose setup returns a cleanup, or a hook from a library that cleans up after itself.
   */
  private registersDirectly(call: TSESTree.CallExpression): boolean {
    const { name } = calleeOf(call);
    if (!name) return false;
    if (CLEANUP_REGISTRARS.has(name) && !this.ctx.lifecycles.resolveFunction(call.callee)) return true;
    const [setup] = call.arguments;
    if (setup && isFunction(setup)) {
      const effect = this.ctx.lifecycles.effectOwner(setup);
      if (effect?.type === "effect" && (effect.cleanups.length > 0 || effect.cleanupUnknown)) return true;
    }
    const callee = unwrap(call.callee);
    const binding = callee.type === T.Identifier ? moduleBinding(this.ctx.refs, callee) : undefined;
    return !!binding && this.ctx.knowledge.selfCleaningImport(binding.module, binding.imported);
  }

  /** Whether an acquisition the engine collected lies inside `fn`. */
  private acquiresDirectly(fn: FunctionNode): boolean {
    this.acquisitionStarts ??= this.ctx.acquisitionNodes().map((node) => node.range[0]).sort((a, b) => a - b);
    const starts = this.acquisitionStarts;
    // The first acquisition at or after the function's start, by binary search.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < fn.range[0]) low = mid + 1;
      else high = mid;
    }
    return low < starts.length && starts[low]! < fn.range[1];
  }

  /** Every call in the file that resolves to `fn`, indexed on first use. */
  callersOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    if (!this.callersIndex) {
      this.callersIndex = new Map();
      for (const call of [...this.ctx.plainCalls, ...this.staticCalls()]) {
        // Calls from inside the function count too: `ws.onclose = () => this.connect()` in
        // `connect()` runs it again on every close.
        const callee = this.ctx.lifecycles.resolveFunction(call.callee);
        if (callee) pushTo(this.callersIndex, callee, call);
      }
    }
    return this.callersIndex.get(fn) ?? EMPTY_CALLS;
  }

  /** `Sampler.capture()`: calls named like a static method of a class of this file, on an identifier. */
  private staticCalls(): TSESTree.CallExpression[] {
    const names = new Set<string>();
    const calls: TSESTree.CallExpression[] = [];
    forEachNodeOf(this.ctx.sourceCode, [METHOD], (node) => {
      if (node.type === T.MethodDefinition && node.static && !node.computed && node.key.type === T.Identifier) names.add(node.key.name);
    });
    if (names.size === 0) return calls;
    forEachNodeOf(this.ctx.sourceCode, [CALL], (node) => {
      if (node.type !== T.CallExpression) return;
      const callee = unwrap(node.callee);
      if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.Identifier && names.has(calleeOf(node).name ?? "")) calls.push(node);
    });
    return calls;
  }

  /** Whether any key made so far roots at a function parameter (else `substitutions` finds none). */
  get hasParameterKeys(): boolean {
    return this.ctx.refs.hasParameterKeys;
  }

  /**
   * For a key whose root is a parameter of a function (`el.removeEventListener` in
   * `unbind(el)`), the same key as each in-file call site passes it: `unbind(this.video)` turns
   * `v12` into `this3.video`. The release then counts where the helper is called.
   */
  substitutions(key: string): { call: TSESTree.CallExpression; key: string }[] {
    const dot = key.indexOf(".");
    const root = dot < 0 ? key : key.slice(0, dot);
    const rest = dot < 0 ? "" : key.slice(dot);
    const param = this.ctx.refs.parameterOfKey(root);
    if (!param) return [];
    const out: { call: TSESTree.CallExpression; key: string }[] = [];
    for (const call of this.callersOf(param.fn)) {
      const arg = call.arguments[param.index];
      if (!arg || arg.type === T.SpreadElement) continue;
      const argKey = this.ctx.refs.key(arg);
      if (argKey) out.push({ call, key: argKey + rest });
    }
    return out;
  }
}

/**
 * Adds to a release index the releases that helpers make of their parameters, at each call
 * site, as releases of what that site passes (two levels of helpers deep, enough for
 * `dispose() → unbind(el) → off(el, ...)`).
 */
export function addParameterReleases(summaries: Summaries, index: Map<string, Release[]>): void {
  // No key names a parameter: no release can be carried to a call site (and a large index is not copied).
  if (!summaries.hasParameterKeys) return;
  let pending = [...index.entries()];
  for (let level = 0; level < 2 && pending.length > 0; level++) {
    const added: [string, Release[]][] = [];
    for (const [key, releases] of pending) {
      for (const { call, key: substituted } of summaries.substitutions(key)) {
        const derived = releases.map((release): Release => ({ call, name: release.name, derived: true }));
        for (const release of derived) pushTo(index, substituted, release);
        added.push([substituted, derived]);
      }
    }
    pending = added;
  }
}

