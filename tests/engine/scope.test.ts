/**
 * Scopes resolves names through memos (the innermost scope first, names that resolve the same
 * from anywhere, each scope's lookups): whatever it answered before, its answer for every
 * reference of a file must be the scope manager's own (`Reference#resolved`), and what it
 * already knows to be a global must be one there, for names declared nowhere, only as
 * configured or commented globals, in one scope, or shadowed in some.
 */
import { Linter } from "eslint";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { Scopes } from "../../src/ast/scope.js";

type Reference = TSESLint.Scope.Reference;

/** Each reference's answer from a fresh Scopes, asked in `order`, against the scope manager's. */
function mismatches(code: string, sourceType: "module" | "script", globals: Record<string, "readonly">, order: "forward" | "backward"): string[] {
  const out: string[] = [];
  let checked = 0;
  const rule = {
    create(context: Readonly<TSESLint.RuleContext<string, []>>) {
      return {
        "Program:exit"() {
          const sourceCode = context.sourceCode;
          const references: Reference[] = sourceCode.scopeManager!.scopes.flatMap((scope) => scope.references);
          if (order === "backward") references.reverse();
          const scopes = new Scopes(sourceCode);
          for (const reference of references) {
            const id = reference.identifier as TSESTree.Identifier;
            const resolved = reference.resolved;
            const expected = resolved && resolved.defs.length > 0 ? resolved : undefined;
            checked++;
            if (scopes.variable(id) !== expected) out.push(`variable(${id.name}) at ${id.loc.start.line}:${id.loc.start.column}`);
            const global = !resolved || resolved.defs.length === 0;
            if (scopes.isGlobal(id, id.name) !== global) out.push(`isGlobal(${id.name}) at ${id.loc.start.line}:${id.loc.start.column}`);
            // What it already knows to be a global from anywhere (refs' keys take `g:` from it).
            if (scopes.knownGlobal(id.name) && !global) out.push(`knownGlobal(${id.name}) at ${id.loc.start.line}:${id.loc.start.column}`);
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(code, [
    {
      languageOptions: { ecmaVersion: "latest", sourceType, globals },
      plugins: { check: { rules: { scopes: rule as never } } },
      rules: { "check/scopes": "error" },
    },
  ]);
  const fatal = messages.find((message) => message.fatal || message.ruleId === "check/scopes");
  if (fatal) throw new Error(fatal.message);
  if (checked === 0) throw new Error("no reference checked");
  return out;
}

/** A program where each name is used in many scopes: shadowed in some, global in others. */
function program(seed: number): string {
  const names = ["window", "URL", "setInterval", "helper", "value", "constructor", "toString", "fetch"];
  const pick = (i: number) => names[(seed * 7 + i * 3) % names.length]!;
  const lines: string[] = ["/* global fetch */"];
  for (let i = 0; i < 12; i++) {
    const a = pick(i);
    const b = pick(i + 1);
    const shadow = (seed + i) % 3 === 0;
    lines.push(`function f${i}(${i % 4 === 0 ? a : "p"}) {`);
    if (shadow) lines.push(`  const ${b} = ${a};`);
    lines.push(`  ${a}; ${b}; { let ${pick(i + 2)} = ${b}; ${pick(i + 2)}; ${a}; }`);
    lines.push(`  return () => ${a} && ${b} && ${pick(i + 5)};`);
    lines.push("}");
    if (i % 5 === 2) lines.push(`var ${pick(i + 4)} = ${pick(i + 6)};`);
  }
  lines.push(`${pick(0)}; ${pick(1)}; ${pick(2)}; class C { m() { return ${pick(3)} + ${pick(4)}; } }`);
  return lines.join("\n");
}

/** More distinct globals than Scopes keeps answers for, then shadowed and configured names. */
function manyGlobals(): string {
  const lines = Array.from({ length: 600 }, (_, i) => `g${i}();`);
  lines.push("function f(window) { window; URL; g1; { const URL = 1; URL; g599; } }", "window; URL; helper;");
  return lines.join("\n");
}

describe("Scopes agrees with the scope manager for every reference", () => {
  it("past the names it keeps answers for", () => {
    for (const order of ["forward", "backward"] as const) {
      expect(mismatches(manyGlobals(), "module", { window: "readonly", URL: "readonly" }, order)).toEqual([]);
    }
  });

  const globalSets: Record<string, Record<string, "readonly">> = {
    none: {},
    browser: { window: "readonly", URL: "readonly", setInterval: "readonly" },
    "shadowed configured globals": { helper: "readonly", value: "readonly", window: "readonly" },
  };
  for (const sourceType of ["module", "script"] as const) {
    for (const [label, globals] of Object.entries(globalSets)) {
      for (const order of ["forward", "backward"] as const) {
        it(`${sourceType}, globals: ${label}, asked ${order}`, () => {
          for (let seed = 0; seed < 16; seed++) expect(mismatches(program(seed), sourceType, globals, order), program(seed)).toEqual([]);
        });
      }
    }
  }
});
