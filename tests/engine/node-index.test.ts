/**
 * The engine's shared views of a file's nodes (issue 12 §2): `forEachNodeOf` must visit exactly
 * the nodes a filtered `forEachNode` visits, in the same order, for any set of types;
 * `foldAncestors`, which keeps only some answers, must answer every node as a plain walk up the
 * parent chain would, whatever order the nodes are asked in; `nodesInside` and `ownNodesOf` must
 * find what a walk of a function's body finds; `ByPosition` must order what it is given; and
 * `scopeOf`, which asks ESLint of an ancestor, must answer what `getScope` answers of the node.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import tsParser from "@typescript-eslint/parser";
import svelteParser from "svelte-eslint-parser";
import vueParser from "vue-eslint-parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { allNodes, forEachNode, forEachNodeOf, indexedTypes, nodesInside, ownNodesOf, someNodeOf } from "../../src/ast/node-index.js";
import { type AncestorFold, foldAncestors } from "../../src/ast/ancestors.js";
import { type FunctionNode, isFunction } from "../../src/ast/index.js";
import { ByPosition } from "../../src/ast/positions.js";
import { scopeOf } from "../../src/ast/scope.js";
import { walk } from "../../src/ast/walk.js";

type Node = TSESTree.Node;

/** The SourceCode ESLint builds for `code` (parsed as TSX, or as a Svelte or Vue component), with its traversal done. */
function sourceCodeOf(code: string, filename = "x.tsx"): Readonly<TSESLint.SourceCode> {
  let captured: Readonly<TSESLint.SourceCode> | undefined;
  const linter = new Linter({ configType: "flat" });
  const parser = filename.endsWith(".svelte") ? svelteParser : filename.endsWith(".vue") ? vueParser : tsParser;
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.tsx", "**/*.svelte", "**/*.vue"],
        languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { probe: { rules: { capture: { create: (context) => ({ Program: () => void (captured = context.sourceCode as never) }) } } } },
        rules: { "probe/capture": "error" },
      },
    ],
    { filename },
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

// Some types declared (indexed by the shared pass), the others not (a pass of their own when
// first asked for): the sets below mix both, so both paths and their merge are checked.
indexedTypes(["CallExpression", "ReturnStatement", "ClassDeclaration"]);

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
    it(`someNodeOf asks of each node of a type in order, and stops at the first yes: ${name}`, () => {
      const sourceCode = sourceCodeOf(code);
      for (const type of new Set(TYPE_SETS.flat())) {
        const expected: Node[] = [];
        forEachNode(sourceCode, (node) => {
          if (node.type === type) expected.push(node);
        });
        const asked: Node[] = [];
        expect(someNodeOf(sourceCode, type, (node) => (asked.push(node), false))).toBe(false);
        expect(asked.length === expected.length && asked.every((node, i) => node === expected[i])).toBe(true);
        const middle = expected[expected.length >> 1];
        let calls = 0;
        expect(someNodeOf(sourceCode, type, (node) => (calls++, node === middle))).toBe(middle !== undefined);
        expect(calls).toBe(middle === undefined ? 0 : (expected.length >> 1) + 1);
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

/** Every function node of a file. */
const functionsOf = (sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode[] =>
  allNodes(sourceCode).filter((node): node is FunctionNode => isFunction(node));

/** What a walk of `root` finds of `type`, stopping at nested functions when `own`. */
function walked(sourceCode: Readonly<TSESLint.SourceCode>, root: Node, type: string, own: boolean): Node[] {
  const out: Node[] = [];
  walk(root, sourceCode.visitorKeys, (node) => {
    if (own && isFunction(node)) return false;
    if (node.type === type) out.push(node);
    return true;
  });
  return out;
}

const EDGES = `
class A { field = f(() => g()); static s = h(); #p = (this.x = 1); m(a = d(), b = (x = 2)) { k(); return () => l(); } }
function outer(x = init()) { const inner = function named() { named(); y = 1; }; z = 2; class B { v = w(); } return q()(r()); }
const arrow = (p = u()) => v(() => (s = 3));
a?.b(c()).d();
`;

describe("nodesInside and ownNodesOf", () => {
  for (const [name, code] of [["edges", EDGES], ["deep nest", DEEP], ...samples.slice(0, 20).map((text, i) => [`fixture ${i}`, text] as const)]) {
    it(`find what a walk of each function's body finds, in order: ${name}`, () => {
      const sourceCode = sourceCodeOf(code);
      const functions = functionsOf(sourceCode);
      if (!name.startsWith("fixture")) expect(functions.length).toBeGreaterThan(5);
      for (const fn of functions) {
        for (const type of ["CallExpression", "AssignmentExpression"]) {
          expect(nodesInside(sourceCode, type, fn.body)).toEqual(walked(sourceCode, fn.body, type, false));
          expect(ownNodesOf(sourceCode, type, fn)).toEqual(walked(sourceCode, fn.body, type, true));
        }
      }
    });
  }
});

describe("ByPosition", () => {
  it("lists nodes given out of order by position, ties in their given order", () => {
    const sourceCode = sourceCodeOf(EDGES);
    const calls = allNodes(sourceCode).filter((node) => node.type === "CallExpression");
    const items = [...calls].reverse().flatMap((node, i) => [{ node, tag: `${i}a` }, { node, tag: `${i}b` }]);
    const index = new ByPosition(items, (item) => item.node);
    const program = sourceCode.ast;
    const inside = index.inside(program);
    // A stable sort of what was given (calls that start together, `a?.b(c()).d()`, stay reversed).
    expect(inside).toEqual([...items].sort((x, y) => x.node.range[0] - y.node.range[0]));
    expect(inside.map((item) => item.node)).not.toEqual(items.map((item) => item.node));
    // Equal starts keep their given order: each node's "a" before its "b".
    for (let i = 0; i < inside.length; i += 2) expect(inside[i]!.tag.endsWith("a") && inside[i + 1]!.tag.endsWith("b")).toBe(true);
    for (const fn of functionsOf(sourceCode)) {
      expect(index.inside(fn).map((item) => item.node)).toEqual(
        inside.map((item) => item.node).filter((node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1]),
      );
      expect(index.anyInside(fn)).toBe(calls.some((node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1]));
    }
  });
});

describe("scopeOf", () => {
  const TS_EDGES = `
${EDGES}
namespace N { export const n = m(); }
enum E { A = 1 }
type T<U> = U extends string ? (x: U) => void : never;
const fe = function self() { return self; };
for (let i = 0; i < 2; i++) { try { t(i); } catch (error) { log(error); } }
switch (k) { case 1: { const blocked = 1; use(blocked); } }
label: while (w) { break label; }
export default class { static { init(this); } accessor acc = make(); }
`;
  // Template blocks that bind names (`#each`, `:then`, snippets, `let:`, `v-for`, `v-slot`) get scopes of their own.
  const SVELTE = `<script>
  import { onMount } from "svelte";
  let items = [1, 2]; let promise = load(); const f = () => g(items);
  onMount(() => { const t = setInterval(tick, 10); return () => clearInterval(t); });
  $: doubled = items.map((x) => x * 2);
</script>
{#each items as item, i (item)}<p on:click={() => pick(item, i)}>{item}</p>{:else}none{/each}
{#await promise then value}{value}{:catch error}{error.message}{/await}
{#snippet row(cell)}<td>{cell}</td>{/snippet}
<Comp let:slotted>{slotted + f()}</Comp>
{@const c = items.length}
`;
  const VUE = `<script setup>
import { onMounted, ref } from "vue";
const list = ref([]); const el = ref(null);
onMounted(() => { window.addEventListener("resize", onResize); });
function onResize() { list.value.push(el.value.clientWidth); }
</script>
<template><div v-for="(x, i) in list" :key="i" @click="pick(x)"><slot :item="x" /></div></template>
`;
  const CASES: (readonly [string, string, string?])[] = [
    ["edges", TS_EDGES],
    ["deep nest", DEEP],
    ["svelte", SVELTE, "x.svelte"],
    ["vue", VUE, "x.vue"],
    ...samples.slice(0, 20).map((text, i) => [`fixture ${i}`, text] as const),
  ];
  for (const [name, code, filename] of CASES) {
    it(`answers what ESLint's getScope answers for every node: ${name}`, () => {
      const expected = sourceCodeOf(code, filename);
      const actual = sourceCodeOf(code, filename);
      const expectedNodes = allNodes(expected);
      const actualNodes = allNodes(actual);
      expect(actualNodes.length).toBe(expectedNodes.length);
      // Scopes of two parses are compared by what they are: type, block position, depth.
      const describe = (scope: TSESLint.Scope.Scope): string => {
        let depth = 0;
        for (let up = scope.upper; up; up = up.upper) depth++;
        return `${scope.type}@${scope.block.range.join("-")}/${depth}`;
      };
      const seen = new Set<string>();
      for (let i = 0; i < actualNodes.length; i++) {
        const answer = describe(scopeOf(actual, actualNodes[i]!));
        expect(answer).toBe(describe(expected.getScope(expectedNodes[i]!)));
        seen.add(answer);
      }
      // The hand-written programs reach many scopes (template blocks included), not just one.
      if (!name.startsWith("fixture")) expect(seen.size).toBeGreaterThan(3);
    });
  }
});
