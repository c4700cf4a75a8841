/**
 * Scope lookups every layer needs: which variable an identifier denotes, whether a name is
 * the global of that name, and what an import or `require` binds. Decided from the scope
 * manager, never from the user's `globals` configuration.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../util/node-types.js";
import { type Node, unwrap } from "./index.js";

type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;

export class Scopes {
  constructor(protected readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** The variable an identifier refers to, or undefined for a global (declared nowhere in the file). */
  variable(node: TSESTree.Identifier | TSESTree.JSXIdentifier): Variable | undefined {
    const found = this.resolve(node, node.name);
    return found && found.defs.length > 0 ? found : undefined;
  }

  /**
   * Whether `name` is already known to be the global of that name from anywhere in the file
   * (false: not known yet, or not a global). Answered from the small table of names that
   * resolve the same everywhere, without reading any table as large as the file.
   */
  knownGlobal(name: string): boolean {
    const fixed = this.sameEverywhere.get(name);
    return fixed === null || (fixed !== undefined && fixed.defs.length === 0);
  }

  /**
   * Whether `name`, seen at `node`, is the global of that name: nothing in the file
   * declares it. Decided from the scope manager, not from the user's `globals` config.
   */
  isGlobal(node: Node, name: string): boolean {
    const found = this.resolve(node, name);
    return found ? found.defs.length === 0 : true;
  }

  /**
   * The variable `name` denotes at `node`, or null. The innermost scope answers first: most names
   * a rule asks about are declared right there, and each further table is as large as the file
   * in the worst case (issue 12 §2). A name no scope of the file declares resolves to nothing
   * from anywhere, so it never climbs the chain (n distinct globals n scopes deep would).
   */
  private resolve(node: Node, name: string): Variable | null {
    const fixed = this.sameEverywhere.get(name);
    if (fixed !== undefined) return fixed;
    const scope = scopeOf(this.sourceCode, node);
    const own = scope.set.get(name);
    if (own) return own;
    const declared = this.declaredIn(name);
    if (declared === MANY) return this.lookup(scope, name);
    // Declared nowhere, or only in the global scope (a configured global): the same answer from
    // every scope of the file.
    if (this.sameEverywhere.size < SAME_EVERYWHERE_LIMIT) this.sameEverywhere.set(name, declared);
    return declared;
  }

  /**
   * Names that resolve to the same thing from anywhere in the file: nothing (no scope declares
   * them) or a global no scope shadows. The few globals a file uses (`window`, `URL`,
   * `setInterval`) are asked about at nearly every acquisition, and each answer read tables as
   * large as the file (the innermost scope's names, every declared name, each scope's lookups);
   * this one stays small (issue 12 §2): the first `SAME_EVERYWHERE_LIMIT` such names are kept,
   * since a file that uses n distinct undeclared names (`h0` … `h63999`) would otherwise grow
   * it into one more table as large as the file, read and written once per name.
   */
  private readonly sameEverywhere = new Map<string, Variable | null>();

  private readonly writeCache = new WeakMap<Variable, readonly Reference[]>();

  /**
   * The references that write `variable`, its declaration's initialiser included. Kept per
   * variable: analysers ask it once per use of the variable, and scanning every reference each
   * time made a variable used n times cost n² (issue 12 §2).
   */
  writes(variable: Variable): readonly Reference[] {
    let writes = this.writeCache.get(variable);
    if (!writes) {
      writes = variable.references.filter((reference) => reference.isWrite());
      this.writeCache.set(variable, writes);
    }
    return writes;
  }

  /** Whether anything but its declaration's initialiser writes `variable`. */
  reassigned(variable: Variable): boolean {
    return this.writes(variable).some((reference) => !reference.init);
  }

  /**
   * Where `name` is declared: nowhere (null), only in the global scope (that variable), or in
   * some other scope or more than one (`MANY`, also when the scope manager does not list its
   * scopes).
   */
  private declaredIn(name: string): Variable | null | typeof MANY {
    this.declaredNames ??= declaredNames(this.sourceCode);
    if (!this.declaredNames) return MANY;
    return this.declaredNames.get(name) ?? null;
  }

  /** Per name some scope of the file declares, `declaredIn`'s answer (null: the scope manager lists no scopes). */
  private declaredNames: ReadonlyMap<string, Variable | typeof MANY> | null | undefined;

  /** Per scope, per name: the variable the name resolves to from there (null: none). */
  private readonly resolved = new Map<Scope, Map<string, Variable | null>>();

  /**
   * The variable `name` resolves to in `start`, searching outwards. What each scope on the way
   * resolves the name to is kept, so a name looked up again and again a thousand scopes deep
   * (`setInterval` in nested callbacks) climbs the chain once, not once per use.
   */
  private lookup(start: Scope, name: string): Variable | null {
    // Callers have ruled out names no scope declares (`declaredIn`): n distinct globals used
    // n scopes deep would each climb the whole chain.
    const path: Scope[] = [];
    let found: Variable | null | undefined;
    for (let scope: Scope | null = start; scope; scope = scope.upper) {
      // A scope's own names are answered by its own small table: nothing to keep for it.
      const own = scope.set.get(name);
      if (own) {
        found = own;
        break;
      }
      const known = this.resolved.get(scope)?.get(name);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(scope);
    }
    const result = found ?? null;
    for (const scope of path) {
      let byName = this.resolved.get(scope);
      if (!byName) {
        byName = new Map();
        this.resolved.set(scope, byName);
      }
      byName.set(name, result);
    }
    return result;
  }
}

/**
 * Node types to which no scope manager attaches a scope (eslint-scope, typescript-eslint's,
 * and the Vue and Svelte parsers' attach theirs to functions, classes, blocks, loops, `switch`,
 * `catch`, `with`, modules, type declarations and template blocks), except as the value of a
 * class field, whose initialiser is a scope of its own.
 */
const SCOPELESS: ReadonlySet<string> = new Set<string>([
  T.Identifier, T.PrivateIdentifier, T.ThisExpression, T.Super, T.Literal, T.TemplateLiteral, T.TaggedTemplateExpression,
  T.MemberExpression, T.CallExpression, T.NewExpression, T.ChainExpression, T.ImportExpression,
  T.AssignmentExpression, T.BinaryExpression, T.LogicalExpression, T.UnaryExpression, T.UpdateExpression,
  T.ConditionalExpression, T.SequenceExpression, T.AwaitExpression, T.YieldExpression, T.SpreadElement,
  T.ObjectExpression, T.ArrayExpression, T.Property, T.TSAsExpression, T.TSSatisfiesExpression,
  T.TSNonNullExpression, T.TSTypeAssertion, T.ExpressionStatement, T.ReturnStatement, T.ThrowStatement,
  T.IfStatement, T.VariableDeclaration, T.VariableDeclarator,
]);

/** Nodes whose child may be a class field's initialiser (a scope of its own). */
const FIELD_HOLDERS: ReadonlySet<string> = new Set<string>([T.PropertyDefinition, T.AccessorProperty, T.TSAbstractPropertyDefinition, T.TSAbstractAccessorProperty]);

/**
 * `sourceCode.getScope(node)`, asked of the nearest ancestor that can hold a scope: ESLint
 * climbs from the node itself and keeps an entry per node asked, so asking of each identifier
 * cost a table entry and a climb per identifier; the enclosing block or function is asked of
 * again and again and answers from ESLint's table (issue 12 §2). The answer is the same: a
 * scopeless node's scope is its parent's, except directly under the Program (ESLint answers
 * the Program itself with the global scope, its children with the module scope) and as a
 * class field's value.
 */
export function scopeOf(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Scope {
  let current: Node = node;
  while (SCOPELESS.has(current.type)) {
    const parent: Node | undefined = current.parent;
    if (!parent || parent.type === T.Program || FIELD_HOLDERS.has(parent.type)) break;
    current = parent;
  }
  return sourceCode.getScope(current);
}

/** How many names `sameEverywhere` keeps: more than the globals a file commonly uses. */
const SAME_EVERYWHERE_LIMIT = 512;

/** A name declared in a scope other than the global one, or in more than one. */
const MANY = Symbol("many");

/**
 * The names declared in any scope of the file (globals the configuration or a comment declares
 * included: ESLint adds them to the global scope before rules run), each with its variable when
 * the global scope is the only one that declares it, else `MANY`; null when the scope manager
 * does not list its scopes.
 */
function declaredNames(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlyMap<string, Variable | typeof MANY> | null {
  const scopes = sourceCode.scopeManager?.scopes;
  if (!Array.isArray(scopes)) return null;
  const names = new Map<string, Variable | typeof MANY>();
  for (const scope of scopes) {
    for (const [name, variable] of scope.set) names.set(name, names.has(name) || scope.type !== "global" ? MANY : variable);
  }
  return names;
}

/** What an identifier imports: the module and the imported name (`default`, `*`, or a named export). */
export interface ModuleBinding {
  module: string;
  imported: string;
}

/**
 * Resolves an identifier bound by `import`, `import * as`, `require(...)` or a
 * destructured `require`, so `fs.watch` is known to be Node's only when `fs` really
 * comes from `node:fs`.
 */
export function moduleBinding(scopes: Scopes, node: TSESTree.Identifier): ModuleBinding | undefined {
  const def = scopes.variable(node)?.defs[0];
  if (!def) return undefined;
  if (def.type === "ImportBinding") {
    const declaration = def.parent;
    if (declaration?.type !== T.ImportDeclaration) return undefined;
    const module = stripNodePrefix(String(declaration.source.value));
    if (def.node.type === T.ImportSpecifier) {
      const imported = def.node.imported.type === T.Identifier ? def.node.imported.name : def.node.imported.value;
      return { module, imported };
    }
    return { module, imported: def.node.type === T.ImportDefaultSpecifier ? "default" : "*" };
  }
  if (def.type !== "Variable" || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  if (init.type !== T.CallExpression) return undefined;
  const callee = unwrap(init.callee);
  const [source] = init.arguments;
  if (callee.type !== T.Identifier || callee.name !== "require" || source?.type !== T.Literal || typeof source.value !== "string") {
    return undefined;
  }
  const module = stripNodePrefix(source.value);
  if (def.node.id.type === T.Identifier) return { module, imported: "*" };
  if (def.node.id.type === T.ObjectPattern) {
    for (const property of def.node.id.properties) {
      if (property.type === T.Property && property.value === def.name && property.key.type === T.Identifier) {
        return { module, imported: property.key.name };
      }
    }
  }
  return undefined;
}

/** A module name without its `node:` prefix (`node:fs` and `fs` are one module). */
export function stripNodePrefix(source: string): string {
  return source.startsWith("node:") ? source.slice(5) : source;
}
