/**
 * The analysis entry point: builds the per-file engine context once and runs every
 * family over it. Rules call this and keep the findings of their own kind.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import { TRIGGER_PATTERN } from "../resources/catalogue.js";
import { DISPOSER_MODULE_MARKERS } from "../resources/libraries.js";
import { summaryLookupFor } from "../resources/summary-cache.js";
import { EngineContext } from "./engine/context.js";
import type { EngineOptions, Finding } from "./engine/model.js";
import { analyzeHandles } from "./families/handles/index.js";
import { analyzeListeners } from "./families/listeners.js";
import { analyzeObjectUrls } from "./families/object-urls.js";
import { analyzeTimers } from "./families/timers.js";

export { type EngineOptions, type Evidence, type Finding, type Grade, gradeOf } from "./engine/model.js";

/**
 * A file that imports a module whose calls hand back disposers (the library tables, or
 * `settings.leakproof.returnsDisposer`) is read even if it names no API of the catalogue:
 * `on(window, "resize", h)` from `svelte/events`.
 */
function importsKnownApi(text: string, options: EngineOptions): boolean {
  const settings = options.settings as { returnsDisposer?: unknown } | undefined;
  const extra = settings?.returnsDisposer && typeof settings.returnsDisposer === "object" ? Object.keys(settings.returnsDisposer) : [];
  return DISPOSER_MODULE_MARKERS.some((marker) => text.includes(marker)) || extra.some((module) => text.includes(module));
}

/** Relative imports: project modules, which the audit's summary cache may describe. */
const RELATIVE_IMPORT = /(?:from|import|require)\s*\(?\s*["']\.\.?\//;

/**
 * A file that names no API the catalogue knows can still call a project helper that acquires
 * one; with the audit's summary cache present, such files are read too.
 */
function mayUseSummarisedHelpers(text: string, options: EngineOptions): boolean {
  if (!options.filename || !RELATIVE_IMPORT.test(text)) return false;
  const settings = options.settings as { summaries?: unknown } | undefined;
  return settings?.summaries !== false && summaryLookupFor(options.filename) !== undefined;
}

export interface Analysis {
  findings: Finding[];
}

const EMPTY: Analysis = { findings: [] };
const cache = new WeakMap<object, Map<string, Analysis>>();
const contexts = new WeakMap<object, Map<string, EngineContext>>();

function optionsKeyOf(options: EngineOptions): string {
  return JSON.stringify([options.teardownMethods ?? [], options.settings ?? null]);
}

/**
 * The file's engine context (references, owners, summaries, library knowledge), built once per
 * file and options and shared by every family and rule.
 */
export function engineContext(sourceCode: Readonly<TSESLint.SourceCode>, options: EngineOptions = {}): EngineContext {
  const key = optionsKeyOf(options);
  let perFile = contexts.get(sourceCode.ast);
  if (!perFile) {
    perFile = new Map();
    contexts.set(sourceCode.ast, perFile);
  }
  let context = perFile.get(key);
  if (!context) {
    context = new EngineContext(sourceCode, options);
    perFile.set(key, context);
  }
  return context;
}

/**
 * Analyses the file once per distinct engine options and returns every finding;
 * rules pick the kinds they report. Errors are not swallowed: the crash tests and the
 * bench's mutation runs must see them.
 */
export function analyze(sourceCode: Readonly<TSESLint.SourceCode>, options: EngineOptions = {}): Analysis {
  const optionsKey = optionsKeyOf(options);
  let perFile = cache.get(sourceCode.ast);
  const cached = perFile?.get(optionsKey);
  if (cached) return cached;
  let result = EMPTY;
  if (TRIGGER_PATTERN.test(sourceCode.text) || importsKnownApi(sourceCode.text, options) || mayUseSummarisedHelpers(sourceCode.text, options)) {
    const context = engineContext(sourceCode, options);
    result = {
      findings: [
        ...analyzeListeners(context),
        ...analyzeTimers(context),
        ...analyzeObjectUrls(context),
        ...analyzeHandles(context),
      ],
    };
  }
  if (!perFile) {
    perFile = new Map();
    cache.set(sourceCode.ast, perFile);
  }
  perFile.set(optionsKey, result);
  return result;
}
