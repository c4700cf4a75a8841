import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cliPath, ensureBuilt, root } from "../scripts/ensure-build.mjs";
import plugin from "../src/index.js";
import { installedCopy } from "./cli/helpers.js";

// Each test starts the CLI once or a few times: seconds each on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [cliPath, ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `file:line rule` for every planted leak in the table of examples/README.md (`proven`: not marked *strict*). */
function plantedLeaks(which: "all" | "proven" = "all"): string[] {
  const readme = readFileSync(path.join(root, "examples", "README.md"), "utf8");
  return [...readme.matchAll(/^\| `([^`]+:\d+)` \| `([a-z-]+)` \| (.*)$/gm)]
    .filter(([, , , text]) => which === "all" || !text!.startsWith("*strict*"))
    .map(([, where, rule]) => `${where} ${rule}`);
}

/** `file:line rule` for every message of a `--format json` run over examples/. */
function foundIn(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((result) =>
    result.messages.map((m) => {
      const file = path.relative(path.join(root, "examples"), result.filePath).split(path.sep).join("/");
      return `${file}:${m.line} ${(m.ruleId ?? "parse-error").replace(/^leakproof\//, "")}`;
    }),
  );
}

const ruleNames = Object.keys(plugin.rules);
let cleanDir = "";

beforeAll(() => {
  ensureBuilt({ quiet: true });
  cleanDir = mkdtempSync(path.join(os.tmpdir(), "leakproof-cli-"));
  writeFileSync(
    path.join(cleanDir, "poller.ts"),
    `export function startPolling(url: string, onData: (body: string) => void): () => void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a rule the CLI does not load
  const id = setInterval(() => {
    void fetch(url).then((response) => response.text()).then(onData);
  }, 5_000);
  return () => clearInterval(id);
}
`,
  );
  // A user config that would crash ESLint if the CLI read it.
  writeFileSync(path.join(cleanDir, "eslint.config.js"), `throw new Error("the CLI must not load this");\n`);
}, 120_000);

afterAll(() => {
  if (cleanDir) rmSync(cleanDir, { recursive: true, force: true });
});

describe("leakproof CLI", () => {
  it("reports the planted leaks in examples/ and exits 1", () => {
    const { code, stdout } = cli("examples/");
    expect(code).toBe(1);
    expect(stdout).toMatch(/leakproof\/no-leaked-[a-z-]+/);
    expect(stdout).toContain("socket-client.ts");
  });

  it("finds exactly the leaks examples/README.md lists, with --preset all", () => {
    const { code, stdout } = cli("--preset", "all", "--format", "json", "examples/");
    expect(code).toBe(1);
    expect(foundIn(stdout).sort()).toEqual(plantedLeaks().sort());
    for (const rule of ruleNames) expect(stdout).toContain(`leakproof/${rule}`);
  });

  it("finds exactly the proven planted leaks (the rows not marked strict) with the default, recommended preset", () => {
    const { code, stdout } = cli("--format", "json", "examples/");
    expect(code).toBe(1);
    expect(foundIn(stdout).sort()).toEqual(plantedLeaks("proven").sort());
  });

  it("exits 0 on clean code, ignoring the user's eslint config and foreign disable comments", () => {
    const { code, stdout, stderr } = cli(cleanDir);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("No leaks found in 2 files");
  });

  it("exits 2 and names a path that does not exist", () => {
    const { code, stderr } = cli("examples/", "no/such/dir");
    expect(code).toBe(2);
    expect(stderr).toContain("no such file or directory: no/such/dir");
  });

  it("exits 2 on an unknown flag or a bad value", () => {
    const unknown = cli("--fix", "examples/");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--fix");
    expect(unknown.stderr).toContain("leakproof --help");
    expect(cli("--preset", "loose").code).toBe(2);
    expect(cli("--format", "xml").code).toBe(2);
    expect(cli("--max-warnings", "many").code).toBe(2);
  });

  it("prints parseable JSON with --format json", () => {
    const { code, stdout } = cli("--format", "json", "examples/");
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as JsonResult[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => path.isAbsolute(r.filePath))).toBe(true);
    expect(results.some((r) => r.messages.length > 0)).toBe(true);
  });

  it("accepts every preset", () => {
    for (const preset of ["recommended", "strict", "all"]) {
      expect(cli("--preset", preset, cleanDir).code).toBe(0);
    }
  });

  it("prints help and version", () => {
    const help = cli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: leakproof");
    const version = cli("--version");
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it("lints .vue and .svelte files with the parsers installed in the project, and says so when they are not", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "leakproof-sfc-"));
    try {
      writeFileSync(
        path.join(dir, "Clock.vue"),
        `<script setup>\nimport { onMounted } from "vue";\nonMounted(() => {\n  setInterval(() => console.log("tick"), 1000);\n});\n</script>\n<template><div /></template>\n`,
      );
      writeFileSync(
        path.join(dir, "Clock.svelte"),
        `<script>\n  import { onMount } from "svelte";\n  onMount(() => {\n    setInterval(() => console.log("tick"), 1000);\n  });\n</script>\n<div></div>\n`,
      );
      // Run from the repository, where both parsers are installed (as they would be in a Vue/Svelte project).
      const found = cli(dir, "--format", "json");
      expect(found.code).toBe(1);
      const results = JSON.parse(found.stdout) as JsonResult[];
      const hits = results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line} ${m.ruleId}`));
      expect(hits.sort()).toEqual(["Clock.svelte:4 leakproof/no-leaked-timer", "Clock.vue:4 leakproof/no-leaked-timer"]);
      // Installed without them, run from a folder with no node_modules: the files are skipped with a clear message.
      const install = installedCopy(["vue-eslint-parser", "svelte-eslint-parser"]);
      try {
        const run = install.run(["."], dir);
        expect(run.stderr).toContain("install vue-eslint-parser in your project");
        expect(run.stderr).toContain("install svelte-eslint-parser in your project");
        expect(run.code).toBe(0);
      } finally {
        install.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has a shebang so the bin runs directly", () => {
    expect(readFileSync(cliPath, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
