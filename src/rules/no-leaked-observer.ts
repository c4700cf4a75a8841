import { createRule } from "../util/create-rule.js";
import { type CommonOptions, releasedElsewhereSchema, reportFindings, teardownSchema } from "./report.js";

type MessageIds = "discarded" | "neverReleased" | "notReleasedInTeardown" | "replacedWithoutRelease";

export default createRule<[CommonOptions], MessageIds>({
  name: "no-leaked-observer",
  meta: {
    type: "problem",
    docs: {
      description: "Require observers to be disconnected when their owner ends",
      preset: "recommended",
      strictOptions: [{ reportReleasedElsewhere: true }],
    },
    schema: [
      {
        type: "object",
        description: "Options for no-leaked-observer.",
        properties: { teardownMethods: teardownSchema, reportReleasedElsewhere: releasedElsewhereSchema },
        additionalProperties: false,
      },
    ],
    messages: {
      discarded:
        "This {{resource}} in {{owner}} is not kept, so it can never be disconnected; it keeps {{keeps}} alive {{end}}.",
      neverReleased:
        "`{{handle}}` ({{resource}}, created in {{owner}}) is never disconnected; it keeps {{keeps}} alive {{end}}. Call {{release}} when its owner ends.",
      notReleasedInTeardown:
        "`{{handle}}` ({{resource}}) is disconnected elsewhere, but not when its owner ends; it keeps {{keeps}} alive {{end}}.",
      replacedWithoutRelease:
        "`{{handle}}` is replaced with a new {{resource}} without disconnecting the previous one, which keeps observing and stays alive with {{keeps}}.",
    },
    defaultOptions: [{}],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return {
      "Program:exit"() {
        reportFindings(context, "observer", options);
      },
    };
  },
});
