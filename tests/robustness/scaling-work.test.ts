/**
 * Linear work (issue 12 §2), exactly: for the shapes that were superlinear, the plugin's code
 * runs at most 5× as many blocks for 4k acquisitions as for 1k (4× is linear). The count is
 * V8's precise block coverage of the plugin's sources (`measureWork`), so it has no noise at
 * all: no timing, no threshold in milliseconds. Before the fixes these files cost 5.3× to 14×:
 * nests 15 levels deep at 1k and 62 at 4k, where every acquisition walked the nest above it
 * (or every repeating region walked the nest below it); and n stream chains in n functions,
 * n listeners on one module-level emitter, n `fs.watchFile` paths, where each acquisition
 * rescanned all the others.
 *
 * This file must not time anything: precise coverage is switched on at the first measurement
 * and V8 counts only code that has not been optimised without it (so no lint runs before).
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { FAMILIES, measureWork, scalingFile } from "../../scripts/scaling.mjs";

const family = (name: string) => FAMILIES.find((spec) => spec.family === name)!;

/** `body`'s acquisitions in `nest`'s nested construct (callbacks, functions, blocks, loops). */
const nestedIn = (body: string, nest: string) => ({
  ...family(body),
  nestOpen: family(nest).nestOpen,
  nestClose: family(nest).nestClose,
  nestAsync: family(body).nestAsync || family(nest).nestAsync,
});

const CASES: [name: string, make: (n: number) => string][] = [
  // Every family's own nesting shape (the bench's `nesting` rows).
  ...FAMILIES.map((spec): [string, (n: number) => string] => [`${spec.family} / nesting`, (n) => scalingFile(spec, "nesting", n)]),
  ["stream pipelines / owners", (n) => scalingFile(family("stream pipelines"), "owners", n)],
  // One family's acquisitions in another's nest.
  ["DOM nodes in nested callbacks", (n) => scalingFile(nestedIn("DOM nodes", "listeners"), "nesting", n)],
  ["DOM nodes in nested named functions", (n) => scalingFile(nestedIn("DOM nodes", "timers"), "nesting", n)],
  ["DOM nodes in nested interval callbacks", (n) => scalingFile(nestedIn("DOM nodes", "registrations"), "nesting", n)],
  ["promise races in nested while (true)", (n) => scalingFile(nestedIn("promise race", "async loops"), "nesting", n)],
  ["promise races in nested ifs", (n) => scalingFile(nestedIn("promise race", "observers"), "nesting", n)],
  ["registrations in nested ifs", (n) => scalingFile(nestedIn("registrations", "observers"), "nesting", n)],
  ["registrations in nested blocks", (n) => scalingFile(nestedIn("registrations", "subscriptions"), "nesting", n)],
  // Many acquisitions sharing one variable or one releaser.
  [
    "n listeners on one module-level emitter",
    (n) =>
      `import { EventEmitter } from "node:events";\nconst bus = new EventEmitter();\nexport class S {\n start() {\n${lines(n, (i) => `bus.on("e${i % 7}", this.h${i});`)}\n }\n stop() {\n${lines(n, (i) => `bus.off("e${i % 7}", this.h${i});`)}\n }\n}`,
  ],
  [
    "n fs.watchFile paths",
    (n) =>
      `import fs from "node:fs";\nexport class W {\n start() {\n${lines(n, (i) => `fs.watchFile(this.p${i}, this.on);`)}\n }\n dispose() {\n${lines(n, (i) => `fs.unwatchFile(this.p${i});`)}\n }\n}`,
  ],
];

function lines(n: number, make: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => make(i)).join("\n");
}

/** The plugin's sources as the test runner loads them (not its dependencies). */
const isPluginScript = (url: string): boolean => url.includes("/src/") && !url.includes("/node_modules/");

describe("the plugin's work grows linearly", () => {
  for (const [name, make] of CASES) {
    it(`${name}: 4k ≤ 5× 1k`, async () => {
      const work = await measureWork(Linter, plugin, make, [1000, 4000], isPluginScript);
      expect(work[1000], "no block of the plugin ran: is precise coverage on?").toBeGreaterThan(1000);
      const ratio = work[4000]! / work[1000]!;
      expect(ratio, `1k: ${work[1000]} blocks, 4k: ${work[4000]} blocks`).toBeLessThanOrEqual(5);
    }, 120_000);
  }
});
