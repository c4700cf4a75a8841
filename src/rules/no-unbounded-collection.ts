import { engineContext } from "../analysis/index.js";
import { CollectionAnalysis } from "../analysis/families/collections.js";
import { createRule } from "../util/create-rule.js";
import { engineInputs, probableSchema, wanted } from "./report.js";

type MessageIds = "unbounded" | "emptyInnerKept";
type Options = [{ checkExported?: boolean; reportProbable?: boolean }];

export default createRule<Options, MessageIds>({
  name: "no-unbounded-collection",
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow long-lived Maps, Sets, arrays and dictionary objects that code running repeatedly adds to and nothing ever removes from",
      // In `strict` only: on the test corpus (bench/test) none of its proven findings was a real
      // leak — module-level memos and registries over keys that are bounded in practice. It
      // returns to `recommended` when it can prove a key space unbounded (bench/RESULTS.md).
      preset: "strict",
      strictOptions: [{ reportProbable: true }],
    },
    defaultOptions: [{ checkExported: false, reportProbable: false }],
    schema: [
      {
        type: "object",
        properties: {
          checkExported: {
            type: "boolean",
            description:
              "Also report collections other modules can reach — exported bindings, collections returned from a function, passed to an imported function or stored on another object — whose removal path may live in another module. Default false.",
          },
          reportProbable: probableSchema,
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unbounded:
        "`{{name}}` ({{kind}} in {{where}}) gets entries added here, in {{context}}, which runs again and again, but nothing ever removes them: every entry stays reachable for the life of the process. Bound it (evict the oldest entry when its size passes a limit, or use an LRU cache), key it by the owning object in a `WeakMap`/`WeakSet`, or delete entries when they are no longer needed.",
      emptyInnerKept:
        "Items are removed from an inner {{inner}} of `{{name}}` ({{kind}} in {{where}}) here, but the key is never deleted from `{{name}}` when its {{inner}} becomes empty, while {{context}} keeps adding keys (line {{line}}): one empty {{inner}} per key stays behind forever. Delete the key once the inner collection is empty (for example `if (inner.size === 0) {{name}}.delete(key)`).",
    },
  },
  defaultOptions: [{ checkExported: false, reportProbable: false }],
  create(context, [options]) {
    return {
      "Program:exit"(program) {
        const engine = engineContext(context.sourceCode, engineInputs(context));
        const analysis = new CollectionAnalysis(context.sourceCode, engine.refs, engine);
        for (const finding of analysis.analyze(program, { checkExported: options.checkExported ?? false })) {
          if (wanted(finding, options)) context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
        }
      },
    };
  },
});
