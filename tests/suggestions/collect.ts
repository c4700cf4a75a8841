/**
 * The cases of the rule and framework suites, as their RuleTester runs would lint them.
 *
 * The round-trip test replaces `@typescript-eslint/rule-tester` with `RecordingRuleTester`
 * (vi.mock) and imports the suites inside a skipped `describe`: their `ruleTester.run(...)`
 * calls then record the cases instead of running them, and their own tests are collected as
 * skipped. The recorder merges the tester's and the case's language options and picks the
 * file name the way @typescript-eslint/rule-tester does.
 */
import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import type { Linter } from "eslint";
import plugin from "../../src/index.js";
import type { Target } from "./harness.js";

interface RawCase {
  name?: string;
  code: string;
  filename?: string;
  options?: readonly unknown[];
  settings?: Record<string, unknown>;
  languageOptions?: Linter.LanguageOptions;
}

interface TesterConfig {
  languageOptions?: Linter.LanguageOptions;
  settings?: Record<string, unknown>;
}

export const recorded: Target[] = [];

/** The plugin's name for a rule object (suites name runs freely: `x (type-aware)`). */
function ruleName(rule: unknown): string | undefined {
  return Object.entries(plugin.rules).find(([, value]) => value === rule)?.[0];
}

function merge(tester: Linter.LanguageOptions | undefined, own: Linter.LanguageOptions | undefined): Linter.LanguageOptions {
  const parserOptions = {
    ...(tester?.parserOptions as object | undefined),
    ...(own?.parserOptions as object | undefined),
  } as Linter.ParserOptions;
  return { parser: tsParser, ...tester, ...own, parserOptions };
}

export class RecordingRuleTester {
  static afterAll: unknown;
  static describe: unknown;
  static it: unknown;
  static itOnly: unknown;

  constructor(private readonly config: TesterConfig = {}) {}

  run(suite: string, rule: unknown, tests: { valid: readonly (string | RawCase)[]; invalid: readonly RawCase[] }): void {
    const name = ruleName(rule);
    if (!name) throw new Error(`suite "${suite}" runs a rule the plugin does not export`);
    const cases = [...tests.valid, ...tests.invalid].map((c) => (typeof c === "string" ? { code: c } : c));
    for (const [index, c] of cases.entries()) {
      const languageOptions = merge(this.config.languageOptions, c.languageOptions);
      const parserOptions = (languageOptions.parserOptions ?? {}) as {
        ecmaFeatures?: { jsx?: boolean };
        project?: unknown;
        projectService?: unknown;
        tsconfigRootDir?: string;
      };
      let filename = c.filename ?? (parserOptions.ecmaFeatures?.jsx ? "react.tsx" : "file.ts");
      const typed = !!parserOptions.project || !!parserOptions.projectService;
      if (typed && !path.isAbsolute(filename)) filename = path.join(parserOptions.tsconfigRootDir ?? process.cwd(), filename);
      recorded.push({
        label: `${suite} › ${c.name ?? `case ${index + 1}`}`,
        code: c.code,
        filename,
        languageOptions,
        ...(this.config.settings || c.settings ? { settings: { ...this.config.settings, ...c.settings } } : {}),
        rule: name,
        options: c.options ?? [],
        ...(typed ? { cwd: parserOptions.tsconfigRootDir ?? process.cwd() } : {}),
      });
    }
  }
}
