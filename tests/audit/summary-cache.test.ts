/**
 * The summary cache the audit writes for the ESLint rules, and its dependency-free reader:
 * what is written for functions, classes and module-level instances (through barrels), how
 * an import is looked up, and that entries of changed files are ignored.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import {
  SummaryLookup,
  findSummaryCache,
  loadSummaryCache,
  parseSummaryCache,
  summaryLookupFor,
} from "../../src/resources/summary-cache.js";
import { project, removeProjects, repoRoot } from "./helpers.js";

afterAll(removeProjects);

const FILES = {
  "src/lib/poll.ts": `export function startPolling(fn: () => void): () => void {
  const id = setInterval(fn, 1000);
  return () => clearInterval(id);
}
export function formatPrice(value: number): string {
  return value.toFixed(2);
}
`,
  "src/lib/scope.ts": `import { onScopeDispose } from "vue";
export function useTicker(fn: () => void) {
  const id = setInterval(fn, 1000);
  onScopeDispose(() => clearInterval(id));
}
`,
  "src/lib/stream.ts": `export class Stream {
  private timer = setInterval(() => undefined, 1000);
  close() { clearInterval(this.timer); }
}
`,
  "src/lib/store.ts": `class Store {
  private listeners = new Set<() => void>();
  subscribe(fn: () => void) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
export const store = new Store();
`,
  "src/lib/index.ts": `export * from "./poll.js";\nexport { useTicker } from "./scope.js";\nexport { Stream as LiveStream } from "./stream.js";\nexport * from "./store.js";\n`,
  "src/app.ts": `import { startPolling, store } from "./lib/index.js";\nexport const stop = startPolling(() => store);\n`,
};

describe("summary cache", () => {
  it("writes the facts of every export, through barrels and renames", async () => {
    const dir = project(FILES);
    const result = await audit({ cwd: dir, writeSummaries: true });
    const file = path.join(dir, ".leakproof", "summaries.json");
    expect(result.summariesFile).toBe(file);
    const cache = loadSummaryCache(file)!;
    expect(cache).toBeDefined();
    expect(cache.root).toBe("..");
    const barrel = cache.modules["src/lib/index.ts"]!;
    expect(barrel.imports).toEqual({
      "./poll.js": "src/lib/poll.ts",
      "./scope.js": "src/lib/scope.ts",
      "./stream.js": "src/lib/stream.ts",
      "./store.js": "src/lib/store.ts",
    });
    expect(barrel.exports.startPolling).toEqual({
      kind: "function",
      returns: { family: "disposer", callable: true, release: [], releasedBy: [], holder: "runtime", label: "an interval timer" },
    });
    expect(barrel.exports.formatPrice).toBeUndefined();
    expect(barrel.exports.useTicker).toEqual({ kind: "function", selfCleaning: true });
    expect(barrel.exports.LiveStream).toEqual({ kind: "class", teardown: ["close"], acquiresOnConstruction: true, acquiringMethods: [] });
    expect(barrel.exports.store).toMatchObject({ kind: "instance", methods: { subscribe: { kind: "function", returns: { family: "disposer", holder: "instance" } } } });
    expect(cache.modules["src/app.ts"]!.imports).toEqual({ "./lib/index.js": "src/lib/index.ts" });
  });

  it("looks imports up for a linted file and ignores modules changed since", async () => {
    const dir = project(FILES);
    await audit({ cwd: dir, writeSummaries: true });
    const app = path.join(dir, "src", "app.ts");
    const lookup = summaryLookupFor(app)!;
    expect(lookup).toBeInstanceOf(SummaryLookup);
    expect(lookup.lookupImport(app, "./lib/index.js", "startPolling")).toMatchObject({ kind: "function", returns: { family: "disposer" } });
    expect(lookup.lookupImport(app, "./lib/index.js", "missing")).toBeUndefined();
    // Imports the cache has not seen (the file changed since): relative paths resolve by hand.
    expect(lookup.lookupImport(app, "./lib/stream.js", "Stream")).toMatchObject({ kind: "class", teardown: ["close"] });
    expect(lookup.lookupImport(app, "./lib/poll", "startPolling")).toMatchObject({ kind: "function" });
    expect(lookup.lookupImport(app, "./lib/nowhere.js", "startPolling")).toBeUndefined();
    expect(lookup.lookupImport(app, "node:events", "on")).toBeUndefined();

    const poll = path.join(dir, "src", "lib", "poll.ts");
    writeFileSync(poll, `${readFileSync(poll, "utf8")}\nexport const changed = true;\n`);
    expect(lookup.isFresh("src/lib/poll.ts")).toBe(false);
    expect(lookup.lookupExport("src/lib/poll.ts", "startPolling")).toBeUndefined();
    // The barrel itself did not change, so its entry still answers.
    expect(lookup.isFresh("src/lib/index.ts")).toBe(true);
  });

  it("finds the nearest cache and rejects files that are not a version-1 cache", async () => {
    const dir = project(FILES);
    await audit({ cwd: dir, writeSummaries: path.join(dir, ".leakproof", "summaries.json") });
    expect(findSummaryCache(path.join(dir, "src", "lib"))).toBe(path.join(dir, ".leakproof", "summaries.json"));
    expect(findSummaryCache(repoRoot)).toBeUndefined();
    expect(summaryLookupFor(path.join(repoRoot, "src", "index.ts"))).toBeUndefined();
    expect(parseSummaryCache({ format: "leakproof-summaries", version: 2, root: ".", modules: {} })).toBeUndefined();
    expect(parseSummaryCache({ format: "leakproof-summaries", version: 1, root: ".", modules: { a: { hash: 1 } } })).toBeUndefined();
    expect(parseSummaryCache([])).toBeUndefined();
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "{");
    expect(loadSummaryCache(bad)).toBeUndefined();
    expect(statSync(path.join(dir, ".leakproof", "summaries.json")).size).toBeGreaterThan(100);
  });

  it("keeps the reader free of ts-morph and TypeScript", () => {
    const source = readFileSync(path.join(repoRoot, "src", "resources", "summary-cache.ts"), "utf8");
    const imports = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.every((name) => name!.startsWith("node:"))).toBe(true);
  });
});
