/**
 * Object URLs: `URL.createObjectURL(blob)` pins the blob (or MediaSource) in a
 * document-wide registry until `URL.revokeObjectURL(url)`; dropping the string does
 * not free anything.
 */
import { AST_NODE_TYPES as T, type TSESTree } from "@typescript-eslint/utils";
import { type Node, calleeOf, enclosingFunction, isFunction, isThisMember, memberName, unwrap } from "../../ast/index.js";
import type { Owner } from "../../lifecycle/owners.js";
import { OBJECT_URL_HOSTS, OBJECT_URL_RELEASE, URL_SINK_PROPERTIES } from "../../resources/catalogue.js";
import type { EngineContext } from "../engine/context.js";
import type { Finding } from "../engine/model.js";
import { type Handle, handleOf } from "../engine/handles.js";
import { appendCleanupSuggestion } from "../engine/suggestions.js";
import { allNodes } from "../engine/node-index.js";

const RELEASE_NAMES = new Set([OBJECT_URL_RELEASE]);

/** Hooks whose callback's return value becomes the hook's value (`useMemo(() => URL.createObjectURL(f))`). */
const VALUE_HOOKS = new Set(["useMemo", "useState"]);

interface Acquisition {
  call: TSESTree.CallExpression;
  owner: Owner;
  handle: Handle;
}

export function analyzeObjectUrls(ctx: EngineContext): Finding[] {
  if (ctx.objectUrls.length === 0) return [];
  const acquisitions = ctx.objectUrls.map((call) => acquisition(ctx, call));
  const unattributed = hasUnattributedRevoke(ctx, acquisitions);
  const findings: Finding[] = [];
  for (const { call, owner, handle } of acquisitions) {
    if (owner.type === "module") continue;
    const { owner: ownerText, end } = ctx.describe(owner);
    const data = { owner: ownerText, end };
    if (handle.type === "returned") continue;
    if (handle.type === "discarded") {
      findings.push({ kind: "objectUrl", messageId: "urlDiscarded", node: call, data });
      continue;
    }
    // Handed to the caller inside a returned object or array: the caller owns it now.
    if (handle.type === "escaped" && reachesCaller(call)) continue;
    if (handle.type === "stored" && (handle.returned || storedReachesCaller(ctx, handle))) continue;
    if (handle.type === "escaped" || handle.escapes) {
      // Handed to code we cannot follow (a state setter, a Map, a call). Whoever receives it
      // may revoke it under another name, so only report when no revoke in the file could
      // be that one: every revoke is matched, by reference, to a different acquisition.
      const ownKeys = handle.type === "stored" ? handle.keys : [];
      if (unattributed || ownKeys.some((key) => ctx.releasedIn(ctx.revokes.get(key), "anywhere"))) continue;
      const sink = handle.type === "escaped" ? unkeyedSink(call) : undefined;
      findings.push({
        kind: "objectUrl",
        messageId: sink ? "urlNotKept" : "urlNeverRevoked",
        node: call,
        data: { ...data, url: sink ? `\`${ctx.refs.text(sink)}\`` : handle.type === "stored" ? `\`${ctx.refs.text(handle.target)}\`` : "This URL" },
        suggest: handle.type === "stored" ? revokeSuggestion(ctx, owner, handle) : undefined,
      });
      continue;
    }
    const ownerRegion = ctx.releaseRegion(owner, { setupCounts: true });
    // A URL held only in a local of a class method cannot outlive the call (escapes were
    // handled above), so revoking it before the method returns releases it: the download
    // helper `a.href = url; a.click(); URL.revokeObjectURL(url)` in a class with a dispose().
    const local = owner.type === "class" && handle.declared ? declaringFunction(ctx, handle.target) : undefined;
    const region = local && ownerRegion !== "anywhere" ? [...ownerRegion, local] : ownerRegion;
    if (handle.keys.some((key) => ctx.releasedIn(ctx.revokes.get(key), region))) continue;
    // A stored URL that is revoked on teardown is fine even if a second call could
    // overwrite it: flagging that would flag the usual fixed shape (revoke in stop()).
    const sink = !handle.declared && !!handle.member && URL_SINK_PROPERTIES.has(handle.member) && !isThisMember(handle.target);
    const elsewhere = handle.keys.some((key) => ctx.releasedIn(ctx.revokes.get(key), "anywhere"));
    findings.push({
      kind: "objectUrl",
      messageId: sink && !elsewhere ? "urlNotKept" : elsewhere ? "urlNotRevokedInTeardown" : "urlNeverRevoked",
      node: call,
      data: { ...data, url: `\`${ctx.refs.text(handle.target)}\`` },
      suggest: revokeSuggestion(ctx, owner, handle),
      releasedSomewhere: ctx.looselyReleased(ctx.revokes, handle.keys) || undefined,
    });
  }
  return findings;
}

/**
 * Who owns the URL and where its value goes. A URL returned from a `useMemo` (or lazy
 * `useState`) callback is the hook's value: it belongs to the component's render.
 */
function acquisition(ctx: EngineContext, call: TSESTree.CallExpression): Acquisition {
  const context = ctx.lifecycles.ownerOf(call);
  let owner: Owner = context.owner;
  // `(() => { ... })()` or a private `boot()` the module body calls once: one URL per program.
  let handle = handleOf(call, ctx.refs, RELEASE_NAMES);
  if (handle.type === "returned") {
    const fn = enclosingFunction(call);
    const hook = fn?.parent;
    if (hook?.type === T.CallExpression && hook.arguments[0] === fn && VALUE_HOOKS.has(calleeOf(hook).name ?? "")) {
      owner = ctx.lifecycles.ownerOf(hook).owner;
      handle = handleOf(hook, ctx.refs, RELEASE_NAMES);
    }
  }
  return { call, owner, handle };
}

/**
 * Whether some revoke in the file may release a URL we lost track of: a revoke whose
 * argument has no stable key, whose key belongs to no acquisition (a loop variable, a
 * parameter, a state value), or `URL.revokeObjectURL` passed as a function (`urls.forEach(URL.revokeObjectURL)`).
 */
function hasUnattributedRevoke(ctx: EngineContext, acquisitions: readonly Acquisition[]): boolean {
  const tracked = new Set<string>();
  for (const { handle } of acquisitions) if (handle.type === "stored") for (const key of handle.keys) tracked.add(key);
  let keyed = 0;
  for (const [key, releases] of ctx.revokes) {
    keyed += releases.length;
    if (!tracked.has(key)) return true;
  }
  if (keyed < ctx.revokeCount) return true;
  return allNodes(ctx.sourceCode).some((node) => {
    if (node.type !== T.MemberExpression || memberName(node) !== OBJECT_URL_RELEASE) return false;
    const parent = node.parent?.type === T.ChainExpression ? node.parent.parent : node.parent;
    const called = parent?.type === T.CallExpression && unwrap(parent.callee) === node;
    const object = unwrap(node.object);
    const host = object.type === T.Identifier ? object.name : object.type === T.MemberExpression ? memberName(object) : undefined;
    return !called && !!host && OBJECT_URL_HOSTS.has(host);
  });
}

/** `return { url: URL.createObjectURL(f) }`, `return [name, url]`: the value reaches the caller in a literal. */
function reachesCaller(node: Node): boolean {
  let current = node;
  let inLiteral = false;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.ChainExpression:
      case T.LogicalExpression:
      case T.AwaitExpression:
        continue;
      case T.ConditionalExpression:
        if (parent.test === current) return false;
        continue;
      case T.Property:
        if (parent.value !== current) return false;
        inLiteral = true;
        continue;
      case T.ObjectExpression:
      case T.ArrayExpression:
      case T.SpreadElement:
        inLiteral = true;
        continue;
      case T.ReturnStatement:
        return inLiteral;
      case T.ArrowFunctionExpression:
        return inLiteral && parent.body === current;
      default:
        return false;
    }
  }
  return false;
}

/** A stored URL whose variable is also put into a returned object or array. */
function storedReachesCaller(ctx: EngineContext, handle: Extract<Handle, { type: "stored" }>): boolean {
  if (!handle.escapes || handle.target.type !== T.Identifier) return false;
  const variable = ctx.refs.variable(handle.target);
  return !!variable?.references.some((reference) => reference.isRead() && reachesCaller(reference.identifier));
}

/** `el.querySelector("img").src = URL.createObjectURL(f)`: written to a DOM property we cannot name. */
function unkeyedSink(call: Node): TSESTree.MemberExpression | undefined {
  let current = call;
  let parent = current.parent;
  while (parent && (parent.type === T.TSAsExpression || parent.type === T.TSNonNullExpression || parent.type === T.ChainExpression)) {
    current = parent;
    parent = parent.parent;
  }
  if (parent?.type !== T.AssignmentExpression || parent.right !== current || parent.operator !== "=") return undefined;
  const left = unwrap(parent.left);
  if (left.type !== T.MemberExpression) return undefined;
  const name = memberName(left);
  return name && URL_SINK_PROPERTIES.has(name) && !isThisMember(left) ? left : undefined;
}

/**
 * For a URL declared with `const`/`let` directly in an effect setup that has no cleanup,
 * add `return () => { URL.revokeObjectURL(url); };` at the end of the setup.
 */
function revokeSuggestion(ctx: EngineContext, owner: Owner, handle: Extract<Handle, { type: "stored" }>): Finding["suggest"] {
  const variable = handle.target;
  if (owner.type !== "effect" || !handle.declared || variable.type !== T.Identifier) return undefined;
  const declaration = variable.parent?.parent;
  if (declaration?.type !== T.VariableDeclaration || declaration.parent !== owner.setup.body) return undefined;
  return appendCleanupSuggestion(ctx, owner.setup, `URL.revokeObjectURL(${variable.name});`, "revokeInCleanup", {
    url: variable.name,
  });
}

/** The function whose scope declares the variable `id`, when it is a local of a function. */
function declaringFunction(ctx: EngineContext, id: Node): Node | undefined {
  if (id.type !== T.Identifier) return undefined;
  const block = ctx.refs.variable(id)?.scope.variableScope.block;
  return block && isFunction(block) ? block : undefined;
}
