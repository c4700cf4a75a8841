/**
 * `eslint-plugin-leakproof/runtime` — the leak oracle behind the plugin's runtime fixtures,
 * usable for your own leak regression tests. See docs/runtime.md.
 *
 * @packageDocumentation
 */
export {
  measureLeak,
  LeakMeasurementError,
  type MeasureLeakOptions,
  type LeakMeasurement,
  type LeakMeasurementErrorKind,
  type LeakMemoryOverrun,
  type LeakSample,
  type LeakVerdict,
} from "./measure.js";
export {
  defineLeakFixture,
  type LeakFixture,
  type ListenerProbe,
  type ListenerTarget,
  type MarkerClass,
} from "./fixture.js";
export {
  ORACLES,
  DEFAULT_LEAK_THRESHOLD,
  DEFAULT_CLEAN_THRESHOLD,
  type OracleName,
  type OracleValues,
} from "./oracles.js";

// Browser tier (headless Chromium; playwright-core and esbuild are loaded lazily). See
// docs/runtime-browser.md.
export * from "./browser.js";
