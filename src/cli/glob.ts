/**
 * Glob patterns for the CLI: the `'src/**\/*.ts'` arguments a shell did not expand, and the
 * gitignore-style patterns of `.gitignore` files and `--ignore-pattern`. Both compile to one
 * regular expression over a `/`-separated relative path. Written here rather than pulled in
 * as a dependency so that the `leakproof` bin needs nothing beyond ESLint.
 */

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, "\\$&");
}

/** Whether `text` has an unescaped glob character (`*`, `?`, `[`, `{`). */
export function hasGlobMagic(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?" || c === "[" || c === "{") return true;
  }
  return false;
}

/** A `[...]` class starting at `start`, or undefined when there is no closing `]`. */
function bracketClass(pattern: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === "!" || pattern[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  for (let first = true; i < pattern.length; i++, first = false) {
    const c = pattern[i]!;
    // A "]" right after the opening bracket is a member, as in fnmatch.
    if (c === "]" && !first) {
      // A class never matches the separator, negated or not.
      return { source: `(?!/)[${negate ? "^" : ""}${body}]`, end: i + 1 };
    }
    if (c === "\\" && i + 1 < pattern.length) {
      i++;
      body += `\\${pattern[i]}`;
    } else if (c === "-") {
      body += "-";
    } else {
      body += /[\]\\^[]/.test(c) ? `\\${c}` : c;
    }
  }
  return undefined;
}

/** The index of the `}` closing the `{` at `start`, and the top-level alternatives in between. */
function braceGroup(pattern: string, start: number): { alternatives: string[]; end: number } | undefined {
  let depth = 0;
  let from = start + 1;
  const alternatives: string[] = [];
  for (let i = start; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) {
        alternatives.push(pattern.slice(from, i));
        return alternatives.length > 1 ? { alternatives, end: i + 1 } : undefined;
      }
    } else if (c === "," && depth === 1) {
      alternatives.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  return undefined;
}

/**
 * Regular-expression source (no anchors) for a glob over `/`-separated paths:
 * `*` and `?` stay within one segment, `**` as a whole segment spans any number of folders,
 * `[...]` is a character class (`[!...]` negated), `\` escapes, and with `braces`,
 * `{a,b}` is an alternative.
 */
export function globSource(pattern: string, braces: boolean): string {
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      out += escapeRegex(pattern[i + 1] ?? "\\");
      i += 2;
    } else if (c === "*") {
      let j = i;
      while (pattern[j] === "*") j++;
      const wholeSegment = (i === 0 || pattern[i - 1] === "/") && (j === pattern.length || pattern[j] === "/");
      if (j - i >= 2 && wholeSegment) {
        if (j === pattern.length) {
          out += ".*";
          i = j;
        } else {
          out += "(?:[^/]*/)*";
          i = j + 1;
        }
      } else {
        out += "[^/]*";
        i = j;
      }
    } else if (c === "?") {
      out += "[^/]";
      i++;
    } else if (c === "[" && bracketClass(pattern, i)) {
      const cls = bracketClass(pattern, i)!;
      out += cls.source;
      i = cls.end;
    } else if (c === "{" && braces && braceGroup(pattern, i)) {
      const group = braceGroup(pattern, i)!;
      out += `(?:${group.alternatives.map((alt) => globSource(alt, braces)).join("|")})`;
      i = group.end;
    } else {
      out += escapeRegex(c);
      i++;
    }
  }
  return out;
}

/** A shell-style glob (`src/**\/*.ts`, `{lib,test}/*.js`) as a whole-path matcher. Throws a SyntaxError on an impossible class such as `[z-a]`. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${globSource(pattern, true)}$`);
}

/**
 * Splits a glob into the folder to search (its leading segments without glob characters)
 * and the rest, which is matched against paths relative to that folder.
 */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.split("/");
  let literal = 0;
  while (literal < segments.length - 1 && !hasGlobMagic(segments[literal]!)) literal++;
  const baseSegments = segments.slice(0, literal);
  const base = baseSegments.length === 1 && baseSegments[0] === "" ? "/" : baseSegments.join("/");
  return { base: base === "" ? "." : base, rest: segments.slice(literal).join("/") };
}

/** One line of a `.gitignore` file (or one `--ignore-pattern`), compiled. */
export interface IgnoreRule {
  /** The pattern as written, for messages. */
  pattern: string;
  /** Matches a path relative to the folder the rule belongs to. */
  regex: RegExp;
  /** `!pattern`: un-ignores what an earlier rule ignored. */
  negated: boolean;
  /** `pattern/`: matches folders only. */
  dirOnly: boolean;
}

/**
 * Compiles one gitignore line. Returns undefined for blank lines and comments, and throws a
 * SyntaxError for a pattern no path can match (an impossible class such as `[z-a]`).
 *
 * As in git: a pattern with a `/` other than a trailing one is anchored to its folder, one
 * without matches at any depth, a trailing `/` matches folders only, `!` negates, and a
 * backslash escapes a leading `#` or `!` or a trailing space.
 */
export function compileIgnoreLine(line: string): IgnoreRule | undefined {
  let text = line.replace(/\r$/, "");
  if (text === "" || text.startsWith("#")) return undefined;
  // Trailing spaces are dropped unless the last one is escaped.
  text = text.replace(/(?<!\\) +$/, "");
  let negated = false;
  if (text.startsWith("!")) {
    negated = true;
    text = text.slice(1);
  }
  let dirOnly = false;
  if (text.endsWith("/") && !text.endsWith("\\/")) {
    dirOnly = true;
    text = text.replace(/\/+$/, "");
  }
  if (text === "") return undefined;
  const anchored = text.includes("/");
  if (text.startsWith("/")) text = text.slice(1);
  const body = globSource(text, false);
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  return { pattern: line.trim(), regex, negated, dirOnly };
}
