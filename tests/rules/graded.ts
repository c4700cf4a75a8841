/**
 * Probable findings in the rule suites. A case wrapped in `probable(...)` is a leak the engine
 * cannot prove (a target of unknown lifetime, an owner that may live as long as the app, a
 * release that may be this one): `strict` (`reportProbable: true`) reports every error the case
 * lists, and `recommended` (no option) reports only the errors whose indexes are given as proven.
 * The RuleTester case carries the option; `checkRecommended()` adds one test per case that lints
 * it without the option and compares what is reported with the proven errors.
 */
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

interface GradedCase {
  name?: string;
  code: string;
  filename?: string;
  options?: readonly unknown[];
  languageOptions?: Record<string, unknown>;
  errors: readonly { messageId: string; line?: number }[];
}

export function gradedCases(ruleName: string) {
  const registered: { testCase: GradedCase; proven: readonly number[] }[] = [];
  return {
    /** The case as `strict` sees it; what `recommended` reports is checked by `checkRecommended`. */
    probable: <const T extends GradedCase>(testCase: T, proven: readonly number[] = []): T => {
      registered.push({ testCase, proven });
      const [first, ...rest] = testCase.options ?? [];
      const strictOptions = [{ ...(first as object | undefined), reportProbable: true }, ...rest];
      return { ...testCase, options: strictOptions };
    },

    checkRecommended: (): void => {
      describe(`${ruleName}: probable findings are left to strict`, () => {
        it("has probable cases", () => {
          expect(registered.length).toBeGreaterThan(0);
        });
        for (const { testCase, proven } of registered) {
          it(testCase.name ?? testCase.code.slice(0, 60), () => {
            const expected = proven.map((index) => {
              const error = testCase.errors[index]!;
              return { messageId: error.messageId, line: error.line };
            });
            const linter = new Linter({ configType: "flat" });
            const messages = linter.verify(
              testCase.code,
              [
                {
                  files: ["**/*.*"],
                  languageOptions: {
                    parser: tsParser,
                    parserOptions: { ecmaFeatures: { jsx: true } },
                    ...testCase.languageOptions,
                  },
                  plugins: { leakproof: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
                  rules: { [`leakproof/${ruleName}`]: ["error", ...(testCase.options ?? [])] },
                },
              ],
              // A file name inside a folder: flat config matches `**/*.*` against paths below the cwd.
              { filename: `src/${testCase.filename ?? "file.tsx"}` },
            );
            expect(messages.filter((message) => message.fatal || !message.ruleId)).toEqual([]);
            const reported = messages.map((message) => ({ messageId: message.messageId, line: message.line }));
            // Errors without a line in the case match any line.
            expect(reported.map((r, i) => ({ ...r, line: expected[i]?.line === undefined ? undefined : r.line }))).toEqual(expected);
          });
        }
      });
    },
  };
}
