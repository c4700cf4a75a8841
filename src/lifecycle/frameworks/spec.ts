/** The data each framework recogniser provides (see index.ts for how it is used). */

export type FrameworkName = "vue" | "svelte" | "solid" | "angular";

/** A hook whose function argument is a setup that acquires things: `onMounted(fn)`. */
export interface CallbackHook {
  /** Which argument is the callback. */
  arg: number;
  /** Functions the callback returns run as its cleanup (Svelte `onMount`, `$effect`). */
  returns: boolean;
  /** Functions registered with the framework's scope cleanups (`onUnmounted(fn)`) in the same setup count. */
  scope: boolean;
  /** The callback's parameter at this index registers a cleanup: `watchEffect((onCleanup) => ...)`. */
  cleanupParam?: number;
  /** Cleanups registered inside the callback belong to the enclosing setup (`onUnmounted` inside `onMounted`). */
  transparent?: boolean;
  /** The function the callback returns also runs when the enclosing setup ends (Svelte `onMount`). */
  returnsToScope?: boolean;
  /** A Svelte rune (`$effect`): recognised by name only, never imported. */
  rune?: boolean;
  /** Recognised only when imported from one of the framework's modules (never by name alone). */
  importOnly?: boolean;
  /** Words for messages: "after the component unmounts". */
  end: string;
}

export interface FrameworkSpec {
  name: FrameworkName;
  /** Modules the hooks are imported from. */
  modules: ReadonlySet<string>;
  callbacks: Readonly<Record<string, CallbackHook>>;
  /** Calls that register a function to run when the enclosing setup ends: `onUnmounted(fn)`. */
  scopeCleanups: ReadonlySet<string>;
  /** Calls that register a cleanup of the callback they are made in: `onCleanup(fn)` in `createEffect`. */
  innerCleanups: ReadonlySet<string>;
  /** Words for messages about a setup of this framework. */
  end: string;
  /** Calls that make a holder for one of the component's own elements (`useTemplateRef("el")`). */
  elementRefs: ReadonlySet<string>;
}
