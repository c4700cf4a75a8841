#!/usr/bin/env node
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import plugin from "../index.js";
import { HELP, parseCliArgs, UsageError, type CliCommand, type PresetName } from "./args.js";
import { collectFiles, commonRoot, EXTENSIONS, IGNORED_DIRS, missingPaths, SFC_PARSERS } from "./files.js";

/** Files per `lintFiles` call; between calls a progress line goes to a terminal. */
const CHUNK = 50;

/** The whole config the CLI lints with: nothing is read from the user's project. */
function flatConfig(preset: PresetName, sfc: Readonly<Record<string, unknown>>): Linter.Config[] {
  const sfcConfigs: Linter.Config[] = Object.entries(sfc).map(([ext, parser]) => ({
    name: `leakproof-cli/${ext}`,
    files: [`**/*.${ext}`],
    languageOptions: {
      parser: parser as Linter.Parser,
      parserOptions: { parser: tsParser, sourceType: "module", ecmaVersion: "latest" },
    },
  }));
  return [
    { name: "leakproof-cli/files", files: [`**/*.{${[...EXTENSIONS, ...Object.keys(sfc)].join(",")}}`] },
    { name: "leakproof-cli/ignores", ignores: IGNORED_DIRS.map((dir) => `**/${dir}/`) },
    {
      name: "leakproof-cli/javascript",
      files: ["**/*.{js,mjs,cjs}"],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: "leakproof-cli/typescript-and-jsx",
      files: ["**/*.{jsx,ts,mts,cts,tsx}"],
      languageOptions: {
        parser: tsParser,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
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

async function lint(command: Extract<CliCommand, { kind: "lint" }>): Promise<number> {
  const targets = command.paths.map((p) => path.resolve(p));
  const missing = missingPaths(targets);
  if (missing.length > 0) {
    for (const target of missing) {
      console.error(`leakproof: no such file or directory: ${path.relative(process.cwd(), target) || target}`);
    }
    return 2;
  }

  const cwd = commonRoot(targets);
  const sfc: Record<string, unknown> = {};
  let files = collectFiles(targets);
  for (const [ext, parserName] of Object.entries(SFC_PARSERS)) {
    const own = files.filter((file) => file.endsWith(`.${ext}`));
    if (own.length === 0) continue;
    const parser = await loadFromProject(parserName, [cwd, process.cwd()]);
    if (parser) sfc[ext] = parser;
    else {
      files = files.filter((file) => !file.endsWith(`.${ext}`));
      console.error(
        `leakproof: skipped ${own.length} .${ext} file${own.length === 1 ? "" : "s"}: install ${parserName} in your project to lint them`,
      );
    }
  }
  if (files.length === 0) {
    console.error(`leakproof: no JavaScript or TypeScript files in ${command.paths.join(", ")}`);
    return 0;
  }

  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: flatConfig(command.preset, sfc),
  });
  const progress = process.stderr.isTTY && files.length > CHUNK;
  const results: ESLint.LintResult[] = [];
  for (let start = 0; start < files.length; start += CHUNK) {
    const chunk = await eslint.lintFiles(files.slice(start, start + CHUNK));
    results.push(...chunk.map(withoutForeignRuleNotices));
    if (progress) {
      process.stderr.write(`\rlinted ${Math.min(start + CHUNK, files.length)}/${files.length} files`);
    }
  }
  if (progress) process.stderr.write("\r\x1b[K");

  const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
  const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
  const tooManyWarnings = command.maxWarnings !== undefined && warnings > command.maxWarnings;

  const formatter = await eslint.loadFormatter(command.format);
  const maxWarningsExceeded = tooManyWarnings
    ? { maxWarnings: command.maxWarnings ?? 0, foundWarnings: warnings }
    : undefined;
  const output = await formatter.format(results, { maxWarningsExceeded });
  if (output) process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  if (command.format === "stylish" && errors + warnings === 0) {
    console.log(`No leaks found in ${files.length} file${files.length === 1 ? "" : "s"} (preset: ${command.preset}).`);
  }
  if (tooManyWarnings) {
    console.error(`leakproof: ${warnings} warnings, more than --max-warnings ${command.maxWarnings}`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** An optional parser (`vue-eslint-parser`), resolved from the user's project, not from leakproof's. */
async function loadFromProject(name: string, from: readonly string[]): Promise<unknown> {
  for (const dir of from) {
    try {
      const resolved = createRequire(path.join(dir, "package.json")).resolve(name);
      const loaded = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
      return loaded.default ?? loaded;
    } catch {
      // not installed there; try the next place
    }
  }
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  // `leakproof audit ...`: the cross-file audit, loaded only when asked for (it needs ts-morph).
  if (argv[0] === "audit") return (await import("./audit.js")).runAuditCli(argv.slice(1), plugin.meta.version);
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`leakproof: ${error.message}\nRun "leakproof --help" for usage.`);
    return 2;
  }
  if (command.kind === "help") {
    console.log(HELP);
    return 0;
  }
  if (command.kind === "version") {
    console.log(plugin.meta.version);
    return 0;
  }
  return lint(command);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`leakproof: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
