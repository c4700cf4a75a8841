import { createRule } from "../util/create-rule.js";
import { type CommonOptions, commonProperties, reportFindings } from "./report.js";

type MessageIds =
  | "urlDiscarded"
  | "urlNeverRevoked"
  | "urlNeverRevokedManualCleanup"
  | "urlNotRevokedInTeardown"
  | "urlNotKept"
  | "revokeInCleanup";

export default createRule<[CommonOptions], MessageIds>({
  name: "no-unrevoked-object-url",
  meta: {
    type: "problem",
    docs: {
      description: "Require object URLs to be revoked by the owner that created them",
      preset: "recommended",
      strictOptions: [{ reportProbable: true }],
    },
    hasSuggestions: true,
    defaultOptions: [{}],
    schema: [
      {
        type: "object",
        description: "Options for no-unrevoked-object-url.",
        properties: commonProperties,
        additionalProperties: false,
      },
    ],
    messages: {
      urlDiscarded:
        "The object URL created in {{owner}} is discarded, so it can never be revoked; its Blob stays in memory for the life of the document.",
      urlNeverRevoked:
        "{{url}} (an object URL created in {{owner}}) is never passed to `URL.revokeObjectURL`; its Blob or MediaSource stays in memory for the life of the document.",
      urlNeverRevokedManualCleanup:
        "{{url}} (an object URL created in {{owner}}) is never passed to `URL.revokeObjectURL`; its Blob or MediaSource stays in memory for the life of the document. No cleanup is suggested: {{reason}}.",
      urlNotRevokedInTeardown:
        "{{url}} is revoked elsewhere, but not when its owner ends; the object URL and its Blob stay alive {{end}}.",
      urlNotKept:
        "The object URL assigned straight to {{url}} is kept nowhere else and never revoked; its Blob or MediaSource stays in memory until the document unloads. Keep the URL in a variable or field and revoke it when {{owner}} ends.",
      revokeInCleanup: "Revoke `{{url}}` in the effect's cleanup.",
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return {
      "Program:exit"() {
        reportFindings(context, "objectUrl", options);
      },
    };
  },
});
