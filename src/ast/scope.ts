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

export class Scopes {
  constructor(protected readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** The variable an identifier refers to, or undefined for a global (declared nowhere in the file). */
  variable(node: TSESTree.Identifier | TSESTree.JSXIdentifier): Variable | undefined {
    let scope: Scope | null = this.sourceCode.getScope(node);
    while (scope) {
      const found = scope.set.get(node.name);
      if (found) return found.defs.length > 0 ? found : undefined;
      scope = scope.upper;
    }
    return undefined;
  }

  /**
   * Whether `name`, seen at `node`, is the global of that name: nothing in the file
   * declares it. Decided from the scope manager, not from the user's `globals` config.
   */
  isGlobal(node: Node, name: string): boolean {
    let scope: Scope | null = this.sourceCode.getScope(node);
    while (scope) {
      const found = scope.set.get(name);
      if (found) return found.defs.length === 0;
      scope = scope.upper;
    }
    return true;
  }
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

function stripNodePrefix(source: string): string {
  return source.startsWith("node:") ? source.slice(5) : source;
}
