/**
 * The pre-commit framework hook (.pre-commit-hooks.yaml), used as docs/pre-commit.md says: a
 * scratch repository's .pre-commit-config.yaml points at a local clone of this repository at the
 * current commit, with `language_version: system`. pre-commit itself is installed with pip into
 * a virtual environment of the test's own; without Python the test is skipped with a notice.
 *
 * pre-commit installs the hook the way it would from GitHub: `npm install -g git+file://<clone>`,
 * which runs the package's `prepare` script to build it. The hook therefore tests what is
 * committed at HEAD, not uncommitted changes in the working tree.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CACHE,
  cleanEnv,
  expectedFindings,
  findingsIn,
  git,
  lockedVersion,
  mustRun,
  newRepo,
  removeRepo,
  removeStale,
  ROOT,
  run,
  sourceFiles,
  withLock,
  writeFiles,
} from "./harness.js";
import { SOURCES } from "./sources.js";

/** The pre-commit release the test installs (pinned, so a new release cannot change the result). */
const PRE_COMMIT_VERSION = "4.6.2";

function findPython(): string | undefined {
  for (const candidate of ["python3", "python"]) {
    const probe = run(candidate, ["-c", "import sys, venv, ensurepip; assert sys.version_info >= (3, 9)"], { cwd: ROOT });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

const python = findPython();
if (!python) {
  console.warn(
    "[leakproof e2e] NOTICE: no python3 with the venv module on PATH: the pre-commit framework test is SKIPPED.",
  );
}

const head = git(ROOT, "rev-parse", "HEAD");
const home = path.join(CACHE, `pre-commit-home-${head.slice(0, 12)}`);
let preCommit = "";
let clone = "";
let repo = "";

/** A virtual environment with pre-commit, made once and kept in the cache. */
async function preCommitVenv(): Promise<string> {
  const venv = path.join(CACHE, `venv-pre-commit-${PRE_COMMIT_VERSION}`);
  const bin = path.join(venv, "bin", "pre-commit");
  await withLock("venv", () => {
    if (existsSync(path.join(venv, ".ready"))) return;
    mustRun(python!, ["-m", "venv", "--clear", venv], { cwd: CACHE });
    // pip asks every configured index. Where one of them cannot be reached (a machine that
    // mirrors PyPI locally, say), its default retries cost seconds per package: try with one
    // retry first, and only if that fails with pip's default retries.
    const install = (retries: string) =>
      run(
        path.join(venv, "bin", "python"),
        ["-m", "pip", "install", "--disable-pip-version-check", "--retries", retries, `pre-commit==${PRE_COMMIT_VERSION}`],
        { cwd: CACHE, timeoutMs: 900_000 },
      );
    const quick = install("1");
    if (quick.status !== 0) {
      const patient = install("5");
      if (patient.status !== 0) throw new Error(`pip could not install pre-commit:\n${quick.output}\n${patient.output}`);
    }
    writeFileSync(path.join(venv, ".ready"), `${new Date().toISOString()}\n`);
  });
  return bin;
}

/** A clone of this repository with HEAD checked out, as `repo:` for the scratch config. */
async function cloneAtHead(): Promise<string> {
  const dir = path.join(CACHE, `clone-${head.slice(0, 12)}`);
  await withLock("clone", () => {
    // Each commit gets its own clone and hook environment (about 80 MB): drop old ones.
    removeStale("clone-", path.basename(dir));
    removeStale("pre-commit-home-", path.basename(home));
    if (existsSync(path.join(dir, ".git")) && git(dir, "rev-parse", "HEAD") === head) return;
    rmSync(dir, { recursive: true, force: true });
    mustRun("git", ["clone", "--quiet", ROOT, dir], { cwd: CACHE, timeoutMs: 300_000 });
    git(dir, "checkout", "--quiet", "--detach", head);
  });
  return dir;
}

function preCommitEnv(): NodeJS.ProcessEnv {
  return cleanEnv({ PRE_COMMIT_HOME: home });
}

function commit(message: string) {
  return run("git", ["commit", "-m", message], { cwd: repo, env: preCommitEnv(), timeoutMs: 600_000 });
}

/** The hook's environment folder in PRE_COMMIT_HOME (one per repo and rev). */
function hookEnvironments(): string[] {
  return readdirSync(home)
    .filter((name) => name.startsWith("repo"))
    .map((name) => path.join(home, name))
    .filter((dir) => existsSync(path.join(dir, ".pre-commit-hooks.yaml")) && readdirSync(dir).some((n) => n.startsWith("node_env")));
}

describe.skipIf(!python)("pre-commit framework", () => {
  beforeAll(async () => {
    preCommit = await preCommitVenv();
    clone = await cloneAtHead();
    repo = newRepo("pre-commit");
    const parsers = ["vue-eslint-parser", "svelte-eslint-parser", "svelte"].map((name) => `${name}@${lockedVersion(name)}`);
    writeFileSync(
      path.join(repo, ".pre-commit-config.yaml"),
      [
        "repos:",
        `  - repo: ${clone}`,
        `    rev: ${head}`,
        "    hooks:",
        "      - id: leakproof",
        "        language_version: system",
        `        additional_dependencies: [${parsers.join(", ")}]`,
        "",
      ].join("\n"),
    );
    git(repo, "add", "-A");
    git(repo, "commit", "--quiet", "-m", "pre-commit config");
    mustRun(preCommit, ["install"], { cwd: repo, env: preCommitEnv() });
    // Builds the hook's environment now (clone, npm install, prepare), rather than in the first commit.
    mustRun(preCommit, ["install-hooks"], { cwd: repo, env: preCommitEnv(), timeoutMs: 900_000 });
  }, 1_200_000);

  afterAll(() => removeRepo(repo));

  it("the hook is installed from the clone at HEAD and runs on the system Node.js", () => {
    const manifest = readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
    expect(manifest).toMatch(/^- id: leakproof$/m);
    expect(manifest).toMatch(/^\s+language: node$/m);
    expect(manifest).toMatch(/^\s+entry: leakproof$/m);

    const envs = hookEnvironments();
    expect(envs.length).toBeGreaterThanOrEqual(1);
    for (const env of envs) {
      // `system` in the folder name: nodeenv linked the machine's Node.js, it downloaded none.
      expect(readdirSync(env).filter((name) => name.startsWith("node_env"))).toEqual(["node_env-system"]);
      const nodeShim = path.join(env, "node_env-system", "bin", "node");
      const target = /^exec '([^']+)'/m.exec(readFileSync(nodeShim, "utf8"))?.[1];
      expect(target && path.isAbsolute(target) && !target.startsWith(home)).toBe(true);
      expect(mustRun(nodeShim, ["--version"], { cwd: repo }).stdout.trim()).toBe(process.version);
      expect(existsSync(path.join(env, "node_env-system", "bin", "leakproof"))).toBe(true);
    }
  });

  it("a leaky staged file blocks the commit, whatever its extension", () => {
    const before = git(repo, "rev-parse", "HEAD");
    writeFiles(repo, sourceFiles("leaky"));
    git(repo, "add", "src");
    const result = commit("leaky");
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toContain("- hook id: leakproof");
    expect(git(repo, "rev-parse", "HEAD")).toBe(before);
    expect(findingsIn(result.output, repo)).toEqual(expectedFindings());
  }, 600_000);

  it("clean staged files pass", () => {
    writeFiles(repo, sourceFiles("clean"));
    git(repo, "add", "src");
    const result = commit("clean");
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/leakproof[^\n]*Passed/);
    expect(git(repo, "show", "--name-only", "--format=", "HEAD").split("\n").sort()).toEqual(
      SOURCES.map((s) => s.file).sort(),
    );
  }, 600_000);

  it("leaky changes that are not staged do not block, and are left in place", () => {
    const poller = SOURCES.find((source) => source.file.endsWith(".ts"))!;
    const untracked = "src/untracked-leak.ts";
    writeFiles(repo, { [untracked]: poller.leaky });
    const stagedText = `// Polls the status endpoint.\n${poller.clean}`;
    writeFiles(repo, { [poller.file]: stagedText });
    git(repo, "add", poller.file);
    writeFiles(repo, { [poller.file]: poller.leaky });

    const result = commit("comment");
    expect(result.status, result.output).toBe(0);
    expect(git(repo, "show", `HEAD:${poller.file}`)).toBe(stagedText.trimEnd());
    expect(readFileSync(path.join(repo, poller.file), "utf8")).toBe(poller.leaky);
    expect(existsSync(path.join(repo, untracked))).toBe(true);

    // Control: once staged, the same leak is caught.
    git(repo, "add", poller.file);
    const blocked = commit("leak");
    expect(blocked.status, blocked.output).not.toBe(0);
    expect(findingsIn(blocked.output, repo)).toEqual([`${poller.file}:${poller.line} ${poller.rule}`]);
  }, 600_000);
});
