/**
 * The oracles a Node leak measurement reads, and the thresholds a measurement is judged by.
 *
 * Every oracle is a *count* of something that should go back to its baseline once a lifecycle
 * has released what it acquired; a fixture is judged on the per-iteration growth (slope) of one
 * of them. Heap bytes are reported for information only: they are far too noisy to gate on.
 */

/** Names of the counting oracles, in the order they are reported. */
export const ORACLES = ["markers", "listeners", "handles", "objectUrls", "fds"] as const;

/**
 * A counting oracle.
 *
 * - `markers` — live instances of the fixture's marker class(es), counted with
 *   `v8.queryObjects(Class, { format: "count" })` (Node ≥ 20.13; performs a full GC itself).
 * - `listeners` — `events.getEventListeners(target, type)` summed over the fixture's
 *   listener probes (works for both `EventEmitter` and `EventTarget`).
 * - `handles` — `process.getActiveResourcesInfo().length`: ref'ed timers, sockets, servers…
 *   Blind to `unref()`'ed timers.
 * - `objectUrls` — blob URLs created through `URL.createObjectURL` in the child (the runtime
 *   wraps it before loading the fixture) that `buffer.resolveObjectURL(url)` still resolves.
 * - `fds` — entries of `/proc/self/fd` (Linux only; `null` elsewhere).
 */
export type OracleName = (typeof ORACLES)[number];

/** Per-oracle values; `null` means the oracle is not available for this fixture or platform. */
export type OracleValues = Record<OracleName, number | null>;

/**
 * Default slope (retained units per iteration) at or above which the judged oracle counts as
 * leaking. A lifecycle that leaks one listener/timer/URL per iteration has a slope of ~1.0;
 * 0.9 leaves room for the odd resource that is reclaimed by chance.
 */
export const DEFAULT_LEAK_THRESHOLD = 0.9;

/**
 * Default slope at or below which the judged oracle counts as clean. Counting oracles on a
 * correct fixture are flat (slope 0) after warm-up; 0.1 tolerates one stray resource per ten
 * iterations (a pending GC, a lazily created internal handle) without hiding a real leak.
 */
export const DEFAULT_CLEAN_THRESHOLD = 0.1;

export function isOracleName(value: unknown): value is OracleName {
  return typeof value === "string" && (ORACLES as readonly string[]).includes(value);
}
