/**
 * Shared set-up for the framework suites: each case names the rule it exercises, and the
 * cases are run through RuleTester one rule at a time with the real parser for the file.
 */
import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import svelteParser from "svelte-eslint-parser";
import vueParser from "vue-eslint-parser";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export type RuleName =
  | "no-leaked-timer"
  | "no-leaked-event-listener"
  | "no-leaked-observer"
  | "no-unrevoked-object-url"
  | "no-leaked-subscription"
  | "no-unclosed-resource";

export interface FrameworkCase {
  rule: RuleName;
  name: string;
  code: string;
  filename?: string;
  /** Rule options (e.g. `[{ reportProbable: true }]`, what the strict preset passes). */
  options?: readonly unknown[];
  errors?: { messageId: string; line: number; suggestions?: { messageId: string; output: string }[] }[];
  /**
   * The engine grades this leak probable (a target of unknown lifetime, an app-lifetime owner, a
   * release that may be this one): `strict` (`reportProbable`) reports every error, `recommended`
   * only those whose indexes are listed (`true`: none).
   */
  probable?: true | readonly number[];
}

/** Drops the leading newline and the common indentation, so line 1 is the first line of code. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, "").replace(/\n\s*$/, "\n");
  const lines = raw.split("\n");
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join("\n");
}

/** Parser settings for a file name: vue-eslint-parser, svelte-eslint-parser or typescript-eslint. */
function languageOptions(filename: string): Record<string, unknown> {
  if (filename.endsWith(".vue")) {
    return { parser: vueParser, parserOptions: { parser: tsParser, sourceType: "module", ecmaVersion: "latest" } };
  }
  if (filename.endsWith(".svelte")) {
    return { parser: svelteParser, parserOptions: { parser: tsParser } };
  }
  return { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } };
}

const ruleTester = new RuleTester();

export function runFrameworkCases(valid: readonly FrameworkCase[], invalid: readonly FrameworkCase[]): void {
  const rules = new Set<RuleName>([...valid, ...invalid].map((c) => c.rule));
  for (const ruleName of rules) {
    const rule = plugin.rules[ruleName] as Parameters<RuleTester["run"]>[1];
    const toCase = (c: FrameworkCase) => {
      const filename = c.filename ?? "file.tsx";
      return {
        name: c.name,
        code: c.code,
        filename,
        languageOptions: languageOptions(filename),
        ...(c.options ? { options: c.options as never } : {}),
      };
    };
    const strict = (c: FrameworkCase): FrameworkCase => {
      if (!c.probable) return c;
      const [first, ...rest] = c.options ?? [];
      return { ...c, options: [{ ...(first as object | undefined), reportProbable: true }, ...rest] };
    };
    ruleTester.run(ruleName, rule, {
      valid: valid.filter((c) => c.rule === ruleName).map(toCase),
      invalid: invalid
        .filter((c) => c.rule === ruleName)
        .map((c) => ({ ...toCase(strict(c)), errors: c.errors ?? [] })),
    });
    const graded = invalid.filter((c) => c.rule === ruleName && c.probable);
    if (graded.length > 0) {
      describe(`${ruleName}: probable findings are left to strict`, () => {
        for (const c of graded) it(c.name, () => expect(recommendedReports(ruleName, c)).toEqual(provenErrors(c)));
      });
    }
  }
}

/** What the rule reports on a case without `reportProbable` (as `recommended` runs it). */
function recommendedReports(ruleName: RuleName, c: FrameworkCase): { messageId: string | undefined; line: number }[] {
  const filename = c.filename ?? "file.tsx";
  const messages = new Linter({ configType: "flat" }).verify(
    c.code,
    [
      {
        files: ["**/*.*"],
        languageOptions: languageOptions(filename),
        plugins: { leakproof: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
        rules: { [`leakproof/${ruleName}`]: ["error", ...(c.options ?? [])] },
      },
    ],
    `src/${filename}`,
  );
  return messages.map((message) => ({ messageId: message.messageId ?? message.message, line: message.line }));
}

function provenErrors(c: FrameworkCase): { messageId: string | undefined; line: number }[] {
  const proven = c.probable === true || !c.probable ? [] : c.probable;
  return proven.map((index) => ({ messageId: c.errors![index]!.messageId, line: c.errors![index]!.line }));
}
