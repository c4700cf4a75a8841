/**
 * The engine: one walk per file collects every acquisition and release the
 * catalogue knows, then each kind's analyser decides, per acquisition, who owns
 * it and whether the owner releases it. The result is cached per Program and
 * shared by every rule.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import {
  type FunctionNode,
  type Node,
  calleeOf,
  contains,
  enclosingFunctionInClass,
  isClass,
  isFunction,
  isThisMember,
  isHookName,
  keyName,
  memberName,
  unwrap,
} from "../../ast/index.js";
import { type Lifecycles, Lifecycles as LifecyclesImpl, type Owner, enclosingClass } from "../../lifecycle/owners.js";
import { DEFAULT_TEARDOWN_METHODS } from "../../lifecycle/tables.js";
import {
  LISTENER_ADDS,
  LISTENER_REMOVES,
  OBJECT_URL_ACQUIRE,
  OBJECT_URL_HOSTS,
  OBJECT_URL_RELEASE,
  OWNED_FACTORIES,
  REMOVE_ALL_LISTENERS,
  TIMERS,
  TIMER_MODULES,
  TIMER_RELEASES,
} from "../../resources/catalogue.js";
import { RefResolver, moduleBinding } from "./refs.js";
import type { Call, EngineOptions, Release } from "./model.js";
import {
  ACTIVATION_METHODS,
  GLOBAL_CONSTRUCTORS,
  HANDLE_RELEASE_METHODS,
  type HandleEntry,
  MODULE_CONSTRUCTORS,
  MODULE_FACTORIES,
  SUBSCRIBE_METHODS,
  TEARDOWN_REGISTRARS,
  TOKEN_RELEASES,
} from "../../resources/closeable.js";
import { pushTo } from "../../util/maps.js";
import { forEachNodeOf, indexedTypes } from "../../ast/node-index.js";
import { ByPosition } from "../../ast/positions.js";
import { Knowledge } from "./knowledge.js";
import { Summaries, addParameterReleases } from "./summaries.js";

/** The node types `collect` reads (its switch): only these are visited. */
const COLLECTED_TYPES = indexedTypes([T.CallExpression, T.JSXElement, T.JSXFragment, T.NewExpression, T.AssignmentExpression, T.PropertyDefinition]);

/** The engine's indexes of release calls by the key of what they release. */
type ReleaseIndex = "timerReleases" | "removeAll" | "revokes" | "aborts" | "methodReleases" | "activations" | "tokenReleases";

/** The indexes a helper's releases of its parameters are carried into (activations are not releases). */
const PARAMETER_RELEASE_INDEXES: readonly ReleaseIndex[] = ["timerReleases", "revokes", "aborts", "methodReleases", "tokenReleases", "removeAll"];

/** Everything one walk of the file collected, plus the helpers the analysers share. */
export class EngineContext {
  readonly refs: RefResolver;
  readonly lifecycles: Lifecycles;
  /** Timer acquisitions: calls to the global `setInterval` & co. */
  readonly timers: { call: TSESTree.CallExpression; name: string }[] = [];
  /** `clearInterval(x)` & co, by the key of `x`. */
  get timerReleases(): Map<string, Release[]> {
    return this.releaseIndexes().timerReleases;
  }
  readonly listenerAdds: { call: TSESTree.CallExpression; name: string }[] = [];
  readonly listenerRemoves: { call: TSESTree.CallExpression; name: string }[] = [];
  /** `x.removeAllListeners(...)`, by the key of `x`. */
  get removeAll(): Map<string, Release[]> {
    return this.releaseIndexes().removeAll;
  }
  readonly objectUrls: TSESTree.CallExpression[] = [];
  /** `URL.revokeObjectURL(x)`, by the key of `x`. */
  get revokes(): Map<string, Release[]> {
    return this.releaseIndexes().revokes;
  }
  /** Every `URL.revokeObjectURL` call, keyed or not. */
  revokeCount = 0;
  /** `controller.abort()`, by the key of `controller`. */
  get aborts(): Map<string, Release[]> {
    return this.releaseIndexes().aborts;
  }
  /** Observers, closeable resources: constructed or made by a module factory. */
  readonly handleAcquisitions: { node: Call; entry: HandleEntry }[] = [];
  /** `x.close()`, `x.disconnect()`, ... by the key of `x`. */
  get methodReleases(): Map<string, Release[]> {
    return this.releaseIndexes().methodReleases;
  }
  /** `observer.observe(...)` and other activations, by the key of the receiver. */
  get activations(): Map<string, Release[]> {
    return this.releaseIndexes().activations;
  }
  /** `source.unsubscribe(token)`, by the key of `token`. */
  get tokenReleases(): Map<string, Release[]> {
    return this.releaseIndexes().tokenReleases;
  }
  /** The release calls the walk found, in source order, with the node whose key indexes each. */
  private readonly foundReleases: { index: ReleaseIndex; call: TSESTree.CallExpression; name: string; keyed: Node }[] = [];
  private indexes: Record<ReleaseIndex, Map<string, Release[]>> | undefined;
  /** `.subscribe(...)` calls. */
  readonly subscriptions: TSESTree.CallExpression[] = [];
  /** Every call of the file, in source order (kept by the walk, so later indexes need no walk of their own). */
  readonly calls: TSESTree.CallExpression[] = [];
  /** Calls to a bare function or a `this.method` (candidates for calling a stored disposer). */
  readonly plainCalls: TSESTree.CallExpression[] = [];
  /** Functions registered to run at teardown: `destroyRef.onDestroy(fn)`. */
  readonly teardownCallbacks: FunctionNode[] = [];
  /** `target.onmessage = handler` and friends. */
  readonly handlerAssignments: TSESTree.AssignmentExpression[] = [];
  /** `this.x = new X()` / factory results, per class. */
  private readonly memberCreations: TSESTree.AssignmentExpression[] = [];
  private readonly fieldCreations: TSESTree.PropertyDefinition[] = [];
  private readonly regionCache = new WeakMap<Node, Node[]>();
  private readonly calleeCache = new WeakMap<Node, FunctionNode[]>();
  private readonly tailIndexes = new WeakMap<object, Map<string, string[]>>();
  private plainCallsByName: Map<string, TSESTree.CallExpression[]> | undefined;
  private timerImportNames: Set<string> | undefined;

  /** Library knowledge: built-in tables plus `settings.leakproof`. */
  readonly knowledge: Knowledge;
  readonly summaries: Summaries;
  /** The linted file's name ("" when unknown). */
  readonly filename: string;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    options: EngineOptions,
  ) {
    this.refs = new RefResolver(sourceCode);
    this.filename = options.filename ?? "";
    this.knowledge = new Knowledge(options.settings, this.filename);
    const reactish = new WeakSet<FunctionNode>();
    this.lifecycles = new LifecyclesImpl(
      this.refs,
      { reactish },
      [...DEFAULT_TEARDOWN_METHODS, ...(options.teardownMethods ?? [])],
      sourceCode,
      this.knowledge.effectHook,
    );
    this.summaries = new Summaries(this);
    this.collect(reactish);
  }

  /**
   * The release indexes, keyed on first use. A key costs lookups in tables as large as the file
   * (the scope's variables, the keys made so far), and only the families that found an
   * acquisition of a kind ask for its releases: a file with a thousand `node.remove()` calls and
   * no observer or closeable needs none of them keyed (issue 12 §2). Built in source order, as the
   * walk found them, so every index lists its releases as an eager build would.
   */
  private releaseIndexes(): Record<ReleaseIndex, Map<string, Release[]>> {
    if (this.indexes) return this.indexes;
    const indexes: Record<ReleaseIndex, Map<string, Release[]>> = {
      timerReleases: new Map(),
      removeAll: new Map(),
      revokes: new Map(),
      aborts: new Map(),
      methodReleases: new Map(),
      activations: new Map(),
      tokenReleases: new Map(),
    };
    for (const { index, call, name, keyed } of this.foundReleases) {
      const key = this.refs.key(keyed);
      if (key) pushTo(indexes[index], key, { call, name });
    }
    this.indexes = indexes;
    // Releases a helper makes of its parameters count where the helper is called.
    for (const index of PARAMETER_RELEASE_INDEXES) addParameterReleases(this.summaries, indexes[index]);
    return indexes;
  }

  /** Records a release of `keyed` (its key is made when the index is first asked for). */
  private found(index: ReleaseIndex, call: TSESTree.CallExpression, name: string, keyed: Node): void {
    this.foundReleases.push({ index, call, name, keyed });
  }

  /**
   * Every acquisition this walk collected that lasts until released (for "does this function
   * acquire anything?"): one-shot timers (`setTimeout`, animation frames) end by themselves.
   */
  acquisitionNodes(): Node[] {
    return [
      ...this.timers.filter((timer) => timer.name === "setInterval").map((timer) => timer.call),
      ...this.listenerAdds.map((add) => add.call),
      ...this.objectUrls,
      ...this.handleAcquisitions.map((acquisition) => acquisition.node),
      ...this.subscriptions,
    ];
  }


  private collect(reactish: WeakSet<FunctionNode>): void {
    forEachNodeOf(this.sourceCode, COLLECTED_TYPES, (node) => {
      switch (node.type) {
        case T.CallExpression:
          this.calls.push(node);
          this.classifyCall(node);
          if (isHookCall(node)) markReactish(node, reactish);
          break;
        case T.JSXElement:
        case T.JSXFragment:
          markReactish(node, reactish);
          break;
        case T.NewExpression:
          this.classifyNew(node);
          break;
        case T.AssignmentExpression:
          if (isThisMember(node.left) && (this.isCreation(node.right) || this.createdLocal(node.right))) this.memberCreations.push(node);
          if (isHandlerProperty(node.left)) this.handlerAssignments.push(node);
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
    // Resolving a binding costs a scope lookup: only names some module factory has qualify.
    const factory = FACTORY_NAMES.has(name) ? this.moduleEntry(call.callee, MODULE_FACTORIES) : undefined;
    if (factory) this.handleAcquisitions.push({ node: call, entry: factory });
    if (!object || object.type === T.ThisExpression) this.plainCalls.push(call);
    if (object) this.classifyMethodCall(call, object, name);
    if (!object) {
      // A bare call is a timer only by a timer's name or through a named import of
      // `node:timers`: other names need no scope lookup.
      const timerName = TIMERS[name] || TIMER_RELEASES.has(name) || this.timerImports().has(name) ? this.timerFunctionName(unwrap(call.callee)) : undefined;
      if (timerName && TIMERS[timerName]) this.timers.push({ call, name: timerName });
      else if (timerName && TIMER_RELEASES.has(timerName)) this.indexArg("timerReleases", call, timerName);
      return;
    }
    // The receiver's binding is looked up only for a timer's name: most calls have none.
    if (TIMERS[name] && (this.isTimerModule(object) || this.refs.isGlobalPath(call.callee, name))) {
      this.timers.push({ call, name });
      return;
    }
    if (TIMER_RELEASES.has(name) && (this.isTimerModule(object) || this.refs.isGlobalPath(call.callee, name))) {
      this.indexArg("timerReleases", call, name);
      return;
    }
    if (LISTENER_ADDS[name] && call.arguments.length >= 2) {
      this.listenerAdds.push({ call, name });
      return;
    }
    if (LISTENER_REMOVES[name]) {
      this.listenerRemoves.push({ call, name });
      // `editor.off("change")`, `socket.off()`: emitter-style `off` with no handler takes off
      // every listener (of that event) — jQuery, socket.io, mitt, video.js and most emitters.
      if ((name === "off" || name === "$off") && call.arguments.length <= 1) this.found("removeAll", call, name, object);
      return;
    }
    // `bus.clear()` with no argument empties an event bus (mitt's `all.clear()`, PrimeUI's
    // EventBus): consulted only for listeners added to that same receiver, so a Map's `clear()`
    // answers nothing. On an emitter it may take every listener off: not a proven leak.
    if (name === REMOVE_ALL_LISTENERS || (name === "clear" && call.arguments.length === 0)) {
      this.found("removeAll", call, name, object);
      return;
    }
    if ((name === OBJECT_URL_ACQUIRE || name === OBJECT_URL_RELEASE) && this.isUrlHost(object)) {
      if (name === OBJECT_URL_ACQUIRE) this.objectUrls.push(call);
      else {
        this.revokeCount++;
        this.indexArg("revokes", call, name);
      }
      return;
    }
    if (name === "abort") this.found("aborts", call, name, object);
  }

  /** Release-method calls, subscriptions and teardown registrations (any receiver). */
  private classifyMethodCall(call: TSESTree.CallExpression, object: Node, name: string): void {
    if (HANDLE_RELEASE_METHODS.has(name)) this.found("methodReleases", call, name, object);
    if (ACTIVATION_METHODS.has(name)) this.found("activations", call, name, object);
    if (TOKEN_RELEASES.has(name)) this.indexArg("tokenReleases", call, name);
    if (SUBSCRIBE_METHODS.has(name)) this.subscriptions.push(call);
    if (TEARDOWN_REGISTRARS.has(name)) {
      for (const arg of call.arguments) {
        // `onDestroy(() => ...)`, or `onDestroy(stop)` with `stop` a local function.
        const fn = isFunction(arg) ? arg : arg.type === T.Identifier ? this.lifecycles.resolveFunction(arg) : undefined;
        if (fn) this.teardownCallbacks.push(fn);
      }
    }
  }

  private classifyNew(node: TSESTree.NewExpression): void {
    const callee = unwrap(node.callee);
    if (callee.type === T.Identifier && GLOBAL_CONSTRUCTORS[callee.name] && this.refs.isGlobal(callee, callee.name)) {
      this.handleAcquisitions.push({ node, entry: GLOBAL_CONSTRUCTORS[callee.name]! });
      return;
    }
    if (callee.type === T.MemberExpression) {
      const name = memberName(callee);
      if (name && GLOBAL_CONSTRUCTORS[name] && this.refs.isGlobalPath(callee, name)) {
        this.handleAcquisitions.push({ node, entry: GLOBAL_CONSTRUCTORS[name] });
        return;
      }
    }
    // `new wt.Worker()` needs a known name; a bare identifier may be a renamed import (`import WS from "ws"`).
    const name = callee.type === T.MemberExpression ? memberName(callee) : undefined;
    if (callee.type !== T.Identifier && !(name && CONSTRUCTOR_NAMES.has(name))) return;
    const entry = this.moduleEntry(callee, MODULE_CONSTRUCTORS);
    if (entry) this.handleAcquisitions.push({ node, entry });
  }

  /**
   * The catalogue entry for `mod.name` / an imported `name` when the binding really
   * comes from that module (`import fs from "node:fs"`, `const { watch } = require("fs")`).
   */
  private moduleEntry(
    calleeNode: Node,
    table: Readonly<Record<string, Readonly<Record<string, HandleEntry>>>>,
  ): HandleEntry | undefined {
    const callee = unwrap(calleeNode);
    if (callee.type === T.Identifier) {
      const binding = moduleBinding(this.refs, callee);
      return binding ? table[binding.module]?.[binding.imported] : undefined;
    }
    if (callee.type === T.MemberExpression) {
      const object = unwrap(callee.object);
      const name = memberName(callee);
      if (object.type !== T.Identifier || !name) return undefined;
      const binding = moduleBinding(this.refs, object);
      if (!binding || (binding.imported !== "*" && binding.imported !== "default")) return undefined;
      return table[binding.module]?.[name];
    }
    return undefined;
  }

  /**
   * The timer function a bare callee denotes: the global of its name, or the export of
   * `node:timers` it imports (also renamed: `import { setInterval as every }`).
   */
  private timerFunctionName(callee: Node): string | undefined {
    if (callee.type !== T.Identifier) return undefined;
    if (this.refs.isGlobal(callee, callee.name)) return callee.name;
    const def = this.refs.variable(callee)?.defs[0];
    if (def?.type !== "ImportBinding" || def.node.type !== T.ImportSpecifier) return undefined;
    const declaration = def.parent;
    if (declaration?.type !== T.ImportDeclaration || !TIMER_MODULES.has(String(declaration.source.value))) return undefined;
    return def.node.imported.type === T.Identifier ? def.node.imported.name : def.node.imported.value;
  }

  /** Local names of the named imports of `node:timers` (`import { setInterval as every }`). */
  private timerImports(): ReadonlySet<string> {
    if (!this.timerImportNames) {
      this.timerImportNames = new Set();
      for (const statement of this.sourceCode.ast.body) {
        if (statement.type !== T.ImportDeclaration || !TIMER_MODULES.has(String(statement.source.value))) continue;
        for (const specifier of statement.specifiers) {
          if (specifier.type === T.ImportSpecifier) this.timerImportNames.add(specifier.local.name);
        }
      }
    }
    return this.timerImportNames;
  }

  /** `timers` in `timers.setInterval(...)` after `import * as timers from "node:timers"` (or a default import). */
  private isTimerModule(object: Node): boolean {
    if (object.type !== T.Identifier) return false;
    const def = this.refs.variable(object)?.defs[0];
    if (def?.type !== "ImportBinding" || def.node.type === T.ImportSpecifier) return false;
    const declaration = def.parent;
    return declaration?.type === T.ImportDeclaration && TIMER_MODULES.has(String(declaration.source.value));
  }

  private isUrlHost(object: Node): boolean {
    if (object.type === T.Identifier) return OBJECT_URL_HOSTS.has(object.name) && this.refs.isGlobal(object, object.name);
    if (object.type === T.MemberExpression) {
      const name = memberName(object);
      return !!name && OBJECT_URL_HOSTS.has(name) && this.refs.isGlobalPath(object, name);
    }
    return false;
  }

  private indexArg(index: ReleaseIndex, call: TSESTree.CallExpression, name: string): void {
    const arg = call.arguments[0];
    if (arg && arg.type !== T.SpreadElement) this.found(index, call, name, arg);
  }

  /** Whether an expression evaluates to a fresh object owned by whoever keeps it. */
  /** `const settings = new Settings(); this.settings = settings`: a local holding a fresh object. */
  private createdLocal(node: Node): boolean {
    const inner = unwrap(node);
    if (inner.type !== T.Identifier) return false;
    const variable = this.refs.variable(inner);
    const def = variable?.defs[0];
    return variable?.defs.length === 1 && def?.type === "Variable" && def.parent?.kind === "const" && !!def.node.init && this.isCreation(def.node.init);
  }

  isCreation(node: Node): boolean {
    const inner = unwrap(node);
    if (inner.type === T.NewExpression) return true;
    if (inner.type === T.CallExpression) {
      const { name } = calleeOf(inner);
      if (name && OWNED_FACTORIES.has(name)) return true;
      // `io(url)`, `mitt()`: a library factory known to make a new object per call.
      const callee = unwrap(inner.callee);
      const binding = callee.type === T.Identifier ? moduleBinding(this.refs, callee) : undefined;
      return !!binding && this.knowledge.creates(binding.module, binding.imported);
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
        // `inject(DestroyRef).onDestroy(() => ...)` registered inside the class also runs at teardown.
        const registered = this.teardownCallbacks.filter((fn) => contains(info.node, fn));
        return this.expand([...info.teardown, ...registered]);
      }
      case "render":
      case "component-callback":
        return [owner.component];
      default:
        return "anywhere";
    }
  }

  /** `roots` plus every local function or `this.method` they call, transitively. */
  /** Calls of a local function or a `this` method, with that function; built on first use. */
  private localCalls: ByPosition<{ call: TSESTree.CallExpression; target: FunctionNode }> | undefined;

  private localCallIndex(): ByPosition<{ call: TSESTree.CallExpression; target: FunctionNode }> {
    if (!this.localCalls) {
      const calls: { call: TSESTree.CallExpression; target: FunctionNode }[] = [];
      for (const node of this.calls) {
        const callee = unwrap(node.callee);
        const target =
          callee.type === T.Identifier || (callee.type === T.MemberExpression && unwrap(callee.object).type === T.ThisExpression)
            ? this.lifecycles.resolveFunction(callee)
            : undefined;
        if (target) calls.push({ call: node, target });
      }
      this.localCalls = new ByPosition(calls, (entry) => entry.call);
    }
    return this.localCalls;
  }

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

  /**
   * Local functions called (directly) inside `root`; cached per root. Read off the file's calls of
   * local functions by position rather than by walking `root`: nested regions are each a root,
   * and walking each one's whole subtree cost n·depth over a file.
   */
  private calleesIn(root: Node): FunctionNode[] {
    const cached = this.calleeCache.get(root);
    if (cached) return cached;
    const out: FunctionNode[] = [];
    // `super.dispose()` and `this.x.dispose()` are out of sight; nothing to follow.
    for (const { target } of this.localCallIndex().inside(root)) if (!contains(target, root)) out.push(target);
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

  private callsByTarget: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;

  /**
   * The plain calls (`f(...)`, `this.f(...)`) whose callee resolves to `fn`, in source order
   * (indexed on first use: asked per acquisition, a scan of every call was n²).
   */
  callsResolvingTo(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    if (!this.callsByTarget) {
      this.callsByTarget = new Map();
      for (const call of this.plainCalls) {
        const target = this.lifecycles.resolveFunction(call.callee);
        if (target) pushTo(this.callsByTarget, target, call);
      }
    }
    return this.callsByTarget.get(fn) ?? [];
  }

  /** The calls of `name(...)` or `this.name(...)` in the file (indexed on first use). */
  callsNamed(name: string): readonly TSESTree.CallExpression[] {
    if (!this.plainCallsByName) {
      this.plainCallsByName = new Map();
      for (const call of this.plainCalls) {
        const calleeName = calleeOf(call).name;
        if (calleeName) pushTo(this.plainCallsByName, calleeName, call);
      }
    }
    return this.plainCallsByName.get(name) ?? [];
  }

  /**
   * Releases that may act on one of `keys` though the key differs: the same member name on a
   * base whose identity is not fixed (`clearTimeout(track.timeoutId)` in a helper taking the
   * track, for `this.track.timeoutId` or another local's `.timeoutId`). Never used to prove a
   * release on the owner's end; only to hold back a "never released" claim in the default mode.
   */
  looselyReleased(
    index: ReadonlyMap<string, readonly Release[]>,
    keys: readonly string[],
    accept: (release: Release) => boolean = () => true,
  ): boolean {
    if (!keys.some((key) => memberTail(key) !== undefined)) return false;
    let byTail = this.tailIndexes.get(index);
    if (!byTail) {
      byTail = new Map();
      for (const key of index.keys()) {
        const tail = memberTail(key);
        if (tail !== undefined) pushTo(byTail, tail, key);
      }
      this.tailIndexes.set(index, byTail);
    }
    return keys.some((key) => {
      const tail = memberTail(key);
      return (
        !!tail &&
        (byTail.get(tail) ?? []).some(
          (other) => (other === key || !(this.fixedBase(key) && this.fixedBase(other))) && (index.get(other) ?? []).some(accept),
        )
      );
    });
  }

  /** Whether a member key's base is a fixed object (see `RefResolver.fixedKey`). */
  private fixedBase(key: string): boolean {
    return this.refs.fixedKey(key.slice(0, key.lastIndexOf(".")));
  }

  describe(owner: Owner): { owner: string; end: string } {
    return this.lifecycles.describe(owner);
  }
}

const FACTORY_NAMES: ReadonlySet<string> = new Set(Object.values(MODULE_FACTORIES).flatMap((table) => Object.keys(table)));
const CONSTRUCTOR_NAMES: ReadonlySet<string> = new Set(
  Object.values(MODULE_CONSTRUCTORS).flatMap((table) => Object.keys(table).filter((name) => name !== "default")),
);

/** `timeoutId` for the key `v3.track.timeoutId`; undefined for a bare variable. */
function memberTail(key: string): string | undefined {
  const dot = key.lastIndexOf(".");
  return dot > 0 ? key.slice(dot + 1) : undefined;
}

function isHookCall(node: TSESTree.CallExpression): boolean {
  const { name } = calleeOf(node);
  return isHookName(name);
}

function markReactish(node: Node, reactish: WeakSet<FunctionNode>): void {
  const fn = enclosingFunctionInClass(node);
  if (fn) reactish.add(fn);
}

/** `x.onmessage = ...`: an event handler property. */
function isHandlerProperty(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type !== T.MemberExpression) return false;
  const name = memberName(inner);
  return !!name && /^on[a-z]+$/.test(name);
}
