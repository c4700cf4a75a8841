/**
 * Runtime proof for the audit's first two kinds: the leaky fixture projects really leak when
 * their entry points run again and again, and the fixed twins do not, measured with the
 * plugin's own oracle (`measureLeak`, a fresh child process per measurement).
 *
 * - returned-handle (TypeScript, bundled with esbuild for Node): each served request leaves one
 *   `quote` listener on the shared bus and each closed ticker panel one interval timer (which
 *   also keeps the widget alive);
 * - undisposed-instance (JavaScript): each served request leaves one PriceStream and its timer.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { DEFAULT_CLEAN_THRESHOLD, DEFAULT_LEAK_THRESHOLD, type LeakMeasurement, measureLeak } from "../../src/runtime/index.js";
import { fixturesDir, repoRoot } from "./helpers.js";

const MEASURE = { warmup: 20, n1: 50, n2: 150, timeoutMs: 30_000 } as const;
const outDir = path.join(repoRoot, "tests", ".tmp", "audit-runtime");

async function bundle(variant: "leaky" | "fixed"): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, `returned-handle.${variant}.mjs`);
  await build({
    entryPoints: [path.join(fixturesDir, "returned-handle", variant, "src", "harness.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "silent",
  });
  return outfile;
}

function samples(m: LeakMeasurement): string {
  return JSON.stringify(m.samples.map((s) => s.values));
}

describe("returned-handle fixture at runtime", () => {
  it("the leaky project leaks a listener and a timer per iteration; the audit reports both", async () => {
    const m = await measureLeak(await bundle("leaky"), MEASURE);
    expect(m.slopes.listeners, samples(m)).toBeGreaterThanOrEqual(DEFAULT_LEAK_THRESHOLD);
    expect(m.slopes.handles, samples(m)).toBeGreaterThanOrEqual(DEFAULT_LEAK_THRESHOLD);
    expect(m.slopes.markers, samples(m)).toBeGreaterThanOrEqual(DEFAULT_LEAK_THRESHOLD);
    const result = await audit({ project: path.join(fixturesDir, "returned-handle", "leaky", "tsconfig.json") });
    expect(result.findings.filter((f) => f.kind === "returned-handle")).toHaveLength(2);
  }, 60_000);

  it("the fixed project does not grow; the audit is silent", async () => {
    const m = await measureLeak(await bundle("fixed"), MEASURE);
    expect(m.slopes.listeners, samples(m)).toBeLessThanOrEqual(DEFAULT_CLEAN_THRESHOLD);
    expect(m.slopes.handles, samples(m)).toBeLessThanOrEqual(DEFAULT_CLEAN_THRESHOLD);
    expect(m.slopes.markers, samples(m)).toBeLessThanOrEqual(DEFAULT_CLEAN_THRESHOLD);
    const result = await audit({ project: path.join(fixturesDir, "returned-handle", "fixed", "tsconfig.json") });
    expect(result.findings).toEqual([]);
  }, 60_000);
});

describe("undisposed-instance fixture at runtime", () => {
  const harness = (variant: string) => path.join(fixturesDir, "undisposed-instance", variant, "src", "harness.mjs");

  it("the leaky project keeps one PriceStream and its timer per request; the audit reports it", async () => {
    const m = await measureLeak(harness("leaky"), MEASURE);
    expect(m.verdict, samples(m)).toBe("leaks");
    expect(m.slopes.handles, samples(m)).toBeGreaterThanOrEqual(DEFAULT_LEAK_THRESHOLD);
    const result = await audit({ project: path.join(fixturesDir, "undisposed-instance", "leaky", "jsconfig.json") });
    expect(result.findings.map((f) => f.kind)).toEqual(["undisposed-instance"]);
  }, 60_000);

  it("the fixed project does not grow; the audit is silent", async () => {
    const m = await measureLeak(harness("fixed"), MEASURE);
    expect(m.verdict, samples(m)).toBe("clean");
    expect(m.slopes.handles, samples(m)).toBeLessThanOrEqual(DEFAULT_CLEAN_THRESHOLD);
    const result = await audit({ project: path.join(fixturesDir, "undisposed-instance", "fixed", "jsconfig.json") });
    expect(result.findings).toEqual([]);
  }, 60_000);
});
