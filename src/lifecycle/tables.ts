/**
 * Lifecycle tables: which functions start an owner's life and which end it, as data.
 */

/** React (and Preact) hooks whose callback is a setup that may return a cleanup (`useSignalEffect`: @preact/signals). */
export const EFFECT_HOOKS: ReadonlySet<string> = new Set([
  "useEffect",
  "useLayoutEffect",
  "useInsertionEffect",
  "useSignalEffect",
  // Wrappers of `useEffect` that keep its contract (the setup may return a cleanup) and are
  // common enough to know by name; `settings.leakproof.effectHooks` adds a project's own.
  "useIsomorphicLayoutEffect",
  "useEnhancedEffect",
  "useSafeLayoutEffect",
  "useUpdateEffect",
  "useUpdateLayoutEffect",
  "useDeepCompareEffect",
  "useShallowCompareEffect",
  "useCustomCompareEffect",
]);

/** Objects the effect hooks may be called on (`React.useEffect`). */
export const EFFECT_HOOK_HOSTS: ReadonlySet<string> = new Set(["React", "Preact", "preact", "hooks"]);

/** Hooks whose first argument is a function that is kept and called later. */
export const CALLBACK_HOOKS: ReadonlySet<string> = new Set(["useCallback", "useMemo", "useEvent", "useEffectEvent"]);

/** Method names that end a plain class's life. Extendable by the `teardownMethods` option. */
export const DEFAULT_TEARDOWN_METHODS: readonly string[] = [
  "dispose",
  "destroy",
  "close",
  "stop",
  "disconnect",
  "cleanup",
  "teardown",
  "unmount",
  "detach",
  "Symbol.dispose",
  "Symbol.asyncDispose",
];

export type ClassFramework = "react" | "web-component" | "lit-controller" | "angular" | "plain";

export interface ClassLifecycle {
  /** Methods that end the instance's life; releases must be reachable from them. */
  teardown: readonly string[];
  /** Words used in messages: "after the component unmounts". */
  end: string;
}

export const CLASS_LIFECYCLES: Readonly<Record<Exclude<ClassFramework, "plain">, ClassLifecycle>> = {
  react: { teardown: ["componentWillUnmount"], end: "after the component unmounts" },
  "web-component": { teardown: ["disconnectedCallback"], end: "after the element is disconnected" },
  "lit-controller": { teardown: ["hostDisconnected"], end: "after the host element is disconnected" },
  angular: { teardown: ["ngOnDestroy"], end: "after the component is destroyed" },
};

export const REACT_BASE_CLASSES: ReadonlySet<string> = new Set(["Component", "PureComponent"]);
export const WEB_COMPONENT_BASES = /^(HTML[A-Za-z]*Element|LitElement|ReactiveElement)$/;
export const ANGULAR_DECORATORS: ReadonlySet<string> = new Set(["Component", "Directive", "Injectable", "Pipe"]);

/** Modules Lit's decorators are imported from (`lit/decorators.js`, `@lit/reactive-element/decorators/query.js`). */
export const LIT_MODULES = /^(lit|lit-element|@lit\/reactive-element)(\/|$)/;
/** Lit decorators whose field holds an element of the component's own render root: `@query("#btn") button`. */
export const LIT_ELEMENT_DECORATORS: ReadonlySet<string> = new Set([
  "query",
  "queryAll",
  "queryAsync",
  "queryAssignedElements",
  "queryAssignedNodes",
]);

/** Callees whose function argument runs again and again (for "added repeatedly" findings). */
export const REPEATING_CALLBACK_CALLEES: ReadonlySet<string> = new Set([
  "setInterval",
  "setTimeout",
  "requestAnimationFrame",
  "requestIdleCallback",
  "addEventListener",
  "on",
  "addListener",
  "prependListener",
  "createServer",
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "use",
  "all",
  "route",
  "handle",
  "forEach",
  "map",
]);

/**
 * Names of handlers by convention (`handlePayment(request)`, `onSessionChanged(next)`): code
 * that runs once per request, message or event, wherever it is registered. Set-up callbacks
 * that share the prefix but run once are excluded.
 */
export const HANDLER_NAME = /^(handle|on)[A-Z0-9_]/;

/** Methods that redraw from new data (`render(query, items)`, `update(state)`): they run on every change. */
export const UPDATE_METHOD_NAME = /^(render|rerender|update|refresh|redraw|repaint)([A-Z0-9_]|$)/;
export const ONE_TIME_HANDLER_NAME =
  /^on(Init|Initiali[sz]e|Load|Loaded|Ready|Start|Setup|Mount|Mounted|BeforeMount|Create|Created|Destroy|Destroyed|Unmount|Unmounted|BeforeUnmount|Install|Installed|Boot|Activate|Activated|Register|Bootstrap)([A-Z]|$)/;

/** Class lifecycle methods that run again on every update of the component. */
export const UPDATE_LIFECYCLES: Readonly<Record<Exclude<ClassFramework, "plain">, ReadonlySet<string>>> = {
  react: new Set(["componentDidUpdate", "render", "getSnapshotBeforeUpdate", "UNSAFE_componentWillReceiveProps", "UNSAFE_componentWillUpdate"]),
  "web-component": new Set(["attributeChangedCallback", "updated", "willUpdate", "update", "render"]),
  "lit-controller": new Set(["hostUpdate", "hostUpdated"]),
  angular: new Set(["ngOnChanges", "ngDoCheck", "ngAfterContentChecked", "ngAfterViewChecked"]),
};

/** Parameter names that mark a request handler: `(req, res) => ...`. */
export const REQUEST_PARAM_NAMES: ReadonlySet<string> = new Set(["req", "request", "ctx", "res", "response", "socket", "conn", "connection", "client"]);

/**
 * Setup methods whose framework always runs the class's teardown later: a handle stored
 * there is set once per mount, so storing it cannot overwrite a live one.
 */
export const PAIRED_SETUPS: Readonly<Record<string, ReadonlySet<string>>> = {
  react: new Set(["componentDidMount"]),
  // `firstUpdated` (Lit) runs once in an element's life, before any teardown.
  "web-component": new Set(["connectedCallback", "firstUpdated"]),
  "lit-controller": new Set(["hostConnected"]),
  angular: new Set(["ngOnInit", "ngAfterViewInit", "ngAfterContentInit"]),
};

/**
 * Calls whose function argument runs later, after the code that registers it has returned:
 * a framework's current component (Vue's instance, Svelte's and Solid's owner) is gone by
 * then, so lifecycle hooks called there register nothing and Vue watchers started there are
 * not stopped with the component.
 */
export const DEFERRED_CALLBACK_CALLEES: ReadonlySet<string> = new Set([
  "setTimeout",
  "setInterval",
  "requestAnimationFrame",
  "requestIdleCallback",
  "queueMicrotask",
  "nextTick",
  "then",
  "catch",
  "finally",
  "addEventListener",
]);

/**
 * Components and classes that are the application itself: mounted once, never unmounted. What
 * they leave behind lives exactly as long as the page would anyway, so it is no proven leak.
 */
export const APP_ROOT_NAMES: ReadonlySet<string> = new Set(["App", "AppRoot", "Root", "RootLayout", "AppComponent", "AppShell", "AppLayout"]);

/** A root's name with a framework suffix (`AppRootComponent`, `RootView`): the root too. */
export function isAppRootName(name: string): boolean {
  return APP_ROOT_NAMES.has(name) || APP_ROOT_NAMES.has(name.replace(/(Component|Element|View|Container)$/, ""));
}

/** Files whose component is the application's root (`App.vue`, `App.svelte`, SvelteKit's root `+layout.svelte`). */
export const APP_ROOT_FILES = /^(App|AppRoot|Root)\.(vue|svelte|[cm]?[jt]sx?)$|^(app|app[-.]?root|root)\.component\.[cm]?[jt]s$|^\+layout\.svelte$/i;

/** Calls that hand back a service from a dependency injector (Angular, Vue `inject`, React context). */
export const INJECTORS: ReadonlySet<string> = new Set(["inject", "useContext", "use"]);
/** Modules whose `inject` / `useContext` / `use` hand back an injected service. */
export const INJECTOR_MODULES = /^(@angular\/core|vue|@vue\/runtime-core|react|preact\/hooks|preact\/compat|solid-js)$/;

/**
 * Calls that register a function to run when the current component or scope ends: a helper
 * that makes one cleans up after itself (VueUse's `tryOnScopeDispose`, Angular's
 * `DestroyRef.onDestroy`, Solid's `onCleanup`, Svelte's `onDestroy`).
 */
export const CLEANUP_REGISTRARS: ReadonlySet<string> = new Set([
  "onScopeDispose",
  "tryOnScopeDispose",
  "onUnmounted",
  "tryOnUnmounted",
  "onBeforeUnmount",
  "tryOnBeforeUnmount",
  "onCleanup",
  "onDestroy",
  "useUnmount",
  "useUnmountEffect",
  "addTeardown",
  "registerCleanup",
]);

/**
 * Events an emitter fires at most once in its life (a child's or socket's `exit`/`close`, a
 * stream's `end`, a page's `load`): a handler for one is not code that runs again and again.
 */
export const SINGLE_FIRE_EVENTS: ReadonlySet<string> = new Set([
  "exit",
  "close",
  "end",
  "finish",
  "open",
  "load",
  "DOMContentLoaded",
  "ready",
  "listening",
  "quit",
  "will-quit",
  "before-quit",
]);
