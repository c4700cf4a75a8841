/**
 * Lints generated programs with every leakproof rule (the `all` preset: strict options,
 * `reportProbable` on) under one parser, and collects the programs a rule threw on.
 */
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import svelteParser from "svelte-eslint-parser";
import vueParser from "vue-eslint-parser";
import plugin from "../../src/index.js";
import type { Program } from "./programs.js";

export type ParserName = "espree" | "typescript-eslint" | "vue" | "svelte";

export interface Crash {
  program: string;
  parser: ParserName;
  error: string;
  code: string;
}

export interface LintRun {
  /** Programs that parsed and were linted. */
  linted: number;
  /** Programs the parser rejected (generated code may be invalid; not a rule's fault). */
  unparsable: number;
  /** Messages reported in all (proves the rules ran). */
  messages: number;
  crashes: Crash[];
  /** The slowest programs (for profiling by hand; never asserted on). */
  slowest: { program: string; ms: number }[];
}

const rules = plugin.configs.all.rules as Linter.RulesRecord;
const plugins = { leakproof: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] };

const CONFIGS: Record<ParserName, { filename: string; wrap: (code: string) => string; config: Linter.Config[] }> = {
  espree: {
    filename: "input.js",
    wrap: (code) => code,
    config: [{ files: ["**/*.js"], languageOptions: { ecmaVersion: "latest", sourceType: "module" }, plugins, rules }],
  },
  "typescript-eslint": {
    filename: "input.ts",
    wrap: (code) => code,
    config: [{ files: ["**/*.ts"], languageOptions: { parser: tsParser, sourceType: "module" }, plugins, rules }],
  },
  vue: {
    filename: "Input.vue",
    wrap: (code) => `<script setup>\n${code}\n</script>\n<template><div ref="el"></div></template>\n`,
    config: [
      {
        files: ["**/*.vue"],
        languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: "module" } },
        plugins,
        rules,
      },
    ],
  },
  svelte: {
    filename: "Input.svelte",
    wrap: (code) => `<script>\n${code}\n</script>\n<div bind:this={el}></div>\n`,
    config: [{ files: ["**/*.svelte"], languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } }, plugins, rules }],
  },
};

/** Lints every program under `parser`; a rule that throws is recorded, never rethrown. */
export function lintPrograms(programs: readonly Program[], parser: ParserName): LintRun {
  const { filename, wrap, config } = CONFIGS[parser];
  const linter = new Linter({ configType: "flat" });
  const run: LintRun = { linted: 0, unparsable: 0, messages: 0, crashes: [], slowest: [] };
  for (const program of programs) {
    const start = performance.now();
    try {
      const messages = linter.verify(wrap(program.code), config, filename);
      if (messages.some((message) => message.fatal)) run.unparsable++;
      else {
        // A config that does not match the file lints nothing: that would hide every crash.
        const unmatched = messages.find((message) => !message.ruleId);
        if (unmatched) throw new Error(`not linted: ${unmatched.message}`);
        run.linted++;
        run.messages += messages.length;
      }
    } catch (error) {
      const text = error instanceof Error ? `${error.message}\n${(error.stack ?? "").split("\n").slice(1, 8).join("\n")}` : String(error);
      if (text.startsWith("not linted")) throw error;
      run.crashes.push({ program: program.name, parser, error: text, code: program.code });
    }
    const ms = performance.now() - start;
    if (run.slowest.length < 10 || ms > run.slowest[run.slowest.length - 1]!.ms) {
      run.slowest.push({ program: program.name, ms });
      run.slowest.sort((a, b) => b.ms - a.ms);
      run.slowest.length = Math.min(run.slowest.length, 10);
    }
  }
  return run;
}

/** Every `step`-th program, starting at `offset`: a deterministic sample. */
export function sample<T>(items: readonly T[], step: number, offset = 0): T[] {
  return items.filter((_, index) => index % step === offset % step);
}

/** A short account of the crashes for an assertion message: how many, and the first few in full. */
export function describeCrashes(crashes: readonly Crash[], show = 3): string {
  const byError = new Map<string, number>();
  for (const crash of crashes) {
    const key = crash.error.split("\n")[0]!.slice(0, 160);
    byError.set(key, (byError.get(key) ?? 0) + 1);
  }
  const lines = [`${crashes.length} crashes`, ...[...byError].map(([error, count]) => `  ${count}× ${error}`)];
  for (const crash of crashes.slice(0, show)) lines.push(`--- ${crash.program} (${crash.parser})\n${crash.code}\n${crash.error}`);
  return lines.join("\n");
}
