#!/usr/bin/env node
// Measures `leakproof audit` against the TypeScript compiler on one project: wall time and
// peak memory (max RSS) of each, in fresh child processes, median of N runs.
//
//   npm run build
//   node bench/audit/run.mjs <project folder | tsconfig.json | jsconfig.json> [--runs 3] [--out results.json]
//
// The compiler run is `tsc --noEmit -p <config>`; for a solution-style config (no files of
// its own, only `references`) it is `tsc -b --force <config>`, the build such repositories use
// (it emits into their own out folders). Both tools get the same project in the same state
// (with or without node_modules). Linux reports max RSS in KiB; elsewhere it may differ.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");

// ---------------------------------------------------------------------------
// Child modes: one measured run each, reporting on stdout's last line.

if (process.argv[2] === "--child-audit") {
  const { audit } = await import(pathToFileURL(path.join(repo, "dist", "audit", "index.js")).href);
  const result = await audit({ project: process.argv[3], includeProbable: true });
  const findings = result.findings;
  process.stdout.write(
    `\n${JSON.stringify({ files: result.files, checked: result.checked, maxRssKiB: process.resourceUsage().maxRSS, findings })}\n`,
  );
  process.exit(0);
}

if (process.argv[2] === "--child-tsc") {
  const tsc = createRequire(path.join(repo, "package.json")).resolve("typescript/lib/tsc.js");
  const args = process.argv.slice(3);
  // tsc ends with process.exit(); report memory from the exit hook.
  process.on("exit", () => {
    process.stdout.write(`\n${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
  });
  process.argv = [process.argv[0], tsc, ...args];
  await import(pathToFileURL(tsc).href);
} else {
  await main();
}

// ---------------------------------------------------------------------------

function projectFile(target) {
  const absolute = path.resolve(target);
  if (!existsSync(absolute)) throw new Error(`no such path: ${target}`);
  if (!statSync(absolute).isDirectory()) return absolute;
  for (const name of ["tsconfig.leakproof-audit.json", "tsconfig.json", "jsconfig.json"]) {
    if (existsSync(path.join(absolute, name))) return path.join(absolute, name);
  }
  throw new Error(`no tsconfig.json or jsconfig.json in ${target}`);
}

/** A config with `references` and no files of its own is built with `tsc -b`. */
function isSolution(config) {
  try {
    // Comments and trailing commas are allowed in tsconfig files: strip them roughly.
    const text = readFileSync(config, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1").replace(/,(\s*[}\]])/g, "$1");
    const json = JSON.parse(text);
    return Array.isArray(json.references) && Array.isArray(json.files) && json.files.length === 0 && (!json.include || json.include.length === 0);
  } catch {
    return false;
  }
}

function runChild(args, cwd) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const lines = child.stdout.trim().split("\n");
  let report;
  try {
    report = JSON.parse(lines[lines.length - 1]);
  } catch {
    throw new Error(`child ${args[0]} failed (exit ${child.status}): ${child.stderr.slice(-2000)}`);
  }
  return { ms, exit: child.status, ...report };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function parseArgs(argv) {
  const options = { runs: 3, out: undefined, target: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") options.runs = Number(argv[++i]);
    else if (argv[i] === "--out") options.out = argv[++i];
    else options.target = argv[i];
  }
  if (!options.target || !(options.runs >= 1)) {
    console.error("usage: node bench/audit/run.mjs <project folder | tsconfig.json> [--runs 3] [--out results.json]");
    process.exit(2);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(repo, "dist", "audit", "index.js"))) {
    console.error("bench/audit: run `npm run build` first");
    process.exit(2);
  }
  const config = projectFile(options.target);
  const cwd = path.dirname(config);
  const solution = isSolution(config);
  const tscArgs = solution ? ["-b", "--force", config] : ["--noEmit", "-p", config];

  const audits = [];
  const tscs = [];
  // Interleaved, so that load on a shared machine hits both tools alike.
  for (let run = 0; run < options.runs; run++) {
    audits.push(runChild(["--child-audit", config], cwd));
    tscs.push(runChild(["--child-tsc", ...tscArgs], cwd));
  }
  const last = audits[audits.length - 1];
  const byKind = {};
  for (const finding of last.findings) {
    const key = `${finding.kind} ${finding.grade}`;
    byKind[key] = (byKind[key] ?? 0) + 1;
  }
  const summary = {
    project: config,
    files: last.files,
    checked: last.checked,
    runs: options.runs,
    node: process.version,
    audit: { medianMs: Math.round(median(audits.map((r) => r.ms))), peakRssMiB: Math.round(Math.max(...audits.map((r) => r.maxRssKiB)) / 1024) },
    tsc: {
      command: `tsc ${tscArgs.map((arg) => (arg === config ? path.basename(config) : arg)).join(" ")}`,
      medianMs: Math.round(median(tscs.map((r) => r.ms))),
      peakRssMiB: Math.round(Math.max(...tscs.map((r) => r.maxRssKiB)) / 1024),
      exit: tscs[tscs.length - 1].exit,
    },
    findings: byKind,
  };
  summary.timeRatio = Number((summary.audit.medianMs / summary.tsc.medianMs).toFixed(2));
  summary.memoryRatio = Number((summary.audit.peakRssMiB / summary.tsc.peakRssMiB).toFixed(2));
  console.log(JSON.stringify(summary, null, 2));
  if (options.out) {
    writeFileSync(options.out, `${JSON.stringify({ ...summary, findingList: last.findings }, null, 2)}\n`);
  }
}
