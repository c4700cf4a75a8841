import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
import { buildConfigs, type PresetName } from "./configs/index.js";
import { rules } from "./rules/index.js";

// Read at load time so `eslint --cache` sees a new version after an upgrade.
const pkg = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

/**
 * The plugin's shape inside this repository, in typescript-eslint's types: its rules are the
 * rule modules they are built as (what RuleTester and the tests use). ESLint runs them as
 * they are, but its own `Plugin` and `Linter.Config` types do not accept these types, so
 * users get a declaration written against their own `eslint` instead (tsup.config.ts,
 * publicTypes).
 */
interface LeakproofPlugin {
  meta: { name: string; namespace: "leakproof"; version: string };
  rules: typeof rules;
  configs: Record<PresetName, TSESLint.FlatConfig.Config>;
}

const plugin: LeakproofPlugin = {
  meta: { name: pkg.name, namespace: "leakproof", version: pkg.version },
  rules,
  // Filled in below: each preset registers this very object under `leakproof`.
  configs: {} as LeakproofPlugin["configs"],
};
plugin.configs = buildConfigs(plugin, rules);

export default plugin;
