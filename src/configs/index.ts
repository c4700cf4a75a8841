import type { TSESLint } from "@typescript-eslint/utils";
import type { LeakproofDocs } from "../util/create-rule.js";

type AnyRule = { meta: { docs?: LeakproofDocs } };
type RuleEntry = "error" | ["error", ...unknown[]];
type RuleEntries = Record<string, RuleEntry>;

export type PresetName = "recommended" | "strict" | "all";

/**
 * Every file type the rules understand. ESLint lints only files that some config's
 * `files` matches (by default `.js`, `.mjs`, `.cjs`), so without this list a preset
 * dropped into a TypeScript, Vue or Svelte project would silently skip most of it.
 *
 * The presets set no parser: parsing stays with the user's own config
 * (typescript-eslint, eslint-plugin-vue, eslint-plugin-svelte, or their parsers), the
 * way rule plugins such as eslint-plugin-react and unicorn leave it. Forcing one here
 * would replace a parser the project chose, with its options, for every file it matches.
 */
export const PRESET_FILES = [
  "**/*.js",
  "**/*.mjs",
  "**/*.cjs",
  "**/*.jsx",
  "**/*.ts",
  "**/*.mts",
  "**/*.cts",
  "**/*.tsx",
  "**/*.vue",
  "**/*.svelte",
] as const;

/**
 * Derives the preset rule maps from each rule's `meta.docs.preset`, so a rule's
 * membership is declared once, next to the rule (a test checks the result).
 */
export function presetRules(rules: Record<string, AnyRule>, preset: PresetName): RuleEntries {
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

/**
 * One flat-config object per preset, named `leakproof/<preset>`. Each is a single
 * object (not an array) so it works the same in a plain array, in `defineConfig()`,
 * spread into the user's own object, and through `extends: ["leakproof/<preset>"]`.
 */
export function buildConfigs(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Record<string, AnyRule>,
): Record<PresetName, TSESLint.FlatConfig.Config> {
  const make = (preset: PresetName): TSESLint.FlatConfig.Config => ({
    name: `leakproof/${preset}`,
    files: [...PRESET_FILES],
    plugins: { leakproof: plugin },
    rules: presetRules(rules, preset),
  });
  return { recommended: make("recommended"), strict: make("strict"), all: make("all") };
}
