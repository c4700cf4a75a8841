import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
import { buildConfigs } from "./configs/index.js";
import { rules } from "./rules/index.js";

// Read at load time so `eslint --cache` sees a new version after an upgrade.
const pkg = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

const plugin = {
  meta: { name: pkg.name, version: pkg.version },
  rules,
  configs: {} as Record<"recommended" | "strict" | "all", TSESLint.FlatConfig.Config>,
};
plugin.configs = buildConfigs(plugin, rules);

export default plugin;
