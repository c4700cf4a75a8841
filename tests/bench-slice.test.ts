/**
 * The fast slice of the real-code bench (the full one is `npm run bench`): a few files of
 * every corpus package, linted with every rule built from source, must not crash, must
 * parse, and every suggestion must still parse; a few hundred mutations of them too.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import { CORPUS, checkSuggestions, configurations, lintAll, loadCorpus, mutationRun } from "../bench/run.mjs";

const bench = new URL("../bench", import.meta.url).pathname;

let setup: Awaited<ReturnType<typeof configurations>>;
let files: ReturnType<typeof loadCorpus>;

beforeAll(async () => {
  // The corpus is npm packages pinned in bench/package-lock.json; install them on first use.
  if (!existsSync(join(bench, "node_modules/three"))) {
    execFileSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: bench, stdio: "inherit" });
  }
  setup = await configurations(plugin);
  files = loadCorpus(4);
}, 300_000);

describe("bench slice", () => {
  it("has files from every corpus package", () => {
    for (const pkg of CORPUS) expect(files.some((file) => file.pkg === pkg.name), pkg.name).toBe(true);
  });

  it("lints them with every rule: no crash, no parse failure, suggestions still parse", () => {
    const result = lintAll(setup.Linter, files, setup.allRules);
    expect(result.crashes).toEqual([]);
    expect(result.parseFailures).toEqual([]);
    const suggestions = checkSuggestions(setup.Linter, files, result.findings, setup.allRules);
    expect(suggestions.broken).toEqual([]);
  }, 120_000);

  it("survives 300 mutated corpus programs", () => {
    const result = mutationRun(setup.Linter, files, setup.allRules, 300);
    expect(result.crashes).toEqual([]);
    expect(result.linted).toBeGreaterThan(100);
  }, 120_000);
});
