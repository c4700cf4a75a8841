/**
 * Memoised facts about a node's ancestors (issue 12 §2).
 *
 * The analysers ask, for every acquisition, release and call, questions such as "which function
 * is this in?", "is there a loop between here and the owner?", "is this at module level?". Each
 * is a walk up the parent chain, so in code nested d levels deep n such questions cost n·d steps:
 * a file of nested callbacks, loops or blocks goes quadratic. Here a question is a fold over the
 * parent chain whose answer is kept for every node it passes, so the next question from any node
 * below stops at the first node already answered, and a file costs one step per node and
 * question, however deep it nests.
 */
import type { TSESTree } from "@typescript-eslint/utils";

type Node = TSESTree.Node;

/**
 * A question about a node's ancestors, answered from its parent. The answer for a node whose
 * parent is `parent` is `boundary(parent, child)` when that is not `undefined` (the walk ends
 * there), else `extend(parent, child, answer for parent)`; a node without a parent gets `root`.
 * `child` is the node asked about (the direct child of `parent` on the path).
 */
export interface AncestorFold<V> {
  boundary(parent: Node, child: Node): V | undefined;
  extend?(parent: Node, child: Node, above: V): V;
  root: V;
}

/** Answers kept per node (`undefined` is no answer: folds answer with `null` for "none"). */
export type AncestorCache<V> = WeakMap<Node, V>;

/**
 * The answer of `fold` for `node`, from `cache` or computed and stored there for `node` and every
 * ancestor the walk passed. Iterative, so nesting depth cannot overflow the stack. `cache` must
 * only ever be used with the one `fold` (a module-level or per-file WeakMap next to it).
 */
export function foldAncestors<V>(node: Node, fold: AncestorFold<V>, cache: AncestorCache<V>): V {
  const path: Node[] = [];
  let current: Node = node;
  let value: V;
  let kept = false;
  for (;;) {
    // One lookup per step (answers are never `undefined`), not a `has` and a `get`.
    const known = cache.get(current);
    if (known !== undefined) {
      value = known;
      kept = true;
      break;
    }
    const parent = current.parent;
    if (!parent) {
      value = fold.root;
      break;
    }
    const end = fold.boundary(parent, current);
    if (end !== undefined) {
      value = end;
      break;
    }
    path.push(current);
    current = parent;
  }
  // The node the walk ended on answered itself (root, boundary or kept): keep it only when it
  // was computed here and the walk was long. A short walk keeps just the node asked about:
  // every insertion into these file-sized tables costs more than the few steps it would save,
  // and a walk of more than SHORT_WALK steps keeps every node it passed, so the next question
  // from below stops early and a file still costs one kept answer per node and question.
  const keepAll = path.length > SHORT_WALK;
  if (!kept && (keepAll || path.length === 0)) cache.set(current, value);
  // `path` runs from `node` up to the child of `current`: answer them top-down.
  for (let i = path.length - 1; i >= 0; i--) {
    const child = path[i]!;
    value = fold.extend ? fold.extend(child.parent!, child, value) : value;
    if (keepAll || i === 0) cache.set(child, value);
  }
  return value;
}

/** Walks up to this many steps keep only the answer asked for (see `foldAncestors`). */
const SHORT_WALK = 6;

/**
 * The nearest proper ancestor of a node that passes `test`, memoised: `nearest(node)`.
 * `test` must depend on the ancestor alone (not on the path to it).
 */
export function nearestAncestor<N extends Node>(test: (node: Node) => node is N): (node: Node) => N | undefined;
export function nearestAncestor(test: (node: Node) => boolean): (node: Node) => Node | undefined;
export function nearestAncestor(test: (node: Node) => boolean): (node: Node) => Node | undefined {
  const cache: AncestorCache<Node | null> = new WeakMap();
  const fold: AncestorFold<Node | null> = { boundary: (parent) => (test(parent) ? parent : undefined), root: null };
  return (node) => foldAncestors(node, fold, cache) ?? undefined;
}
