import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import { globToRegExp, hasGlobMagic, splitGlob } from "./glob.js";
import { isInside, type IgnoreReason, type Ignorer } from "./ignore.js";

export const EXTENSIONS = ["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx"];
/** Extensions that need `@typescript-eslint/parser` (and so the `typescript` package). */
export const TS_EXTENSIONS = ["ts", "mts", "cts", "tsx"];
/** Single-file components, linted only when their parser can be found (see `loadSfcParser`). */
export const SFC_PARSERS: Readonly<Record<string, string>> = { vue: "vue-eslint-parser", svelte: "svelte-eslint-parser" };

const LINTABLE = new RegExp(`\\.(?:${[...EXTENSIONS, ...Object.keys(SFC_PARSERS)].join("|")})$`);
const DECLARATION = /\.d\.[mc]?ts$/;

/** Whether a file name is one the CLI lints (declaration files are not). */
export function isLintable(name: string): boolean {
  return LINTABLE.test(name) && !DECLARATION.test(name);
}

/** A path that exists but could not be read; the run goes on without it. */
export interface PathProblem {
  path: string;
  message: string;
}

/** What the command-line paths expand to. */
export interface Collected {
  /** Absolute paths, in the order found, without duplicates. */
  files: string[];
  /** Paths that do not exist (globs with no match are in `unmatched`). */
  missing: string[];
  /** Globs that matched no lintable file. */
  unmatched: string[];
  /** Files and folders named on the command line that the ignore rules skip. */
  ignored: { arg: string; reason: IgnoreReason }[];
  /** Unreadable folders and files, broken symbolic links. */
  problems: PathProblem[];
}

/** "permission denied" rather than "EACCES: permission denied, scandir '/x'". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no such file or directory";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENOTDIR":
      return "not a folder";
    case "EISDIR":
      return "is a folder";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/**
 * Expands the command-line paths, the way ESLint would:
 *
 * - a folder is walked, minus what the `Ignorer` skips;
 * - a glob that names no existing path (`'src/**\/*.ts'`, quoted so the shell left it alone)
 *   is matched against the files under its literal leading folders;
 * - a file is taken as it is (when its extension is one the CLI lints);
 * - symbolic links: a link named on the command line is followed; while walking, links to
 *   files are linted (under the link's path) and links to folders are not entered, which also
 *   keeps link cycles out;
 * - a folder or file that cannot be read is recorded in `problems` and the rest goes on.
 */
export function collectFiles(args: readonly string[], cwd: string, ignorer: Ignorer): Collected {
  const collected: Collected = { files: [], missing: [], unmatched: [], ignored: [], problems: [] };
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      collected.files.push(file);
    }
  };

  for (const arg of args) {
    const target = path.resolve(cwd, arg);
    let stats: Stats;
    try {
      stats = statSync(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        if (hasGlobMagic(arg)) expandGlob(arg, cwd, ignorer, collected, add);
        else if (isBrokenLink(target)) collected.problems.push({ path: target, message: "broken symbolic link" });
        else collected.missing.push(arg);
      } else {
        collected.problems.push({ path: target, message: describeFsError(error) });
      }
      continue;
    }
    const isDir = stats.isDirectory();
    const scopeRoot = ignorer.scopeRoot(target, isDir ? target : path.dirname(target));
    const reason = ignorer.explain(target, isDir, scopeRoot);
    if (reason) {
      collected.ignored.push({ arg, reason });
      continue;
    }
    if (isDir) walk(target, scopeRoot, ignorer, collected, add);
    else if (stats.isFile() && isLintable(path.basename(target))) add(target);
  }
  return collected;
}

function isBrokenLink(target: string): boolean {
  try {
    return lstatSync(target).isSymbolicLink();
  } catch {
    return false;
  }
}

function readFolder(dir: string, collected: Collected): Dirent[] | undefined {
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    // Code-unit order, the same on every machine whatever its locale.
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    collected.problems.push({ path: dir, message: describeFsError(error) });
    return undefined;
  }
}

/**
 * Calls `visit` for each lintable, non-ignored file under `dir` (at most `maxDepth` folders
 * down), recording unreadable folders and broken links on the way.
 */
function eachFile(
  dir: string,
  scopeRoot: string,
  ignorer: Ignorer,
  collected: Collected,
  maxDepth: number,
  visit: (file: string) => void,
): void {
  const entries = readFolder(dir, collected);
  if (!entries) return;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (maxDepth > 0 && !ignorer.ignores(full, true, scopeRoot)) {
        eachFile(full, scopeRoot, ignorer, collected, maxDepth - 1, visit);
      }
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isLintable(entry.name)) {
      if (ignorer.ignores(full, false, scopeRoot)) continue;
      if (entry.isSymbolicLink()) {
        try {
          // A link to a folder that happens to be called "x.js" is not a file to lint.
          if (!statSync(full).isFile()) continue;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          collected.problems.push({
            path: full,
            message: code === "ENOENT" ? "broken symbolic link" : describeFsError(error),
          });
          continue;
        }
      }
      visit(full);
    }
  }
}

function walk(dir: string, scopeRoot: string, ignorer: Ignorer, collected: Collected, add: (file: string) => void): void {
  eachFile(dir, scopeRoot, ignorer, collected, Infinity, add);
}

function expandGlob(
  arg: string,
  cwd: string,
  ignorer: Ignorer,
  collected: Collected,
  add: (file: string) => void,
): void {
  const pattern = arg.split(path.sep).join("/");
  const { base, rest } = splitGlob(pattern);
  const baseDir = path.resolve(cwd, base);
  let matcher: RegExp;
  try {
    matcher = globToRegExp(rest);
  } catch {
    collected.unmatched.push(arg);
    return;
  }
  let isDir = false;
  try {
    isDir = statSync(baseDir).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") collected.problems.push({ path: baseDir, message: describeFsError(error) });
  }
  if (!isDir) {
    collected.unmatched.push(arg);
    return;
  }
  const scopeRoot = ignorer.scopeRoot(baseDir, baseDir);
  const reason = ignorer.explain(baseDir, true, scopeRoot);
  if (reason) {
    collected.ignored.push({ arg, reason });
    return;
  }
  // Without "**" the pattern cannot reach deeper than its own number of segments.
  const maxDepth = rest.includes("**") ? Infinity : rest.split("/").length - 1;
  let matched = 0;
  eachFile(baseDir, scopeRoot, ignorer, collected, maxDepth, (file) => {
    const relative = path.relative(baseDir, file).split(path.sep).join("/");
    if (matcher.test(relative)) {
      matched++;
      add(file);
    }
  });
  if (matched === 0) collected.unmatched.push(arg);
}

/** The deepest folder that contains every file (ESLint lints nothing outside its `cwd`). */
export function commonRoot(files: readonly string[], fallback: string): string {
  let root: string | undefined;
  for (const file of files) {
    const dir = path.dirname(file);
    if (root === undefined) {
      root = dir;
      continue;
    }
    while (!isInside(dir, root)) {
      const parent = path.dirname(root);
      if (parent === root) break;
      root = parent;
    }
  }
  return root ?? fallback;
}
