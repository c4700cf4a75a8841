import type { TSESLint } from "@typescript-eslint/utils";
import type { Node } from "../ast/index.js";

type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/**
 * Depth-first walk over `root` using the parser's visitor keys. `enter` may return
 * `false` to skip a subtree. Iterative, so deep nesting cannot overflow the stack.
 */
export function walk(root: Node, visitorKeys: VisitorKeys, enter: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const item = value[i] as Node | null;
          if (item && typeof item.type === "string") stack.push(item);
        }
      } else if (value && typeof (value as Node).type === "string") {
        stack.push(value as Node);
      }
    }
  }
}
