#!/usr/bin/env node
/**
 * Joins a results file of bench/test/run.mjs with bench/test/labels.json.
 *
 *   node bench/test/label-merge.mjs bench/test/results/A-recommended.json [--labels=path] [--markdown] [--base=results.json]
 *
 * Prints the findings that have no label yet (they need one), then per-rule and per-package
 * tables of true / debatable / false for the labelled ones, and the false alarms per mechanism.
 * --base: a results file of the same preset whose findings are the "recommended" set, so that a
 * strict run is split into recommended findings and the ones strict adds.
 * --markdown prints the tables as markdown (what REVIEW.md embeds).
 * Exit code 0 always: new findings are information, not an error.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** Counts of labels per key (rule, package, ...) for the findings of one results file. */
export function tally(findings, labels, keyOf) {
  const rows = new Map();
  for (const finding of findings) {
    const key = keyOf(finding);
    const row = rows.get(key) ?? { key, true: 0, debatable: 0, false: 0, unlabelled: 0, total: 0 };
    const label = Object.hasOwn(labels, finding.id) ? labels[finding.id].label : "unlabelled";
    row[label]++;
    row.total++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/** The findings of `results` that labels.json does not know. */
export function unlabelled(findings, labels) {
  return findings.filter((f) => !Object.hasOwn(labels, f.id));
}

export function falseByMechanism(findings, labels) {
  const groups = new Map();
  for (const f of findings) {
    const label = Object.hasOwn(labels, f.id) ? labels[f.id] : undefined;
    if (label?.label !== "false") continue;
    const list = groups.get(label.mechanism) ?? [];
    list.push({ ...f, reason: label.reason });
    groups.set(label.mechanism, list);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

function table(title, rows, markdown) {
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  const all = { key: "**all**", true: sum("true"), debatable: sum("debatable"), false: sum("false"), unlabelled: sum("unlabelled"), total: sum("total") };
  const pct = (r) => (r.total - r.unlabelled ? `${Math.round((100 * r.false) / (r.total - r.unlabelled))}%` : "–");
  const lines = [];
  if (markdown) {
    lines.push(`| ${title} | findings | true | debatable | false | false share | unlabelled |`, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of [...rows, all]) lines.push(`| ${r.key} | ${r.total} | ${r.true} | ${r.debatable} | ${r.false} | ${pct(r)} | ${r.unlabelled} |`);
  } else {
    lines.push(`${title.padEnd(36)} findings  true  debat  false  unlab`);
    for (const r of [...rows, all]) lines.push(`${r.key.replace(/\*/g, "").padEnd(36)} ${String(r.total).padStart(8)} ${String(r.true).padStart(5)} ${String(r.debatable).padStart(6)} ${String(r.false).padStart(6)} ${String(r.unlabelled).padStart(6)}`);
  }
  return lines.join("\n");
}

function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("usage: node bench/test/label-merge.mjs <results.json> [--labels=path] [--base=recommended-results.json] [--markdown]");
    process.exit(2);
  }
  const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
  const markdown = args.includes("--markdown");
  const results = JSON.parse(readFileSync(file, "utf8"));
  const { labels } = JSON.parse(readFileSync(opt("labels") ?? join(here, "labels.json"), "utf8"));
  let findings = results.findings;
  const basePath = opt("base");
  if (basePath) {
    const baseIds = new Set(JSON.parse(readFileSync(basePath, "utf8")).findings.map((f) => f.id));
    findings = findings.filter((f) => !baseIds.has(f.id));
    console.log(`${findings.length} findings of ${file} are not in ${basePath}`);
  }

  const fresh = unlabelled(findings, labels);
  console.log(`${results.sample}-${results.preset}: ${findings.length} findings, ${findings.length - fresh.length} labelled, ${fresh.length} new (need a label)`);
  for (const f of fresh) console.log(`  NEW ${f.id}\n      ${f.message.slice(0, 200)}`);
  console.log("");
  console.log(table("rule", tally(findings, labels, (f) => f.rule), markdown));
  console.log("");
  console.log(table("package / app", tally(findings, labels, (f) => f.package), markdown));
  console.log("");
  for (const [mechanism, list] of falseByMechanism(findings, labels)) {
    console.log(markdown ? `- **${mechanism}** (${list.length})` : `false / ${mechanism}: ${list.length}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
