/**
 * The summary cache: facts `leakproof audit --write-summaries` computed across files, for
 * the ESLint rules to read when the file is present, so that an imported helper is judged
 * like a local one ("`startPolling` returns a disposer", "`useTicker` cleans up after
 * itself", "`Poller` must be disposed").
 *
 * This module is the format and its reader. It imports nothing but Node built-ins (never
 * ts-morph or TypeScript): rules load it on every lint run. Every function here returns
 * `undefined` rather than throw on a missing, stale or malformed file.
 *
 * File format (JSON, `version: 1`), documented in docs/audit.md:
 *
 * ```json
 * {
 *   "format": "leakproof-summaries",
 *   "version": 1,
 *   "generator": "eslint-plugin-leakproof 0.1.0",
 *   "root": "..",
 *   "modules": {
 *     "src/poll.ts": {
 *       "hash": "3f2a9c0e1b7d4a55",
 *       "imports": { "./timers": "src/timers.ts" },
 *       "exports": {
 *         "startPolling": { "kind": "function", "returns": { "family": "disposer", "callable": true,
 *           "release": [], "releasedBy": [], "holder": "runtime", "label": "an interval timer" } },
 *         "useTicker": { "kind": "function", "selfCleaning": true },
 *         "Poller": { "kind": "class", "teardown": ["dispose"], "acquiresOnConstruction": true },
 *         "store": { "kind": "instance", "methods": { "listen": { "kind": "function", "returns": { ... } } } }
 *       }
 *     }
 *   }
 * }
 * ```
 *
 * `root` is the project root relative to the cache file's folder; module keys are paths
 * relative to the root with `/`. `hash` is the first 16 hex digits of the SHA-256 of the
 * module's text when the cache was written: an entry whose file changed since is ignored.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const SUMMARY_CACHE_FORMAT = "leakproof-summaries";
export const SUMMARY_CACHE_VERSION = 1;
/** Where `--write-summaries` writes by default, relative to the project root. */
export const DEFAULT_SUMMARY_CACHE = path.join(".leakproof", "summaries.json");

/** `runtime` | `global` | `module` | `instance` | `unknown` | `param:<index>`: who keeps the resource alive. */
export type CachedHolder = string;

export interface CachedHandle {
  /** `disposer` | `subscription` | `closeable` | `timer` | `objectUrl` | `instance`. */
  family: string;
  /** Calling the returned value releases it. */
  callable: boolean;
  /** Methods of the returned value that release it. */
  release: string[];
  /** Functions that release it when passed the value (`clearInterval`). */
  releasedBy: string[];
  holder: CachedHolder;
  /** What stays alive, for messages. */
  label: string;
}

export type CachedExport =
  | { kind: "function"; returns?: CachedHandle; selfCleaning?: boolean }
  | { kind: "class"; teardown: string[]; acquiresOnConstruction: boolean; acquiringMethods?: string[] }
  | { kind: "instance"; methods: Record<string, { kind: "function"; returns?: CachedHandle; selfCleaning?: boolean }> };

export interface CachedModule {
  hash: string;
  /** Import specifiers of the module, resolved to module keys (only those that are project files). */
  imports: Record<string, string>;
  exports: Record<string, CachedExport>;
}

export interface SummaryCache {
  format: typeof SUMMARY_CACHE_FORMAT;
  version: typeof SUMMARY_CACHE_VERSION;
  generator: string;
  root: string;
  modules: Record<string, CachedModule>;
}

/** A short content hash, as stored in `CachedModule.hash`. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks the shape of a parsed cache; `undefined` when it is not a version-1 summary cache. */
export function parseSummaryCache(value: unknown): SummaryCache | undefined {
  if (!isRecord(value) || value.format !== SUMMARY_CACHE_FORMAT || value.version !== SUMMARY_CACHE_VERSION) return undefined;
  if (typeof value.root !== "string" || !isRecord(value.modules)) return undefined;
  for (const module of Object.values(value.modules)) {
    if (!isRecord(module) || typeof module.hash !== "string" || !isRecord(module.imports) || !isRecord(module.exports)) return undefined;
  }
  return value as unknown as SummaryCache;
}

/** Reads and checks a cache file. */
export function loadSummaryCache(file: string): SummaryCache | undefined {
  try {
    return parseSummaryCache(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return undefined;
  }
}

/** The nearest `.leakproof/summaries.json` in `dir` or a folder above it. */
export function findSummaryCache(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; ) {
    const candidate = path.join(current, DEFAULT_SUMMARY_CACHE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

const RESOLVE_SUFFIXES = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", "/index.ts", "/index.tsx", "/index.js"];

/** Answers "what does this import denote?" from a loaded cache, ignoring entries of changed files. */
export class SummaryLookup {
  readonly root: string;
  private readonly fresh = new Map<string, { mtimeMs: number; size: number; ok: boolean }>();

  constructor(
    readonly cache: SummaryCache,
    cacheFile: string,
  ) {
    this.root = path.resolve(path.dirname(cacheFile), cache.root);
  }

  /** The module key of a file, or undefined outside the root. */
  keyOf(file: string): string | undefined {
    const relative = path.relative(this.root, path.resolve(file));
    if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join("/");
  }

  /** The module key `specifier` denotes when imported from `importer` (an absolute file path). */
  resolveImport(importer: string, specifier: string): string | undefined {
    const key = this.keyOf(importer);
    const own = key !== undefined ? this.cache.modules[key] : undefined;
    if (own && Object.hasOwn(own.imports, specifier)) return own.imports[specifier];
    if (!specifier.startsWith(".")) return undefined;
    // An import the cache has not seen yet (the importer changed): resolve a relative path by hand.
    const base = this.keyOf(path.resolve(path.dirname(importer), specifier));
    if (base === undefined) return undefined;
    const stem = base.replace(/\.(m|c)?js$/, "");
    for (const candidate of [base, ...RESOLVE_SUFFIXES.map((suffix) => stem + suffix)]) {
      if (Object.hasOwn(this.cache.modules, candidate)) return candidate;
    }
    return undefined;
  }

  /** The summary of export `name` (`default` for a default import) of the module `specifier` imports. */
  lookupImport(importer: string, specifier: string, name: string): CachedExport | undefined {
    const key = this.resolveImport(importer, specifier);
    return key === undefined ? undefined : this.lookupExport(key, name);
  }

  /** The summary of export `name` of a module, if the module has not changed since the cache was written. */
  lookupExport(moduleKey: string, name: string): CachedExport | undefined {
    if (!Object.hasOwn(this.cache.modules, moduleKey)) return undefined;
    const module = this.cache.modules[moduleKey]!;
    if (!Object.hasOwn(module.exports, name) || !this.isFresh(moduleKey)) return undefined;
    return module.exports[name];
  }

  /** Whether a module's file still has the text the cache was computed from. */
  isFresh(moduleKey: string): boolean {
    const module = this.cache.modules[moduleKey];
    if (!module) return false;
    const file = path.join(this.root, moduleKey);
    try {
      const stat = statSync(file);
      const known = this.fresh.get(moduleKey);
      if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.ok;
      const ok = contentHash(readFileSync(file, "utf8")) === module.hash;
      this.fresh.set(moduleKey, { mtimeMs: stat.mtimeMs, size: stat.size, ok });
      return ok;
    } catch {
      return false;
    }
  }
}

const lookups = new Map<string, { mtimeMs: number; lookup: SummaryLookup | undefined }>();
/** Per folder: the cache file found above it, or none as of `checkedAt` (looked for again after a while, so a long-running editor sees a cache written later). */
const nearest = new Map<string, { file: string | undefined; checkedAt: number }>();
const RECHECK_MISSING_MS = 2000;

/**
 * The lookup for the cache that covers `file` (the nearest `.leakproof/summaries.json` above
 * it), loaded once per process and reloaded when the cache file changes. What an ESLint rule
 * calls with `context.filename`.
 */
export function summaryLookupFor(file: string): SummaryLookup | undefined {
  const dir = path.dirname(path.resolve(file));
  const known = nearest.get(dir);
  let cacheFile = known?.file;
  if (!known || (!known.file && Date.now() - known.checkedAt > RECHECK_MISSING_MS)) {
    cacheFile = findSummaryCache(dir);
    nearest.set(dir, { file: cacheFile, checkedAt: Date.now() });
  }
  if (!cacheFile) return undefined;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(cacheFile).mtimeMs;
  } catch {
    return undefined;
  }
  const loaded = lookups.get(cacheFile);
  if (loaded && loaded.mtimeMs === mtimeMs) return loaded.lookup;
  const cache = loadSummaryCache(cacheFile);
  const lookup = cache ? new SummaryLookup(cache, cacheFile) : undefined;
  lookups.set(cacheFile, { mtimeMs, lookup });
  return lookup;
}
