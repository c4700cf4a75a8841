import { PromiseRaceAnalysis } from "../analysis/families/promise-race.js";
import { RefResolver } from "../analysis/engine/refs.js";
import { createRule } from "../util/create-rule.js";

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
    const analysis = new PromiseRaceAnalysis(context.sourceCode, new RefResolver(context.sourceCode));
    return {
      CallExpression(node) {
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
