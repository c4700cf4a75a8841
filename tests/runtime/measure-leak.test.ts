/** Error paths and option handling of the Node leak oracle (`measureLeak`). */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LeakMeasurementError, measureLeak } from "../../src/runtime/index.js";

const tmp = join(dirname(fileURLToPath(import.meta.url)), "..", ".tmp", "measure-leak");
const file = (name: string) => join(tmp, name);
const small = { warmup: 5, n1: 10, n2: 30, timeoutMs: 10_000 } as const;

beforeAll(() => {
  mkdirSync(tmp, { recursive: true });
  const fixtures: Record<string, string> = {
    "hangs.mjs": `setInterval(() => {}, 1000);\nexport default { oracle: "handles", iterate: () => new Promise(() => {}) };\n`,
    "never-settles.mjs": `export default { oracle: "handles", iterate: () => new Promise(() => {}) };\n`,
    "throws.mjs": `export default { oracle: "handles", iterate(i) { if (i === 7) throw new Error("boom at 7"); } };\n`,
    "no-markers.mjs": `export default { oracle: "markers", iterate() {} };\n`,
    "no-default.mjs": `export const x = 1;\n`,
    "all-oracles.mjs": [
      `import { EventEmitter } from "node:events";`,
      `import { openSync } from "node:fs";`,
      `class Marker {}`,
      `const bus = new EventEmitter(); bus.setMaxListeners(0);`,
      `export default {`,
      `  oracle: "markers", markers: Marker, listeners: () => [{ target: bus, type: "x" }],`,
      `  iterate() {`,
      `    const m = new Marker();`,
      `    bus.on("x", () => m);`,
      `    setTimeout(() => {}, 60_000);`,
      `    URL.createObjectURL(new Blob(["a"]));`,
      `    openSync(${JSON.stringify(fileURLToPath(import.meta.url))}, "r");`,
      `  },`,
      `};`,
    ].join("\n"),
  };
  for (const [name, text] of Object.entries(fixtures)) writeFileSync(file(name), text);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<LeakMeasurementError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LeakMeasurementError);
  return error as LeakMeasurementError;
}

describe("measureLeak", () => {
  it("sees one unit per iteration on every oracle", async () => {
    const m = await measureLeak(file("all-oracles.mjs"), small);
    expect(m.slopes).toEqual({ markers: 1, listeners: 1, handles: 1, objectUrls: 1, fds: 1 });
    expect(m.verdict).toBe("leaks");
    expect(m.samples.map((s) => s.iterations)).toEqual([5, 15, 35]);
  });

  it("judges on options.oracle when given", async () => {
    const m = await measureLeak(file("all-oracles.mjs"), { ...small, oracle: "objectUrls" });
    expect(m.declaredOracle).toBe("markers");
    expect(m.oracle).toBe("objectUrls");
  });

  it("times out with a clear error", async () => {
    const e = await failure(measureLeak(file("hangs.mjs"), { ...small, timeoutMs: 1_000 }));
    expect(e.kind).toBe("timeout");
    expect(e.phase).toBe("warmup");
    expect(e.message).toMatch(/timed out after 1000 ms/);
  });

  it("explains a promise that never settles on an idle loop", async () => {
    const e = await failure(measureLeak(file("never-settles.mjs"), small));
    expect(e.kind).toBe("crash");
    expect(e.message).toMatch(/never settled/);
  });

  it("reports errors thrown by the fixture", async () => {
    const e = await failure(measureLeak(file("throws.mjs"), small));
    expect(e.kind).toBe("fixture-error");
    expect(e.message).toMatch(/boom at 7/);
  });

  it("rejects invalid fixtures and options", async () => {
    expect((await failure(measureLeak(file("no-markers.mjs"), small))).kind).toBe("invalid-fixture");
    expect((await failure(measureLeak(file("no-default.mjs"), small))).kind).toBe("invalid-fixture");
    expect((await failure(measureLeak(file("missing.mjs"), small))).kind).toBe("load");
    expect((await failure(measureLeak(file("throws.mjs"), { n1: 10, n2: 10 }))).kind).toBe("invalid-options");
    expect((await failure(measureLeak(file("all-oracles.mjs"), { ...small, oracle: "nope" as never }))).kind).toBe(
      "invalid-options",
    );
  });
});
