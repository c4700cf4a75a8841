/**
 * Every name of an `Object.prototype` member in every identifier, member and module
 * position of every catalogue entry: no rule may throw (issue 12, §1).
 */
import { describe, expect, it } from "vitest";
import { describeCrashes, lintPrograms, sample } from "./lint.js";
import { PROTOTYPE_NAMES, catalogueSeeds, prototypeNamePrograms } from "./programs.js";

const seeds = catalogueSeeds();
const programs = prototypeNamePrograms(seeds);

describe("Object.prototype names in catalogue positions", () => {
  it("covers every prototype name", () => {
    expect(PROTOTYPE_NAMES).toEqual(expect.arrayContaining(["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "__defineGetter__"]));
    expect(seeds.length).toBeGreaterThan(100);
    for (const name of PROTOTYPE_NAMES) expect(programs.some((p) => p.name.endsWith(`= ${name}`))).toBe(true);
  });

  it("espree: no rule throws", () => {
    const run = lintPrograms(programs, "espree");
    console.log(`prototype-names/espree: ${run.linted} linted, ${run.unparsable} unparsable, ${run.messages} messages, ${run.crashes.length} crashes`);
    expect(run.linted).toBeGreaterThan(programs.length * 0.8);
    expect(run.messages).toBeGreaterThan(0);
    expect(run.crashes.length === 0 ? "no crashes" : describeCrashes(run.crashes)).toBe("no crashes");
  }, 300_000);

  it("typescript-eslint: no rule throws", () => {
    const run = lintPrograms(programs, "typescript-eslint");
    console.log(`prototype-names/typescript-eslint: ${run.linted} linted, ${run.unparsable} unparsable, ${run.messages} messages, ${run.crashes.length} crashes`);
    expect(run.linted).toBeGreaterThan(programs.length * 0.8);
    expect(run.crashes.length === 0 ? "no crashes" : describeCrashes(run.crashes)).toBe("no crashes");
  }, 300_000);

  it("Vue and Svelte parsers (a sample): no rule throws", () => {
    const vue = lintPrograms(sample(programs, 20, 0), "vue");
    const svelte = lintPrograms(sample(programs, 20, 10), "svelte");
    expect(vue.linted).toBeGreaterThan(200);
    expect(svelte.linted).toBeGreaterThan(200);
    console.log(`prototype-names/vue: ${vue.linted} linted, ${vue.unparsable} unparsable, ${vue.crashes.length} crashes; svelte: ${svelte.linted} linted, ${svelte.unparsable} unparsable, ${svelte.crashes.length} crashes`);
    const crashes = [...vue.crashes, ...svelte.crashes];
    expect(crashes.length === 0 ? "no crashes" : describeCrashes(crashes)).toBe("no crashes");
  }, 300_000);
});
