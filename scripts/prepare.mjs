#!/usr/bin/env node
// npm's `prepare` script: build dist/ when it is missing or older than the sources, so that
// `npm pack`, `npm publish` and installs straight from git (`npm install github:…`, and the
// pre-commit framework's `language: node` hook, which runs `npm install -g git+file://…`)
// all get a package with its CLI.
//
// `npm ci` skips the build: it is how this repository is set up for development, and every
// command that needs dist/ (`npm test`, `npm run demo`, `npm run bench`) builds it anyway.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureBuilt, isBuildStale, root } from "./ensure-build.mjs";

if (process.env["npm_command"] === "ci") process.exit(0);

if (isBuildStale() && !existsSync(path.join(root, "node_modules", ".bin", "tsup"))) {
  // A global install from git (`npm install -g git+…`) runs this script in the fresh clone
  // without installing the devDependencies there (npm/cli#8440), so the build tools are
  // missing. Install them from the lockfile first. The flags undo what the global install
  // passes down through npm_config_* variables; --ignore-scripts keeps this very script from
  // running again inside that install.
  const install = spawnSync(
    "npm",
    [
      "install",
      "--global=false",
      `--prefix=${root}`,
      "--include=dev",
      "--ignore-scripts",
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
    ],
    { cwd: root, stdio: "inherit" },
  );
  if (install.status !== 0) {
    console.error(`prepare: installing the build tools failed (exit ${install.status})`);
    process.exit(install.status ?? 1);
  }
}

try {
  ensureBuilt();
} catch (error) {
  console.error(`prepare: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
