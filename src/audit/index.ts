/**
 * `eslint-plugin-leakproof/audit` — the cross-file leak audit behind `leakproof audit`.
 * See docs/audit.md.
 *
 * ts-morph is an optional peer dependency: it is loaded when `audit()` runs, and a missing
 * install is reported as an `AuditSetupError` that says how to install it.
 *
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Project, ts } from "ts-morph";
import { runChecks } from "./checks.js";
import { type ModuleInfo, buildIndex } from "./project.js";
import { DEFAULT_SUMMARY_CACHE } from "../resources/summary-cache.js";
import { bindTypeScript } from "./syntax.js";
import type { AuditOptions, AuditResult } from "./types.js";
import { buildSummaryCache, writeSummaryCache } from "./write-cache.js";

export * from "./types.js";
export { formatFindings, AUDIT_FORMATS, type AuditFormat } from "./format.js";
export {
  SUMMARY_CACHE_FORMAT,
  SUMMARY_CACHE_VERSION,
  DEFAULT_SUMMARY_CACHE,
  SummaryLookup,
  findSummaryCache,
  loadSummaryCache,
  parseSummaryCache,
  summaryLookupFor,
  type CachedExport,
  type CachedHandle,
  type CachedModule,
  type SummaryCache,
} from "../resources/summary-cache.js";

/** Something in the setup stops the audit (ts-morph missing, no such project file): the CLI exits with 2. */
export class AuditSetupError extends Error {
  override name = "AuditSetupError";
}

export const TS_MORPH_HINT =
  "leakproof audit needs ts-morph, an optional peer dependency of eslint-plugin-leakproof.\n" +
  "Install it next to the plugin:  npm install --save-dev ts-morph";

type TsMorph = typeof import("ts-morph");

/** ts-morph, from the user's project first, then from wherever this package can see it. */
async function loadTsMorph(from: string = process.cwd()): Promise<TsMorph> {
  const candidates: string[] = [];
  try {
    candidates.push(createRequire(path.join(from, "package.json")).resolve("ts-morph"));
  } catch {
    // not in the user's project
  }
  for (const candidate of candidates) {
    try {
      const loaded = (await import(pathToHref(candidate))) as TsMorph & { default?: TsMorph };
      // ts-morph is CommonJS: depending on the loader its exports are the namespace or its `default`.
      return loaded.Project ? loaded : loaded.default!;
    } catch {
      // try the next place
    }
  }
  try {
    return await import("ts-morph");
  } catch {
    throw new AuditSetupError(TS_MORPH_HINT);
  }
}

function pathToHref(file: string): string {
  return new URL(`file://${path.resolve(file).split(path.sep).join("/")}`).href;
}

const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/;
const IGNORED_DIRS = new Set(["node_modules", "dist", "build", "coverage"]);

/** The nearest tsconfig.json (or jsconfig.json) in `dir` or above. */
export function findProjectFile(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; ) {
    for (const name of ["tsconfig.json", "jsconfig.json"]) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function walkSources(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !IGNORED_DIRS.has(entry.name)) walkSources(full, out);
    } else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
      out.push(full);
    }
  }
}

interface ConfigFiles {
  options: ts.CompilerOptions;
  fileNames: string[];
}

/**
 * The config and, recursively, the projects its `references` name (solution-style configs
 * list no files of their own), each with its own compiler options: a referenced project's
 * `paths` apply to its own files only.
 */
function readConfigs(tsm: TsMorph, configFile: string, seen = new Set<string>()): ConfigFiles[] {
  if (seen.has(configFile)) return [];
  seen.add(configFile);
  const host = { ...tsm.ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
  const parsed = tsm.ts.getParsedCommandLineOfConfigFile(configFile, undefined, host);
  if (!parsed) return [];
  const result: ConfigFiles[] = [{ options: parsed.options, fileNames: parsed.fileNames }];
  for (const reference of parsed.projectReferences ?? []) {
    let target = reference.path;
    if (existsSync(target) && statSync(target).isDirectory()) target = path.join(target, "tsconfig.json");
    if (existsSync(target)) result.push(...readConfigs(tsm, target, seen));
  }
  return result;
}

function packageVersion(): string {
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const candidate of [path.join(here, "..", "package.json"), path.join(here, "..", "..", "package.json")]) {
      if (existsSync(candidate)) {
        const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version?: string };
        if (pkg.name === "eslint-plugin-leakproof" && pkg.version) return pkg.version;
      }
    }
  } catch {
    // the version only decorates the cache file
  }
  return "unknown";
}

/**
 * Audits a TypeScript or JavaScript project for leaks that span files. Resolves when done;
 * rejects with `AuditSetupError` when ts-morph is missing or the project file does not exist.
 */
export async function audit(options: AuditOptions = {}): Promise<AuditResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const paths = (options.paths ?? []).map((p) => path.resolve(cwd, p));
  for (const target of paths) if (!existsSync(target)) throw new AuditSetupError(`no such file or directory: ${path.relative(cwd, target) || target}`);

  let configFile: string | undefined;
  if (options.project) {
    configFile = path.resolve(cwd, options.project);
    if (existsSync(configFile) && statSync(configFile).isDirectory()) configFile = findProjectFile(configFile);
    if (!configFile || !existsSync(configFile)) throw new AuditSetupError(`no such project file: ${options.project}`);
  } else {
    const start = paths[0] ? (statSync(paths[0]).isDirectory() ? paths[0] : path.dirname(paths[0])) : cwd;
    configFile = findProjectFile(start);
  }

  const tsm = await loadTsMorph(configFile ? path.dirname(configFile) : cwd);
  bindTypeScript(tsm.ts);
  let project: Project;
  let root: string;
  const optionsOf = new Map<string, ts.CompilerOptions>();
  if (configFile) {
    root = path.dirname(configFile);
    try {
      project = new tsm.Project({
        tsConfigFilePath: configFile,
        skipAddingFilesFromTsConfig: true,
        skipFileDependencyResolution: true,
        skipLoadingLibFiles: true,
      });
    } catch (error) {
      throw new AuditSetupError(`cannot read ${path.relative(cwd, configFile) || configFile}: ${(error as Error).message}`);
    }
    for (const config of readConfigs(tsm, configFile)) {
      for (const file of config.fileNames) {
        const absolute = path.resolve(file);
        if (optionsOf.has(absolute) || !SOURCE_EXTENSIONS.test(file) || /\.d\.[cm]?ts$/.test(file) || absolute.split(path.sep).includes("node_modules")) continue;
        optionsOf.set(absolute, config.options);
        project.addSourceFileAtPath(absolute);
      }
    }
  } else {
    // Paths relative to the current folder when the targets are inside it, as a lint run shows them.
    const inside = paths.every((target) => target === cwd || target.startsWith(cwd + path.sep));
    root = inside || !paths[0] ? cwd : statSync(paths[0]).isDirectory() ? paths[0] : path.dirname(paths[0]);
    project = new tsm.Project({
      compilerOptions: { allowJs: true, jsx: tsm.ts.JsxEmit.Preserve, module: tsm.ts.ModuleKind.NodeNext, moduleResolution: tsm.ts.ModuleResolutionKind.NodeNext },
      skipFileDependencyResolution: true,
      skipLoadingLibFiles: true,
    });
    const files: string[] = [];
    for (const target of paths.length > 0 ? paths : [cwd]) {
      if (statSync(target).isDirectory()) walkSources(target, files);
      else files.push(target);
    }
    for (const file of files) project.addSourceFileAtPath(file);
  }

  const sources: ts.SourceFile[] = project.getSourceFiles().map((file) => file.compilerNode);
  const defaultOptions = project.getCompilerOptions();
  const host = project.getModuleResolutionHost();
  const caches = new Map<ts.CompilerOptions, ts.ModuleResolutionCache>();
  const resolveModule = (specifier: string, containing: string): string | undefined => {
    const options = optionsOf.get(path.resolve(containing)) ?? defaultOptions;
    let cache = caches.get(options);
    if (!cache) {
      cache = tsm.ts.createModuleResolutionCache(root, (name) => name, options);
      caches.set(options, cache);
    }
    return tsm.ts.resolveModuleName(specifier, containing, options, host, cache).resolvedModule?.resolvedFileName;
  };

  const index = buildIndex(root, sources, resolveModule);
  const inScope = (module: ModuleInfo): boolean =>
    paths.length === 0 || paths.some((target) => module.file === target || module.file.startsWith(target.endsWith(path.sep) ? target : target + path.sep));
  const { findings, summaries, checked } = runChecks(index, inScope);

  const includeProbable = options.includeProbable ?? true;
  const reported = includeProbable ? findings : findings.filter((finding) => finding.grade === "proven");

  let summariesFile: string | undefined;
  if (options.writeSummaries) {
    summariesFile = typeof options.writeSummaries === "string" ? path.resolve(cwd, options.writeSummaries) : path.join(root, DEFAULT_SUMMARY_CACHE);
    writeSummaryCache(summariesFile, buildSummaryCache(index, summaries, path.dirname(summariesFile), `eslint-plugin-leakproof ${packageVersion()}`));
  }

  return {
    project: configFile,
    root,
    files: index.modules.size,
    findings: reported,
    checked,
    hiddenProbable: findings.length - reported.length,
    summariesFile,
    durationMs: performance.now() - started,
  };
}
