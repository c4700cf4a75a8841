/**
 * Suggestion builders shared by the families.
 */
import { AST_NODE_TYPES as T, type TSESLint } from "@typescript-eslint/utils";
import { type FunctionNode, returnedValues } from "../../ast/index.js";
import type { EngineContext } from "./context.js";
import type { Finding } from "./model.js";

/**
 * A suggestion that adds `return () => <cleanup>` at the end of an effect setup that
 * has no cleanup yet. Only offered when the setup body is a block with no `return`,
 * so the result is always valid and changes nothing but the cleanup.
 */
export function appendCleanupSuggestion(
  ctx: EngineContext,
  setup: FunctionNode,
  cleanupStatement: string,
  messageId: string,
  data: Record<string, string>,
  extra?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix,
): Finding["suggest"] {
  if (setup.body.type !== T.BlockStatement || returnedValues(setup).length > 0) return undefined;
  // Vue, Solid, Angular setups ignore what their callback returns.
  const owner = ctx.lifecycles.effectOwner(setup);
  if (owner?.type === "effect" && owner.returnsCleanup === false) return undefined;
  const last = setup.body.body[setup.body.body.length - 1];
  if (!last) return undefined;
  const indent = " ".repeat(last.loc.start.column);
  return [
    {
      messageId,
      data,
      fix: (fixer) => {
        const fixes = [fixer.insertTextAfter(last, `\n${indent}return () => {\n${indent}  ${cleanupStatement}\n${indent}};`)];
        if (extra) fixes.unshift(extra(fixer));
        return fixes;
      },
    },
  ];
}

