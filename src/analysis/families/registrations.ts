/**
 * Registrations that run again and again without being undone.
 *
 * A registration — `registry.register(plugin)`, `ipcMain.handle(channel, fn)`,
 * `menu.append(item)`, `hooks.addHook(fn)`, `bus.on(type, fn)` — stores its argument in a
 * registry. When the registry lives longer than the code that registers (a module-level
 * variable, an imported singleton such as Electron's `ipcMain`, a global, a member of a
 * class instance) and that code runs again and again, every run adds one more entry unless
 * it undoes the previous one, tests first, or registers on a fresh object.
 *
 * "Runs again and again" means, from the registration outwards, the first of:
 *  - a loop whose every iteration makes the *same* registration (the arguments do not
 *    depend on anything declared in the loop: one registration per element is not a repeat);
 *  - a callback that runs repeatedly: an interval, an event or IPC handler (not for
 *    one-time events such as `ready`), a request handler, a timer that re-arms itself;
 *  - a named function or method that is called from such code, or whose name marks an
 *    initialisation routine (`init`, `setup`, `refresh`, `rebuild`, ...) and that is called
 *    from more than one place, or a constructor of a class instantiated in such code.
 *
 * Not a registration: plain collections (`new Set()`, `ids.add(x)`), `push`, one-shot forms
 * (`once`, `handleOnce`), setters that replace (`setContextMenu`), `customElements.define`
 * (a second call throws), `subscribe` (no-leaked-subscription), `addEventListener` and the
 * listener adds that no-leaked-event-listener already reports. A registry must be known to
 * have the undo method: a catalogue registry, a class of this file that declares it, an
 * emitter, or a receiver the file already calls the undo method on.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import {
  type ClassNode,
  type FunctionNode,
  type Node,
  calleeOf,
  functionName,
  contains,
  enclosingFunction,
  isClass,
  isFunction,
  isLoop,
  isPerIterationPart,
  keyName,
  memberName,
  outerParent,
  staticString,
  unwrap,
} from "../../ast/index.js";
import { isComponentScript, looksLikeHandler, looksLikeRequestHandler } from "../../lifecycle/owners.js";
import { type AncestorCache, type AncestorFold, foldAncestors } from "../../ast/ancestors.js";
import {
  CLEAR_ALL_METHODS,
  COLLECTION_CONSTRUCTORS,
  COLLECTION_NAME,
  DEFERRING_CALLEES,
  GUARD_FLAG_NAME,
  INIT_FUNCTION_PREFIXES,
  KNOWN_GLOBAL_REGISTRIES,
  KNOWN_MODULE_REGISTRIES,
  KNOWN_REGISTRY_PATHS,
  LOOKUP_METHOD,
  ONE_TIME_EVENTS,
  REPEATING_CALLEES,
  isRegistrationMethod,
  releasesFor,
} from "../../resources/registrations.js";
import type { EngineContext } from "../engine/context.js";
import { type RefResolver, moduleBinding, thisOwner } from "../engine/refs.js";
import { moduleLevel } from "../engine/targets.js";
import { type Evidence, type Proof, likely, proven } from "../engine/model.js";
import { evidence } from "../engine/evidence.js";
import { walk } from "../../ast/walk.js";
import { allNodes } from "../../ast/node-index.js";
import { hasWord } from "../../util/words.js";
import { pushTo } from "../../util/maps.js";

export interface RegistrationOptions {
  /** Extra receiver names (identifier or last member name) that denote long-lived registries. */
  registries: readonly string[];
  /** Extra names (or name prefixes) of initialisation routines that may run again. */
  initFunctions: readonly string[];
}

export type RegistrationMessageId = "registeredInLoop" | "registeredInCallback" | "registeredOnRerun";

export interface RegistrationFinding {
  node: TSESTree.CallExpression;
  messageId: RegistrationMessageId;
  data: Record<string, string>;
  evidence: Evidence;
}

interface Registration {
  call: TSESTree.CallExpression;
  method: string;
  receiver: Node;
  key: string;
  /** Last name of the receiver: `registry` for `this.registry`, `ipcMain`. */
  terminal: string | undefined;
  /** Why the receiver outlives the registering code, as a phrase. */
  lifetime: string;
  releases: readonly string[];
}

interface Repetition {
  kind: "loop" | "callback" | "rerun";
  where: string;
  /** Where a release or a guard makes the repetition harmless. */
  regions: Node[];
  /** The loop or function that repeats. */
  node: Node;
}

/** A call of a function (`f()`, `new C()`) or a use that hands it to a call (`setInterval(f)`). */
interface Site {
  kind: "call" | "handed";
  ref: Node;
  call: TSESTree.CallExpression | TSESTree.NewExpression;
}

/** Whether one of `undos` (in source order) lies inside `root`: a binary search on their starts. */
function containsAny(root: Node, undos: readonly UndoCall[]): boolean {
  let low = 0;
  let high = undos.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (undos[mid]!.call.range[0] < root.range[0]) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < undos.length && undos[i]!.call.range[0] < root.range[1]; i++) if (contains(root, undos[i]!.call)) return true;
  return false;
}

/** See `RegistrationAnalysis.sweepTo`. */
interface RegionSweep {
  /** Position in the file's node list of the next node to take in. */
  next: number;
  /** The start of the registration last swept to (a query before it walks instead). */
  at: number;
  assigned: Set<string>;
  /** An `if`/`?:`/`while` test guarding any registration, or those on these receiver keys. */
  anyTest: boolean;
  testedKeys: Set<string>;
  /** The earliest end of a `&&`/`||` whose left side guards any registration, or one on the key. */
  anyLogicalEnd: number;
  logicalEnds: Map<string, number>;
}

interface GuardTest {
  any: boolean;
  /** The keys the test reads, with every prefix of each (`this1`, `this1.menu` for `this1.menu.items`). */
  keys: Set<string>;
}

interface UndoCall {
  call: TSESTree.CallExpression;
  name: string;
  key: string | undefined;
  terminal: string | undefined;
}

const MAX_DEPTH = 3;
const LISTENER_METHODS: ReadonlySet<string> = new Set(["on", "addListener", "prependListener"]);

/** Every method some known registry (module, global or member path) is known to undo. */
const KNOWN_REGISTRY_METHODS: ReadonlySet<string> = new Set([
  ...Object.values(KNOWN_MODULE_REGISTRIES).flatMap((registries) => Object.values(registries).flat()),
  ...Object.values(KNOWN_GLOBAL_REGISTRIES).flat(),
  ...KNOWN_REGISTRY_PATHS.flatMap((known) => known.methods),
]);

/**
 * Which registrations of a file can be known to have an undo, from its text alone (for the rule,
 * before the engine is built; `hasUndo` decides). Short of a receiver named in the `registries`
 * option, that takes a listener method, a method of a known registry, or an undo name the file
 * writes somewhere: a call of it (the undo index) or a method declaring it (a class of the
 * file). Most files calling `v.add(w)` never write `remove`. Asked once per method name.
 */
export class UndoWords {
  private readonly byMethod = new Map<string, boolean>();
  private clearAll: boolean | undefined;

  constructor(private readonly text: string) {}

  possible(method: string): boolean {
    let possible = this.byMethod.get(method);
    if (possible === undefined) {
      const releases = releasesFor(method);
      possible =
        LISTENER_METHODS.has(method) ||
        KNOWN_REGISTRY_METHODS.has(method) ||
        releases.some((name) => hasWord(this.text, name)) ||
        // The clear-all methods too, as `undoNamesOf` says (once per file).
        (method !== "add" && (this.clearAll ??= [...CLEAR_ALL_METHODS].some((name) => hasWord(this.text, name))));
      this.byMethod.set(method, possible);
    }
    return possible;
  }
}

/** The methods whose call (or declaration) shows a registry can undo `method`: its releases, and the clear-all methods except for `add`. */
function undoNamesOf(method: string, releases: readonly string[]): readonly string[] {
  return method === "add" ? releases : [...releases, ...CLEAR_ALL_METHODS];
}

const CLASS_INSTANCE = "it belongs to the class instance";
const COMPONENT_INSTANCE = "it belongs to the component instance";

/**
 * A registry that lives at module level, is imported or global, or is named in the options
 * outlives the code registering on it; one that belongs to a class or component instance lives
 * as long as that instance, which the file does not show.
 */
function registryHolder(lifetime: string): Proof {
  return lifetime === CLASS_INSTANCE || lifetime === COMPONENT_INSTANCE ? likely("registry of unknown lifetime") : proven(lifetime);
}

/**
 * A loop, a repeating callback, or a function called from one, runs again for sure; a function
 * that is merely called from several places (an `init*()` called twice) may not repeat at run time.
 */
function repetitionProof(repetition: Repetition): Proof {
  // Only the `init*()` rule ("called from N places") rests on the call count alone.
  return /called from \d+ places/.test(repetition.where) ? likely(repetition.where) : proven(repetition.where);
}

export class RegistrationAnalysis {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly refs: RefResolver;
  private readonly classSites = new WeakMap<ClassNode, Map<string, Site[]>>();
  private readonly initNames: readonly string[];

  constructor(
    /** The file's engine context, shared with every family: references, owners, the call closure. */
    private readonly ctx: EngineContext,
    private readonly options: RegistrationOptions,
    /** Listener adds no-leaked-event-listener reports (computed lazily by the rule). */
    private readonly listenerFindings: () => ReadonlySet<Node>,
  ) {
    this.sourceCode = ctx.sourceCode;
    this.refs = ctx.refs;
    this.initNames = [...INIT_FUNCTION_PREFIXES, ...options.initFunctions];
  }

  /** The method of `call` when it is worth a closer look (cheap name test, for the rule's visitor). */
  static candidate(call: TSESTree.CallExpression): string | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) return undefined;
    const name = memberName(callee);
    return name && isRegistrationMethod(name) && call.arguments.length > 0 ? name : undefined;
  }

  check(call: TSESTree.CallExpression): RegistrationFinding | undefined {
    const method = RegistrationAnalysis.candidate(call);
    if (!method) return undefined;
    // The owner first: it is kept per function, while the receiver's analysis below (key,
    // lifetime, undo index) is per call, and a call that an effect owns needs none of it.
    const owner = this.ctx.lifecycles.ownerOf(call).owner;
    // React render code and effect callbacks belong to the hook-aware rules. What a component's
    // own `<script setup>` / instance `<script>` runs (its handlers and helpers) is judged like
    // module code: the engine's owners call that script an effect, but no hook runs it (a
    // registry declared at its top level is the instance's: see `lifetime`).
    if (owner.type === "render" || (owner.type === "effect" && !isComponentScript(owner))) return undefined;
    const registration = this.registration(call, method);
    if (!registration) return undefined;
    const repetition = this.repetition(call, call, 0);
    if (!repetition) return undefined;
    if (this.freshReceiver(registration, repetition)) return undefined;
    if (this.released(registration, repetition)) return undefined;
    if (this.guarded(registration, repetition)) return undefined;
    if (LISTENER_METHODS.has(registration.method) && this.listenerFindings().has(call)) return undefined;
    const messageId: RegistrationMessageId =
      repetition.kind === "loop" ? "registeredInLoop" : repetition.kind === "callback" ? "registeredInCallback" : "registeredOnRerun";
    return {
      node: call,
      messageId,
      evidence: evidence(registryHolder(registration.lifetime), repetitionProof(repetition), proven("never undone before it runs again")),
      data: {
        registry: this.refs.text(registration.receiver),
        method: registration.method,
        lifetime: registration.lifetime,
        where: repetition.where,
        release: registration.releases[0] ?? "clear",
      },
    };
  }

  // -------------------------------------------------------------------------
  // What is registered where

  /** `call` is a `candidate` calling `method` (its name, arguments and member callee checked). */
  private registration(call: TSESTree.CallExpression, method: string): Registration | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || resultUsed(call)) return undefined;
    const receiver = unwrap(callee.object);
    const key = this.refs.key(receiver);
    if (!key) return undefined;
    const terminal = terminalName(receiver);
    const optionNamed = !!terminal && this.options.registries.includes(terminal);
    if (!optionNamed && this.isCollection(receiver, terminal)) return undefined;
    const lifetime = this.lifetime(receiver, 0) ?? (optionNamed ? "it is named in the `registries` option" : undefined);
    if (!lifetime) return undefined;
    const releases = releasesFor(method);
    if (releases.length === 0) return undefined;
    const registration: Registration = { call, method, receiver, key, terminal, lifetime, releases };
    if (!optionNamed && !this.hasUndo(registration)) return undefined;
    return registration;
  }

  /** `seen.add(id)`, `this.ids.add(x)`, `el.classList.add("x")`: collections, not registries. */
  private isCollection(receiver: Node, terminal: string | undefined): boolean {
    if (terminal && COLLECTION_NAME.test(terminal)) return true;
    const init = this.initialiser(receiver);
    if (!init) return false;
    const inner = unwrap(init);
    if (inner.type === T.ArrayExpression) return true;
    if (inner.type === T.NewExpression) {
      const ctor = unwrap(inner.callee);
      return ctor.type === T.Identifier && COLLECTION_CONSTRUCTORS.has(ctor.name) && this.refs.isGlobal(ctor, ctor.name);
    }
    return false;
  }

  /** The expression a receiver was created from: a variable's initialiser, `this.x = ...` or a class field. */
  private initialiser(receiver: Node): Node | undefined {
    const inner = unwrap(receiver);
    if (inner.type === T.Identifier) {
      const def = this.refs.variable(inner)?.defs[0];
      return def?.type === "Variable" && def.node.init ? def.node.init : undefined;
    }
    if (inner.type === T.MemberExpression && unwrap(inner.object).type === T.ThisExpression) {
      const cls = thisOwner(inner);
      const name = memberName(inner);
      if (!isClass(cls) || !name) return undefined;
      for (const member of cls.body.body) {
        if (member.type === T.PropertyDefinition && keyName(member.key, member.computed) === name && member.value) return member.value;
      }
      let found: Node | undefined;
      walk(cls, this.sourceCode.visitorKeys, (node) => {
        if (found) return false;
        if (
          node.type === T.AssignmentExpression &&
          node.left.type === T.MemberExpression &&
          unwrap(node.left.object).type === T.ThisExpression &&
          memberName(node.left) === name &&
          thisOwner(node.left) === cls
        ) {
          found = node.right;
        }
        return !found;
      });
      return found;
    }
    return undefined;
  }

  /** Why the receiver outlives the code that registers on it, or undefined for a local object. */
  private lifetime(receiver: Node, depth: number): string | undefined {
    if (depth > 6) return undefined;
    let root = unwrap(receiver);
    while (root.type === T.MemberExpression) root = unwrap(root.object);
    if (root.type === T.ThisExpression) return isClass(thisOwner(root)) ? CLASS_INSTANCE : undefined;
    if (root.type !== T.Identifier) return undefined;
    const variable = this.refs.variable(root);
    if (!variable) return "it is a global";
    const def = variable.defs[0];
    if (!def) return undefined;
    if (def.type === "ImportBinding") return "it is an imported singleton";
    // The top level of a Vue `<script setup>` or a Svelte instance `<script>` runs once per
    // component instance: a registry declared there is that instance's, not the module's.
    const moduleScoped = moduleLevel(this.ctx, variable);
    if (def.type === "Variable" && def.parent?.kind === "const" && def.node.init && !moduleScoped) {
      // An alias lives as long as what it names (`const registry = this.registry`).
      const init = unwrap(def.node.init);
      if (init.type === T.Identifier || init.type === T.MemberExpression || init.type === T.ThisExpression) return this.lifetime(init, depth + 1);
    }
    if ((def.type !== "Variable" && def.type !== "ClassName") || (variable.scope.type !== "module" && variable.scope.type !== "global")) return undefined;
    return moduleScoped ? "it lives at module level" : COMPONENT_INSTANCE;
  }

  /** Whether the registry is known to have the matching undo method. */
  private hasUndo(registration: Registration): boolean {
    const { method, receiver, key, terminal } = registration;
    if (LISTENER_METHODS.has(method)) return true;
    if (this.knownRegistry(receiver, method)) return true;
    const undoNames = undoNamesOf(method, registration.releases);
    for (const name of undoNames) {
      const bucket = this.undoBucket(name);
      if (bucket && (bucket.byKey.has(key) || (!!terminal && bucket.terminals.has(terminal)))) return true;
    }
    const cls = this.classOf(receiver);
    if (cls) {
      const methods = this.ctx.lifecycles.classInfo(cls).methods;
      if (undoNames.some((name) => methods.has(name))) return true;
    }
    return false;
  }

  private knownRegistry(receiver: Node, method: string): boolean {
    const inner = unwrap(receiver);
    let binding: { module: string; imported: string } | undefined;
    if (inner.type === T.Identifier) {
      binding = moduleBinding(this.refs, inner);
      if (!binding && this.refs.isGlobal(inner, inner.name)) return KNOWN_GLOBAL_REGISTRIES[inner.name]?.includes(method) ?? false;
    } else if (inner.type === T.MemberExpression) {
      const object = unwrap(inner.object);
      const name = memberName(inner);
      const base = object.type === T.Identifier ? moduleBinding(this.refs, object) : undefined;
      if (base && name && (base.imported === "*" || base.imported === "default")) binding = { module: base.module, imported: name };
    }
    if (binding && KNOWN_MODULE_REGISTRIES[binding.module]?.[binding.imported]?.includes(method)) return true;
    const path = this.sourceCode.getText(receiver).replace(/\s+|\?/g, "");
    return KNOWN_REGISTRY_PATHS.some((known) => known.path.test(path) && known.methods.includes(method));
  }

  /** The class of this file whose instance the receiver is: `this`, or created with `new C()`. */
  private classOf(receiver: Node): ClassNode | undefined {
    const inner = unwrap(receiver);
    if (inner.type === T.ThisExpression) {
      const owner = thisOwner(inner);
      return isClass(owner) ? owner : undefined;
    }
    const init = this.initialiser(inner);
    const created = init ? unwrap(init) : undefined;
    if (created?.type !== T.NewExpression) return undefined;
    const ctor = unwrap(created.callee);
    if (ctor.type !== T.Identifier) return undefined;
    const def = this.refs.variable(ctor)?.defs[0];
    if (def?.type === "ClassName" && isClass(def.node)) return def.node;
    if (def?.type === "Variable" && def.node.init && isClass(unwrap(def.node.init))) return unwrap(def.node.init) as ClassNode;
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Where it repeats

  /**
   * The first repeating construct around `node`, walking outwards: a loop repeating the
   * same registration, a repeating callback, or a named function that re-runs.
   */
  private repetition(node: Node, call: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): Repetition | undefined {
    // From stop to stop (`REPETITION_STOP`): the blocks between are passed once per file.
    for (let parent = nextStop(node); parent; parent = nextStop(parent)) {
      if (isLoop(parent)) {
        if (this.loopInvariant(call, parent)) {
          return { kind: "loop", where: "a loop", regions: [parent], node: parent };
        }
        continue;
      }
      if (isClass(parent) || parent.type === T.Program || parent.type === T.PropertyDefinition) return undefined;
      if (!isFunction(parent)) continue;
      const fn = parent;
      const role = this.callbackRole(fn);
      if (role) return { kind: "callback", where: role, regions: [fn], node: fn };
      if (isInlineCallback(fn)) continue;
      const rerun = this.rerun(fn, depth);
      return rerun ? { kind: "rerun", where: rerun.where, regions: [fn, ...rerun.callers], node: fn } : undefined;
    }
    return undefined;
  }

  /** Whether the registration's arguments are the same in every iteration of `loop`. */
  private loopInvariant(call: TSESTree.CallExpression | TSESTree.NewExpression, loop: Node): boolean {
    let invariant = true;
    for (const arg of call.arguments) {
      walk(arg, this.sourceCode.visitorKeys, (node) => {
        if (!invariant) return false;
        if (node.type === T.Identifier) {
          const def = this.refs.variable(node)?.defs[0];
          if (def && contains(loop, def.name)) invariant = false;
        }
        return invariant;
      });
    }
    return invariant;
  }

  /** Why a function passed directly to a call runs again and again. */
  private callbackRole(fn: FunctionNode): string | undefined {
    const { parent } = outerParent(fn);
    if (parent?.type === T.CallExpression && parent.arguments.some((arg) => unwrap(arg) === fn)) {
      const role = this.roleOfUse(parent, fn, fn);
      if (role) return role;
    }
    if (looksLikeRequestHandler(fn) && parent?.type === T.CallExpression) return "a request handler";
    // `export function onSessionChanged(next)`: a handler by name runs once per event.
    return looksLikeHandler(fn) ? `the handler \`${functionName(fn) ?? "handler"}()\`` : undefined;
  }

  /**
   * Why the function `fn`, handed to `call` (inline or by reference at `use`), runs again
   * and again: an interval, an event/IPC handler, a timer that re-arms itself.
   */
  private roleOfUse(call: TSESTree.CallExpression, fn: FunctionNode | undefined, use: Node): string | undefined {
    const { name } = calleeOf(call);
    if (!name) return undefined;
    if (name === "setInterval") return REPEATING_CALLEES[name];
    if (LISTENER_METHODS.has(name) || name === "addEventListener" || name === "handle") {
      const event = staticString(call.arguments[0]);
      if (event !== undefined && ONE_TIME_EVENTS.has(event)) return undefined;
      if (name === "addEventListener" && hasOnceOption(call.arguments[2])) return undefined;
      const role = REPEATING_CALLEES[name]!;
      return event !== undefined ? `${role} for '${event}'` : role;
    }
    if (DEFERRING_CALLEES.has(name) && fn && use !== fn && contains(fn, use)) return "a timer callback that re-arms itself";
    if (name === "createServer" || (fn && looksLikeRequestHandler(fn))) return "a request handler";
    return undefined;
  }

  /** Whether a named function or method runs again and again, and who calls it. */
  private rerun(fn: FunctionNode, depth: number): { where: string; callers: Node[] } | undefined {
    if (depth >= MAX_DEPTH) return undefined;
    const found = this.sitesOf(fn);
    if (!found) return undefined;
    const callers: Node[] = [];
    for (const site of found.sites) {
      const caller = enclosingFunction(site.call);
      if (caller && caller !== fn && !contains(fn, caller)) callers.push(caller);
    }
    for (const site of found.sites) {
      if (site.kind === "handed" && site.call.type === T.CallExpression) {
        const role = this.roleOfUse(site.call, fn, site.ref);
        if (role) return { where: `${found.label}, which runs as ${role}`, callers };
      }
      // Called (or handed over) in code that itself repeats.
      const outer = this.repetition(site.call, site.call, depth + 1);
      if (outer && outer.node !== fn && !contains(fn, outer.node)) {
        return { where: `${found.label}, which is called from ${outer.where}`, callers };
      }
    }
    if (found.sites.length >= 2 && found.name && this.isInitName(found.name)) {
      return { where: `${found.label}, which is called from ${found.sites.length} places`, callers };
    }
    return undefined;
  }

  private isInitName(name: string): boolean {
    return this.initNames.some((prefix) => name === prefix || (name.startsWith(prefix) && /^[A-Z_]/.test(name.slice(prefix.length))));
  }

  /**
   * Where a function is called or handed over: references to its binding, `this.name`
   * inside its class, or `new C()` for a constructor.
   */
  private sitesOf(fn: FunctionNode): { name: string | undefined; label: string; sites: Site[] } | undefined {
    const parent = fn.parent;
    if (parent?.type === T.MethodDefinition && parent.kind === "constructor") {
      const cls = parent.parent.parent;
      if (cls?.type !== T.ClassDeclaration || !cls.id) return undefined;
      const sites: Site[] = [];
      const references = (this.sourceCode.scopeManager?.getDeclaredVariables(cls) ?? []).flatMap((v) => v.references);
      for (const reference of references) {
        const ref = reference.identifier;
        const { parent: use, child } = outerParent(ref);
        if (use?.type === T.NewExpression && use.callee === child) sites.push({ kind: "call", ref: child, call: use });
      }
      return { name: undefined, label: `the constructor of \`${cls.id.name}\``, sites };
    }
    if ((parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) && parent.value === fn) {
      const cls = parent.parent.parent;
      const name = keyName(parent.key, parent.computed);
      if (!isClass(cls) || !name || parent.static) return undefined;
      return { name, label: `\`${name}()\``, sites: this.methodSites(cls).get(name) ?? [] };
    }
    const id =
      fn.type === T.FunctionDeclaration
        ? fn.id
        : parent?.type === T.VariableDeclarator && parent.init === fn && parent.id.type === T.Identifier
          ? parent.id
          : fn.type === T.FunctionExpression
            ? fn.id
            : undefined;
    if (!id) return undefined;
    const sites: Site[] = [];
    for (const reference of this.refs.variable(id)?.references ?? []) {
      if (reference.init || reference.identifier === id) continue;
      const site = callSite(reference.identifier);
      if (site) sites.push(site);
    }
    return { name: id.name, label: `\`${id.name}()\``, sites };
  }

  /** `this.name(...)` calls and `this.name` handed to calls, per method name, inside `cls`. */
  private methodSites(cls: ClassNode): Map<string, Site[]> {
    const cached = this.classSites.get(cls);
    if (cached) return cached;
    const map = new Map<string, Site[]>();
    walk(cls.body, this.sourceCode.visitorKeys, (node) => {
      if (node.type !== T.MemberExpression || unwrap(node.object).type !== T.ThisExpression || thisOwner(node) !== cls) return;
      const name = memberName(node);
      const site = name ? callSite(node) : undefined;
      if (!name || !site) return;
      const list = map.get(name);
      if (list) list.push(site);
      else map.set(name, [site]);
    });
    this.classSites.set(cls, map);
    return map;
  }

  // -------------------------------------------------------------------------
  // What makes the repetition harmless

  /** `menu = new Menu()` (or `this.menu = ...`) before registering: each run has a fresh registry. */
  private freshReceiver(registration: Registration, repetition: Repetition): boolean {
    const sweep = this.sweepTo(repetition.node, registration.call);
    if (sweep) return keyPrefixes(registration.key).some((prefix) => sweep.assigned.has(prefix));
    return this.freshReceiverByWalk(registration, repetition);
  }

  private freshReceiverByWalk(registration: Registration, repetition: Repetition): boolean {
    const prefixes = keyPrefixes(registration.key);
    let fresh = false;
    walk(repetition.node, this.sourceCode.visitorKeys, (node) => {
      if (fresh || node.range[0] >= registration.call.range[0]) return false;
      if (node.type === T.AssignmentExpression && node.operator === "=") {
        const key = this.refs.key(node.left);
        if (key && prefixes.includes(key)) fresh = true;
      }
      return !fresh;
    });
    return fresh;
  }

  /** The repeated code (or a function it calls) undoes the registration, or a targeted undo matches it. */
  private released(registration: Registration, repetition: Repetition): boolean {
    const reach = this.ctx.expand(repetition.regions);
    const names = [...registration.releases, ...CLEAR_ALL_METHODS];
    for (const name of names) {
      const undos = this.undoBucket(name)?.byKey.get(registration.key);
      if (!undos) continue;
      if (reach.some((root) => containsAny(root, undos))) return true;
      // Elsewhere, a targeted undo in code that runs repeatedly too (a close handler,
      // `closeWindow()` called from one) balances it; a one-time shutdown does not.
      if (repetition.kind === "loop" || CLEAR_ALL_METHODS.has(name)) continue;
      if (this.matchingRepeatedUndos(registration, undos).some((undo) => this.argumentsMatch(registration.call, undo.call))) return true;
    }
    return false;
  }

  /** The file's method calls (`x.name(...)`) by method name, indexed on first use. */
  private methodCalls: Map<string, { call: TSESTree.CallExpression; object: Node }[]> | undefined;
  /** Undo calls of one method name by receiver key, built when that name is first asked for. */
  private readonly undoBuckets = new Map<string, { byKey: Map<string | undefined, UndoCall[]>; terminals: Set<string> } | undefined>();

  private undoBucket(name: string): { byKey: Map<string | undefined, UndoCall[]>; terminals: Set<string> } | undefined {
    if (this.undoBuckets.has(name)) return this.undoBuckets.get(name);
    if (!this.methodCalls) {
      // Receiver keys cost scope lookups: only the calls of a name some registration asks about get them.
      this.methodCalls = new Map();
      for (const call of this.ctx.calls) {
        const { object, name: method } = calleeOf(call);
        if (object && method) pushTo(this.methodCalls, method, { call, object });
      }
    }
    const calls = this.methodCalls.get(name);
    let bucket: { byKey: Map<string | undefined, UndoCall[]>; terminals: Set<string> } | undefined;
    if (calls) {
      bucket = { byKey: new Map(), terminals: new Set() };
      for (const { call, object } of calls) {
        const undo: UndoCall = { call, name, key: this.refs.key(object), terminal: terminalName(object) };
        pushTo(bucket.byKey, undo.key, undo);
        if (undo.terminal) bucket.terminals.add(undo.terminal);
      }
    }
    this.undoBuckets.set(name, bucket);
    return bucket;
  }

  /** Per list of undos (one method, one receiver): those in repeating code, by what `argumentsMatch` compares. */
  private readonly repeatedUndos = new WeakMap<readonly UndoCall[], { byString: Map<string, UndoCall[]>; byArgKey: Map<string, UndoCall[]>; others: UndoCall[] }>();

  /**
   * The undos of `undos` that run repeatedly and may match the registration's arguments: those
   * undoing the same static first argument, those passed one of its handlers, and those whose
   * first argument is not static (`argumentsMatch` decides). The rest cannot match, so a
   * registry with many undos is not compared with every registration.
   */
  private matchingRepeatedUndos(registration: Registration, undos: readonly UndoCall[]): UndoCall[] {
    let index = this.repeatedUndos.get(undos);
    if (!index) {
      index = { byString: new Map(), byArgKey: new Map(), others: [] };
      for (const undo of undos) {
        if (this.repetition(undo.call, undo.call, 1) === undefined && !this.isHandlerMethod(undo.call)) continue;
        const [first] = undo.call.arguments;
        const text = first ? staticString(first) : undefined;
        if (text !== undefined) pushTo(index.byString, text, undo);
        else index.others.push(undo);
        for (const arg of undo.call.arguments) {
          const key = unwrap(arg).type === T.Literal ? undefined : this.refs.key(arg);
          if (key !== undefined) pushTo(index.byArgKey, key, undo);
        }
      }
      this.repeatedUndos.set(undos, index);
    }
    const [first] = registration.call.arguments;
    const text = first ? staticString(first) : undefined;
    const handlerKeys = registration.call.arguments.flatMap((arg) => {
      const key = isFunction(arg) ? undefined : this.refs.key(arg);
      return key ? [key] : [];
    });
    return [
      ...(text !== undefined ? (index.byString.get(text) ?? []) : []),
      ...index.others,
      ...handlerKeys.flatMap((key) => index.byArgKey.get(key) ?? []),
    ];
  }

  private readonly handlerMethods = new WeakMap<Node, boolean>();

  /**
   * The undo sits in a class method that the class hands out as a callback (`this.on(doc,
   * "mouseup", this.handleMouseUp)`): the end of a drag undoes what its start registered.
   */
  private isHandlerMethod(node: Node): boolean {
    const method = enclosingFunction(node)?.parent;
    if (method?.type !== T.MethodDefinition || method.key.type !== T.Identifier) return false;
    const cached = this.handlerMethods.get(method);
    if (cached !== undefined) return cached;
    const name = method.key.name;
    let passed = false;
    walk(method.parent, this.sourceCode.visitorKeys, (current) => {
      if (passed) return false;
      if (current.type === T.MemberExpression && unwrap(current.object).type === T.ThisExpression && memberName(current) === name) {
        // A `this.name` read that is not the callee of a call: the method is passed as a value;
        // or a call from a callback kept in a field or passed on (`this.onUp_ = (e) => this.name(e)`).
        const parent = current.parent;
        if (!(parent?.type === T.CallExpression && parent.callee === current)) passed = true;
        else if (isCallback(enclosingFunction(current))) passed = true;
      }
      return !passed;
    });
    this.handlerMethods.set(method, passed);
    return passed;
  }

  /** `removeHandler("save:" + id)` undoes `handle("save:" + id, fn)`; `off(type, fn)` undoes `on(type, fn)`. */
  private argumentsMatch(add: TSESTree.CallExpression, undo: TSESTree.CallExpression): boolean {
    const [first] = add.arguments;
    const [undoFirst] = undo.arguments;
    if (!first || !undoFirst) return false;
    const handlerKeys = add.arguments.flatMap((arg) => {
      const key = isFunction(arg) ? undefined : this.refs.key(arg);
      return key ? [key] : [];
    });
    if (undo.arguments.some((arg) => {
      const key = this.refs.key(arg);
      return key !== undefined && handlerKeys.includes(key) && !(unwrap(arg).type === T.Literal);
    })) {
      return true;
    }
    const a = staticString(first);
    const b = staticString(undoFirst);
    if (a !== undefined && b !== undefined) return a === b;
    // `presence.unregister(user.id)` in a leave handler balances `presence.register(user.id, user)`
    // in a join handler: the undo runs once per item too, with an item-dependent key.
    if (b === undefined && unwrap(undoFirst).type !== T.TemplateLiteral) return true;
    const templateA = unwrap(first);
    const templateB = unwrap(undoFirst);
    if (templateA.type === T.TemplateLiteral && templateB.type === T.TemplateLiteral) {
      const text = (t: TSESTree.TemplateLiteral) => t.quasis.map((q) => q.value.raw).join("${}");
      return text(templateA) === text(templateB);
    }
    return false;
  }

  /**
   * A test before (or around) the registration, inside the repeated code, that asks whether
   * it happened already: a lookup on the registry or anywhere (`has(id)`), a flag the code
   * sets (`registered = true`), or the registry itself.
   */
  private guarded(registration: Registration, repetition: Repetition): boolean {
    const region = repetition.node;
    const sweep = this.sweepTo(region, registration.call);
    if (!sweep) return this.guardedByWalk(registration, repetition);
    const start = registration.call.range[0];
    const { key } = registration;
    if (sweep.anyTest || sweep.testedKeys.has(key)) return true;
    if (sweep.anyLogicalEnd <= start || (sweep.logicalEnds.get(key) ?? Infinity) <= start) return true;
    // `registered || registry.register(h)`: the registration is the right side of a guard.
    for (let child: Node = registration.call, parent: Node | undefined = child.parent; parent && child !== region; child = parent, parent = parent.parent) {
      if (parent.type !== T.LogicalExpression || parent.right !== child || !contains(region, parent)) continue;
      const guard = this.testInfo(parent.left, region);
      if (guard.any || guard.keys.has(key)) return true;
    }
    return false;
  }

  /**
   * What the code of a repeating region holds before a registration: the keys assigned with
   * `=` (a fresh receiver), and the guards (`if`/`?:`/`while` tests, `&&`/`||` left sides)
   * that may keep the registration from running twice. Registrations are judged in source
   * order, so one sweep through the region's nodes serves all the registrations in it; the
   * walks that answered one registration at a time made a region with n registrations cost n².
   */
  private readonly sweeps = new WeakMap<Node, RegionSweep>();
  private nodeIndex: Map<Node, number> | undefined;

  /** The region's sweep advanced to `call` (every node of the region that starts before it), or undefined out of order. */
  private sweepTo(region: Node, call: TSESTree.CallExpression): RegionSweep | undefined {
    const nodes = allNodes(this.sourceCode);
    let sweep = this.sweeps.get(region);
    if (!sweep) {
      if (!this.nodeIndex) {
        this.nodeIndex = new Map();
        for (const [index, node] of nodes.entries()) this.nodeIndex.set(node, index);
      }
      const first = this.nodeIndex.get(region);
      if (first === undefined) return undefined;
      sweep = { next: first, at: -1, assigned: new Set(), anyTest: false, testedKeys: new Set(), anyLogicalEnd: Infinity, logicalEnds: new Map() };
      this.sweeps.set(region, sweep);
    }
    const start = call.range[0];
    if (start < sweep.at) return undefined;
    sweep.at = start;
    for (; sweep.next < nodes.length; sweep.next++) {
      const node = nodes[sweep.next]!;
      if (node.range[0] >= start || !contains(region, node)) break;
      this.takeIn(sweep, node, region);
    }
    return sweep;
  }

  private takeIn(sweep: RegionSweep, node: Node, region: Node): void {
    let test: Node | undefined;
    switch (node.type) {
      case T.AssignmentExpression:
        if (node.operator === "=") {
          const key = this.refs.key(node.left);
          if (key) sweep.assigned.add(key);
        }
        return;
      case T.IfStatement:
      case T.ConditionalExpression:
        test = node.test;
        break;
      case T.WhileStatement:
        if (node !== region) test = node.test;
        break;
      case T.LogicalExpression: {
        // Guards the registrations after it (and those in its right side: see `guarded`).
        const guard = this.testInfo(node.left, region);
        if (guard.any) sweep.anyLogicalEnd = Math.min(sweep.anyLogicalEnd, node.range[1]);
        for (const key of guard.keys) sweep.logicalEnds.set(key, Math.min(sweep.logicalEnds.get(key) ?? Infinity, node.range[1]));
        return;
      }
      default:
        return;
    }
    if (!test) return;
    const guard = this.testInfo(test, region);
    if (guard.any) sweep.anyTest = true;
    for (const key of guard.keys) sweep.testedKeys.add(key);
  }

  private readonly testInfos = new WeakMap<Node, Map<Node, GuardTest>>();

  /**
   * What a test guards, as `isGuardTest` decides it for any registration: all of them (a
   * lookup call, a flag name, a flag set outside the region), or those on a receiver whose key
   * is a key the test reads or a prefix of one.
   */
  private testInfo(test: Node, region: Node): GuardTest {
    let perRegion = this.testInfos.get(region);
    if (!perRegion) {
      perRegion = new Map();
      this.testInfos.set(region, perRegion);
    }
    let info = perRegion.get(test);
    if (info) return info;
    info = { any: false, keys: new Set() };
    const found = info;
    walk(test, this.sourceCode.visitorKeys, (node) => {
      if (node.type === T.CallExpression) {
        const { name } = calleeOf(node);
        if (name && LOOKUP_METHOD.test(name)) found.any = true;
      } else if (node.type === T.Identifier || node.type === T.MemberExpression) {
        const key = this.refs.key(node);
        if (key) for (const prefix of keyPrefixes(key)) found.keys.add(prefix);
        const name = node.type === T.Identifier ? node.name : memberName(node);
        if (name && GUARD_FLAG_NAME.test(name)) found.any = true;
        if (key && !found.any && this.isOuterFlag(node, key, region)) found.any = true;
      }
    });
    perRegion.set(test, info);
    return info;
  }

  private guardedByWalk(registration: Registration, repetition: Repetition): boolean {
    const start = registration.call.range[0];
    let guarded = false;
    const check = (test: Node): void => {
      if (this.isGuardTest(test, registration, repetition.node)) guarded = true;
    };
    walk(repetition.node, this.sourceCode.visitorKeys, (node) => {
      if (guarded || node.range[0] >= start) return false;
      switch (node.type) {
        case T.IfStatement:
        case T.ConditionalExpression:
          check(node.test);
          break;
        case T.LogicalExpression:
          if (contains(node.right, registration.call) || node.range[1] <= start) check(node.left);
          break;
        case T.WhileStatement:
          if (node !== repetition.node) check(node.test);
          break;
        default:
          break;
      }
      return !guarded;
    });
    return guarded;
  }

  private isGuardTest(test: Node, registration: Registration, region: Node): boolean {
    let found = false;
    walk(test, this.sourceCode.visitorKeys, (node) => {
      if (found) return false;
      if (node.type === T.CallExpression) {
        const { name } = calleeOf(node);
        if (name && LOOKUP_METHOD.test(name)) found = true;
      } else if (node.type === T.Identifier || node.type === T.MemberExpression) {
        const key = this.refs.key(node);
        if (key && (key === registration.key || key.startsWith(`${registration.key}.`))) found = true;
        const name = node.type === T.Identifier ? node.name : memberName(node);
        if (name && GUARD_FLAG_NAME.test(name)) found = true;
        if (key && !found && this.isOuterFlag(node, key, region)) found = true;
      }
      return !found;
    });
    return found;
  }

  /** A location declared outside the repeated code that some code assigns: a state flag. */
  private readonly assignedKeys = new WeakMap<Node, Set<string>>();

  /** The keys assigned anywhere in a class (or whatever owns a `this`), collected once per class. */
  private assignedIn(owner: Node): Set<string> {
    let keys = this.assignedKeys.get(owner);
    if (!keys) {
      const found = new Set<string>();
      walk(owner, this.sourceCode.visitorKeys, (child) => {
        if (child.type !== T.AssignmentExpression) return;
        const key = this.refs.key(child.left);
        if (key) found.add(key);
      });
      keys = found;
      this.assignedKeys.set(owner, keys);
    }
    return keys;
  }

  private isOuterFlag(node: Node, key: string, region: Node): boolean {
    const inner = unwrap(node);
    if (inner.type === T.Identifier) {
      const variable = this.refs.variable(inner);
      const def = variable?.defs[0];
      if (!variable || !def || contains(region, def.name)) return false;
      return this.refs.reassigned(variable);
    }
    if (inner.type === T.MemberExpression && unwrap(inner.object).type === T.ThisExpression) {
      return this.assignedIn(thisOwner(inner)).has(key);
    }
    return false;
  }
}

/**
 * Where `repetition` stops to look, above a node: a loop that runs it per iteration, a
 * function, a field initialiser holding it, a class or the Program (null: none). Memoised per
 * node, so registrations deep in blocks do not each climb them.
 */
const REPETITION_STOP: AncestorFold<Node | null> = {
  boundary(parent, child) {
    if (isLoop(parent)) return isPerIterationPart(parent, child) ? parent : undefined;
    if (isClass(parent) || parent.type === T.Program || isFunction(parent)) return parent;
    return parent.type === T.PropertyDefinition && parent.value === child ? parent : undefined;
  },
  root: null,
};

const repetitionStops: AncestorCache<Node | null> = new WeakMap();

function nextStop(node: Node): Node | null {
  return foldAncestors(node, REPETITION_STOP, repetitionStops);
}

/** Whether the call's result is kept: `const off = bus.on(...)`, `disposers.push(register(x))`. */
function resultUsed(call: TSESTree.CallExpression): boolean {
  let { parent } = outerParent(call);
  // `items.forEach((item) => registry.register(item))`: a callback's return value is dropped.
  if (parent?.type === T.ArrowFunctionExpression && isInlineCallback(parent)) return false;
  while (parent?.type === T.AwaitExpression || (parent?.type === T.UnaryExpression && parent.operator === "void")) {
    parent = outerParent(parent).parent;
  }
  return parent?.type !== T.ExpressionStatement && parent?.type !== T.SequenceExpression;
}

function terminalName(node: Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return inner.name;
  if (inner.type === T.MemberExpression) return memberName(inner);
  return undefined;
}

/** `v1.a.b` → [`v1`, `v1.a`, `v1.a.b`]. */
function keyPrefixes(key: string): string[] {
  const parts = key.split(".");
  return parts.map((_, i) => parts.slice(0, i + 1).join("."));
}

/** A function passed inline to a call we do not know (`forEach`, `then`, `whenReady().then`): it runs with its caller. */
function isInlineCallback(fn: FunctionNode): boolean {
  const { parent, child } = outerParent(fn);
  if (parent?.type === T.CallExpression) return parent.arguments.includes(child as TSESTree.CallExpressionArgument) || parent.callee === child;
  if (parent?.type === T.NewExpression) return true;
  return false;
}

/** A reference that calls the function (`f()`) or hands it to a call (`setInterval(f)`, `on("x", this.f.bind(this))`). */
function callSite(ref: Node): Site | undefined {
  let { parent, child } = outerParent(ref);
  if (parent?.type === T.CallExpression && parent.callee === child) return { kind: "call", ref: child, call: parent };
  // `this.refresh.bind(this)` / `refresh.bind(null)`
  if (parent?.type === T.MemberExpression && parent.object === child && memberName(parent) === "bind") {
    const bindCall = outerParent(parent).parent;
    if (bindCall?.type !== T.CallExpression) return undefined;
    ({ parent, child } = outerParent(bindCall));
  }
  if (parent?.type === T.CallExpression && parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
    return { kind: "handed", ref: child, call: parent };
  }
  return undefined;
}

/** An inline function stored in a `this` field or passed as an argument. */
function isCallback(fn: FunctionNode | undefined): boolean {
  const parent = fn?.parent;
  if (!fn || fn.type === T.FunctionDeclaration || !parent) return false;
  if (parent.type === T.AssignmentExpression && parent.right === fn) {
    const left = unwrap(parent.left);
    return left.type === T.MemberExpression && unwrap(left.object).type === T.ThisExpression;
  }
  if (parent.type === T.PropertyDefinition && parent.value === fn) return true;
  return parent.type === T.CallExpression && parent.callee !== fn;
}

function hasOnceOption(arg: Node | undefined): boolean {
  if (!arg) return false;
  const inner = unwrap(arg);
  return (
    inner.type === T.ObjectExpression &&
    inner.properties.some(
      (p) =>
        p.type === T.Property &&
        !p.computed &&
        p.key.type === T.Identifier &&
        p.key.name === "once" &&
        p.value.type === T.Literal &&
        p.value.value === true,
    )
  );
}
