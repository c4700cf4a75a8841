/**
 * Resources released by a call on their handle: observers (`disconnect`), closeable
 * connections and workers (`close`, `terminate`), subscriptions (`unsubscribe`, or
 * calling the returned disposer). One entry per acquire/release pair.
 */
import { lookup, lookup2 } from "../util/lookup.js";

export type HandleFamily = "observer" | "closeable" | "subscription";

export interface HandleEntry {
  family: HandleFamily;
  /** Name used in messages (`ResizeObserver`, `fs.watch()`). */
  label: string;
  /**
   * Calls on the handle that release it. A dotted path releases a member of the
   * handle (`port.close` on a `SharedWorker`).
   */
  release: readonly string[];
  /** Calls that make the resource active; without one, it holds nothing (observers). */
  activate?: readonly string[];
  /**
   * Only matters when the owner can end first or the code runs repeatedly (servers and
   * child processes started once per program are normal).
   */
  perCallOnly?: boolean;
  /**
   * Events after which the resource has ended by itself: waiting for one of them
   * (`child.on("exit", ...)`) releases it like a `kill()` would.
   */
  endEvents?: readonly string[];
  /** Iterating it to the end with `for await` closes it (`readline` interfaces). */
  closedByIteration?: boolean;
  /**
   * Released by a module function called with the acquisition's first argument
   * (`fs.unwatchFile(path)` for `fs.watchFile(path, ...)`) instead of a call on the handle.
   */
  releasedByCall?: string;
  /** What the resource keeps alive, for messages. */
  keeps: string;
}

const OBSERVER = (label: string): HandleEntry => ({
  family: "observer",
  label,
  release: ["disconnect"],
  activate: ["observe"],
  keeps: "its callback, the observed nodes and everything the callback closes over",
});

/** Global constructors (decided from scope: no local binding of that name). */
export const GLOBAL_CONSTRUCTORS = lookup<HandleEntry>({
  ResizeObserver: OBSERVER("ResizeObserver"),
  MutationObserver: OBSERVER("MutationObserver"),
  IntersectionObserver: OBSERVER("IntersectionObserver"),
  PerformanceObserver: OBSERVER("PerformanceObserver"),
  ReportingObserver: OBSERVER("ReportingObserver"),
  WebSocket: { family: "closeable", label: "WebSocket", release: ["close", "terminate"], keeps: "the connection and its handlers" },
  EventSource: { family: "closeable", label: "EventSource", release: ["close"], keeps: "the connection and its handlers" },
  BroadcastChannel: { family: "closeable", label: "BroadcastChannel", release: ["close"], keeps: "the channel and its handlers" },
  Worker: { family: "closeable", label: "Worker", release: ["terminate"], keeps: "the worker thread and its handlers" },
  SharedWorker: { family: "closeable", label: "SharedWorker", release: ["port.close"], keeps: "the port and its handlers" },
  MessageChannel: { family: "closeable", label: "MessageChannel", release: ["port1.close", "port2.close"], keeps: "both ports and their handlers" },
  RTCPeerConnection: { family: "closeable", label: "RTCPeerConnection", release: ["close"], keeps: "the connection, its media and its handlers" },
  AudioContext: { family: "closeable", label: "AudioContext", release: ["close"], keeps: "the audio thread and its graph" },
});

/** Constructors exported by modules: `import { Worker } from "node:worker_threads"`. */
export const MODULE_CONSTRUCTORS = lookup2<HandleEntry>({
  worker_threads: {
    Worker: { family: "closeable", label: "Worker", release: ["terminate"], endEvents: ["exit"], keeps: "the worker thread and its handlers" },
    BroadcastChannel: { family: "closeable", label: "BroadcastChannel", release: ["close"], keeps: "the channel and its handlers" },
    MessageChannel: { family: "closeable", label: "MessageChannel", release: ["port1.close", "port2.close"], keeps: "both ports and their handlers" },
  },
  ws: {
    default: { family: "closeable", label: "WebSocket", release: ["close", "terminate"], keeps: "the connection and its handlers" },
    WebSocket: { family: "closeable", label: "WebSocket", release: ["close", "terminate"], keeps: "the connection and its handlers" },
  },
});

/** Module functions whose result must be closed: `fs.watch(...)`, `readline.createInterface(...)`. */
export const MODULE_FACTORIES = lookup2<HandleEntry>({
  fs: {
    watch: { family: "closeable", label: "fs.watch()", release: ["close"], keeps: "the watcher, its file handle and its listener" },
    watchFile: {
      family: "closeable",
      label: "fs.watchFile()",
      release: ["unwatchFile"],
      releasedByCall: "unwatchFile",
      keeps: "the stat poller and its listener",
    },
  },
  readline: {
    createInterface: {
      family: "closeable",
      label: "readline interface",
      release: ["close"],
      closedByIteration: true,
      keeps: "the input stream and its listeners",
    },
  },
  http: {
    createServer: { family: "closeable", label: "http server", release: ["close"], keeps: "the listening socket", perCallOnly: true },
    request: { family: "closeable", label: "http request", release: ["end", "destroy"], keeps: "the socket", perCallOnly: true },
  },
  https: {
    createServer: { family: "closeable", label: "https server", release: ["close"], keeps: "the listening socket", perCallOnly: true },
  },
  net: {
    createServer: { family: "closeable", label: "net server", release: ["close"], keeps: "the listening socket", perCallOnly: true },
    connect: { family: "closeable", label: "net socket", release: ["end", "destroy"], keeps: "the socket", perCallOnly: true },
    createConnection: { family: "closeable", label: "net socket", release: ["end", "destroy"], keeps: "the socket", perCallOnly: true },
  },
  tls: {
    connect: { family: "closeable", label: "TLS socket", release: ["end", "destroy"], keeps: "the socket", perCallOnly: true },
  },
  child_process: {
    spawn: { family: "closeable", label: "child process", release: ["kill"], endEvents: ["exit", "close"], keeps: "the child process and its pipes", perCallOnly: true },
    fork: {
      family: "closeable",
      label: "child process",
      release: ["kill", "disconnect"],
      endEvents: ["exit", "close"],
      keeps: "the child process and its IPC channel",
      perCallOnly: true,
    },
  },
});

/** Module names as written, with and without the `node:` prefix. */
export function moduleName(source: string): string {
  return source.startsWith("node:") ? source.slice(5) : source;
}

/** Methods on a fresh resource that return the same resource (`server.listen()` returns the server). */
export const CHAINABLE_METHODS: ReadonlySet<string> = new Set([
  "listen",
  "unref",
  "ref",
  "on",
  "once",
  "addListener",
  "setMaxListeners",
  "setEncoding",
  "setTimeout",
  "setKeepAlive",
  "setNoDelay",
]);

// ---------------------------------------------------------------------------
// Subscriptions

export const SUBSCRIBE_METHODS: ReadonlySet<string> = new Set(["subscribe"]);

/** Calls on the handle that end a subscription; `sub()` (calling a returned disposer) also counts. */
export const SUBSCRIPTION_RELEASES: readonly string[] = ["unsubscribe", "dispose", "remove", "close"];

/** `source.unsubscribe(token)`: token-style pub/sub releases. */
export const TOKEN_RELEASES: ReadonlySet<string> = new Set(["unsubscribe", "off", "unlisten"]);

/** RxJS operators after which the subscription completes by itself. */
export const COMPLETING_OPERATORS: ReadonlySet<string> = new Set([
  "take",
  "first",
  "takeWhile",
  "takeUntilDestroyed",
  "single",
  "last",
  "find",
  "findIndex",
  "elementAt",
  "timeout",
]);

/** `takeUntil(notifier$)`: ends when the notifier emits, so the notifier must emit in teardown. */
export const TAKE_UNTIL = "takeUntil";
export const NOTIFIER_EMITS: ReadonlySet<string> = new Set(["next", "complete", "emit"]);

/** Calls whose function argument runs at teardown (Angular `DestroyRef.onDestroy`). */
export const TEARDOWN_REGISTRARS: ReadonlySet<string> = new Set(["onDestroy", "addTeardown"]);

/** Every method name that can release a handle, for the engine's index. */
export const HANDLE_RELEASE_METHODS: ReadonlySet<string> = new Set([
  "disconnect",
  "unobserve",
  "close",
  "terminate",
  "kill",
  "end",
  "destroy",
  "unsubscribe",
  "dispose",
  "remove",
  "unwatchFile",
  "stop",
  ...NOTIFIER_EMITS,
]);

/** Calls that start a resource working (an observer that never observes holds nothing). */
export const ACTIVATION_METHODS: ReadonlySet<string> = new Set(["observe"]);
