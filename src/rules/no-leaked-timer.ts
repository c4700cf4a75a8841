import { createRule } from "../util/create-rule.js";
import { type CommonOptions, commonProperties, reportFindings } from "./report.js";

type MessageIds =
  | "timerDiscarded"
  | "timerDiscardedManualCleanup"
  | "timerNeverCleared"
  | "timerNotClearedInTeardown"
  | "timerOverwritten"
  | "timerRacesPromise"
  | "loopNeverStopped"
  | "storeAndClear";

export default createRule<[CommonOptions], MessageIds>({
  name: "no-leaked-timer",
  meta: {
    type: "problem",
    docs: {
      description: "Require intervals, frame loops and owner-bound timeouts to be cleared when their owner ends",
      preset: "recommended",
      strictOptions: [{ reportProbable: true }],
    },
    hasSuggestions: true,
    defaultOptions: [{}],
    schema: [
      {
        type: "object",
        description: "Options for no-leaked-timer.",
        properties: commonProperties,
        additionalProperties: false,
      },
    ],
    messages: {
      timerDiscarded:
        "The handle of this {{timer}} in {{owner}} is discarded, so it can never be cleared; it stays scheduled {{end}} and keeps {{callback}} and what it closes over alive.",
      timerDiscardedManualCleanup:
        "The handle of this {{timer}} in {{owner}} is discarded, so it can never be cleared; it stays scheduled {{end}} and keeps {{callback}} and what it closes over alive. No cleanup is suggested: {{reason}}.",
      timerNeverCleared:
        "`{{handle}}` holds a {{timer}} started in {{owner}} but is never passed to `{{release}}`; it stays scheduled {{end}} and keeps {{callback}} alive.",
      timerNotClearedInTeardown:
        "`{{handle}}` ({{timer}}, started in {{owner}}) is cleared elsewhere, but not when its owner ends; it stays scheduled {{end}} and keeps {{callback}} alive.",
      timerOverwritten:
        "`{{handle}}` is overwritten with a new {{timer}} without clearing the previous one; running this twice leaves the first timer scheduled and unreachable. Clear it, or return early, before starting another.",
      timerRacesPromise:
        "This {{timer}} races the promise of {{owner}} but is not cleared when the promise settles another way; it keeps {{callback}} and the executor's closure alive until it fires.",
      loopNeverStopped:
        "This {{timer}} loop in {{owner}} reschedules itself and nothing stops it; it keeps running {{end}}. Keep the handle and call `{{release}}`, or check a stop flag, when the owner ends.",
      storeAndClear: "Keep the handle and call `{{release}}` in the effect's cleanup.",
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return {
      "Program:exit"() {
        reportFindings(context, "timer", options);
      },
    };
  },
});
