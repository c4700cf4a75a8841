import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const EXTENSIONS = ["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx"];
/** Single-file components, linted only when their parser is installed in the user's project. */
export const SFC_PARSERS: Readonly<Record<string, string>> = { vue: "vue-eslint-parser", svelte: "svelte-eslint-parser" };
/** Folder names never walked into (besides any folder whose name starts with "."). */
export const IGNORED_DIRS = ["node_modules", "dist", "build", "coverage"];

const LINTABLE = new RegExp(`\\.(?:${[...EXTENSIONS, ...Object.keys(SFC_PARSERS)].join("|")})$`);

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !IGNORED_DIRS.includes(entry.name)) walk(full, out);
    } else if (entry.isFile() && LINTABLE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      out.push(full);
    }
  }
}

/** The paths (absolute) among `targets` that do not exist. */
export function missingPaths(targets: string[]): string[] {
  return targets.filter((target) => {
    try {
      statSync(target);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * Every JS/TS file under the targets, absolute and deduplicated. Folders are
 * walked minus the ignored ones; a file named directly is passed on as it is.
 */
export function collectFiles(targets: string[]): string[] {
  const found: string[] = [];
  for (const target of targets) {
    if (statSync(target).isDirectory()) walk(target, found);
    else if (LINTABLE.test(target)) found.push(target);
  }
  return [...new Set(found)];
}

/** The deepest folder that contains every target (ESLint ignores files outside its cwd). */
export function commonRoot(targets: string[]): string {
  const dirs = targets.map((t) => (statSync(t).isDirectory() ? t : path.dirname(t)));
  let root = dirs[0] ?? process.cwd();
  for (const dir of dirs) {
    while (dir !== root && !dir.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) {
      const parent = path.dirname(root);
      if (parent === root) break;
      root = parent;
    }
  }
  return root;
}
