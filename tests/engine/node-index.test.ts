/**
 * The engine's shared views of a file's nodes (issue 12 §2): `forEachNodeOf` must visit exactly
 * the nodes a filtered `forEachNode` visits, in the same order, for any set of types; and
 * `foldAncestors`, which keeps only some answers, must answer every node as a plain walk up the
 * parent chain would, whatever order the nodes are asked in.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { allNodes, forEachNode, forEachNodeOf } from "../../src/analysis/engine/node-index.js";
import { type AncestorFold, foldAncestors } from "../../src/ast/ancestors.js";

type Node = TSESTree.Node;

/** The SourceCode ESLint builds for `code` (parsed as TSX), with its traversal done. */
function sourceCodeOf(code: string): Readonly<TSESLint.SourceCode> {
  let captured: Readonly<TSESLint.SourceCode> | undefined;
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.tsx"],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { probe: { rules: { capture: { create: (context) => ({ Program: () => void (captured = context.sourceCode as never) }) } } } },
        rules: { "probe/capture": "error" },
      },
    ],
    { filename: "x.tsx" },
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return captured!;
}

const fixtureRoot = path.join(import.meta.dirname, "../fixtures");
const samples = readdirSync(fixtureRoot, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.(js|ts)$/.test(file) && !file.includes("node_modules"))
  .sort()
  .slice(0, 40)
  .map((file) => readFileSync(path.join(fixtureRoot, file), "utf8"));

const DEEP = `${"function f() { if (a) { g(() => { ".repeat(60)}x = new Map(); x.set(1, 2);${" }); } }".repeat(60)}`;

const TYPE_SETS: string[][] = [
  ["CallExpression"],
  ["CallExpression", "NewExpression"],
  ["AssignmentExpression", "CallExpression", "VariableDeclarator"],
  ["MemberExpression", "CallExpression", "ReturnStatement", "ArrowFunctionExpression", "ClassDeclaration"],
  ["NoSuchType", "Identifier"],
  ["CallExpression", "CallExpression"],
];

describe("forEachNodeOf", () => {
  it("has fixtures to read", () => expect(samples.length).toBeGreaterThan(10));

  for (const [name, code] of [["deep nest", DEEP], ...samples.map((text, i) => [`fixture ${i}`, text] as const)]) {
    it(`visits what a filtered walk visits, in order: ${name}`, () => {
      const sourceCode = sourceCodeOf(code);
      for (const types of TYPE_SETS) {
        const expected: Node[] = [];
        forEachNode(sourceCode, (node) => {
          if (types.includes(node.type)) expected.push(node);
        });
        const seen: Node[] = [];
        forEachNodeOf(sourceCode, types, (node) => seen.push(node));
        expect(seen.length).toBe(expected.length);
        expect(seen.every((node, i) => node === expected[i])).toBe(true);
      }
    });
  }
});

describe("foldAncestors", () => {
  // Depth in functions, and the nearest enclosing function (a boundary), as two folds.
  const depthFold: AncestorFold<number> = {
    boundary: () => undefined,
    extend: (parent, _child, above) => above + (parent.type.includes("Function") ? 1 : 0),
    root: 0,
  };
  const functionFold: AncestorFold<Node | null> = { boundary: (parent) => (parent.type.includes("Function") ? parent : undefined), root: null };
  const naiveDepth = (node: Node): number => {
    let depth = 0;
    for (let current = node.parent; current; current = current.parent) if (current.type.includes("Function")) depth++;
    return depth;
  };
  const naiveFunction = (node: Node): Node | null => {
    for (let current = node.parent; current; current = current.parent) if (current.type.includes("Function")) return current;
    return null;
  };

  for (const [name, code] of [["deep nest", DEEP], ["fixture 0", samples[0]!], ["fixture 7", samples[7]!]] as const) {
    for (const order of ["source", "reverse", "interleaved"] as const) {
      it(`answers as a plain walk would (${name}, ${order} order)`, () => {
        const nodes = [...allNodes(sourceCodeOf(code))];
        if (order === "reverse") nodes.reverse();
        if (order === "interleaved") nodes.sort((a, b) => (a.range[0] % 7) - (b.range[0] % 7) || a.range[0] - b.range[0]);
        const depths = new WeakMap<Node, number>();
        const functions = new WeakMap<Node, Node | null>();
        for (const node of nodes) {
          expect(foldAncestors(node, depthFold, depths)).toBe(naiveDepth(node));
          expect(foldAncestors(node, functionFold, functions)).toBe(naiveFunction(node));
        }
        // Asked again: the same answers (from what was kept, or by walking).
        for (const node of nodes) expect(foldAncestors(node, depthFold, depths)).toBe(naiveDepth(node));
      });
    }
  }
});
