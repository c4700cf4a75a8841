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

export default defineConfig([
  {
    ...shared,
    entry: { index: "src/index.ts", "runtime/index": "src/runtime/index.ts", "audit/index": "src/audit/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    // The two builds run side by side: leave the CLI's output to the CLI build.
    clean: ["!cli/**"],
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
