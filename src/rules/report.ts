import type { TSESLint } from "@typescript-eslint/utils";
import { analyze } from "../analysis/index.js";
import type { ResourceKind } from "../resources/catalogue.js";

/** Shared option: extra names of methods that end a plain class's life. */
export const teardownSchema = {
  type: "array",
  description:
    "Extra method names that end a plain class's life (added to dispose, destroy, close, stop, disconnect, cleanup, teardown, unmount, [Symbol.dispose], [Symbol.asyncDispose]).",
  items: { type: "string", minLength: 1 },
  uniqueItems: true,
} as const;

/** Shared option: also report releases that exist but miss the owner's end. */
export const releasedElsewhereSchema = {
  type: "boolean",
  description:
    "Also report a resource that is released somewhere, but not when its owner ends (a drag listener removed on pointerup, a timer cleared only on success), and one whose only release cannot be proven to act on it. Off in `recommended`, on in `strict`.",
} as const;

export interface CommonOptions {
  teardownMethods?: string[];
  reportReleasedElsewhere?: boolean;
}

/**
 * Reports the engine's findings of one kind. The engine chose the message and its
 * data; the rule only declares the wording, so every rule stays a thin filter.
 */
export function reportFindings<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  kind: ResourceKind,
  options: CommonOptions,
): void {
  for (const finding of analyze(context.sourceCode, { teardownMethods: options.teardownMethods }).findings) {
    if (finding.kind !== kind) continue;
    // By default only resources with no release at all are reported: a release that exists
    // on another path, or that may be this one, is most often right in real code.
    if (finding.releasedSomewhere && !options.reportReleasedElsewhere) continue;
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
