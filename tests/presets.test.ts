import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
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

  it("reports the package version in plugin.meta", () => {
    expect(plugin.meta.name).toBe("eslint-plugin-leakproof");
    expect(plugin.meta.version).toBe(pkg.version);
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
    expect(plugin.configs.strict.rules?.["leakproof/require-cancellable-loop"]).toEqual(["error", { checkIgnoredSignal: true }]);
    expect(plugin.configs.all.rules?.["leakproof/require-cancellable-loop"]).toEqual(["error", { checkIgnoredSignal: true }]);
  });
});
