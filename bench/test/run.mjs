#!/usr/bin/env node
/**
 * Lints one sample of the test corpus (bench/README.md) with the plugin as built in this
 * repository (`npm run build` → dist/index.js), with leakproof's recommended and strict presets.
 *
 *   node bench/test/run.mjs --sample=A [--preset=recommended|strict] [--apps=/path] [--build]
 *
 * Writes bench/test/results/<sample>-<preset>.json: every finding with a stable id, the rule
 * crashes, the parse failures, file and line counts per package or app, and the lint time.
 * A package that is not installed or an application that is not on disk is skipped with a
 * notice (stderr and the results file), never silently.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const flag = (name) => process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const flagValue = (name, fallback) => flag(name)?.split("=").slice(1).join("=") || fallback;
const log = (...parts) => console.error("[test-corpus]", ...parts);

export const corpus = JSON.parse(readFileSync(join(here, "corpus.json"), "utf8"));
const testSkip = new RegExp(corpus.testSkip);

/** The stable id of a finding: what a later run's identical finding shares with it. */
export const findingId = (f) => [f.package, f.path, f.line, f.column, f.rule, f.messageId].join("|");

function walk(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      if (entry === "node_modules" || entry.startsWith(".")) continue;
      out.push(...walk(path, base));
    } else out.push(relative(base, path));
  }
  return out;
}

const CODE = /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts|vue|svelte)$/;

/** The files of one package or app: [{ unit, kind, path (relative to its root), abs, sourceType }]. */
export function unitFiles(unit, rootDir, kind) {
  const files = [];
  const skip = unit.skip ? new RegExp(unit.skip) : undefined;
  const add = (rel) => {
    const abs = join(rootDir, rel);
    if (!existsSync(abs)) return;
    files.push({ unit: unit.name, kind, path: rel.replace(/^\.\//, ""), abs, sourceType: unit.sourceType });
  };
  for (const rel of unit.files ?? []) add(rel);
  const ext = unit.ext ? new RegExp(unit.ext) : CODE;
  for (const dir of unit.dirs ?? []) {
    const abs = join(rootDir, dir);
    if (!existsSync(abs)) continue;
    for (const rel of walk(abs)) {
      const fromRoot = join(dir, rel).replace(/^\.\//, "");
      if (!ext.test(rel) || !CODE.test(rel) || testSkip.test(fromRoot) || skip?.test(fromRoot)) continue;
      add(fromRoot);
    }
  }
  return files;
}

// Parsers and ESLint come from the repository's own devDependencies.
const requireFromRoot = createRequire(join(root, "package.json"));
const load = async (name) => {
  const mod = await import(pathToFileURL(requireFromRoot.resolve(name)).href);
  return mod.default ?? mod;
};

export async function setup() {
  const { Linter } = await import(pathToFileURL(requireFromRoot.resolve("eslint")).href);
  const tsParser = await load("@typescript-eslint/parser");
  const vueParser = await load("vue-eslint-parser");
  const svelteParser = await load("svelte-eslint-parser");
  const distEntry = join(root, "dist/index.js");
  if (!existsSync(distEntry)) throw new Error("dist/index.js is missing: run `npm run build` (or pass --build)");
  const plugin = (await import(pathToFileURL(distEntry).href)).default;
  return { Linter, tsParser, vueParser, svelteParser, plugin };
}

/** One flat config for one file: the parser chosen by extension, the preset's rules. */
export function configFor(env, preset, file, sourceType) {
  const { plugin, tsParser, vueParser, svelteParser } = env;
  const ext = file.path.split(".").pop();
  let languageOptions;
  if (ext === "ts" || ext === "tsx" || ext === "mts" || ext === "cts") {
    languageOptions = { parser: tsParser, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: ext === "tsx" } } };
  } else if (ext === "vue") {
    languageOptions = { parser: vueParser, sourceType: "module", ecmaVersion: "latest", parserOptions: { parser: { js: "espree", ts: tsParser, "<template>": "espree" }, ecmaFeatures: { jsx: true } } };
  } else if (ext === "svelte") {
    languageOptions = { parser: svelteParser, sourceType: "module", ecmaVersion: "latest", parserOptions: { parser: { ts: tsParser, js: "espree", typescript: tsParser } } };
  } else {
    languageOptions = { ecmaVersion: "latest", sourceType, parserOptions: { ecmaFeatures: { jsx: true } } };
  }
  return [
    {
      // A pattern ending in `*` alone does not make flat config lint a file: name the extensions.
      files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte}"],
      languageOptions,
      // The corpus's own eslint comments neither enable nor silence anything here.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
      plugins: { leakproof: plugin },
      rules: plugin.configs[preset].rules,
    },
  ];
}

/** Lints files; JS files that fail to parse as modules are retried as CommonJS, then as scripts. */
export function lintFiles(env, preset, files) {
  // Files are linted under a virtual root outside node_modules: flat config ignores node_modules by
  // default and matches `files` patterns relative to the linter's cwd.
  const linter = new env.Linter({ configType: "flat", cwd: "/corpus" });
  const ruleIds = new Set(Object.keys(env.plugin.configs[preset].rules));
  const out = { findings: [], crashes: [], parseFailures: [], units: {}, ms: 0 };
  const start = performance.now();
  for (const file of files) {
    const code = readFileSync(file.abs, "utf8");
    const unit = (out.units[file.unit] ??= { kind: file.kind, files: 0, lines: 0, parseFailures: 0, crashes: 0 });
    unit.files++;
    unit.lines += code.split("\n").length;
    const isJs = /\.(js|jsx|mjs|cjs)$/.test(file.path);
    const tries = isJs ? [...new Set([file.sourceType ?? (file.path.endsWith(".cjs") ? "commonjs" : "module"), "commonjs", "script"])] : ["module"];
    const filename = join("/corpus", file.unit.replace(/^@/, ""), file.path);
    let messages;
    let crashed = false;
    for (const sourceType of tries) {
      try {
        messages = linter.verify(code, configFor(env, preset, file, sourceType), { filename });
      } catch (error) {
        out.crashes.push({ package: file.unit, path: file.path, error: String(error?.stack ?? error).split("\n").slice(0, 5).join(" | ") });
        unit.crashes++;
        crashed = true;
        break;
      }
      if (!messages.some((m) => m.fatal)) break;
    }
    if (crashed) continue;
    for (const m of messages) {
      if (!m.ruleId && /No matching configuration/.test(m.message)) throw new Error(`${file.unit}/${file.path} was not linted: ${m.message}`);
      if (m.fatal) {
        out.parseFailures.push({ package: file.unit, path: file.path, line: m.line, message: m.message });
        unit.parseFailures++;
        continue;
      }
      if (!ruleIds.has(m.ruleId)) continue;
      const finding = { package: file.unit, path: file.path, line: m.line, column: m.column, rule: m.ruleId.replace(/^leakproof\//, ""), messageId: m.messageId ?? "", message: m.message };
      out.findings.push({ id: findingId(finding), ...finding });
    }
  }
  out.ms = Math.round(performance.now() - start);
  return out;
}

/** Every file of a sample, with notices for what is missing. */
export function sampleFiles(sampleName, appsDir) {
  const sample = corpus.samples[sampleName];
  if (!sample) throw new Error(`no sample ${sampleName} in corpus.json`);
  const files = [];
  const notices = [];
  for (const pkg of sample.packages) {
    // installedAs: the folder of a package installed under an npm alias (its pinned version would
    // otherwise replace a different version another sample's package depends on).
    const pkgRoot = join(here, "node_modules", pkg.installedAs ?? pkg.name);
    if (!existsSync(pkgRoot)) {
      notices.push(`package ${pkg.name} is not installed${pkg.installedAs ? ` as ${pkg.installedAs}` : ""} (cd bench/test && npm ci): skipped`);
      continue;
    }
    const own = unitFiles(pkg, pkgRoot, "package");
    if (own.length === 0) notices.push(`package ${pkg.name}: no file matched its folders: skipped`);
    files.push(...own);
  }
  for (const app of sample.apps) {
    const appRoot = join(appsDir, app.name);
    if (!existsSync(appRoot)) {
      notices.push(`app ${app.name} is not in ${appsDir} (fetch ${app.repo} at ${app.commit}): skipped`);
      continue;
    }
    files.push(...unitFiles(app, appRoot, "app"));
  }
  return { files, notices };
}

async function main() {
  const sampleName = flagValue("sample", "A");
  const presets = flag("preset") ? [flagValue("preset")] : ["recommended", "strict"];
  const appsDir = flagValue("apps", process.env.LEAKPROOF_APPS ?? "/work/corpus/apps");
  if (corpus.samples[sampleName]?.heldBack && !flag("i-know-it-is-held-back")) {
    console.error(`sample ${sampleName} is held back: ${corpus.samples[sampleName].heldBack}\nPass --i-know-it-is-held-back to lint it.`);
    process.exit(2);
  }
  if (flag("build")) execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const env = await setup();
  const { files, notices } = sampleFiles(sampleName, appsDir);
  for (const notice of notices) log(`NOTICE: ${notice}`);
  log(`sample ${sampleName}: ${files.length} files`);
  mkdirSync(join(here, "results"), { recursive: true });
  for (const preset of presets) {
    log(`linting with ${preset}`);
    const result = lintFiles(env, preset, files);
    const byRule = {};
    for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    const out = {
      sample: sampleName,
      preset,
      plugin: env.plugin.meta?.version,
      commit: gitHead(),
      date: new Date().toISOString(),
      node: process.version,
      notices,
      files: files.length,
      lines: Object.values(result.units).reduce((sum, u) => sum + u.lines, 0),
      lintMs: result.ms,
      units: result.units,
      byRule,
      crashes: result.crashes,
      parseFailures: result.parseFailures,
      findings: result.findings,
    };
    const path = join(here, "results", `${sampleName}-${preset}.json`);
    writeFileSync(path, `${JSON.stringify(out, null, 1)}\n`);
    log(`${preset}: ${result.findings.length} findings, ${result.crashes.length} crashes, ${result.parseFailures.length} parse failures, ${(result.ms / 1000).toFixed(1)} s → ${relative(root, path)}`);
  }
}

function gitHead() {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
