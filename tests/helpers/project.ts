/**
 * Scratch projects for the tests that use the plugin the way a user does: a folder with
 * its own eslint.config.js and source files, linted by the `eslint` command in a child
 * process. The folders live under tests/.tmp/ (gitignored) so that packages the scratch
 * project does not install itself (typescript-eslint, the Vue and Svelte parsers,
 * typescript) resolve from this repository's node_modules, as hoisted dependencies would.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const scratchRoot = path.join(root, "tests", ".tmp");

/** A new empty folder under tests/.tmp/; `remove()` deletes it. */
export function scratchProject(prefix: string): { dir: string; remove: () => void } {
  mkdirSync(scratchRoot, { recursive: true });
  const dir = mkdtempSync(path.join(scratchRoot, `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `files` (relative path → text) under `dir`, creating folders as needed. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** `dir/node_modules/<name>` → `target` (a folder), as a symlink. */
export function linkPackage(dir: string, name: string, target: string): void {
  const link = path.join(dir, "node_modules", ...name.split("/"));
  mkdirSync(path.dirname(link), { recursive: true });
  rmSync(link, { recursive: true, force: true });
  symlinkSync(target, link, "dir");
}

let packed: string | undefined;

/**
 * Packs this repository with `npm pack` (what `npm publish` would upload: the `files`
 * list, not the working tree), once per test worker, and returns the tarball's path.
 * The build must be current (`npm test` builds first; see scripts/ensure-build.mjs).
 */
export function packPlugin(): string {
  if (packed) return packed;
  const packDir = mkdtempSync(path.join(os.tmpdir(), "leakproof-pack-"));
  process.once("exit", () => rmSync(packDir, { recursive: true, force: true }));
  const pack = spawnSync("npm", ["pack", "--silent", "--pack-destination", packDir], { cwd: root, encoding: "utf8" });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}${pack.stderr}`);
  const tarball = readdirSync(packDir).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball:\n${pack.stdout}${pack.stderr}`);
  packed = path.join(packDir, tarball);
  return packed;
}

/** Unpacks the packed plugin as `dir/node_modules/eslint-plugin-leakproof`, as npm would install it. */
export function installPackedPlugin(dir: string): string {
  const target = path.join(dir, "node_modules", "eslint-plugin-leakproof");
  mkdirSync(target, { recursive: true });
  const untar = spawnSync("tar", ["-xzf", packPlugin(), "-C", target, "--strip-components=1"], { encoding: "utf8" });
  if (untar.status !== 0) throw new Error(`tar failed:\n${untar.stderr}`);
  return target;
}

export interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
  fatal?: boolean;
  severity: number;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

/** ESLint 10, this repository's development version. */
export const eslintBin = path.join(root, "node_modules", "eslint", "bin", "eslint.js");

/**
 * Runs `eslint --format json .` in `dir` with the given ESLint's bin and returns the
 * results by path relative to `dir`. Throws with ESLint's output when it crashes
 * (exit 2: a broken config, a missing plugin), so a test sees the real error.
 */
export function runEslint(dir: string, bin = eslintBin): Map<string, LintMessage[]> {
  const run = spawnSync(process.execPath, [bin, "--format", "json", "."], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`eslint exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
  }
  const results = JSON.parse(run.stdout) as LintResult[];
  return new Map(results.map((r) => [path.relative(dir, r.filePath).split(path.sep).join("/"), r.messages]));
}

/** `npm ci` in `dir` unless `dir/node_modules/<probe>` already exists. */
export function ensureInstalled(dir: string, probe: string): void {
  if (existsSync(path.join(dir, "node_modules", probe))) return;
  const install = spawnSync(
    "npm",
    ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
    { cwd: dir, encoding: "utf8" },
  );
  if (install.status !== 0) throw new Error(`npm ci in ${dir} failed:\n${install.stdout}${install.stderr}`);
}

/** A message line for assertion output: `file:line rule message`. */
export function describeMessages(results: Map<string, LintMessage[]>): string[] {
  return [...results].flatMap(([file, messages]) =>
    messages.map((m) => `${file}:${m.line} ${m.ruleId ?? "(no rule)"}${m.fatal ? " FATAL" : ""} ${m.message}`),
  );
}
