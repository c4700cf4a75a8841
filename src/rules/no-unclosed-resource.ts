import { createRule } from "../util/create-rule.js";
import { type CommonOptions, commonProperties, reportFindings } from "./report.js";

type MessageIds = "discarded" | "neverReleased" | "notReleasedInTeardown" | "replacedWithoutRelease" | "handlerLeftInPlace";

export default createRule<[CommonOptions], MessageIds>({
  name: "no-unclosed-resource",
  meta: {
    type: "problem",
    docs: {
      description: "Require sockets, channels, workers, watchers and other closeable resources to be closed by their owner",
      preset: "strict",
      strictOptions: [{ reportProbable: true }],
    },
    schema: [
      {
        type: "object",
        description: "Options for no-unclosed-resource.",
        properties: commonProperties,
        additionalProperties: false,
      },
    ],
    messages: {
      discarded:
        "This {{resource}} created in {{owner}} is not kept, so it can never be closed; it keeps {{keeps}} alive {{end}}.",
      neverReleased:
        "`{{handle}}` ({{resource}}, opened in {{owner}}) is never closed with {{release}}; it keeps {{keeps}} alive {{end}}.",
      notReleasedInTeardown:
        "`{{handle}}` ({{resource}}) is closed elsewhere, but not when its owner ends; it keeps {{keeps}} alive {{end}}.",
      replacedWithoutRelease:
        "`{{handle}}` is replaced with a new {{resource}} without closing the previous one; a reconnect like this leaks the old {{resource}} with {{keeps}}.",
      handlerLeftInPlace:
        "`{{target}}.{{property}}` is set by {{owner}} on a {{resource}} it does not own and is not reset to null when it ends; the {{resource}} keeps the handler and everything it closes over alive {{end}}.",
    },
    defaultOptions: [{}],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return {
      "Program:exit"() {
        reportFindings(context, "closeable", options);
      },
    };
  },
});
