/**
 * Registries, as data: which methods register something on a long-lived registry, which
 * methods undo a registration, which registries are known to have both, and which names
 * mark an initialisation routine that apps tend to run again.
 *
 * Used by src/analysis/registrations.ts (rule no-repeated-registration).
 */
import { lookup, lookup2 } from "../util/lookup.js";

/**
 * Registration methods with an irregular undo method. Regular names need no entry:
 * `registerX` is undone by `unregisterX` / `deregisterX`, `addX` by `removeX`
 * (see `releasesFor`). `subscribe` is not here: no-leaked-subscription owns it.
 */
export const IRREGULAR_PAIRS = lookup<readonly string[]>({
  // EventEmitter-style listeners (coordinated with no-leaked-event-listener).
  on: ["off", "removeListener"],
  addListener: ["removeListener", "off"],
  prependListener: ["removeListener", "off"],
  // Electron `ipcMain.handle(channel, fn)` / `protocol.handle(scheme, fn)`.
  handle: ["removeHandler", "unhandle"],
  // axios `interceptors.request.use(fn)` returns an id for `eject(id)`.
  use: ["eject"],
  // Menus, toolbars and other item hosts.
  append: ["remove", "removeItem"],
  // Hook/plugin systems.
  hook: ["unhook"],
  tap: ["untap"],
  addFilter: ["removeFilter", "removeAllFilters"],
  addAction: ["removeAction", "removeAllActions"],
  // Electron `protocol.registerFileProtocol(...)` & co.
  registerFileProtocol: ["unregisterProtocol"],
  registerStringProtocol: ["unregisterProtocol"],
  registerBufferProtocol: ["unregisterProtocol"],
  registerHttpProtocol: ["unregisterProtocol"],
  registerStreamProtocol: ["unregisterProtocol"],
  interceptFileProtocol: ["uninterceptProtocol"],
  interceptStringProtocol: ["uninterceptProtocol"],
  interceptBufferProtocol: ["uninterceptProtocol"],
  interceptHttpProtocol: ["uninterceptProtocol"],
  interceptStreamProtocol: ["uninterceptProtocol"],
});

/** Methods that drop every registration at once; they count as a release when they run in the repeated code. */
export const CLEAR_ALL_METHODS: ReadonlySet<string> = new Set([
  "clear",
  "reset",
  "removeAll",
  "removeAllItems",
  "unregisterAll",
  "removeAllListeners",
  "removeAllHandlers",
  "clearHandlers",
  "clearHooks",
  "clearItems",
]);

/**
 * Registration-looking names that are not registrations: they replace a single value
 * (`tray.setContextMenu(menu)`), fire once (`handleOnce`), create a fresh element
 * (`appendChild` of a new node is collection growth), or throw on a second call instead of
 * leaking (`customElements.define`).
 */
export const NOT_REGISTRATIONS: ReadonlySet<string> = new Set([
  "push",
  "unshift",
  "once",
  "prependOnceListener",
  "handleOnce",
  "addEventListener",
  "appendChild",
  "define",
  "subscribe",
  "addEventListenerOnce",
  "registerOnce",
  // jQuery-style class toggles are idempotent.
  "addClass",
]);

/**
 * Registration shapes recognised by name, besides `IRREGULAR_PAIRS`: `register`,
 * `registerCommand`, `addHandler`, `addHook`, `addPlugin`, `addItem`, `addRoute`, ...
 * (`add` alone is only a registration when its receiver is not a collection).
 */
export const REGISTER_PREFIX = /^(register|add)([A-Z]\w*)?$/;

/**
 * The methods that undo a registration made with `method`: the irregular table, then the
 * regular `register → unregister/deregister`, `add → remove` forms.
 */
export function releasesFor(method: string): readonly string[] {
  const irregular = IRREGULAR_PAIRS[method];
  if (irregular) return irregular;
  const match = REGISTER_PREFIX.exec(method);
  if (!match) return [];
  const rest = match[2] ?? "";
  if (match[1] === "register") return [`unregister${rest}`, `deregister${rest}`];
  return [`remove${rest}`];
}

/** Whether `method` registers something (before looking at the receiver). */
export function isRegistrationMethod(method: string): boolean {
  if (NOT_REGISTRATIONS.has(method)) return false;
  return Object.hasOwn(IRREGULAR_PAIRS, method) || REGISTER_PREFIX.test(method);
}

/**
 * Registries whose API is known to have the undo method, by the module they are imported
 * from: `import { ipcMain } from "electron"`. Value: the registration methods this knowledge
 * covers (with `releasesFor` giving the undo).
 */
export const KNOWN_MODULE_REGISTRIES = lookup2<readonly string[]>({
  electron: {
    ipcMain: ["handle", "on", "addListener", "prependListener"],
    ipcRenderer: ["on", "addListener", "prependListener"],
    globalShortcut: ["register"],
    protocol: [
      "handle",
      "registerFileProtocol",
      "registerStringProtocol",
      "registerBufferProtocol",
      "registerHttpProtocol",
      "registerStreamProtocol",
      "interceptFileProtocol",
      "interceptStringProtocol",
      "interceptBufferProtocol",
      "interceptHttpProtocol",
      "interceptStreamProtocol",
    ],
    app: ["on", "addListener", "prependListener"],
    nativeTheme: ["on", "addListener"],
    powerMonitor: ["on", "addListener"],
    screen: ["on", "addListener"],
    autoUpdater: ["on", "addListener"],
  },
});

/**
 * Globals whose API is known to have the undo method. `process.on` is a listener and
 * left to no-leaked-event-listener unless it is in code that rule does not judge.
 */
export const KNOWN_GLOBAL_REGISTRIES = lookup<readonly string[]>({
  process: ["on", "addListener", "prependListener"],
});

/**
 * Member paths that end in a known registry: axios `interceptors.request` /
 * `interceptors.response` (`use` → `eject`).
 */
export const KNOWN_REGISTRY_PATHS: ReadonlyArray<{ path: RegExp; methods: readonly string[] }> = [
  { path: /(^|\.)interceptors\.(request|response)$/, methods: ["use"] },
];

/**
 * Receivers that are plain collections or DOM token lists, never registries, whatever the
 * file calls on them: `seen.add(id)` is collection growth (no-unbounded-collection),
 * `el.classList.add("open")` is idempotent.
 */
export const COLLECTION_CONSTRUCTORS: ReadonlySet<string> = new Set([
  "Set",
  "Map",
  "WeakSet",
  "WeakMap",
  "Array",
  "FinalizationRegistry",
  "FormData",
  "URLSearchParams",
  "Headers",
]);

/** Names that say "this is a collection" (`ids`, `seenSet`, `pendingList`, `classList`). */
export const COLLECTION_NAME =
  /(^|[a-z_])(set|map|list|ids|keys|array|arr|queue|cache|entries|seen|visited|collection|pool|buffer|stack|bag|tokens|classList|relList|dataset|searchParams|headers)$/i;

/**
 * Names of initialisation routines that apps run again: on re-login, on a settings change,
 * on window re-open. A function whose name starts with one of these (`refreshMenu`,
 * `initTray`, `setupIpc`) and that is called from more than one place counts as re-run.
 * Extendable by the `initFunctions` option.
 */
export const INIT_FUNCTION_PREFIXES: readonly string[] = [
  "init",
  "initialize",
  "initialise",
  "setup",
  "setUp",
  "refresh",
  "reload",
  "rebuild",
  "reinit",
  "reinitialize",
  "update",
  "render",
  "rerender",
  "build",
  "configure",
  "bootstrap",
  "mount",
  "start",
  "restart",
  "reset",
  "load",
  "sync",
  "apply",
  "install",
  "wire",
  "bind",
  "attach",
  "create",
  "open",
  "show",
];

/** Events that fire once per process or page: a handler for one is one-time code. */
export const ONE_TIME_EVENTS: ReadonlySet<string> = new Set([
  "ready",
  "load",
  "DOMContentLoaded",
  "listening",
  "install",
  "will-finish-launching",
  "exit",
  "beforeExit",
  "quit",
  "will-quit",
  "before-quit",
]);

/** Callees whose function argument runs on every event / tick / request. */
export const REPEATING_CALLEES = lookup<string>({
  setInterval: "an interval callback",
  addEventListener: "an event handler",
  on: "an event handler",
  addListener: "an event handler",
  prependListener: "an event handler",
  handle: "an IPC handler",
  createServer: "a request handler",
});

/** Callees whose function argument runs once, later (a timer may re-arm itself: see the analysis). */
export const DEFERRING_CALLEES: ReadonlySet<string> = new Set([
  "setTimeout",
  "setImmediate",
  "requestAnimationFrame",
  "requestIdleCallback",
  "queueMicrotask",
  "nextTick",
]);

/** Names of conditions that test a "done already" flag: `if (registered) return`. */
export const GUARD_FLAG_NAME =
  /(registered|initiali[sz]ed|installed|ready|done|bound|wired|setup|hooked|attached|mounted|started|loaded|inited|active|enabled)$/i;

/** Methods that ask a registry whether something is there already: `registry.has(id)`. */
export const LOOKUP_METHOD = /^(has|includes|contains|get|is[A-Z]\w*|has[A-Z]\w*|listenerCount|listeners|find|some)$/;
