/**
 * Small predicates over the TypeScript compiler's syntax tree, as ts-morph hands it out
 * (`sourceFile.compilerNode`). The audit walks raw compiler nodes instead of ts-morph's
 * wrappers: wrapping every node costs an object per node, and the audit visits each file
 * once.
 *
 * The `typescript` namespace comes from ts-morph at run time (it bundles its own
 * compiler), so nothing here imports TypeScript as a value: `bindTypeScript` installs it.
 */
import type { ts } from "ts-morph";

export type TS = typeof ts;
export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;
export type ClassLike = ts.ClassDeclaration | ts.ClassExpression;

/** The compiler namespace of the loaded ts-morph; set once by `bindTypeScript`. */
export let TS: TS = undefined as unknown as TS;

export function bindTypeScript(namespace: TS): void {
  TS = namespace;
}

export function isFunctionLike(node: ts.Node | undefined): node is FunctionLike {
  if (!node) return false;
  switch (node.kind) {
    case TS.SyntaxKind.FunctionDeclaration:
    case TS.SyntaxKind.FunctionExpression:
    case TS.SyntaxKind.ArrowFunction:
    case TS.SyntaxKind.MethodDeclaration:
    case TS.SyntaxKind.Constructor:
    case TS.SyntaxKind.GetAccessor:
    case TS.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

export function isClassLike(node: ts.Node | undefined): node is ClassLike {
  return !!node && (node.kind === TS.SyntaxKind.ClassDeclaration || node.kind === TS.SyntaxKind.ClassExpression);
}

export function isLoop(node: ts.Node): node is ts.IterationStatement {
  switch (node.kind) {
    case TS.SyntaxKind.ForStatement:
    case TS.SyntaxKind.ForInStatement:
    case TS.SyntaxKind.ForOfStatement:
    case TS.SyntaxKind.WhileStatement:
    case TS.SyntaxKind.DoStatement:
      return true;
    default:
      return false;
  }
}

/** Whether `child` of `loop` runs once per iteration (its body, a `for` condition or update). */
export function isPerIterationPart(loop: ts.IterationStatement, child: ts.Node): boolean {
  if (loop.statement === child) return true;
  if (TS.isForStatement(loop)) return child === loop.condition || child === loop.incrementor;
  if (TS.isWhileStatement(loop) || TS.isDoStatement(loop)) return child === loop.expression;
  return false;
}

/** Strips parentheses, `as`, `!`, `satisfies` and type assertions. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      TS.isParenthesizedExpression(current) ||
      TS.isAsExpression(current) ||
      TS.isNonNullExpression(current) ||
      TS.isSatisfiesExpression(current) ||
      TS.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The parent of `node`, skipping the wrappers `unwrap` strips. */
export function outerParent(node: ts.Node): { parent: ts.Node | undefined; child: ts.Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (TS.isParenthesizedExpression(parent) ||
      TS.isAsExpression(parent) ||
      TS.isNonNullExpression(parent) ||
      TS.isSatisfiesExpression(parent) ||
      TS.isTypeAssertionExpression(parent))
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** A property or member name as text: `foo`, `"foo"`, `#foo`, `[Symbol.dispose]` → `Symbol.dispose`. */
export function propertyNameText(name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  if (!name) return undefined;
  if (TS.isIdentifier(name) || TS.isPrivateIdentifier(name)) return name.text;
  if (TS.isStringLiteral(name) || TS.isNumericLiteral(name) || TS.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (TS.isComputedPropertyName(name)) {
    const expression = unwrap(name.expression);
    if (TS.isPropertyAccessExpression(expression) && TS.isIdentifier(expression.expression)) {
      return `${expression.expression.text}.${expression.name.text}`;
    }
    if (TS.isStringLiteral(expression)) return expression.text;
  }
  return undefined;
}

/** The member name a call or access uses: `a.b` → `b`, `a["b"]` → `b`, `a[Symbol.dispose]` → `Symbol.dispose`. */
export function accessName(node: ts.Expression): string | undefined {
  if (TS.isPropertyAccessExpression(node)) return node.name.text;
  if (TS.isElementAccessExpression(node)) {
    const argument = unwrap(node.argumentExpression);
    if (TS.isStringLiteral(argument) || TS.isNoSubstitutionTemplateLiteral(argument)) return argument.text;
    if (TS.isPropertyAccessExpression(argument) && TS.isIdentifier(argument.expression)) {
      return `${argument.expression.text}.${argument.name.text}`;
    }
  }
  return undefined;
}

/** `a.b` and `a["b"]` alike: the object of a member access. */
export function accessObject(node: ts.Expression): ts.Expression | undefined {
  if (TS.isPropertyAccessExpression(node) || TS.isElementAccessExpression(node)) return node.expression;
  return undefined;
}

/** `this.x` (or `this["x"]`): the member name. */
export function thisMember(node: ts.Expression): string | undefined {
  const inner = unwrap(node);
  const object = accessObject(inner);
  if (!object || unwrap(object).kind !== TS.SyntaxKind.ThisKeyword) return undefined;
  return accessName(inner);
}

/** A dotted path of identifiers and `this`: `window`, `document.body`, `this.bus`; undefined otherwise. */
export function dottedPath(node: ts.Expression): string | undefined {
  const inner = unwrap(node);
  if (TS.isIdentifier(inner)) return inner.text;
  if (inner.kind === TS.SyntaxKind.ThisKeyword) return "this";
  if (TS.isPropertyAccessExpression(inner)) {
    const head = dottedPath(inner.expression);
    return head === undefined ? undefined : `${head}.${inner.name.text}`;
  }
  return undefined;
}

/** The leftmost identifier of a member chain: `a` for `a.b.c`. */
export function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let current = unwrap(node);
  for (;;) {
    if (TS.isIdentifier(current)) return current;
    const object = accessObject(current);
    if (!object) return undefined;
    current = unwrap(object);
  }
}

/** The name a function is known by: its own name, the variable, property or method it is assigned to. */
export function functionName(fn: FunctionLike): string | undefined {
  if (TS.isConstructorDeclaration(fn)) return "constructor";
  if ((TS.isFunctionDeclaration(fn) || TS.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  if (TS.isMethodDeclaration(fn) || TS.isGetAccessorDeclaration(fn) || TS.isSetAccessorDeclaration(fn)) {
    return propertyNameText(fn.name);
  }
  const { parent } = outerParent(fn);
  if (!parent) return undefined;
  if (TS.isVariableDeclaration(parent) && TS.isIdentifier(parent.name)) return parent.name.text;
  if (TS.isPropertyAssignment(parent) || TS.isPropertyDeclaration(parent)) return propertyNameText(parent.name);
  // `const useX = memo(function ...)` and `forwardRef(...)`: the wrapper's variable names the component.
  if (TS.isCallExpression(parent)) {
    const holder = outerParent(parent).parent;
    if (holder && TS.isVariableDeclaration(holder) && TS.isIdentifier(holder.name)) return holder.name.text;
  }
  return undefined;
}

export function isPascalCase(name: string | undefined): boolean {
  return !!name && /^[A-Z][A-Za-z0-9]*$/.test(name) && /[a-z]/.test(name);
}

export function isHookName(name: string | undefined): boolean {
  return !!name && /^use[A-Z0-9]/.test(name);
}

/** The innermost function around `node` (not `node` itself). */
export function enclosingFunction(node: ts.Node): FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) return current;
  }
  return undefined;
}

export function enclosingClass(node: ts.Node): ClassLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isClassLike(current)) return current;
  }
  return undefined;
}

/** Every `return` value of `fn` (the body itself for an expression-bodied arrow), not looking into nested functions. */
export function returnedValues(fn: FunctionLike): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!TS.isBlock(body)) return [body];
  const values: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) || isClassLike(node)) return;
    if (TS.isReturnStatement(node)) {
      if (node.expression) values.push(node.expression);
      return;
    }
    TS.forEachChild(node, visit);
  };
  TS.forEachChild(body, visit);
  return values;
}

/** Visits every node under `root` (not `root`); `visit` returning `false` skips that node's children. */
export function walk(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const step = (node: ts.Node): void => {
    if (visit(node) === false) return;
    TS.forEachChild(node, step);
  };
  TS.forEachChild(root, step);
}

/** Names declared directly by a binding name (`a`, `{ a, b: [c] }`). */
export function boundNames(name: ts.BindingName, out: string[] = []): string[] {
  if (TS.isIdentifier(name)) out.push(name.text);
  else {
    for (const element of name.elements) {
      if (TS.isBindingElement(element)) boundNames(element.name, out);
    }
  }
  return out;
}

/**
 * Whether `name`, used at `node`, is declared by something between `node` and `stop`
 * (a parameter, a local variable, function or class of an enclosing block): then it is not
 * the binding of `stop`'s scope with the same name.
 */
export function isShadowed(node: ts.Node, name: string, stop: ts.Node | undefined): boolean {
  for (let current = node.parent; current && current !== stop; current = current.parent) {
    if (isFunctionLike(current)) {
      for (const param of current.parameters) if (boundNames(param.name).includes(name)) return true;
      // A named function expression sees its own name.
      if (TS.isFunctionExpression(current) && current.name?.text === name) return true;
    }
    if (TS.isCatchClause(current) && current.variableDeclaration && boundNames(current.variableDeclaration.name).includes(name)) {
      return true;
    }
    if (
      (TS.isForStatement(current) || TS.isForOfStatement(current) || TS.isForInStatement(current)) &&
      current.initializer &&
      TS.isVariableDeclarationList(current.initializer) &&
      current.initializer.declarations.some((d) => boundNames(d.name).includes(name))
    ) {
      return true;
    }
    if (TS.isSourceFile(current)) return false;
    if (TS.isBlock(current) || TS.isModuleBlock(current) || TS.isCaseClause(current)) {
      for (const statement of current.statements) {
        if (declaresName(statement, name)) return true;
      }
    }
  }
  return false;
}

function declaresName(statement: ts.Statement, name: string): boolean {
  if (TS.isVariableStatement(statement)) {
    return statement.declarationList.declarations.some((d) => boundNames(d.name).includes(name));
  }
  if ((TS.isFunctionDeclaration(statement) || TS.isClassDeclaration(statement)) && statement.name?.text === name) return true;
  return false;
}

/** 1-based line and column of `node`'s start. */
export function position(node: ts.Node): { line: number; column: number } {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { line: line + 1, column: character + 1 };
}

/** 1-based end line and column of `node`. */
export function endPosition(node: ts.Node): { line: number; column: number } {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getEnd());
  return { line: line + 1, column: character + 1 };
}

/** Whether a modifier list holds `export` (and `default`). */
export function exportModifiers(node: ts.Node): { exported: boolean; isDefault: boolean } {
  const modifiers = TS.canHaveModifiers(node) ? (TS.getModifiers(node) ?? []) : [];
  return {
    exported: modifiers.some((m) => m.kind === TS.SyntaxKind.ExportKeyword),
    isDefault: modifiers.some((m) => m.kind === TS.SyntaxKind.DefaultKeyword),
  };
}

/** The text of a short expression for messages (`store.listen`), cut when long. */
export function shortText(node: ts.Node): string {
  const text = node.getText(node.getSourceFile()).replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The callee's own name: `f` for `f()`, `m` for `a.b.m()`. */
export function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = unwrap(node.expression);
  if (TS.isIdentifier(callee)) return callee.text;
  return accessName(callee);
}

/** Whether the expression has JSX in it (not looking into nested functions). */
export function containsJsx(fn: FunctionLike): boolean {
  let found = false;
  if (fn.body) {
    walk(fn.body, (node) => {
      if (found) return false;
      if (isFunctionLike(node)) return false;
      if (TS.isJsxElement(node) || TS.isJsxSelfClosingElement(node) || TS.isJsxFragment(node)) found = true;
      return !found;
    });
  }
  return found;
}

/** Whether `fn`'s own body calls a hook (`useX(...)`). */
export function callsHook(fn: FunctionLike): boolean {
  let found = false;
  if (fn.body) {
    walk(fn.body, (node) => {
      if (found || isFunctionLike(node)) return false;
      if (TS.isCallExpression(node)) {
        const name = calleeName(node);
        if (isHookName(name)) found = true;
      }
      return !found;
    });
  }
  return found;
}
