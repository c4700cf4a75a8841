/**
 * Angular signals: `effect((onCleanup) => { ...; onCleanup(fn) })` and
 * `afterRenderEffect((onCleanup) => ...)` from `@angular/core` release in the functions handed
 * to their `onCleanup` parameter. (Classes, `DestroyRef.onDestroy`
 * and `takeUntilDestroyed()` are handled by the class owner and the subscription analysis.)
 */
import type { FrameworkSpec } from "./spec.js";
import { lookup } from "../../util/lookup.js";

export const ANGULAR: FrameworkSpec = {
  name: "angular",
  modules: new Set(["@angular/core"]),
  callbacks: lookup({
    effect: { arg: 0, returns: false, scope: false, cleanupParam: 0, importOnly: true, end: "after the effect re-runs or is destroyed" },
    // The single-callback form; the phase-object form (`{ earlyRead, write, ... }`) is not followed.
    afterRenderEffect: {
      arg: 0,
      returns: false,
      scope: false,
      cleanupParam: 0,
      importOnly: true,
      end: "after the effect re-runs or is destroyed",
    },
  }),
  scopeCleanups: new Set(),
  innerCleanups: new Set(),
  end: "after the component is destroyed",
  elementRefs: new Set(),
};

/**
 * The component's own elements, seen from its class: an injected `ElementRef` is the host
 * element (`constructor(private el: ElementRef)`, `inject(ElementRef)`); `@ViewChild` /
 * `@ViewChildren` fields and `viewChild()` / `viewChildren()` signals hold elements of its
 * own template. A listener on any of them dies with the component.
 */
export const ANGULAR_ELEMENT_REF = "ElementRef";
export const ANGULAR_VIEW_QUERY_DECORATORS: ReadonlySet<string> = new Set(["ViewChild", "ViewChildren"]);
export const ANGULAR_VIEW_QUERY_SIGNALS: ReadonlySet<string> = new Set(["viewChild", "viewChildren"]);
