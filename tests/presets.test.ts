import { readFileSync } from "node:fs";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { defineConfig } from "eslint/config";
import { describe, expect, it } from "vitest";
import { PRESET_FILES } from "../src/configs/index.js";
import plugin from "../src/index.js";
import { rules } from "../src/rules/index.js";

const PRESETS = ["recommended", "strict", "all"] as const;
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const enabled = (preset: (typeof PRESETS)[number]) =>
  Object.keys(plugin.configs[preset].rules ?? {}).sort();

/** The rules whose `meta.docs.preset` puts them in `preset`. */
function declared(preset: (typeof PRESETS)[number]): string[] {
  return Object.entries(rules)
    .filter(([, rule]) => {
      const smallest = rule.meta.docs?.preset;
      if (preset === "all") return true;
      if (preset === "strict") return smallest === "recommended" || smallest === "strict";
      return smallest === "recommended";
    })
    .map(([name]) => `leakproof/${name}`)
    .sort();
}

describe("presets", () => {
  it("exports every rule of src/rules/index.ts", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(Object.keys(rules).sort());
  });

  it("puts every rule in configs.all", () => {
    expect(enabled("all")).toEqual(Object.keys(rules).map((name) => `leakproof/${name}`).sort());
  });

  it("nests recommended ⊂ strict ⊂ all", () => {
    for (const rule of enabled("recommended")) expect(enabled("strict")).toContain(rule);
    for (const rule of enabled("strict")) expect(enabled("all")).toContain(rule);
  });

  it("has at least one rule in recommended", () => {
    expect(enabled("recommended").length).toBeGreaterThan(0);
  });

  it.each(PRESETS)("%s holds exactly the rules whose meta.docs.preset says so", (preset) => {
    expect(enabled(preset)).toEqual(declared(preset));
  });

  it("gives every rule a valid meta.docs.preset and a description", () => {
    for (const [name, rule] of Object.entries(rules)) {
      expect(["recommended", "strict", false], name).toContain(rule.meta.docs?.preset);
      expect(rule.meta.docs?.description, name).toMatch(/\S/);
    }
  });

  it.each(PRESETS)("%s is named and registers the plugin as `leakproof`", (preset) => {
    const config = plugin.configs[preset];
    expect(config.name).toBe(`leakproof/${preset}`);
    expect(config.plugins?.leakproof).toBe(plugin);
  });

  it("reports the package name, namespace and version in plugin.meta", () => {
    expect(plugin.meta).toEqual({ name: "eslint-plugin-leakproof", namespace: "leakproof", version: pkg.version });
  });

  it.each(PRESETS)("%s matches every file type the rules understand, and sets no parser", (preset) => {
    const config = plugin.configs[preset];
    expect(config.files).toEqual(["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx", "**/*.ts", "**/*.mts", "**/*.cts", "**/*.tsx", "**/*.vue", "**/*.svelte"]);
    expect(config.files).toEqual([...PRESET_FILES]);
    // Parsing belongs to the user's config (see PRESET_FILES): nothing else is set.
    expect(Object.keys(config).sort()).toEqual(["files", "name", "plugins", "rules"]);
  });

  it.each(PRESETS)("`extends: [\"leakproof/%s\"]` names the same preset", (preset) => {
    const [extended] = defineConfig([{ plugins: { leakproof: plugin as never }, extends: [`leakproof/${preset}`] }]);
    expect(extended?.rules).toEqual(plugin.configs[preset].rules);
    expect(extended?.files).toEqual(plugin.configs[preset].files);
  });

  it("makes ESLint lint a .ts file when the only other config sets a parser (no files)", () => {
    const messages = new Linter().verify(
      "export function start(onTick: () => void): void {\n  const worker = new Worker(\"tick.js\");\n  worker.onmessage = onTick;\n}\n",
      // Like typescript-eslint's base config: a parser for every file, and no `files` of its own.
      [{ languageOptions: { parser: tsParser } }, plugin.configs.all as Linter.Config],
      { filename: "src/ticker.ts" },
    );
    expect(messages.filter((m) => m.ruleId === null).map((m) => m.message)).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toContain("leakproof/no-unclosed-resource");
  });

  it("passes meta.docs.strictOptions in strict and all, and no options in recommended", () => {
    for (const [name, rule] of Object.entries(rules)) {
      const strictOptions = (rule.meta.docs as { strictOptions?: readonly unknown[] } | undefined)?.strictOptions;
      if (!strictOptions?.length) continue;
      const id = `leakproof/${name}`;
      if (rule.meta.docs?.preset === "recommended") expect(plugin.configs.recommended.rules?.[id], id).toBe("error");
      for (const preset of ["strict", "all"] as const) {
        expect(plugin.configs[preset].rules?.[id], `${preset} ${id}`).toEqual(["error", ...strictOptions]);
      }
    }
  });

  it("turns on require-cancellable-loop's ignored-signal check only in strict and all", () => {
    expect(plugin.configs.recommended.rules?.["leakproof/require-cancellable-loop"]).toBe("error");
    expect(plugin.configs.strict.rules?.["leakproof/require-cancellable-loop"]).toEqual(["error", { checkIgnoredSignal: true, reportProbable: true }]);
    expect(plugin.configs.all.rules?.["leakproof/require-cancellable-loop"]).toEqual(["error", { checkIgnoredSignal: true, reportProbable: true }]);
  });
});
