/**
 * Checks every rule's docs page against the layout in CONTRIBUTING.md
 * ("Rule pages") and lints each ❌ / ✅ example with only that rule enabled.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";

const docsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "rules");
const REQUIRED_HEADINGS = ["## Why", "## Examples", "## Options", "## Runtime evidence", "## What `strict` adds", "## When not to use it"];
const LANGUAGES = ["js", "jsx", "ts", "tsx"] as const;
type Language = (typeof LANGUAGES)[number];

interface Example {
  kind: "incorrect" | "correct";
  lang: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
  code: string;
  options: unknown[];
}

/** Marked code blocks of a page; see "Rule pages" in CONTRIBUTING.md. */
function extractExamples(markdown: string, unmarked: number[] = []): Example[] {
  const lines = markdown.split("\n");
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(`{3,})\s*(\S*)\s*$/.exec(lines[i] ?? "");
    if (!fence) continue;
    const [, ticks = "```", lang = ""] = fence;
    let end = i + 1;
    while (end < lines.length && (lines[end] ?? "").trim() !== ticks) end++;
    const code = lines.slice(i + 1, end).join("\n");

    let above = i - 1;
    let options: unknown[] = [];
    const comment = /^<!--\s*options:\s*(.*?)\s*-->\s*$/.exec(lines[above] ?? "");
    if (comment) {
      const parsed: unknown = JSON.parse(comment[1] ?? "");
      options = Array.isArray(parsed) ? parsed : [parsed];
      above--;
    }
    while (above >= 0 && (lines[above] ?? "").trim() === "") above--;
    // The marker starts the paragraph above the fence; that paragraph may wrap over lines.
    while (above > 0 && isProse(lines[above - 1])) above--;
    const marker = (lines[above] ?? "").trimStart();
    const kind = marker.startsWith("❌") ? "incorrect" : marker.startsWith("✅") ? "correct" : undefined;
    if (kind) examples.push({ kind, lang, line: i + 1, code, options });
    else if (inExamples(lines, i) && (LANGUAGES as readonly string[]).includes(lang)) {
      // An unmarked code block in "## Examples" would silently go unchecked.
      unmarked.push(i + 1);
    }
    i = end;
  }
  return examples;
}

/** A line of running text: not blank, not a fence, heading or HTML comment. */
function isProse(line: string | undefined): boolean {
  const text = (line ?? "").trim();
  return text !== "" && !text.startsWith("```") && !text.startsWith("#") && !text.startsWith("<!--");
}

/** Whether line `index` lies in the page's `## Examples` section. */
function inExamples(lines: readonly string[], index: number): boolean {
  for (let i = index; i >= 0; i--) {
    const line = lines[i] ?? "";
    if (line.startsWith("## ")) return line.trim() === "## Examples";
  }
  return false;
}

function lint(ruleName: string, example: Example & { lang: Language }): Linter.LintMessage[] {
  const typescriptParser = example.lang !== "js";
  const config: Linter.Config = {
    files: [`**/*.${example.lang}`],
    plugins: { leakproof: plugin as never },
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      ...(typescriptParser && { parser: tsParser }),
      parserOptions: { ecmaFeatures: { jsx: example.lang !== "ts" } },
    },
    rules: { [`leakproof/${ruleName}`]: ["error", ...example.options] as Linter.RuleEntry },
  };
  return new Linter().verify(example.code, config, { filename: `example.${example.lang}` });
}

for (const ruleName of Object.keys(plugin.rules)) {
  const file = path.join(docsDir, `${ruleName}.md`);
  const relative = `docs/rules/${ruleName}.md`;

  describe(relative, () => {
    it("exists", () => {
      expect(existsSync(file), `${relative} is missing (see "Rule pages" in CONTRIBUTING.md)`).toBe(true);
    });
    if (!existsSync(file)) return;
    const markdown = readFileSync(file, "utf8");
    const unmarked: number[] = [];
    const examples = extractExamples(markdown, unmarked);

    it("marks every code example in ## Examples with ❌ or ✅", () => {
      expect(unmarked, `${relative}: code blocks at these lines have no ❌/✅ paragraph above them`).toEqual([]);
    });

    it("has the title and the required headings, in order", () => {
      expect(markdown.split("\n")[0], "the first line is the title").toBe(`# leakproof/${ruleName}`);
      const headings = markdown.split("\n").filter((line) => line.startsWith("## "));
      const found = headings.filter((h) => REQUIRED_HEADINGS.includes(h.trim()));
      expect(found.map((h) => h.trim()), `${relative} headings`).toEqual(REQUIRED_HEADINGS);
    });

    it("lists its options with eslint-doc-generator under ## Options, if it has any", () => {
      const options = markdown.slice(markdown.indexOf("\n## Options\n"), markdown.indexOf("\n## Runtime evidence\n"));
      const schema = plugin.rules[ruleName as keyof typeof plugin.rules].meta.schema;
      const hasOptions = Array.isArray(schema) ? schema.length > 0 : Object.keys(schema ?? {}).length > 0;
      const generated = /<!-- begin auto-generated rule options list -->[^]*<!-- end auto-generated rule options list -->/.test(options);
      expect(generated, `${relative}: the options-list markers (npm run docs fills them in)`).toBe(hasOptions);
      if (!hasOptions) expect(options).toContain("This rule has no options.");
    });

    it("has at least one ❌ and one ✅ example", () => {
      expect(examples.filter((e) => e.kind === "incorrect").length, "❌ examples").toBeGreaterThan(0);
      expect(examples.filter((e) => e.kind === "correct").length, "✅ examples").toBeGreaterThan(0);
    });

    for (const example of examples) {
      const where = `${relative}:${example.line}`;
      it(`${example.kind === "incorrect" ? "❌" : "✅"} ${example.lang} example at line ${example.line}`, () => {
        expect(LANGUAGES, `${where}: info string must be one of ${LANGUAGES.join(", ")}`).toContain(example.lang);
        const messages = lint(ruleName, example as Example & { lang: Language });
        const parseErrors = messages.filter((m) => m.fatal || m.ruleId === null);
        expect(parseErrors.map((m) => `${m.line}:${m.column} ${m.message}`), `${where}: parse errors`).toEqual([]);
        const own = messages.filter((m) => m.ruleId === `leakproof/${ruleName}`);
        if (example.kind === "incorrect") {
          expect(own.length, `${where}: ❌ example should be reported by ${ruleName}`).toBeGreaterThan(0);
        } else {
          expect(own.map((m) => `${m.line}:${m.column} ${m.message}`), `${where}: ✅ example should be clean`).toEqual([]);
        }
      });
    }
  });
}
