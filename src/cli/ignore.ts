import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileIgnoreLine, type IgnoreRule } from "./glob.js";

/** Folder names never walked into, besides any folder whose name starts with ".". */
export const IGNORED_DIRS = ["node_modules", "dist", "build", "coverage"];

/** Where an ignore rule comes from, for the message that names it. */
export type IgnoreOrigin = { kind: "built-in" } | { kind: "gitignore"; file: string } | { kind: "cli" };

/** Why a path is ignored. */
export interface IgnoreReason {
  /** The folder or file the rule matched (the path itself or one of its parent folders). */
  matched: string;
  pattern: string;
  origin: IgnoreOrigin;
}

interface RuleSet {
  /** Patterns are relative to this folder, and only paths inside it are matched. */
  base: string;
  rules: IgnoreRule[];
  origin: IgnoreOrigin;
}

/** `child` is `parent` or inside it. */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  return child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

function toPosix(relative: string): string {
  return path.sep === "/" ? relative : relative.split(path.sep).join("/");
}

function compileAll(lines: readonly string[], onInvalid: (line: string, error: Error) => void): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const line of lines) {
    try {
      const rule = compileIgnoreLine(line);
      if (rule) rules.push(rule);
    } catch (error) {
      onInvalid(line, error as Error);
    }
  }
  return rules;
}

const BUILT_IN_RULES = compileAll([...IGNORED_DIRS.map((dir) => `${dir}/`), ".*/"], () => undefined);

/**
 * Decides which paths the CLI skips. Three kinds of rules, all in gitignore syntax, later
 * ones overriding earlier ones:
 *
 * 1. built in: `node_modules/`, `dist/`, `build/`, `coverage/` and hidden folders;
 * 2. `.gitignore` files, from the root of the path's git repository down to its folder
 *    (outside a repository, from the scope root down), and the repository's `.git/info/exclude`;
 * 3. `--ignore-pattern`s, relative to the current folder.
 *
 * Every decision depends on the path alone, never on the other arguments: a path inside the
 * current folder is judged relative to the current folder (its *scope root*), a path outside
 * it relative to the argument that named it. The scope root itself is never ignored, so
 * `cd build && leakproof .` lints.
 */
export class Ignorer {
  private readonly gitignores = new Map<string, RuleSet | null>();
  private readonly gitRoots = new Map<string, string | null>();
  private readonly chains = new Map<string, RuleSet[]>();
  private readonly cli: RuleSet | undefined;

  constructor(
    private readonly options: {
      cwd: string;
      /** `--ignore-pattern` values. */
      patterns: readonly string[];
      /** `false` with `--no-ignore`: nothing is ignored. */
      enabled: boolean;
      /** A `.gitignore` that exists but cannot be read, or a line that cannot be compiled. */
      onProblem: (file: string, error: Error) => void;
    },
  ) {
    if (options.patterns.length > 0) {
      this.cli = {
        base: options.cwd,
        rules: compileAll(options.patterns, (line, error) => {
          throw new Error(`--ignore-pattern "${line}" is not a valid pattern: ${error.message}`);
        }),
        origin: { kind: "cli" },
      };
    }
  }

  /** The folder a path is judged from: the current folder if it is inside it, else `fallback`. */
  scopeRoot(target: string, fallback: string): string {
    return isInside(target, this.options.cwd) ? this.options.cwd : fallback;
  }

  /**
   * Why `target` is ignored, checking each folder between `scopeRoot` and it (a file inside an
   * ignored folder is ignored), or undefined. For paths named on the command line.
   */
  explain(target: string, isDir: boolean, scopeRoot: string): IgnoreReason | undefined {
    if (!this.options.enabled || target === scopeRoot || !isInside(target, scopeRoot)) return undefined;
    const parts = path.relative(scopeRoot, target).split(path.sep);
    let current = scopeRoot;
    for (let i = 0; i < parts.length; i++) {
      current = path.join(current, parts[i]!);
      const last = i === parts.length - 1;
      const reason = this.match(current, last ? isDir : true, scopeRoot);
      if (reason) return reason;
    }
    return undefined;
  }

  /** Whether an entry met while walking is ignored; its parent folders were already checked. */
  ignores(entry: string, isDir: boolean, scopeRoot: string): boolean {
    return this.options.enabled && this.match(entry, isDir, scopeRoot) !== undefined;
  }

  private match(target: string, isDir: boolean, scopeRoot: string): IgnoreReason | undefined {
    let verdict: IgnoreReason | undefined;
    const sets: RuleSet[] = [
      { base: scopeRoot, rules: BUILT_IN_RULES, origin: { kind: "built-in" } },
      ...this.chain(path.dirname(target), scopeRoot),
      ...(this.cli ? [this.cli] : []),
    ];
    for (const set of sets) {
      if (target === set.base || !isInside(target, set.base)) continue;
      const relative = toPosix(path.relative(set.base, target));
      for (const rule of set.rules) {
        if (rule.dirOnly && !isDir) continue;
        if (rule.regex.test(relative)) {
          verdict = rule.negated ? undefined : { matched: target, pattern: rule.pattern, origin: set.origin };
        }
      }
    }
    return verdict;
  }

  /** The `.gitignore` rule sets that apply to entries of `dir`, shallowest first. */
  private chain(dir: string, scopeRoot: string): RuleSet[] {
    const gitRoot = this.gitRoot(dir);
    const top = gitRoot ?? scopeRoot;
    const key = `${top}\0${dir}`;
    let chain = this.chains.get(key);
    if (chain) return chain;
    chain = [];
    if (isInside(dir, top)) {
      const dirs: string[] = [];
      for (let current = dir; ; current = path.dirname(current)) {
        dirs.unshift(current);
        if (current === top || path.dirname(current) === current) break;
      }
      if (gitRoot !== undefined) {
        const exclude = this.ruleFile(path.join(gitRoot, ".git", "info", "exclude"), gitRoot);
        if (exclude) chain.push(exclude);
      }
      for (const current of dirs) {
        const set = this.ruleFile(path.join(current, ".gitignore"), current);
        if (set) chain.push(set);
      }
    }
    this.chains.set(key, chain);
    return chain;
  }

  private ruleFile(file: string, base: string): RuleSet | null {
    let set = this.gitignores.get(file);
    if (set !== undefined) return set;
    set = null;
    try {
      const lines = readFileSync(file, "utf8").split("\n");
      const rules = compileAll(lines, (line, error) =>
        this.options.onProblem(file, new Error(`skipped the pattern "${line.trim()}": ${error.message}`)),
      );
      set = { base, rules, origin: { kind: "gitignore", file } };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR" && code !== "EISDIR") this.options.onProblem(file, error as Error);
    }
    this.gitignores.set(file, set);
    return set;
  }

  /** The nearest folder at or above `dir` holding a `.git` folder or file. */
  private gitRoot(dir: string): string | undefined {
    const cached = this.gitRoots.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let root: string | null = null;
    if (existsSync(path.join(dir, ".git"))) root = dir;
    else {
      const parent = path.dirname(dir);
      if (parent !== dir) root = this.gitRoot(parent) ?? null;
    }
    this.gitRoots.set(dir, root);
    return root ?? undefined;
  }
}
