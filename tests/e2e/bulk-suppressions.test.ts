/**
 * Adopting the plugin on a codebase that already has findings, as docs/pre-commit.md describes:
 * ESLint's bulk suppressions (`--suppress-all`, ESLint >= 9.24) with the plugin's rules, in a
 * scratch project with the packed plugin and the documented eslint.config.js, then in the
 * documented lint-staged hook.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findingsIn, git, mustRun, newRepo, removeRepo, ROOT, run, scratchProject, writeFiles } from "./harness.js";
import { SOURCES, type SourcePair } from "./sources.js";

const DOC = readFileSync(path.join(ROOT, "docs/pre-commit.md"), "utf8");

/** The eslint.config.js the doc gives for bulk suppressions. */
function documentedConfig(): string {
  const block = /```js\n(\/\/ eslint\.config\.js\n[\s\S]*?)```/.exec(DOC);
  if (!block) throw new Error("docs/pre-commit.md has no eslint.config.js example");
  return block[1]!;
}

/** The documented lint-staged object whose command is ESLint (the one for suppressions). */
function documentedEslintLintStaged(): Record<string, string> {
  for (const [, body] of DOC.matchAll(/```json\n([\s\S]*?)```/g)) {
    const parsed = JSON.parse(body!) as { "lint-staged"?: Record<string, string> };
    const config = parsed["lint-staged"];
    if (config && Object.values(config).every((command) => command.startsWith("eslint"))) return config;
  }
  throw new Error("docs/pre-commit.md has no lint-staged example that runs eslint");
}

// The "existing codebase": the JavaScript and TypeScript sources (the config has no SFC parsers).
const EXISTING = SOURCES.filter((source) => !/\.(vue|svelte)$/.test(source.file));
const byExtension = (ext: string): SourcePair => EXISTING.find((source) => source.file.endsWith(`.${ext}`))!;
const finding = (source: SourcePair, file = source.file): string => `${file}:${source.line} ${source.rule}`;

let repo = "";

function eslint(...args: string[]) {
  return run("npx", ["eslint", ...args], { cwd: repo, timeoutMs: 300_000 });
}

function suppressions(): Record<string, Record<string, { count: number }>> {
  return JSON.parse(readFileSync(path.join(repo, "eslint-suppressions.json"), "utf8")) as Record<
    string,
    Record<string, { count: number }>
  >;
}

beforeAll(async () => {
  const scratch = await scratchProject();
  repo = newRepo("suppressions", scratch);
  writeFileSync(path.join(repo, "eslint.config.js"), documentedConfig());
  writeFiles(repo, Object.fromEntries(EXISTING.map((source) => [source.file, source.leaky])));
  git(repo, "add", "-A");
  git(repo, "commit", "--quiet", "-m", "an app with leaks");
}, 600_000);

afterAll(() => removeRepo(repo));

describe("bulk suppressions with the plugin's rules", () => {
  it("the documented config reports every existing leak", () => {
    const result = eslint(".");
    expect(result.status, result.output).toBe(1);
    expect(findingsIn(result.output, repo)).toEqual(EXISTING.map((source) => finding(source)).sort());
  }, 300_000);

  it("--suppress-all records them per file and rule, and eslint then passes", () => {
    const suppress = eslint("--suppress-all", ".");
    expect(suppress.status, suppress.output).toBe(0);
    const expected: Record<string, Record<string, { count: number }>> = {};
    for (const source of EXISTING) expected[source.file] = { [source.rule]: { count: 1 } };
    expect(suppressions()).toEqual(expected);

    const again = eslint(".");
    expect(again.status, again.output).toBe(0);
    expect(findingsIn(again.output, repo)).toEqual([]);
  }, 300_000);

  it("a new leak is still reported: in a new file, or one more in a file that had one", () => {
    const poller = byExtension("ts");
    writeFiles(repo, { "src/new-poller.ts": poller.leaky });
    const newFile = eslint(".");
    expect(newFile.status, newFile.output).toBe(1);
    expect(findingsIn(newFile.output, repo)).toEqual([finding(poller, "src/new-poller.ts")]);
    rmSync(path.join(repo, "src/new-poller.ts"));

    // A second copy of the leaky class in the same file: two findings where one is suppressed.
    const twice = `${poller.leaky}\n${poller.leaky.replace("class Poller", "class SecondPoller")}`;
    writeFiles(repo, { [poller.file]: twice });
    const oneMore = eslint(".");
    expect(oneMore.status, oneMore.output).toBe(1);
    expect(findingsIn(oneMore.output, repo).every((line) => line.startsWith(`${poller.file}:`))).toBe(true);
    expect(findingsIn(oneMore.output, repo).length).toBeGreaterThanOrEqual(1);
    writeFiles(repo, { [poller.file]: poller.leaky });
    expect(eslint(".").status).toBe(0);
  }, 300_000);

  it("a fixed leak leaves an unused suppression: an error until pruned, unless told to pass", () => {
    const poller = byExtension("ts");
    writeFiles(repo, { [poller.file]: poller.clean });
    const strict = eslint(".");
    expect(strict.status, strict.output).toBe(2);
    expect(strict.output).toContain("suppressions left that do not occur anymore");
    const lenient = eslint("--pass-on-unpruned-suppressions", ".");
    expect(lenient.status, lenient.output).toBe(0);

    const prune = eslint("--prune-suppressions", ".");
    expect(prune.status, prune.output).toBe(0);
    expect(Object.keys(suppressions())).not.toContain(poller.file);
    expect(Object.keys(suppressions()).length).toBe(EXISTING.length - 1);
    expect(eslint(".").status).toBe(0);
  }, 300_000);

  it("in the documented lint-staged hook: fixing or touching suppressed code passes, a new leak blocks", () => {
    git(repo, "add", "-A");
    git(repo, "commit", "--quiet", "-m", "suppress existing leaks");
    mustRun("npx", ["husky", "init"], { cwd: repo });
    writeFileSync(path.join(repo, ".husky/pre-commit"), "npx lint-staged\n");
    const manifest = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")) as Record<string, unknown>;
    manifest["lint-staged"] = documentedEslintLintStaged();
    writeFileSync(path.join(repo, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    git(repo, "add", "-A");
    git(repo, "commit", "--quiet", "-m", "hook");

    // Fixing a suppressed leak: its suppression is now unused, and the commit must still pass.
    const shutdown = byExtension("cjs");
    writeFiles(repo, { [shutdown.file]: shutdown.clean });
    git(repo, "add", shutdown.file);
    const fix = run("git", ["commit", "-m", "fix the SIGTERM listener"], { cwd: repo, timeoutMs: 300_000 });
    expect(fix.status, fix.output).toBe(0);

    // Touching a file whose leak is suppressed, without fixing it.
    const clock = byExtension("jsx");
    writeFiles(repo, { [clock.file]: `// The header clock.\n${clock.leaky}` });
    git(repo, "add", clock.file);
    const touch = run("git", ["commit", "-m", "comment"], { cwd: repo, timeoutMs: 300_000 });
    expect(touch.status, touch.output).toBe(0);

    // A new leak.
    const preview = byExtension("mts");
    writeFiles(repo, { "src/thumbnail.mts": preview.leaky });
    git(repo, "add", "src/thumbnail.mts");
    const head = git(repo, "rev-parse", "HEAD");
    const leak = run("git", ["commit", "-m", "thumbnails"], { cwd: repo, timeoutMs: 300_000 });
    expect(leak.status, leak.output).not.toBe(0);
    expect(git(repo, "rev-parse", "HEAD")).toBe(head);
    expect(findingsIn(leak.output, repo)).toEqual([finding(preview, "src/thumbnail.mts")]);
  }, 600_000);
});
