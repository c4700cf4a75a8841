/**
 * The cross-file index: one pass over each file's top-level statements records what it
 * imports, exports and declares; `resolve*` then follows imports, re-exports, barrels
 * (`export *`) and namespace imports to the declaration a name denotes. Module specifiers
 * are resolved once per (file, specifier) with the compiler's own resolver, so `paths`,
 * `baseUrl`, `.js` suffixes on `.ts` files and package `exports` behave as in `tsc`; a
 * monorepo's own packages are found through their package.json even when node_modules is
 * missing.
 *
 * No type checker is involved: the audit must stay linear in project size.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ts } from "ts-morph";
import {
  type ClassLike,
  type FunctionLike,
  TS,
  boundNames,
  exportModifiers,
  isClassLike,
  isFunctionLike,
  isShadowed,
  unwrap,
} from "./syntax.js";

/** What a local name of a module is bound to by an import. */
export interface ImportBinding {
  specifier: string;
  /** Absolute path of a project file, or undefined for a package or an unresolved path. */
  module: string | undefined;
  /** The imported name: `default`, `*` for a namespace import, or the named export. */
  name: string;
  node: ts.Node;
}

/** A top-level declaration of a module. */
export type Declaration =
  | { kind: "function"; name: string; node: FunctionLike; module: ModuleInfo }
  | { kind: "class"; name: string; node: ClassLike; module: ModuleInfo }
  | { kind: "variable"; name: string; node: ts.VariableDeclaration; init: ts.Expression | undefined; module: ModuleInfo; isConst: boolean };

/** What a name resolves to across modules. */
export type Target = Declaration | { kind: "namespace"; module: ModuleInfo } | { kind: "external"; specifier: string; name: string };

type ExportEntry = { local: string } | { from: string | undefined; specifier: string; name: string } | { expression: ts.Expression };

export interface ModuleInfo {
  file: string;
  /** Path relative to the project root, with forward slashes. */
  relative: string;
  source: ts.SourceFile;
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportEntry>;
  starExports: Array<{ from: string | undefined; specifier: string }>;
  locals: Map<string, Declaration>;
  /** Modules this one imports from (project files only). */
  dependencies: Set<string>;
  /** What each top-level name resolves to, computed on first use. */
  resolved: Map<string, Target | null>;
  /** `module.exports = value`: what `require()` of this module returns is that value. */
  commonJsValue: boolean;
}

export interface ProjectIndex {
  root: string;
  modules: Map<string, ModuleInfo>;
  /** Modules no project file imports: entry points (their exports are the public API). */
  entries: Set<string>;
}

type Resolver = (specifier: string, containingFile: string) => string | undefined;

/** Builds the index for `sources` (compiler source files) with `resolveModule` for specifiers. */
export function buildIndex(root: string, sources: readonly ts.SourceFile[], resolveModule: Resolver): ProjectIndex {
  const modules = new Map<string, ModuleInfo>();
  for (const source of sources) {
    const file = path.resolve(source.fileName);
    modules.set(file, {
      file,
      relative: path.relative(root, file).split(path.sep).join("/"),
      source,
      imports: new Map(),
      exports: new Map(),
      starExports: [],
      locals: new Map(),
      dependencies: new Set(),
      resolved: new Map(),
      commonJsValue: false,
    });
  }
  const workspace = new WorkspacePackages(modules);
  const cache = new Map<string, string | undefined>();
  const resolve = (specifier: string, from: string): string | undefined => {
    const key = `${path.dirname(from)}\0${specifier}`;
    if (cache.has(key)) return cache.get(key);
    let resolved = resolveModule(specifier, from);
    if (resolved) resolved = path.resolve(resolved);
    if (!resolved || !modules.has(resolved)) resolved = workspace.resolve(specifier) ?? (resolved && modules.has(resolved) ? resolved : undefined);
    cache.set(key, resolved);
    return resolved;
  };
  for (const info of modules.values()) indexModule(info, (specifier) => resolve(specifier, info.file));

  const imported = new Set<string>();
  for (const info of modules.values()) for (const dependency of info.dependencies) imported.add(dependency);
  const entries = new Set([...modules.keys()].filter((file) => !imported.has(file)));
  // A package's own entry is public even when sibling packages of the monorepo import it.
  for (const entry of workspace.entries()) entries.add(entry);
  return { root, modules, entries };
}

function indexModule(info: ModuleInfo, resolve: (specifier: string) => string | undefined): void {
  const link = (specifier: string): string | undefined => {
    const module = resolve(specifier);
    if (module && module !== info.file) info.dependencies.add(module);
    return module;
  };
  for (const statement of info.source.statements) {
    if (TS.isImportDeclaration(statement) && TS.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const specifier = statement.moduleSpecifier.text;
      const module = link(specifier);
      if (!clause) continue;
      if (clause.name) info.imports.set(clause.name.text, { specifier, module, name: "default", node: clause.name });
      const bindings = clause.namedBindings;
      if (bindings && TS.isNamespaceImport(bindings)) {
        info.imports.set(bindings.name.text, { specifier, module, name: "*", node: bindings.name });
      } else if (bindings) {
        for (const element of bindings.elements) {
          const name = (element.propertyName ?? element.name).text;
          info.imports.set(element.name.text, { specifier, module, name, node: element.name });
        }
      }
    } else if (TS.isImportEqualsDeclaration(statement)) {
      const reference = statement.moduleReference;
      if (TS.isExternalModuleReference(reference) && TS.isStringLiteral(reference.expression)) {
        const specifier = reference.expression.text;
        info.imports.set(statement.name.text, { specifier, module: link(specifier), name: "*", node: statement.name });
      }
    } else if (TS.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && TS.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const from = specifier === undefined ? undefined : link(specifier);
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier !== undefined) info.starExports.push({ from, specifier });
      } else if (TS.isNamespaceExport(clause)) {
        if (specifier !== undefined) info.exports.set(clause.name.text, { from, specifier, name: "*" });
      } else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          const exported = element.name.text;
          info.exports.set(exported, specifier === undefined ? { local } : { from, specifier, name: local });
        }
      }
    } else if (TS.isExportAssignment(statement)) {
      const expression = unwrap(statement.expression);
      info.exports.set("default", TS.isIdentifier(expression) ? { local: expression.text } : { expression: statement.expression });
    } else if (TS.isFunctionDeclaration(statement) || TS.isClassDeclaration(statement)) {
      const { exported, isDefault } = exportModifiers(statement);
      const name = statement.name?.text;
      if (name) {
        info.locals.set(
          name,
          TS.isFunctionDeclaration(statement)
            ? { kind: "function", name, node: statement, module: info }
            : { kind: "class", name, node: statement, module: info },
        );
      }
      if (exported) {
        if (isDefault) info.exports.set("default", name ? { local: name } : { expression: statement as unknown as ts.Expression });
        else if (name) info.exports.set(name, { local: name });
      }
    } else if (TS.isVariableStatement(statement)) {
      const { exported } = exportModifiers(statement);
      const isConst = (statement.declarationList.flags & TS.NodeFlags.Const) !== 0;
      for (const declaration of statement.declarationList.declarations) {
        if (indexRequire(info, declaration, link)) continue;
        const names = boundNames(declaration.name);
        for (const name of names) {
          const init = TS.isIdentifier(declaration.name) ? declaration.initializer : undefined;
          const value = init ? unwrap(init) : undefined;
          let entry: Declaration;
          if (value && (TS.isArrowFunction(value) || TS.isFunctionExpression(value))) {
            entry = { kind: "function", name, node: value, module: info };
          } else if (value && TS.isClassExpression(value)) {
            entry = { kind: "class", name, node: value, module: info };
          } else {
            entry = { kind: "variable", name, node: declaration, init, module: info, isConst };
          }
          info.locals.set(name, entry);
          if (exported) info.exports.set(name, { local: name });
        }
      }
    } else if (TS.isExpressionStatement(statement)) {
      indexCommonJsExport(info, statement.expression);
    }
  }
}

/** `const lib = require("./lib")` and `const { a, b: c } = require("./lib")` at the top level of a JavaScript file. */
function indexRequire(info: ModuleInfo, declaration: ts.VariableDeclaration, link: (specifier: string) => string | undefined): boolean {
  const init = declaration.initializer ? unwrap(declaration.initializer) : undefined;
  if (!init || !TS.isCallExpression(init) || !TS.isIdentifier(init.expression) || init.expression.text !== "require") return false;
  const [argument] = init.arguments;
  if (!argument || !TS.isStringLiteralLike(argument)) return false;
  const specifier = argument.text;
  const module = link(specifier);
  if (TS.isIdentifier(declaration.name)) {
    info.imports.set(declaration.name.text, { specifier, module, name: REQUIRED, node: declaration.name });
    return true;
  }
  if (TS.isObjectBindingPattern(declaration.name)) {
    for (const element of declaration.name.elements) {
      if (!TS.isIdentifier(element.name)) continue;
      const imported = element.propertyName && TS.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      info.imports.set(element.name.text, { specifier, module, name: imported, node: element.name });
    }
    return true;
  }
  return false;
}

/** The import name of a whole `require()` result. */
const REQUIRED = "module.exports";

/** `module.exports = x`, `module.exports.name = x` and `exports.name = x` in JavaScript files. */
function indexCommonJsExport(info: ModuleInfo, expression: ts.Expression): void {
  if (!TS.isBinaryExpression(expression) || expression.operatorToken.kind !== TS.SyntaxKind.EqualsToken) return;
  const left = unwrap(expression.left);
  const right = unwrap(expression.right);
  const text = TS.isPropertyAccessExpression(left) ? left.getText(info.source) : "";
  let name: string | undefined;
  if (text === "module.exports") {
    name = "default";
    info.commonJsValue = !TS.isObjectLiteralExpression(right);
  }
  else if (/^(module\.)?exports\.[\w$]+$/.test(text) && TS.isPropertyAccessExpression(left)) name = left.name.text;
  if (!name) return;
  if (name === "default" && TS.isObjectLiteralExpression(right)) {
    for (const property of right.properties) {
      if (TS.isShorthandPropertyAssignment(property)) info.exports.set(property.name.text, { local: property.name.text });
      else if (TS.isPropertyAssignment(property) && TS.isIdentifier(property.name) && TS.isIdentifier(unwrap(property.initializer))) {
        info.exports.set(property.name.text, { local: (unwrap(property.initializer) as ts.Identifier).text });
      }
    }
  }
  info.exports.set(name, TS.isIdentifier(right) ? { local: right.text } : { expression: right });
}

/**
 * Packages of a monorepo, by name, from the package.json nearest to each project file: a
 * bare import of a sibling package resolves to its source entry even when node_modules
 * (with the workspace links) is not installed.
 */
class WorkspacePackages {
  private readonly byName = new Map<string, string>();
  private readonly dirCache = new Map<string, string | undefined>();

  constructor(private readonly modules: Map<string, ModuleInfo>) {
    for (const file of modules.keys()) {
      const dir = this.packageDir(path.dirname(file));
      if (!dir || this.byName.has(dir)) continue;
      try {
        const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown };
        if (typeof pkg.name === "string" && !this.byName.has(pkg.name)) this.byName.set(pkg.name, dir);
      } catch {
        // an unreadable package.json names no package
      }
    }
  }

  private packageDir(dir: string): string | undefined {
    if (this.dirCache.has(dir)) return this.dirCache.get(dir);
    const parent = path.dirname(dir);
    const found = existsSync(path.join(dir, "package.json")) ? dir : parent === dir ? undefined : this.packageDir(parent);
    this.dirCache.set(dir, found);
    return found;
  }

  /** The source entry of every package of the project. */
  entries(): string[] {
    return [...this.byName.keys()].flatMap((name) => this.resolve(name) ?? []);
  }

  /** `@scope/pkg` or `@scope/pkg/sub` → a project file of that package's sources. */
  resolve(specifier: string): string | undefined {
    if (specifier.startsWith(".") || path.isAbsolute(specifier)) return undefined;
    const parts = specifier.split("/");
    const nameLength = specifier.startsWith("@") ? 2 : 1;
    const dir = this.byName.get(parts.slice(0, nameLength).join("/"));
    if (!dir) return undefined;
    const sub = parts.slice(nameLength).join("/");
    const stems = sub ? [path.join(dir, "src", sub), path.join(dir, sub)] : [path.join(dir, "src", "index"), path.join(dir, "index")];
    for (const stem of stems) {
      for (const suffix of [".ts", ".tsx", ".mts", ".js", ".jsx", ".mjs", "/index.ts", "/index.tsx", "/index.js"]) {
        const candidate = stem + suffix;
        if (this.modules.has(candidate)) return candidate;
      }
    }
    return undefined;
  }
}

const MAX_DEPTH = 16;

/** What `name`, bound at the top of `module`, denotes (following imports). */
export function resolveLocal(index: ProjectIndex, module: ModuleInfo, name: string, depth = 0): Target | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const local = module.locals.get(name);
  if (local) return followAlias(index, local, depth);
  const binding = module.imports.get(name);
  if (!binding) return undefined;
  const target = binding.module ? index.modules.get(binding.module) : undefined;
  if (!target) return { kind: "external", specifier: binding.specifier, name: binding.name };
  if (binding.name === "*") return { kind: "namespace", module: target };
  if (binding.name === REQUIRED) {
    // `require()` returns the assigned value (`module.exports = Poller`) or the exports object.
    return target.commonJsValue ? resolveExport(index, target, "default", depth + 1) : { kind: "namespace", module: target };
  }
  return resolveExport(index, target, binding.name, depth + 1);
}

/** What the export `name` of `module` denotes, through re-exports and `export *`. */
export function resolveExport(index: ProjectIndex, module: ModuleInfo, name: string, depth = 0, seen = new Set<string>()): Target | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const key = `${module.file}\0${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const entry = module.exports.get(name);
  if (entry) {
    if ("local" in entry) return resolveLocal(index, module, entry.local, depth + 1);
    if ("expression" in entry) return expressionTarget(module, name, entry.expression);
    const from = entry.from ? index.modules.get(entry.from) : undefined;
    if (!from) return { kind: "external", specifier: entry.specifier, name: entry.name };
    if (entry.name === "*") return { kind: "namespace", module: from };
    return resolveExport(index, from, entry.name, depth + 1, seen);
  }
  if (name === "default") return undefined;
  for (const star of module.starExports) {
    const from = star.from ? index.modules.get(star.from) : undefined;
    if (!from) continue;
    const found = resolveExport(index, from, name, depth + 1, seen);
    if (found) return found;
  }
  return undefined;
}

/** `export default <expression>`: a function, a class, or a value. */
function expressionTarget(module: ModuleInfo, name: string, expression: ts.Expression): Target | undefined {
  const value = unwrap(expression);
  // `export default function () {}` is indexed with the declaration standing in for the expression.
  if (isFunctionLike(value)) return { kind: "function", name, node: value, module };
  if (isClassLike(value)) return { kind: "class", name, node: value, module };
  const holder = expression.parent;
  if (holder && TS.isVariableDeclaration(holder)) return { kind: "variable", name, node: holder, init: expression, module, isConst: true };
  return { kind: "variable", name, node: fakeDeclaration(expression), init: expression, module, isConst: true };
}

/** `export default new Store()` has no variable declaration; the expression stands in for it. */
function fakeDeclaration(expression: ts.Expression): ts.VariableDeclaration {
  return expression as unknown as ts.VariableDeclaration;
}

/** `const alias = imported;` at the top level resolves like `imported`. */
function followAlias(index: ProjectIndex, declaration: Declaration, depth: number): Target | undefined {
  if (declaration.kind !== "variable" || !declaration.isConst || !declaration.init) return declaration;
  const value = unwrap(declaration.init);
  if (TS.isIdentifier(value) && value.text !== declaration.name) {
    return resolveLocal(index, declaration.module, value.text, depth + 1) ?? declaration;
  }
  return declaration;
}

/**
 * The target an expression denotes at the top of `module`'s scope: an identifier bound at
 * the top level, or `ns.name` on a namespace import. `undefined` for anything local.
 * `wanted` filters targets before the (costlier) check that no local binding hides the name.
 */
export function resolveExpression(
  index: ProjectIndex,
  module: ModuleInfo,
  expression: ts.Expression,
  wanted?: (target: Target) => boolean,
): Target | undefined {
  const value = unwrap(expression);
  if (TS.isIdentifier(value)) {
    const name = value.text;
    if (!module.locals.has(name) && !module.imports.has(name)) return undefined;
    let target = module.resolved.get(name);
    if (target === undefined) {
      target = resolveLocal(index, module, name) ?? null;
      module.resolved.set(name, target);
    }
    if (!target || (wanted && !wanted(target))) return undefined;
    // A parameter or local of the same name hides the top-level binding.
    if (isShadowed(value, name, module.source)) return undefined;
    return target;
  }
  if (TS.isPropertyAccessExpression(value)) {
    const object = resolveExpression(index, module, value.expression, (target) => target.kind === "namespace");
    if (object?.kind === "namespace") {
      const target = resolveExport(index, object.module, value.name.text);
      return target && (!wanted || wanted(target)) ? target : undefined;
    }
  }
  return undefined;
}
