import type { OracleName } from "./oracles.js";

/** Anything `events.getEventListeners()` can inspect. */
export type ListenerTarget =
  | EventTarget
  | {
      listeners(type: string | symbol): unknown[];
    };

/** One `(target, type)` pair whose listener count the `listeners` oracle sums. */
export interface ListenerProbe {
  /** A long-lived `EventEmitter` or `EventTarget` (a shared bus, `process`, an `AbortSignal`…). */
  target: ListenerTarget;
  /** The event type to count listeners for. */
  type: string | symbol;
}

/** A class whose live instances the `markers` oracle counts. */
export type MarkerClass = abstract new (...args: never[]) => unknown;

/**
 * A leak fixture: one module, default-exported, that describes a lifecycle to repeat.
 *
 * The runtime loads the module in a fresh child process, calls `setup()` once, then calls
 * `iterate(i)` many times — each call must run one complete lifecycle (construct, use,
 * dispose; or serve one request; or make one call) and settle when it is done — and
 * samples every oracle in between. `teardown()` runs once at the end.
 *
 * Keep per-iteration state inside `iterate` (or the code it calls): the runtime calls it from
 * a fresh function frame every time so that nothing of the last iteration stays reachable
 * from the harness itself.
 */
export interface LeakFixture {
  /** The oracle the fixture is judged on. Every available oracle is still measured and reported. */
  oracle: OracleName;
  /** Optional human-readable description, copied into the measurement. */
  description?: string;
  /** Runs once, before the warm-up. */
  setup?: () => void | Promise<void>;
  /** Runs one lifecycle. May return a promise; the runtime awaits it before the next iteration. */
  iterate: (iteration: number) => void | Promise<void>;
  /** Runs once after the last sample, before the child exits. */
  teardown?: () => void | Promise<void>;
  /** Class(es) whose live instances the `markers` oracle counts (required for `oracle: "markers"`). */
  markers?: MarkerClass | readonly MarkerClass[];
  /**
   * Targets whose listener counts the `listeners` oracle sums (required for
   * `oracle: "listeners"`). A function is called at every sample, after `setup()`, which is
   * handy when the target is created in `setup()`.
   */
  listeners?: readonly ListenerProbe[] | (() => readonly ListenerProbe[]);
}

/**
 * Identity helper that types a fixture object. Use it as the default export of a fixture
 * module:
 *
 * ```js
 * import { defineLeakFixture } from "eslint-plugin-leakproof/runtime";
 *
 * export default defineLeakFixture({
 *   oracle: "listeners",
 *   listeners: [{ target: bus, type: "price" }],
 *   iterate() {
 *     new PriceFeed(bus).dispose();
 *   },
 * });
 * ```
 *
 * A plain `export default { … }` works the same; the helper only adds type checking.
 */
export function defineLeakFixture<const F extends LeakFixture>(fixture: F): F {
  return fixture;
}
