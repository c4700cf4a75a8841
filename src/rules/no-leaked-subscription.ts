import { createRule } from "../util/create-rule.js";
import { type CommonOptions, releasedElsewhereSchema, reportFindings, teardownSchema } from "./report.js";

type MessageIds = "discarded" | "neverReleased" | "notReleasedInTeardown" | "replacedWithoutRelease";

export default createRule<[CommonOptions], MessageIds>({
  name: "no-leaked-subscription",
  meta: {
    type: "problem",
    docs: {
      description: "Require subscriptions and returned disposers to be released when their owner ends",
      preset: "recommended",
      strictOptions: [{ reportReleasedElsewhere: true }],
    },
    schema: [
      {
        type: "object",
        description: "Options for no-leaked-subscription.",
        properties: { teardownMethods: teardownSchema, reportReleasedElsewhere: releasedElsewhereSchema },
        additionalProperties: false,
      },
    ],
    messages: {
      discarded:
        "The subscription made in {{owner}} is not kept, so it can never be unsubscribed; the source keeps {{keeps}} alive {{end}}.",
      neverReleased:
        "`{{handle}}` (a subscription made in {{owner}}) is never unsubscribed or called; the source keeps {{keeps}} alive {{end}}.",
      notReleasedInTeardown:
        "`{{handle}}` is unsubscribed elsewhere, but not when its owner ends; the source keeps {{keeps}} alive {{end}}.",
      replacedWithoutRelease:
        "`{{handle}}` is replaced with a new subscription without ending the previous one.",
    },
    defaultOptions: [{}],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return {
      "Program:exit"() {
        reportFindings(context, "subscription", options);
      },
    };
  },
});
