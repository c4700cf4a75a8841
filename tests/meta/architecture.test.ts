/**
 * The source's import graph: no cycles, and arrows that point one way
 * (rules → analysis/families → analysis/engine → lifecycle, resources, ast), as
 * shared/design/ARCHITECTURE.md lays out. Type-only imports count: a cycle of types
 * is still a cycle a reader has to untangle.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const src = join(root, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every file's relative imports, resolved to files under src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => resolve(dirname(file), name.replace(/\.js$/, ".ts")));
    graph.set(relative(src, file), targets.map((target) => relative(src, target)));
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indexes = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (node: string): void => {
    indexes.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexes.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indexes.get(next)!));
      }
    }
    if (low.get(node) === indexes.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) out.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indexes.has(node)) visit(node);
  return out;
}

/** The layer a file belongs to; a file may import its own layer and the ones below it. */
function layer(file: string): string {
  if (file.startsWith("analysis/families/")) return "families";
  if (file.startsWith("analysis/engine/")) return "engine";
  if (file === "analysis/index.ts") return "analysis";
  return file.split("/")[0]!.replace(/\.ts$/, "");
}

const BELOW: Readonly<Record<string, readonly string[]>> = {
  ast: ["util"],
  util: [],
  resources: ["ast", "util"],
  lifecycle: ["ast", "resources", "util"],
  engine: ["ast", "resources", "lifecycle", "util"],
  families: ["engine", "ast", "resources", "lifecycle", "util"],
  analysis: ["families", "engine", "ast", "resources", "lifecycle", "util"],
  rules: ["analysis", "families", "engine", "ast", "resources", "lifecycle", "util"],
};

describe("source architecture", () => {
  const graph = importGraph();

  it("finds the source files", () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.has("analysis/engine/context.ts")).toBe(true);
  });

  it("has no import cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("imports only downwards between the analysis layers", () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = layer(file);
      const allowed = BELOW[from];
      if (!allowed) continue;
      for (const target of targets) {
        const to = layer(target);
        if (to === from) {
          // One family never imports another; a family folder may import its own files.
          const family = (path: string): string => path.split("/").slice(0, 3).join("/").replace(/\.ts$/, "");
          if (from === "families" && family(file) !== family(target)) wrong.push(`${file} → ${target}`);
          continue;
        }
        if (!allowed.includes(to)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("detects a cycle when there is one", () => {
    const fake = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cycles(fake)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
