/**
 * Promise combinators, as data: which static methods of the global `Promise` race their
 * inputs, and which operations hand back (or hang a new promise on) the promise they get.
 */
import { lookup } from "../util/lookup.js";

export interface RacingStatic {
  /** What the combinator waits for, for messages. */
  settlesOn: string;
}

/**
 * Static methods of `Promise` that settle on the first input and attach a reaction to every
 * input. The reactions on inputs that are still pending stay there — and keep the result
 * promise, and its value, alive — until those inputs settle.
 */
export const RACING_STATICS = lookup<RacingStatic>({
  race: { settlesOn: "the first racer to settle" },
  any: { settlesOn: "the first racer to fulfil" },
});

/**
 * Static methods that return their argument itself when it is already a native promise
 * (`Promise.resolve(p) === p`), so the result lives as long as the argument.
 */
export const PROMISE_PASSTHROUGH_STATICS: ReadonlySet<string> = new Set(["resolve"]);

/**
 * Methods that attach a reaction to the promise they are called on and return a derived
 * promise. The source keeps the derived promise alive until it settles, so a derived
 * promise of a long-lived promise is long-lived too.
 */
export const PROMISE_DERIVING_METHODS: ReadonlySet<string> = new Set(["then", "catch", "finally"]);

// ---------------------------------------------------------------------------
// Cancellable loops (require-cancellable-loop): what makes an `await` loop endless,
// what cancels it, and which sleeps could take an AbortSignal.

/**
 * What a file's text must contain for require-cancellable-loop to have anything to say:
 * every check is about a loop in an `async` function (`for await` needs one too), so a file
 * that never writes the keyword cannot hold one, and need not build the engine at all.
 */
export const ASYNC_LOOP_TRIGGER = /\basync\b/;

/** Modules whose `on(emitter, type)` returns an async iterator that never ends by itself. */
export const EVENTS_MODULES: ReadonlySet<string> = new Set(["events", "node:events"]);

/** Modules whose promise-based timers are imported for sleeps and tick iterators. */
export const TIMERS_PROMISES_MODULES: ReadonlySet<string> = new Set(["timers/promises", "node:timers/promises"]);

/**
 * Functions that return an endless async iterator, by module family: `for await`
 * over their result only ends when the iterator throws (its AbortSignal fires).
 */
export const ENDLESS_ITERATORS: Readonly<Record<"events" | "timersPromises", ReadonlySet<string>>> = {
  events: new Set(["on"]),
  timersPromises: new Set(["setInterval"]),
};

/** Sleeps of `node:timers/promises` that accept `{ signal }` (`scheduler.wait` as `wait`). */
export const PROMISE_SLEEPS: ReadonlySet<string> = new Set(["setTimeout", "wait"]);

/** Conventional names of hand-written sleep helpers: `await sleep(ms)`. */
export const SLEEP_HELPER_NAMES: ReadonlySet<string> = new Set(["sleep", "delay", "wait", "pause", "nap"]);

/** Names a variable holding an AbortSignal goes by (`signal`, `abortSignal`, `shutdownSignal`). */
export const SIGNAL_NAME = /^(signal|[A-Za-z_$][\w$]*Signal)$/;

/** The property an options object passes the signal in: `{ signal }`. */
export const SIGNAL_PROPERTY = "signal";

/** Reading this property of a signal checks for cancellation. */
export const ABORTED_PROPERTY = "aborted";

/** Calling this method of a signal leaves the loop when it was aborted. */
export const THROW_IF_ABORTED = "throwIfAborted";

/** Calling this method (on an AbortController) cancels a task. */
export const ABORT_METHOD = "abort";
