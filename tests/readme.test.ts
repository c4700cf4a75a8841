/**
 * The README's config snippets, used as a user would: each one marked
 * `<!-- config-check: <file types> -->` is copied into a scratch project that has a planted
 * leak in every file type it claims, and `eslint .` must report each leak with no parsing
 * error. Snippets without `export default` are additions (Vue, Svelte): they are spliced
 * into the first complete snippet, where the README tells the user to put them.
 * (The rules table is eslint-doc-generator's: `npm run lint:docs` checks it.)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../scripts/ensure-build.mjs";
import { FILE_TYPES, PLANTED_LEAKS, plantedFiles, type FileType } from "./helpers/planted-leaks.js";
import { describeMessages, linkPackage, root, runEslint, scratchProject, writeFiles } from "./helpers/project.js";

const readme = readFileSync(path.join(root, "README.md"), "utf8");

interface Snippet {
  /** 1-based line of the opening fence. */
  line: number;
  claims: FileType[];
  typed: boolean;
  code: string;
}

/** The marked ```js blocks of the README, and the lines of unmarked ones that configure leakproof. */
function readSnippets(markdown: string): { snippets: Snippet[]; unmarked: number[] } {
  const lines = markdown.split("\n");
  const snippets: Snippet[] = [];
  const unmarked: number[] = [];
  let marker: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const mark = /^<!--\s*config-check:\s*(.*?)\s*-->$/.exec(line);
    if (mark) {
      marker = (mark[1] ?? "").split(/\s+/).filter(Boolean);
      continue;
    }
    const fence = /^```(\S*)\s*$/.exec(line);
    if (!fence) {
      if (line.trim() !== "") marker = undefined;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && lines[end] !== "```") end++;
    const code = lines.slice(i + 1, end).join("\n");
    if (marker && fence[1] === "js") {
      snippets.push({
        line: i + 1,
        typed: marker.includes("typed"),
        claims: marker.filter((word) => word !== "typed") as FileType[],
        code,
      });
    } else if (fence[1] === "js" && /leakproof/.test(code)) {
      unmarked.push(i + 1);
    }
    marker = undefined;
    i = end;
  }
  return { snippets, unmarked };
}

/** An addition's imports go after the base's imports, its objects right before leakproof's preset. */
function splice(base: string, addition: string): string {
  const additionLines = addition.split("\n");
  const imports = additionLines.filter((line) => line.startsWith("import "));
  const body = additionLines.filter((line) => !line.startsWith("import ")).join("\n").trim();
  const baseLines = base.split("\n");
  const lastImport = baseLines.findLastIndex((line) => line.startsWith("import "));
  const preset = baseLines.findIndex((line) => line.trim() === "leakproof.configs.recommended,");
  if (lastImport < 0 || preset < 0) throw new Error("the first complete snippet has no imports or no `leakproof.configs.recommended,` line");
  const indent = /^\s*/.exec(baseLines[preset] ?? "")?.[0] ?? "";
  const bodyLines = body.split("\n").map((line) => (line.trim() ? `${indent}${line.replace(/^ {2}/, "")}` : line));
  return [
    ...baseLines.slice(0, lastImport + 1),
    ...imports,
    ...baseLines.slice(lastImport + 1, preset),
    ...bodyLines,
    ...baseLines.slice(preset),
  ].join("\n");
}

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2022", "DOM"],
    jsx: "react-jsx",
    strict: true,
    skipLibCheck: true,
    types: [],
  },
  include: ["src"],
});

/**
 * A custom bus whose `on()` returns its unsubscribe function: without types the listener
 * rule takes `bus.on(...)` for an emitter's and reports it; with types it knows better.
 */
const TYPED_ONLY_FILES = {
  "src/bus.ts": `export interface Bus {
  on(event: string, listener: () => void): () => void;
  emit(event: string): void;
}
export declare const bus: Bus;
`,
  "src/cart-badge.ts": `import { bus } from "./bus.js";

export class CartBadge extends HTMLElement {
  private stop: (() => void) | undefined;
  connectedCallback(): void {
    this.stop = bus.on("cart:changed", () => this.render());
  }
  disconnectedCallback(): void {
    this.stop?.();
  }
  render(): void {
    this.textContent = "updated";
  }
}
`,
};

const { snippets, unmarked } = readSnippets(readme);
const complete = snippets.filter((s) => /^export default /m.test(s.code));
const base = complete[0];

beforeAll(() => {
  ensureBuilt({ quiet: true });
}, 300_000);

describe("README config snippets", () => {
  const scratch: { remove: () => void }[] = [];
  afterAll(() => scratch.forEach((s) => s.remove()));

  it("marks every JavaScript block that configures leakproof with the file types it covers", () => {
    expect(unmarked, "README.md lines of ```js blocks without <!-- config-check: ... -->").toEqual([]);
    for (const snippet of snippets) {
      for (const type of snippet.claims) expect(FILE_TYPES, `README.md:${snippet.line}`).toContain(type);
    }
  });

  it("opens with a complete config for every JavaScript and TypeScript file type", () => {
    const configure = readme.indexOf("\n## Configure");
    expect(configure).toBeGreaterThan(0);
    const first = snippets.find((s) => readme.split("\n").slice(0, s.line).join("\n").length > configure);
    expect(first, "a marked snippet under ## Configure").toBeDefined();
    expect(first).toBe(base);
    expect([...(first?.claims ?? [])].sort()).toEqual(["cjs", "cts", "js", "jsx", "mjs", "mts", "ts", "tsx"]);
  });

  for (const snippet of snippets) {
    const isAddition = !complete.includes(snippet);
    const title = `README.md:${snippet.line} (${isAddition ? "added to the first config, " : ""}${snippet.typed ? "typed, " : ""}${snippet.claims.join(" ")})`;
    it(`${title} reports the planted leak in each file type`, () => {
      if (!base) throw new Error("README.md has no complete config snippet");
      const config = isAddition ? splice(base.code, snippet.code) : snippet.code;
      const project = scratchProject("readme");
      scratch.push(project);
      writeFiles(project.dir, {
        "package.json": JSON.stringify({ name: "readme-snippet", private: true, type: "module" }),
        "tsconfig.json": TSCONFIG,
        "eslint.config.js": config,
        ...plantedFiles(snippet.claims),
        ...(snippet.typed ? TYPED_ONLY_FILES : {}),
      });
      linkPackage(project.dir, "eslint-plugin-leakproof", root);

      const results = runEslint(project.dir);
      const problems = describeMessages(results).filter((m) => / FATAL |\(no rule\)/.test(m));
      expect(problems, "parsing errors and ignored files").toEqual([]);
      for (const type of snippet.claims) {
        const leak = PLANTED_LEAKS[type];
        const found = (results.get(leak.path) ?? []).filter((m) => m.ruleId === leak.rule).map((m) => m.line);
        expect(found, `${leak.path}: ${leak.rule}\n${describeMessages(results).join("\n")}`).toContain(leak.line);
      }

      if (snippet.typed) {
        // With type information the bus is known not to be an emitter ...
        const typed = (results.get("src/cart-badge.ts") ?? []).filter((m) => m.ruleId?.startsWith("leakproof/"));
        expect(typed.map((m) => `${m.line} ${m.message}`), "src/cart-badge.ts with types").toEqual([]);
        // ... and without it (the first snippet) the same file is reported: types made the difference.
        writeFiles(project.dir, { "eslint.config.js": base.code });
        const untyped = runEslint(project.dir).get("src/cart-badge.ts") ?? [];
        expect(untyped.filter((m) => m.ruleId === "leakproof/no-leaked-event-listener").map((m) => m.line)).toEqual([6]);
      }
    }, 120_000);
  }
});
