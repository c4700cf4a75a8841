/**
 * The `leakproof` bin on the awkward things real repositories hold: unreadable folders, pipes
 * that close early, ignore files, globs, symbolic links, untrusted checkouts, and projects
 * without TypeScript. Every test runs the built CLI in a temporary folder.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureBuilt } from "../../scripts/ensure-build.mjs";
import plugin from "../../src/index.js";
import { cliPath, CLEAN, findings, installedCopy, LEAK, lintedFiles, runCli, STACK_LINE, tempProject } from "./helpers.js";

// Each test starts the CLI once or a few times (about a second each on a quiet machine).
vi.setConfig({ testTimeout: 120_000 });

const projects: ReturnType<typeof tempProject>[] = [];
function project(prefix: string) {
  const made = tempProject(prefix);
  projects.push(made);
  return made;
}

beforeAll(() => {
  ensureBuilt({ quiet: true });
}, 180_000);

afterAll(() => {
  for (const made of projects) made.dispose();
});

describe("unreadable files and folders", () => {
  /**
   * chmod 000 does not stop root, and tests may run as root: then the CLI runs as the
   * `nobody` user (65534), for whom it does. Returns how to run the CLI, or why it cannot be done.
   */
  function lockedRunner(dir: string, locked: string) {
    let readable = true;
    try {
      readdirSync(locked);
    } catch {
      readable = false;
    }
    if (!readable) return { run: (args: string[]) => runCli(args, dir) };
    if (process.getuid?.() !== 0) return { skip: "chmod 000 does not block reads here and the tests are not root" };
    // `nobody` must reach the CLI and the project: folders 755, files 644, except what is locked.
    chmodSync(dir, 0o755);
    const probe = runCli(["--version"], dir, { uid: 65534, gid: 65534 });
    if (probe.code !== 0) return { skip: `the CLI cannot run as nobody here: ${probe.stderr.trim()}` };
    return { run: (args: string[]) => runCli(args, dir, { uid: 65534, gid: 65534 }) };
  }

  it("reports an unreadable folder and an unreadable file, lints the rest, exits 2", (context) => {
    const p = project("eacces");
    p.write({ "src/ok.js": LEAK, "src/locked.js": LEAK, "secret/hidden.js": LEAK, "lib/fine.js": CLEAN });
    for (const dir of ["src", "secret", "lib"]) chmodSync(p.path(dir), 0o755);
    chmodSync(p.path("src/locked.js"), 0o000);
    chmodSync(p.path("secret"), 0o000);
    const runner = lockedRunner(p.dir, p.path("secret"));
    if ("skip" in runner) return context.skip(runner.skip);

    const { code, stdout, stderr } = runner.run(["--format", "json", "."]);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).toContain("cannot read secret: permission denied");
    expect(stderr).toContain("cannot read src/locked.js: permission denied");
    expect(findings(stdout, p.dir)).toEqual(["src/ok.js:2 leakproof/no-leaked-timer"]);
    expect(lintedFiles(stdout, p.dir)).toEqual(["lib/fine.js", "src/ok.js"]);
    expect(code).toBe(2);
  });

  it("reports a named path inside an unreadable folder as unreadable, not as missing", (context) => {
    const p = project("eacces-arg");
    p.write({ "secret/hidden.js": LEAK, "ok.js": LEAK });
    chmodSync(p.path("secret"), 0o000);
    const runner = lockedRunner(p.dir, p.path("secret"));
    if ("skip" in runner) return context.skip(runner.skip);

    const { code, stdout, stderr } = runner.run(["secret/hidden.js", "ok.js"]);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).toContain("cannot read secret/hidden.js: permission denied");
    expect(stderr).not.toContain("no such file");
    expect(stdout).toContain("ok.js");
    expect(code).toBe(2);
  });
});

describe("output into a pipe that closes early", () => {
  // 1 500 findings: far more output than a pipe buffers, so the reader is gone before the end.
  const many = Array.from({ length: 1500 }, (_, i) => `export function start${i}(f) { const id = setInterval(f, 1000); }`).join("\n");

  it.each(["stylish", "json", "sarif"])("leakproof --format %s | head -c 100 ends quietly with the lint exit code", (format) => {
    const p = project("epipe");
    p.write({ "many.js": many });
    const script = `"${process.execPath}" "${cliPath}" --format ${format} . 2>stderr.txt | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;
    const run = spawnSync("bash", ["-c", script], { cwd: p.dir, encoding: "utf8" });
    const stderr = String(spawnSync("cat", ["stderr.txt"], { cwd: p.dir, encoding: "utf8" }).stdout);
    expect(stderr).not.toContain("EPIPE");
    expect(stderr).not.toMatch(STACK_LINE);
    expect(run.stdout.trim()).toBe("exit=1");
  });
});

describe("ignore rules", () => {
  it("ignores a file the same way whatever else is on the command line (patterns relative to the current folder)", () => {
    const work = project("ignore-cwd");
    work.write({ "proj/build/p/a.js": LEAK, "other/b.js": LEAK, "proj/src/c.js": LEAK });
    const proj = work.path("proj");
    const outside = work.path("other", "b.js");

    const alone = runCli(["--format", "json", "build/p/a.js"], proj);
    const withOther = runCli(["--format", "json", "build/p/a.js", outside], proj);
    // a.js is inside build/, skipped by default relative to the current folder, in both runs.
    expect(lintedFiles(alone.stdout, proj)).toEqual([]);
    expect(lintedFiles(withOther.stdout, work.dir)).toEqual(["other/b.js"]);
    for (const run of [alone, withOther]) {
      expect(run.stderr).toContain("ignored build/p/a.js");
      expect(run.stderr).toContain("--no-ignore");
    }
    // ... and the flag the message suggests exists.
    const noIgnore = runCli(["--format", "json", "--no-ignore", "build/p/a.js", outside], proj);
    expect(noIgnore.code).toBe(1);
    expect(lintedFiles(noIgnore.stdout, work.dir)).toEqual(["other/b.js", "proj/build/p/a.js"]);
  });

  it("never ignores the folder it is pointed at: `cd build && leakproof .` lints", () => {
    const p = project("ignore-scope");
    p.write({ "build/tool.js": LEAK });
    const run = runCli(["--format", "json", "."], p.path("build"));
    expect(findings(run.stdout, p.dir)).toEqual(["build/tool.js:2 leakproof/no-leaked-timer"]);
  });

  it("follows .gitignore files: nested ones, negations, the repository root's above the current folder, .git/info/exclude", () => {
    const p = project("gitignore");
    p.write({
      ".gitignore": "# generated code\n*.gen.js\n/packages/app/tmp/\n",
      "packages/app/.gitignore": "vendor/\nlegacy/*\n!legacy/keep.js\n",
      "packages/app/src/main.js": LEAK,
      "packages/app/src/api.gen.js": LEAK,
      "packages/app/tmp/scratch.js": LEAK,
      "packages/app/vendor/lib.js": LEAK,
      "packages/app/legacy/old.js": LEAK,
      "packages/app/legacy/keep.js": LEAK,
    });
    p.write({ ".git/info/exclude": "*.local.js\n", "packages/app/src/mine.local.js": LEAK });
    const app = p.path("packages", "app");
    const run = runCli(["--format", "json", "."], app);
    expect(lintedFiles(run.stdout, app)).toEqual(["legacy/keep.js", "src/main.js"]);
    // --no-ignore lints everything.
    const all = runCli(["--format", "json", "--no-ignore", "."], app);
    expect(lintedFiles(all.stdout, app)).toHaveLength(7);
  });

  it("takes --ignore-pattern (gitignore syntax, repeatable, '!' re-includes a built-in ignore)", () => {
    const p = project("ignore-pattern");
    p.write({ "src/a.js": LEAK, "src/a.test.js": LEAK, "legacy/x.js": LEAK, "dist/bundle.js": LEAK });
    const run = runCli(
      ["--format", "json", "--ignore-pattern", "*.test.js", "--ignore-pattern", "legacy/", "--ignore-pattern", "!dist/", "."],
      p.dir,
    );
    expect(run.code).toBe(1);
    expect(lintedFiles(run.stdout, p.dir)).toEqual(["dist/bundle.js", "src/a.js"]);
    const bad = runCli(["--ignore-pattern", "[z-a].js", "."], p.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--ignore-pattern");
    expect(bad.stderr).not.toMatch(STACK_LINE);
  });
});

describe("quoted globs", () => {
  it("expands 'src/**/*.ts' and '{lib,test}/*.js' itself, with the ignore rules applied", () => {
    const p = project("glob");
    p.write({
      "src/a.ts": LEAK,
      "src/deep/b.ts": LEAK,
      "src/c.js": LEAK,
      "src/node_modules/dep/d.ts": LEAK,
      "lib/e.js": LEAK,
      "lib/deeper/f.js": LEAK,
      "test/g.js": LEAK,
    });
    const ts = runCli(["--format", "json", "src/**/*.ts"], p.dir);
    expect(ts.code).toBe(1);
    expect(lintedFiles(ts.stdout, p.dir)).toEqual(["src/a.ts", "src/deep/b.ts"]);
    const braces = runCli(["--format", "json", "{lib,test}/*.js"], p.dir);
    expect(lintedFiles(braces.stdout, p.dir)).toEqual(["lib/e.js", "test/g.js"]);
  });

  it("exits 2 when a glob matches nothing", () => {
    const p = project("glob-none");
    p.write({ "src/a.js": LEAK });
    const run = runCli(["src/**/*.vue"], p.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no files match src/**/*.vue");
  });

  it("treats an existing path with glob characters literally (Next.js routes)", () => {
    const p = project("glob-literal");
    p.write({ "app/[id]/page.js": LEAK, "app/x/page.js": LEAK });
    const run = runCli(["--format", "json", "app/[id]/page.js"], p.dir);
    expect(lintedFiles(run.stdout, p.dir)).toEqual(["app/[id]/page.js"]);
  });
});

describe("symbolic links, as ESLint handles them", () => {
  it("lints linked files under the link's path, does not enter linked folders, survives cycles, reports broken links", () => {
    const work = project("symlinks");
    work.write({ "proj/src/real.js": LEAK, "shared/util.js": LEAK, "shared/lib/deep.js": LEAK });
    const src = work.path("proj", "src");
    symlinkSync(work.path("shared", "util.js"), path.join(src, "util.js"));
    symlinkSync(work.path("shared", "lib"), path.join(src, "lib"));
    symlinkSync("..", path.join(src, "loop"));
    symlinkSync(work.path("nowhere.js"), path.join(src, "broken.js"));
    const proj = work.path("proj");

    const walked = runCli(["--format", "json", "."], proj);
    expect(lintedFiles(walked.stdout, proj)).toEqual(["src/real.js", "src/util.js"]);
    expect(walked.stderr).toContain("cannot read src/broken.js: broken symbolic link");
    expect(walked.stderr).not.toMatch(STACK_LINE);
    expect(walked.code).toBe(2);

    // Named on the command line, a linked folder is walked.
    const named = runCli(["--format", "json", "src/lib"], proj);
    expect(lintedFiles(named.stdout, proj)).toEqual(["src/lib/deep.js"]);
  });
});

describe("--format sarif", () => {
  it("writes SARIF 2.1.0 with one result per finding, rules with help links, and relative paths", () => {
    const p = project("sarif");
    p.write({ "src/poller.js": LEAK, "src/clean.js": CLEAN, "src/broken.js": "export const = ;\n" });
    const run = runCli(["--format", "sarif", "."], p.dir);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string; helpUri?: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[];
        }[];
        invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
        originalUriBaseIds: Record<string, { uri: string }>;
      }[];
    };
    expect(log.version).toBe("2.1.0");
    const [sarifRun] = log.runs;
    expect(sarifRun!.tool.driver.name).toBe("leakproof");
    expect(sarifRun!.tool.driver.rules.map((r) => r.id).sort()).toEqual(
      Object.keys(plugin.rules).map((name) => `leakproof/${name}`).sort(),
    );
    expect(sarifRun!.tool.driver.rules.every((r) => r.helpUri?.endsWith(".md"))).toBe(true);
    expect(sarifRun!.results).toHaveLength(1);
    const [result] = sarifRun!.results;
    expect(result!.ruleId).toBe("leakproof/no-leaked-timer");
    expect(sarifRun!.tool.driver.rules[result!.ruleIndex]!.id).toBe(result!.ruleId);
    expect(result!.level).toBe("error");
    expect(result!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: "src/poller.js", uriBaseId: "%SRCROOT%" });
    expect(result!.locations[0]!.physicalLocation.region.startLine).toBe(2);
    expect(sarifRun!.originalUriBaseIds["%SRCROOT%"]!.uri).toBe(`file://${p.dir}/`);
    // The file that does not parse is a notification, not a result without a rule.
    expect(sarifRun!.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text).join("\n")).toMatch(/Parsing error/);
  });
});

describe("parsers come from the user's project or the CLI's installation, never from the linted folder", () => {
  const vue = `<script setup>\nimport { onMounted } from "vue";\nonMounted(() => {\n  setInterval(() => console.log("tick"), 1000);\n});\n</script>\n<template><div /></template>\n`;

  it("does not import vue-eslint-parser from the target's node_modules", () => {
    const work = project("untrusted");
    const marker = work.path("pwned.txt");
    work.write({
      "checkout/Clock.vue": vue,
      "checkout/node_modules/vue-eslint-parser/package.json": JSON.stringify({ name: "vue-eslint-parser", main: "index.js" }),
      "checkout/node_modules/vue-eslint-parser/index.js": `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nmodule.exports = { parseForESLint() { throw new Error("evil"); } };\n`,
      "me/.keep": "",
    });
    const run = runCli(["--format", "json", work.path("checkout")], work.path("me"));
    expect(existsSync(marker)).toBe(false);
    // The CLI's own installation (this repository) has the real parser: the file is still linted.
    expect(findings(run.stdout, work.dir)).toEqual(["checkout/Clock.vue:4 leakproof/no-leaked-timer"]);
  });

  it("skips .vue files with a clear message when neither place has the parser", () => {
    const install = installedCopy(["vue-eslint-parser", "svelte-eslint-parser"]);
    try {
      const p = project("no-parser");
      p.write({ "Clock.vue": vue, "main.js": LEAK });
      const run = install.run(["."], p.dir);
      expect(run.stderr).toContain("skipped 1 .vue file: install vue-eslint-parser in your project");
      expect(run.stdout).toContain("main.js");
      expect(run.code).toBe(1);
    } finally {
      install.dispose();
    }
  });
});

describe("without the typescript package", () => {
  let install: ReturnType<typeof installedCopy>;
  beforeAll(() => {
    install = installedCopy(["typescript"]);
  });
  afterAll(() => install.dispose());

  it("lints a JavaScript-only project (JSX included) as usual", () => {
    const p = project("no-ts-js");
    p.write({
      "a.js": LEAK,
      "View.jsx": `import { useEffect } from "react";\nexport function View() {\n  useEffect(() => {\n    setInterval(() => {}, 1000);\n  }, []);\n  return <div />;\n}\n`,
    });
    const run = install.run(["--format", "json", "."], p.dir);
    expect(run.stderr).toBe("");
    expect(findings(run.stdout, p.dir)).toEqual(["View.jsx:4 leakproof/no-leaked-timer", "a.js:2 leakproof/no-leaked-timer"]);
    expect(run.code).toBe(1);
  });

  it("says TypeScript files need it, lints the JavaScript ones and exits 2 without a stack trace", () => {
    const p = project("no-ts-ts");
    p.write({ "a.js": LEAK, "b.ts": `export function start(f: () => void): void {\n  setInterval(f, 1000);\n}\n` });
    const run = install.run(["--format", "json", "."], p.dir);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toContain("skipped 1 TypeScript file: the typescript package is not installed");
    expect(findings(run.stdout, p.dir)).toEqual(["a.js:2 leakproof/no-leaked-timer"]);
    expect(run.code).toBe(2);
  });
});

// Keeps the helper honest: the fixture text really is a leak and the clean one is not.
it("LEAK and CLEAN are what they say", () => {
  const p = project("sanity");
  writeFileSync(p.path("leak.js"), LEAK);
  writeFileSync(p.path("clean.js"), CLEAN);
  const run = runCli(["--format", "json", "."], p.dir);
  expect(findings(run.stdout, p.dir)).toEqual(["leak.js:2 leakproof/no-leaked-timer"]);
});
