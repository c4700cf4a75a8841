/**
 * The reproductions of issue 12 §1 lint without a crash with every rule on, under espree and
 * typescript-eslint, and through the `leakproof` CLI.
 */
import { describe, expect, it } from "vitest";
import { describeInternalError, lintFile } from "../../src/cli/lint-file.js";
import { ensureBuilt } from "../../scripts/ensure-build.mjs";
import { LEAK, STACK_LINE, findings, lintedFiles, runCli, tempProject } from "../cli/helpers.js";
import { describeCrashes, lintPrograms } from "./lint.js";
import { REPRODUCTIONS } from "./reproductions.js";

const programs = Object.entries(REPRODUCTIONS).map(([name, code]) => ({ name, code }));

describe("issue 12 reproductions", () => {
  for (const parser of ["espree", "typescript-eslint"] as const) {
    it(`lint with every rule under ${parser}`, () => {
      const run = lintPrograms(programs, parser);
      expect(run.crashes.length === 0 ? "no crashes" : describeCrashes(run.crashes)).toBe("no crashes");
      expect(run.linted).toBe(programs.length);
    });
  }

  it("through the CLI: every file is linted and the leak next to them is reported", () => {
    ensureBuilt({ quiet: true });
    const project = tempProject("repro");
    try {
      project.write({ ...REPRODUCTIONS, "leak.js": LEAK });
      const run = runCli(["--preset", "all", "--format", "json", "."], project.dir);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stderr).not.toContain("internal error");
      expect(run.code).toBe(1);
      expect(lintedFiles(run.stdout, project.dir)).toEqual([...Object.keys(REPRODUCTIONS), "leak.js"].sort());
      expect(findings(run.stdout, project.dir)).toContain("leak.js:2 leakproof/no-leaked-timer");
    } finally {
      project.dispose();
    }
  }, 120_000);
});

describe("CLI: a rule that throws on one file", () => {
  const result = { filePath: "/p/ok.js", messages: [] } as never;
  const eslint = {
    lintText: (text: string) =>
      text === "boom"
        ? Promise.reject(new Error('Maximum call stack size exceeded\nOccurred while linting /p/bad.js:3\nRule: "leakproof/no-leaked-timer"'))
        : Promise.resolve([result]),
  };

  it("is kept for that file, with the rule and the line, and the others are linted", async () => {
    expect(await lintFile(eslint, "boom", "/p/bad.js")).toEqual({
      internalError: "Maximum call stack size exceeded (in leakproof/no-leaked-timer at line 3)",
    });
    expect(await lintFile(eslint, "fine", "/p/ok.js")).toEqual({ results: [result] });
  });

  it("describes errors that are not ESLint's", () => {
    expect(describeInternalError(new TypeError("x is not a function"))).toBe("x is not a function");
    expect(describeInternalError("odd")).toBe("odd");
  });
});
