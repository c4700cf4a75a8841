/**
 * Solid: `onMount(fn)`, `createEffect(fn)`, `createRenderEffect(fn)` and `createComputed(fn)`
 * release in `onCleanup(fn)` called inside them or in the component (or custom primitive)
 * that creates them. A Solid component body runs once: it is a setup, not a render.
 */
import type { FrameworkSpec } from "./spec.js";
import { lookup } from "../../util/lookup.js";

const END = "after the component is disposed";
const RERUN = "after the effect re-runs or the component is disposed";

export const SOLID: FrameworkSpec = {
  name: "solid",
  modules: new Set(["solid-js", "solid-js/web", "solid-js/store"]),
  callbacks: lookup({
    onMount: { arg: 0, returns: false, scope: true, end: END },
    createEffect: { arg: 0, returns: false, scope: true, end: RERUN },
    createRenderEffect: { arg: 0, returns: false, scope: true, end: RERUN },
    createComputed: { arg: 0, returns: false, scope: true, end: RERUN },
  }),
  scopeCleanups: new Set(["onCleanup"]),
  innerCleanups: new Set(["onCleanup"]),
  end: END,
  elementRefs: new Set(),
};
