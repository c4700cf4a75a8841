/**
 * The types every part of the analysis shares: what a finding is, what a release is, and
 * the options that change how a file is read. Nothing here depends on another analysis
 * file, so any file may import it without making a cycle.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Node } from "../../ast/index.js";
import type { ResourceKind } from "../../resources/catalogue.js";

export type Call = TSESTree.CallExpression | TSESTree.NewExpression;

export interface SuggestionSpec {
  messageId: string;
  data?: Record<string, string>;
  fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];
}

export interface Finding {
  kind: ResourceKind;
  messageId: string;
  node: Node;
  data: Record<string, string>;
  suggest?: SuggestionSpec[];
  /**
   * A release exists somewhere in the file that may be this one — on another path than the
   * owner's end (a drag listener removed on pointerup, a timer cleared in a detach handler), or
   * one whose target or handler cannot be proven the same (a loop over the stored targets, a
   * handler read back from a data record). Reported only with `reportReleasedElsewhere`.
   */
  releasedSomewhere?: boolean;
}

export interface EngineOptions {
  /** Extra method names that end a plain class's life. */
  teardownMethods?: readonly string[];
}

/** A release call, indexed by the key of the thing it releases. */
export interface Release {
  call: TSESTree.CallExpression;
  name: string;
}
