/**
 * The catalogue: what acquires a resource and what releases it, as data.
 * The engine reads these tables; adding an API here should not need engine changes.
 */
import { lookup } from "../util/lookup.js";

export type ResourceKind = "listener" | "timer" | "objectUrl" | "observer" | "closeable" | "subscription";

/** Global objects whose members are the same as bare globals (`window.setInterval`). */
export const GLOBAL_HOSTS: ReadonlySet<string> = new Set(["window", "globalThis", "self", "global"]);

// ---------------------------------------------------------------------------
// Timers

export type TimerKind = "interval" | "timeout" | "frame" | "idle";

export interface TimerEntry {
  kind: TimerKind;
  /** Global functions that cancel a handle of this kind. */
  releasedBy: readonly string[];
  /** The function users should call, for messages and suggestions. */
  release: string;
}

export const TIMERS = lookup<TimerEntry>({
  // Browsers and Node accept either clear function for either kind of handle.
  setInterval: { kind: "interval", releasedBy: ["clearInterval", "clearTimeout"], release: "clearInterval" },
  setTimeout: { kind: "timeout", releasedBy: ["clearTimeout", "clearInterval"], release: "clearTimeout" },
  requestAnimationFrame: { kind: "frame", releasedBy: ["cancelAnimationFrame"], release: "cancelAnimationFrame" },
  requestIdleCallback: { kind: "idle", releasedBy: ["cancelIdleCallback"], release: "cancelIdleCallback" },
});

export const TIMER_RELEASES: ReadonlySet<string> = new Set([
  "clearInterval",
  "clearTimeout",
  "cancelAnimationFrame",
  "cancelIdleCallback",
]);

/** Modules whose named exports are the timer functions themselves. */
export const TIMER_MODULES: ReadonlySet<string> = new Set(["timers", "node:timers"]);

// ---------------------------------------------------------------------------
// Listeners

export interface ListenerAddEntry {
  /** `dom` takes `(type, fn, options)`; `emitter` takes `(type, fn)`. */
  style: "dom" | "emitter";
  /** Removes itself after the first call. */
  once: boolean;
}

export const LISTENER_ADDS = lookup<ListenerAddEntry>({
  addEventListener: { style: "dom", once: false },
  on: { style: "emitter", once: false },
  addListener: { style: "emitter", once: false },
  prependListener: { style: "emitter", once: false },
  once: { style: "emitter", once: true },
  prependOnceListener: { style: "emitter", once: true },
  // Vue 2's instance event API (`this.$root.$on("saved", h)`, an `EventBus = new Vue()`).
  $on: { style: "emitter", once: false },
  $once: { style: "emitter", once: true },
});

export const LISTENER_REMOVES = lookup<"dom" | "emitter">({
  removeEventListener: "dom",
  off: "emitter",
  removeListener: "emitter",
  $off: "emitter",
});

export const REMOVE_ALL_LISTENERS = "removeAllListeners";

/**
 * Events a page fires once, while it loads. A listener for one added only while
 * `document.readyState` says the page is still loading can be added a bounded number of
 * times per page: whether it outlives a shorter owner is a matter of degree, not proof.
 */
export const PAGE_LOAD_EVENTS: ReadonlySet<string> = new Set(["DOMContentLoaded", "load", "readystatechange"]);

/**
 * Methods that end the life of the object they are called on (`socket.close()`). When an
 * owner calls one on a listener's target in its release phase, the target is the owner's
 * and the listener goes with it. Never applied to long-lived targets (`document.close()`).
 */
export const TARGET_DISPOSERS: ReadonlySet<string> = new Set([
  "close",
  "destroy",
  "disconnect",
  "dispose",
  "terminate",
  "kill",
  "end",
]);

/**
 * Targets that live as long as the page or the process. A listener left on one of
 * them keeps its handler, and everything the handler closes over, alive for good.
 */
export const LONG_LIVED_TARGETS: ReadonlySet<string> = new Set([
  "window",
  "document",
  "globalThis",
  "self",
  "global",
  "process",
  "process.stdin",
  "process.stdout",
  "process.stderr",
  "navigator",
  "navigator.serviceWorker",
  "navigator.connection",
  "navigator.mediaDevices",
  "screen",
  "screen.orientation",
  "visualViewport",
  "document.body",
  "document.documentElement",
  "document.fonts",
  "history",
  "location",
  "chrome.runtime",
]);

/** Calls whose result is a long-lived object owned by the page (`matchMedia` lists are retained). */
export const LONG_LIVED_FACTORIES: ReadonlySet<string> = new Set(["matchMedia"]);

/** Calls whose result is a fresh object owned by the caller. */
export const OWNED_FACTORIES: ReadonlySet<string> = new Set([
  "createElement",
  "createElementNS",
  "createTextNode",
  "createDocumentFragment",
  "cloneNode",
  "attachShadow",
  "importNode",
  "createServer",
  "createConnection",
  "connect",
  "spawn",
  "fork",
  "exec",
  "execFile",
  "createReadStream",
  "createWriteStream",
  "createInterface",
  "open",
  "request",
  "get",
]);

// ---------------------------------------------------------------------------
// Object URLs

export const OBJECT_URL_HOSTS: ReadonlySet<string> = new Set(["URL", "webkitURL"]);
export const OBJECT_URL_ACQUIRE = "createObjectURL";
export const OBJECT_URL_RELEASE = "revokeObjectURL";
/** Element properties an object URL is usually assigned to without being kept. */
export const URL_SINK_PROPERTIES: ReadonlySet<string> = new Set(["src", "href", "poster", "data", "srcObject"]);

// ---------------------------------------------------------------------------
// Abort signals

export const ABORT = "abort";

// ---------------------------------------------------------------------------
// Cheap bail-out: a file whose text contains none of these cannot acquire anything we know.

export const TRIGGER_PATTERN =
  /EventListener|\.\$?on\s*\(|\.\$?once\s*\(|\.\$?off\s*\(|[aA]ddListener|removeListener|prependListener|prependOnceListener|setInterval|setTimeout|requestAnimationFrame|requestIdleCallback|createObjectURL|revokeObjectURL|Observer|WebSocket|EventSource|Channel|Worker|RTCPeerConnection|AudioContext|watch|createInterface|createServer|connect|spawn|fork|request|subscribe/;
