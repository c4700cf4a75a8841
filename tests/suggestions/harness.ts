/**
 * Round trip of a suggestion: apply it, re-parse the result with the file's own parser, re-lint
 * it, and compare the two programs. A suggestion passes when
 *
 * - the result parses (same parser, same options) and its markup outside `<script>` is untouched;
 * - the finding it was offered on is gone, and no finding appears that was not there before
 *   (with the rule and options that offered it, and with every rule as the `all` preset runs them);
 * - the result still means what the code meant: every token and node of the original is still
 *   there, at the place the edits moved it to (an insertion may only add; the `pipeline()`
 *   rewrite may replace the chain it rewrites and nothing else), every identifier of the original
 *   still resolves to the same declaration, no declaration gains a twin, and every name the
 *   suggestion adds resolves to a declaration or to a global the file could already use;
 * - a cleanup it returns is returned on every path that holds the resource: not from an `async`
 *   function, not after a bare `return;` or a `throw` that can run once the resource is held.
 *
 * The rules are wrapped so that each `context.report()` is seen with its node and its unmerged
 * fixes: positions then map exactly from the original to the result.
 */
import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { type Linter, Linter as ESLintLinter, type Rule, type Scope, type SourceCode } from "eslint";
import svelteParser from "svelte-eslint-parser";
import vueParser from "vue-eslint-parser";
import plugin from "../../src/index.js";
import { presetRules } from "../../src/configs/index.js";

type AnyRule = Rule.RuleModule;
type Range = readonly [number, number];

/** One file to lint: code, the name it is linted under, and the language options its suite used. */
export interface Target {
  /** Where it came from, for messages: `suite › case` or a file path. */
  label: string;
  code: string;
  filename: string;
  languageOptions: Linter.LanguageOptions;
  settings?: Record<string, unknown>;
  /** The rule (without prefix) and options its suite runs it with; absent for whole files. */
  rule?: string;
  options?: readonly unknown[];
  /** The folder ESLint resolves the file name against (type-aware suites). */
  cwd?: string;
}

/** A fix as a rule made it, before ESLint merges a suggestion's fixes into one. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A report seen through the wrapped rules. */
export interface Report {
  ruleId: string;
  messageId: string;
  range: Range;
  suggestions: { messageId: string; edits: Edit[] }[];
}

/** A suggestion to check: where it was offered and with which rule configuration. */
export interface Offered {
  target: Target;
  report: Report;
  index: number;
  /** The rule entries it was offered under (`leakproof/<rule>` → entry). */
  rules: Linter.RulesRecord;
}

// --- the wrapped plugin -------------------------------------------------------------------

let captured: Report[] = [];

function toEdits(fix: unknown): Edit[] {
  const list: unknown[] = fix === null || fix === undefined ? [] : Symbol.iterator in Object(fix) ? [...(fix as Iterable<unknown>)] : [fix];
  return list.map((item) => {
    const { range, text } = item as { range: Range; text: string };
    return { start: range[0], end: range[1], text };
  });
}

/** What `fixer.*` returns, as plain ranges (the same shapes ESLint's own fixer builds). */
const fixer: TSESLint.RuleFixer = {
  insertTextAfter: (node, text) => ({ range: [node.range[1], node.range[1]], text }),
  insertTextAfterRange: (range, text) => ({ range: [range[1], range[1]], text }),
  insertTextBefore: (node, text) => ({ range: [node.range[0], node.range[0]], text }),
  insertTextBeforeRange: (range, text) => ({ range: [range[0], range[0]], text }),
  remove: (node) => ({ range: [node.range[0], node.range[1]], text: "" }),
  removeRange: (range) => ({ range: [range[0], range[1]], text: "" }),
  replaceText: (node, text) => ({ range: [node.range[0], node.range[1]], text }),
  replaceTextRange: (range, text) => ({ range: [range[0], range[1]], text }),
};

function wrap(ruleId: string, rule: AnyRule): AnyRule {
  return {
    meta: rule.meta,
    create(context) {
      const report = (descriptor: Rule.ReportDescriptor): void => {
        const node = (descriptor as { node?: { range?: Range } }).node;
        const suggestions = (descriptor.suggest ?? []).map((suggestion) => ({
          messageId: (suggestion as { messageId?: string }).messageId ?? "",
          edits: toEdits(suggestion.fix(fixer as unknown as Rule.RuleFixer)),
        }));
        captured.push({
          ruleId,
          messageId: (descriptor as { messageId?: string }).messageId ?? "",
          range: node?.range ?? [0, 0],
          suggestions,
        });
        context.report(descriptor);
      };
      // The context's own properties stay visible through the prototype; only `report` is ours.
      const proxy = Object.create(context, { report: { value: report } }) as Rule.RuleContext;
      return rule.create(proxy);
    },
  };
}

const wrappedPlugin = {
  meta: { name: "leakproof-capture" },
  rules: Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [name, wrap(`leakproof/${name}`, rule as unknown as AnyRule)]),
  ),
};

/** The `all` preset's rule entries (each rule with the options `strict`/`all` pass: `reportProbable`, ...). */
export const ALL_RULES: Linter.RulesRecord = presetRules(plugin.rules, "all");

// --- linting ------------------------------------------------------------------------------

export interface Lint {
  messages: Linter.LintMessage[];
  reports: Report[];
  sourceCode: SourceCode;
}

const linters = new Map<string, ESLintLinter>();

export function lint(target: Target, code: string, rules: Linter.RulesRecord): Lint {
  const cwd = target.cwd ?? process.cwd();
  let linter = linters.get(cwd);
  if (!linter) {
    linter = new ESLintLinter({ configType: "flat", cwd });
    linters.set(cwd, linter);
  }
  // Relative names are linted below the folder, where `**/*.*` matches them.
  const filename = path.isAbsolute(target.filename) ? target.filename : path.join(cwd, "src", target.filename);
  captured = [];
  const messages = linter.verify(
    code,
    [
      {
        // A pattern that ends in `*` matches no file on its own in flat config.
        files: ["**/*.*"],
        languageOptions: target.languageOptions,
        ...(target.settings ? { settings: target.settings } : {}),
        plugins: { leakproof: wrappedPlugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
        rules,
      },
    ],
    { filename },
  );
  const reports = captured;
  captured = [];
  return { messages, reports, sourceCode: linter.getSourceCode() };
}

/** The rule entries a target is linted with: its own rule and options. */
export function ownRules(target: Target): Linter.RulesRecord {
  if (!target.rule) return {};
  return { [`leakproof/${target.rule}`]: ["error", ...(target.options ?? [])] as Linter.RuleEntry };
}

/** Every suggestion offered on a target by its own rule and by the `all` preset (the same fix once). */
export function offered(target: Target): { suggestions: Offered[]; fatal: string | undefined } {
  const out: Offered[] = [];
  const seen = new Set<string>();
  for (const rules of [ownRules(target), ALL_RULES]) {
    if (Object.keys(rules).length === 0) continue;
    const result = lint(target, target.code, rules);
    const fatal = result.messages.find((message) => message.fatal || message.ruleId === null);
    if (fatal) return { suggestions: [], fatal: `${fatal.line}:${fatal.column} ${fatal.message}` };
    for (const report of result.reports) {
      report.suggestions.forEach((suggestion, index) => {
        const key = `${report.ruleId}|${report.range.join(":")}|${JSON.stringify(suggestion.edits)}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push({ target, report, index, rules: rules === ALL_RULES ? { [report.ruleId]: ALL_RULES[report.ruleId]! } : rules });
      });
    }
  }
  return { suggestions: out, fatal: undefined };
}

// --- applying and mapping edits -----------------------------------------------------------

export function applyEdits(code: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error("overlapping edits");
    out += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + code.slice(at);
}

/**
 * Maps offsets of the original to the result. `start` places an offset after text inserted
 * there (a node that begins where text was inserted before it), `end` before it (a node that
 * ends where text was inserted after it). Offsets strictly inside a replaced range have no image.
 */
export class OffsetMap {
  readonly edits: readonly Edit[];

  constructor(edits: readonly Edit[]) {
    this.edits = [...edits].sort((a, b) => a.start - b.start);
  }

  map(offset: number, bias: "start" | "end"): number | undefined {
    let delta = 0;
    for (const edit of this.edits) {
      const change = edit.text.length - (edit.end - edit.start);
      if (edit.start === edit.end) {
        if (edit.start < offset || (edit.start === offset && bias === "start")) delta += change;
        continue;
      }
      if (offset >= edit.end) delta += change;
      else if (offset > edit.start) return undefined;
    }
    return offset + delta;
  }

  range(range: Range): Range | undefined {
    if (range[0] === range[1]) {
      const at = this.map(range[0], "end");
      return at === undefined ? undefined : [at, at];
    }
    const start = this.map(range[0], "start");
    const end = this.map(range[1], "end");
    return start === undefined || end === undefined ? undefined : [start, end];
  }

  /** Whether a range of the result lies in text a suggestion wrote. */
  written(range: Range): boolean {
    let delta = 0;
    for (const edit of this.edits) {
      const start = edit.start + delta;
      const end = start + edit.text.length;
      if (range[0] >= start && range[1] <= end && edit.text.length > 0) return true;
      delta += edit.text.length - (edit.end - edit.start);
    }
    return false;
  }

  /** Whether an original range overlaps text a replacement removed. */
  replaced(range: Range): boolean {
    return this.edits.some((edit) => edit.end > edit.start && range[0] < edit.end && range[1] > edit.start);
  }
}

// --- structure ----------------------------------------------------------------------------

interface AstNode {
  type: string;
  range: Range;
  parent?: AstNode;
  [key: string]: unknown;
}

function nodesOf(sourceCode: SourceCode): AstNode[] {
  const out: AstNode[] = [];
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const visit = (node: AstNode): void => {
    out.push(node);
    for (const key of keys[node.type] ?? []) {
      const child = node[key];
      const list = Array.isArray(child) ? (child as unknown[]) : [child];
      for (const item of list) {
        if (item && typeof item === "object" && typeof (item as AstNode).type === "string" && Array.isArray((item as AstNode).range)) {
          visit(item as AstNode);
        }
      }
    }
  };
  visit(sourceCode.ast as unknown as AstNode);
  return out;
}

const rangeKey = (type: string, range: Range): string => `${type}@${range[0]}:${range[1]}`;

/** The text outside every `<script>` element's content: what a component renders. */
function markup(code: string): string {
  return code.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, "$1$2");
}

/** Globals a suggestion may call without a declaration: the release functions it writes. */
const RELEASE_GLOBALS = new Set(["clearInterval", "clearTimeout", "cancelAnimationFrame", "cancelIdleCallback", "URL", "console"]);

/** Why the result does not mean what the original meant (empty when it does). */
function meaningProblems(before: Lint, after: Lint, map: OffsetMap, allowReplace: boolean): string[] {
  const problems: string[] = [];
  const { edits } = map;
  if (!allowReplace && edits.some((edit) => edit.end > edit.start)) problems.push("the suggestion deletes or replaces code");
  const original = before.sourceCode.text;
  if (/<script\b/i.test(original) && markup(original) !== markup(after.sourceCode.text)) {
    problems.push("the markup outside <script> changed");
  }

  // Tokens: each original token is still one token with the same text (nothing glued to it).
  const tokenAt = new Map<number, { value: string; end: number }>();
  for (const token of after.sourceCode.ast.tokens) tokenAt.set(token.range[0], { value: token.value, end: token.range[1] });
  for (const token of before.sourceCode.ast.tokens) {
    if (map.replaced(token.range)) continue;
    const mapped = map.range(token.range);
    const found = mapped && tokenAt.get(mapped[0]);
    if (!found || found.end !== mapped[1] || found.value !== token.value) {
      problems.push(`token \`${token.value}\` at ${token.range[0]} is not kept as it was`);
      break;
    }
  }

  // Nodes: each original node is still there, same type, same extent (a call statement may now
  // initialise the `const` that keeps its handle).
  const afterNodes = nodesOf(after.sourceCode);
  const afterKeys = new Set(afterNodes.map((node) => rangeKey(node.type, node.range)));
  const afterByRange = new Map(afterNodes.map((node) => [`${node.range[0]}:${node.range[1]}`, node]));
  for (const node of nodesOf(before.sourceCode)) {
    // Inside the rewritten chain: checked by running it.
    if (edits.some((edit) => edit.end > edit.start && node.range[0] >= edit.start && node.range[1] <= edit.end)) continue;
    // Text inserted right at a node's edge may belong inside it (the program, a block) or outside.
    const starts = new Set([map.map(node.range[0], "start"), map.map(node.range[0], "end")]);
    const ends = new Set([map.map(node.range[1], "end"), map.map(node.range[1], "start")]);
    const kept = [...starts].some((start) => [...ends].some((end) => start !== undefined && end !== undefined && afterKeys.has(rangeKey(node.type, [start, end]))));
    if (kept) continue;
    if (node.type === "ExpressionStatement") {
      const expression = node["expression"] as AstNode;
      const exprRange = map.range(expression.range);
      const kept = exprRange && afterByRange.get(`${exprRange[0]}:${exprRange[1]}`);
      if (kept && kept.type === expression.type && kept.parent?.type === "VariableDeclarator" && kept.parent.parent?.type === "VariableDeclaration") {
        continue;
      }
    }
    problems.push(`${node.type} at ${node.range[0]}:${node.range[1]} is not kept`);
    break;
  }

  // Names: every original reference resolves as it did; nothing is declared twice that was not.
  const defAt = (variable: Scope.Variable | null): string =>
    variable ? (variable.defs[0] ? `${variable.defs[0].name.range?.[0] ?? -1}` : `implicit:${variable.name}`) : "global";
  const afterRefs = new Map<number, Scope.Reference>();
  for (const scope of after.sourceCode.scopeManager?.scopes ?? []) {
    for (const reference of scope.references) afterRefs.set(reference.identifier.range![0], reference);
  }
  const unresolvedBefore = new Set<string>();
  for (const scope of before.sourceCode.scopeManager?.scopes ?? []) {
    for (const reference of scope.references) {
      if (!reference.resolved) unresolvedBefore.add(reference.identifier.name);
      const range = reference.identifier.range!;
      if (map.replaced(range)) continue;
      const mapped = map.range(range);
      const now = mapped && afterRefs.get(mapped[0]);
      if (!now) {
        problems.push(`the reference to \`${reference.identifier.name}\` at ${range[0]} is gone`);
        continue;
      }
      const declared = reference.resolved?.defs[0]?.name.range;
      const was = declared ? map.range(declared) : undefined;
      const expected = was ? `${was[0]}` : defAt(reference.resolved);
      if (defAt(now.resolved) !== expected) {
        problems.push(`\`${reference.identifier.name}\` at ${range[0]} now resolves to another declaration`);
      }
    }
  }
  const twins = (lintResult: Lint): number =>
    (lintResult.sourceCode.scopeManager?.scopes ?? []).reduce(
      (sum, scope) => sum + scope.variables.filter((variable) => variable.defs.length > 1).length,
      0,
    );
  if (twins(after) > twins(before)) problems.push("a name is now declared twice in one scope");
  for (const [start, reference] of afterRefs) {
    if (!map.written([start, reference.identifier.range![1]])) continue;
    const name = reference.identifier.name;
    if (!reference.resolved && !RELEASE_GLOBALS.has(name) && !unresolvedBefore.has(name)) {
      problems.push(`the added \`${name}\` resolves to nothing`);
    }
  }
  return problems;
}

/**
 * A cleanup the suggestion returns must be returned whenever the resource is held: not from an
 * `async` function (whose caller gets a promise), and not after a bare `return;` or an uncaught
 * `throw` that can run once the resource is acquired (later in the body, or in the same loop).
 */
function skippedCleanups(after: Lint, map: OffsetMap, acquired: Range): string[] {
  const problems: string[] = [];
  const at = map.range(acquired);
  if (!at) return problems;
  const isFunction = (node: AstNode): boolean => /^(ArrowFunctionExpression|FunctionExpression|FunctionDeclaration)$/.test(node.type);
  const isLoop = (node: AstNode): boolean => /^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(node.type);
  const keys = after.sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const children = (node: AstNode): AstNode[] =>
    (keys[node.type] ?? []).flatMap((key) => {
      const value = node[key];
      return (Array.isArray(value) ? (value as unknown[]) : [value]).filter(
        (item): item is AstNode => !!item && typeof item === "object" && typeof (item as AstNode).type === "string",
      );
    });
  for (const added of nodesOf(after.sourceCode)) {
    if (added.type !== "ReturnStatement" || !added["argument"] || !map.written(added.range)) continue;
    let fn = added.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    if (!fn) continue;
    if (fn["async"] === true) {
      problems.push("the cleanup is returned from an async function");
      continue;
    }
    const visit = (node: AstNode, loops: AstNode[], caught: boolean): void => {
      if (node !== fn && isFunction(node)) return;
      const exits = (node.type === "ReturnStatement" && !node["argument"]) || (node.type === "ThrowStatement" && !caught);
      if (exits && (node.range[0] >= at[1] || loops.some((loop) => loop.range[0] <= at[0] && at[1] <= loop.range[1]))) {
        problems.push(`the ${node.type === "ReturnStatement" ? "return" : "throw"} at ${node.range[0]} leaves before the cleanup is returned`);
      }
      const inLoops = isLoop(node) ? [...loops, node] : loops;
      for (const child of children(node)) {
        visit(child, inLoops, caught || (node.type === "TryStatement" && child === node["block"] && !!node["handler"]));
      }
    };
    visit(fn, [], false);
  }
  return problems;
}

// --- the round trip -----------------------------------------------------------------------

export interface Verdict {
  label: string;
  rule: string;
  messageId: string;
  suggestion: string;
  problems: string[];
  output: string;
}

const sameFinding = (a: Report, b: Report, map: OffsetMap): boolean => {
  const mapped = map.range(a.range);
  return a.ruleId === b.ruleId && a.messageId === b.messageId && !!mapped && mapped[0] === b.range[0] && mapped[1] === b.range[1];
};

/** Applies one offered suggestion and checks the result. */
export function roundTrip(item: Offered): Verdict {
  const { target, report } = item;
  const suggestion = report.suggestions[item.index]!;
  const output = applyEdits(target.code, suggestion.edits);
  const map = new OffsetMap(suggestion.edits);
  const problems: string[] = [];
  const verdict = (): Verdict => ({
    label: target.label,
    rule: report.ruleId,
    messageId: report.messageId,
    suggestion: suggestion.messageId,
    problems,
    output,
  });

  for (const [name, rules] of [
    ["its rule", item.rules],
    ["all rules", ALL_RULES],
  ] as const) {
    const before = lint(target, target.code, rules);
    const after = lint(target, output, rules);
    const fatal = after.messages.find((message) => message.fatal || message.ruleId === null);
    if (fatal) {
      problems.push(`the result does not parse: ${fatal.line}:${fatal.column} ${fatal.message}`);
      return verdict();
    }
    const mapped = map.range(report.range);
    const left = after.reports.find(
      (r) => r.ruleId === report.ruleId && mapped !== undefined && r.range[0] === mapped[0] && r.range[1] === mapped[1],
    );
    if (left) problems.push(`${name}: the finding is still reported (${left.messageId})`);
    for (const now of after.reports) {
      if (now === left) continue;
      if (!before.reports.some((was) => sameFinding(was, now, map))) {
        problems.push(`${name}: new finding ${now.ruleId} ${now.messageId} at ${now.range[0]}`);
      }
    }
    if (name === "its rule") {
      problems.push(...meaningProblems(before, after, map, suggestion.messageId === "usePipeline"));
      problems.push(...skippedCleanups(after, map, report.range));
    }
  }
  return verdict();
}

// --- parsers by file name -----------------------------------------------------------------

/** The language options a file of this name is linted with (as the `leakproof` CLI does). */
export function languageOptionsFor(filename: string): Linter.LanguageOptions {
  if (filename.endsWith(".vue")) {
    return { parser: vueParser, parserOptions: { parser: tsParser, sourceType: "module", ecmaVersion: "latest" } };
  }
  if (filename.endsWith(".svelte")) return { parser: svelteParser, parserOptions: { parser: tsParser } };
  if (/\.[cm]?tsx?$/.test(filename)) {
    return { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } };
  }
  return {
    ecmaVersion: "latest",
    sourceType: filename.endsWith(".cjs") ? "commonjs" : "module",
    parserOptions: { ecmaFeatures: { jsx: true } },
  };
}
