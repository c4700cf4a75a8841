/**
 * Vue 3 Composition API: `onMounted(fn)` / `onBeforeMount(fn)` callbacks and the setup
 * itself (`setup()`, `<script setup>`, composables) release in functions registered with
 * `onBeforeUnmount` / `onUnmounted` / `onScopeDispose`; watcher callbacks release in their
 * `onCleanup` parameter (or `onWatcherCleanup(fn)`). Options API shapes live in vue-options.ts.
 */
import type { FrameworkSpec } from "./spec.js";

const END = "after the component unmounts";

export const VUE: FrameworkSpec = {
  name: "vue",
  modules: new Set(["vue", "@vue/runtime-core", "@vue/runtime-dom", "@vue/composition-api", "@vue/reactivity", "vue-demi", "#imports"]),
  callbacks: {
    onMounted: { arg: 0, returns: false, scope: true, transparent: true, end: END },
    onBeforeMount: { arg: 0, returns: false, scope: true, transparent: true, end: END },
    watchEffect: { arg: 0, returns: false, scope: true, cleanupParam: 0, end: "after the watcher re-runs or the component unmounts" },
    watchPostEffect: { arg: 0, returns: false, scope: true, cleanupParam: 0, end: "after the watcher re-runs or the component unmounts" },
    watchSyncEffect: { arg: 0, returns: false, scope: true, cleanupParam: 0, end: "after the watcher re-runs or the component unmounts" },
    watch: { arg: 1, returns: false, scope: true, cleanupParam: 2, end: "after the watcher re-runs or the component unmounts" },
  },
  scopeCleanups: new Set(["onBeforeUnmount", "onUnmounted", "onScopeDispose"]),
  innerCleanups: new Set(["onWatcherCleanup"]),
  end: END,
  elementRefs: new Set(["ref", "shallowRef", "useTemplateRef"]),
};
