/**
 * Proves every Node fixture pair twice:
 *  - at runtime: the leaky file leaks (late slope ≥ 0.9 per iteration on its declared oracle)
 *    and the fixed file does not (slope ≤ the clean threshold), measured by the public
 *    `measureLeak` in a fresh child process;
 *  - statically: the rule named by the folder reports the leaky file and not the fixed one.
 *
 * Pairs are discovered as tests/fixtures/<rule>/<case>.leaky.<js|mjs|cjs> with a matching
 * <case>.fixed.<ext> (sub-folders such as browser/ belong to the browser tier and are skipped).
 * Measured slopes are written to tests/runtime/.results/node.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ESLint, Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_CLEAN_THRESHOLD, DEFAULT_LEAK_THRESHOLD, measureLeak, type LeakMeasurement } from "../../src/runtime/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDir = join(here, "..", "fixtures");
const resultsFile = join(here, ".results", "node.json");

const MEASURE = { warmup: 20, n1: 50, n2: 150, timeoutMs: 30_000 } as const;
const CONCURRENCY = 2;

interface Pair {
  rule: string;
  name: string;
  leaky: string;
  fixed: string;
}

function discoverPairs(): Pair[] {
  const pairs: Pair[] = [];
  if (!existsSync(fixturesDir)) return pairs;
  for (const rule of readdirSync(fixturesDir, { withFileTypes: true })) {
    if (!rule.isDirectory()) continue;
    const dir = join(fixturesDir, rule.name);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const match = /^(.+)\.leaky\.(m?js|cjs)$/.exec(entry.name);
      if (!entry.isFile() || !match) continue;
      const fixed = join(dir, `${match[1]}.fixed.${match[2]}`);
      pairs.push({ rule: rule.name, name: match[1]!, leaky: join(dir, entry.name), fixed });
    }
  }
  return pairs.sort((a, b) => `${a.rule}/${a.name}`.localeCompare(`${b.rule}/${b.name}`));
}

/** A tiny semaphore: at most `limit` children alive at once. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

const limit = limiter(CONCURRENCY);
const measurements = new Map<string, Promise<LeakMeasurement>>();
function measure(file: string): Promise<LeakMeasurement> {
  let pending = measurements.get(file);
  if (!pending) {
    pending = limit(() => measureLeak(file, MEASURE));
    measurements.set(file, pending);
  }
  return pending;
}

// Imported lazily so that a missing or broken rule only fails the lint assertions.
async function lint(rule: string, file: string, options: object = {}): Promise<Linter.LintMessage[]> {
  const { Linter } = await import("eslint");
  // Typed loosely on purpose: the plugin's rule types need not match ESLint's own plugin type.
  const pluginModule: { default: unknown } = await import("../../src/index.js");
  const linter = new Linter({ configType: "flat" });
  return linter.verify(
    readFileSync(file, "utf8"),
    [
      {
        files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
        plugins: { leakproof: pluginModule.default as ESLint.Plugin },
        languageOptions: { ecmaVersion: "latest", sourceType: "module" },
        rules: { [`leakproof/${rule}`]: Object.keys(options).length > 0 ? ["error", options] : "error" },
      },
    ],
    { filename: basename(file) },
  );
}

const pairs = discoverPairs();

describe("node fixtures", () => {
  it("has at least three pairs per rule", () => {
    const perRule = new Map<string, number>();
    for (const pair of pairs) perRule.set(pair.rule, (perRule.get(pair.rule) ?? 0) + 1);
    for (const rule of ["no-leaked-event-listener", "no-leaked-timer", "no-unrevoked-object-url"]) {
      expect(perRule.get(rule) ?? 0, rule).toBeGreaterThanOrEqual(3);
    }
    for (const pair of pairs) expect(existsSync(pair.fixed), `${pair.fixed} is missing`).toBe(true);
  });

  for (const pair of pairs) {
    describe(`${pair.rule}/${pair.name}`, () => {
      it.concurrent("leaky fixture leaks at runtime", async () => {
        const m = await measure(pair.leaky);
        expect(m.slope, `${m.oracle} slope, samples ${JSON.stringify(m.samples.map((s) => s.values))}`).toBeGreaterThanOrEqual(
          DEFAULT_LEAK_THRESHOLD,
        );
        expect(m.verdict).toBe("leaks");
      }, 60_000);

      it.concurrent("fixed fixture is clean at runtime", async () => {
        const [fixed, leaky] = await Promise.all([measure(pair.fixed), measure(pair.leaky)]);
        expect(fixed.declaredOracle, "leaky and fixed must declare the same oracle").toBe(leaky.declaredOracle);
        expect(fixed.slope, `${fixed.oracle} slope, samples ${JSON.stringify(fixed.samples.map((s) => s.values))}`).toBeLessThanOrEqual(
          DEFAULT_CLEAN_THRESHOLD,
        );
        expect(fixed.verdict).toBe("clean");
      }, 60_000);

      // A leak the engine can only grade probable (the file does not show that the code runs
      // again) says so in its header: `strict` must report it, `recommended` must not.
      const probable = /leakproof-grade: probable/.test(readFileSync(pair.leaky, "utf8"));
      it(`leaky fixture is reported by ${pair.rule}${probable ? " (strict: graded probable)" : ""}`, async () => {
        const messages = await lint(pair.rule, pair.leaky, probable ? { reportProbable: true } : {});
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        expect(messages.filter((m) => m.ruleId === `leakproof/${pair.rule}`).length).toBeGreaterThanOrEqual(1);
        if (probable) expect(await lint(pair.rule, pair.leaky)).toEqual([]);
      });

      it(`fixed fixture is clean under ${pair.rule}`, async () => {
        const messages = await lint(pair.rule, pair.fixed);
        expect(messages).toEqual([]);
      });
    });
  }
});

afterAll(async () => {
  const settled = await Promise.allSettled(
    pairs.map(async (pair) => {
      const [leaky, fixed] = await Promise.all([measure(pair.leaky), measure(pair.fixed)]);
      const summary = (m: LeakMeasurement) => ({
        slope: m.slope,
        verdict: m.verdict,
        slopes: m.slopes,
        samples: m.samples.map((s) => ({ iterations: s.iterations, ...s.values })),
        heapBytesPerIteration: Math.round(m.heapBytesPerIteration),
        durationMs: Math.round(m.durationMs),
      });
      return { rule: pair.rule, case: pair.name, oracle: leaky.oracle, leaky: summary(leaky), fixed: summary(fixed) };
    }),
  );
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        node: process.version,
        options: MEASURE,
        thresholds: { leak: DEFAULT_LEAK_THRESHOLD, clean: DEFAULT_CLEAN_THRESHOLD },
        pairs: settled.map((s, i) =>
          s.status === "fulfilled"
            ? s.value
            : { rule: pairs[i]!.rule, case: pairs[i]!.name, error: String((s.reason as Error)?.message ?? s.reason) },
        ),
      },
      null,
      2,
    )}\n`,
  );
}, 120_000);
