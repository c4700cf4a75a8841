/**
 * Where the value of an acquisition goes: dropped, returned, handed to other code,
 * or stored in locations (each with a reference key) where a release can find it.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type Node, isFunction, keyName, memberName, unwrap } from "../../ast/index.js";
import type { RefResolver } from "./refs.js";
import type { Variable } from "../../ast/scope.js";

export type Handle =
  | { type: "discarded" }
  | { type: "returned" }
  | { type: "escaped" }
  | {
      type: "stored";
      /** Keys of every location the value reaches (the variable, `this.x = v`, `el.src = v`). */
      keys: string[];
      /** The location the acquisition is first written to. */
      target: Node;
      /** Written with `??=` / `||=`, or inside a guard: cannot overwrite a live handle. */
      guarded: boolean;
      /** The value also reached code we cannot follow (passed to a call, put in an array). */
      escapes: boolean;
      returned: boolean;
      /** A `let`/`const` declared right at the acquisition. */
      declared: boolean;
      /** The member name when written to `x.member` (`src`, `timer`). */
      member: string | undefined;
    };

const HANDLE_METHODS = new Set(["unref", "ref"]);
const NO_PARTS: ReadonlySet<string> = new Set();

/** Follows the value of `call` to where it is kept. */
export function handleOf(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  refs: RefResolver,
  releaseNames: ReadonlySet<string>,
  chainable: ReadonlySet<string> = HANDLE_METHODS,
  parts: ReadonlySet<string> = NO_PARTS,
): Handle {
  let current: Node = call;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.ChainExpression:
      case T.ConditionalExpression:
      case T.AwaitExpression:
        if (parent.type === T.ConditionalExpression && parent.test === current) return { type: "escaped" };
        continue;
      case T.LogicalExpression:
        continue;
      case T.MemberExpression: {
        // `setInterval(...).unref()` returns the same handle.
        const name = memberName(parent);
        const outer = parent.parent;
        const called = parent.object === current && outer?.type === T.CallExpression && outer.callee === parent;
        if (called && name && (HANDLE_METHODS.has(name) || chainable.has(name))) {
          current = outer;
          parent = outer;
          continue;
        }
        // `new ResizeObserver(cb).observe(el)`: the method's result is not the resource,
        // so nothing keeps a reference that could release it.
        if (called && name && releaseNames.has(name)) return { type: "escaped" };
        return called ? { type: "discarded" } : { type: "escaped" };
      }
      case T.ExpressionStatement:
        return { type: "discarded" };
      case T.UnaryExpression:
        return parent.operator === "void" ? { type: "discarded" } : { type: "escaped" };
      case T.SequenceExpression:
        if (parent.expressions[parent.expressions.length - 1] !== current) return { type: "discarded" };
        continue;
      case T.ReturnStatement:
        return { type: "returned" };
      case T.ArrowFunctionExpression:
        return parent.body === current ? { type: "returned" } : { type: "escaped" };
      case T.VariableDeclarator: {
        if (parent.init !== current || parent.id.type !== T.Identifier) return { type: "escaped" };
        const key = refs.key(parent.id);
        if (!key) return { type: "escaped" };
        return follow(parent.id, key, parent.id, refs, releaseNames, false, true, undefined, parts);
      }
      case T.AssignmentExpression: {
        if (parent.right !== current) return { type: "escaped" };
        const key = refs.key(parent.left);
        if (!key) return { type: "escaped" };
        const guarded = parent.operator === "??=" || parent.operator === "||=";
        const left = unwrap(parent.left);
        const member = left.type === T.MemberExpression ? memberName(left) : undefined;
        return follow(left.type === T.Identifier ? left : undefined, key, left, refs, releaseNames, guarded, false, member, parts);
      }
      case T.PropertyDefinition: {
        if (parent.value !== current) return { type: "escaped" };
        const name = keyName(parent.key, parent.computed);
        const cls = parent.parent.parent;
        if (!name || !cls) return { type: "escaped" };
        return {
          type: "stored",
          keys: [`this${refs.id(cls)}.${name}`],
          target: parent.key,
          guarded: false,
          escapes: false,
          returned: false,
          declared: true,
          member: name,
        };
      }
      default:
        return { type: "escaped" };
    }
  }
  return { type: "escaped" };
}

/** For a value stored in a variable, collects every other place the variable's value is copied to. */
function follow(
  id: TSESTree.Identifier | undefined,
  key: string,
  target: Node,
  refs: RefResolver,
  releaseNames: ReadonlySet<string>,
  guarded: boolean,
  declared: boolean,
  member: string | undefined,
  parts: ReadonlySet<string>,
): Handle {
  const variable = id ? refs.variable(id) : undefined;
  const uses = variable ? usesOf(variable, refs, releaseNames, parts) : NO_USES;
  const keys = [key, ...uses.copies.filter((copy) => copy !== key)];
  return { type: "stored", keys, target, guarded, escapes: uses.escapes, returned: uses.returned, declared, member };
}

/** Where a variable's value goes, over all its reads: the keys it is copied to (first seen first), and whether it escapes or is returned. */
interface VariableUses {
  copies: string[];
  escapes: boolean;
  returned: boolean;
}

const NO_USES: VariableUses = { copies: [], escapes: false, returned: false };

/**
 * Per resolver, set of release names and parts, and variable: `VariableUses`, from one pass over
 * its references. A variable that holds n acquisitions in turn (`ws = new WebSocket(...)` in n
 * functions) is followed once per acquisition, and scanning its references each time was n².
 * Kept per resolver: the keys are its own (a file has one per set of engine options). The name
 * sets come first, so a file makes one table per set, not one per variable (issue 12 §2).
 */
const usesCache = new WeakMap<RefResolver, Map<string, WeakMap<Variable, VariableUses>>>();

/** A set of names as one string, made once per set object (most are module-level constants). */
const setKeys = new WeakMap<ReadonlySet<string>, string>();

function setKey(set: ReadonlySet<string>): string {
  let key = setKeys.get(set);
  if (key === undefined) {
    key = [...set].sort().join("\n");
    setKeys.set(set, key);
  }
  return key;
}

function usesOf(variable: Variable, refs: RefResolver, releaseNames: ReadonlySet<string>, parts: ReadonlySet<string>): VariableUses {
  let byNames = usesCache.get(refs);
  if (!byNames) {
    byNames = new Map();
    usesCache.set(refs, byNames);
  }
  const names = `${setKey(releaseNames)}|${setKey(parts)}`;
  let byVariable = byNames.get(names);
  if (!byVariable) {
    byVariable = new WeakMap();
    byNames.set(names, byVariable);
  }
  let uses = byVariable.get(variable);
  if (!uses) {
    uses = { copies: [], escapes: false, returned: false };
    const seen = new Set<string>();
    // Parts handed on one by one: the handle goes with them only once every part has gone
    // (a channel that transfers `port2` still holds `port1`).
    const partsGone = new Set<string>();
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const use = usage(reference, releaseNames, parts);
      if (use.part !== undefined) {
        if (use.type === "escaped" || use.type === "returned") partsGone.add(use.part);
        continue;
      }
      if (use.type === "copied") {
        const copyKey = refs.key(use.to);
        if (copyKey && !seen.has(copyKey)) {
          seen.add(copyKey);
          uses.copies.push(copyKey);
        } else if (!copyKey) uses.escapes = true;
      } else if (use.type === "escaped") uses.escapes = true;
      else if (use.type === "returned") uses.returned = true;
    }
    if (parts.size > 0 && [...parts].every((name) => partsGone.has(name))) uses.escapes = true;
    byVariable.set(variable, uses);
  }
  return uses;
}

/** `part`: the use is of a part of the handle (`channel.port2`), not of the handle itself. */
type Usage = ({ type: "used" } | { type: "escaped" } | { type: "returned" } | { type: "copied"; to: Node }) & { part?: string };

function usage(reference: TSESLint.Scope.Reference, releaseNames: ReadonlySet<string>, parts: ReadonlySet<string>): Usage {
  let current: Node = reference.identifier;
  let part: string | undefined;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case T.MemberExpression: {
        // `channel.port2` is the resource (a release path names it, `port2.close`): returning,
        // storing or passing it hands the resource on like the handle itself. Any other member
        // read, or a call on the part (`channel.port1.close()`), is a use.
        const name = memberName(parent);
        if (part !== undefined || parent.object !== current || !name || !parts.has(name)) return { type: "used", part };
        part = name;
        continue;
      }
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.ChainExpression:
      case T.LogicalExpression:
      case T.ConditionalExpression:
        if (parent.type === T.ConditionalExpression && parent.test === current) return { type: "used", part };
        if (parent.type === T.LogicalExpression && parent.left === current && parent.operator === "&&") return { type: "used", part };
        continue;
      case T.AssignmentExpression:
        if (parent.right !== current) return { type: "used", part };
        return part !== undefined ? { type: "escaped", part } : { type: "copied", to: parent.left };
      case T.VariableDeclarator:
        if (parent.init !== current) return { type: "used", part };
        return part !== undefined ? { type: "escaped", part } : { type: "copied", to: parent.id };
      case T.CallExpression:
      case T.NewExpression: {
        if (parent.callee === current) return { type: "used", part };
        const callee = unwrap(parent.callee);
        const name =
          callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? memberName(callee) : undefined;
        return name && releaseNames.has(name) ? { type: "used", part } : { type: "escaped", part };
      }
      case T.ReturnStatement:
        return { type: "returned", part };
      case T.ArrowFunctionExpression:
        return parent.body === current ? { type: "returned", part } : { type: "used", part };
      case T.ArrayExpression:
      case T.Property:
      case T.SpreadElement:
      case T.YieldExpression:
        return { type: "escaped", part };
      default:
        if (isFunction(parent)) return { type: "used", part };
        return { type: "used", part };
    }
  }
  return { type: "used", part };
}
