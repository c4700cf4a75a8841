/** Builds the summary cache (format: summary-cache.ts) from the audit's summaries. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ts } from "ts-morph";
import type { ModuleInfo, ProjectIndex } from "./project.js";
import { resolveExport } from "./project.js";
import type { FunctionSummary, HandleFact, Holder, Summaries } from "./summaries.js";
import { type CachedExport, type CachedHandle, type CachedModule, SUMMARY_CACHE_FORMAT, SUMMARY_CACHE_VERSION, type SummaryCache, contentHash } from "../resources/summary-cache.js";
import { TS, propertyNameText, unwrap } from "./syntax.js";

function holderText(holder: Holder): string {
  return holder.type === "param" ? `param:${holder.index}` : holder.type;
}

function cachedHandle(handle: HandleFact): CachedHandle {
  return {
    family: handle.family,
    callable: handle.callable,
    release: [...handle.release],
    releasedBy: [...handle.releasedBy],
    holder: holderText(handle.holder),
    label: handle.label,
  };
}

function cachedFunction(summary: FunctionSummary | undefined): (CachedExport & { kind: "function" }) | undefined {
  if (!summary || (!summary.returns && !summary.selfCleaning)) return undefined;
  return {
    kind: "function",
    ...(summary.returns ? { returns: cachedHandle(summary.returns) } : {}),
    ...(summary.selfCleaning ? { selfCleaning: true } : {}),
  };
}

function allExportNames(index: ProjectIndex, module: ModuleInfo, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(module.file)) return names;
  seen.add(module.file);
  for (const name of module.exports.keys()) names.add(name);
  for (const star of module.starExports) {
    const from = star.from ? index.modules.get(star.from) : undefined;
    if (from) for (const name of allExportNames(index, from, seen)) if (name !== "default") names.add(name);
  }
  return names;
}

/** The cache object for every module of the project. */
export function buildSummaryCache(index: ProjectIndex, summaries: Summaries, cacheDir: string, generator: string): SummaryCache {
  const modules: Record<string, CachedModule> = {};
  for (const module of index.modules.values()) {
    const imports: Record<string, string> = {};
    const link = (specifier: string, file: string | undefined) => {
      const target = file ? index.modules.get(file) : undefined;
      if (target) imports[specifier] = target.relative;
    };
    for (const binding of module.imports.values()) link(binding.specifier, binding.module);
    for (const entry of module.exports.values()) if ("specifier" in entry) link(entry.specifier, entry.from);
    for (const star of module.starExports) link(star.specifier, star.from);

    const exports: Record<string, CachedExport> = {};
    for (const name of allExportNames(index, module)) {
      const target = resolveExport(index, module, name);
      if (!target) continue;
      if (target.kind === "function") {
        const entry = cachedFunction(summaries.functionSummary(target.node));
        if (entry) exports[name] = entry;
      } else if (target.kind === "class") {
        const summary = summaries.classSummary(target.node);
        if (summary?.resource) {
          exports[name] = {
            kind: "class",
            teardown: summary.teardown,
            acquiresOnConstruction: summary.acquiringMembers.has("constructor"),
            acquiringMethods: [...summary.acquiringMembers].filter((member) => member !== "constructor"),
          };
        }
      } else if (target.kind === "variable" && target.init) {
        const entry = instanceEntry(summaries, target.module, unwrap(target.init));
        if (entry) exports[name] = entry;
      }
    }
    modules[module.relative] = { hash: contentHash(module.source.text), imports, exports };
  }
  return {
    format: SUMMARY_CACHE_FORMAT,
    version: SUMMARY_CACHE_VERSION,
    generator,
    root: path.relative(cacheDir, index.root).split(path.sep).join("/") || ".",
    modules,
  };
}

/** `export const store = new Store()` / `export const api = { listen() {...} }`: methods that return handles. */
function instanceEntry(summaries: Summaries, module: ModuleInfo, init: ts.Expression): CachedExport | undefined {
  const methods: Record<string, CachedExport & { kind: "function" }> = {};
  if (TS.isNewExpression(init)) {
    const cls = summaries.classOf(init, module);
    if (!cls) return undefined;
    for (const member of cls.members) {
      if (!TS.isMethodDeclaration(member) && !TS.isPropertyDeclaration(member)) continue;
      const name = member.name ? propertyNameText(member.name) : undefined;
      const fn = name ? summaries.findMethod(cls, name, module) : undefined;
      const entry = fn ? cachedFunction(summaries.functionSummary(fn)) : undefined;
      if (name && entry) methods[name] = entry;
    }
  } else if (TS.isObjectLiteralExpression(init)) {
    for (const property of init.properties) {
      const name = property.name ? propertyNameText(property.name) : undefined;
      let fn: ts.Node | undefined;
      if (TS.isMethodDeclaration(property)) fn = property;
      else if (TS.isPropertyAssignment(property)) fn = unwrap(property.initializer);
      if (!name || !fn || !(TS.isMethodDeclaration(fn) || TS.isArrowFunction(fn) || TS.isFunctionExpression(fn))) continue;
      const entry = cachedFunction(summaries.functionSummary(fn));
      if (entry) methods[name] = entry;
    }
  }
  return Object.keys(methods).length > 0 ? { kind: "instance", methods } : undefined;
}

export function writeSummaryCache(file: string, cache: SummaryCache): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(cache, null, 2)}\n`);
}
