import noLeakedEventListener from "./no-leaked-event-listener.js";
import noLeakedTimer from "./no-leaked-timer.js";
import noUnrevokedObjectUrl from "./no-unrevoked-object-url.js";

/** Every rule of the plugin, by name (without the `leakproof/` prefix). */
export const rules = {
  "no-leaked-event-listener": noLeakedEventListener,
  "no-leaked-timer": noLeakedTimer,
  "no-unrevoked-object-url": noUnrevokedObjectUrl,
};

export type RuleName = keyof typeof rules;
