import { createRule } from "../util/create-rule.js";
import { type CommonOptions, commonProperties, reportFindings } from "./report.js";

type MessageIds =
  | "listenerNeverRemoved"
  | "listenerNeverRemovedManualCleanup"
  | "listenerNotRemovedInTeardown"
  | "listenerCannotBeRemoved"
  | "listenerAddedRepeatedly"
  | "signalNeverAborted"
  | "abortListenerNotRemoved"
  | "listenerOutlivesPromise"
  | "removalNeverMatches"
  | "addRemoval";

export default createRule<[CommonOptions], MessageIds>({
  name: "no-leaked-event-listener",
  meta: {
    type: "problem",
    docs: {
      description: "Require listeners on longer-lived targets to be removed when their owner ends",
      preset: "recommended",
      strictOptions: [{ reportProbable: true }],
    },
    hasSuggestions: true,
    defaultOptions: [{}],
    schema: [
      {
        type: "object",
        description: "Options for no-leaked-event-listener.",
        properties: commonProperties,
        additionalProperties: false,
      },
    ],
    messages: {
      listenerNeverRemoved:
        "The {{event}} listener added to `{{target}}` in {{owner}} is never removed; `{{target}}` keeps {{handler}} and everything it closes over alive {{end}}.",
      listenerNeverRemovedManualCleanup:
        "The {{event}} listener added to `{{target}}` in {{owner}} is never removed; `{{target}}` keeps {{handler}} and everything it closes over alive {{end}}. No cleanup is suggested: {{reason}}.",
      listenerNotRemovedInTeardown:
        "The {{event}} listener added to `{{target}}` in {{owner}} is removed elsewhere, but not when its owner ends; it keeps {{handler}} alive {{end}}.",
      listenerCannotBeRemoved:
        "The {{event}} listener on `{{target}}` is {{handler}}, created at this call, so no removal can match it; it stays attached {{end}}. Keep the handler in a variable and pass that same reference to both calls.",
      listenerAddedRepeatedly:
        "A listener for {{event}} is added to the long-lived `{{target}}` from {{where}} and never removed; every run adds another one, and each keeps {{handler}} alive for the life of the program.",
      signalNeverAborted:
        "The {{event}} listener on `{{target}}` is tied to the signal of `{{controller}}`, which {{owner}} never aborts when it ends; it keeps {{handler}} alive {{end}}.",
      abortListenerNotRemoved:
        "An 'abort' listener is added to the caller's signal `{{target}}` in {{owner}} and never removed when the work completes; a long-lived signal collects one per call, each keeping {{handler}} alive until the signal aborts, which may be never.",
      listenerOutlivesPromise:
        "The {{event}} listener on `{{target}}` stays attached when the promise settles through {{path}}; remove every listener on every settle path, or `{{target}}` keeps {{handler}} alive {{end}}.",
      removalNeverMatches: "This removal of the {{event}} listener on `{{target}}` can never match: {{reason}}.",
      addRemoval: "Remove the listener from `{{target}}` in the effect's cleanup.",
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return {
      "Program:exit"() {
        reportFindings(context, "listener", options);
      },
    };
  },
});
