/**
 * Vue 3 Composition API: `onMounted(fn)` / `onBeforeMount(fn)` callbacks and the setup
 * itself (`setup()`, `<script setup>`, composables) release in functions registered with
 * `onBeforeUnmount` / `onUnmounted` / `onScopeDispose`; watcher callbacks release in their
 * `onCleanup` parameter (or `onWatcherCleanup(fn)`). Options API shapes live in vue-options.ts.
 *
 * A watcher started while the component is current (synchronously in the setup, in
 * `onMounted`) is stopped with it. One started after an `await` in an async function, or in
 * a callback that runs later (`setTimeout`, `.then`, an event handler), belongs to no
 * component: Vue never stops it, so its stop handle must be called at unmount. The top
 * level of `<script setup>` is the exception: the compiler restores the instance after each
 * top-level `await` there.
 */
import type { FrameworkSpec } from "./spec.js";
import { lookup } from "../../util/lookup.js";

const END = "after the component unmounts";

export const VUE: FrameworkSpec = {
  name: "vue",
  modules: new Set(["vue", "@vue/runtime-core", "@vue/runtime-dom", "@vue/composition-api", "@vue/reactivity", "vue-demi", "#imports"]),
  callbacks: lookup({
    onMounted: { arg: 0, returns: false, scope: true, transparent: true, end: END },
    onBeforeMount: { arg: 0, returns: false, scope: true, transparent: true, end: END },
    watchEffect: { arg: 0, returns: false, scope: true, cleanupParam: 0, end: "after the watcher re-runs or the component unmounts" },
    watchPostEffect: { arg: 0, returns: false, scope: true, cleanupParam: 0, end: "after the watcher re-runs or the component unmounts" },
    watchSyncEffect: { arg: 0, returns: false, scope: true, cleanupParam: 0, end: "after the watcher re-runs or the component unmounts" },
    watch: { arg: 1, returns: false, scope: true, cleanupParam: 2, end: "after the watcher re-runs or the component unmounts" },
  }),
  scopeCleanups: new Set(["onBeforeUnmount", "onUnmounted", "onScopeDispose"]),
  innerCleanups: new Set(["onWatcherCleanup"]),
  end: END,
  elementRefs: new Set(["ref", "shallowRef", "useTemplateRef"]),
};

/** Calls that start a watcher and return its stop handle. */
export const VUE_WATCHERS: ReadonlySet<string> = new Set(["watch", "watchEffect", "watchPostEffect", "watchSyncEffect"]);

/** `scope.run(fn)`: `fn` runs inside an effect scope that owns the watchers it starts. */
export const VUE_SCOPE_RUNNERS: ReadonlySet<string> = new Set(["run"]);
