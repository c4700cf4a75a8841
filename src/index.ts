import { createRequire } from "node:module";
import type { ESLint, Linter } from "eslint";
import { buildConfigs, type PresetName } from "./configs/index.js";
import { rules } from "./rules/index.js";

// Read at load time so `eslint --cache` sees a new version after an upgrade.
const pkg = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

/**
 * The plugin's shape inside this repository, where the rules are the typescript-eslint rule
 * modules they are built as (what RuleTester and the tests use). ESLint runs them as they
 * are, but its `Plugin` type does not accept them, so users get a smaller declaration written
 * against their own `eslint` types instead (tsup.config.ts, publicTypes).
 */
interface LeakproofPlugin {
  meta: { name: string; namespace: "leakproof"; version: string };
  rules: typeof rules;
  configs: Record<PresetName, Linter.Config>;
}

const plugin: LeakproofPlugin = {
  meta: { name: pkg.name, namespace: "leakproof", version: pkg.version },
  rules,
  // Filled in below: each preset registers this very object under `leakproof`.
  configs: {} as LeakproofPlugin["configs"],
};
// The cast is only for the type checker (see LeakproofPlugin).
plugin.configs = buildConfigs(plugin as unknown as ESLint.Plugin, rules);

export default plugin;
