import { writeFile } from "node:fs/promises";
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
  external: ["eslint", "typescript", "@typescript-eslint/utils", "@typescript-eslint/parser"],
} satisfies Options;

/**
 * The plugin ships one implementation, in CommonJS, and an ESM entry that re-exports it.
 * With two builds, a CommonJS shared config (`require`) and an ESM `eslint.config.js`
 * (`import`) would load two different plugin objects, and ESLint refuses that with
 * `Cannot redefine plugin "leakproof"`. Through the wrapper both get the same object.
 * The types follow the same shape: index.d.cts says `export =`, index.d.ts re-exports it.
 */
const ESM_WRAPPER = `// The ESM entry: the same plugin object that \`require("eslint-plugin-leakproof")\` returns.
import plugin from "./index.cjs";
export default plugin;
`;

async function writeEsmEntry(): Promise<void> {
  await writeFile(path.join("dist", "index.js"), ESM_WRAPPER);
  await writeFile(path.join("dist", "index.d.ts"), ESM_WRAPPER);
}

export default defineConfig([
  {
    ...shared,
    entry: { index: "src/index.ts" },
    format: ["cjs"],
    dts: true,
    // The three builds run side by side, and tsup's own clean (even with patterns)
    // deletes every .d.ts in dist/: `npm run build` empties dist/ first instead.
    clean: false,
    onSuccess: writeEsmEntry,
  },
  {
    ...shared,
    // The runtime oracle holds no object whose identity matters: an ordinary dual build.
    entry: { "runtime/index": "src/runtime/index.ts" },
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
