import { ASYNC_LOOP_TYPES, type AsyncLoopMessageId, analyzeAsyncLoops, isAsyncLoop, mayHaveAsyncLoops } from "../analysis/families/async-loops.js";
import type { Node } from "../ast/index.js";
import { engineContext } from "../analysis/index.js";
import { createRule } from "../util/create-rule.js";
import { engineInputs, probableSchema, teardownSchema, wanted } from "./report.js";

type MessageIds = AsyncLoopMessageId;

export interface Options {
  teardownMethods?: readonly string[];
  checkIgnoredSignal?: boolean;
  reportProbable?: boolean;
}

export default createRule<[Options], MessageIds>({
  name: "require-cancellable-loop",
  meta: {
    type: "problem",
    docs: {
      description:
        "Require long-running async loops to be cancellable, to let the AbortError through, and to be awaited by the teardown that cancels them",
      preset: "recommended",
      strictOptions: [{ checkIgnoredSignal: true, reportProbable: true }],
    },
    schema: [
      {
        type: "object",
        description: "Options for require-cancellable-loop.",
        properties: {
          teardownMethods: teardownSchema,
          checkIgnoredSignal: {
            type: "boolean",
            description:
              "Also report sleeps inside long-running loops (`await sleep(ms)`, `await setTimeout(ms)` from node:timers/promises, `await new Promise(r => setTimeout(r, ms))`) that ignore an AbortSignal in scope. Off by default; the strict preset turns it on.",
          },
          reportProbable: probableSchema,
        },
        additionalProperties: false,
      },
    ],
    messages: {
      loopNeverExits:
        "This `{{loop}}` loop awaits on every turn but has no way out: no `break`/`return`/`throw` leaves it and it checks no AbortSignal or stop flag. Once started it runs until the process exits and keeps what it closes over alive; check `signal.aborted` (and pass the signal to what it awaits).",
      abortSwallowed:
        "This `catch` swallows every error of the `{{loop}}` loop, including the AbortError its signal raises, so cancelling turns into a retry (or a hot spin once the sleep rejects at once). Rethrow, or `break` when `signal.aborted` / `err.name === 'AbortError'`.",
      cancelNotAwaited:
        "`{{teardown}}` cancels the background task started by `{{task}}` but never awaits it, so it returns while the loop and its cleanup still run. Keep the task's promise and `await` it after cancelling.",
      sleepIgnoresSignal:
        "This `{{sleep}}` in a long-running loop ignores `{{signal}}`: after an abort the loop still waits out the delay and its timer stays pending. Pass the signal to the sleep.",
    },
    defaultOptions: [{}],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    if (!mayHaveAsyncLoops(context.sourceCode.text)) return {};
    // Loops are met as ESLint's traversal passes them, rather than by a pass over every node of
    // the file: the engine is built only once a loop in an async function has been seen.
    let asyncLoop = false;
    const loop = (node: Node): void => {
      if (!asyncLoop) asyncLoop = isAsyncLoop(node);
    };
    const visitor: Record<string, (node: Node) => void> = Object.fromEntries(ASYNC_LOOP_TYPES.map((type) => [type, loop]));
    return {
      ...visitor,
      "Program:exit"() {
        if (!asyncLoop) return;
        const engine = engineContext(context.sourceCode, { teardownMethods: options.teardownMethods, ...engineInputs(context) });
        for (const finding of analyzeAsyncLoops(engine, options)) {
          if (wanted(finding, options)) context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
        }
      },
    };
  },
});
