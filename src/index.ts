import { createRequire } from "node:module";
import type { ESLint, Linter } from "eslint";
import { buildConfigs, type PresetName } from "./configs/index.js";
import { rules } from "./rules/index.js";

// Read at load time so `eslint --cache` sees a new version after an upgrade.
const pkg = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

/** A rule as the installed ESLint's own types describe one (ESLint 9 and 10 differ). */
type EslintRule = NonNullable<ESLint.Plugin["rules"]>[string];

/**
 * The plugin's shape inside this repository. Each rule is both the typescript-eslint rule
 * it is built as (what RuleTester and the tests use) and an ESLint rule, which it also is
 * at run time, so the object passes for an `ESLint.Plugin`. Users see a smaller
 * declaration written against their own `eslint` types (tsup.config.ts, publicTypes).
 */
interface LeakproofPlugin {
  meta: { name: string; namespace: "leakproof"; version: string };
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
