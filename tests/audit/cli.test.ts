/**
 * `leakproof audit` as a command: exit codes like the lint CLI, the three formats, presets,
 * the summary cache flag, and the message (exit 2) when ts-morph is not installed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPath, ensureBuilt, root } from "../../scripts/ensure-build.mjs";
import { fixturesDir, project, removeProjects } from "./helpers.js";

function cli(args: string[], options: { cwd?: string; execArgv?: string[] } = {}) {
  const run = spawnSync(process.execPath, [...(options.execArgv ?? []), cliPath, ...args], { cwd: options.cwd ?? root, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const leaky = (kind: string, config = "tsconfig.json") => path.join(fixturesDir, kind, "leaky", config);
const fixed = (kind: string, config = "tsconfig.json") => path.join(fixturesDir, kind, "fixed", config);

beforeAll(() => {
  ensureBuilt({ quiet: true });
}, 180_000);
afterAll(removeProjects);

describe("leakproof audit", () => {
  it("reports a leaky project in stylish format and exits 1", () => {
    const { code, stdout } = cli(["audit", "--project", leaky("returned-handle")]);
    expect(code).toBe(1);
    expect(stdout).toContain("leakproof-audit/returned-handle");
    expect(stdout).toContain("watch-handler.ts");
    expect(stdout).toMatch(/✖ 2 cross-file leaks \(2 proven, 0 probable\)/);
  }, 60_000);

  it("exits 0 on the fixed twin and says what it read", () => {
    const { code, stdout } = cli(["audit", "--project", fixed("returned-handle")]);
    expect(code).toBe(0);
    // Two calls in the app, one at module level (once, not a leak); the harness makes and disposes a widget.
    expect(stdout).toMatch(
      /No cross-file leaks found in 7 files .*: checked 3 calls of handle-returning functions, 1 instantiation and 1 teardown class, 0 exported collections\./,
    );
  }, 60_000);

  it("finds the project file from a path, and audits a JavaScript project", () => {
    const { code, stdout } = cli(["audit", path.join(fixturesDir, "undisposed-instance", "leaky", "src")]);
    expect(code).toBe(1);
    expect(stdout).toContain("leakproof-audit/undisposed-instance");
  }, 60_000);

  it("writes JSON and SARIF 2.1.0", () => {
    const json = cli(["audit", "--format", "json", "--project", leaky("shared-collection")]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { findings: Array<{ kind: string; grade: string; file: string; line: number }> };
    expect(parsed.findings.map((f) => `${f.file}:${f.line} ${f.kind} ${f.grade}`)).toEqual([
      "src/state/registry.ts:8 shared-collection proven",
      "src/state/registry.ts:11 shared-collection proven",
    ]);

    const sarif = cli(["audit", "--format", "sarif", "--project", leaky("uncalled-teardown")]);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
    };
    expect(log.version).toBe("2.1.0");
    const [run] = log.runs;
    expect(run!.tool.driver.rules.map((r) => r.id)).toContain("leakproof-audit/uncalled-teardown");
    expect(run!.results).toHaveLength(1);
    expect(run!.results[0]).toMatchObject({ ruleId: "leakproof-audit/uncalled-teardown", level: "error" });
    expect(run!.results[0]!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: "src/cache/sweeper.ts" }, region: { startLine: 19 } });
  }, 60_000);

  it("shows probable findings only with --preset strict, and says how many it hides", () => {
    const dir = project({
      "src/log.ts": "export const lines: string[] = [];\n",
      "src/write.ts": 'import { lines } from "./log.js";\nexport function note(text: string) {\n  lines.push(text);\n}\n',
    });
    const recommended = cli(["audit"], { cwd: dir });
    expect(recommended.code).toBe(0);
    expect(recommended.stdout).toContain("1 probable finding is not shown; --preset strict shows them.");
    const strict = cli(["audit", "--preset", "strict"], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("warning");
    expect(strict.stdout).toContain("leakproof-audit/shared-collection");
  }, 60_000);

  it("writes the summary cache when asked to", () => {
    const dir = project({
      "src/poll.ts": "export function poll(fn: () => void) {\n  const id = setInterval(fn, 100);\n  return () => clearInterval(id);\n}\n",
    });
    const { code, stderr } = cli(["audit", "--write-summaries"], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toContain(path.join(".leakproof", "summaries.json"));
    const cache = JSON.parse(readFileSync(path.join(dir, ".leakproof", "summaries.json"), "utf8")) as { modules: Record<string, unknown> };
    expect(Object.keys(cache.modules)).toEqual(["src/poll.ts"]);
    const plain = project({ "src/a.ts": "export const a = 1;\n" });
    cli(["audit"], { cwd: plain });
    expect(existsSync(path.join(plain, ".leakproof"))).toBe(false);
  }, 60_000);

  it("exits 2 on usage errors and missing paths, 0 for --help", () => {
    expect(cli(["audit", "--format", "xml"]).code).toBe(2);
    expect(cli(["audit", "--preset", "loose"]).code).toBe(2);
    expect(cli(["audit", "--bogus"]).code).toBe(2);
    const missing = cli(["audit", "--project", "no/such/tsconfig.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such project file");
    expect(cli(["audit", "no/such/dir"]).code).toBe(2);
    const help = cli(["audit", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: leakproof audit");
  }, 60_000);

  it("without ts-morph, says how to install it and exits 2", () => {
    const dir = project({ "src/a.ts": "export const a = 1;\n" });
    // A loader hook that makes ts-morph impossible to import, as in a project that never installed it.
    const hooks = path.join(dir, "no-ts-morph.mjs");
    writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) {
  if (specifier === "ts-morph" || /[\\\\/]node_modules[\\\\/]ts-morph[\\\\/]/.test(specifier)) {
    throw Object.assign(new Error("Cannot find package 'ts-morph'"), { code: "ERR_MODULE_NOT_FOUND" });
  }
  return next(specifier, context);
}
`,
    );
    const register = path.join(dir, "register.mjs");
    writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(new URL(`file://${hooks}`).href)});\n`);
    const { code, stderr } = cli(["audit"], { cwd: dir, execArgv: ["--import", register] });
    expect(code).toBe(2);
    expect(stderr).toContain("npm install --save-dev ts-morph");
    // The lint CLI does not need it.
    const lint = cli([path.join(dir, "src")], { execArgv: ["--import", register] });
    expect(lint.code).toBe(0);
  }, 60_000);
});
