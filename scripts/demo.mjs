#!/usr/bin/env node
// `npm run demo`: build if needed, then lint the example app in examples/ with the CLI.
// Findings are the point of the demo, so this exits 0 when the CLI reports some.
import { spawnSync } from "node:child_process";
import { cliPath, ensureBuilt, isBuildStale, root } from "./ensure-build.mjs";

if (isBuildStale()) {
  console.log("Building the plugin first (npm run build)...\n");
  try {
    ensureBuilt();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  console.log();
}

console.log(`leakproof demo
==============
Linting examples/, a small market-dashboard app (WebSocket client, video panel,
React chart, news scheduler, status tray, Node quote service) with the
recommended preset, exactly as
\`npx leakproof examples/\` would. Some resources in it are leaked on purpose;
examples/README.md lists which lines should be reported and why.`);

const run = spawnSync(process.execPath, [cliPath, "examples/"], { cwd: root, encoding: "utf8" });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);

const count = /✖ (\d+) problems?/.exec(run.stdout)?.[1] ?? "some";
if (run.status === 1) {
  console.log(
    `Summary: ${count} finding${count === "1" ? "" : "s"} in examples/, as intended: they are planted (see examples/README.md).`,
  );
} else if (run.status === 0) {
  console.log("Summary: no findings in examples/, which is wrong: examples/README.md lists planted leaks.");
} else {
  console.log(`Summary: the CLI failed (exit ${run.status}).`);
  process.exit(run.status ?? 2);
}
