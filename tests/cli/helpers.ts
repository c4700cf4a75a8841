/** Shared set-up for the tests that run the built `leakproof` bin in temporary folders. */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliPath, root } from "../../scripts/ensure-build.mjs";

export { cliPath, root };

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with `args` in `cwd`. */
export function runCli(args: readonly string[], cwd: string, options: SpawnSyncOptions = {}): CliRun {
  const run = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: "utf8", ...options });
  return { code: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

/** JSON-format results as `relative/path:line rule` (paths relative to `base`). */
export function findings(stdout: string, base: string): string[] {
  const results = JSON.parse(stdout) as { filePath: string; messages: { line: number; ruleId: string | null }[] }[];
  return results
    .flatMap((result) =>
      result.messages.map((m) => {
        const file = path.relative(base, result.filePath).split(path.sep).join("/");
        return `${file}:${m.line} ${m.ruleId ?? "parse-error"}`;
      }),
    )
    .sort();
}

/** The files (relative to `base`) that a JSON-format run linted, findings or not. */
export function lintedFiles(stdout: string, base: string): string[] {
  const results = JSON.parse(stdout) as { filePath: string }[];
  return results.map((r) => path.relative(base, r.filePath).split(path.sep).join("/")).sort();
}

/** A Node stack trace line: the CLI must never print one for a condition it knows about. */
export const STACK_LINE = /^\s+at .+[:(]/m;

/** One leaked interval per function: every file written with it has one finding. */
/** A proven leak: the interval's handle is kept, then lost when `start()` returns, so nothing can clear it. */
export const LEAK = `export function start(onTick) {\n  const id = setInterval(onTick, 1000);\n}\n`;
export const CLEAN = `export function start(onTick) {\n  const id = setInterval(onTick, 1000);\n  return () => clearInterval(id);\n}\n`;

/** A fresh temporary folder, with helpers to fill it; `dispose()` removes it. */
export function tempProject(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `leakproof-${prefix}-`));
  return {
    dir,
    /** Writes `files` (relative path → content), creating folders. */
    write(files: Record<string, string>): void {
      for (const [name, content] of Object.entries(files)) {
        const full = path.join(dir, name);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    },
    path: (...parts: string[]) => path.join(dir, ...parts),
    dispose(): void {
      // Undo chmod 000 first, or rmSync cannot get in as a non-root user.
      chmodTree(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function chmodTree(dir: string, mode: number): void {
  try {
    chmodSync(dir, mode);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) chmodTree(full, mode);
      else if (entry.isFile()) chmodSync(full, 0o644);
    }
  } catch {
    // best effort
  }
}

/**
 * An installed copy of the package, as `npm install eslint-plugin-leakproof` would leave it:
 * `<dir>/node_modules/eslint-plugin-leakproof/{package.json,dist}` next to the packages it
 * needs, which are symbolic links to this repository's `node_modules` minus `without`. Run it
 * with `node --preserve-symlinks` so that the linked packages resolve their own dependencies
 * from this copy and a package left out is really missing.
 */
export function installedCopy(without: readonly string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "leakproof-install-"));
  const modules = path.join(dir, "node_modules");
  const own = path.join(modules, "eslint-plugin-leakproof");
  mkdirSync(own, { recursive: true });
  cpSync(path.join(root, "dist"), path.join(own, "dist"), { recursive: true });
  cpSync(path.join(root, "package.json"), path.join(own, "package.json"));
  const skip = new Set(["eslint-plugin-leakproof", ".bin", ".package-lock.json", ".cache", ".vite", ...without]);
  const source = path.join(root, "node_modules");
  const link = (name: string): void => {
    if (skip.has(name)) return;
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    symlinkSync(path.join(source, name), path.join(modules, name));
  };
  for (const entry of readdirSync(source)) {
    if (entry.startsWith("@")) for (const scoped of readdirSync(path.join(source, entry))) link(`${entry}/${scoped}`);
    else link(entry);
  }
  return {
    dir,
    cli: path.join(own, "dist", "cli", "index.js"),
    run(args: readonly string[], cwd: string): CliRun {
      const run = spawnSync(process.execPath, ["--preserve-symlinks", path.join(own, "dist", "cli", "index.js"), ...args], {
        cwd,
        encoding: "utf8",
      });
      return { code: run.status, stdout: run.stdout, stderr: run.stderr };
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
