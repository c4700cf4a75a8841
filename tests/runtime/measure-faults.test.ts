/**
 * `measureLeak` when things go wrong: fixtures that start processes and hang, parents that die,
 * fixtures that eat memory, bad arguments, unusual paths. Process checks read /proc (Linux).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureBuilt, root } from "../../scripts/ensure-build.mjs";
import { LeakMeasurementError, measureLeak, type MeasureLeakOptions } from "../../src/runtime/index.js";

vi.setConfig({ testTimeout: 120_000 });

const tmp = join(dirname(fileURLToPath(import.meta.url)), "..", ".tmp", "measure-faults");
const file = (...parts: string[]) => join(tmp, ...parts);
const small = { warmup: 2, n1: 5, n2: 15 } as const;
const hasProc = existsSync("/proc/self/stat");

/** State and start time of a process, from /proc; undefined once it is gone. */
function processInfo(pid: number): { state: string; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0]!, start: fields[19]! };
  } catch {
    return undefined;
  }
}

/** A process identity that pid reuse cannot fool. */
interface Proc {
  pid: number;
  start: string;
}

function identify(pid: number): Proc {
  const info = processInfo(pid);
  if (!info) throw new Error(`process ${pid} is already gone`);
  return { pid, start: info.start };
}

/** Running: present, not a zombie, and the same process (same start time). */
function isRunning(proc: Proc): boolean {
  const info = processInfo(proc.pid);
  return info !== undefined && info.start === proc.start && info.state !== "Z" && info.state !== "X";
}

/** Waits (up to `limitMs`, polling) for `condition`; returns whether it became true. */
async function waitFor(condition: () => boolean, limitMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

/** Kills what a failed test may have left running, so that one failure does not burn the CPU. */
const leftovers: Proc[] = [];
function cleanUp(): void {
  for (const proc of leftovers.splice(0)) {
    if (isRunning(proc)) process.kill(proc.pid, "SIGKILL");
  }
}

/**
 * The same for processes a test never got to see (its measurement hung): the pid files name
 * them, and only a process that still is what the fixture started (`sleep`, or the measuring
 * child with its --expose-gc) is killed.
 */
function killListedInPidFiles(): void {
  if (!existsSync(tmp)) return;
  for (const name of readdirSync(tmp).filter((n) => n.endsWith(".json"))) {
    const pids = Object.values(JSON.parse(readFileSync(join(tmp, name), "utf8")) as Record<string, number>);
    for (const pid of pids) {
      let command = "";
      try {
        command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      } catch {
        continue;
      }
      if (/^sleep\0|--expose-gc/.test(command) && processInfo(pid)?.state !== "Z") process.kill(pid, "SIGKILL");
    }
  }
}

async function failure(promise: Promise<unknown>): Promise<LeakMeasurementError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LeakMeasurementError);
  return error as LeakMeasurementError;
}

// A fixture that starts `sleep` with inherited stdio (so it also holds the child's pipes open),
// writes both pids to $PIDFILE, then either hangs, spins, or finishes normally.
const spawner = (iterate: string) => `
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
export default {
  oracle: "handles",
  setup() {
    const sleeper = spawn("sleep", ["1000"], { stdio: "inherit" });
    writeFileSync(process.env.PIDFILE, JSON.stringify({ child: process.pid, sleep: sleeper.pid }));
  },
  iterate: ${iterate},
};
`;

beforeAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, "a\\b", "node_modules", "tiny-dep"), { recursive: true });
  const fixtures: Record<string, string> = {
    "hangs-with-child.mjs": spawner("() => new Promise(() => setInterval(() => {}, 1000))"),
    "spins-with-child.mjs": spawner("() => { for (;;) {} }"),
    "leaves-child.mjs": spawner("() => {}"),
    "grows-buffers.mjs": [
      "const kept = [];",
      "export default {",
      '  oracle: "handles",',
      // 16 MiB a step, but never more than 1 GiB: even a broken watchdog cannot take the machine.
      "  iterate() { if (kept.length < 64) kept.push(Buffer.alloc(16 * 1024 * 1024, 1)); return new Promise((r) => setTimeout(r, 5)); },",
      "};",
    ].join("\n"),
    "grows-heap.mjs": [
      "const kept = [];",
      'export default { oracle: "handles", iterate() { if (kept.length < 20_000_000) for (let i = 0; i < 100_000; i++) kept.push({ i }); } };',
    ].join("\n"),
    "heap-limit.mjs": [
      'import v8 from "node:v8";',
      "export default {",
      '  oracle: "handles",',
      "  setup() {",
      "    const mib = v8.getHeapStatistics().heap_size_limit / 2 ** 20;",
      '    if (mib > Number(process.env.MAX_HEAP_MIB)) throw new Error("heap limit " + Math.round(mib) + " MiB");',
      "  },",
      "  iterate() {},",
      "};",
    ].join("\n"),
    "ok.mjs": `export default { oracle: "handles", iterate() {} };\n`,
    "a\\b/helper.mjs": `export const make = () => ({});\n`,
    "a\\b/node_modules/tiny-dep/package.json": JSON.stringify({ name: "tiny-dep", main: "index.js" }),
    "a\\b/node_modules/tiny-dep/index.js": `exports.twice = (x) => x * 2;\n`,
    "a\\b/fixture.mjs": [
      'import { make } from "./helper.mjs";',
      'import dep from "tiny-dep";',
      "class Marker {}",
      "const kept = [];",
      'export default { oracle: "markers", markers: Marker, iterate(i) { make(); if (dep.twice(i) >= 0) kept.push(new Marker()); } };',
    ].join("\n"),
  };
  for (const [name, text] of Object.entries(fixtures)) writeFileSync(file(name), text);
});

afterAll(() => {
  cleanUp();
  killListedInPidFiles();
  rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(hasProc)("no process outlives a measurement", () => {
  it("on timeout, kills the child's own children too", async () => {
    const pidFile = file("timeout.json");
    const e = await failure(
      measureLeak(file("hangs-with-child.mjs"), { ...small, timeoutMs: 2_000, env: { PIDFILE: pidFile } }),
    );
    expect(e.kind).toBe("timeout");
    const pids = JSON.parse(readFileSync(pidFile, "utf8")) as { child: number; sleep: number };
    const procs = [pids.child, pids.sleep].map((pid) => ({ pid, start: processInfo(pid)?.start ?? "" }));
    leftovers.push(...procs.filter((p) => p.start !== ""));
    expect(await waitFor(() => procs.every((p) => !isRunning(p)))).toBe(true);
    cleanUp();
  });

  it("after a normal run, kills what the fixture left running", async () => {
    const pidFile = file("normal.json");
    const m = await measureLeak(file("leaves-child.mjs"), { ...small, env: { PIDFILE: pidFile } });
    expect(m.verdict).toBe("clean");
    const { sleep } = JSON.parse(readFileSync(pidFile, "utf8")) as { sleep: number };
    const info = processInfo(sleep);
    if (info) leftovers.push({ pid: sleep, start: info.start });
    expect(await waitFor(() => !info || !isRunning({ pid: sleep, start: info.start }))).toBe(true);
    cleanUp();
  });

  describe("when the measuring process dies, a spinning child and its children end too", () => {
    beforeAll(() => {
      ensureBuilt({ quiet: true });
    }, 180_000);

    it.each(["SIGKILL", "SIGTERM", "SIGINT"] as const)("parent killed with %s", async (signal) => {
      const pidFile = file(`parent-${signal}.json`);
      const runtime = pathToFileURL(join(root, "dist", "runtime", "index.js")).href;
      const script = `import { measureLeak } from ${JSON.stringify(runtime)};
await measureLeak(${JSON.stringify(file("spins-with-child.mjs"))}, { warmup: 1, n1: 2, n2: 4, timeoutMs: 600000, env: { PIDFILE: ${JSON.stringify(pidFile)} } });`;
      const parent = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "ignore" });
      leftovers.push(identify(parent.pid!));
      expect(await waitFor(() => existsSync(pidFile))).toBe(true);
      // The pid file is written in setup(), just before the child starts spinning.
      const pids = JSON.parse(readFileSync(pidFile, "utf8")) as { child: number; sleep: number };
      const procs = [identify(pids.child), identify(pids.sleep)];
      leftovers.push(...procs);
      const parentGone = new Promise((resolve) => parent.once("exit", resolve));
      parent.kill(signal);
      await parentGone;
      expect(await waitFor(() => procs.every((p) => !isRunning(p)))).toBe(true);
      cleanUp();
    });
  });
});

describe("memory cap", () => {
  it("kills a child whose resident memory passes memoryLimitMb and reports kind 'memory' with the figure", async () => {
    const e = await failure(measureLeak(file("grows-buffers.mjs"), { ...small, n2: 60, memoryLimitMb: 160 }));
    expect(e.kind).toBe("memory");
    expect(e.memory?.measure).toBe("rss");
    expect(e.memory?.limitBytes).toBe(160 * 2 ** 20);
    expect(e.memory?.usedBytes).toBeGreaterThan(160 * 2 ** 20);
    expect(e.message).toMatch(/used \d+ MiB of memory \(resident set\), over the 160 MiB limit/);
    // The watchdog's own line is not shown as the fixture's stderr.
    expect(e.stderr).not.toContain("[leakproof-memory]");
  });

  it("caps the child's V8 heap at memoryLimitMb", async () => {
    const m = await measureLeak(file("heap-limit.mjs"), { ...small, memoryLimitMb: 200, env: { MAX_HEAP_MIB: "300" } });
    expect(m.verdict).toBe("clean");
  });

  it("reports a V8 heap overrun as kind 'memory' with the heap figure", async () => {
    // A heap cap far under the RSS limit, so that V8 gives up before the watchdog steps in.
    const e = await failure(
      measureLeak(file("grows-heap.mjs"), { ...small, n2: 400, memoryLimitMb: 1024, execArgv: ["--max-old-space-size=48"] }),
    );
    expect(e.kind).toBe("memory");
    expect(e.memory?.measure).toBe("heap");
    expect(e.memory?.limitBytes).toBe(48 * 2 ** 20);
    expect(e.message).toMatch(/ran out of JavaScript heap \(limit 48 MiB/);
  });
});

describe("argument checks", () => {
  const invalid = async (fixture: unknown, options?: unknown) => {
    const e = await failure(measureLeak(fixture as string, options as MeasureLeakOptions));
    expect(e.kind).toBe("invalid-options");
    return e;
  };

  it.each([Number.NaN, -1, 0, Infinity, 2 ** 31, "1000"])("rejects timeoutMs %s", async (timeoutMs) => {
    const e = await invalid(file("ok.mjs"), { ...small, timeoutMs });
    expect(e.message).toContain("timeoutMs");
  });

  it("rejects a fixture that is not a path, and options that are not an object", async () => {
    expect((await invalid(undefined)).message).toContain("got undefined");
    expect((await invalid(42)).message).toContain("got 42");
    expect((await invalid(new URL("https://example.com/x.mjs"))).message).toContain("not a file path");
    expect((await invalid(file("ok.mjs"), null)).message).toContain("options must be an object, got null");
    expect((await invalid(file("ok.mjs"), [])).message).toContain("options must be an object");
  });

  it("rejects bad option values and unknown option names", async () => {
    expect((await invalid(file("ok.mjs"), { timeout: 5 })).message).toContain("unknown option timeout");
    expect((await invalid(file("ok.mjs"), { warmup: 1.5 })).message).toContain("warmup");
    expect((await invalid(file("ok.mjs"), { leakThreshold: Number.NaN })).message).toContain("leakThreshold");
    expect((await invalid(file("ok.mjs"), { memoryLimitMb: 0 })).message).toContain("memoryLimitMb");
    expect((await invalid(file("ok.mjs"), { execArgv: "--inspect" })).message).toContain("execArgv");
    expect((await invalid(file("ok.mjs"), { env: { A: 1 } })).message).toContain("env");
  });

  it("says a missing cwd does not exist, instead of 'spawn node ENOENT'", async () => {
    const e = await invalid(file("ok.mjs"), { ...small, cwd: file("no-such-folder") });
    expect(e.message).toContain(`cwd ${file("no-such-folder")} does not exist`);
    expect(e.message).not.toContain("ENOENT");
  });
});

describe("unusual fixture paths", () => {
  it("loads a fixture (and its relative and package imports) from a folder whose name has a backslash", async () => {
    const m = await measureLeak(file("a\\b", "fixture.mjs"), small);
    expect(m.fixture).toBe(file("a\\b", "fixture.mjs"));
    expect(m.slopes.markers).toBe(1);
    expect(m.verdict).toBe("leaks");
  });
});
