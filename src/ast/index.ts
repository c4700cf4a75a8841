/**
 * Small syntax predicates. Nothing here knows about leaks; it only answers
 * questions about the shape of a node.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { T } from "../util/node-types.js";
import { nearestAncestor } from "./ancestors.js";

export type Node = TSESTree.Node;
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionExpression
  | TSESTree.FunctionDeclaration;
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
export type LoopNode =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    node?.type === T.ArrowFunctionExpression ||
    node?.type === T.FunctionExpression ||
    node?.type === T.FunctionDeclaration
  );
}

export function isClass(node: Node | null | undefined): node is ClassNode {
  return node?.type === T.ClassDeclaration || node?.type === T.ClassExpression;
}

export function isLoop(node: Node | null | undefined): node is LoopNode {
  switch (node?.type) {
    case T.ForStatement:
    case T.ForInStatement:
    case T.ForOfStatement:
    case T.WhileStatement:
    case T.DoWhileStatement:
      return true;
    default:
      return false;
  }
}

/** Whether `child` (a direct child of `loop`) is evaluated once per iteration. */
export function isPerIterationPart(loop: LoopNode, child: Node): boolean {
  switch (loop.type) {
    case T.ForStatement:
      return child !== loop.init;
    case T.ForInStatement:
    case T.ForOfStatement:
      return child === loop.body;
    default:
      return true;
  }
}

/** Strips TypeScript-only wrappers and optional chains that do not change the value. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
        current = current.expression;
        break;
      case T.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The parent of `node`, skipping the wrappers `unwrap` strips. Returns the child on that path too. */
export function outerParent(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === T.TSAsExpression ||
      parent.type === T.TSNonNullExpression ||
      parent.type === T.TSSatisfiesExpression ||
      parent.type === T.TSTypeAssertion ||
      parent.type === T.ChainExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** The value of a string literal or a template literal without expressions. */
export function staticString(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === T.Literal && typeof inner.value === "string") return inner.value;
  if (inner.type === T.TemplateLiteral && inner.expressions.length === 0) {
    return inner.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** `this.x` (or `this[k]`): a member read straight off `this`. */
export function isThisMember(node: Node): node is TSESTree.MemberExpression {
  const inner = unwrap(node);
  return inner.type === T.MemberExpression && unwrap(inner.object).type === T.ThisExpression;
}

/** The static name of a member access: `a.b`, `a["b"]`, `a.#b` (as `#b`). */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === T.PrivateIdentifier
      ? `#${node.property.name}`
      : node.property.name;
  }
  const value = staticString(node.property);
  if (value !== undefined) return value;
  if (node.property.type === T.Literal && typeof node.property.value === "number") {
    return String(node.property.value);
  }
  return undefined;
}

/** The name of a class member key (`foo`, `'foo'`, `#foo`, `[Symbol.dispose]` as `Symbol.dispose`). */
export function keyName(
  key: TSESTree.Expression | TSESTree.PrivateIdentifier,
  computed: boolean,
): string | undefined {
  if (key.type === T.PrivateIdentifier) return `#${key.name}`;
  if (!computed && key.type === T.Identifier) return key.name;
  if (computed && key.type === T.MemberExpression && !key.computed) {
    const object = key.object;
    if (object.type === T.Identifier && key.property.type === T.Identifier) {
      return `${object.name}.${key.property.name}`;
    }
  }
  return staticString(key);
}

/** For `a.b(...)` returns `{ object: a, name: "b" }`; for `f(...)` returns `{ name: "f" }`. */
export function calleeOf(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
): { object?: Node; name?: string } {
  const callee = unwrap(node.callee);
  if (callee.type === T.Identifier) return { name: callee.name };
  if (callee.type === T.MemberExpression) {
    return { object: unwrap(callee.object), name: memberName(callee) };
  }
  return {};
}

/** The declared name of a function, or of the variable/property/method it is assigned to. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type !== T.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return undefined;
  if (parent.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if (
    (parent.type === T.MethodDefinition || parent.type === T.PropertyDefinition || parent.type === T.Property) &&
    parent.value === fn
  ) {
    return keyName(parent.key, parent.computed);
  }
  if (parent.type === T.AssignmentExpression && parent.left.type === T.MemberExpression) {
    return memberName(parent.left);
  }
  // `const Comp = memo(function () {})`, `forwardRef(() => ...)`
  if (parent.type === T.CallExpression && parent.parent?.type === T.VariableDeclarator) {
    const id = parent.parent.id;
    if (id.type === T.Identifier) return id.name;
  }
  return undefined;
}

/** The identifier a function is bound to: `function f() {}` or `const f = () => {}`. */
export function functionBinding(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === T.FunctionDeclaration) return fn.id ?? undefined;
  const parent = fn.parent;
  return parent?.type === T.VariableDeclarator && parent.init === fn && parent.id.type === T.Identifier ? parent.id : undefined;
}

const returnedCache = new WeakMap<FunctionNode, Node[]>();

/**
 * Every `return` argument of a function body, not looking into nested functions.
 * Memoised: analysers ask for the same (possibly long) function once per acquisition.
 */
export function returnedValues(fn: FunctionNode): Node[] {
  let cached = returnedCache.get(fn);
  if (!cached) {
    cached = collectReturns(fn);
    returnedCache.set(fn, cached);
  }
  return cached;
}

function collectReturns(fn: FunctionNode): Node[] {
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const out: Node[] = [];
  // `return` is a statement: only statements can hold one, so expressions are never entered.
  const stack: Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case T.ReturnStatement:
        if (node.argument) out.push(node.argument);
        break;
      case T.BlockStatement:
      case T.StaticBlock:
        for (let i = node.body.length - 1; i >= 0; i--) stack.push(node.body[i]!);
        break;
      case T.IfStatement:
        if (node.alternate) stack.push(node.alternate);
        stack.push(node.consequent);
        break;
      case T.ForStatement:
      case T.ForInStatement:
      case T.ForOfStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
      case T.LabeledStatement:
      case T.WithStatement:
        stack.push(node.body);
        break;
      case T.TryStatement:
        if (node.finalizer) stack.push(node.finalizer);
        if (node.handler) stack.push(node.handler.body);
        stack.push(node.block);
        break;
      case T.SwitchStatement:
        for (let i = node.cases.length - 1; i >= 0; i--) {
          const consequent = node.cases[i]!.consequent;
          for (let j = consequent.length - 1; j >= 0; j--) stack.push(consequent[j]!);
        }
        break;
      default:
        break;
    }
  }
  return out;
}

/** Direct child nodes, in source order, without relying on visitor keys of a particular parser. */
export function childNodes(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of Object.keys(node)) {
    if (key === "parent" || key === "range" || key === "loc" || key === "tokens" || key === "comments") continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) {
      out.push(value);
    }
  }
  return out;
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** Whether `inner` is `outer` or lies inside it (by source range). */
export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * The closest enclosing function of a node (not the node itself). Memoised (see ancestors.ts):
 * it is asked for every acquisition, release and call, and nested blocks would make each
 * question a walk of the whole nest.
 */
export const enclosingFunction: (node: Node) => FunctionNode | undefined = nearestAncestor(isFunction);

const functionOrClass = nearestAncestor((node) => isFunction(node) || isClass(node));

/** The closest enclosing function of a node, unless a class is closer (memoised, like `enclosingFunction`). */
export function enclosingFunctionInClass(node: Node): FunctionNode | undefined {
  const found = functionOrClass(node);
  return isFunction(found) ? found : undefined;
}

export function isPascalCase(name: string | undefined): boolean {
  return !!name && /^[A-Z][A-Za-z0-9_]*$/.test(name) && /[a-z]/.test(name);
}

export function isHookName(name: string | undefined): boolean {
  return !!name && /^use[A-Z0-9]/.test(name);
}

/** Whether a node evaluates to `undefined`, `null` or nothing at all. */
export function isNullish(node: Node | undefined): boolean {
  if (!node) return true;
  const inner = unwrap(node);
  return (
    (inner.type === T.Literal && inner.value === null) ||
    (inner.type === T.Identifier && inner.name === "undefined") ||
    (inner.type === T.UnaryExpression && inner.operator === "void")
  );
}
