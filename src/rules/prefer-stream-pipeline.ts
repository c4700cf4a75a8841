import { T as AST_NODE_TYPES } from "../util/node-types.js";
import { engineContext } from "../analysis/index.js";
import { StreamPipelineAnalysis } from "../analysis/families/stream-pipeline.js";
import { memberName, unwrap } from "../ast/index.js";
import { createRule } from "../util/create-rule.js";
import { engineInputs, probableSchema, wanted } from "./report.js";

type MessageIds = "unhandledPipe" | "usePipeline";

export default createRule<[{ reportProbable?: boolean }], MessageIds>({
  name: "prefer-stream-pipeline",
  meta: {
    type: "problem",
    docs: {
      description: "Prefer `stream.pipeline()` to `.pipe()` chains whose streams have no 'error' handling",
      preset: "recommended",
      strictOptions: [{ reportProbable: true }],
    },
    hasSuggestions: true,
    defaultOptions: [{ reportProbable: false }],
    schema: [
      {
        type: "object",
        description: "Options for prefer-stream-pipeline.",
        properties: { reportProbable: probableSchema },
        additionalProperties: false,
      },
    ],
    messages: {
      unhandledPipe:
        "`.pipe()` neither forwards errors nor destroys the other streams when one fails, and {{streams}} {{have}} no 'error' handling: a failure leaves the rest of the chain open (file descriptors, sockets, buffers) or crashes the process with an unhandled 'error'. Use `pipeline()` from node:stream, which destroys every stream and reports the error once.",
      usePipeline: "Replace the chain with `pipeline(...)` from node:stream and log the error in its callback.",
    },
  },
  defaultOptions: [{ reportProbable: false }],
  create(context, [options]) {
    // A file whose text never has the word `pipe` has no `.pipe(...)`: no visitor at all.
    if (!PIPE_WORD.test(context.sourceCode.text)) return {};
    // Built on first `.pipe(...)`: most files have none.
    let analysis: StreamPipelineAnalysis | undefined;
    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "pipe") return;
        if (!analysis) {
          const engine = engineContext(context.sourceCode, engineInputs(context));
          analysis = new StreamPipelineAnalysis(context, engine.refs, engine.lifecycles);
        }
        const finding = analysis.check(node);
        if (!finding || !wanted(finding, options)) return;
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

const PIPE_WORD = /\bpipe\b/;
