import eslintPlugin from "eslint-plugin-eslint-plugin";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    name: "leakproof/ignores",
    // Hidden folders at the root (.ci/, scratch space) hold no project source.
    ignores: ["dist/", "coverage/", "tests/fixtures/", "tests/.tmp/", "examples/", "bench/", "docs/", ".*/"],
  },
  {
    name: "leakproof/typescript",
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Rule code compares AST `type` fields (typed as enums) with string literals all the time.
      "@typescript-eslint/no-unsafe-enum-comparison": "off",
    },
  },
  {
    // Scripts are plain ESM for Node; the type-aware rules need a TS program.
    name: "leakproof/javascript",
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    name: "leakproof/rules",
    files: ["src/rules/**/*.ts"],
    extends: [eslintPlugin.configs["rules-recommended"]],
    rules: {
      // The rules report through src/util/report.ts, which this check cannot follow
      // to see the suggestions they do offer.
      "eslint-plugin/require-meta-has-suggestions": "off",
    },
  },
  {
    name: "leakproof/rule-tests",
    files: ["tests/rules/**/*.ts"],
    extends: [eslintPlugin.configs["tests-recommended"]],
  },
);
