import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { engineContext } from "../analysis/index.js";
import { StreamPipelineAnalysis } from "../analysis/families/stream-pipeline.js";
import { memberName, unwrap } from "../ast/index.js";
import { createRule } from "../util/create-rule.js";
import { engineInputs } from "./report.js";

type MessageIds = "unhandledPipe" | "usePipeline";

export default createRule<[], MessageIds>({
  name: "prefer-stream-pipeline",
  meta: {
    type: "problem",
    docs: {
      description: "Prefer `stream.pipeline()` to `.pipe()` chains whose streams have no 'error' handling",
      preset: "recommended",
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unhandledPipe:
        "`.pipe()` neither forwards errors nor destroys the other streams when one fails, and {{streams}} {{have}} no 'error' handling: a failure leaves the rest of the chain open (file descriptors, sockets, buffers) or crashes the process with an unhandled 'error'. Use `pipeline()` from node:stream, which destroys every stream and reports the error once.",
      usePipeline: "Replace the chain with `pipeline(...)` from node:stream and log the error in its callback.",
    },
  },
  defaultOptions: [],
  create(context) {
    // Built on first `.pipe(...)`: most files have none.
    let analysis: StreamPipelineAnalysis | undefined;
    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "pipe") return;
        analysis ??= new StreamPipelineAnalysis(context, engineContext(context.sourceCode, engineInputs(context)).refs);
        const finding = analysis.check(node);
        if (!finding) return;
        const streams = finding.unhandled.map((text) => `\`${text}\``).join(", ");
        context.report({
          node: finding.node,
          loc: finding.loc,
          messageId: "unhandledPipe",
          data: { streams, have: finding.unhandled.length === 1 ? "has" : "have" },
          suggest: finding.fix ? [{ messageId: "usePipeline", fix: finding.fix }] : [],
        });
      },
    };
  },
});
