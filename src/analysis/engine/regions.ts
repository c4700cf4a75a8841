/**
 * Release regions beyond the owner's own: where a release of a handle kept in a React ref
 * also counts.
 */
import { T } from "../../util/node-types.js";
import { type Node, isFunction } from "../../ast/index.js";
import { walk } from "../../ast/walk.js";
import type { Owner } from "../../lifecycle/owners.js";
import type { EngineContext } from "./context.js";

/**
 * Where a subscription's release counts. As for any handle (`ctx.releaseRegion`), plus:
 * a subscription an effect keeps in a ref (`subRef.current = ...`) is also released by
 * the cleanup of an unmount-only effect (`useEffect(() => () => subRef.current?.unsubscribe(), [])`)
 * of the same component.
 */
export function subscriptionRegion(ctx: EngineContext, owner: Owner, keys: readonly string[]): Node[] | "anywhere" {
  const base = ctx.releaseRegion(owner);
  if (base === "anywhere" || owner.type !== "effect" || !owner.component) return base;
  if (!keys.some((key) => key.endsWith(".current"))) return base;
  const cleanups: Node[] = [];
  walk(owner.component.body, ctx.sourceCode.visitorKeys, (node) => {
    if (node.type !== T.CallExpression) return;
    const [setup, deps] = node.arguments;
    if (!setup || !isFunction(setup) || setup === owner.setup) return;
    if (deps?.type !== T.ArrayExpression || deps.elements.length > 0) return;
    const effect = ctx.lifecycles.effectOwner(setup);
    if (effect?.type === "effect" && !effect.cleanupUnknown) cleanups.push(...effect.cleanups);
  });
  return cleanups.length > 0 ? [...base, ...ctx.expand(cleanups)] : base;
}

