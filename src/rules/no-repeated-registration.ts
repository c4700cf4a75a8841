import type { TSESTree } from "@typescript-eslint/utils";
import { analyze, engineContext } from "../analysis/index.js";
import { type RegistrationMessageId, RegistrationAnalysis, UndoWords } from "../analysis/families/registrations.js";
import type { Node } from "../ast/index.js";
import { createRule } from "../util/create-rule.js";
import { engineInputs, probableSchema, wanted } from "./report.js";

type MessageIds = RegistrationMessageId;
type Options = [{ registries?: readonly string[]; initFunctions?: readonly string[]; reportProbable?: boolean }];

const EFFECT =
  "Every run adds one more entry to `{{registry}}` ({{lifetime}}), and each entry keeps what it registered — the handler and everything it closes over — alive. ";
const FIX =
  "Register once (move it to one-time setup, or guard it: `if (registered) return`, a `has()` check, a `registered = true` flag), or undo the previous registration first (`{{registry}}.{{release}}(...)`).";

export default createRule<Options, MessageIds>({
  name: "no-repeated-registration",
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow registering on a long-lived registry (`register`, `handle`, `append`, `addHook`, `on`, ...) from code that runs again and again without undoing or guarding the registration",
      preset: "recommended",
      strictOptions: [{ reportProbable: true }],
    },
    defaultOptions: [{ registries: [], initFunctions: [], reportProbable: false }],
    schema: [
      {
        type: "object",
        properties: {
          registries: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "Extra receiver names — the identifier or the last member name, e.g. `hooks` for `this.hooks.register(fn)` — to treat as long-lived registries whose registrations can be undone, even when the file never calls the undo method and the receiver is a parameter.",
          },
          initFunctions: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "Extra names (or camelCase name prefixes, e.g. `hydrate` for `hydrateTray`) of initialisation routines that may run more than once; a registration in one that is called from two or more places is reported (as probable: `strict`).",
          },
          reportProbable: probableSchema,
        },
        additionalProperties: false,
      },
    ],
    messages: {
      registeredInLoop:
        "`{{registry}}.{{method}}()` makes the same registration on every iteration of this loop. " + EFFECT + FIX,
      registeredInCallback:
        "`{{registry}}.{{method}}()` registers again every time {{where}} runs. " + EFFECT + FIX,
      registeredOnRerun:
        "`{{registry}}.{{method}}()` registers again on every call of {{where}}. " + EFFECT + FIX,
    },
  },
  defaultOptions: [{ registries: [], initFunctions: [], reportProbable: false }],
  create(context, [options]) {
    const candidates: TSESTree.CallExpression[] = [];
    // A registration without a known undo is never reported, so a call whose undo the file never
    // names is no candidate: most files have none left, and then the engine is not built. A
    // receiver named in `registries` needs no undo: no such test then.
    const undoWords = options.registries?.length ? undefined : new UndoWords(context.sourceCode.text);
    return {
      CallExpression(node) {
        const method = RegistrationAnalysis.candidate(node);
        if (method && (!undoWords || undoWords.possible(method))) candidates.push(node);
      },
      "Program:exit"() {
        if (candidates.length === 0) return;
        let listenerFindings: Set<Node> | undefined;
        const inputs = engineInputs(context);
        const analysis = new RegistrationAnalysis(
          engineContext(context.sourceCode, inputs),
          { registries: options.registries ?? [], initFunctions: options.initFunctions ?? [] },
          () =>
            (listenerFindings ??= new Set(
              // Left to no-leaked-event-listener only where that rule reports it in this preset.
              analyze(context.sourceCode, inputs)
                .findings.filter((finding) => finding.kind === "listener" && wanted(finding, options))
                .map((finding) => finding.node),
            )),
        );
        for (const call of candidates) {
          const finding = analysis.check(call);
          if (finding && wanted(finding, options)) context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
        }
      },
    };
  },
});
