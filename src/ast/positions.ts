/**
 * Nodes of interest by position (issue 12 §2).
 *
 * "Is there a removal inside this function?", "which calls does this callback make?": asked of
 * every repeating region, and answered by walking the region, such questions cost the region's
 * whole subtree, so nested callbacks that are each a region cost n·depth over a file. Collected
 * once per file in source order instead, the items inside a node are a run of the list that a
 * binary search finds: "is there one?" costs log n, "which are they?" costs what they are.
 */
import type { TSESTree } from "@typescript-eslint/utils";

type Node = TSESTree.Node;

export class ByPosition<T> {
  private readonly items: readonly T[];
  private readonly starts: readonly number[];

  /** `items` in any order; `nodeOf` gives the node each stands for. Ties keep their given order. */
  constructor(
    items: readonly T[],
    private readonly nodeOf: (item: T) => Node,
  ) {
    // Nodes listed by a walk are in source order already (then this sort only checks).
    this.items = [...items].sort((a, b) => nodeOf(a).range[0] - nodeOf(b).range[0]);
    this.starts = this.items.map((item) => nodeOf(item).range[0]);
  }

  get size(): number {
    return this.items.length;
  }

  /** The items whose node lies inside `root` (or is `root`), in source order. */
  inside(root: Node): T[] {
    const out: T[] = [];
    this.scan(root, (item) => {
      out.push(item);
      return false;
    });
    return out;
  }

  /** Whether an item's node lies inside `root` (or is `root`). */
  anyInside(root: Node): boolean {
    return this.scan(root, () => true);
  }

  /** Calls `visit` for the items inside `root`, in order, until it returns true; returns whether it did. */
  private scan(root: Node, visit: (item: T) => boolean): boolean {
    const [start, end] = root.range;
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! < start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.items.length && this.starts[i]! < end; i++) {
      // Starting inside `root` but ending after it: an ancestor that starts where `root` does.
      if (this.nodeOf(this.items[i]!).range[1] > end) continue;
      if (visit(this.items[i]!)) return true;
    }
    return false;
  }
}
