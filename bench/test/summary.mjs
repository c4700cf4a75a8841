#!/usr/bin/env node
/**
 * The test corpus's figures, run by run and rule by rule, from the committed runs in
 * bench/test/runs/ (`<sample>-<preset>-<first|final>.json`, findings only) and the labels in
 * labels.json. bench/run.mjs embeds this in bench/RESULTS.md next to the tuning corpus's figures;
 * `node bench/test/summary.mjs` prints it.
 *
 * A run's "first" file is what the plugin reported the first time it saw the sample (the figure
 * that counts); "final" is the same sample after the fixes it prompted (tuned on it, so it shows
 * only that the fixes work there).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tally } from "./label-merge.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** Every committed run, in sample order, first before final. */
export function loadRuns(dir = join(here, "runs")) {
  if (!existsSync(dir)) return [];
  const order = { first: 0, final: 1 };
  return readdirSync(dir)
    .filter((name) => /^[A-Z]-(recommended|strict)-(first|final)\.json$/.test(name))
    .map((name) => ({ name: name.replace(/\.json$/, ""), ...JSON.parse(readFileSync(join(dir, name), "utf8")) }))
    .sort((a, b) => a.sample.localeCompare(b.sample) || order[a.run] - order[b.run] || a.preset.localeCompare(b.preset));
}

const percent = (part, whole) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : "–");

function totals(findings, labels) {
  const rows = tally(findings, labels, () => "all");
  return rows[0] ?? { true: 0, debatable: 0, false: 0, unlabelled: 0, total: 0 };
}

/** The markdown section: one row per run, then true/debatable/false per rule and run. */
export function testCorpusSection({ runs = loadRuns(), labels = JSON.parse(readFileSync(join(here, "labels.json"), "utf8")).labels } = {}) {
  const out = [];
  const recommended = runs.filter((run) => run.preset === "recommended");
  out.push(
    "| run | plugin commit | findings | true | debatable | false | true share | false share | unlabelled |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const run of recommended) {
    const t = totals(run.findings, labels);
    const labelled = t.total - t.unlabelled;
    out.push(
      `| sample ${run.sample}, ${run.run} run | \`${String(run.commit ?? "").slice(0, 7)}\` | ${t.total} | ${t.true} | ${t.debatable} | ${t.false} | ${percent(t.true, labelled)} | ${percent(t.false, labelled)} | ${t.unlabelled} |`,
    );
  }
  const rules = [...new Set(recommended.flatMap((run) => run.findings.map((f) => f.rule)))].sort();
  out.push("", "Per rule (true / debatable / false):", "", `| rule | ${recommended.map((run) => `${run.sample} ${run.run}`).join(" | ")} |`, `| --- | ${recommended.map(() => "---:").join(" | ")} |`);
  for (const rule of rules) {
    const cells = recommended.map((run) => {
      const t = totals(
        run.findings.filter((f) => f.rule === rule),
        labels,
      );
      return t.total === 0 ? "–" : `${t.true} / ${t.debatable} / ${t.false}${t.unlabelled ? ` (+${t.unlabelled} unlabelled)` : ""}`;
    });
    out.push(`| ${rule} | ${cells.join(" | ")} |`);
  }
  return out.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(testCorpusSection());
