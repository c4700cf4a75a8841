import type { TSESLint } from "@typescript-eslint/utils";
import type { LeakproofDocs } from "../util/create-rule.js";

type AnyRule = { meta: { docs?: LeakproofDocs } };
type RuleEntry = "error" | ["error", ...unknown[]];
type RuleEntries = Record<string, RuleEntry>;

/**
 * Derives the preset rule maps from each rule's `meta.docs.preset`, so a rule's
 * membership is declared once, next to the rule (a test checks the result).
 */
export function presetRules(
  rules: Record<string, AnyRule>,
  preset: "recommended" | "strict" | "all",
): RuleEntries {
  const entries: RuleEntries = {};
  for (const [name, rule] of Object.entries(rules)) {
    const ruleset = rule.meta.docs?.preset;
    const included =
      preset === "all" ||
      (preset === "strict" && ruleset !== false) ||
      (preset === "recommended" && ruleset === "recommended");
    if (!included) continue;
    const strictOptions = rule.meta.docs?.strictOptions;
    entries[`leakproof/${name}`] =
      preset !== "recommended" && strictOptions?.length ? ["error", ...strictOptions] : "error";
  }
  return entries;
}

export function buildConfigs(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Record<string, AnyRule>,
): Record<"recommended" | "strict" | "all", TSESLint.FlatConfig.Config> {
  const make = (preset: "recommended" | "strict" | "all"): TSESLint.FlatConfig.Config => ({
    name: `leakproof/${preset}`,
    plugins: { leakproof: plugin },
    rules: presetRules(rules, preset),
  });
  return { recommended: make("recommended"), strict: make("strict"), all: make("all") };
}
