/**
 * Linear time (issue 12 §2), loosely: for the shapes that were superlinear (one owner holding
 * many listeners, one handler for many event types, one effect with many adds and removals,
 * many insertions in one class, many chains in many owners, deep nesting), 4k acquisitions
 * cost at most 8× what 1k cost (4× is linear). Rule time is ESLint's own per-rule timing, and
 * a 1k time under the floor counts as the floor, so noise on tiny times cannot fail it; there
 * is no wall-clock bound. The full table (every family × shape, 1k to 64k, bound 80×) is
 * `npm run bench -- --scaling`. Nesting shapes lint in milliseconds, under the floor: their
 * growth is checked exactly, by counting the plugin's work, in scaling-work.test.ts (a file
 * of its own, since the count needs V8's precise coverage on before the plugin runs).
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { FAMILIES, measureScaling } from "../../scripts/scaling.mjs";

const FLOOR_MS = 25;

const CASES: [family: string, shape: string][] = [
  ["listeners", "class"],
  ["listeners", "types"],
  ["listeners", "effect"],
  ["DOM nodes", "class"],
  ["stream pipelines", "owners"],
  ["observers", "nesting"],
  ["async loops", "nesting"],
  ["registrations", "class"],
];

describe("rule time grows linearly", () => {
  for (const [family, shape] of CASES) {
    it(`${family} / ${shape}: 4k ≤ 8× 1k`, () => {
      const spec = FAMILIES.find((f) => f.family === family)!;
      const [row] = measureScaling(Linter, plugin, { families: [spec], shapes: [shape], sizes: [1000, 4000], rounds: 2 });
      const ratio = row!.times[4000]! / Math.max(row!.times[1000]!, FLOOR_MS);
      expect(ratio, `1k: ${row!.times[1000]!.toFixed(0)} ms, 4k: ${row!.times[4000]!.toFixed(0)} ms`).toBeLessThanOrEqual(8);
    }, 120_000);
  }
});
