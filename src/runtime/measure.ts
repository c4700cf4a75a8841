import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { CHILD_SOURCE, CONFIG_ENV, MEMORY_MARKER } from "./child-source.js";
import {
  DEFAULT_CLEAN_THRESHOLD,
  DEFAULT_LEAK_THRESHOLD,
  ORACLES,
  isOracleName,
  type OracleName,
  type OracleValues,
} from "./oracles.js";

/** Options of {@link measureLeak}. Iteration counts are small by default: slopes, not totals, matter. */
export interface MeasureLeakOptions {
  /** Judge on this oracle instead of the one the fixture declares. */
  oracle?: OracleName;
  /** Iterations run before the first sample (lets caches, JIT and lazy singletons settle). Default 25. */
  warmup?: number;
  /** Iterations after the warm-up at which the second sample is taken. Default 100. */
  n1?: number;
  /** Iterations after the warm-up at which the last sample is taken; must exceed `n1`. Default 300. */
  n2?: number;
  /**
   * Kill the child (and every process it started) and reject with a `LeakMeasurementError` of
   * kind `"timeout"` after this long. A positive number of milliseconds. Default 30 000.
   */
  timeoutMs?: number;
  /**
   * Memory cap of the child in MiB: its V8 heap is capped at this size, and a watchdog kills it
   * (with every process it started) once its resident memory goes over it. Either way the
   * promise rejects with a `LeakMeasurementError` of kind `"memory"`. Default 1024.
   */
  memoryLimitMb?: number;
  /** Slope at or above which the judged oracle is leaking. Default {@link DEFAULT_LEAK_THRESHOLD} (0.9). */
  leakThreshold?: number;
  /** Slope at or below which the judged oracle is clean. Default {@link DEFAULT_CLEAN_THRESHOLD} (0.1). */
  cleanThreshold?: number;
  /** Full GCs (each after a `setImmediate` turn) before every sample. Default 3. */
  gcRounds?: number;
  /** Milliseconds to wait before each sample's GCs, for fixtures that release on a timer. Default 0. */
  settleMs?: number;
  /**
   * Extra Node flags for the child (e.g. `["--import", "tsx"]` for TypeScript fixtures).
   * `--expose-gc` is always added; a `--max-old-space-size` here overrides the one `memoryLimitMb` sets.
   */
  execArgv?: readonly string[];
  /** Extra environment variables for the child (merged over `process.env`). */
  env?: Readonly<Record<string, string>>;
  /** Working directory of the child; must be an existing folder. Defaults to the current one. */
  cwd?: string;
}

/** One sampling point. */
export interface LeakSample {
  label: "after-warmup" | "after-n1" | "after-n2";
  /** Iterations completed (warm-up included) when the sample was taken. */
  iterations: number;
  /** Count per oracle; `null` when the oracle is unavailable for this fixture/platform. */
  values: OracleValues;
  /** `process.memoryUsage().heapUsed` after GC, in bytes. Informational only — never a gate. */
  heapUsed: number;
}

/** `"leaks"` at or above the leak threshold, `"clean"` at or below the clean threshold, else `"inconclusive"`. */
export type LeakVerdict = "leaks" | "clean" | "inconclusive";

/** What {@link measureLeak} resolves with. */
export interface LeakMeasurement {
  /** Absolute path of the fixture file. */
  fixture: string;
  description?: string;
  /** The oracle the fixture declares. */
  declaredOracle: OracleName;
  /** The oracle the verdict is based on (`options.oracle` or the declared one). */
  oracle: OracleName;
  iterations: { warmup: number; n1: number; n2: number };
  /** The three samples: after warm-up, after `n1`, after `n2`. */
  samples: [LeakSample, LeakSample, LeakSample];
  /** Late slope `(S2 − S1) / (n2 − n1)` per oracle, in units retained per iteration. */
  slopes: OracleValues;
  /** Early slope `(S1 − S0) / n1` per oracle (informational; includes warm-up effects). */
  earlySlopes: OracleValues;
  /** Late slope of the judged oracle. */
  slope: number;
  /** Late heap growth in bytes per iteration. Informational only: heap bytes are noisy. */
  heapBytesPerIteration: number;
  thresholds: { leak: number; clean: number };
  verdict: LeakVerdict;
  /** `verdict === "leaks"`. */
  leaks: boolean;
  nodeVersion: string;
  /** Wall time of the whole measurement, child start-up included. */
  durationMs: number;
}

/** Why a measurement failed. */
export type LeakMeasurementErrorKind =
  | "timeout"
  | "memory"
  | "crash"
  | "load"
  | "setup"
  | "invalid-fixture"
  | "fixture-error"
  | "oracle-unavailable"
  | "invalid-options";

/** How much memory a child killed for going over `memoryLimitMb` had. */
export interface LeakMemoryOverrun {
  /**
   * `"rss"`: the watchdog saw the resident set size pass the limit (Buffers, typed arrays and
   * native memory count). `"heap"`: V8 ran out of JavaScript heap under its cap.
   */
  measure: "rss" | "heap";
  /** The limit that was passed, in bytes. */
  limitBytes: number;
  /**
   * Memory in use when the child was stopped, in bytes: the resident set size the watchdog read,
   * or the heap still live after V8's last GC. `undefined` when V8 did not print it.
   */
  usedBytes: number | undefined;
}

/** Rejection reason of {@link measureLeak}. `stderr` holds the tail of the child's stderr. */
export class LeakMeasurementError extends Error {
  readonly kind: LeakMeasurementErrorKind;
  readonly fixture: string;
  /** The child's phase when it failed (`"load"`, `"setup"`, `"warmup"`, `"iterate to n1"`, …). */
  readonly phase: string | undefined;
  readonly stderr: string;
  /** Set for kind `"memory"`: which limit was passed and by how much. */
  readonly memory: LeakMemoryOverrun | undefined;

  constructor(
    kind: LeakMeasurementErrorKind,
    fixture: string,
    message: string,
    details: { phase?: string; stderr?: string; childStack?: string; memory?: LeakMemoryOverrun } = {},
  ) {
    const tail = details.stderr?.trim() ? `\n--- child stderr (tail) ---\n${details.stderr.trim()}` : "";
    const stack = details.childStack ? `\n--- child stack ---\n${details.childStack}` : "";
    super(`${message}${stack}${tail}`);
    this.name = "LeakMeasurementError";
    this.kind = kind;
    this.fixture = fixture;
    this.phase = details.phase;
    this.stderr = details.stderr ?? "";
    this.memory = details.memory;
  }
}

/** Messages the child sends over IPC (see `child-source.ts`). */
type ChildMessage =
  | { type: "phase"; phase: string }
  | {
      type: "error";
      kind: "load" | "setup" | "invalid-fixture" | "fixture-error";
      phase: string;
      message: string;
      stack?: string;
    }
  | {
      type: "result";
      declaredOracle: OracleName;
      description?: string;
      samples: [LeakSample, LeakSample, LeakSample];
      nodeVersion: string;
      childDurationMs: number;
    };

const TAIL_BYTES = 8192;
const MIB = 1024 * 1024;
/** `setTimeout` fires at once for anything longer (and warns): the longest timeout that means what it says. */
const MAX_TIMEOUT_MS = 2_147_483_647;
/** How often the child's watchdog thread looks at its parent and its memory. */
const WATCHDOG_INTERVAL_MS = 50;
/** After the child exits, how long to wait for its stdio to close before settling anyway. */
const CLOSE_GRACE_MS = 2_000;

const OPTION_NAMES: ReadonlySet<string> = new Set<keyof MeasureLeakOptions>([
  "oracle",
  "warmup",
  "n1",
  "n2",
  "timeoutMs",
  "memoryLimitMb",
  "leakThreshold",
  "cleanThreshold",
  "gcRounds",
  "settleMs",
  "execArgv",
  "env",
  "cwd",
]);

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

/** Checks the arguments of {@link measureLeak}; every problem is an `invalid-options` error. */
class OptionReader {
  constructor(
    private readonly options: Readonly<Record<string, unknown>>,
    private readonly fixture: string,
  ) {}

  fail(message: string): never {
    throw new LeakMeasurementError("invalid-options", this.fixture, `measureLeak: ${message}`);
  }

  integer(name: keyof MeasureLeakOptions, fallback: number, min: number): number {
    const value = this.options[name] ?? fallback;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
      this.fail(`${name} must be a whole number ≥ ${min}, got ${describeValue(value)}`);
    }
    return value;
  }

  finite(name: keyof MeasureLeakOptions, fallback: number): number {
    const value = this.options[name] ?? fallback;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.fail(`${name} must be a finite number, got ${describeValue(value)}`);
    }
    return value;
  }
}

/** Resolves the fixture argument to an absolute path, or says why it cannot. */
function fixturePath(fixtureFile: unknown, cwd: string): string {
  const invalid = (message: string): never => {
    throw new LeakMeasurementError("invalid-options", String(fixtureFile), `measureLeak: ${message}`);
  };
  if (fixtureFile instanceof URL || (typeof fixtureFile === "string" && fixtureFile.startsWith("file:"))) {
    try {
      return fileURLToPath(fixtureFile);
    } catch (error) {
      return invalid(`the fixture URL ${String(fixtureFile)} is not a file path (${(error as Error).message})`);
    }
  }
  if (typeof fixtureFile !== "string" || fixtureFile === "") {
    return invalid(`the fixture must be a file path or a file: URL, got ${describeValue(fixtureFile)}`);
  }
  return resolvePath(cwd, fixtureFile);
}

/** The child's working folder: it must exist, or spawn fails with a misleading "spawn node ENOENT". */
function workingFolder(cwd: unknown, fixture: string): string {
  if (cwd === undefined) return process.cwd();
  const invalid = (message: string): never => {
    throw new LeakMeasurementError("invalid-options", fixture, `measureLeak: ${message}`);
  };
  if (typeof cwd !== "string" || cwd === "") return invalid(`cwd must be a folder path, got ${describeValue(cwd)}`);
  const absolute = resolvePath(cwd);
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return invalid(`cwd ${absolute} ${code === "ENOENT" ? "does not exist" : `cannot be used (${code ?? (error as Error).message})`}`);
  }
  return isFolder ? absolute : invalid(`cwd ${absolute} is not a folder`);
}

/** The last `--max-old-space-size` among the child's flags, in MiB (the last one wins in V8). */
function heapCapMb(execArgv: readonly string[]): number | undefined {
  let cap: number | undefined;
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const inline = /^--max[-_]old[-_]space[-_]size=(\d+)$/.exec(arg);
    if (inline) cap = Number(inline[1]);
    else if (/^--max[-_]old[-_]space[-_]size$/.test(arg) && /^\d+$/.test(execArgv[i + 1] ?? "")) cap = Number(execArgv[i + 1]);
  }
  return cap;
}

interface RunSettings {
  fixture: string;
  config: Record<string, unknown>;
  timeoutMs: number;
  memoryLimitMb: number;
  execArgv: readonly string[];
  env: Readonly<Record<string, string>>;
  cwd: string;
}

function slopeOf(from: number | null, to: number | null, iterations: number): number | null {
  return from === null || to === null ? null : (to - from) / iterations;
}

/**
 * Runs one leak fixture in a fresh `node --expose-gc` child process and measures how much of
 * each oracle every iteration leaves behind.
 *
 * The child loads the fixture, runs `setup()`, `warmup` iterations, samples (S0), runs up to
 * `n1` iterations, samples (S1), runs up to `n2`, samples (S2), runs `teardown()` and exits
 * (explicitly — a leaky fixture may keep its event loop alive). Before every sample it runs
 * several full GCs separated by `setImmediate` turns. The verdict uses the *late* slope
 * `(S2 − S1) / (n2 − n1)` of the judged oracle, which ignores one-off warm-up allocations.
 *
 * Fixtures must be JavaScript Node can import as is (`.mjs`, `.js`, `.cjs`); pass loader flags
 * through `execArgv` for anything else.
 *
 * @param fixtureFile Path (or `file:` URL) of the fixture module; relative paths resolve against `cwd`.
 * @returns The samples, per-oracle slopes and a verdict. Rejects with a {@link LeakMeasurementError}
 *   when the child times out, crashes, the fixture is invalid or throws, or the judged oracle is
 *   unavailable.
 *
 * @example
 * ```ts
 * const m = await measureLeak("test/leaks/price-feed.fixture.mjs", { n1: 50, n2: 150 });
 * expect(m.verdict).toBe("clean"); // m.slope ≤ 0.1 listeners per iteration
 * ```
 */
export async function measureLeak(fixtureFile: string | URL, options: MeasureLeakOptions = {}): Promise<LeakMeasurement> {
  // Checked by hand: JavaScript callers (and `as any`) get a LeakMeasurementError, not a TypeError.
  const optionsValue: unknown = options;
  if (optionsValue === null || typeof optionsValue !== "object" || Array.isArray(optionsValue)) {
    throw new LeakMeasurementError(
      "invalid-options",
      String(fixtureFile),
      `measureLeak: options must be an object, got ${describeValue(optionsValue)}`,
    );
  }
  const raw = optionsValue as Readonly<Record<string, unknown>>;
  const unknown = Object.keys(raw).filter((key) => !OPTION_NAMES.has(key));
  if (unknown.length > 0) {
    throw new LeakMeasurementError(
      "invalid-options",
      String(fixtureFile),
      `measureLeak: unknown option${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")} (known: ${[...OPTION_NAMES].join(", ")})`,
    );
  }
  const cwd = workingFolder(raw.cwd, String(fixtureFile));
  const fixture = fixturePath(fixtureFile, cwd);
  const read: OptionReader = new OptionReader(raw, fixture);

  const warmup = read.integer("warmup", 25, 0);
  const n1 = read.integer("n1", 100, 1);
  const n2 = read.integer("n2", 300, 1);
  const gcRounds = read.integer("gcRounds", 3, 0);
  const settleMs = read.integer("settleMs", 0, 0);
  const memoryLimitMb = read.integer("memoryLimitMb", 1024, 1);
  const timeoutMs = raw.timeoutMs ?? 30_000;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    read.fail(`timeoutMs must be a number of milliseconds in (0, ${MAX_TIMEOUT_MS}], got ${describeValue(timeoutMs)}`);
  }
  const leak = read.finite("leakThreshold", DEFAULT_LEAK_THRESHOLD);
  const clean = read.finite("cleanThreshold", DEFAULT_CLEAN_THRESHOLD);
  if (n2 <= n1) read.fail(`need 1 ≤ n1 < n2, got n1=${n1}, n2=${n2}`);
  if (!(clean < leak)) read.fail(`cleanThreshold (${clean}) must be below leakThreshold (${leak})`);
  if (raw.oracle !== undefined && !isOracleName(raw.oracle)) {
    read.fail(`unknown oracle ${describeValue(raw.oracle)} (one of ${ORACLES.join(", ")})`);
  }
  const execArgv = raw.execArgv ?? [];
  if (!Array.isArray(execArgv) || !execArgv.every((arg) => typeof arg === "string")) {
    read.fail(`execArgv must be an array of strings, got ${describeValue(execArgv)}`);
  }
  const env = raw.env ?? {};
  if (
    env === null ||
    typeof env !== "object" ||
    Array.isArray(env) ||
    !Object.values(env).every((value) => typeof value === "string")
  ) {
    read.fail(`env must be an object of strings, got ${describeValue(env)}`);
  }
  const oracleOption = raw.oracle;

  const config = {
    file: fixture,
    oracle: oracleOption ?? null,
    warmup,
    n1,
    n2,
    gcRounds,
    settleMs,
    parentPid: process.pid,
    memoryLimitBytes: memoryLimitMb * MIB,
    memoryMarker: MEMORY_MARKER,
    watchdogIntervalMs: WATCHDOG_INTERVAL_MS,
  };
  const started = performance.now();
  const result = await runChild({
    fixture,
    config,
    timeoutMs,
    memoryLimitMb,
    execArgv: execArgv,
    env: env as Record<string, string>,
    cwd,
  });

  const declaredOracle = result.declaredOracle;
  const oracle = oracleOption ?? declaredOracle;
  const [s0, s1, s2] = result.samples;
  const slopes = {} as OracleValues;
  const earlySlopes = {} as OracleValues;
  for (const name of ORACLES) {
    slopes[name] = slopeOf(s1.values[name], s2.values[name], n2 - n1);
    earlySlopes[name] = slopeOf(s0.values[name], s1.values[name], n1);
  }
  const slope = slopes[oracle];
  if (slope === null) {
    throw new LeakMeasurementError(
      "oracle-unavailable",
      fixture,
      `${fixture}: oracle '${oracle}' is not available (fixture lacks its declaration, or this platform/Node version cannot measure it)`,
    );
  }
  const verdict: LeakVerdict = slope >= leak ? "leaks" : slope <= clean ? "clean" : "inconclusive";
  return {
    fixture,
    ...(result.description === undefined ? {} : { description: result.description }),
    declaredOracle,
    oracle,
    iterations: { warmup, n1, n2 },
    samples: result.samples,
    slopes,
    earlySlopes,
    slope,
    heapBytesPerIteration: (s2.heapUsed - s1.heapUsed) / (n2 - n1),
    thresholds: { leak, clean },
    verdict,
    leaks: verdict === "leaks",
    nodeVersion: result.nodeVersion,
    durationMs: performance.now() - started,
  };
}

type ResultMessage = Extract<ChildMessage, { type: "result" }>;

/** Process groups of the children still running, killed if this process exits first. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/**
 * SIGKILL to the child's whole process group: the child and whatever it started. The group
 * may already be gone (ESRCH); where groups do not exist (Windows) only the child is killed.
 */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Only an 'exit' listener: it changes nothing about how the host process ends. A host
    // killed by a signal runs no listener; the child's watchdog notices that on its own.
    process.on("exit", () => {
      for (const group of liveGroups) killGroup(group);
    });
  }
}

const HEAP_OOM = /JavaScript heap out of memory|Reached heap limit|Ineffective mark-compacts near heap limit/;
const GC_TRACE = /(?:Mark-Compact|Scavenge|Mark-sweep)[^\n]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g;

/** The heap still live after the last GC V8 printed before it gave up, in bytes. */
function lastHeapFigure(stderr: string): number | undefined {
  let last: number | undefined;
  for (const match of stderr.matchAll(GC_TRACE)) last = Number(match[3]) * MIB;
  return last === undefined || Number.isNaN(last) ? undefined : Math.round(last);
}

const mib = (bytes: number): string => `${Math.round(bytes / MIB)} MiB`;

function runChild(settings: RunSettings): Promise<ResultMessage> {
  const { fixture, config, timeoutMs, memoryLimitMb } = settings;
  const execArgv = ["--expose-gc", `--max-old-space-size=${memoryLimitMb}`, ...settings.execArgv];
  const heapLimitMb = heapCapMb(execArgv) ?? memoryLimitMb;
  return new Promise<ResultMessage>((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, "--input-type=module", "-e", CHILD_SOURCE], {
      cwd: settings.cwd,
      env: { ...process.env, ...settings.env, [CONFIG_ENV]: JSON.stringify(config) },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      // Its own process group, so that a timeout or the end of the run can kill everything the
      // fixture started, not just the child. (On Windows "detached" means a new console instead.)
      detached: process.platform !== "win32",
    });
    const pid = child.pid;
    if (pid !== undefined) trackGroup(pid);

    interface Failure {
      kind: LeakMeasurementErrorKind;
      message: string;
      stack?: string;
      memory?: LeakMemoryOverrun;
    }
    let phase = "start";
    let stderr = "";
    let result: ResultMessage | undefined;
    let failure: Failure | undefined;
    let rssOverrun: { rssBytes: number; limitBytes: number } | undefined;
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;

    const onStderr = (chunk: Buffer): void => {
      const text = chunk.toString("utf8");
      // Look for the watchdog's line in this chunk plus the end of the previous ones, so a line
      // split across chunks is still found.
      const window = stderr.slice(-512) + text;
      stderr = (stderr + text).slice(-TAIL_BYTES);
      if (rssOverrun === undefined) {
        const at = window.lastIndexOf(MEMORY_MARKER);
        const line = at < 0 ? undefined : window.slice(at + MEMORY_MARKER.length).split("\n", 1)[0];
        if (line !== undefined && window.indexOf("\n", at) >= 0) {
          try {
            rssOverrun = JSON.parse(line) as { rssBytes: number; limitBytes: number };
          } catch {
            // not the watchdog's line after all
          }
        }
      }
    };
    // Drain stdout so a chatty fixture cannot block on a full pipe; its text is not needed.
    child.stdout?.resume();
    child.stderr?.on("data", onStderr);

    const timer = setTimeout(() => {
      failure ??= {
        kind: "timeout",
        message:
          `${fixture}: leak measurement timed out after ${timeoutMs} ms in phase '${phase}'` +
          ` (does iterate() return a promise that never settles? otherwise raise timeoutMs or lower n2)`,
      };
      if (pid !== undefined) killGroup(pid);
    }, timeoutMs);

    const onMessage = (raw: unknown): void => {
      const message = raw as ChildMessage;
      if (failure !== undefined) return;
      if (message.type === "phase") phase = message.phase;
      else if (message.type === "result") result = message;
      else if (message.type === "error") {
        phase = message.phase;
        failure = {
          kind: message.kind,
          message: `${fixture}: ${message.kind} in phase '${message.phase}': ${message.message}`,
          ...(message.stack === undefined ? {} : { stack: message.stack }),
        };
      }
    };

    /** Why the child died, when it sent no result and no error of its own. */
    const deathCause = (): Failure => {
      if (rssOverrun !== undefined) {
        return {
          kind: "memory",
          message:
            `${fixture}: the child used ${mib(rssOverrun.rssBytes)} of memory (resident set), over the` +
            ` ${mib(rssOverrun.limitBytes)} limit (memoryLimitMb), in phase '${phase}'; it was killed`,
          memory: { measure: "rss", limitBytes: rssOverrun.limitBytes, usedBytes: rssOverrun.rssBytes },
        };
      }
      if (HEAP_OOM.test(stderr)) {
        const used = lastHeapFigure(stderr);
        return {
          kind: "memory",
          message:
            `${fixture}: the child ran out of JavaScript heap (limit ${heapLimitMb} MiB` +
            `${used === undefined ? "" : `, ${mib(used)} still live after the last GC`}) in phase '${phase}'`,
          memory: { measure: "heap", limitBytes: heapLimitMb * MIB, usedBytes: used },
        };
      }
      return {
        kind: "crash",
        message:
          `${fixture}: child exited (code ${child.exitCode}, signal ${child.signalCode}) in phase '${phase}' without a result` +
          (child.exitCode === 13
            ? " — a promise from setup()/iterate()/teardown() never settled and nothing else kept the event loop alive"
            : ""),
      };
    };

    const settle = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      if (pid !== undefined) liveGroups.delete(pid);
      child.off("message", onMessage);
      child.off("error", onError);
      child.off("exit", onExit);
      child.off("close", onClose);
      child.stderr?.off("data", onStderr);
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (failure === undefined && result !== undefined) {
        resolve(result);
        return;
      }
      const { kind, message, stack, memory } = failure ?? deathCause();
      // The watchdog's line is for this function, not for the reader of the error.
      const shownStderr = stderr
        .split("\n")
        .filter((line) => !line.startsWith(MEMORY_MARKER))
        .join("\n");
      reject(
        new LeakMeasurementError(kind, fixture, message, {
          phase,
          stderr: shownStderr,
          ...(stack === undefined ? {} : { childStack: stack }),
          ...(memory === undefined ? {} : { memory }),
        }),
      );
    };
    const onError = (error: Error): void => {
      failure ??= { kind: "crash", message: `${fixture}: could not run the child: ${error.message}` };
      if (pid !== undefined) killGroup(pid);
      settle();
    };
    const onExit = (): void => {
      // The fixture may have left processes behind (a spawned server, a "sleep"): they are in the
      // child's group, so they go too, and they release the stdio pipes they inherited.
      if (pid !== undefined) killGroup(pid);
      // Something that left the group could still hold the pipes open: do not wait for it forever.
      graceTimer = setTimeout(settle, CLOSE_GRACE_MS);
    };
    // 'close' (not 'exit'): fires once stdio is drained, so stderr is complete.
    const onClose = (): void => settle();
    child.on("message", onMessage);
    child.on("error", onError);
    child.on("exit", onExit);
    child.on("close", onClose);
  });
}
