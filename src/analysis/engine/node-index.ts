/**
 * One walk per file, shared by every analysis: all nodes in source (pre)order.
 * Analyses that look for nodes of a few types iterate this array instead of walking
 * the tree again, so a file is traversed once however many rules are on.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { Node } from "../../ast/index.js";
import { walk } from "../../ast/walk.js";

const cache = new WeakMap<object, readonly Node[]>();

/** Every node of the file, parents before children, in source order. */
export function allNodes(sourceCode: Readonly<TSESLint.SourceCode>): readonly Node[] {
  let nodes = cache.get(sourceCode.ast);
  if (!nodes) {
    const out: Node[] = [];
    walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      out.push(node);
    });
    nodes = out;
    cache.set(sourceCode.ast, nodes);
  }
  return nodes;
}

/** Calls `visit` for every node of the file, in source order (no pruning). */
export function forEachNode(sourceCode: Readonly<TSESLint.SourceCode>, visit: (node: Node) => void): void {
  for (const node of allNodes(sourceCode)) visit(node);
}
