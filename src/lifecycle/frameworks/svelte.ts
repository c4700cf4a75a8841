/**
 * Svelte: `onMount(fn)` releases in the function it returns or in `onDestroy(fn)`;
 * `$effect(fn)` / `$effect.pre(fn)` in the function it returns; the instance `<script>`'s
 * top level in `onDestroy(fn)`.
 */
import type { FrameworkSpec } from "./spec.js";

const END = "after the component is destroyed";

export const SVELTE: FrameworkSpec = {
  name: "svelte",
  modules: new Set(["svelte"]),
  callbacks: {
    onMount: { arg: 0, returns: true, scope: true, end: END },
    $effect: { arg: 0, returns: true, scope: false, rune: true, end: "after the effect re-runs or the component is destroyed" },
    "$effect.pre": { arg: 0, returns: true, scope: false, rune: true, end: "after the effect re-runs or the component is destroyed" },
  },
  scopeCleanups: new Set(["onDestroy"]),
  innerCleanups: new Set(),
  end: END,
  elementRefs: new Set(),
};

/** Whether a `<script>` element of a .svelte file is the module script (`context="module"`, `module`). */
export function isSvelteModuleScript(script: unknown): boolean {
  const attributes = (script as { startTag?: { attributes?: unknown[] } }).startTag?.attributes ?? [];
  return attributes.some((attribute) => {
    const { key, value } = attribute as { key?: { name?: unknown }; value?: { value?: unknown }[] };
    const name = typeof key?.name === "string" ? key.name : undefined;
    if (name === "module") return true;
    return name === "context" && (value ?? []).some((part) => part.value === "module");
  });
}
