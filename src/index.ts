import { createRequire } from "node:module";
import type { ESLint, Linter } from "eslint";
import { buildConfigs, type PresetName } from "./configs/index.js";
import { rules } from "./rules/index.js";

// Read at load time so `eslint --cache` sees a new version after an upgrade.
const pkg = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

/** A rule as the installed ESLint's own types describe one (ESLint 9 and 10 differ). */
type EslintRule = NonNullable<ESLint.Plugin["rules"]>[string];

/**
 * The public type of the plugin. The configs use `Linter.Config` from the user's own
 * `eslint` (a peer dependency), so `defineConfig()`, `plugins: { leakproof }` and
 * `Linter.Config[]` type-check against whichever major is installed. Each rule is
 * both the typescript-eslint rule it is built as (for RuleTester and tooling) and an
 * ESLint rule, which the object also is at run time.
 */
interface LeakproofPlugin {
  meta: { name: string; namespace: string; version: string };
  rules: { [Name in keyof typeof rules]: (typeof rules)[Name] & EslintRule };
  configs: Record<PresetName, Linter.Config>;
}

const plugin: LeakproofPlugin = {
  meta: { name: pkg.name, namespace: "leakproof", version: pkg.version },
  rules: rules as LeakproofPlugin["rules"],
  // Filled in below: each preset registers this very object under `leakproof`.
  configs: {} as LeakproofPlugin["configs"],
};
plugin.configs = buildConfigs(plugin, rules);

export default plugin;
