#!/usr/bin/env node
/**
 * The real-code bench (`npm run bench` from the repo root).
 *
 * 1. Builds the plugin, packs it, and installs the tarball into bench/ as a user would.
 * 2. Lints a corpus of published packages, in one process and one run, with: no rules
 *    (the parse-only baseline), leakproof's recommended and strict presets, and the other
 *    leak linters. Records findings, rule crashes, parse failures, whole-run times and
 *    ESLint's per-rule times (the `stats` that TIMING=all prints).
 * 3. Applies every suggestion the presets offer and re-parses the result.
 * 4. Lints 10,000 mutated corpus programs with every rule on, counting crashes.
 * 5. Times synthetic files with 1k, 4k and 16k acquisitions (linear growth expected).
 * Writes bench/RESULTS.md (the summary) and bench/results/findings.json (for review).
 *
 * Flags: --skip-install (reuse the installed tarball), --quick (a few files per package,
 * 500 mutations, 1k/4k only: the slice tests/bench-slice.test.ts runs), --mutations=N.
 *
 * `--scaling` runs only the per-family scaling check (scripts/scaling.mjs): every family in
 * every shape (one owner with many acquisitions and releases, many owners, many kinds, deep
 * nesting) at 1k, 4k, 16k and 64k acquisitions, against the repo's own build (no corpus, no
 * install), and writes its table into the "Scaling" section of bench/RESULTS.md. With it:
 * --sizes=1000,4000 --families=listeners,timers --shapes=class,nesting narrow the run (a
 * narrowed run prints its table and leaves RESULTS.md alone); --skip-build reuses dist/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { mutateSome, prng } from "../scripts/mutate.mjs";
import { CONTROL_RULES, FAMILIES, SHAPES, measureScaling, measureWork, scalingFile } from "../scripts/scaling.mjs";
import { testCorpusSection } from "./test/summary.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const args = new Set(process.argv.slice(2));
const flag = (name) => [...args].find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const quick = args.has("--quick");
const mutationCount = Number([...args].find((a) => a.startsWith("--mutations="))?.split("=")[1] ?? (quick ? 500 : 10_000));
const log = (...parts) => console.error("[bench]", ...parts);

// ---------------------------------------------------------------------------
// 1. Install the packed plugin into bench/

function sh(command, commandArgs, cwd) {
  execFileSync(command, commandArgs, { cwd, stdio: ["ignore", "ignore", "inherit"] });
}

export function install({ skipInstall = false } = {}) {
  if (!existsSync(join(here, "node_modules/eslint"))) {
    log("installing the bench workspace (npm ci)");
    sh("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], here);
  }
  if (skipInstall && existsSync(join(here, "node_modules/eslint-plugin-leakproof"))) return;
  log("building and packing the plugin");
  sh("npm", ["run", "build"], root);
  const work = join(here, ".work");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  sh("npm", ["pack", "--silent", "--pack-destination", work], root);
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
  log("installing", tarball);
  sh("npm", ["install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", join(work, tarball)], here);
}

// ---------------------------------------------------------------------------
// 2. The corpus

/** Packages, the folders of their sources, and how to parse them. */
export const CORPUS = [
  { name: "hls.js", dirs: ["src"], ext: /\.ts$/, sourceType: "module" },
  { name: "three", dirs: ["src", "examples/jsm"], ext: /\.js$/, sourceType: "module" },
  { name: "leaflet", dirs: ["src"], ext: /\.js$/, sourceType: "module" },
  { name: "ol", dirs: ["."], ext: /\.js$/, sourceType: "module", skip: /^(dist|node_modules)\// },
  { name: "react-use", dirs: ["esm"], ext: /\.js$/, sourceType: "module" },
  { name: "@mantine/hooks", dirs: ["esm"], ext: /\.mjs$/, sourceType: "module" },
  { name: "ws", dirs: ["lib"], ext: /\.js$/, sourceType: "commonjs" },
  { name: "socket.io-client", dirs: ["build/esm"], ext: /\.js$/, sourceType: "module" },
  { name: "mqtt", dirs: ["build"], ext: /\.js$/, sourceType: "commonjs", skip: /^bin\// },
];

function walkFiles(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...walkFiles(path, base));
    else out.push(relative(base, path));
  }
  return out;
}

/** Every corpus file with its text; `perPackage` keeps only the first N files of each package. */
export function loadCorpus(perPackage = Infinity) {
  const files = [];
  for (const pkg of CORPUS) {
    const pkgRoot = join(here, "node_modules", pkg.name);
    let count = 0;
    for (const dir of pkg.dirs) {
      const abs = join(pkgRoot, dir);
      if (!existsSync(abs)) continue;
      for (const rel of walkFiles(abs).sort()) {
        const fromPkg = join(dir, rel).replace(/^\.\//, "");
        if (!pkg.ext.test(rel) || rel.endsWith(".d.ts") || pkg.skip?.test(fromPkg)) continue;
        if (count++ >= perPackage) break;
        files.push({ pkg: pkg.name, path: `${pkg.name}/${fromPkg}`, code: readFileSync(join(abs, rel), "utf8"), sourceType: pkg.sourceType, ts: rel.endsWith(".ts") });
      }
    }
  }
  return files;
}

// ---------------------------------------------------------------------------
// Configurations (one per linter), all with the same parsers

// This file lives in bench/, so bare specifiers resolve from bench/node_modules.
const load = async (name) => {
  const mod = await import(name);
  return mod.default ?? mod;
};

/** `plugin`: the leakproof plugin to use (default: the packed one installed in bench/). */
export async function configurations(plugin) {
  const { Linter } = await load("eslint");
  const tsParser = await load("@typescript-eslint/parser");
  const leakproof = plugin ?? (await load("eslint-plugin-leakproof"));
  const others = {
    "react-web-api": await load("eslint-plugin-react-web-api"),
    listeners: await load("eslint-plugin-listeners"),
    observers: await load("eslint-plugin-observers"),
    "clean-timer": await load("eslint-plugin-clean-timer"),
    unicorn: await load("eslint-plugin-unicorn"),
  };
  const otherRules = {
    "react-web-api/no-leaked-event-listener": "error",
    "react-web-api/no-leaked-interval": "error",
    "react-web-api/no-leaked-timeout": "error",
    "react-web-api/no-leaked-resize-observer": "error",
    "react-web-api/no-leaked-intersection-observer": "error",
    "listeners/no-missing-remove-event-listener": "error",
    "listeners/matching-remove-event-listener": "error",
    "listeners/no-inline-function-event-listener": "error",
    "observers/no-missing-unobserve-or-disconnect": "error",
    "observers/matching-unobserve-target": "error",
    "clean-timer/assign-timer-id": "error",
    "unicorn/no-invalid-remove-event-listener": "error",
  };
  const language = (file) => ({
    ecmaVersion: "latest",
    sourceType: file.sourceType,
    ...(file.ts ? { parser: tsParser } : {}),
    parserOptions: { ecmaFeatures: { jsx: true } },
  });
  // Inline config is off for every configuration alike: the corpus enables its own core rules in comments.
  const linterOptions = { noInlineConfig: true, reportUnusedDisableDirectives: "off" };
  const make = (plugins, rules) => (file) => [{ files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"], languageOptions: language(file), linterOptions, plugins, rules }];
  return {
    Linter,
    tsParser,
    leakproof,
    configs: {
      baseline: make({}, {}),
      "leakproof/recommended": make({ leakproof }, leakproof.configs.recommended.rules),
      "leakproof/strict": make({ leakproof }, leakproof.configs.strict.rules),
      "other leak linters": make(others, otherRules),
    },
    allRules: make({ leakproof }, leakproof.configs.all.rules),
  };
}

/** Lints every file with one configuration; returns times, findings, crashes, parse failures. */
export function lintAll(Linter, files, configFor) {
  const linter = new Linter({ configType: "flat" });
  const result = { wall: 0, parse: 0, rules: {}, findings: [], crashes: [], parseFailures: [] };
  const ruleIds = new Set(files.length ? Object.keys(configFor(files[0])[0].rules) : []);
  const start = performance.now();
  for (const file of files) {
    let messages;
    try {
      // verifyAndFix (with fix off) is the path the ESLint class takes; plain verify with
      // `stats` trips over an unset fix-pass counter in ESLint 10.
      messages = linter.verifyAndFix(file.code, configFor(file), { filename: file.ts ? "file.ts" : "file.js", stats: true, fix: false }).messages;
    } catch (error) {
      result.crashes.push({ path: file.path, error: String(error?.stack ?? error).split("\n").slice(0, 4).join(" | ") });
      continue;
    }
    const pass = linter.getTimes()?.passes?.[0];
    result.parse += pass?.parse?.total ?? 0;
    for (const [rule, time] of Object.entries(pass?.rules ?? {})) result.rules[rule] = (result.rules[rule] ?? 0) + time.total;
    for (const message of messages) {
      if (!message.ruleId && message.message.startsWith("No matching configuration")) {
        throw new Error(`${file.path} was not linted: ${message.message}`);
      }
      // The corpus's own inline directives (unused disables, unknown rules) are not findings.
      if (!message.fatal && !ruleIds.has(message.ruleId)) continue;
      if (message.fatal) result.parseFailures.push({ path: file.path, message: message.message });
      else result.findings.push({ pkg: file.pkg, path: file.path, line: message.line, rule: message.ruleId, message: message.message, suggestions: message.suggestions ?? [] });
    }
  }
  result.wall = performance.now() - start;
  return result;
}

// ---------------------------------------------------------------------------
// 3. Suggestions must produce code that still parses

export function checkSuggestions(Linter, files, findings, configFor) {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const linter = new Linter({ configType: "flat" });
  let applied = 0;
  const broken = [];
  for (const finding of findings) {
    for (const suggestion of finding.suggestions) {
      const file = byPath.get(finding.path);
      const fixes = Array.isArray(suggestion.fix) ? suggestion.fix : [suggestion.fix];
      let code = file.code;
      for (const fix of [...fixes].sort((a, b) => b.range[0] - a.range[0])) code = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
      applied++;
      const fatal = linter.verify(code, configFor(file), { filename: file.ts ? "file.ts" : "file.js" }).find((m) => m.fatal);
      if (fatal) broken.push({ path: finding.path, line: finding.line, rule: finding.rule, error: fatal.message });
    }
  }
  return { applied, broken };
}

// ---------------------------------------------------------------------------
// 4. Mutations

export function mutationRun(Linter, files, configFor, count) {
  const linter = new Linter({ configType: "flat" });
  const small = files.filter((file) => file.code.length < 12_000);
  const random = prng(7_2026);
  let linted = 0;
  let unparsable = 0;
  const crashes = [];
  for (let i = 0; i < count; i++) {
    const file = small[Math.floor(random() * small.length)];
    const code = mutateSome(file.code, random);
    try {
      const messages = linter.verify(code, configFor(file), { filename: file.ts ? "file.ts" : "file.js" });
      if (messages.some((m) => m.fatal)) unparsable++;
      else linted++;
    } catch (error) {
      crashes.push({ path: file.path, iteration: i, error: String(error?.stack ?? error).split("\n").slice(0, 4).join(" | ") });
    }
  }
  return { programs: count, linted, unparsable, crashes };
}

// ---------------------------------------------------------------------------
// 5. Synthetic scaling

/** A file with `n` acquisitions of several kinds, in one long effect, one long class and nested callbacks. */
export function syntheticFile(n) {
  const lines = ["import { useEffect } from 'react';", "export function Big() {", "  useEffect(() => {"];
  for (let i = 0; i < Math.floor(n / 4); i++) {
    lines.push(`    const t${i} = setInterval(() => tick(${i}), 1000);`);
    lines.push(`    window.addEventListener('e${i % 50}', h${i % 50});`);
  }
  lines.push("    return () => {");
  for (let i = 0; i < Math.floor(n / 4); i++) lines.push(`      clearInterval(t${i});`);
  lines.push("    };", "  }, []);", "  return null;", "}", "export class Huge {");
  for (let i = 0; i < Math.floor(n / 4); i++) {
    lines.push(`  start${i}() { this.timer${i} = setInterval(() => this.poll(${i}), 10); this.url${i} = URL.createObjectURL(this.blob); }`);
  }
  lines.push("  dispose() {");
  for (let i = 0; i < Math.floor(n / 4); i++) lines.push(`    clearInterval(this.timer${i});`);
  lines.push("  }", "}");
  const depth = Math.min(Math.floor(n / 16), 400);
  let nested = "export function deep() {\n";
  for (let i = 0; i < depth; i++) nested += `${"  ".repeat(i + 1)}el.addEventListener('x${i}', () => {\n`;
  nested += `${"  ".repeat(depth + 1)}setTimeout(go, 5);\n`;
  for (let i = depth - 1; i >= 0; i--) nested += `${"  ".repeat(i + 1)}});\n`;
  nested += "}\n";
  return `${lines.join("\n")}\n${nested}`;
}

export function scalingRun(Linter, configFor, sizes) {
  const rows = [];
  for (const n of sizes) {
    const code = syntheticFile(n);
    const file = { code, ts: false, sourceType: "module" };
    const config = configFor(file);
    const times = [];
    for (let round = 0; round < 3; round++) {
      const linter = new Linter({ configType: "flat" });
      linter.verifyAndFix(code, config, { filename: "big.jsx", stats: true, fix: false });
      const pass = linter.getTimes().passes[0];
      const ruleTime = Object.values(pass.rules ?? {}).reduce((sum, t) => sum + t.total, 0);
      times.push(ruleTime);
    }
    rows.push({ n, lines: code.split("\n").length, ruleMs: Math.min(...times) });
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Main

/**
 * The project's bar: recommended's rules (ESLint's per-rule time) cost at most this share of
 * the parse-only baseline's time on the corpus.
 */
export const RULE_TIME_BOUND = 0.1;

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const pct = (x) => `${(x * 100).toFixed(1)}%`;

async function main() {
  install({ skipInstall: args.has("--skip-install") });
  const { Linter, configs, allRules } = await configurations();
  const files = loadCorpus(quick ? 5 : Infinity);
  log(`${files.length} corpus files`);

  // Two rounds, interleaved, so a noisy moment hits every configuration alike; keep the faster round.
  const runs = {};
  for (let round = 0; round < 2; round++) {
    for (const [name, configFor] of Object.entries(configs)) {
      log(`round ${round + 1}: ${name}`);
      const result = lintAll(Linter, files, configFor);
      if (!runs[name] || result.wall < runs[name].wall) runs[name] = result;
    }
  }
  log("suggestions");
  const suggestionCheck = checkSuggestions(Linter, files, [...runs["leakproof/recommended"].findings, ...runs["leakproof/strict"].findings], configs["leakproof/strict"]);
  log(`mutations (${mutationCount})`);
  const mutations = mutationRun(Linter, files, allRules, mutationCount);
  log("scaling");
  const scaling = scalingRun(Linter, allRules, quick ? [1000, 4000] : [1000, 4000, 16000]);

  const baseline = runs.baseline.wall;
  const rec = runs["leakproof/recommended"];
  const recRuleTotal = Object.values(rec.rules).reduce((a, b) => a + b, 0);
  const heaviest = Object.entries(rec.rules).sort((a, b) => b[1] - a[1]);
  const summary = {
    files: files.length,
    crashes: Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, run.crashes.length])),
    addedTimeRecommended: (rec.wall - baseline) / baseline,
    addedRuleTimeRecommended: recRuleTotal / baseline,
    heaviestRuleShare: heaviest.length ? heaviest[0][1] / rec.wall : 0,
    scalingRatio: scaling.length > 1 ? scaling[scaling.length - 1].ruleMs / scaling[0].ruleMs : undefined,
  };

  mkdirSync(join(here, "results"), { recursive: true });
  writeFileSync(
    join(here, "results/findings.json"),
    `${JSON.stringify(
      Object.fromEntries(Object.entries(runs).filter(([name]) => name !== "baseline").map(([name, run]) => [name, run.findings.map(({ suggestions, ...f }) => ({ ...f, suggestions: suggestions.length }))])),
      null,
      1,
    )}\n`,
  );
  if (!quick) writeFileSync(join(here, "RESULTS.md"), report({ files, runs, suggestionCheck, mutations, scaling, summary }));
  if (!quick && summary.addedRuleTimeRecommended > RULE_TIME_BOUND) {
    log(`leakproof/recommended's rules take ${pct(summary.addedRuleTimeRecommended)} of the baseline's time: over the ${pct(RULE_TIME_BOUND)} bound`);
    process.exitCode = 1;
  }
  console.log(JSON.stringify({ summary, suggestions: { applied: suggestionCheck.applied, broken: suggestionCheck.broken.length }, mutations: { ...mutations, crashes: mutations.crashes.length }, scaling }, null, 2));
  return { runs, suggestionCheck, mutations, scaling, summary };
}

function report({ files, runs, suggestionCheck, mutations, scaling, summary }) {
  const packages = CORPUS.map((pkg) => pkg.name);
  const out = [];
  out.push("# Bench results", "");
  out.push(`Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${process.platform}, one process, one run; the faster of two interleaved rounds per configuration). Machine: 2 shared cores, so absolute times are noisy; the ratios are taken within this run.`, "");
  out.push("## Corpus", "", "| package | files | lines |", "| --- | ---: | ---: |");
  for (const pkg of packages) {
    const own = files.filter((file) => file.pkg === pkg);
    out.push(`| ${pkg} | ${own.length} | ${own.reduce((sum, file) => sum + file.code.split("\n").length, 0)} |`);
  }
  out.push(`| **all** | **${files.length}** | **${files.reduce((sum, file) => sum + file.code.split("\n").length, 0)}** |`, "");

  out.push("## Time", "", "| configuration | whole run | vs baseline | parse (ESLint stats) | rules (ESLint stats) | crashes | parse failures | findings |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const [name, run] of Object.entries(runs)) {
    const rules = Object.values(run.rules).reduce((a, b) => a + b, 0);
    out.push(`| ${name} | ${fmt(run.wall)} | ${(run.wall / runs.baseline.wall).toFixed(3)}× | ${fmt(run.parse)} | ${fmt(rules)} | ${run.crashes.length} | ${run.parseFailures.length} | ${run.findings.length} |`);
  }
  out.push("");
  out.push(`- leakproof/recommended's rules take **${pct(summary.addedRuleTimeRecommended)}** of the baseline's time (ESLint's own per-rule timing, the direct measure; bound: ${pct(RULE_TIME_BOUND)}). The whole-run difference is ${pct(summary.addedTimeRecommended)}; on this shared 2-core machine whole-run times swing by ±10% between rounds, so read that figure with the baseline's own spread in mind.`);
  out.push(`- The heaviest recommended rule takes **${pct(summary.heaviestRuleShare)}** of the recommended run's total lint time (bound: 5%).`, "");

  out.push("### Per-rule time (ESLint `stats`, the figures `TIMING=all` prints)", "", "| configuration | rule | time | share of run |", "| --- | --- | ---: | ---: |");
  for (const name of ["leakproof/recommended", "leakproof/strict", "other leak linters"]) {
    for (const [rule, time] of Object.entries(runs[name].rules).sort((a, b) => b[1] - a[1])) {
      out.push(`| ${name} | ${rule} | ${(time).toFixed(0)} ms | ${pct(time / runs[name].wall)} |`);
    }
  }
  out.push("");

  out.push("## Findings per rule and package", "");
  for (const name of ["leakproof/recommended", "leakproof/strict", "other leak linters"]) {
    const run = runs[name];
    const rules = [...new Set(run.findings.map((f) => f.rule))].sort();
    out.push(`### ${name} (${run.findings.length} findings)`, "");
    if (rules.length === 0) {
      out.push("No findings.", "");
      continue;
    }
    out.push(`| rule | ${packages.join(" | ")} | total |`, `| --- | ${packages.map(() => "---:").join(" | ")} | ---: |`);
    for (const rule of rules) {
      const own = run.findings.filter((f) => f.rule === rule);
      out.push(`| ${rule} | ${packages.map((pkg) => own.filter((f) => f.pkg === pkg).length).join(" | ")} | ${own.length} |`);
    }
    out.push("");
  }

  out.push("## Crashes and parse failures", "");
  for (const [name, run] of Object.entries(runs)) {
    out.push(`- ${name}: ${run.crashes.length} rule crashes, ${run.parseFailures.length} parse failures`);
    for (const crash of run.crashes.slice(0, 10)) out.push(`  - ${crash.path}: ${crash.error}`);
    for (const failure of run.parseFailures.slice(0, 5)) out.push(`  - parse: ${failure.path}: ${failure.message}`);
  }
  out.push("");
  out.push("## Suggestions", "", `${suggestionCheck.applied} suggestions applied on the corpus; ${suggestionCheck.broken.length} produced code that does not parse.`, "");
  for (const broken of suggestionCheck.broken) out.push(`- ${broken.path}:${broken.line} ${broken.rule}: ${broken.error}`);
  out.push("## Mutated programs", "", `${mutations.programs} programs (corpus files with statements deleted, arguments dropped or swapped, seeded), every leakproof rule on: ${mutations.linted} parsed and linted, ${mutations.unparsable} no longer parsed, **${mutations.crashes.length} crashes**.`, "");
  for (const crash of mutations.crashes.slice(0, 10)) out.push(`- ${crash.path} (#${crash.iteration}): ${crash.error}`);
  out.push("## Scaling", "", "Synthetic file: one effect, one class and nested callbacks with n acquisitions; rule time with every leakproof rule on (fastest of 3).", "", "| acquisitions | lines | rule time |", "| ---: | ---: | ---: |");
  for (const row of scaling) out.push(`| ${row.n} | ${row.lines} | ${row.ruleMs.toFixed(0)} ms |`);
  out.push("", `16k/1k = **${summary.scalingRatio?.toFixed(1)}×** (bound: 20×; 16× is linear).`, "");
  // The per-family table comes from `--scaling` (minutes of its own): kept from the last such run.
  const previous = existsSync(join(here, "RESULTS.md")) ? readFileSync(join(here, "RESULTS.md"), "utf8") : "";
  const kept = previous.slice(previous.indexOf(SCALING_START), previous.indexOf(SCALING_END) + SCALING_END.length);
  if (previous.includes(SCALING_START)) out.push(kept, "");
  out.push("## Review", "", "Every finding of leakproof/recommended is labelled in [findings-review.md](findings-review.md), with a sample of the other linters' findings labelled the same way.", "");
  // The tuning corpus's labels say little about new code: the test corpus's, side by side.
  out.push(
    "## Test corpus (code the rules were not tuned on)",
    "",
    "Recommended findings on the samples of [bench/README.md](README.md#the-samples) — chosen by a written rule before anything in them was linted — labelled true / debatable / false by reviewers who did not write the rules ([test/labels.json](test/labels.json)). A sample's *first* run is the figure that counts; its *final* run is after the fixes it prompted. From `node bench/test/summary.mjs`.",
    "",
    testCorpusSection(),
    "",
  );
  return out.join("\n");
}

// ---------------------------------------------------------------------------
// --scaling: per family and shape

/** The limit on 64k/1k rule time (64× is linear; the rest is noise and cache effects). */
export const SCALING_BOUND = 80;

async function scalingMain() {
  if (!args.has("--skip-build")) {
    log("building the plugin");
    sh("npm", ["run", "build"], root);
  }
  const { Linter } = await import("eslint");
  const { default: plugin } = await import(join(root, "dist/index.js"));
  const sizes = (flag("sizes") ?? "1000,4000,16000,64000").split(",").map(Number);
  const pick = (list, value, key) => (value ? list.filter((item) => value.split(",").includes(key(item))) : list);
  const families = pick(FAMILIES, flag("families"), (f) => f.family.replace(/ /g, "-"));
  const shapes = pick(SHAPES, flag("shapes"), (s) => s);
  const narrowed = families.length < FAMILIES.length || shapes.length < SHAPES.length || String(sizes) !== "1000,4000,16000,64000";
  const workSizes = (flag("work-sizes") ?? "1000,16000").split(",").map(Number);
  if (args.has("--work")) {
    // Only the work counts (in a process of their own: see measureWork), as JSON lines.
    for (const spec of families) {
      for (const shape of shapes) {
        const work = await measureWork(Linter, plugin, (n) => scalingFile(spec, shape, n), workSizes, (url) => url.includes(`${root}/dist/`));
        console.log(JSON.stringify({ family: spec.family, shape, work }));
      }
    }
    return;
  }
  // The plugin's exact work per row first, in a child process (precise coverage must be on
  // before the plugin's code runs, and would slow the timings after it).
  log(`counting the plugin's work at ${workSizes.join(", ")} acquisitions`);
  const workArgs = ["--scaling", "--work", "--skip-build", `--work-sizes=${workSizes}`, ...["families", "shapes"].flatMap((name) => (flag(name) ? [`--${name}=${flag(name)}`] : []))];
  const works = new Map(
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), ...workArgs], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 })
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line))
      .map(({ family, shape, work }) => [`${family}/${shape}`, work]),
  );
  const started = Date.now();
  const load = () => loadavg().map((value) => value.toFixed(1)).join(" / ");
  const loadBefore = load();
  const rows = measureScaling(Linter, plugin, {
    families,
    shapes,
    sizes,
    control: CONTROL_RULES,
    onRow: (row) => {
      row.work = works.get(`${row.family}/${row.shape}`);
      log(`${row.family} / ${row.shape}: ${sizes.map((n) => `${n}: ${(row.times[n] / 1000).toFixed(4)} s (${row.runs[n]} runs)`).join(", ")}, ${row.ratio.toFixed(1)}× (heaviest: ${row.heaviest[sizes[sizes.length - 1]]}; ESLint core rules ${row.controlRatio.toFixed(1)}×; ESLint parse ${row.parseRatio.toFixed(1)}×)`);
    },
  });
  const table = scalingTable(rows, sizes, workSizes, { cpus: cpus().length, loadBefore, loadAfter: load(), minutes: Math.round((Date.now() - started) / 60_000) });
  console.log(table);
  const over = rows.filter((row) => row.ratio > SCALING_BOUND);
  if (!narrowed) {
    const path = join(here, "RESULTS.md");
    writeFileSync(path, withScalingSection(existsSync(path) ? readFileSync(path, "utf8") : "# Bench results\n", table));
    log("wrote the Scaling section of bench/RESULTS.md");
  }
  if (over.length > 0 && sizes[sizes.length - 1] / sizes[0] === 64) {
    log(`over ${SCALING_BOUND}×: ${over.map((row) => `${row.family}/${row.shape}`).join(", ")}`);
    process.exitCode = 1;
  }
}

const SCALING_START = "<!-- scaling:start -->";
const SCALING_END = "<!-- scaling:end -->";

function scalingTable(rows, sizes, workSizes, machine) {
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const label = (n) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
  const runs = rows.flatMap((row) => sizes.map((n) => row.runs[n]));
  const out = [
    SCALING_START,
    `Per family and shape (\`npm run bench -- --scaling\`, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}): rule time in seconds, ESLint's own per-rule timing (\`stats\`) summed over every leakproof rule of the \`all\` preset and scaled by the share of the run the process spent on a CPU (\`process.cpuUsage\` over wall time, never above 1), so that a long run is not charged for the time other jobs held the CPUs. Each row is measured in three rounds that lint every size in turn; in a round a size is linted back to back until its runs took 0.4 s of CPU time (at most 50 runs; here ${Math.min(...runs)}–${Math.max(...runs)} runs per size in all), after one untimed run when it lints fast, and the batch's mean is the round's figure: the lowest of the three counts. A mean rather than the fastest run, because a 1k run can fall between two garbage collections and a 64k run cannot: the batch pays its share at every size. Shapes (scripts/scaling.mjs): **class**, one class acquiring n times in one method and releasing n times in another; **effect**, one React effect with n acquisitions and the n releases in its cleanup; **owners**, n small owners with one acquisition and its release each; **types**, one owner, n acquisitions of distinct event types, channels, kinds or keys; **nesting**, n/64 levels (at most 128, then repeated) of nested loops, callbacks or blocks with four acquisitions a level. Only ratios within this run are compared; bound: ${label(last)}/${label(first)} ≤ ${SCALING_BOUND}× (${last / first}× is linear). "Unscaled" is the same ratio of ESLint's own figures; "ESLint parse" is the same ratio of ESLint's own parse of the same files in the same runs (scaled alike), a control for how this machine's time grows with the size of a lint whose work is linear (it is not bounded); "ESLint core rules" is a second control, closer to the plugin's rules: ESLint's own ${Object.keys(CONTROL_RULES).map((name) => `\`${name}\``).join(", ")}, whose work is linear, linted in the same runs and their time scaled and chosen the same way (not part of the rule time, not bounded); "work" is exact and noise-free: how many blocks of the plugin's code V8 ran (precise block coverage, \`measureWork\` in scripts/scaling.mjs) for ${label(workSizes[workSizes.length - 1])} acquisitions over ${label(workSizes[0])} (${workSizes[workSizes.length - 1] / workSizes[0]}× is linear; the nest deepens from 15 to 128 levels between them, so per-acquisition work that grows with the depth shows there).`,
    "",
    `Machine: ${machine.cpus} CPUs, shared with other jobs; load average ${machine.loadBefore} at the start of the run, ${machine.loadAfter} at its end (${machine.minutes} minutes).`,
    "",
    `| family | shape | ${sizes.map(label).join(" | ")} | ${label(last)}/${label(first)} | heaviest rule at ${label(last)} | unscaled ${label(last)}/${label(first)} | ESLint core rules ${label(last)}/${label(first)} | ESLint parse ${label(last)}/${label(first)} | work ${label(workSizes[workSizes.length - 1])}/${label(workSizes[0])} |`,
    `| --- | --- | ${sizes.map(() => "---:").join(" | ")} | ---: | --- | ---: | ---: | ---: | ---: |`,
  ];
  for (const row of rows) {
    const wallRatio = row.wall[last] / Math.max(row.wall[first], 0.001);
    const work = row.work ? `${(row.work[workSizes[workSizes.length - 1]] / row.work[workSizes[0]]).toFixed(1)}×` : "–";
    out.push(`| ${row.family} | ${row.shape} | ${sizes.map((n) => (row.times[n] / 1000).toFixed(4)).join(" | ")} | ${row.ratio.toFixed(1)}× | ${row.heaviest[last]} | ${wallRatio.toFixed(1)}× | ${row.controlRatio.toFixed(1)}× | ${row.parseRatio.toFixed(1)}× | ${work} |`);
  }
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a), rows[0]);
  if (worst) out.push("", `Largest ratio: **${worst.ratio.toFixed(1)}×** (${worst.family} / ${worst.shape}).`);
  const over = rows.filter((row) => row.ratio > SCALING_BOUND);
  if (last / first === 64) out.push("", over.length === 0 ? `No row is over ${SCALING_BOUND}×.` : `Over ${SCALING_BOUND}×: ${over.map((row) => `${row.family} / ${row.shape} (${row.ratio.toFixed(1)}×; ESLint core rules ${row.controlRatio.toFixed(1)}×)`).join(", ")}.`);
  const controls = rows.map((row) => row.controlRatio).filter((ratio) => Number.isFinite(ratio));
  if (controls.length > 0 && last / first === 64) {
    const controlOver = rows.filter((row) => row.controlRatio > SCALING_BOUND).length;
    out.push("", `ESLint's own core rules, linear, in the same runs: ${Math.min(...controls).toFixed(1)}–${Math.max(...controls).toFixed(1)}×; over ${SCALING_BOUND}× in ${controlOver} of ${rows.length} rows.`);
  }
  out.push(SCALING_END);
  return out.join("\n");
}

/** RESULTS.md with the per-family table put in (or replaced) at the end of its "Scaling" section. */
export function withScalingSection(text, table) {
  const start = text.indexOf(SCALING_START);
  const end = text.indexOf(SCALING_END);
  if (start >= 0 && end > start) return text.slice(0, start) + table + text.slice(end + SCALING_END.length);
  const heading = text.indexOf("## Scaling");
  if (heading < 0) return `${text.trimEnd()}\n\n## Scaling\n\n${table}\n`;
  const next = text.indexOf("\n## ", heading + 1);
  const at = next < 0 ? text.length : next + 1;
  return `${text.slice(0, at).trimEnd()}\n\n${table}\n\n${text.slice(at)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  (args.has("--scaling") ? scalingMain() : main()).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
