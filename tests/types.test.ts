/**
 * The published types, checked the way a user's editor checks them: the packed plugin is
 * installed into a scratch project next to ESLint 9 or ESLint 10, and `tsc` (with
 * `skipLibCheck: false`, so the plugin's own .d.ts files are checked too) compiles an
 * `eslint.config.ts` that uses `defineConfig`, `plugins: { leakproof }`, string and
 * object `extends`, and a CommonJS shared config next to typescript-eslint.
 */
import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../scripts/ensure-build.mjs";
import { ensureInstalled, installPackedPlugin, linkPackage, root, scratchProject, writeFiles } from "./helpers/project.js";

const eslint9Dir = path.join(root, "tests", "eslint9");
const ESLINT = {
  9: path.join(eslint9Dir, "node_modules", "eslint"),
  10: path.join(root, "node_modules", "eslint"),
} as const;
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");

const ESLINT_CONFIG = `import type { ESLint, Linter } from "eslint";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import leakproof from "eslint-plugin-leakproof";

export default defineConfig([
  tseslint.configs.recommended,
  leakproof.configs.recommended,
  {
    files: ["src/legacy/**"],
    plugins: { leakproof },
    extends: ["leakproof/strict"],
  },
  {
    files: ["**/*.ts"],
    extends: [leakproof.configs.all],
    rules: { "leakproof/no-leaked-timer": ["error", { reportReleasedElsewhere: true }] },
  },
]);

// ESLint 9.15 to 9.21 have no defineConfig: a plain array of Linter.Config.
export const plain: Linter.Config[] = [
  leakproof.configs.recommended,
  { plugins: { leakproof }, rules: { "leakproof/no-unbounded-collection": "error" } },
];
export const asPlugin: ESLint.Plugin = leakproof;
export const namespace: string = leakproof.meta.namespace;
export const ruleNames: string[] = Object.keys(leakproof.rules);

// @ts-expect-error -- there is no such preset: the plugin's types are precise, not \`any\`
export const missing = leakproof.configs.missing;

// @ts-expect-error -- a rule is an ESLint rule object, so its type is not \`any\` either
export const notAString: string = leakproof.rules["no-leaked-timer"];
`;

/** A CommonJS shared config: the `export =` types of index.d.cts. */
const SHARED_CONFIG = `import leakproof = require("eslint-plugin-leakproof");
import type { Linter } from "eslint";

const config: Linter.Config[] = [leakproof.configs.strict, { plugins: { leakproof } }];
export = config;
`;

const compilerOptions = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022"],
  strict: true,
  noEmit: true,
  types: [],
};

/**
 * The config files, next to typescript-eslint. Checking every library's declarations here
 * would mostly re-check TypeScript's own (typescript-eslint's types load them): seconds of
 * work on a busy machine that says nothing about this plugin.
 */
const TSCONFIG = JSON.stringify({
  compilerOptions: { ...compilerOptions, skipLibCheck: true },
  files: ["eslint.config.ts", "shared-config.cts"],
});

/** The plugin's own declarations, fully checked (with ESLint's, which they import). */
const TSCONFIG_DECLARATIONS = JSON.stringify({
  compilerOptions: { ...compilerOptions, skipLibCheck: false },
  files: ["declarations.ts"],
});
const DECLARATIONS = `import leakproof from "eslint-plugin-leakproof";
export default leakproof;
`;

/** `tsc -p <project>`: exit status and output. */
function typeCheck(project: string, ...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [tsc, "-p", project, "--pretty", "false", ...args], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

const scratch: { remove: () => void }[] = [];

beforeAll(() => {
  ensureBuilt({ quiet: true });
  ensureInstalled(eslint9Dir, "eslint");
}, 300_000);
afterAll(() => scratch.forEach((s) => s.remove()));

describe.each([9, 10] as const)("types with ESLint %i", (major) => {
  it("type-check a config that uses defineConfig, plugins, extends and a CommonJS shared config", () => {
    const project = scratchProject(`types-eslint${major}`);
    scratch.push(project);
    installPackedPlugin(project.dir);
    linkPackage(project.dir, "eslint", ESLINT[major]);
    writeFiles(project.dir, {
      "package.json": JSON.stringify({ name: "types-check", private: true, type: "module" }),
      "tsconfig.json": TSCONFIG,
      "eslint.config.ts": ESLINT_CONFIG,
      "shared-config.cts": SHARED_CONFIG,
      "tsconfig.declarations.json": TSCONFIG_DECLARATIONS,
      "declarations.ts": DECLARATIONS,
    });

    const declarations = typeCheck(path.join(project.dir, "tsconfig.declarations.json"), "--listFiles");
    // The check is only meaningful if \`eslint\` really is the major under test.
    const eslintTypes = path.join(realpathSync(ESLINT[major]), "lib", "types", "index.d.ts");
    expect(declarations.output.split("\n"), "files tsc read").toContain(eslintTypes);
    const errors = declarations.output.split("\n").filter((line) => line.includes("error TS"));
    expect(errors, "errors in the plugin's declarations").toEqual([]);
    expect(declarations.status).toBe(0);

    const config = typeCheck(project.dir);
    expect(config.output, "tsc output for eslint.config.ts and shared-config.cts").toBe("");
    expect(config.status).toBe(0);
  }, 120_000);
});
