/**
 * Angular signals: `effect((onCleanup) => { ...; onCleanup(fn) })` from `@angular/core`
 * releases in the functions handed to its `onCleanup` parameter. (Classes, `DestroyRef.onDestroy`
 * and `takeUntilDestroyed()` are handled by the class owner and the subscription analysis.)
 */
import type { FrameworkSpec } from "./spec.js";

export const ANGULAR: FrameworkSpec = {
  name: "angular",
  modules: new Set(["@angular/core"]),
  callbacks: {
    effect: { arg: 0, returns: false, scope: false, cleanupParam: 0, importOnly: true, end: "after the effect re-runs or is destroyed" },
  },
  scopeCleanups: new Set(),
  innerCleanups: new Set(),
  end: "after the component is destroyed",
  elementRefs: new Set(),
};
