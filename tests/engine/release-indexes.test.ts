/**
 * The engine's release indexes are keyed on first use (issue 12 §2): building the engine makes
 * no receiver keys for release calls, and the first family to read an index gets every release
 * the walk found, in source order, with the releases helpers make of their parameters carried
 * to their call sites, as the eager build gave.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EngineContext } from "../../src/analysis/engine/context.js";
import { RefResolver } from "../../src/analysis/engine/refs.js";
import { allNodes } from "../../src/ast/node-index.js";

function sourceCodeOf(code: string): Readonly<TSESLint.SourceCode> {
  let captured: Readonly<TSESLint.SourceCode> | undefined;
  new Linter({ configType: "flat" }).verify(
    code,
    [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tsParser },
        plugins: { probe: { rules: { capture: { create: (context) => ({ Program: () => void (captured = context.sourceCode as never) }) } } } },
        rules: { "probe/capture": "error" },
      },
    ],
    { filename: "x.ts" },
  );
  return captured!;
}

const CODE = `
export function setup(panel: HTMLElement, socket: WebSocket, observer: ResizeObserver, ctrl: AbortController, timer: number) {
  panel.remove();
  socket.close();
  clearTimeout(timer);
  ctrl.abort();
  observer.observe(panel);
  function stop(target: ResizeObserver) { target.disconnect(); }
  stop(observer);
  socket.close();
}
`;

/** The key the resolver gives the first identifier named `name`. */
function keyOf(ctx: EngineContext, name: string): string {
  const id = allNodes(ctx.sourceCode).find((node): node is TSESTree.Identifier => node.type === "Identifier" && node.name === name && node.parent?.type !== "TSTypeReference");
  return ctx.refs.key(id!)!;
}

describe("release indexes", () => {
  afterEach(() => vi.restoreAllMocks());

  it("are not keyed while the engine is built", () => {
    const key = vi.spyOn(RefResolver.prototype, "key");
    const ctx = new EngineContext(sourceCodeOf(CODE), {});
    expect(key).not.toHaveBeenCalled();
    void ctx.methodReleases;
    expect(key).toHaveBeenCalled();
  });

  it("hold, once read, every release in source order, and helpers' parameter releases at their call sites", () => {
    const ctx = new EngineContext(sourceCodeOf(CODE), {});
    const names = (map: Map<string, { name: string; derived?: boolean }[]>, key: string) => (map.get(key) ?? []).map((r) => `${r.name}${r.derived ? "*" : ""}`);
    expect(names(ctx.methodReleases, keyOf(ctx, "panel"))).toEqual(["remove"]);
    expect(names(ctx.methodReleases, keyOf(ctx, "socket"))).toEqual(["close", "close"]);
    expect(names(ctx.timerReleases, keyOf(ctx, "timer"))).toEqual(["clearTimeout"]);
    expect(names(ctx.aborts, keyOf(ctx, "ctrl"))).toEqual(["abort"]);
    expect(names(ctx.activations, keyOf(ctx, "observer"))).toEqual(["observe"]);
    // `stop(observer)` disconnects `observer` through the helper's parameter.
    expect(names(ctx.methodReleases, keyOf(ctx, "observer"))).toEqual(["disconnect*"]);
    // The same index every time it is read.
    expect(ctx.methodReleases).toBe(ctx.methodReleases);
  });
});
