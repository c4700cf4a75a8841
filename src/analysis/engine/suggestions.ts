/**
 * Suggestion builders shared by the families. A suggestion is only offered where its result
 * is valid code that still does what the original did: names it adds come from the scope
 * manager, names it copies must mean the same where they land, and a cleanup is only added
 * where every path through the setup returns it.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import { type FunctionNode, type Node, isClass, isFunction, returnedValues } from "../../ast/index.js";
import { nearestAncestor } from "../../ast/ancestors.js";
import type { EngineContext } from "./context.js";
import { moduleBinding } from "./refs.js";
import type { Finding, SuggestionSpec } from "./model.js";

type Scope = TSESLint.Scope.Scope;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * What a family can offer on a finding in an effect: the suggestion, or why a cleanup added
 * at the end of the setup would not be right (the finding then says so and offers nothing).
 */
export interface CleanupOffer {
  suggest?: SuggestionSpec[];
  reason?: string;
}

/**
 * The finding with its cleanup offer: the suggestion, or — when a cleanup cannot simply be
 * added — the rule's `manualMessageId` variant of the message, which names the reason (a
 * message without a variant is kept as it is, without a suggestion).
 */
export function withCleanup(finding: Finding, offer: CleanupOffer | undefined, manualMessageId: string | undefined): Finding {
  if (offer?.suggest) return { ...finding, suggest: offer.suggest };
  if (offer?.reason && manualMessageId) return { ...finding, messageId: manualMessageId, data: { ...finding.data, reason: offer.reason } };
  return finding;
}

/**
 * A suggestion that adds `return () => <cleanup>` at the end of an effect setup that has no
 * cleanup yet, for the resource acquired at `acquisition`. Offered only when the setup body is
 * a block that returns nothing, so the result is valid and changes nothing but the cleanup;
 * refused with a reason when the setup is `async` (its return value is a promise) or can leave
 * early — a bare `return;` or a `throw` — once the resource is held.
 */
export function appendCleanupSuggestion(
  ctx: EngineContext,
  setup: FunctionNode,
  acquisition: Node,
  cleanupStatement: string,
  messageId: string,
  data: Record<string, string>,
  extra?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix,
): CleanupOffer | undefined {
  // Vue, Solid, Angular setups ignore what their callback returns.
  const owner = ctx.lifecycles.effectOwner(setup);
  if (owner?.type === "effect" && owner.returnsCleanup === false) return undefined;
  if (setup.async) {
    return {
      reason:
        "this setup is `async`, so it returns a promise and a cleanup returned through it is never called; start the async work from a synchronous setup and return the cleanup from that",
    };
  }
  if (setup.generator || setup.body.type !== T.BlockStatement || returnedValues(setup).length > 0) return undefined;
  const exit = earlyExit(setup, acquisition);
  if (exit) {
    const what = exit.type === T.ReturnStatement ? "`return`" : "`throw`";
    return {
      reason: `the setup can leave through the ${what} on line ${exit.loc.start.line} while the resource is held, and a cleanup added at its end would not be returned on that path`,
    };
  }
  const last = setup.body.body[setup.body.body.length - 1];
  if (!last) return undefined;
  const indent = " ".repeat(last.loc.start.column);
  // After a comment that ends the last statement's line, so the comment stays with its statement.
  const trailing = ctx.sourceCode.getCommentsAfter(last).find((comment) => comment.loc.start.line === last.loc.end.line);
  const end = trailing?.range ?? last.range;
  return {
    suggest: [
      {
        messageId,
        data,
        fix: (fixer) => {
          const fixes = [fixer.insertTextAfterRange(end, `\n${indent}return () => {\n${indent}  ${cleanupStatement}\n${indent}};`)];
          if (extra) fixes.unshift(extra(fixer));
          return fixes;
        },
      },
    ],
  };
}

/**
 * A bare `return;` or a `throw` of the setup (not of a function inside it) that can run after
 * the acquisition: it comes later in the body, or shares a loop with it. A `throw` caught by a
 * `try` of the setup does not leave it.
 */
function earlyExit(setup: FunctionNode, acquisition: Node): TSESTree.ReturnStatement | TSESTree.ThrowStatement | undefined {
  let found: TSESTree.ReturnStatement | TSESTree.ThrowStatement | undefined;
  const visit = (node: Node, loops: Node[], caught: boolean): void => {
    if (found) return;
    if (node !== setup && (isFunction(node) || isClass(node))) return;
    if ((node.type === T.ReturnStatement && !node.argument) || (node.type === T.ThrowStatement && !caught)) {
      const after = node.range[0] >= acquisition.range[1] || loops.some((loop) => loop.range[0] <= acquisition.range[0] && acquisition.range[1] <= loop.range[1]);
      if (after) found = node;
      return;
    }
    const loop = isLoop(node) ? [...loops, node] : loops;
    for (const child of childNodes(node)) {
      const inTry = node.type === T.TryStatement && child === node.block && node.handler !== null;
      visit(child, loop, caught || inTry);
    }
  };
  visit(setup.body, [], false);
  return found;
}

function isLoop(node: Node): boolean {
  return (
    node.type === T.ForStatement ||
    node.type === T.ForInStatement ||
    node.type === T.ForOfStatement ||
    node.type === T.WhileStatement ||
    node.type === T.DoWhileStatement
  );
}

function childNodes(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of Object.keys(node)) {
    if (key === "parent") continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item && typeof item === "object" && typeof (item as { type?: unknown }).type === "string") out.push(item as Node);
    }
  }
  return out;
}

/** The scope a function's body declares its own names in. */
function functionScope(sourceCode: SourceCode, fn: FunctionNode): Scope | undefined {
  return sourceCode.scopeManager?.acquire(fn, true) ?? undefined;
}

/**
 * A name for a new `const` at the top of `fn`'s body, taken from the scope manager, which
 * reads escaped identifiers (`\u0074imer`) by their meaning: not declared in `fn` or any scope
 * inside or around it, and not read by `fn` from outside (a global or an outer variable
 * would be shadowed).
 */
export function freshName(ctx: EngineContext, fn: FunctionNode, base: string): string {
  const scope = functionScope(ctx.sourceCode, fn);
  const taken = new Set<string>();
  if (scope) {
    const inner: Scope[] = [scope];
    for (let i = 0; i < inner.length; i++) {
      const current = inner[i]!;
      for (const name of current.set.keys()) taken.add(name);
      inner.push(...current.childScopes);
    }
    for (const reference of scope.through) taken.add(reference.identifier.name);
    for (let outer = scope.upper; outer; outer = outer.upper) {
      for (const name of outer.set.keys()) taken.add(name);
    }
  }
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : `${base}${i + 1}`;
    if (!taken.has(name)) return name;
  }
}

/** The variable `name` denotes at the top level of `fn`'s body (undefined: a global). */
function resolveIn(sourceCode: SourceCode, fn: FunctionNode, name: string): TSESLint.Scope.Variable | undefined {
  for (let scope: Scope | null | undefined = functionScope(sourceCode, fn); scope; scope = scope.upper) {
    const found = scope.set.get(name);
    if (found) return found.defs.length > 0 ? found : undefined;
  }
  return undefined;
}

/**
 * Whether `name`, written at the top level of `fn`'s body, is the global of that name or the
 * export of that name imported (or required) from one of `modules` (`clearInterval` from
 * `node:timers`).
 */
export function isGlobalIn(ctx: EngineContext, fn: FunctionNode, name: string, modules: readonly string[] = []): boolean {
  const variable = resolveIn(ctx.sourceCode, fn, name);
  if (!variable) return true;
  const id = variable.defs[0]?.name;
  const binding = id?.type === T.Identifier ? moduleBinding(ctx.refs, id) : undefined;
  return !!binding && binding.imported === name && modules.includes(binding.module);
}

/**
 * Whether the text of `nodes`, copied to the top level of `fn`'s body, means what it means
 * where it is: each identifier it reads denotes the same variable there (a handler declared
 * in a block of the setup is not visible at its end), and `this` is the same `this`.
 */
export function meansTheSameIn(ctx: EngineContext, fn: FunctionNode, nodes: readonly Node[]): boolean {
  const fnThis = thisOwnerOf(fn.body);
  const check = (node: Node): boolean => {
    if (isFunction(node) || isClass(node)) return false;
    switch (node.type) {
      case T.Identifier:
        return ctx.refs.variable(node) === resolveIn(ctx.sourceCode, fn, node.name);
      case T.ThisExpression:
        return thisOwnerOf(node) === fnThis;
      case T.MemberExpression:
        return check(node.object) && (!node.computed || check(node.property));
      case T.Property:
        return (!node.computed || check(node.key)) && check(node.value);
      default:
        return childNodes(node).every(check);
    }
  };
  return nodes.every(check);
}

/**
 * The function whose `this` a node sees (arrows see their parent's), or undefined at top level.
 * Memoised: asked for every `this` in every offered cleanup.
 */
const thisOwnerOf = nearestAncestor((node) => (isFunction(node) && node.type !== T.ArrowFunctionExpression) || isClass(node));

// --- where an import goes -----------------------------------------------------------------

/** One script of the file: the whole program, or the content of a Vue or Svelte `<script>`. */
export interface ScriptBlock {
  statements: TSESTree.ProgramStatement[];
  /** The offset where the block's code begins (after `<script ...>`). */
  start: number;
}

interface SvelteScript {
  type: "SvelteScriptElement";
  range: [number, number];
  body: TSESTree.ProgramStatement[];
  startTag: { range: [number, number] };
}

interface VueElement {
  type: string;
  name?: string;
  range: [number, number];
  startTag?: { range: [number, number] };
  endTag?: { range: [number, number] } | null;
  children?: VueElement[];
}

/**
 * The script that holds `node`: Svelte keeps each `<script>`'s statements in its element,
 * Vue puts the statements of `<script>` and `<script setup>` side by side in the program.
 * Undefined when `node` is in no script (a Svelte template expression).
 */
export function scriptBlockOf(sourceCode: SourceCode, node: Node): ScriptBlock | undefined {
  const { blocks, whole } = scriptBlocks(sourceCode);
  if (whole) return whole;
  return blocks.find(({ range }) => range[0] <= node.range[0] && node.range[1] <= range[1])?.block;
}

interface ScriptBlocks {
  /** The scripts of a Svelte or Vue file, with the range a node must lie in to belong to each. */
  blocks: { range: [number, number]; block: ScriptBlock }[];
  /** A plain file's one script: the program. */
  whole?: ScriptBlock;
}

const blockCache = new WeakMap<object, ScriptBlocks>();

/**
 * The file's scripts, worked out once per file: asked for every suggestion that adds an import,
 * and looking through the program's statements each time made n of them cost n².
 */
function scriptBlocks(sourceCode: SourceCode): ScriptBlocks {
  const program = sourceCode.ast;
  const cached = blockCache.get(program);
  if (cached) return cached;
  let result: ScriptBlocks;
  const body = program.body as unknown as { type: string }[];
  const services = sourceCode.parserServices as { getDocumentFragment?: () => VueElement | null } | undefined;
  if (body.some((statement) => statement.type === "SvelteScriptElement")) {
    const scripts = (body as unknown as SvelteScript[]).filter((statement) => statement.type === "SvelteScriptElement");
    result = { blocks: scripts.map((script) => ({ range: script.range, block: { statements: script.body, start: script.startTag.range[1] } })) };
  } else {
    const fragment = typeof services?.getDocumentFragment === "function" ? services.getDocumentFragment() : null;
    if (fragment) {
      const blocks: ScriptBlocks["blocks"] = [];
      for (const child of fragment.children ?? []) {
        if (child.type !== "VElement" || child.name !== "script" || !child.startTag || !child.endTag) continue;
        const [start, end] = [child.startTag.range[1], child.endTag.range[0]];
        blocks.push({ range: [start, end], block: { statements: program.body.filter((statement) => start <= statement.range[0] && statement.range[1] <= end), start } });
      }
      result = { blocks };
    } else {
      result = { blocks: [], whole: { statements: program.body, start: 0 } };
    }
  }
  blockCache.set(program, result);
  return result;
}

/**
 * Inserts `statement` after the last of `anchors` (on a line of its own, indented alike), or
 * at the top of the block: after its directives (`"use strict"`), else before its first
 * statement. A statement written without `;` gets one when the next line would continue it
 * (a next statement that starts with `(`, `[`, a template, `+`, `-` or `/`).
 */
export function insertStatement(
  sourceCode: SourceCode,
  block: ScriptBlock,
  anchors: readonly Node[],
  statement: string,
): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  const indentOf = (node: Node): string => " ".repeat(node.loc.start.column);
  const statements = block.statements as Node[];
  let after: Node | undefined = anchors[anchors.length - 1];
  if (!after) {
    for (const current of block.statements) {
      if (current.type === T.ExpressionStatement && current.directive !== undefined) after = current;
      else break;
    }
  }
  const next = after ? statements[statements.indexOf(after) + 1] : statements[0];
  const text = !statement.endsWith(";") && next && /^[([`+\-/]/.test(sourceCode.getText(next)) ? `${statement};` : statement;
  if (after) {
    const anchor = after;
    return (fixer) => fixer.insertTextAfter(anchor, `\n${indentOf(anchor)}${text}`);
  }
  if (next) return (fixer) => fixer.insertTextBefore(next, `${text}\n${indentOf(next)}`);
  return (fixer) => fixer.insertTextAfterRange([block.start, block.start], `\n${text}\n`);
}
