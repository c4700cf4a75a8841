import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig, type Options } from "tsup";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * The CLI imports the plugin as "../index.js". Leave that import to run time so
 * dist/cli/index.js loads the built dist/index.js (one copy of the plugin, and its
 * `../package.json` lookup stays right) instead of bundling a second copy.
 */
const cliImportsBuiltPlugin: EsbuildPlugin = {
  name: "cli-imports-built-plugin",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, ({ importer }) =>
      importer.endsWith(path.join("src", "cli", "index.ts"))
        ? { path: "../index.js", external: true }
        : undefined,
    );
  },
};

const shared = {
  target: "node20",
  platform: "node",
  sourcemap: false,
  splitting: true,
  cjsInterop: true,
  shims: true,
  external: ["eslint", "typescript", "@typescript-eslint/utils", "@typescript-eslint/parser", "ts-morph"],
} satisfies Options;

/**
 * The plugin ships one implementation, in CommonJS, and an ESM entry that re-exports it.
 * With two builds, a CommonJS shared config (`require`) and an ESM `eslint.config.js`
 * (`import`) would load two different plugin objects, and ESLint refuses that with
 * `Cannot redefine plugin "leakproof"`. Through the wrapper both get the same object.
 */
const ESM_ENTRY = `// The ESM entry: the same plugin object that \`require("eslint-plugin-leakproof")\` returns.
import plugin from "./index.cjs";
export default plugin;
`;

/**
 * The published types, written against the user's own `eslint` types (a peer dependency)
 * rather than generated from the source: the source types its rules as typescript-eslint
 * rule modules, which ESLint's `Plugin` and `Linter.Config` types do not accept, and which
 * would load all of typescript-eslint's and TypeScript's declarations into every
 * `eslint.config.ts` that imports the plugin. The rule names come from the built plugin.
 */
function publicTypes(ruleNames: readonly string[]): string {
  return `// Types of eslint-plugin-leakproof, written against your own \`eslint\` types (ESLint 9 or 10).
import type { ESLint, Linter } from "eslint";

/** A rule's name, without the \`leakproof/\` prefix. */
type RuleName =
${ruleNames.map((name) => `  | ${JSON.stringify(name)}`).join("\n")};

/** \`recommended\` ⊂ \`strict\` ⊂ \`all\`: each is one flat-config object named \`leakproof/<preset>\`. */
type PresetName = "recommended" | "strict" | "all";

interface LeakproofPlugin {
  meta: { name: string; namespace: "leakproof"; version: string };
  rules: Record<RuleName, NonNullable<ESLint.Plugin["rules"]>[string]>;
  configs: Record<PresetName, Linter.Config>;
}

declare const leakproof: LeakproofPlugin;
export = leakproof;
`;
}

async function writeEntries(): Promise<void> {
  const load = createRequire(path.resolve("package.json"));
  const plugin = load("./dist/index.cjs") as { rules: Record<string, unknown> };
  await writeFile(path.join("dist", "index.js"), ESM_ENTRY);
  await writeFile(path.join("dist", "index.d.ts"), ESM_ENTRY);
  await writeFile(path.join("dist", "index.d.cts"), publicTypes(Object.keys(plugin.rules)));
}

export default defineConfig([
  {
    ...shared,
    entry: { index: "src/index.ts" },
    format: ["cjs"],
    // tsup turns split CommonJS chunks into CommonJS with sucrase, which rewrites every `a?.b`
    // into a helper call with an array and a closure: on a real corpus that garbage doubled the
    // plugin's cost. One entry needs no splitting; esbuild then keeps the syntax of `target`.
    // Without splitting, `cjsInterop` does not apply: the footer makes the plugin object (the
    // only export of src/index.ts) `module.exports`, as `require()` users expect.
    splitting: false,
    footer: { js: "module.exports = module.exports.default;" },
    // The declarations are written by writeEntries (see publicTypes).
    dts: false,
    // The three builds run side by side, and tsup's own clean (even with patterns)
    // deletes every .d.ts in dist/: `npm run build` empties dist/ first instead.
    clean: false,
    onSuccess: writeEntries,
  },
  {
    ...shared,
    // The runtime oracle and the audit hold no object whose identity matters: an ordinary dual build.
    entry: { "runtime/index": "src/runtime/index.ts", "audit/index": "src/audit/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: false,
  },
  {
    ...shared,
    // The `leakproof` bin: ESM only (the package is "type": "module").
    entry: { "cli/index": "src/cli/index.ts" },
    format: ["esm"],
    clean: false,
    esbuildPlugins: [cliImportsBuiltPlugin],
  },
]);
