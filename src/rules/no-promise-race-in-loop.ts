import type { TSESTree } from "@typescript-eslint/utils";
import { T as AST_NODE_TYPES } from "../util/node-types.js";
import { PromiseRaceAnalysis } from "../analysis/families/promise-race.js";
import { engineContext } from "../analysis/index.js";
import { memberName, unwrap } from "../ast/index.js";
import { createRule } from "../util/create-rule.js";
import { engineInputs } from "./report.js";

type MessageIds = "raceInLoop" | "raceInRecursion";

const FIXES =
  "Await the iterator directly and cancel it through the signal (`iterator.return()`), or race against a promise created per iteration whose listener is removed afterwards.";

export default createRule<[], MessageIds>({
  name: "no-promise-race-in-loop",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow repeated `Promise.race`/`Promise.any` against a promise that outlives each iteration",
      preset: "recommended",
    },
    schema: [],
    messages: {
      raceInLoop:
        "`Promise.{{method}}()` runs on every iteration of this loop, and its racer `{{racer}}` {{why}}. Each call attaches a reaction to `{{racer}}` that keeps the iteration's race promise and its result alive until `{{racer}}` settles, so memory grows with every iteration. " +
        FIXES,
      raceInRecursion:
        "`Promise.{{method}}()` runs on every call of `{{fn}}`, which calls itself, and its racer `{{racer}}` {{why}}. Each call attaches a reaction to `{{racer}}` that keeps that call's race promise and its result alive until `{{racer}}` settles, so memory grows with every call. " +
        FIXES,
    },
  },
  defaultOptions: [],
  create(context) {
    // A file whose text never has the word `race` or `any` has no such call: no visitor at all,
    // rather than a name test on every call of every file.
    if (!RACE_WORD.test(context.sourceCode.text)) return {};
    // The shared engine context is built only for files that race at all.
    let analysis: PromiseRaceAnalysis | undefined;
    return {
      CallExpression(node) {
        if (!isRaceCall(node)) return;
        analysis ??= new PromiseRaceAnalysis(context.sourceCode, engineContext(context.sourceCode, engineInputs(context)).refs);
        const finding = analysis.check(node);
        if (!finding) return;
        context.report({
          node,
          messageId: finding.repeat === "loop" ? "raceInLoop" : "raceInRecursion",
          data: { method: finding.method, racer: finding.racer, why: finding.why, fn: finding.fn },
        });
      },
    };
  },
});

const RACE_WORD = /\b(?:race|any)\b/;

/** `X.race(...)` / `X.any(...)`: the only calls the analysis can report (a cheap name test). */
function isRaceCall(node: TSESTree.CallExpression): boolean {
  const callee = unwrap(node.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name === "race" || name === "any";
}
