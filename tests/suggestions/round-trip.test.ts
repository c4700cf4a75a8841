/**
 * Every suggestion the rules offer — on every case of the rule and framework suites, on the
 * example app and on the runtime fixtures — applied, re-parsed with the file's own parser and
 * re-linted (see harness.ts for what each round trip checks).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { type Offered, type Target, type Verdict, languageOptionsFor, offered, roundTrip } from "./harness.js";
import { recorded } from "./collect.js";
import { issueCases } from "./cases.js";

vi.mock("@typescript-eslint/rule-tester", async () => {
  const { RecordingRuleTester } = await import("./collect.js");
  return { RuleTester: RecordingRuleTester };
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const suiteFiles = [
  ...["tests/rules", "tests/frameworks"].flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => path.join(root, dir, file)),
  ),
  // This folder's own RuleTester cases.
  path.join(root, "tests/suggestions/suggestions.test.ts"),
];

// The suites' own tests are collected here as skipped; only their RuleTester cases are kept.
describe.skip("suites, imported for their cases", async () => {
  for (const file of suiteFiles) await import(pathToFileURL(file).href);
});

const LINTED = /\.(?:[cm]?[jt]sx?|vue|svelte)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "node_modules" ? [] : filesUnder(full);
    return LINTED.test(entry) && !entry.endsWith(".d.ts") ? [full] : [];
  });
}

function fileTargets(dir: string): Target[] {
  return filesUnder(path.join(root, dir)).map((file) => ({
    label: path.relative(root, file),
    code: readFileSync(file, "utf8"),
    filename: path.basename(file),
    languageOptions: languageOptionsFor(file),
  }));
}

function collect(targets: readonly Target[]): { suggestions: Offered[]; unparsed: string[] } {
  const suggestions: Offered[] = [];
  const unparsed: string[] = [];
  for (const target of targets) {
    const result = offered(target);
    if (result.fatal) unparsed.push(`${target.label}: ${result.fatal}`);
    suggestions.push(...result.suggestions);
  }
  return { suggestions, unparsed };
}

function describeFailures(verdicts: readonly Verdict[]): string {
  return verdicts
    .filter((verdict) => verdict.problems.length > 0)
    .map((verdict) => `${verdict.label} [${verdict.rule} ${verdict.messageId} → ${verdict.suggestion}]\n  ${verdict.problems.join("\n  ")}\n${verdict.output}`)
    .join("\n\n");
}

describe("suggestions survive a round trip", () => {
  it("in the rule and framework suites", () => {
    expect(recorded.length, "cases recorded from the suites").toBeGreaterThan(1000);
    const { suggestions, unparsed } = collect(recorded);
    const verdicts = suggestions.map(roundTrip);
    console.log(`suites: ${recorded.length} cases, ${suggestions.length} suggestions, ${verdicts.filter((v) => v.problems.length > 0).length} failed`);
    expect(unparsed).toEqual([]);
    expect(suggestions.length).toBeGreaterThan(20);
    expect(describeFailures(verdicts)).toBe("");
  }, 600_000);

  it("in the files of issue 12", () => {
    const { suggestions, unparsed } = collect(issueCases);
    const verdicts = suggestions.map(roundTrip);
    console.log(`issue: ${issueCases.length} files, ${suggestions.length} suggestions, ${verdicts.filter((v) => v.problems.length > 0).length} failed`);
    expect(unparsed).toEqual([]);
    expect(describeFailures(verdicts)).toBe("");
  });

  it("in examples/ and the runtime fixtures", () => {
    const targets = [...fileTargets("examples"), ...fileTargets("tests/fixtures")];
    const { suggestions, unparsed } = collect(targets);
    const verdicts = suggestions.map(roundTrip);
    console.log(`files: ${targets.length} files, ${suggestions.length} suggestions, ${verdicts.filter((v) => v.problems.length > 0).length} failed`);
    expect(unparsed).toEqual([]);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(describeFailures(verdicts)).toBe("");
  }, 600_000);
});
