/**
 * The engine: one walk per file collects every acquisition and release the
 * catalogue knows, then each kind's analyser decides, per acquisition, who owns
 * it and whether the owner releases it. The result is cached per Program and
 * shared by every rule.
 */
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import {
  type FunctionNode,
  type Node,
  calleeOf,
  contains,
  isClass,
  isFunction,
  isHookName,
  keyName,
  memberName,
  unwrap,
} from "../ast/index.js";
import { type Lifecycles, Lifecycles as LifecyclesImpl, type Owner, enclosingClass } from "../lifecycle/owners.js";
import { DEFAULT_TEARDOWN_METHODS } from "../lifecycle/tables.js";
import {
  LISTENER_ADDS,
  LISTENER_REMOVES,
  OBJECT_URL_ACQUIRE,
  OBJECT_URL_HOSTS,
  OBJECT_URL_RELEASE,
  OWNED_FACTORIES,
  REMOVE_ALL_LISTENERS,
  type ResourceKind,
  TIMERS,
  TIMER_MODULES,
  TIMER_RELEASES,
  TRIGGER_PATTERN,
} from "../resources/catalogue.js";
import { RefResolver } from "./refs.js";
import { walk } from "./walk.js";
import { analyzeListeners } from "./listeners.js";
import { analyzeTimers } from "./timers.js";
import { analyzeObjectUrls } from "./object-urls.js";

export type Call = TSESTree.CallExpression | TSESTree.NewExpression;

export interface SuggestionSpec {
  messageId: string;
  data?: Record<string, string>;
  fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];
}

export interface Finding {
  kind: ResourceKind;
  messageId: string;
  node: Node;
  data: Record<string, string>;
  suggest?: SuggestionSpec[];
}

export interface EngineOptions {
  /** Extra method names that end a plain class's life. */
  teardownMethods?: readonly string[];
}

/** A release call, indexed by the key of the thing it releases. */
export interface Release {
  call: TSESTree.CallExpression;
  name: string;
}

/** Everything one walk of the file collected, plus the helpers the analysers share. */
export class EngineContext {
  readonly refs: RefResolver;
  readonly lifecycles: Lifecycles;
  /** Timer acquisitions: calls to the global `setInterval` & co. */
  readonly timers: { call: TSESTree.CallExpression; name: string }[] = [];
  /** `clearInterval(x)` & co, by the key of `x`. */
  readonly timerReleases = new Map<string, Release[]>();
  readonly listenerAdds: { call: TSESTree.CallExpression; name: string }[] = [];
  readonly listenerRemoves: { call: TSESTree.CallExpression; name: string }[] = [];
  /** `x.removeAllListeners(...)`, by the key of `x`. */
  readonly removeAll = new Map<string, Release[]>();
  readonly objectUrls: TSESTree.CallExpression[] = [];
  readonly revokes = new Map<string, Release[]>();
  /** Every `URL.revokeObjectURL` call, keyed or not. */
  revokeCount = 0;
  /** `controller.abort()`, by the key of `controller`. */
  readonly aborts = new Map<string, Release[]>();
  /** `this.x = new X()` / factory results, per class. */
  private readonly memberCreations: TSESTree.AssignmentExpression[] = [];
  private readonly fieldCreations: TSESTree.PropertyDefinition[] = [];
  private readonly regionCache = new WeakMap<Node, Node[]>();
  private readonly calleeCache = new WeakMap<Node, FunctionNode[]>();

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    options: EngineOptions,
  ) {
    this.refs = new RefResolver(sourceCode);
    const reactish = new WeakSet<FunctionNode>();
    this.lifecycles = new LifecyclesImpl(this.refs, { reactish }, [
      ...DEFAULT_TEARDOWN_METHODS,
      ...(options.teardownMethods ?? []),
    ]);
    this.collect(reactish);
  }

  private collect(reactish: WeakSet<FunctionNode>): void {
    walk(this.sourceCode.ast, this.sourceCode.visitorKeys, (node) => {
      switch (node.type) {
        case T.CallExpression:
          this.classifyCall(node);
          if (isHookCall(node)) markReactish(node, reactish);
          break;
        case T.JSXElement:
        case T.JSXFragment:
          markReactish(node, reactish);
          break;
        case T.AssignmentExpression:
          if (isThisMember(node.left) && this.isCreation(node.right)) this.memberCreations.push(node);
          break;
        case T.PropertyDefinition:
          // Class fields initialised with a fresh object: `el = document.createElement("div")`.
          if (node.value && this.isCreation(node.value)) this.fieldCreations.push(node);
          break;
        default:
          break;
      }
    });
    for (const field of this.fieldCreations) {
      const cls = field.parent.parent;
      const name = keyName(field.key, field.computed);
      if (cls && isClass(cls) && name) this.lifecycles.classInfo(cls).createdMembers.add(name);
    }
    for (const assignment of this.memberCreations) {
      const cls = enclosingClass(assignment);
      const name = assignment.left.type === T.MemberExpression ? memberName(assignment.left) : undefined;
      if (cls && name) this.lifecycles.classInfo(cls).createdMembers.add(name);
    }
  }

  private classifyCall(call: TSESTree.CallExpression): void {
    const { object, name } = calleeOf(call);
    if (!name) return;
    if (!object) {
      const callee = unwrap(call.callee);
      if (TIMERS[name] && this.isTimerFunction(callee, name)) this.timers.push({ call, name });
      else if (TIMER_RELEASES.has(name) && this.isTimerFunction(callee, name)) this.indexArg(this.timerReleases, call, name);
      return;
    }
    if (TIMERS[name] && this.refs.isGlobalPath(call.callee, name)) {
      this.timers.push({ call, name });
      return;
    }
    if (TIMER_RELEASES.has(name) && this.refs.isGlobalPath(call.callee, name)) {
      this.indexArg(this.timerReleases, call, name);
      return;
    }
    if (LISTENER_ADDS[name] && call.arguments.length >= 2) {
      this.listenerAdds.push({ call, name });
      return;
    }
    if (LISTENER_REMOVES[name]) {
      this.listenerRemoves.push({ call, name });
      return;
    }
    if (name === REMOVE_ALL_LISTENERS) {
      const key = this.refs.key(object);
      if (key) push(this.removeAll, key, { call, name });
      return;
    }
    if ((name === OBJECT_URL_ACQUIRE || name === OBJECT_URL_RELEASE) && this.isUrlHost(object)) {
      if (name === OBJECT_URL_ACQUIRE) this.objectUrls.push(call);
      else {
        this.revokeCount++;
        this.indexArg(this.revokes, call, name);
      }
      return;
    }
    if (name === "abort") {
      const key = this.refs.key(object);
      if (key) push(this.aborts, key, { call, name });
    }
  }

  /** A bare `setInterval` that is the global, or one imported from `node:timers`. */
  private isTimerFunction(callee: Node, name: string): boolean {
    if (callee.type !== T.Identifier) return false;
    if (this.refs.isGlobal(callee, name)) return true;
    const def = this.refs.variable(callee)?.defs[0];
    if (def?.type !== "ImportBinding") return false;
    const declaration = def.parent;
    return (
      declaration?.type === T.ImportDeclaration &&
      TIMER_MODULES.has(String(declaration.source.value)) &&
      def.node.type === T.ImportSpecifier &&
      (def.node.imported.type === T.Identifier ? def.node.imported.name : def.node.imported.value) === name
    );
  }

  private isUrlHost(object: Node): boolean {
    if (object.type === T.Identifier) return OBJECT_URL_HOSTS.has(object.name) && this.refs.isGlobal(object, object.name);
    if (object.type === T.MemberExpression) {
      const name = memberName(object);
      return !!name && OBJECT_URL_HOSTS.has(name) && this.refs.isGlobalPath(object, name);
    }
    return false;
  }

  private indexArg(map: Map<string, Release[]>, call: TSESTree.CallExpression, name: string): void {
    const arg = call.arguments[0];
    if (!arg || arg.type === T.SpreadElement) return;
    const key = this.refs.key(arg);
    if (key) push(map, key, { call, name });
  }

  /** Whether an expression evaluates to a fresh object owned by whoever keeps it. */
  isCreation(node: Node): boolean {
    const inner = unwrap(node);
    if (inner.type === T.NewExpression) return true;
    if (inner.type === T.CallExpression) {
      const { name } = calleeOf(inner);
      return !!name && OWNED_FACTORIES.has(name);
    }
    if (inner.type === T.AwaitExpression) return this.isCreation(inner.argument);
    return false;
  }

  // -------------------------------------------------------------------------
  // Release regions

  /**
   * The nodes inside which a release counts for this owner, or "anywhere".
   * Effects release in their cleanup; lifecycle classes (and plain classes that
   * declare a teardown) in code reachable from the teardown methods.
   */
  releaseRegion(owner: Owner, opts: { setupCounts?: boolean } = {}): Node[] | "anywhere" {
    switch (owner.type) {
      case "effect":
        if (owner.cleanupUnknown) return "anywhere";
        return this.expand([...owner.cleanups, ...(opts.setupCounts ? [owner.setup] : [])]);
      case "class": {
        const { info } = owner;
        if (info.framework === "plain" && info.teardown.length === 0) return [info.node];
        return this.expand(info.teardown);
      }
      case "render":
      case "component-callback":
        return [owner.component];
      default:
        return "anywhere";
    }
  }

  /** `roots` plus every local function or `this.method` they call, transitively. */
  expand(roots: readonly Node[]): Node[] {
    const seen = new Set<Node>();
    const queue = [...roots];
    while (queue.length > 0) {
      const node = queue.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      for (const callee of this.calleesIn(node)) if (!seen.has(callee)) queue.push(callee);
    }
    return [...seen];
  }

  /** Local functions called (directly) inside `root`; cached per root. */
  private calleesIn(root: Node): FunctionNode[] {
    const cached = this.calleeCache.get(root);
    if (cached) return cached;
    const out: FunctionNode[] = [];
    walk(root, this.sourceCode.visitorKeys, (node) => {
      if (node.type === T.CallExpression) {
        const callee = unwrap(node.callee);
        const target =
          callee.type === T.Identifier ||
          (callee.type === T.MemberExpression && unwrap(callee.object).type === T.ThisExpression)
            ? this.lifecycles.resolveFunction(callee)
            : undefined;
        if (target && !contains(target, root)) out.push(target);
        // `super.dispose()` and `this.x.dispose()` are out of sight; nothing to follow.
      }
    });
    this.regionCache.set(root, out);
    this.calleeCache.set(root, out);
    return out;
  }

  inRegion(node: Node, region: Node[] | "anywhere"): boolean {
    return region === "anywhere" || region.some((root) => contains(root, node));
  }

  /** Whether any of `releases` lies in `region`. */
  releasedIn(releases: readonly Release[] | undefined, region: Node[] | "anywhere"): boolean {
    return !!releases?.some((release) => this.inRegion(release.call, region));
  }

  describe(owner: Owner): { owner: string; end: string } {
    return this.lifecycles.describe(owner);
  }

  /** A name for a new variable that the file does not use yet (for suggestions). */
  freshName(_scope: Node, base: string): string {
    for (let i = 0; ; i++) {
      const name = i === 0 ? base : `${base}${i + 1}`;
      if (!new RegExp(`\\b${name}\\b`).test(this.sourceCode.text)) return name;
    }
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function isHookCall(node: TSESTree.CallExpression): boolean {
  const { name } = calleeOf(node);
  return isHookName(name);
}

function markReactish(node: Node, reactish: WeakSet<FunctionNode>): void {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) {
      reactish.add(current);
      return;
    }
    if (isClass(current)) return;
  }
}

function isThisMember(node: Node): node is TSESTree.MemberExpression {
  const inner = unwrap(node);
  return inner.type === T.MemberExpression && unwrap(inner.object).type === T.ThisExpression;
}

// ---------------------------------------------------------------------------
// Entry point and cache

export interface Analysis {
  findings: Finding[];
}

const EMPTY: Analysis = { findings: [] };
const cache = new WeakMap<object, Map<string, Analysis>>();

/**
 * Analyses the file once per distinct engine options and returns every finding;
 * rules pick the kinds they report. Errors are not swallowed: the crash tests and the
 * bench's mutation runs must see them.
 */
export function analyze(sourceCode: Readonly<TSESLint.SourceCode>, options: EngineOptions = {}): Analysis {
  const optionsKey = JSON.stringify(options.teardownMethods ?? []);
  let perFile = cache.get(sourceCode.ast);
  const cached = perFile?.get(optionsKey);
  if (cached) return cached;
  let result = EMPTY;
  if (TRIGGER_PATTERN.test(sourceCode.text)) {
    const context = new EngineContext(sourceCode, options);
    result = {
      findings: [...analyzeListeners(context), ...analyzeTimers(context), ...analyzeObjectUrls(context)],
    };
  }
  if (!perFile) {
    perFile = new Map();
    cache.set(sourceCode.ast, perFile);
  }
  perFile.set(optionsKey, result);
  return result;
}
