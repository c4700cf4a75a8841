/**
 * Object URLs: `URL.createObjectURL(blob)` pins the blob (or MediaSource) in a
 * document-wide registry until `URL.revokeObjectURL(url)`; dropping the string does
 * not free anything.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type Node, calleeOf, enclosingFunction, isFunction, isThisMember, memberName, unwrap } from "../../ast/index.js";
import type { Owner, OwnerContext } from "../../lifecycle/owners.js";
import { OBJECT_URL_HOSTS, OBJECT_URL_RELEASE, URL_SINK_PROPERTIES } from "../../resources/catalogue.js";
import type { EngineContext } from "../engine/context.js";
import { type Finding, likely, proven } from "../engine/model.js";
import { HELD_BY_RUNTIME, evidence, handedAway, ownerProof, releaseProof } from "../engine/evidence.js";
import { type Handle, handleOf } from "../engine/handles.js";
import { type CleanupOffer, appendCleanupSuggestion, isGlobalIn, withCleanup } from "../engine/suggestions.js";
import { indexedType, someNodeOf } from "../../ast/node-index.js";

const RELEASE_NAMES = new Set([OBJECT_URL_RELEASE]);

/** The node type read from the node index (`URL.revokeObjectURL` passed on, not called). */
const MEMBER = indexedType(T.MemberExpression);

/** Hooks whose callback's return value becomes the hook's value (`useMemo(() => URL.createObjectURL(f))`). */
const VALUE_HOOKS = new Set(["useMemo", "useState"]);

interface Acquisition {
  call: TSESTree.CallExpression;
  owner: Owner;
  context: OwnerContext;
  handle: Handle;
  /** The node whose value the handle follows: the call, or the hook that returns its URL. */
  anchor: Node;
}

export function analyzeObjectUrls(ctx: EngineContext): Finding[] {
  if (ctx.objectUrls.length === 0) return [];
  const acquisitions = ctx.objectUrls.map((call) => acquisition(ctx, call));
  const unattributed = hasUnattributedRevoke(ctx, acquisitions);
  const findings: Finding[] = [];
  for (const { call, owner, context, handle, anchor } of acquisitions) {
    if (owner.type === "module") continue;
    const { owner: ownerText, end } = ctx.describe(owner);
    const data = { owner: ownerText, end };
    if (handle.type === "returned") continue;
    // The blob URL store holds the blob until the URL is revoked. A plain function or method that
    // does not keep the URL where later code could revoke it (it drops it, keeps it in a local, or
    // leaves it in an element's `src`) has ended its chance to revoke it when it returns.
    const unkept = handle.type === "discarded" || handle.type === "escaped" || (handle.type === "stored" && (handle.declared || !!unkeyedSink(call) || sinkOnly(handle)));
    const ownerFact =
      (owner.type === "function" || owner.type === "class") && unkept ? proven("nothing can revoke it once the call returns") : ownerProof(ctx, context, handle);
    if (handle.type === "discarded") {
      findings.push({ kind: "objectUrl", messageId: "urlDiscarded", node: call, data, evidence: evidence(HELD_BY_RUNTIME, ownerFact, releaseProof({})) });
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
      const finding: Finding = {
        kind: "objectUrl",
        messageId: sink ? "urlNotKept" : "urlNeverRevoked",
        node: call,
        data: { ...data, url: sink ? `\`${ctx.refs.text(sink)}\`` : handle.type === "stored" ? `\`${ctx.refs.text(handle.target)}\`` : "This URL" },
        // Handed to code we cannot follow, which may keep or revoke it; kept by the owner itself
        // (its state, its markup, an element, its own collection), nothing in the file revokes it.
        evidence: evidence(HELD_BY_RUNTIME, ownerFact, keptByOwner(ctx, anchor, handle) ? proven("kept by the owner, never revoked") : likely("handed to code out of sight")),
      };
      findings.push(handle.type === "stored" ? withRevoke(ctx, finding, owner, handle) : finding);
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
    const finding: Finding = {
      kind: "objectUrl",
      messageId: sink && !elsewhere ? "urlNotKept" : elsewhere ? "urlNotRevokedInTeardown" : "urlNeverRevoked",
      node: call,
      data: { ...data, url: `\`${ctx.refs.text(handle.target)}\`` },
      evidence: evidence(
        HELD_BY_RUNTIME,
        ownerFact,
        releaseProof({ elsewhere, maybe: ctx.looselyReleased(ctx.revokes, handle.keys), opaque: handedAway(ctx, region, handle.keys) }),
      ),
    };
    findings.push(withRevoke(ctx, finding, owner, handle));
  }
  return findings;
}

/**
 * Who owns the URL and where its value goes. A URL returned from a `useMemo` (or lazy
 * `useState`) callback is the hook's value: it belongs to the component's render.
 */
function acquisition(ctx: EngineContext, call: TSESTree.CallExpression): Acquisition {
  let context = ctx.lifecycles.ownerOf(call);
  let owner: Owner = context.owner;
  // `(() => { ... })()` or a private `boot()` the module body calls once: one URL per program.
  let handle = handleOf(call, ctx.refs, RELEASE_NAMES);
  let anchor: Node = call;
  if (handle.type === "returned") {
    const fn = enclosingFunction(call);
    const hook = fn?.parent;
    if (hook?.type === T.CallExpression && hook.arguments[0] === fn && VALUE_HOOKS.has(calleeOf(hook).name ?? "")) {
      context = ctx.lifecycles.ownerOf(hook);
      owner = context.owner;
      handle = handleOf(hook, ctx.refs, RELEASE_NAMES);
      anchor = hook;
    }
  }
  return { call, owner, context, handle, anchor };
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
  return someNodeOf(ctx.sourceCode, MEMBER, (node) => {
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

/**
 * Where an escaping URL goes is still the owner's own: a `useState` setter, a JSX attribute, an
 * element's property, or a collection the owner keeps (`this.urls.set(id, url)`, `ref.current.push(url)`).
 * Code in other files cannot reach it there to revoke it.
 */
function keptByOwner(ctx: EngineContext, call: Node, handle: Handle): boolean {
  const uses: Node[] = [call];
  if (handle.type === "stored" && handle.target.type === T.Identifier) {
    for (const reference of ctx.refs.variable(handle.target)?.references ?? []) if (reference.isRead()) uses.push(reference.identifier);
  }
  return uses.every((use) => {
    let current = use;
    // `this.setState({ src: url })`: the object literal is what is passed on.
    while (
      current.parent &&
      (current.parent.type === T.TSAsExpression ||
        current.parent.type === T.TSNonNullExpression ||
        current.parent.type === T.ChainExpression ||
        (current.parent.type === T.Property && current.parent.value === current) ||
        (current.parent.type === T.ObjectExpression && current.type === T.Property))
    ) {
      current = current.parent;
    }
    const parent: Node | undefined = current.parent;
    if (!parent) return false;
    if (parent.type === T.JSXExpressionContainer) return true;
    // A browser API (`window.open(url)`, `new Worker(url)`) uses it and cannot revoke it.
    if ((parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      if (ctx.refs.key(parent.callee)?.startsWith("g:")) return true;
    }
    if (parent.type === T.AssignmentExpression && parent.right === current) return true;
    if (parent.type === T.VariableDeclarator) return true;
    if (parent.type === T.MemberExpression && parent.object === current) return true;
    if (parent.type === T.TemplateLiteral || parent.type === T.BinaryExpression) return true;
    if (parent.type !== T.CallExpression || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return false;
    if (intoStateSetter(ctx, parent)) return true;
    // A class component's own state.
    if (isThisMember(parent.callee) && memberName(unwrap(parent.callee) as TSESTree.MemberExpression) === "setState") return true;
    const callee = unwrap(parent.callee);
    if (callee.type !== T.MemberExpression || !OWN_COLLECTION_ADDS.has(memberName(callee) ?? "")) return false;
    const holder: Node = unwrap(callee.object);
    if (holder.type === T.MemberExpression) return unwrap(holder.object).type === T.ThisExpression || memberName(holder) === "current";
    return holder.type === T.Identifier && !!ctx.refs.variable(holder);
  });
}

const OWN_COLLECTION_ADDS: ReadonlySet<string> = new Set(["push", "unshift", "set", "add"]);

/** Every read of the stored URL only writes it into an element property (`img.src = url`). */
function sinkOnly(handle: Extract<Handle, { type: "stored" }>): boolean {
  return !!handle.member && URL_SINK_PROPERTIES.has(handle.member);
}

/** `setPreview(url)`: a call of a `useState` setter. */
function intoStateSetter(ctx: EngineContext, parent: TSESTree.CallExpression): boolean {
  const callee = unwrap(parent.callee);
  if (callee.type !== T.Identifier) return false;
  const def = ctx.refs.variable(callee)?.defs[0];
  if (def?.type !== "Variable" || def.node.id.type !== T.ArrayPattern || def.node.id.elements[1] !== def.name) return false;
  const init = def.node.init ? unwrap(def.node.init) : undefined;
  return init?.type === T.CallExpression && calleeOf(init).name === "useState";
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
function revokeSuggestion(ctx: EngineContext, owner: Owner, handle: Extract<Handle, { type: "stored" }>): CleanupOffer | undefined {
  const variable = handle.target;
  if (owner.type !== "effect" || !handle.declared || variable.type !== T.Identifier) return undefined;
  const declaration = variable.parent?.parent;
  if (declaration?.type !== T.VariableDeclaration || declaration.parent !== owner.setup.body) return undefined;
  if (!isGlobalIn(ctx, owner.setup, "URL")) return undefined;
  return appendCleanupSuggestion(ctx, owner.setup, declaration, `URL.revokeObjectURL(${variable.name});`, "revokeInCleanup", {
    url: variable.name,
  });
}

/**
 * The finding with the revoke suggestion, or the message that says why a cleanup cannot simply
 * be added. Only `urlNeverRevoked` can meet the suggestion's conditions: a URL declared in the
 * setup and revoked elsewhere is revoked in the setup, which counts as its release.
 */
function withRevoke(ctx: EngineContext, finding: Finding, owner: Owner, handle: Extract<Handle, { type: "stored" }>): Finding {
  const manual = finding.messageId === "urlNeverRevoked" ? "urlNeverRevokedManualCleanup" : undefined;
  return withCleanup(finding, revokeSuggestion(ctx, owner, handle), manual);
}

/** The function whose scope declares the variable `id`, when it is a local of a function. */
function declaringFunction(ctx: EngineContext, id: Node): Node | undefined {
  if (id.type !== T.Identifier) return undefined;
  const block = ctx.refs.variable(id)?.scope.variableScope.block;
  return block && isFunction(block) ? block : undefined;
}
