/**
 * The four cross-file checks. Each file is walked once: calls and `new` expressions are
 * resolved to project functions and classes through the index (imports, re-exports,
 * namespaces), member names used anywhere are counted (for teardowns nobody calls), and
 * calls on module-level collections are bucketed by the collection they reach.
 *
 * Grading follows the rules: a finding is **proven** when the holder outlives the owner
 * (the runtime, a global, a module-level object), the owner ends or repeats (an effect, a
 * render, a request handler, a loop, a class with a teardown) and no release can run (the
 * handle is dropped, or kept and never released or passed on); anything short of that is
 * **probable**.
 */
import type { ts } from "ts-morph";
import { DEFAULT_TEARDOWN_METHODS } from "../lifecycle/tables.js";
import { ADDING_METHODS, type CollectionKind, GROWABLE_CONSTRUCTORS, REMOVING_METHODS, SELF_BOUNDED_CONSTRUCTORS } from "../resources/collections.js";
import { type OwnerContext, describeOwner, display, inReleasePhase, ownerEndsOrRepeats, ownerOf } from "./owners.js";
import { type Declaration, type ModuleInfo, type ProjectIndex, resolveExport, resolveExpression } from "./project.js";
import { type ClassSummary, type HandleFact, RELEASE_METHODS, Summaries, describeHolder, isOnceOptions, outlives } from "./summaries.js";
import {
  type ClassLike,
  TS,
  accessName,
  accessObject,
  calleeName,
  endPosition,
  enclosingClass,
  isFunctionLike,
  isShadowed,
  outerParent,
  position,
  shortText,
  thisMember,
  unwrap,
  walk,
} from "./syntax.js";
import type { AuditChecked, AuditFinding, FindingKind, Grade, RelatedLocation } from "./types.js";

interface CollectionUse {
  module: ModuleInfo;
  node: ts.Node;
  method: string;
  kind: "add" | "remove" | "escape";
  /** `map.set("fixed", v)`: a constant key cannot grow the collection. */
  constantKey: boolean;
}

/** Runs every check over the project. */
export function runChecks(
  index: ProjectIndex,
  reportFor: (module: ModuleInfo) => boolean,
): { findings: AuditFinding[]; summaries: Summaries; checked: AuditChecked } {
  const summaries = new Summaries(index);
  const checked: AuditChecked = { handleCalls: 0, instances: 0, resourceClasses: 0, exportedCollections: 0 };
  const findings: AuditFinding[] = [];
  const memberUses = new Map<string, number>();
  const instantiations = new Map<ts.Node, ts.NewExpression[]>();
  const collectionUses = new Map<ts.Node, CollectionUse[]>();
  let disposesImplicitly = false;
  const classes: Array<{ node: ClassLike; module: ModuleInfo }> = [];

  for (const module of index.modules.values()) {
    const report = reportFor(module);
    walk(module.source, (node) => {
      if (report && (TS.isClassDeclaration(node) || TS.isClassExpression(node))) classes.push({ node, module });
      if (TS.isPropertyAccessExpression(node) || TS.isElementAccessExpression(node)) {
        const name = accessName(node);
        // A method named in its own declaration is not a use; any access is (a call, `arr.forEach(d => d.dispose())`, `obj.dispose`).
        if (name) memberUses.set(name, (memberUses.get(name) ?? 0) + 1);
      }
      if (TS.isVariableDeclarationList(node) && (node.flags & TS.NodeFlags.Using) !== 0) disposesImplicitly = true;
      if (TS.isBinaryExpression(node) && node.operatorToken.kind === TS.SyntaxKind.EqualsToken) {
        collectTruncation(index, module, node, collectionUses);
      } else if (TS.isCallExpression(node)) {
        collectCollectionUse(index, module, node, collectionUses);
        if (report && checkReturnedHandle(summaries, module, node, findings)) checked.handleCalls++;
      } else if (TS.isNewExpression(node)) {
        const name = calleeName(node);
        if (name === "DisposableStack" || name === "AsyncDisposableStack") disposesImplicitly = true;
        const cls = summaries.classOf(node, module);
        if (cls) {
          const list = instantiations.get(cls) ?? [];
          list.push(node);
          instantiations.set(cls, list);
          if (report && checkInstance(summaries, module, node, cls, findings)) checked.instances++;
        }
      }
      return undefined;
    });
  }

  checked.resourceClasses = checkUncalledTeardowns(summaries, index, classes, memberUses, instantiations, disposesImplicitly, findings);
  checked.exportedCollections = checkSharedCollections(index, collectionUses, reportFor, findings);
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { findings, summaries, checked };
}

// ---------------------------------------------------------------------------
// How a handle is used after the call that returns it

type Usage =
  | { type: "dropped" }
  | { type: "escapes" }
  | { type: "kept"; binding: string; releases: ts.Node[]; calls: MethodCalls };

/** Methods called on a kept handle; `resultKept`: those whose result is kept or handed on, not dropped. */
interface MethodCalls {
  all: Set<string>;
  resultKept: Set<string>;
}

function noteCall(calls: MethodCalls, method: string, call: ts.Node): void {
  calls.all.add(method);
  const { parent } = outerParent(call);
  if (parent && !TS.isExpressionStatement(parent) && !TS.isVoidExpression(parent)) calls.resultKept.add(method);
}

/** Follows the value of `site` (a call or `new`): dropped, passed on, or kept in a local or a field. */
function usageOf(site: ts.Expression, handle: HandleFact): Usage {
  let { parent, child } = outerParent(site);
  const calls: MethodCalls = { all: new Set(), resultKept: new Set() };
  // `new Poller().start()`: the instance is used once, then dropped.
  while (parent && (TS.isPropertyAccessExpression(parent) || TS.isElementAccessExpression(parent)) && parent.expression === child) {
    const call = parent.parent;
    if (!call || !TS.isCallExpression(call) || call.expression !== parent) return { type: "escapes" };
    const method = accessName(parent);
    if (method && isRelease(method, handle)) return { type: "escapes" };
    if (method) noteCall(calls, method, call);
    ({ parent, child } = outerParent(call));
    // A chained call returns something else than the handle: what happens to it next says nothing of the handle.
    if (parent && !TS.isExpressionStatement(parent) && !(TS.isVoidExpression(parent) || TS.isAwaitExpression(parent))) return { type: "escapes" };
  }
  if (!parent) return { type: "escapes" };
  if (TS.isAwaitExpression(parent) || TS.isVoidExpression(parent)) {
    const outer = outerParent(parent);
    if (outer.parent && TS.isExpressionStatement(outer.parent)) return { type: "dropped" };
    if (TS.isVoidExpression(parent)) return { type: "dropped" };
    ({ parent, child } = outer);
  }
  if (!parent) return { type: "escapes" };
  if (TS.isExpressionStatement(parent)) return calls.all.size > 0 ? { type: "kept", binding: "", releases: [], calls } : { type: "dropped" };
  if (TS.isVariableDeclaration(parent) && parent.initializer === child) {
    const list = parent.parent;
    if (TS.isVariableDeclarationList(list) && (list.flags & TS.NodeFlags.Using) !== 0) return { type: "escapes" };
    if (!TS.isIdentifier(parent.name)) return { type: "escapes" };
    return localUsage(parent.name, handle);
  }
  if (TS.isBinaryExpression(parent) && parent.operatorToken.kind === TS.SyntaxKind.EqualsToken && parent.right === child) {
    const left = unwrap(parent.left);
    const member = thisMember(left);
    if (member) return fieldUsage(parent, member, handle);
    if (TS.isIdentifier(left)) return localUsage(left, handle);
    return { type: "escapes" };
  }
  if (TS.isPropertyDeclaration(parent) && parent.initializer === child && TS.isClassLike(parent.parent)) {
    const member = parent.name && (TS.isIdentifier(parent.name) || TS.isPrivateIdentifier(parent.name)) ? parent.name.text : undefined;
    return member ? fieldUsage(parent, member, handle) : { type: "escapes" };
  }
  return { type: "escapes" };
}

function isRelease(method: string, handle: HandleFact): boolean {
  return handle.release.includes(method) || (handle.family !== "instance" && RELEASE_METHODS.has(method));
}

/** Classifies one reference to the handle: a release, a use that hands it on, or a plain use. */
function classifyReference(reference: ts.Expression, handle: HandleFact, calls: MethodCalls): "release" | "escape" | "use" {
  const { parent, child } = outerParent(reference);
  if (!parent) return "use";
  if (TS.isCallExpression(parent)) {
    if (parent.expression === child) return handle.callable ? "release" : "use";
    const name = calleeName(parent);
    if (name && handle.releasedBy.includes(name)) return "release";
    return "escape";
  }
  if ((TS.isPropertyAccessExpression(parent) || TS.isElementAccessExpression(parent)) && parent.expression === child) {
    const method = accessName(parent);
    const call = outerParent(parent).parent;
    if (method && call && TS.isCallExpression(call) && unwrap(call.expression) === parent) {
      if (isRelease(method, handle)) return "release";
      noteCall(calls, method, call);
      return "use";
    }
    // `handle.port.close()`: a release through a member (SharedWorker ports).
    if (method && call && (TS.isPropertyAccessExpression(call) || TS.isElementAccessExpression(call))) {
      const inner = accessName(call);
      const innerCall = outerParent(call).parent;
      if (inner && innerCall && TS.isCallExpression(innerCall) && isRelease(inner, handle)) return "release";
    }
    return "use";
  }
  if (TS.isReturnStatement(parent) || (TS.isArrowFunction(parent) && parent.body === child)) return "escape";
  if (TS.isBinaryExpression(parent) && parent.operatorToken.kind === TS.SyntaxKind.EqualsToken) return parent.left === child ? "use" : "escape";
  if (
    TS.isArrayLiteralExpression(parent) ||
    TS.isPropertyAssignment(parent) ||
    TS.isShorthandPropertyAssignment(parent) ||
    TS.isSpreadElement(parent) ||
    TS.isVariableDeclaration(parent) ||
    TS.isNewExpression(parent) ||
    TS.isJsxExpression(parent) ||
    TS.isYieldExpression(parent) ||
    TS.isConditionalExpression(parent) ||
    TS.isTemplateSpan(parent) ||
    TS.isPropertyDeclaration(parent)
  ) {
    return "escape";
  }
  if (TS.isBinaryExpression(parent) && (parent.operatorToken.kind === TS.SyntaxKind.BarBarToken || parent.operatorToken.kind === TS.SyntaxKind.QuestionQuestionToken)) {
    return "escape";
  }
  return "use";
}

function localUsage(name: ts.Identifier, handle: HandleFact): Usage {
  const scope = declaringScope(name);
  if (!scope) return { type: "escapes" };
  const releases: ts.Node[] = [];
  const calls: MethodCalls = { all: new Set(), resultKept: new Set() };
  let escapes = false;
  walk(scope, (node) => {
    if (escapes) return false;
    if (!TS.isIdentifier(node) || node === name || node.text !== name.text) return undefined;
    const parent = node.parent;
    // Declarations and property names are not references.
    if (parent && (TS.isVariableDeclaration(parent) && parent.name === node)) return undefined;
    if (parent && (TS.isPropertyAccessExpression(parent) && parent.name === node)) return undefined;
    if (parent && (TS.isPropertyAssignment(parent) && parent.name === node)) return undefined;
    if (isShadowed(node, name.text, scope)) return undefined;
    const verdict = classifyReference(node, handle, calls);
    if (verdict === "release") releases.push(node);
    else if (verdict === "escape") escapes = true;
    return undefined;
  });
  if (escapes) return { type: "escapes" };
  return { type: "kept", binding: name.text, releases, calls };
}

/** The block (or function, source file) a local of this name is declared in. */
function declaringScope(name: ts.Identifier): ts.Node | undefined {
  for (let current = name.parent; current; current = current.parent) {
    if (TS.isBlock(current) || TS.isSourceFile(current) || TS.isModuleBlock(current) || TS.isCaseClause(current)) {
      const declared = current.statements.some(
        (statement) =>
          TS.isVariableStatement(statement) &&
          statement.declarationList.declarations.some((d) => TS.isIdentifier(d.name) && d.name.text === name.text),
      );
      if (declared) return current;
    }
    if (isFunctionLike(current) && current.parameters.some((p) => TS.isIdentifier(p.name) && p.name.text === name.text)) return current;
  }
  return undefined;
}

function fieldUsage(site: ts.Node, member: string, handle: HandleFact): Usage {
  const cls = enclosingClass(site);
  if (!cls) return { type: "escapes" };
  const releases: ts.Node[] = [];
  const calls: MethodCalls = { all: new Set(), resultKept: new Set() };
  let escapes = false;
  walk(cls, (node) => {
    if (escapes) return false;
    if (!(TS.isPropertyAccessExpression(node) || TS.isElementAccessExpression(node)) || thisMember(node) !== member) return undefined;
    const verdict = classifyReference(node, handle, calls);
    if (verdict === "release") releases.push(node);
    else if (verdict === "escape") {
      // `this.off = f()` is the assignment itself, not an escape.
      const { parent } = outerParent(node);
      if (!(parent && TS.isBinaryExpression(parent) && parent.left === node)) escapes = true;
    }
    return undefined;
  });
  if (escapes) return { type: "escapes" };
  return { type: "kept", binding: `this.${member}`, releases, calls };
}

// ---------------------------------------------------------------------------
// Kinds 1 and 2

/** Checks one call; true when it calls another file's function that returns a handle. */
function checkReturnedHandle(summaries: Summaries, module: ModuleInfo, call: ts.CallExpression, findings: AuditFinding[]): boolean {
  const target = summaries.callTarget(call, module);
  if (!target) return false;
  const defining = summaries.moduleOf(target.fn);
  if (!defining || defining === module) return false;
  const summary = summaries.functionSummary(target.fn);
  if (!summary?.returns || summary.selfCleaning) return false;
  // `listen(window, "pointerup", fn, { once: true })`: the listener removes itself.
  if (summary.returns.optionsParam !== undefined && isOnceOptions(call.arguments[summary.returns.optionsParam])) return true;
  const context = ownerOf(call);
  const fn = context.innermost;
  const handle = { ...summary.returns, holder: summaries.holderAtCall(summary.returns.holder, call, fn, module) };
  judge("returned-handle", summaries, module, call, handle, context, findings, undefined);
  return true;
}

/** Checks one `new`; true when it instantiates another file's resource class. */
function checkInstance(summaries: Summaries, module: ModuleInfo, site: ts.NewExpression, cls: ClassLike, findings: AuditFinding[]): boolean {
  const summary = summaries.classSummary(cls);
  if (!summary?.resource || summary.module === module) return false;
  const context = ownerOf(site);
  const acquisition = summaries.acquisitionAt(site, context.innermost, module, 0);
  if (!acquisition?.handle) return false;
  judge("undisposed-instance", summaries, module, site, acquisition.handle, context, findings, summary);
  return true;
}

function judge(
  kind: FindingKind,
  summaries: Summaries,
  module: ModuleInfo,
  site: ts.CallExpression | ts.NewExpression,
  handle: HandleFact,
  context: OwnerContext,
  findings: AuditFinding[],
  cls: ClassSummary | undefined,
): void {
  const ends = ownerEndsOrRepeats(context);
  if (context.owner.type === "module" && !ends) return;
  // A class without a teardown keeps what it holds for as long as the instance lives: that is the instance's own finding.
  if (context.owner.type === "class" && !ends) return;
  const usage = usageOf(site, handle);
  if (usage.type === "escapes") return;
  const calls = usage.type === "kept" ? usage.calls : { all: new Set<string>(), resultKept: new Set<string>() };
  if (cls) handle = { ...handle, holder: summaries.instanceHolder(cls, calls.all, site, context.innermost, module) };
  if (cls && !cls.acquiringMembers.has("constructor") && ![...calls.all].some((method) => cls.acquiringMembers.has(method))) return;
  // An instance used to hand out its own handles (`observer.subscribe(fn)` returning an unsubscribe, `manager.socket()`
  // returning a socket) is released through them: the instance's teardown is not the caller's to call.
  if (cls && [...calls.resultKept].some((method) => handsOutHandle(summaries, cls, method))) return;

  const { owner, end } = describeOwner(context);
  const what = handle.label;
  const from = handle.origin ? ` returned by ${handle.origin}` : "";
  let message: string;
  let grade: Grade;
  if (usage.type === "dropped") {
    message =
      kind === "undisposed-instance"
        ? `${capital(what)} is created in ${owner} and dropped without ${releaseWords(handle)}; what it acquires stays alive ${end}.`
        : `The handle for ${what}${from} is dropped in ${owner}, so nothing can release it: it stays alive ${end}.`;
    grade = ends && outlives(handle.holder) ? "proven" : "probable";
  } else if (usage.releases.length === 0) {
    message =
      kind === "undisposed-instance"
        ? `${capital(what)} is kept in \`${usage.binding}\` by ${owner} but never torn down (${releaseWords(handle)}); it stays alive ${end}.`
        : `The handle for ${what}${from} is kept in \`${usage.binding}\` by ${owner} but never released; it stays alive ${end}.`;
    grade = ends && outlives(handle.holder) ? "proven" : "probable";
  } else if (!usage.releases.some((release) => inReleasePhase(context, release))) {
    message = `${capital(kind === "undisposed-instance" ? what : `the handle for ${what}${from}`)} is released only outside the end of ${owner}; it stays alive ${end} unless that code runs.`;
    grade = "probable";
  } else {
    return;
  }
  if (!ends) grade = "probable";
  const holder = describeHolder(handle.holder);
  if (holder && kind === "returned-handle") message += ` It is held by ${holder}.`;
  const related: RelatedLocation[] = [];
  const origin = kind === "undisposed-instance" ? cls?.shape.node : summaries.callTarget(site as ts.CallExpression, module)?.fn;
  if (origin) {
    const defining = summaries.moduleOf(origin);
    if (defining) related.push({ file: defining.relative, ...position(origin), message: kind === "undisposed-instance" ? "class defined here" : "returns the handle here" });
  }
  findings.push(finding(kind, grade, module, site, message, related));
}

function handsOutHandle(summaries: Summaries, cls: ClassSummary, method: string): boolean {
  const fn = summaries.findMethod(cls.shape.node, method, cls.module);
  return !!fn && !!summaries.functionSummary(fn)?.returns;
}

function releaseWords(handle: HandleFact): string {
  if (handle.release.length > 0) return handle.release.map((name) => `\`${display(name)}()\``).join(" or ") + (handle.family === "instance" ? ", `using`" : "");
  if (handle.callable) return "calling it";
  return handle.releasedBy.map((name) => `\`${name}()\``).join(" or ");
}

// ---------------------------------------------------------------------------
// Kind 3: teardown methods nothing calls

function checkUncalledTeardowns(
  summaries: Summaries,
  index: ProjectIndex,
  classes: ReadonlyArray<{ node: ClassLike; module: ModuleInfo }>,
  memberUses: Map<string, number>,
  instantiations: Map<ts.Node, ts.NewExpression[]>,
  disposesImplicitly: boolean,
  findings: AuditFinding[],
): number {
  let resourceClasses = 0;
  const publicClasses = publicApi(index);
  // A subclass instance is an instance of its bases too.
  const instantiated = new Map<ts.Node, ts.NewExpression[]>();
  for (const [cls, sites] of instantiations) {
    let current: ClassLike | undefined = cls as ClassLike;
    for (let depth = 0; current && depth < 8; depth++) {
      const list = instantiated.get(current) ?? [];
      list.push(...sites);
      instantiated.set(current, list);
      const module = summaries.moduleOf(current);
      current = module ? summaries.baseClass(current, module) : undefined;
    }
  }
  for (const { node, module } of classes) {
    const summary = summaries.classSummary(node);
    if (!summary?.resource) continue;
    resourceClasses++;
    if (publicClasses.has(node)) continue;
    const own = summary.shape.teardown.filter((name) => DEFAULT_TEARDOWN_METHODS.includes(name));
    if (own.length === 0) continue;
    const called = summary.teardown.some((name) => (memberUses.get(name) ?? 0) > 0 || (name.startsWith("Symbol.") && disposesImplicitly));
    if (called) continue;
    const sites = instantiated.get(node) ?? [];
    if (sites.length === 0) continue;
    const repeated = sites.some((site) => ownerEndsOrRepeats(ownerOf(site)));
    const constructorHolds = summary.acquisitions.some((a) => a.member === "constructor" && outlives(a.holder));
    const grade: Grade = repeated && constructorHolds ? "proven" : "probable";
    const method = summary.shape.methods.get(own[0]!)!;
    const at = (method as { name?: ts.Node }).name ?? method;
    const acquired = summary.acquisitions[0]!;
    const message =
      `\`${summary.shape.name}.${display(own[0]!)}()\` is never called anywhere in the project, so what \`${summary.shape.name}\` acquires ` +
      `(${acquired.label}${summary.acquisitions.length > 1 ? `, and ${summary.acquisitions.length - 1} more` : ""}) is never released; ` +
      `${sites.length} place${sites.length === 1 ? " creates" : "s create"} instances.`;
    const related = sites.slice(0, 3).flatMap((site) => {
      const siteModule = summaries.moduleOf(site);
      return siteModule ? [{ file: siteModule.relative, ...position(site), message: "instance created here" }] : [];
    });
    findings.push(finding("uncalled-teardown", grade, module, at, message, related));
  }
  return resourceClasses;
}

/** Classes reachable from an entry module's exports: code outside the project may tear them down. */
function publicApi(index: ProjectIndex): Set<ts.Node> {
  const result = new Set<ts.Node>();
  for (const file of index.entries) {
    const module = index.modules.get(file)!;
    for (const name of exportedNames(index, module, new Set())) {
      const target = resolveExport(index, module, name);
      if (target?.kind === "class") result.add(target.node);
    }
  }
  return result;
}

function exportedNames(index: ProjectIndex, module: ModuleInfo, seen: Set<string>): string[] {
  if (seen.has(module.file)) return [];
  seen.add(module.file);
  const names = [...module.exports.keys()];
  for (const star of module.starExports) {
    const from = star.from ? index.modules.get(star.from) : undefined;
    if (from) names.push(...exportedNames(index, from, seen).filter((name) => name !== "default"));
  }
  return names;
}

// ---------------------------------------------------------------------------
// Kind 4: exported collections other modules fill and none empties

const ADDING = new Map<string, CollectionKind[]>();
const REMOVING = new Set<string>();
for (const [kind, methods] of Object.entries(ADDING_METHODS) as Array<[CollectionKind, ReadonlySet<string>]>) {
  for (const method of methods) ADDING.set(method, [...(ADDING.get(method) ?? []), kind]);
}
for (const methods of Object.values(REMOVING_METHODS)) for (const method of methods) REMOVING.add(method);
/** Global functions that only read a collection they are passed. */
const READING_CALLEES: ReadonlySet<string> = new Set(["from", "keys", "values", "entries", "stringify", "log", "warn", "error", "info", "debug", "isArray", "structuredClone"]);

function collectCollectionUse(index: ProjectIndex, module: ModuleInfo, call: ts.CallExpression, uses: Map<ts.Node, CollectionUse[]>): void {
  const callee = unwrap(call.expression);
  const method = accessName(callee);
  const object = accessObject(callee);
  const record = (target: Declaration | undefined, use: Omit<CollectionUse, "module">) => {
    if (!target || target.kind !== "variable" || !collectionKind(target)) return;
    const list = uses.get(target.node) ?? [];
    list.push({ module, ...use });
    uses.set(target.node, list);
  };
  if (object && method && (ADDING.has(method) || REMOVING.has(method))) {
    const target = resolveCollection(index, module, object);
    const key = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    const constantKey = (method === "set" || method === "add") && !!key && (TS.isStringLiteralLike(key) || TS.isNumericLiteral(key));
    record(target, { node: call, method, kind: ADDING.has(method) ? "add" : "remove", constantKey });
  }
  // Passed to a function: it may empty it.
  const name = calleeName(call);
  if (name && READING_CALLEES.has(name)) return;
  for (const argument of call.arguments) {
    const value = unwrap(argument);
    if (TS.isIdentifier(value) || TS.isPropertyAccessExpression(value)) {
      record(resolveCollection(index, module, value), { node: argument, method: "", kind: "escape", constantKey: false });
    }
  }
}

/** `list.length = 0` empties an array. */
function collectTruncation(index: ProjectIndex, module: ModuleInfo, assignment: ts.BinaryExpression, uses: Map<ts.Node, CollectionUse[]>): void {
  const left = unwrap(assignment.left);
  if (!TS.isPropertyAccessExpression(left) || left.name.text !== "length") return;
  const target = resolveCollection(index, module, left.expression);
  if (!target || target.kind !== "variable" || !collectionKind(target)) return;
  const list = uses.get(target.node) ?? [];
  list.push({ module, node: assignment, method: "length", kind: "remove", constantKey: false });
  uses.set(target.node, list);
}

function resolveCollection(index: ProjectIndex, module: ModuleInfo, expression: ts.Expression): Declaration | undefined {
  const target = resolveExpression(index, module, expression, (t) => t.kind === "variable" && collectionKind(t) !== undefined);
  return target && target.kind !== "namespace" && target.kind !== "external" ? target : undefined;
}

function collectionKind(declaration: Declaration & { kind: "variable" }): CollectionKind | undefined {
  const init = declaration.init ? unwrap(declaration.init) : undefined;
  if (!init) return undefined;
  if (TS.isArrayLiteralExpression(init)) return "array";
  if (TS.isNewExpression(init) && TS.isIdentifier(init.expression)) {
    const name = init.expression.text;
    if (SELF_BOUNDED_CONSTRUCTORS.has(name) || declaration.module.locals.has(name) || declaration.module.imports.has(name)) return undefined;
    return Object.hasOwn(GROWABLE_CONSTRUCTORS, name) ? GROWABLE_CONSTRUCTORS[name] : undefined;
  }
  return undefined;
}

function checkSharedCollections(
  index: ProjectIndex,
  uses: Map<ts.Node, CollectionUse[]>,
  reportFor: (module: ModuleInfo) => boolean,
  findings: AuditFinding[],
): number {
  let collections = 0;
  for (const module of index.modules.values()) {
    if (!reportFor(module)) continue;
    for (const [name, declaration] of module.locals) {
      if (declaration.kind !== "variable" || !module.exports.has(name)) continue;
      const kind = collectionKind(declaration);
      if (!kind) continue;
      collections++;
      const list = uses.get(declaration.node) ?? [];
      if (list.some((use) => use.kind === "remove" || use.kind === "escape")) continue;
      if (reassigned(declaration)) continue;
      const adds = list.filter(
        (use) => use.kind === "add" && use.module !== module && !use.constantKey && (ADDING.get(use.method) ?? []).includes(kind),
      );
      const growing = adds.map((use) => ({ use, context: ownerOf(use.node) })).filter(({ context }) => context.owner.type !== "module" || ownerEndsOrRepeats(context));
      if (growing.length === 0) continue;
      const repeated = growing.filter(({ context }) => ownerEndsOrRepeats(context));
      const grade: Grade = repeated.length > 0 ? "proven" : "probable";
      const first = (repeated[0] ?? growing[0])!;
      const files = new Set(growing.map(({ use }) => use.module.relative));
      const { owner } = describeOwner(first.context);
      const message =
        `Exported \`${name}\` is added to by ${files.size} other module${files.size === 1 ? "" : "s"} (e.g. in ${owner} of ${first.use.module.relative}) ` +
        `and no module ever removes from it: it grows for the life of the program.`;
      const related = growing.slice(0, 3).map(({ use }) => ({
        file: use.module.relative,
        ...position(use.node),
        message: `\`${shortText(use.node)}\` adds an entry here`,
      }));
      findings.push(finding("shared-collection", grade, module, declaration.node.name, message, related));
    }
  }
  return collections;
}

/** `export let list = []; ... list = []`: reassigning empties it. */
function reassigned(declaration: Declaration & { kind: "variable" }): boolean {
  if (declaration.isConst) return false;
  let found = false;
  walk(declaration.module.source, (node) => {
    if (found) return false;
    if (TS.isBinaryExpression(node) && node.operatorToken.kind === TS.SyntaxKind.EqualsToken) {
      const left = unwrap(node.left);
      if (TS.isIdentifier(left) && left.text === declaration.name && !isShadowed(left, left.text, declaration.module.source)) found = true;
    }
    return !found;
  });
  return found;
}

// ---------------------------------------------------------------------------

function finding(kind: FindingKind, grade: Grade, module: ModuleInfo, node: ts.Node, message: string, related: RelatedLocation[]): AuditFinding {
  const start = position(node);
  const end = endPosition(node);
  return {
    kind,
    grade,
    file: module.relative,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message,
    related,
  };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
