/**
 * One walk per file, shared by every analysis: all nodes in source (pre)order.
 * Analyses that look for nodes of a few types iterate this array instead of walking
 * the tree again, so a file is traversed once however many rules are on.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import { type FunctionNode, type Node, contains, enclosingFunction } from "./index.js";
import { ByPosition } from "./positions.js";
import { pushTo } from "../util/maps.js";
import { walk } from "./walk.js";

const cache = new WeakMap<object, readonly Node[]>();

/** A step of ESLint's traversal (`SourceCode#traverse()`, the language API of ESLint 9 and 10). */
interface TraversalStep {
  kind: number;
  phase?: number;
  target: unknown;
}

/** Every node of the file, parents before children, in source order. */
export function allNodes(sourceCode: Readonly<TSESLint.SourceCode>): readonly Node[] {
  let nodes = cache.get(sourceCode.ast);
  if (!nodes) {
    nodes = enteredNodes(sourceCode) ?? walkedNodes(sourceCode);
    cache.set(sourceCode.ast, nodes);
  }
  return nodes;
}

/**
 * The nodes ESLint's own traversal entered. ESLint walks the same visitor keys in the same
 * order before it runs any rule and keeps the steps, so reading them back costs a pass over an
 * array instead of a second walk of the tree, the largest single cost of building the engine.
 */
function enteredNodes(sourceCode: Readonly<TSESLint.SourceCode>): Node[] | undefined {
  const traverse = (sourceCode as { traverse?: () => Iterable<TraversalStep> }).traverse;
  if (typeof traverse !== "function") return undefined;
  const steps = traverse.call(sourceCode);
  if (!Array.isArray(steps)) return undefined;
  const out: Node[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as TraversalStep;
    // kind 1: a node visited (kind 2: a code path event); phase 1: entering it.
    if (step.kind === 1 && step.phase === 1) out.push(step.target as Node);
  }
  return out[0] === sourceCode.ast ? out : undefined;
}

function walkedNodes(sourceCode: Readonly<TSESLint.SourceCode>): Node[] {
  const out: Node[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    out.push(node);
  });
  return out;
}

/** Calls `visit` for every node of the file, in source order (no pruning). */
export function forEachNode(sourceCode: Readonly<TSESLint.SourceCode>, visit: (node: Node) => void): void {
  const nodes = allNodes(sourceCode);
  for (let i = 0; i < nodes.length; i++) visit(nodes[i]!);
}

/**
 * The node types analyses ask `forEachNodeOf`, `someNodeOf`, `nodesInside` and `ownNodesOf`
 * for, declared by each analysis when its module loads (`indexedTypes`). A file's type index
 * lists only these: pushing the position of every node of the file into a list, for the many
 * types nobody asks about, cost more than the rest of the pass (issue 12 §2).
 */
const INDEXED = new Set<string>();

/** Declares node types an analysis will ask the index for (at module level); returns them. */
export function indexedTypes(types: readonly string[]): readonly string[] {
  for (const type of types) INDEXED.add(type);
  return types;
}

/** `indexedTypes` for one type. */
export function indexedType(type: string): string {
  INDEXED.add(type);
  return type;
}

const typeCache = new WeakMap<object, Map<string, number[]>>();

/**
 * Per node type, the positions in `allNodes` of the nodes of that type, in order. The declared
 * types are indexed by one pass on first use: an analysis that wants calls and assignments
 * reads those two lists instead of testing every node of the file, so the file's nodes are
 * walked twice in all (the steps, then this), not once per analysis. On a large file each pass
 * over every node is mostly memory traffic, the cost that grows fastest with the file's size
 * (issue 12 §2). A type nobody declared gets a pass of its own when first asked for.
 */
function positionsOf(sourceCode: Readonly<TSESLint.SourceCode>, type: string): number[] {
  let index = typeCache.get(sourceCode.ast);
  if (!index) {
    index = new Map();
    for (const declared of INDEXED) index.set(declared, []);
    const nodes = allNodes(sourceCode);
    for (let i = 0; i < nodes.length; i++) {
      // One lookup per node; `undefined` for a type not declared.
      index.get(nodes[i]!.type)?.push(i);
    }
    typeCache.set(sourceCode.ast, index);
  }
  let list = index.get(type);
  if (!list) {
    list = [];
    const nodes = allNodes(sourceCode);
    for (let i = 0; i < nodes.length; i++) if (nodes[i]!.type === type) list.push(i);
    index.set(type, list);
  }
  return list;
}

/**
 * Calls `visit` for every node of one of `types`, in source order (parents before children),
 * exactly as `forEachNode` filtered by type would.
 */
export function forEachNodeOf(sourceCode: Readonly<TSESLint.SourceCode>, types: readonly string[], visit: (node: Node) => void): void {
  const nodes = allNodes(sourceCode);
  const lists: number[][] = [];
  for (const type of new Set(types)) {
    const list = positionsOf(sourceCode, type);
    if (list.length > 0) lists.push(list);
  }
  if (lists.length === 1) {
    const [list] = lists as [number[]];
    for (let i = 0; i < list.length; i++) visit(nodes[list[i]!]!);
    return;
  }
  // A merge of the lists by position: the few types an analysis asks for, one step each.
  const at = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    let position = Infinity;
    for (let k = 0; k < lists.length; k++) {
      const next = lists[k]![at[k]!];
      if (next !== undefined && next < position) {
        position = next;
        pick = k;
      }
    }
    if (pick < 0) return;
    at[pick] = at[pick]! + 1;
    visit(nodes[position]!);
  }
}

/** Whether some node of `type` passes `test` (stops at the first that does; source order). */
export function someNodeOf(sourceCode: Readonly<TSESLint.SourceCode>, type: string, test: (node: Node) => boolean): boolean {
  const nodes = allNodes(sourceCode);
  const list = positionsOf(sourceCode, type);
  for (let i = 0; i < list.length; i++) if (test(nodes[list[i]!]!)) return true;
  return false;
}

/**
 * What `build` makes of a file's nodes of one type, made once per file and type: `cache` is a
 * module-level table next to the one function that uses it.
 */
function perType<V>(cache: WeakMap<object, Map<string, V>>, sourceCode: Readonly<TSESLint.SourceCode>, type: string, build: () => V): V {
  let byType = cache.get(sourceCode.ast);
  if (!byType) {
    byType = new Map();
    cache.set(sourceCode.ast, byType);
  }
  let value = byType.get(type);
  if (value === undefined) {
    value = build();
    byType.set(type, value);
  }
  return value;
}

const positionCache = new WeakMap<object, Map<string, ByPosition<Node>>>();

/**
 * The nodes of `type` inside `root` (`root` itself included), in source order, parents before
 * children: what a walk of `root` collecting that type finds, without the walk. Answered from
 * the file's nodes of that type by position (indexed on first use), so asking it of a function
 * that holds most of a large file costs what it finds, not a pass over every node of the
 * function, a pass that misses the CPU's cache on every node of a large file (issue 12 §2).
 */
export function nodesInside(sourceCode: Readonly<TSESLint.SourceCode>, type: string, root: Node): Node[] {
  const index = perType(positionCache, sourceCode, type, () => {
    const nodes: Node[] = [];
    forEachNodeOf(sourceCode, [type], (node) => {
      nodes.push(node);
    });
    return new ByPosition(nodes, (node) => node);
  });
  return index.inside(root);
}

/**
 * Nodes grouped by the function they belong to (those in no function are left out), so that
 * `own(fn)` answers what a walk of `fn`'s body that stops at nested functions finds among them.
 */
export class ByFunction {
  private readonly groups = new Map<Node, Node[]>();

  add(node: Node): void {
    const owner = enclosingFunction(node);
    if (owner) pushTo(this.groups, owner, node);
  }

  /** `fn`'s own nodes, in the order added. */
  own(fn: FunctionNode): Node[] {
    // A default parameter value belongs to the function too, but is not in its body.
    return (this.groups.get(fn) ?? []).filter((node) => contains(fn.body, node));
  }
}

const ownCache = new WeakMap<object, Map<string, ByFunction>>();

/**
 * The nodes of `type` in `fn`'s body that belong to `fn` itself, not to a function nested in
 * it, in source order: what a walk of the body that stops at nested functions finds. Grouped by
 * enclosing function once per file and type, for the same reason as `nodesInside` (and so a
 * nest of functions is not walked once per level).
 */
export function ownNodesOf(sourceCode: Readonly<TSESLint.SourceCode>, type: string, fn: FunctionNode): Node[] {
  const byFunction = perType(ownCache, sourceCode, type, () => {
    const grouped = new ByFunction();
    forEachNodeOf(sourceCode, [type], (node) => grouped.add(node));
    return grouped;
  });
  return byFunction.own(fn);
}
