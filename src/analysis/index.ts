/**
 * The analysis entry point: builds the per-file engine context once and runs every
 * family over it. Rules call this and keep the findings of their own kind.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import { TRIGGER_PATTERN } from "../resources/catalogue.js";
import { EngineContext } from "./engine/context.js";
import type { EngineOptions, Finding } from "./engine/model.js";
import { analyzeHandles } from "./families/handles/index.js";
import { analyzeListeners } from "./families/listeners.js";
import { analyzeObjectUrls } from "./families/object-urls.js";
import { analyzeTimers } from "./families/timers.js";

export type { EngineOptions, Finding } from "./engine/model.js";

/** Messages that say "released elsewhere, but not when its owner ends". */
const ELSEWHERE_MESSAGES: ReadonlySet<string> = new Set([
  "listenerNotRemovedInTeardown",
  "timerNotClearedInTeardown",
  "urlNotRevokedInTeardown",
  "notReleasedInTeardown",
]);

export interface Analysis {
  findings: Finding[];
}

const EMPTY: Analysis = { findings: [] };
const cache = new WeakMap<object, Map<string, Analysis>>();

/**
 * Analyses the file once per distinct engine options and returns every finding;
 * rules pick the kinds they report. Errors are not swallowed: the crash tests and the
 * bench's mutation runs must see them.
 */
export function analyze(sourceCode: Readonly<TSESLint.SourceCode>, options: EngineOptions = {}): Analysis {
  const optionsKey = JSON.stringify(options.teardownMethods ?? []);
  let perFile = cache.get(sourceCode.ast);
  const cached = perFile?.get(optionsKey);
  if (cached) return cached;
  let result = EMPTY;
  if (TRIGGER_PATTERN.test(sourceCode.text)) {
    const context = new EngineContext(sourceCode, options);
    result = {
      findings: [
        ...analyzeListeners(context),
        ...analyzeTimers(context),
        ...analyzeObjectUrls(context),
        ...analyzeHandles(context),
      ],
    };
    for (const finding of result.findings) {
      if (ELSEWHERE_MESSAGES.has(finding.messageId)) finding.releasedSomewhere = true;
    }
  }
  if (!perFile) {
    perFile = new Map();
    cache.set(sourceCode.ast, perFile);
  }
  perFile.set(optionsKey, result);
  return result;
}
