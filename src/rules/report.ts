import type { TSESLint } from "@typescript-eslint/utils";
import { type Finding, analyze, gradeOf } from "../analysis/index.js";
import type { ResourceKind } from "../resources/catalogue.js";

/** Shared option: extra names of methods that end a plain class's life. */
export const teardownSchema = {
  type: "array",
  description:
    "Extra method names that end a plain class's life (added to dispose, destroy, close, stop, disconnect, cleanup, teardown, unmount, detach, [Symbol.dispose], [Symbol.asyncDispose]).",
  items: { type: "string", minLength: 1 },
  uniqueItems: true,
} as const;

/** Shared option: also report probable findings. */
export const probableSchema = {
  type: "boolean",
  description:
    "Also report probable leaks: findings where the engine could not prove all three facts of a leak (the holder outlives the owner, the owner ends or repeats, no release can run) — a target of unknown lifetime, an owner that may live as long as the app, a release on another path or one that may be this one. Off in `recommended`, on in `strict`.",
} as const;

/** Deprecated alias of `reportProbable` (its old, narrower name); kept so existing configs still validate. */
export const releasedElsewhereSchema = {
  type: "boolean",
  description: "Deprecated: use `reportProbable`, which it now means.",
} as const;

export interface CommonOptions {
  teardownMethods?: readonly string[];
  reportProbable?: boolean;
  /** @deprecated Use `reportProbable`. */
  reportReleasedElsewhere?: boolean;
}

/** The option properties every resource rule shares. */
export const commonProperties = {
  teardownMethods: teardownSchema,
  reportProbable: probableSchema,
  reportReleasedElsewhere: releasedElsewhereSchema,
} as const;

/** Whether a rule with these options reports a finding of this grade. */
export function wanted(finding: Pick<Finding, "evidence">, options: Pick<CommonOptions, "reportProbable" | "reportReleasedElsewhere">): boolean {
  return gradeOf(finding.evidence) === "proven" || options.reportProbable === true || options.reportReleasedElsewhere === true;
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** `settings.leakproof` and the file name: what the engine reads besides the rule's own options. */
export function engineInputs(context: AnyContext): { settings: unknown; filename: string } {
  const settings = (context.settings as Record<string, unknown> | undefined)?.["leakproof"];
  return { settings, filename: context.filename };
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
  const { findings } = analyze(context.sourceCode, { teardownMethods: options.teardownMethods, ...engineInputs(context) });
  for (const finding of findings) {
    // `recommended` reports what the engine proved; `strict` (reportProbable) the rest too.
    if (finding.kind !== kind || !wanted(finding, options)) continue;
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
