import type { TSESLint } from "@typescript-eslint/utils";
import { type EngineOptions, analyze } from "../analysis/engine.js";
import type { ResourceKind } from "../resources/catalogue.js";

/** Shared option: extra names of methods that end a plain class's life. */
export const teardownSchema = {
  type: "array",
  description:
    "Extra method names that end a plain class's life (added to dispose, destroy, close, stop, disconnect, cleanup, teardown, unmount, [Symbol.dispose], [Symbol.asyncDispose]).",
  items: { type: "string", minLength: 1 },
  uniqueItems: true,
} as const;

export interface CommonOptions {
  teardownMethods?: string[];
}

/**
 * Reports the engine's findings of one kind. The engine chose the message and its
 * data; the rule only declares the wording, so every rule stays a thin filter.
 */
export function reportFindings<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  kind: ResourceKind,
  options: EngineOptions,
): void {
  for (const finding of analyze(context.sourceCode, options).findings) {
    if (finding.kind !== kind) continue;
    context.report({
      node: finding.node,
      messageId: finding.messageId as MessageIds,
      data: finding.data,
      suggest: finding.suggest?.map((suggestion) => ({
        messageId: suggestion.messageId as MessageIds,
        data: suggestion.data,
        fix: suggestion.fix,
      })),
    });
  }
}
