/**
 * Knowledge of library APIs, by import identity (the module a binding comes from, never the
 * name alone): which hooks and composables clean up after themselves, which calls hand back a
 * disposer. (Every import is long-lived already: a module's bindings outlive any component.
 * Registries an API registers on are the registration tables of registrations.ts.) Users extend
 * these tables through `settings.leakproof` (see docs/settings.md); the engine reads both the same way.
 */

/** A set of exports of matching modules: names listed, or matched by a pattern. */
export interface LibraryEntry {
  module: string | RegExp;
  names: readonly string[] | RegExp;
}

/**
 * Hooks and composables that register their own cleanup with the component or scope they are
 * called in (VueUse's `tryOnScopeDispose`, a React hook's effect cleanup, Solid's `onCleanup`):
 * a listener, timer or observer they start ends with the caller, and a stop handle they also
 * return may be dropped.
 */
export const SELF_CLEANING: readonly LibraryEntry[] = [
  { module: /^@vueuse\//, names: /^(use|on[A-Z]|watch|tryOn|until|whenever|templateRef)/ },
  { module: "ahooks", names: /^use/ },
  { module: /^react-use(\/|$)/, names: /^(use|default$)/ },
  { module: "@mantine/hooks", names: /^use/ },
  { module: "usehooks-ts", names: /^use/ },
  { module: "@uidotdev/usehooks", names: /^use/ },
  { module: "@react-hookz/web", names: /^use/ },
  { module: "rooks", names: /^use/ },
  { module: /^@solid-primitives\//, names: /^(create|use)/ },
  { module: "@angular/core/rxjs-interop", names: ["takeUntilDestroyed", "toSignal", "outputFromObservable"] },
];

/**
 * Calls that return a function (or handle) that undoes what they did, and do not undo it
 * themselves: dropping the result leaks what they registered.
 */
export const RETURNS_DISPOSER: readonly LibraryEntry[] = [
  { module: "svelte/events", names: ["on"] },
  { module: /^@solid-primitives\//, names: /^make/ },
  { module: "mobx", names: ["autorun", "reaction", "when", "observe", "intercept", "onBecomeObserved", "onBecomeUnobserved", "spy"] },
  { module: "valtio", names: ["subscribe"] },
  { module: "valtio/utils", names: ["subscribeKey", "watch"] },
  { module: "nanostores", names: ["listenKeys", "onMount", "onSet", "onNotify"] },
  { module: "@tauri-apps/api/event", names: ["listen", "once"] },
  { module: "firebase/auth", names: ["onAuthStateChanged", "onIdTokenChanged"] },
  { module: "firebase/firestore", names: ["onSnapshot"] },
  { module: "@preact/signals-core", names: ["effect"] },
  { module: "@preact/signals", names: ["effect"] },
];

/**
 * Factories that make a new object each call (a client, an emitter): what the caller puts
 * listeners on is then its own, and goes when it does.
 */
export const CREATES: readonly LibraryEntry[] = [
  { module: "socket.io-client", names: ["io", "connect", "default"] },
  { module: "mitt", names: ["default"] },
  { module: "nanoevents", names: ["createNanoEvents"] },
  { module: "eventemitter3", names: ["default"] },
  { module: "reconnecting-websocket", names: ["default"] },
];

/**
 * Text that a file importing one of the `RETURNS_DISPOSER` modules contains (the module name,
 * or the fixed prefix of a module pattern): the engine's cheap test before it reads a file.
 */
export const DISPOSER_MODULE_MARKERS: readonly string[] = RETURNS_DISPOSER.map((entry) =>
  typeof entry.module === "string" ? entry.module : entry.module.source.replace(/^\^/, "").replace(/\\\//g, "/").replace(/[\\^$()|?*+[\]{}].*$/, ""),
);

/** Whether `imported` of `module` is described by one of `entries`. */
export function knownBy(entries: readonly LibraryEntry[], module: string, imported: string): boolean {
  return entries.some((entry) => {
    const moduleMatches = typeof entry.module === "string" ? entry.module === module : entry.module.test(module);
    if (!moduleMatches) return false;
    return Array.isArray(entry.names) ? (entry.names as readonly string[]).includes(imported) : (entry.names as RegExp).test(imported);
  });
}
