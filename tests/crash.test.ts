/**
 * The rules must never throw on input that parses. This lints awkward snippets and
 * seeded mutations of every fixture and example (statements deleted, arguments
 * dropped or swapped) with every rule on, and fails on any exception.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import { mutateSome, prng } from "../scripts/mutate.mjs";

const root = new URL("..", import.meta.url).pathname;
const linter = new Linter({ configType: "flat" });
const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`leakproof/${name}`, "error" as const]));
const config = [
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      sourceType: "module" as const,
    },
    plugins: { leakproof: plugin as never },
    rules: allRules,
  },
];

/** Lints `code`; returns the fatal parse message if it does not parse, throws if a rule throws. */
function lint(code: string, filename = "input.tsx"): { parsed: boolean; count: number } {
  const messages = linter.verify(code, config, filename);
  // A config that does not match the file yields one non-fatal notice and lints nothing.
  const unmatched = messages.find((message) => !message.ruleId && !message.fatal);
  if (unmatched) throw new Error(`not linted (${filename}): ${unmatched.message}`);
  const fatal = messages.find((message) => message.fatal);
  return { parsed: !fatal, count: messages.length };
}

const EDGE_CASES = [
  "",
  "removeEventListener()",
  "window.removeEventListener()",
  "window.addEventListener()",
  "window.addEventListener('x')",
  "window.addEventListener(...args)",
  "el.addEventListener(type, ...rest)",
  "setInterval()",
  "clearInterval()",
  "setInterval(...args)",
  "const t = setInterval(); clearInterval(...[t])",
  "URL.createObjectURL()",
  "URL.revokeObjectURL()",
  "URL['createObjectURL'](b)",
  "new Promise()",
  "new Promise(resolve)",
  "new Promise(async function* () {})",
  "useEffect()",
  "useEffect(cb)",
  "useEffect(() => () => {})",
  "useEffect(async () => { setInterval(f, 1) })",
  "React.useEffect(() => { return; })",
  "class A { [Symbol.dispose]() {} static { setInterval(f, 1) } #t = setInterval(f, 1); accessor x = 1 }",
  "class A extends (Base ?? Other) { componentWillUnmount() { super.componentWillUnmount?.() } }",
  "(class { constructor() { this?.addEventListener?.('x', this.h) } })",
  "el?.addEventListener?.('click', h, { capture: true, ...opts })",
  "el.addEventListener(`click`, h, { [key]: true })",
  "el.removeEventListener(`${type}`, h)",
  "obj[method]('x', h)",
  "function f() { this.t = setInterval(f, 1); this.t = setInterval(f, 1) }",
  "for (;;) { window.addEventListener('x', () => {}) }",
  "label: for (const x of y) { setTimeout(() => { continue label }, 1) }",
  "export default function () { const url = URL.createObjectURL(b); return <img src={url} /> }",
  "const C = () => { useEffect(function named() { const id = requestAnimationFrame(named); }); return null }",
  "async function* g() { for await (const x of on(emitter, 'data')) { await Promise.race([x, p]) } }",
  "while (true) { try { await sleep(1) } catch {} }",
  "do { await x } while (true)",
  "enum E { A } namespace N { setInterval(f, 1) } declare const w: Window; w.addEventListener('x', h)",
  "abstract class S { abstract dispose(): void; start() { this.t = setInterval(() => {}, 1) } }",
  "@Component({}) class Cmp { ngOnInit() { window.addEventListener('x', this.h) } }",
  "const x = <T,>(a: T) => a; x(setInterval)",
  "setInterval`tagged`",
  "new (setInterval as any)(f, 1)",
  "(0, window.setInterval)(f, 1)",
  "let a = b ? setInterval(f, 1) : setTimeout(f, 1)",
  "process.on()",
  "process.on('exit')",
  "emitter.once('x', h); emitter.off()",
];

function* sourceFiles(dir: string): Generator<string> {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(m?[jt]sx?|cjs)$/.test(entry)) yield path;
  }
}

describe("no rule throws", () => {
  it.each(EDGE_CASES.map((code) => [code]))("on %j", (code) => {
    expect(() => lint(code)).not.toThrow();
  });

  const files = [...sourceFiles(join(root, "tests/fixtures")), ...sourceFiles(join(root, "examples"))];

  it("really lints: a known leak is reported", () => {
    expect(lint("function C() { useEffect(() => { setInterval(tick, 1000); }, []); return <div />; }").count).toBeGreaterThan(0);
  });

  it("finds fixtures and examples to mutate", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("on seeded mutations of every fixture and example", () => {
    const random = prng(20261123);
    let linted = 0;
    for (const file of files) {
      const original = readFileSync(file, "utf8");
      const filename = file.replace(/\.(mjs|cjs|js|jsx)$/, ".tsx");
      for (let round = 0; round < 25; round++) {
        const code = mutateSome(original, random);
        try {
          if (lint(code, relative(root, filename)).parsed) linted++;
        } catch (error) {
          throw new Error(`rule crashed on a mutation of ${relative(root, file)} (round ${round}):\n${code}\n\n${String((error as Error).stack)}`);
        }
      }
    }
    expect(linted).toBeGreaterThan(files.length * 10);
    // A fixed amount of work (25 mutations of every fixture and example): the bound only stops a
    // hang. Speed is measured by the bench, and shared machines run this several times slower.
  }, 600_000);
});
