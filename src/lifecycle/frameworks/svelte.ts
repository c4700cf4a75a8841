/**
 * Svelte: `onMount(fn)` releases in the function it returns or in `onDestroy(fn)`;
 * `$effect(fn)` / `$effect.pre(fn)` in the function it returns; the instance `<script>`'s
 * top level in `onDestroy(fn)`. Store start functions (`readable(value, start)`) and
 * `createSubscriber(start)` release in the function they return. A function returned by an
 * `async` callback is a promise's value, never a cleanup.
 *
 * Actions (`use:name`) and attachments (`{@attach name}`) of the same file are setups of
 * their own, per element: an action releases in the `destroy` of the object it returns, an
 * attachment in the function it returns.
 */
import type { FrameworkSpec } from "./spec.js";
import { lookup } from "../../util/lookup.js";

const END = "after the component is destroyed";
const STORE_END = "after the store's last subscriber unsubscribes";

export const SVELTE: FrameworkSpec = {
  name: "svelte",
  modules: new Set(["svelte", "svelte/store", "svelte/reactivity"]),
  callbacks: lookup({
    onMount: { arg: 0, returns: true, scope: true, returnsToScope: true, end: END },
    $effect: { arg: 0, returns: true, scope: false, rune: true, end: "after the effect re-runs or the component is destroyed" },
    "$effect.pre": { arg: 0, returns: true, scope: false, rune: true, end: "after the effect re-runs or the component is destroyed" },
    readable: { arg: 1, returns: true, scope: false, importOnly: true, end: STORE_END },
    writable: { arg: 1, returns: true, scope: false, importOnly: true, end: STORE_END },
    derived: { arg: 1, returns: true, scope: false, importOnly: true, end: STORE_END },
    createSubscriber: { arg: 0, returns: true, scope: false, importOnly: true, end: "after the last reader stops reading it" },
  }),
  scopeCleanups: new Set(["onDestroy"]),
  innerCleanups: new Set(),
  end: END,
  elementRefs: new Set(),
};

/** Names the template uses as actions (`use:tooltip`) and attachments (`{@attach autofocus}`). */
export const SVELTE_ACTION_USE = /\buse:([\w$]+)/g;
export const SVELTE_ATTACHMENT = /\{@attach\s+([\w$]+)\s*\}/g;
/** The member of an action's returned object that runs when the element goes away. */
export const SVELTE_ACTION_CLEANUP = "destroy";
export const SVELTE_ACTION_END = "after the element is removed";

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
