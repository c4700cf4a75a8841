import { DomNodesAnalysis, type DomNodesFinding } from "../analysis/families/dom-nodes.js";
import { engineContext } from "../analysis/index.js";
import { createRule } from "../util/create-rule.js";
import { engineInputs } from "./report.js";

type MessageIds = "accumulatingNodes";
type Options = [{ repeatingFunctions?: string[]; namedFunctions?: boolean }];

export default createRule<Options, MessageIds>({
  name: "no-accumulating-dom-nodes",
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow functions that run repeatedly and insert a new DOM node into a long-lived container without ever removing old ones",
      preset: "strict",
    },
    defaultOptions: [{ repeatingFunctions: [], namedFunctions: true }],
    schema: [
      {
        type: "object",
        properties: {
          repeatingFunctions: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "Extra function names that run again and again (for example `showToast`, `logLine`), in addition to interval/listener callbacks, self-rescheduling timers and update/render/tick/draw/on*/handle*-named functions. Default [].",
          },
          namedFunctions: {
            type: "boolean",
            description:
              "Treat functions named like update functions (`update…`, `render…`, `refresh…`, `…Tick`, `draw…`) and handlers (`on…`, `handle…`) as repeating even when nothing in the file shows them being called repeatedly. Default true.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      accumulatingNodes:
        "`{{method}}` adds a newly created node to `{{container}}` every time {{where}} runs, and nothing removes that container's children or the previous node: the document keeps one more node per run for the life of the page. Remove the node added last time before adding the new one (keep a reference and call `.remove()` or `.replaceWith()`), clear the container with `replaceChildren()`, or trim it to a fixed number of children.",
    },
  },
  defaultOptions: [{ repeatingFunctions: [], namedFunctions: true }],
  create(context, [options]) {
    // Built on first use: most files insert no nodes at all.
    let built: DomNodesAnalysis | undefined;
    const analysis = (): DomNodesAnalysis =>
      (built ??= new DomNodesAnalysis(context.sourceCode, engineContext(context.sourceCode, engineInputs(context)).refs, {
        repeatingFunctions: options.repeatingFunctions ?? [],
        namedFunctions: options.namedFunctions ?? true,
      }));
    const report = (finding: DomNodesFinding | undefined): void => {
      if (!finding) return;
      context.report({
        node: finding.node,
        messageId: "accumulatingNodes",
        data: { method: finding.method, container: finding.container, where: finding.where },
      });
    };
    return {
      CallExpression: (node) => {
        if (DomNodesAnalysis.candidateCall(node)) report(analysis().checkCall(node));
      },
      AssignmentExpression: (node) => {
        if (node.operator === "+=") report(analysis().checkAssignment(node));
      },
    };
  },
});
