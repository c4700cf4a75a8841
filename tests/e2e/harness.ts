/**
 * Shared set-up of the end-to-end tests: the plugin packed with `npm pack` and installed, as a
 * user gets it, into one scratch project; throw-away git repositories that use that install;
 * and a child-process environment cleaned of what the test runner itself inherited.
 *
 * The scratch install is shared by every e2e test file (they may run in parallel workers) and
 * kept between runs: it lives in `<tmp>/leakproof-e2e/scratch-<sha1 of the tarball>`, so a
 * changed build gets a fresh install and an unchanged one is reused. A lock folder serializes
 * its creation.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt, root } from "../../scripts/ensure-build.mjs";
import { SOURCES } from "./sources.js";

export const ROOT = root;
export const CACHE = path.join(os.tmpdir(), "leakproof-e2e");
/** Set LEAKPROOF_E2E_KEEP=1 to keep the scratch repositories for inspection. */
export const KEEP = process.env["LEAKPROOF_E2E_KEEP"] === "1";

/**
 * Cached entries (one per build or commit) unused for this long are removed when a new one is
 * made. A run takes minutes; an hour leaves any other run on the machine alone.
 */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Packages the scratch project installs next to the plugin, at the versions this repo locks. */
const SCRATCH_PACKAGES = [
  "eslint",
  "husky",
  "lint-staged",
  "typescript",
  "typescript-eslint",
  "vue-eslint-parser",
  "svelte-eslint-parser",
  "svelte",
] as const;

/** The version of a package installed in this repository (so the npm cache already has it). */
export function lockedVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

/**
 * The environment for child processes: without the variables `npm test`, git hooks and vitest
 * set for this repository (npm_*, GIT_*: a test run from a git hook would otherwise point every
 * nested git command at this repository), without this repository's node_modules/.bin on PATH
 * (each scratch project must use its own install), and with git's global and system
 * configuration ignored (a user's core.hooksPath or signing setup must not change the result).
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|GIT_|VITEST|NODE_OPTIONS$|LEAKPROOF_)/i.test(key)) continue;
    env[key] = value;
  }
  const ownBins = path.join(ROOT, "node_modules");
  env["PATH"] = (process.env["PATH"] ?? "")
    .split(path.delimiter)
    .filter((entry) => entry && !entry.startsWith(ownBins) && !entry.includes(`${path.sep}node_modules${path.sep}.bin`))
    .join(path.delimiter);
  env["GIT_CONFIG_NOSYSTEM"] = "1";
  env["GIT_CONFIG_GLOBAL"] = os.devNull;
  env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = "Leakproof E2E";
  env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = "e2e@leakproof.invalid";
  // Colour codes would get in the way of matching the output.
  env["NO_COLOR"] = "1";
  env["FORCE_COLOR"] = "0";
  return { ...env, ...extra };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for messages. */
  output: string;
}

/**
 * Run a command to completion. The timeout only stops a hung child (so the suite cannot hang);
 * no assertion depends on how long anything took.
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string },
): RunResult {
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd,
    env: options.env ?? cleanEnv(),
    encoding: "utf8",
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
    input: options.input ?? "",
  };
  const result = spawnSync(command, args, spawnOptions);
  const stdout = String(result.stdout ?? "");
  const stderr = String(result.stderr ?? "");
  if (result.error) {
    return { status: null, stdout, stderr: `${stderr}\n${String(result.error)}`, output: `${stdout}\n${stderr}\n${String(result.error)}` };
  }
  return { status: result.status, stdout, stderr, output: `${stdout}\n${stderr}` };
}

/** Like {@link run}, but throws with the command's output when it does not exit 0. */
export function mustRun(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): RunResult {
  const result = run(command, args, options);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} (in ${options.cwd}) exited ${result.status}:\n${result.output}`);
  }
  return result;
}

export function git(cwd: string, ...args: string[]): string {
  return mustRun("git", args, { cwd }).stdout.trim();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Run `body` while holding the lock folder `name` in the cache. A lock whose owner process has
 * died is taken over, so a killed run cannot block the next one.
 */
export async function withLock<T>(name: string, body: () => T | Promise<T>): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  const lock = path.join(CACHE, `${name}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(path.join(lock, "pid"), "utf8"));
      } catch {
        // the owner has not written its pid yet
      }
      if (Number.isInteger(owner) && !processAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Remove cache entries with this prefix, other than `keep`, that nobody has used for an hour. */
export function removeStale(prefix: string, keep: string): void {
  if (!existsSync(CACHE)) return;
  for (const name of readdirSync(CACHE)) {
    if (!name.startsWith(prefix) || name === keep) continue;
    const entry = path.join(CACHE, name);
    try {
      if (Date.now() - statSync(entry).mtimeMs > STALE_AFTER_MS) rmSync(entry, { recursive: true, force: true });
    } catch {
      // removed meanwhile
    }
  }
}

export interface Scratch {
  /** The scratch project: package.json and node_modules with the packed plugin installed. */
  dir: string;
  /** The packed plugin, as `npm pack` wrote it. */
  tarball: string;
  /** sha1 of the tarball. */
  sha1: string;
}

let scratchPromise: Promise<Scratch> | undefined;

/** The scratch project with the packed plugin installed (made once, shared). */
export function scratchProject(): Promise<Scratch> {
  scratchPromise ??= withLock("scratch", makeScratchProject);
  return scratchPromise;
}

function makeScratchProject(): Scratch {
  // `npm test` has just built dist/; a targeted run of these tests builds it when stale.
  ensureBuilt({ quiet: true });
  const packDir = mkdtempSync(path.join(CACHE, "pack-"));
  try {
    // --ignore-scripts: dist/ is current, and `prepare` would only check that again.
    const packed = mustRun("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", packDir], { cwd: ROOT });
    const file = packed.stdout.trim().split("\n").pop() ?? "";
    const packedPath = path.join(packDir, file);
    const sha1 = createHash("sha1").update(readFileSync(packedPath)).digest("hex");
    const dir = path.join(CACHE, `scratch-${sha1.slice(0, 12)}`);
    const tarball = path.join(dir, file);
    removeStale("scratch-", path.basename(dir));
    if (existsSync(path.join(dir, ".ready"))) {
      const now = new Date();
      utimesSync(dir, now, now);
      return { dir, tarball, sha1 };
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    renameSync(packedPath, tarball);
    const devDependencies: Record<string, string> = { "eslint-plugin-leakproof": `file:./${file}` };
    for (const name of SCRATCH_PACKAGES) devDependencies[name] = lockedVersion(name);
    writeFileSync(
      path.join(dir, "package.json"),
      `${JSON.stringify({ name: "leakproof-e2e-scratch", private: true, type: "module", devDependencies }, null, 2)}\n`,
    );
    // The versions above come from this repo's lockfile, so `npm ci` here has them in the cache.
    mustRun("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir, timeoutMs: 600_000 });
    writeFileSync(path.join(dir, ".ready"), `${new Date().toISOString()}\n`);
    return { dir, tarball, sha1 };
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}

/**
 * A new git repository in the temp folder, on branch `main`. With `scratch`, its package.json
 * is the scratch project's and its node_modules a link to the scratch install (git ignores it).
 */
export function newRepo(name: string, scratch?: Scratch): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `leakproof-e2e-${name}-`));
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "config", "commit.gpgsign", "false");
  if (scratch) {
    writeFileSync(path.join(dir, "package.json"), readFileSync(path.join(scratch.dir, "package.json")));
    symlinkSync(path.join(scratch.dir, "node_modules"), path.join(dir, "node_modules"), "dir");
  }
  writeFileSync(path.join(dir, ".gitignore"), "node_modules\n");
  return dir;
}

export function removeRepo(dir: string | undefined): void {
  if (dir && !KEEP) rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/** Every source file, leaky or clean, keyed by its path in the repository. */
export function sourceFiles(kind: "leaky" | "clean"): Record<string, string> {
  return Object.fromEntries(SOURCES.map((source) => [source.file, source[kind]]));
}

/** The `path:line rule` findings of stylish (or lint-staged/pre-commit relayed) output. */
export function findingsIn(output: string, dir: string): string[] {
  const found: string[] = [];
  let file: string | undefined;
  for (const line of output.split("\n")) {
    const header = /^(\/\S+)\s*$/.exec(line.trim());
    if (header && header[1]!.startsWith(dir)) {
      file = path.relative(dir, header[1]!);
      continue;
    }
    const message = /^\s+(\d+):\d+\s+(?:error|warning)\s+.*\s(leakproof\/[a-z-]+)\s*$/.exec(line);
    if (message && file) found.push(`${file}:${message[1]} ${message[2]}`);
  }
  return found.sort();
}

/** The findings {@link findingsIn} must report for every leaky source. */
export function expectedFindings(): string[] {
  return SOURCES.map((source) => `${source.file}:${source.line} ${source.rule}`).sort();
}
