/**
 * The round-trip checker can fail: each kind of wrong suggestion (text in the markup, a
 * shadowed name, a glued token, deleted code, a finding left in place, a new finding, a name
 * that resolves to nothing, code the parser rejects, a cleanup an early `return;` skips or an
 * async setup returns) is caught, and a right one passes.
 */
import { describe, expect, it } from "vitest";
import { type Edit, type Offered, type Target, OffsetMap, languageOptionsFor, lint, ownRules, roundTrip } from "./harness.js";
import { code } from "./cases.js";

function targetOf(filename: string, rule: string, text: string): Target {
  return { label: filename, code: text, filename, languageOptions: languageOptionsFor(filename), rule, options: [] };
}

/** The first finding on the target, with `edits` as its only suggestion. */
function offer(target: Target, edits: Edit[]): Offered {
  const [report] = lint(target, target.code, ownRules(target)).reports;
  if (!report) throw new Error(`no finding on ${target.label}`);
  return { target, report: { ...report, suggestions: [{ messageId: "test", edits }] }, index: 0, rules: ownRules(target) };
}

const at = (text: string, needle: string, after = false): number => {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not found: ${needle}`);
  return after ? index + needle.length : index;
};

const effect = targetOf(
  "Clock.tsx",
  "no-leaked-timer",
  code`
    import { useEffect } from "react";
    let ticks = 0;
    export function Clock() {
      useEffect(() => {
        setInterval(() => (ticks += 1), 1000);
      }, []);
      return null;
    }
  `,
);
const cleanupAt = at(effect.code, "1000);", true);
const cleanup = (name: string): string => `\n    return () => {\n      clearInterval(${name});\n    };`;

describe("the round-trip checker", () => {
  it("passes a right suggestion", () => {
    const edits = [
      { start: at(effect.code, "setInterval("), end: at(effect.code, "setInterval("), text: "const timer = " },
      { start: cleanupAt, end: cleanupAt, text: cleanup("timer") },
    ];
    expect(roundTrip(offer(effect, edits)).problems).toEqual([]);
  });

  it("catches a declaration that captures a name the code reads", () => {
    const edits = [
      { start: at(effect.code, "setInterval("), end: at(effect.code, "setInterval("), text: "const ticks = " },
      { start: cleanupAt, end: cleanupAt, text: cleanup("ticks") },
    ];
    const problems = roundTrip(offer(effect, edits)).problems;
    expect(problems.some((problem) => /^`ticks` at \d+ now resolves to another declaration$/.test(problem))).toBe(true);
  });

  it("catches a suggestion that leaves the finding in place", () => {
    const edits = [{ start: cleanupAt, end: cleanupAt, text: "\n    console.log(ticks);" }];
    expect(roundTrip(offer(effect, edits)).problems).toContain("its rule: the finding is still reported (timerDiscarded)");
  });

  it("catches a new finding", () => {
    const edits = [
      { start: at(effect.code, "setInterval("), end: at(effect.code, "setInterval("), text: "const timer = " },
      { start: cleanupAt, end: cleanupAt, text: `\n    setInterval(() => {}, 10);${cleanup("timer")}` },
    ];
    const problems = roundTrip(offer(effect, edits)).problems;
    expect(problems.some((problem) => /^its rule: new finding leakproof\/no-leaked-timer timerDiscarded/.test(problem))).toBe(true);
    expect(problems.some((problem) => /^all rules: new finding/.test(problem))).toBe(true);
  });

  it("catches a glued token and deleted code", () => {
    const glued = [{ start: at(effect.code, "1000"), end: at(effect.code, "1000"), text: "1" }];
    expect(roundTrip(offer(effect, glued)).problems.some((problem) => /^token `1000` at \d+ is not kept as it was$/.test(problem))).toBe(true);
    const start = at(effect.code, "let ticks");
    const deleted = [{ start, end: at(effect.code, "let ticks = 0;", true), text: "" }];
    expect(roundTrip(offer(effect, deleted)).problems).toContain("the suggestion deletes or replaces code");
  });

  it("catches an added name that resolves to nothing, and code that does not parse", () => {
    const unresolved = [{ start: cleanupAt, end: cleanupAt, text: cleanup("handle") }];
    expect(roundTrip(offer(effect, unresolved)).problems).toContain("the added `handle` resolves to nothing");
    const broken = [{ start: cleanupAt, end: cleanupAt, text: "\n    return () => {" }];
    expect(roundTrip(offer(effect, broken)).problems[0]).toMatch(/^the result does not parse/);
  });

  it("catches a cleanup that an early `return;` skips, or that an async setup returns", () => {
    const early = targetOf(
      "Poller.tsx",
      "no-leaked-timer",
      code`
        import { useEffect } from "react";
        export function Poller({ poll, label }: { poll(): void; label?: string }) {
          useEffect(() => {
            setInterval(poll, 5000);
            if (!label) return;
            document.title = label;
          }, [poll, label]);
          return null;
        }
      `,
    );
    const end = at(early.code, "document.title = label;", true);
    const call = at(early.code, "setInterval(");
    const edits = [
      { start: call, end: call, text: "const timer = " },
      { start: end, end, text: cleanup("timer") },
    ];
    expect(roundTrip(offer(early, edits)).problems.some((problem) => /^the return at \d+ leaves before the cleanup is returned$/.test(problem))).toBe(true);

    const asyncSetup = { ...effect, code: effect.code.replace("useEffect(() => {", "useEffect(async () => {") };
    const asyncEdits = [
      { start: at(asyncSetup.code, "setInterval("), end: at(asyncSetup.code, "setInterval("), text: "const timer = " },
      { start: at(asyncSetup.code, "1000);", true), end: at(asyncSetup.code, "1000);", true), text: cleanup("timer") },
    ];
    expect(roundTrip(offer(asyncSetup, asyncEdits)).problems).toContain("the cleanup is returned from an async function");
  });

  it("catches an import written into a component's markup", () => {
    const svelte = targetOf(
      "Archive.svelte",
      "prefer-stream-pipeline",
      code`
        <script>
          import fs from "node:fs";
          export let path;
          const archive = () => fs.createReadStream(path).pipe(fs.createWriteStream(path + ".bak"));
        </script>
        <button on:click={archive}>Archive</button>
      `,
    );
    const chainStart = at(svelte.code, "fs.createReadStream(path).pipe");
    const chainEnd = at(svelte.code, '".bak"))', true);
    const edits = [
      { start: 0, end: 0, text: 'import { pipeline } from "node:stream";\n' },
      { start: chainStart, end: chainEnd, text: 'pipeline(fs.createReadStream(path), fs.createWriteStream(path + ".bak"), () => {})' },
    ];
    const problems = roundTrip(offer(svelte, edits)).problems;
    expect(problems).toContain("the markup outside <script> changed");
    expect(problems).toContain("the added `pipeline` resolves to nothing");
  });
});

describe("offset mapping", () => {
  it("moves offsets after insertions, keeps those before, and has no image inside a replacement", () => {
    const map = new OffsetMap([
      { start: 5, end: 5, text: "abc" },
      { start: 10, end: 14, text: "x" },
    ]);
    expect(map.map(4, "start")).toBe(4);
    expect(map.map(5, "start")).toBe(8);
    expect(map.map(5, "end")).toBe(5);
    expect(map.map(10, "end")).toBe(13);
    expect(map.map(12, "start")).toBeUndefined();
    expect(map.map(14, "start")).toBe(14);
    expect(map.written([5, 8])).toBe(true);
    expect(map.written([4, 8])).toBe(false);
    expect(map.replaced([11, 12])).toBe(true);
  });
});
