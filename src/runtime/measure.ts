import { spawn } from "node:child_process";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { CHILD_SOURCE, CONFIG_ENV } from "./child-source.js";
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
  /** Kill the child and reject with a `LeakMeasurementError` of kind `"timeout"` after this long. Default 30 000. */
  timeoutMs?: number;
  /** Slope at or above which the judged oracle is leaking. Default {@link DEFAULT_LEAK_THRESHOLD} (0.9). */
  leakThreshold?: number;
  /** Slope at or below which the judged oracle is clean. Default {@link DEFAULT_CLEAN_THRESHOLD} (0.1). */
  cleanThreshold?: number;
  /** Full GCs (each after a `setImmediate` turn) before every sample. Default 3. */
  gcRounds?: number;
  /** Milliseconds to wait before each sample's GCs, for fixtures that release on a timer. Default 0. */
  settleMs?: number;
  /** Extra Node flags for the child (e.g. `["--import", "tsx"]` for TypeScript fixtures). `--expose-gc` is always added. */
  execArgv?: readonly string[];
  /** Extra environment variables for the child (merged over `process.env`). */
  env?: Readonly<Record<string, string>>;
  /** Working directory of the child. Defaults to the current one. */
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
  | "crash"
  | "load"
  | "setup"
  | "invalid-fixture"
  | "fixture-error"
  | "oracle-unavailable"
  | "invalid-options";

/** Rejection reason of {@link measureLeak}. `stderr` holds the tail of the child's stderr. */
export class LeakMeasurementError extends Error {
  readonly kind: LeakMeasurementErrorKind;
  readonly fixture: string;
  /** The child's phase when it failed (`"load"`, `"setup"`, `"warmup"`, `"iterate to n1"`, …). */
  readonly phase: string | undefined;
  readonly stderr: string;

  constructor(
    kind: LeakMeasurementErrorKind,
    fixture: string,
    message: string,
    details: { phase?: string; stderr?: string; childStack?: string } = {},
  ) {
    const tail = details.stderr?.trim() ? `\n--- child stderr (tail) ---\n${details.stderr.trim()}` : "";
    const stack = details.childStack ? `\n--- child stack ---\n${details.childStack}` : "";
    super(`${message}${stack}${tail}`);
    this.name = "LeakMeasurementError";
    this.kind = kind;
    this.fixture = fixture;
    this.phase = details.phase;
    this.stderr = details.stderr ?? "";
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

function positiveInteger(name: string, value: number, fixture: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new LeakMeasurementError("invalid-options", fixture, `${name} must be a non-negative integer, got ${value}`);
  }
  return value;
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
  const cwd = options.cwd ?? process.cwd();
  const fixture =
    fixtureFile instanceof URL || fixtureFile.startsWith("file:")
      ? fileURLToPath(fixtureFile)
      : resolvePath(cwd, fixtureFile);

  const warmup = positiveInteger("warmup", options.warmup ?? 25, fixture);
  const n1 = positiveInteger("n1", options.n1 ?? 100, fixture);
  const n2 = positiveInteger("n2", options.n2 ?? 300, fixture);
  const gcRounds = positiveInteger("gcRounds", options.gcRounds ?? 3, fixture);
  const settleMs = positiveInteger("settleMs", options.settleMs ?? 0, fixture);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const leak = options.leakThreshold ?? DEFAULT_LEAK_THRESHOLD;
  const clean = options.cleanThreshold ?? DEFAULT_CLEAN_THRESHOLD;
  if (n1 < 1 || n2 <= n1) {
    throw new LeakMeasurementError("invalid-options", fixture, `need 1 ≤ n1 < n2, got n1=${n1}, n2=${n2}`);
  }
  if (!(clean < leak)) {
    throw new LeakMeasurementError("invalid-options", fixture, `cleanThreshold (${clean}) must be below leakThreshold (${leak})`);
  }
  if (options.oracle !== undefined && !isOracleName(options.oracle)) {
    throw new LeakMeasurementError("invalid-options", fixture, `unknown oracle ${String(options.oracle)}`);
  }

  const config = { file: fixture, oracle: options.oracle ?? null, warmup, n1, n2, gcRounds, settleMs };
  const started = performance.now();
  const result = await runChild(fixture, config, timeoutMs, options);

  const declaredOracle = result.declaredOracle;
  const oracle = options.oracle ?? declaredOracle;
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

function runChild(
  fixture: string,
  config: Record<string, unknown>,
  timeoutMs: number,
  options: MeasureLeakOptions,
): Promise<ResultMessage> {
  return new Promise<ResultMessage>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--expose-gc", ...(options.execArgv ?? []), "--input-type=module", "-e", CHILD_SOURCE],
      {
        cwd: options.cwd ?? process.cwd(),
        env: { ...process.env, ...options.env, [CONFIG_ENV]: JSON.stringify(config) },
        stdio: ["ignore", "pipe", "pipe", "ipc"],
      },
    );

    interface Failure {
      kind: LeakMeasurementErrorKind;
      message: string;
      stack?: string;
    }
    let phase = "start";
    let stderr = "";
    let result: ResultMessage | undefined;
    let failure: Failure | undefined;
    const keepTail = (chunk: Buffer): void => {
      stderr = (stderr + chunk.toString("utf8")).slice(-TAIL_BYTES);
    };
    // Drain stdout so a chatty fixture cannot block on a full pipe; its text is not needed.
    child.stdout?.resume();
    child.stderr?.on("data", keepTail);

    const timer = setTimeout(() => {
      failure = {
        kind: "timeout",
        message:
          `${fixture}: leak measurement timed out after ${timeoutMs} ms in phase '${phase}'` +
          ` (does iterate() return a promise that never settles? otherwise raise timeoutMs or lower n2)`,
      };
      child.kill("SIGKILL");
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
    const settle = (): void => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("error", onError);
      child.off("close", onClose);
      child.stderr?.off("data", keepTail);
      if (failure === undefined && result !== undefined) {
        resolve(result);
        return;
      }
      const { kind, message, stack } = failure ?? {
        kind: "crash" as const,
        message:
          `${fixture}: child exited (code ${child.exitCode}, signal ${child.signalCode}) in phase '${phase}' without a result` +
          (child.exitCode === 13
            ? " — a promise from setup()/iterate()/teardown() never settled and nothing else kept the event loop alive"
            : ""),
      };
      reject(new LeakMeasurementError(kind, fixture, message, { phase, stderr, ...(stack === undefined ? {} : { childStack: stack }) }));
    };
    const onError = (error: Error): void => {
      failure ??= { kind: "crash", message: `${fixture}: could not run the child: ${error.message}` };
      child.kill("SIGKILL");
      settle();
    };
    // 'close' (not 'exit'): fires once stdio is drained, so stderr is complete.
    const onClose = (): void => settle();
    child.on("message", onMessage);
    child.on("error", onError);
    child.on("close", onClose);
  });
}
