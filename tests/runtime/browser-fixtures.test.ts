/**
 * Browser fixtures: every tests/fixtures/<rule>/browser/<case>.leaky.<ext> must leak in real
 * headless Chromium and be reported by <rule>; its <case>.fixed.<ext> twin must stay flat and
 * lint clean. Chromium is required (the dev dependency @sparticuz/chromium provides one when
 * neither LEAKPROOF_CHROMIUM nor /usr/bin/chromium does): without it this suite fails unless
 * LEAKPROOF_SKIP_BROWSER=1.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Linter } from "eslint";
import type { Browser } from "playwright-core";
import {
  bundleBrowserFixture,
  findChromium,
  launchLeakBrowser,
  measureLeakInBrowser,
  type BrowserLeakMeasurement,
  type ChromiumExecutable,
} from "../../src/runtime/browser.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures");
const RESULTS = path.join(ROOT, "tests/runtime/.results/browser.json");
const SKIP = process.env["LEAKPROOF_SKIP_BROWSER"] === "1";
const LEAK_THRESHOLD = 0.9;
const CLEAN_THRESHOLD = 0.1;
const MEASURE = { warmup: 10, n1: 10, n2: 50, timeoutMs: 30_000 } as const;

interface FixturePair {
  rule: string;
  name: string;
  leaky: string;
  fixed: string;
}

function discoverPairs(): FixturePair[] {
  const pairs: FixturePair[] = [];
  for (const rule of readdirSync(FIXTURES).sort()) {
    const dir = path.join(FIXTURES, rule, "browser");
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const match = /^(.+)\.leaky\.(m?[jt]sx?)$/.exec(file);
      if (!match) continue;
      const [, name, ext] = match as unknown as [string, string, string];
      pairs.push({ rule, name, leaky: path.join(dir, file), fixed: path.join(dir, `${name}.fixed.${ext}`) });
    }
  }
  return pairs;
}

const pairs = discoverPairs();
const results: Record<string, unknown> = {};

async function lintWithRule(file: string, rule: string): Promise<Linter.LintMessage[]> {
  const plugin = (await import("../../src/index.js")).default as unknown as NonNullable<Linter.Config["plugins"]>[string];
  const languageOptions: Linter.Config["languageOptions"] = {
    ecmaVersion: "latest",
    sourceType: "module",
    parserOptions: { ecmaFeatures: { jsx: true } },
  };
  if (/\.m?tsx?$/.test(file)) {
    languageOptions.parser = (await import("@typescript-eslint/parser"));
  }
  const linter = new Linter({ cwd: ROOT });
  const config: Linter.Config[] = [
    {
      files: ["**/*.js", "**/*.jsx", "**/*.mjs", "**/*.ts", "**/*.tsx", "**/*.mts"],
      plugins: { leakproof: plugin },
      languageOptions,
      rules: { [`leakproof/${rule}`]: "error" },
    },
  ];
  const messages = linter.verify(readFileSync(file, "utf8"), config, file);
  const fatal = messages.filter((m) => m.fatal);
  expect(fatal, `${path.relative(ROOT, file)} must parse`).toEqual([]);
  return messages;
}

describe("browser fixtures", () => {
  let browser: Browser | undefined;
  let chromium: ChromiumExecutable | undefined;

  it("discovers browser fixture pairs", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    for (const pair of pairs) expect(existsSync(pair.fixed), `${pair.fixed} must exist`).toBe(true);
  });

  it("bundles Vue fixtures with Vue's compile-time feature flags set", async () => {
    // `vue` resolves to its bundler build, which expects the app's bundler to define these
    // flags; left undefined, Vue reads them from globals at run time instead of a real app's
    // constant-folded production code.
    const vueFixture = pairs.map((pair) => pair.leaky).find((file) => /from "vue"/.test(readFileSync(file, "utf8")));
    expect(vueFixture, "at least one browser fixture mounts a real Vue component").toBeDefined();
    const bundle = await bundleBrowserFixture(vueFixture!);
    expect(bundle).toContain("createApp");
    expect(bundle).not.toMatch(/(?<![.\w])__VUE_(?:OPTIONS_API|PROD_DEVTOOLS|PROD_HYDRATION_MISMATCH_DETAILS)__/);
  }, 20_000);

  describe.skipIf(SKIP)("measured in headless Chromium", () => {
    beforeAll(async () => {
      // Fail loudly rather than skip: the browser tier is part of what the fixtures prove.
      try {
        chromium = await findChromium();
      } catch (error) {
        throw new Error(`${(error as Error).message} Set LEAKPROOF_SKIP_BROWSER=1 to skip the browser fixtures.`);
      }
      // The first use of @sparticuz/chromium unpacks ~200 MB: allow for it in this hook's timeout.
      browser = await launchLeakBrowser({ executablePath: chromium.path });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      if (Object.keys(results).length > 0) {
        mkdirSync(path.dirname(RESULTS), { recursive: true });
        const report = { browserVersion: browser?.version(), chromium: chromium?.source, thresholds: { leak: LEAK_THRESHOLD, clean: CLEAN_THRESHOLD }, ...MEASURE, fixtures: results };
        writeFileSync(RESULTS, JSON.stringify(report, null, 2) + "\n");
      }
    });

    const record = (file: string, m: BrowserLeakMeasurement): void => {
      results[path.relative(FIXTURES, file)] = {
        verdict: m.verdict,
        oracles: m.oracles,
        slopes: Object.fromEntries(m.oracles.map((o) => [o, m.slopes[o]])),
        allSlopes: m.slopes,
        samples: m.samples,
        durationMs: m.durationMs,
      };
    };

    for (const pair of pairs) {
      describe(`${pair.rule}/browser/${pair.name}`, () => {
        it("leaky version leaks (late slope >= 0.9 per iteration)", async () => {
          const m = await measureLeakInBrowser(pair.leaky, { ...MEASURE, browser: browser!, leakThreshold: LEAK_THRESHOLD, cleanThreshold: CLEAN_THRESHOLD });
          record(pair.leaky, m);
          expect(m.verdict, JSON.stringify(m.slopes)).toBe("leaks");
          expect(m.slope).toBeGreaterThanOrEqual(LEAK_THRESHOLD);
        }, 40_000);

        it("fixed version stays flat (late slope <= 0.1 per iteration on every oracle)", async () => {
          const m = await measureLeakInBrowser(pair.fixed, { ...MEASURE, browser: browser!, leakThreshold: LEAK_THRESHOLD, cleanThreshold: CLEAN_THRESHOLD });
          record(pair.fixed, m);
          expect(m.verdict, JSON.stringify(m.slopes)).toBe("clean");
          for (const oracle of m.oracles) expect(m.slopes[oracle]!).toBeLessThanOrEqual(CLEAN_THRESHOLD);
        }, 40_000);
      });
    }
  });

  describe("linted with the rule named by the folder", () => {
    for (const pair of pairs) {
      it(`${pair.rule} reports ${pair.name}.leaky`, async () => {
        const messages = await lintWithRule(pair.leaky, pair.rule);
        expect(messages.filter((m) => m.ruleId === `leakproof/${pair.rule}`).length).toBeGreaterThanOrEqual(1);
      }, 20_000);

      it(`${pair.rule} accepts ${pair.name}.fixed`, async () => {
        const messages = await lintWithRule(pair.fixed, pair.rule);
        expect(messages.filter((m) => m.ruleId === `leakproof/${pair.rule}`)).toEqual([]);
        expect(messages.filter((m) => m.ruleId === null && m.severity === 2)).toEqual([]);
      }, 20_000);
    }
  });
});
