/**
 * Handle-released resources: observers (`disconnect`), closeable connections and
 * workers (`close`, `terminate`), subscriptions (`unsubscribe`, or calling the
 * returned disposer). The owner must release the handle before it ends; replacing a
 * live handle (reconnect) must release the old one first.
 */
import { AST_NODE_TYPES as T } from "@typescript-eslint/utils";
import { type Node, memberName, unwrap } from "../ast/index.js";
import type { Owner, OwnerContext } from "../lifecycle/owners.js";
import { CHAINABLE_METHODS, type HandleEntry, type HandleFamily } from "../resources/closeable.js";
import type { Call, EngineContext, Finding, Release } from "./engine.js";
import { type Handle, handleOf } from "./handles.js";
import { completesByItself, indexCalledHandles, subscriptionAcquisitions } from "./subscriptions.js";
import { guardedBefore } from "./shared.js";

export function analyzeHandles(ctx: EngineContext): Finding[] {
  const findings: Finding[] = [];
  const acquisitions: { node: Call; entry: HandleEntry }[] = [
    ...ctx.handleAcquisitions,
    ...subscriptionAcquisitions(ctx),
  ];
  const calledDisposers = acquisitions.some((a) => a.entry.family === "subscription") ? indexCalledHandles(ctx) : new Map();
  for (const { node, entry } of acquisitions) {
    const finding = judge(ctx, node, entry, calledDisposers);
    if (finding) findings.push(finding);
  }
  findings.push(...handlerProperties(ctx, acquisitions));
  return findings;
}

function judge(
  ctx: EngineContext,
  node: Call,
  entry: HandleEntry,
  calledDisposers: ReadonlyMap<string, Release[]>,
): Finding | undefined {
  const context = ctx.lifecycles.ownerOf(node);
  const { owner } = context;
  if (owner.type === "module") return undefined;
  if (entry.family === "subscription" && node.type === T.CallExpression && completesByItself(ctx, node, owner)) return undefined;
  const releaseNames = new Set(entry.release.map((path) => path.split(".").pop()!));
  const handle = handleOf(node, ctx.refs, releaseNames, CHAINABLE_METHODS);
  if (handle.type === "returned" || handle.type === "escaped") return undefined;
  if (handle.type === "stored" && (handle.returned || handle.escapes)) return undefined;
  if (!matters(entry, owner, context, handle)) return undefined;
  if (entry.activate && handle.type === "stored" && !activated(ctx, handle.keys, entry.activate)) return undefined;
  const kind = entry.family;
  const { owner: ownerText, end } = ctx.describe(owner);
  const data = { resource: entry.label, owner: ownerText, end, keeps: entry.keeps };
  if (handle.type === "discarded") return { kind, messageId: "discarded", node, data };
  if (handle.type !== "stored") return undefined;
  const region = ctx.releaseRegion(owner);
  const releases = handle.keys.flatMap((key) => releasesOf(ctx, key, entry, calledDisposers));
  const name = ctx.refs.text(handle.target);
  if (!releases.some((release) => ctx.inRegion(release.call, region))) {
    const messageId = releases.length > 0 ? "notReleasedInTeardown" : "neverReleased";
    return { kind, messageId, node, data: { ...data, handle: name, release: releaseText(entry) } };
  }
  if (!handle.declared && !handle.guarded && entry.family !== "subscription") {
    const index = new Map(handle.keys.map((key) => [key, releasesOf(ctx, key, entry, calledDisposers)] as const));
    if (!guardedBefore(ctx, node, handle.keys, index)) {
      return { kind, messageId: "replacedWithoutRelease", node, data: { ...data, handle: name, release: releaseText(entry) } };
    }
  }
  return undefined;
}

/**
 * Whether this resource must be released by this owner. Constructed resources kept in
 * a local variable of a plain function can never be released once it returns; servers
 * and child processes matter only where the owner ends first or the code repeats.
 */
function matters(entry: HandleEntry, owner: Owner, context: OwnerContext, handle: Handle): boolean {
  const endsFirst =
    owner.type === "effect" ||
    owner.type === "render" ||
    owner.type === "component-callback" ||
    (owner.type === "class" && (owner.info.framework !== "plain" || owner.info.teardown.length > 0));
  const repeats = context.inLoop || context.repeating !== undefined;
  if (entry.perCallOnly || entry.family === "subscription") {
    if (endsFirst) return true;
    if (owner.type === "class") return handle.type === "stored";
    return repeats && entry.family !== "subscription";
  }
  return owner.type !== "executor" || handle.type === "discarded";
}

function releaseText(entry: HandleEntry): string {
  return entry.release.map((path) => `\`.${path}()\``).join(" or ");
}

/** Release calls for a stored handle: `key.close()`, `key.port.close()`, `key()`, `src.unsubscribe(key)`. */
function releasesOf(
  ctx: EngineContext,
  key: string,
  entry: HandleEntry,
  calledDisposers: ReadonlyMap<string, Release[]>,
): Release[] {
  const out: Release[] = [];
  for (const path of entry.release) {
    const parts = path.split(".");
    const method = parts.pop()!;
    const target = parts.length > 0 ? `${key}.${parts.join(".")}` : key;
    for (const release of ctx.methodReleases.get(target) ?? []) if (release.name === method) out.push(release);
  }
  if (entry.family === "observer") {
    // Unobserving the observed targets also releases what the observer holds.
    for (const release of ctx.methodReleases.get(key) ?? []) if (release.name === "unobserve") out.push(release);
  }
  if (entry.family === "subscription") {
    out.push(...(calledDisposers.get(key) ?? []), ...(ctx.tokenReleases.get(key) ?? []));
  }
  return out;
}

function activated(ctx: EngineContext, keys: readonly string[], activate: readonly string[]): boolean {
  return keys.some((key) => ctx.activations.get(key)?.some((call) => activate.includes(call.name)));
}

// ---------------------------------------------------------------------------
// Handler properties on resources that outlive the code that sets them

/**
 * `socket.onmessage = ...` set by an owner that ends first, on a resource it did not
 * create: unless reset (or the resource closed) at teardown, the resource keeps the
 * handler and everything it closes over.
 */
function handlerProperties(ctx: EngineContext, acquisitions: readonly { node: Call; entry: HandleEntry }[]): Finding[] {
  if (ctx.handlerAssignments.length === 0) return [];
  const resources = new Map<string, { node: Call; entry: HandleEntry }>();
  for (const acquisition of acquisitions) {
    if (acquisition.entry.family !== "closeable") continue;
    const handle = handleOf(acquisition.node, ctx.refs, new Set(), CHAINABLE_METHODS);
    if (handle.type === "stored") for (const key of handle.keys) resources.set(key, acquisition);
  }
  const findings: Finding[] = [];
  for (const assignment of ctx.handlerAssignments) {
    const left = unwrap(assignment.left);
    if (left.type !== T.MemberExpression || isNullish(assignment.right)) continue;
    const targetKey = ctx.refs.key(left.object);
    const resource = targetKey ? resources.get(targetKey) : undefined;
    if (!targetKey || !resource) continue;
    const { owner } = ctx.lifecycles.ownerOf(assignment);
    const resourceOwner = ctx.lifecycles.ownerOf(resource.node).owner;
    if (!endsFirst(owner) || sameOwner(owner, resourceOwner)) continue;
    const region = ctx.releaseRegion(owner);
    const property = memberName(left);
    const reset = ctx.handlerAssignments.some((other) => {
      const otherLeft = unwrap(other.left);
      return (
        other !== assignment &&
        isNullish(other.right) &&
        otherLeft.type === T.MemberExpression &&
        memberName(otherLeft) === property &&
        ctx.refs.key(otherLeft.object) === targetKey &&
        ctx.inRegion(other, region)
      );
    });
    const closed = releasesOf(ctx, targetKey, resource.entry, new Map()).some((release) => ctx.inRegion(release.call, region));
    if (reset || closed) continue;
    const { owner: ownerText, end } = ctx.describe(owner);
    findings.push({
      kind: "closeable",
      messageId: "handlerLeftInPlace",
      node: assignment,
      data: { property: property ?? "handler", target: ctx.refs.text(left.object), resource: resource.entry.label, owner: ownerText, end },
    });
  }
  return findings;
}

function endsFirst(owner: Owner): boolean {
  return (
    owner.type === "effect" ||
    owner.type === "render" ||
    owner.type === "component-callback" ||
    (owner.type === "class" && (owner.info.framework !== "plain" || owner.info.teardown.length > 0))
  );
}

function sameOwner(a: Owner, b: Owner): boolean {
  if (a.type === "class" && b.type === "class") return a.info.node === b.info.node;
  if (a.type === "effect" && b.type === "effect") return a.setup === b.setup;
  return false;
}

function isNullish(node: Node): boolean {
  const inner = unwrap(node);
  return (inner.type === T.Literal && inner.value === null) || (inner.type === T.Identifier && inner.name === "undefined");
}

export type { HandleFamily };
