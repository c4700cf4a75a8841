#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ESLint, Linter } from "eslint";
import plugin from "../index.js";
import { HELP, parseCliArgs, UsageError, type CliCommand, type PresetName } from "./args.js";
import {
  collectFiles,
  commonRoot,
  describeFsError,
  EXTENSIONS,
  SFC_PARSERS,
  TS_EXTENSIONS,
  type PathProblem,
} from "./files.js";
import { Ignorer, isInside, type IgnoreReason } from "./ignore.js";
import { err, guardOutput, out, outputFailed, progress } from "./output.js";
import { formatSarif } from "./sarif.js";
import { lintFile } from "./lint-file.js";

/** Files linted between two progress lines on a terminal. */
const CHUNK = 50;
const HOMEPAGE = "https://github.com/leakproof/eslint-plugin-leakproof";

type Lint = Extract<CliCommand, { kind: "lint" }>;

/** The parsers this run lints with; `ts` is missing when the `typescript` package is. */
interface Parsers {
  ts: Linter.Parser | undefined;
  sfc: Readonly<Record<string, Linter.Parser>>;
}

/** The whole config the CLI lints with: nothing is read from the user's project. */
function flatConfig(preset: PresetName, parsers: Parsers): Linter.Config[] {
  const sfcExtensions = Object.keys(parsers.sfc);
  const sfcConfigs: Linter.Config[] = Object.entries(parsers.sfc).map(([ext, parser]) => ({
    name: `leakproof-cli/${ext}`,
    files: [`**/*.${ext}`],
    languageOptions: {
      parser,
      parserOptions: {
        // `<script lang="ts">` needs the TypeScript parser; without it the script is read as JavaScript.
        ...(parsers.ts ? { parser: parsers.ts } : {}),
        sourceType: "module",
        ecmaVersion: "latest",
      },
    },
  }));
  const typescript: Linter.Config[] = parsers.ts
    ? [
        {
          name: "leakproof-cli/typescript",
          files: [`**/*.{${TS_EXTENSIONS.join(",")}}`],
          languageOptions: { parser: parsers.ts, parserOptions: { ecmaFeatures: { jsx: true } } },
        },
      ]
    : [];
  return [
    { name: "leakproof-cli/files", files: [`**/*.{${[...EXTENSIONS, ...sfcExtensions].join(",")}}`] },
    {
      // Espree reads JSX too, so a JavaScript-only project needs no `typescript` package.
      name: "leakproof-cli/javascript",
      files: ["**/*.{js,mjs,cjs,jsx}"],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    ...typescript,
    ...sfcConfigs,
    // Users' own `eslint-disable` comments name rules this run does not load; stay quiet about them.
    { name: "leakproof-cli/linter-options", linterOptions: { reportUnusedDisableDirectives: "off" } },
    plugin.configs[preset] as unknown as Linter.Config,
  ];
}

/**
 * A user's `eslint-disable` comment naming a rule of another plugin makes ESLint
 * report "Definition for rule ... was not found": only leakproof's rules are
 * loaded here, so drop those notices and recount.
 */
function withoutForeignRuleNotices(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages.filter(
    (m) => !(m.ruleId && !m.ruleId.startsWith("leakproof/") && m.message.startsWith("Definition for rule")),
  );
  if (messages.length === result.messages.length) return result;
  const count = (severity: number, fixable = false) =>
    messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
  return {
    ...result,
    messages,
    errorCount: count(2),
    warningCount: count(1),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

/** The notice for a file a rule threw on. */
function internalErrorText(problem: PathProblem): string {
  return `internal error while linting ${shown(problem.path)}: ${problem.message} (skipped; please report it at ${HOMEPAGE}/issues)`;
}

/** A path as the user would type it: relative to the current folder when inside it. */
function shown(file: string): string {
  const cwd = process.cwd();
  return isInside(file, cwd) ? path.relative(cwd, file) || "." : file;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function describeIgnore(arg: string, reason: IgnoreReason): string {
  const where = shown(reason.matched);
  switch (reason.origin.kind) {
    case "built-in":
      return `leakproof: ignored ${arg}: ${where} matches the built-in ignore "${reason.pattern}"; use --no-ignore to lint it`;
    case "gitignore":
      return `leakproof: ignored ${arg}: ${where} matches "${reason.pattern}" in ${shown(reason.origin.file)}; use --no-ignore to lint it`;
    case "cli":
      return `leakproof: ignored ${arg}: ${where} matches --ignore-pattern "${reason.pattern}"`;
  }
}

/** Whether `error` says that the module `name` is not installed. */
function isMissingModule(error: unknown, name: string): boolean {
  const { code, message } = error as NodeJS.ErrnoException;
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    new RegExp(`Cannot find (?:module|package) ['"]${name}['"/]`).test(message ?? "")
  );
}

/**
 * `@typescript-eslint/parser`, loaded only when a file needs it: it loads the `typescript`
 * package on import, which a JavaScript-only project may not have (it is an optional peer).
 * `undefined` when `typescript` is missing; any other failure is thrown.
 */
async function loadTsParser(): Promise<Linter.Parser | undefined> {
  try {
    const loaded = (await import("@typescript-eslint/parser")) as { default?: unknown };
    return (loaded.default ?? loaded) as Linter.Parser;
  } catch (error) {
    if (isMissingModule(error, "typescript")) return undefined;
    throw error;
  }
}

/**
 * An optional parser (`vue-eslint-parser`), resolved from the folder the CLI runs in (the
 * user's own project) or from where the CLI is installed — never from the folder being linted:
 * importing a parser runs its code, and the linted checkout may not be trusted.
 */
async function loadSfcParser(name: string): Promise<Linter.Parser | undefined> {
  const from = [createRequire(path.join(process.cwd(), "package.json")), createRequire(import.meta.url)];
  for (const require of from) {
    let resolved: string;
    try {
      resolved = require.resolve(name);
    } catch {
      continue; // not installed there; try the next place
    }
    const loaded = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
    return (loaded.default ?? loaded) as Linter.Parser;
  }
  return undefined;
}

/** ESLint is a peer dependency: say what to do when it is not installed. */
async function loadEslint(): Promise<typeof import("eslint") | undefined> {
  try {
    return await import("eslint");
  } catch (error) {
    if (isMissingModule(error, "eslint")) return undefined;
    throw error;
  }
}

function extensionOf(file: string): string {
  return path.extname(file).slice(1);
}

async function lint(command: Lint): Promise<number> {
  const cwd = process.cwd();
  const problems: PathProblem[] = [];
  let ignorer: Ignorer;
  try {
    ignorer = new Ignorer({
      cwd,
      patterns: command.ignorePatterns,
      enabled: command.ignore,
      onProblem: (file, error) => problems.push({ path: file, message: describeFsError(error) }),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const collected = collectFiles(command.paths, cwd, ignorer);
  problems.push(...collected.problems);
  if (collected.missing.length > 0 || collected.unmatched.length > 0) {
    for (const arg of collected.missing) err(`leakproof: no such file or directory: ${arg}`);
    for (const arg of collected.unmatched) err(`leakproof: no files match ${arg}`);
    return 2;
  }
  for (const { arg, reason } of collected.ignored) err(describeIgnore(arg, reason));

  let files = collected.files;
  const notices: string[] = [];
  let incomplete = problems.length > 0;

  const sfc: Record<string, Linter.Parser> = {};
  for (const [ext, parserName] of Object.entries(SFC_PARSERS)) {
    const own = files.filter((file) => extensionOf(file) === ext);
    if (own.length === 0) continue;
    const parser = await loadSfcParser(parserName);
    if (parser) sfc[ext] = parser;
    else {
      files = files.filter((file) => extensionOf(file) !== ext);
      notices.push(`leakproof: skipped ${plural(own.length, `.${ext} file`)}: install ${parserName} in your project to lint them`);
    }
  }

  const tsFiles = files.filter((file) => TS_EXTENSIONS.includes(extensionOf(file)));
  let ts: Linter.Parser | undefined;
  if (tsFiles.length > 0 || Object.keys(sfc).length > 0) {
    ts = await loadTsParser();
    if (!ts && tsFiles.length > 0) {
      files = files.filter((file) => !TS_EXTENSIONS.includes(extensionOf(file)));
      incomplete = true;
      notices.push(
        `leakproof: skipped ${plural(tsFiles.length, "TypeScript file")}: the typescript package is not installed` +
          ` (npm install --save-dev typescript); JavaScript files need no TypeScript`,
      );
    }
  }

  const eslintModule = await loadEslint();
  if (!eslintModule) {
    err("leakproof: eslint is not installed; the CLI runs it (a peer dependency): npm install --save-dev eslint");
    return 2;
  }

  const results: ESLint.LintResult[] = [];
  /** Files a rule threw on: skipped, reported, and the run goes on. */
  const internalErrors: PathProblem[] = [];
  if (files.length > 0) {
    const eslint = new eslintModule.ESLint({
      // ESLint lints nothing outside its cwd. Which files to lint was decided above, relative to
      // the current folder, so ESLint's own ignoring is off.
      cwd: commonRoot(files, cwd),
      overrideConfigFile: true,
      overrideConfig: flatConfig(command.preset, { ts, sfc }),
      ignore: false,
    });
    const showProgress = process.stderr.isTTY && files.length > CHUNK;
    for (const [index, file] of files.entries()) {
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        problems.push({ path: file, message: describeFsError(error) });
        incomplete = true;
        continue;
      }
      const outcome = await lintFile(eslint, text, file);
      if ("internalError" in outcome) {
        internalErrors.push({ path: file, message: outcome.internalError });
        incomplete = true;
        continue;
      }
      results.push(...outcome.results.map(withoutForeignRuleNotices));
      if (showProgress && (index + 1) % CHUNK === 0) progress(`\rlinted ${index + 1}/${files.length} files`);
    }
    if (showProgress) progress("\r\x1b[K");
  }

  const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
  const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
  const tooManyWarnings = command.maxWarnings !== undefined && warnings > command.maxWarnings;

  let output: string;
  if (command.format === "sarif") {
    output = formatSarif(results, {
      cwd,
      version: plugin.meta.version,
      informationUri: HOMEPAGE,
      rules: Object.entries(plugin.rules).map(([name, rule]) => ({
        id: `leakproof/${name}`,
        description: rule.meta.docs?.description,
        helpUri: rule.meta.docs?.url,
      })),
      notices: [
        ...problems.map((problem) => ({ path: problem.path, message: `cannot read ${shown(problem.path)}: ${problem.message}` })),
        ...internalErrors.map((problem) => ({ path: problem.path, message: internalErrorText(problem) })),
      ],
    });
  } else {
    const eslint = new eslintModule.ESLint({ cwd, overrideConfigFile: true });
    const formatter = await eslint.loadFormatter(command.format);
    const maxWarningsExceeded = tooManyWarnings
      ? { maxWarnings: command.maxWarnings ?? 0, foundWarnings: warnings }
      : undefined;
    output = await formatter.format(results, { maxWarningsExceeded });
  }
  if (output) out(output);

  const linted = results.length;
  if (command.format === "stylish" && errors + warnings === 0 && linted > 0) {
    out(`No leaks found in ${plural(linted, "file")} (preset: ${command.preset}).`);
  }
  if (linted === 0 && problems.length === 0 && notices.length === 0 && collected.ignored.length === 0) {
    err(`leakproof: no JavaScript or TypeScript files in ${command.paths.join(", ")}`);
  }
  for (const notice of notices) err(notice);
  for (const problem of problems) err(`leakproof: cannot read ${shown(problem.path)}: ${problem.message} (skipped)`);
  for (const problem of internalErrors) err(`leakproof: ${internalErrorText(problem)}`);
  if (tooManyWarnings) {
    err(`leakproof: ${warnings} warnings, more than --max-warnings ${command.maxWarnings}`);
  }
  if (incomplete) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  // `leakproof audit ...`: the cross-file audit, loaded only when asked for (it needs ts-morph).
  if (argv[0] === "audit") return (await import("./audit.js")).runAuditCli(argv.slice(1), plugin.meta.version);
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
    if (command.kind === "help") {
      out(HELP);
      return 0;
    }
    if (command.kind === "version") {
      out(plugin.meta.version);
      return 0;
    }
    return await lint(command);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`leakproof: ${error.message}\nRun "leakproof --help" for usage.`);
    return 2;
  }
}

guardOutput();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = outputFailed() ? 2 : code;
  },
  (error: unknown) => {
    err(`leakproof: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
