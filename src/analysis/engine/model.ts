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

/**
 * One fact a leak is made of, and whether the engine proved it. `because` names the reason in
 * a word or two (`global target`, `effect`, `released elsewhere`), for tests and debugging.
 */
export interface Proof {
  proven: boolean;
  because: string;
}

/**
 * A finding is a chain of three facts (ARCHITECTURE.md, "Evidence, not absence"): the holder
 * outlives the owner, the owner ends or repeats, and no release can run. Unknown is no evidence.
 */
export interface Evidence {
  holder: Proof;
  owner: Proof;
  release: Proof;
}

/**
 * `proven`: all three facts proven; reported by `recommended`. `probable`: at least one only
 * likely; reported by `strict` (the `reportProbable` option).
 */
export type Grade = "proven" | "probable";

export interface Finding {
  kind: ResourceKind;
  messageId: string;
  node: Node;
  data: Record<string, string>;
  suggest?: SuggestionSpec[];
  evidence: Evidence;
}

export function proven(because: string): Proof {
  return { proven: true, because };
}

export function likely(because: string): Proof {
  return { proven: false, because };
}

export function gradeOf(evidence: Evidence): Grade {
  return evidence.holder.proven && evidence.owner.proven && evidence.release.proven ? "proven" : "probable";
}

export interface EngineOptions {
  /** Extra method names that end a plain class's life. */
  teardownMethods?: readonly string[];
  /** `settings.leakproof` from the user's config (validated where it is read). */
  settings?: unknown;
  /** The linted file's name (application roots are recognised by it). */
  filename?: string;
}

/** A release call, indexed by the key of the thing it releases. */
export interface Release {
  call: TSESTree.CallExpression;
  name: string;
  /**
   * Made by a helper the file defines, counted at the helper's call site (`call`):
   * `unbind(this.el)` where `unbind(el)` calls `el.removeEventListener(...)`. Its call's
   * arguments are the helper's, not the release's.
   */
  derived?: true;
}
