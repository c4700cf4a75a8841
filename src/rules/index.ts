import noAccumulatingDomNodes from "./no-accumulating-dom-nodes.js";
import noLeakedEventListener from "./no-leaked-event-listener.js";
import noLeakedObserver from "./no-leaked-observer.js";
import noLeakedSubscription from "./no-leaked-subscription.js";
import noLeakedTimer from "./no-leaked-timer.js";
import noUnclosedResource from "./no-unclosed-resource.js";
import noPromiseRaceInLoop from "./no-promise-race-in-loop.js";
import noRepeatedRegistration from "./no-repeated-registration.js";
import preferStreamPipeline from "./prefer-stream-pipeline.js";
import noUnboundedCollection from "./no-unbounded-collection.js";
import noUnrevokedObjectUrl from "./no-unrevoked-object-url.js";
import requireCancellableLoop from "./require-cancellable-loop.js";

/** Every rule of the plugin, by name (without the `leakproof/` prefix). */
export const rules = {
  "no-accumulating-dom-nodes": noAccumulatingDomNodes,
  "no-leaked-event-listener": noLeakedEventListener,
  "no-leaked-observer": noLeakedObserver,
  "no-leaked-subscription": noLeakedSubscription,
  "no-leaked-timer": noLeakedTimer,
  "no-promise-race-in-loop": noPromiseRaceInLoop,
  "no-repeated-registration": noRepeatedRegistration,
  "no-unbounded-collection": noUnboundedCollection,
  "no-unclosed-resource": noUnclosedResource,
  "no-unrevoked-object-url": noUnrevokedObjectUrl,
  "prefer-stream-pipeline": preferStreamPipeline,
  "require-cancellable-loop": requireCancellableLoop,
};

export type RuleName = keyof typeof rules;
