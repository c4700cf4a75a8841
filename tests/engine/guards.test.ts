/**
 * `testedKeys` reads the guards of a function from the node index and walks only their tests
 * (issue 12 §2). Its answer must be the whole-function walk's: every key read in the test of
 * an `if` or `?:`, or the left of `&&`/`||`/`??`, with the start of the outermost guard whose
 * test holds the read, for generated functions that nest guards in tests, in branches and in
 * nested functions.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { EngineContext } from "../../src/analysis/engine/context.js";
import { testedKeys } from "../../src/analysis/engine/guards.js";
import { type FunctionNode, type Node, isFunction } from "../../src/ast/index.js";
import { allNodes } from "../../src/ast/node-index.js";

function sourceCodeOf(code: string): Readonly<TSESLint.SourceCode> {
  let captured: Readonly<TSESLint.SourceCode> | undefined;
  const messages = new Linter({ configType: "flat" }).verify(code, [
    {
      languageOptions: { ecmaVersion: "latest", sourceType: "module" },
      plugins: { probe: { rules: { capture: { create: (context) => ({ Program: () => void (captured = context.sourceCode as never) }) } } } },
      rules: { "probe/capture": "error" },
    },
  ]);
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${fatal.message}\n${code}`);
  return captured!;
}

/** The reference: walk the whole body, carrying the start of the outermost guard whose test a node is in. */
function walkedKeys(ctx: EngineContext, fn: FunctionNode): Map<string, number> {
  const tests = new Map<string, number>();
  const visit = (node: Node, guardStart: number | undefined): void => {
    if (guardStart !== undefined && (node.type === "Identifier" || node.type === "MemberExpression")) {
      const key = ctx.refs.key(node);
      if (key !== undefined && guardStart < (tests.get(key) ?? Infinity)) tests.set(key, guardStart);
    }
    const guarded = node.type === "IfStatement" || node.type === "ConditionalExpression" ? node.test : node.type === "LogicalExpression" ? node.left : undefined;
    for (const name of ctx.sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[name];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as Node).type === "string") visit(child as Node, child === guarded ? (guardStart ?? node.range[0]) : guardStart);
      }
    }
  };
  visit(fn.body, undefined);
  return tests;
}

/** A function body with guards nested in tests, branches, logical chains and inner functions. */
function program(seed: number): string {
  let state = seed * 2654435761;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const names = ["a", "b", "this.t", "this.t.x", "c", "this.u"];
  const leaf = () => names[next(names.length)]!;
  const expr = (depth: number): string => {
    if (depth <= 0) return leaf();
    switch (next(6)) {
      case 0:
        return `(${expr(depth - 1)} && ${expr(depth - 1)})`;
      case 1:
        return `(${expr(depth - 1)} ? ${expr(depth - 1)} : ${expr(depth - 1)})`;
      case 2:
        return `(${expr(depth - 1)} ?? ${expr(depth - 1)})`;
      case 3:
        return `f(${expr(depth - 1)}, () => ${expr(depth - 1)})`;
      default:
        return leaf();
    }
  };
  const statement = (depth: number): string => {
    if (depth <= 0) return `${leaf()} = ${expr(1)};`;
    switch (next(4)) {
      case 0:
        return `if (${expr(depth)}) { ${statement(depth - 1)} } else { ${statement(depth - 1)} }`;
      case 1:
        return `g(function () { ${statement(depth - 1)} ${statement(depth - 1)} });`;
      case 2:
        return `x = ${expr(depth)};`;
      default:
        return `${statement(depth - 1)} ${statement(depth - 1)}`;
    }
  };
  return `let a, b, c, x;\nclass K { m() { ${statement(4)} ${statement(3)} } }\nexport const h = () => ${expr(4)};\n`;
}

describe("testedKeys", () => {
  it("gives the whole-function walk's answer for every function of 200 generated programs", () => {
    let compared = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const code = program(seed);
      const ctx = new EngineContext(sourceCodeOf(code), {});
      for (const node of allNodes(ctx.sourceCode)) {
        if (!isFunction(node)) continue;
        const expected = walkedKeys(ctx, node);
        expect(Object.fromEntries(testedKeys(ctx, node)), code).toEqual(Object.fromEntries(expected));
        if (expected.size > 0) compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
