/**
 * The husky + lint-staged recipe of docs/pre-commit.md, followed as written in a scratch git
 * repository with the packed plugin installed: a leaky staged file of every extension blocks
 * the commit, clean files pass, and leaky changes that are not staged do not block.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectedFindings,
  findingsIn,
  git,
  mustRun,
  newRepo,
  removeRepo,
  ROOT,
  run,
  scratchProject,
  sourceFiles,
  writeFiles,
} from "./harness.js";
import { EXTENSIONS, SOURCES } from "./sources.js";

interface Recipe {
  /** The lint-staged object of the documented package.json. */
  lintStaged: Record<string, string>;
  /** The documented content of .husky/pre-commit. */
  hook: string;
}

/** The recipe as docs/pre-commit.md gives it (the first `lint-staged` JSON and the hook line). */
function documentedRecipe(): Recipe {
  const doc = readFileSync(path.join(ROOT, "docs/pre-commit.md"), "utf8");
  const json = [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
    .map(([, body]) => JSON.parse(body!) as { "lint-staged"?: Record<string, string> })
    .find((block) => block["lint-staged"]);
  const hook = /echo "([^"]+)" > \.husky\/pre-commit/.exec(doc);
  if (!json?.["lint-staged"] || !hook) throw new Error("docs/pre-commit.md has no husky + lint-staged recipe");
  return { lintStaged: json["lint-staged"], hook: `${hook[1]}\n` };
}

/** The extensions a glob like `*.{js,ts}` or `*.ts` matches. */
function globExtensions(glob: string): string[] {
  const braces = /^\*\.\{([^}]+)\}$/.exec(glob);
  if (braces) return braces[1]!.split(",");
  const single = /^\*\.([\w]+)$/.exec(glob);
  return single ? [single[1]!] : [];
}

const recipe = documentedRecipe();
let repo = "";

beforeAll(async () => {
  const scratch = await scratchProject();
  repo = newRepo("husky", scratch);
  git(repo, "add", "-A");
  git(repo, "commit", "--quiet", "-m", "project");
  // The documented steps: `npx husky init`, then the hook line, then lint-staged's config.
  mustRun("npx", ["husky", "init"], { cwd: repo });
  writeFileSync(path.join(repo, ".husky/pre-commit"), recipe.hook);
  const manifest = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")) as Record<string, unknown>;
  manifest["lint-staged"] = recipe.lintStaged;
  writeFileSync(path.join(repo, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  git(repo, "add", "-A");
  // This commit already goes through the hook (nothing for lint-staged to lint).
  git(repo, "commit", "--quiet", "-m", "husky and lint-staged");
}, 600_000);

afterAll(() => removeRepo(repo));

describe("husky + lint-staged", () => {
  it("the documented glob covers every extension the plugin lints, and the README shows the same one", () => {
    const globs = Object.keys(recipe.lintStaged);
    expect(globs.flatMap(globExtensions).sort()).toEqual([...EXTENSIONS].sort());
    for (const glob of globs) expect(recipe.lintStaged[glob]).toBe("leakproof");
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const glob of globs) expect(readme).toContain(`"${glob}": "leakproof"`);
    expect(git(repo, "config", "core.hooksPath")).toBe(".husky/_");
  });

  it("a leaky staged file blocks the commit, whatever its extension", () => {
    const head = git(repo, "rev-parse", "HEAD");
    writeFiles(repo, sourceFiles("leaky"));
    git(repo, "add", "src");
    const commit = run("git", ["commit", "-m", "leaky"], { cwd: repo, timeoutMs: 300_000 });
    expect(commit.status, commit.output).not.toBe(0);
    expect(git(repo, "rev-parse", "HEAD")).toBe(head);
    // Every file was linted (the glob reached it) and reported at the leak's line.
    expect(findingsIn(commit.output, repo)).toEqual(expectedFindings());
    // lint-staged leaves the index as it was, so the user can fix and retry.
    expect(git(repo, "diff", "--cached", "--name-only").split("\n").sort()).toEqual(SOURCES.map((s) => s.file).sort());
  }, 300_000);

  it("clean staged files pass", () => {
    writeFiles(repo, sourceFiles("clean"));
    git(repo, "add", "src");
    const commit = run("git", ["commit", "-m", "clean"], { cwd: repo, timeoutMs: 300_000 });
    expect(commit.status, commit.output).toBe(0);
    expect(git(repo, "show", "--name-only", "--format=", "HEAD").split("\n").sort()).toEqual(
      SOURCES.map((s) => s.file).sort(),
    );
  }, 300_000);

  it("leaky changes that are not staged do not block, and are left in place", () => {
    const poller = SOURCES.find((source) => source.file.endsWith(".ts"))!;
    const untracked = "src/untracked-leak.ts";
    writeFiles(repo, { [untracked]: poller.leaky });
    // Stage a clean edit of the file, then make its working copy leaky without staging that.
    const stagedText = `// Polls the status endpoint.\n${poller.clean}`;
    writeFiles(repo, { [poller.file]: stagedText });
    git(repo, "add", poller.file);
    writeFiles(repo, { [poller.file]: poller.leaky });

    const commit = run("git", ["commit", "-m", "comment"], { cwd: repo, timeoutMs: 300_000 });
    expect(commit.status, commit.output).toBe(0);
    expect(git(repo, "show", `HEAD:${poller.file}`)).toBe(stagedText.trimEnd());
    expect(readFileSync(path.join(repo, poller.file), "utf8")).toBe(poller.leaky);
    expect(existsSync(path.join(repo, untracked))).toBe(true);

    // Control: the same leak, once staged, is caught — the hook was live all along.
    git(repo, "add", poller.file);
    const blocked = run("git", ["commit", "-m", "leak"], { cwd: repo, timeoutMs: 300_000 });
    expect(blocked.status, blocked.output).not.toBe(0);
    expect(findingsIn(blocked.output, repo)).toEqual([`${poller.file}:${poller.line} ${poller.rule}`]);
  }, 300_000);
});
