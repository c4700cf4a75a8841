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
  private readonly ends: readonly number[];

  /** `items` in any order; `nodeOf` gives the node each stands for. Ties keep their given order. */
  constructor(items: readonly T[], nodeOf: (item: T) => Node) {
    // Each node is read once, here: its range goes into two flat arrays, and the sort and every
    // later scan read those. On a large file each read of a node is a cache miss, and a sort
    // comparing nodes read two per comparison (issue 12 §2). Nodes listed by a walk are in
    // source order already; then nothing is sorted.
    const count = items.length;
    const starts: number[] = new Array<number>(count);
    const ends: number[] = new Array<number>(count);
    let inOrder = true;
    for (let i = 0; i < count; i++) {
      const range = nodeOf(items[i]!).range;
      starts[i] = range[0];
      ends[i] = range[1];
      if (i > 0 && range[0] < starts[i - 1]!) inOrder = false;
    }
    if (inOrder) {
      this.items = items;
      this.starts = starts;
      this.ends = ends;
      return;
    }
    // `sort` is stable: ties keep their given order.
    const order = Array.from({ length: count }, (_, index) => index).sort((x, y) => starts[x]! - starts[y]!);
    this.items = order.map((index) => items[index]!);
    this.starts = order.map((index) => starts[index]!);
    this.ends = order.map((index) => ends[index]!);
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
      if (this.ends[i]! > end) continue;
      if (visit(this.items[i]!)) return true;
    }
    return false;
  }
}
