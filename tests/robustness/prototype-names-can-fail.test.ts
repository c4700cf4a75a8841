/**
 * The prototype-name generator finds what it is meant to find: with the catalogue's tables
 * built as plain objects (which answer `TABLE["constructor"]` from `Object.prototype`), the
 * programs it writes crash rules the way issue 12 reported.
 */
import { describe, expect, it, vi } from "vitest";
import { lintPrograms } from "./lint.js";
import { catalogueSeeds, prototypeNamePrograms } from "./programs.js";

vi.mock("../../src/util/lookup.js", () => ({
  lookup: <V>(entries: Readonly<Record<string, V>>) => entries,
  lookup2: <V>(entries: Readonly<Record<string, Readonly<Record<string, V>>>>) => entries,
}));

describe("prototype-name programs against plain-object tables", () => {
  it("crash the rules, as in the issue", () => {
    const seeds = catalogueSeeds().filter((seed) => /^(repeating callee setInterval|constructor|module registry)/.test(seed.name));
    const run = lintPrograms(prototypeNamePrograms(seeds), "espree");
    const errors = new Set(run.crashes.map((crash) => crash.error.split("\n")[0]));
    expect([...errors].some((error) => /KNOWN_GLOBAL_REGISTRIES\[inner\.name\]\?\.includes is not a function/.test(error!))).toBe(true);
    expect(errors).toContain("Cannot read properties of undefined (reading 'map')");
  }, 120_000);
});
