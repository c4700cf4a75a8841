/**
 * Bindings that refer to themselves or to each other, in every binding form, in a resource
 * position of every family and in every kind of owner: no rule may throw (issue 12, §1).
 */
import { describe, expect, it } from "vitest";
import { describeCrashes, lintPrograms, sample } from "./lint.js";
import { BINDING_FORMS, OWNERS, USE_SITES, selfReferencePrograms } from "./programs.js";

const programs = selfReferencePrograms();

describe("self- and mutually-referencing bindings", () => {
  it("generates every form × use × owner that fits", () => {
    expect(programs.length).toBeGreaterThan(BINDING_FORMS.length * USE_SITES.length * 3);
    for (const form of BINDING_FORMS) expect(programs.some((p) => p.name.startsWith(`${form.name} ×`)), form.name).toBe(true);
    for (const owner of OWNERS) expect(programs.some((p) => p.name.endsWith(`× ${owner.name}`)), owner.name).toBe(true);
  });

  it("espree: no rule throws", () => {
    const run = lintPrograms(programs, "espree");
    console.log(`self-reference/espree: ${run.linted} linted, ${run.unparsable} unparsable, ${run.messages} messages, ${run.crashes.length} crashes`);
    expect(run.linted).toBeGreaterThan(programs.length * 0.8);
    expect(run.messages).toBeGreaterThan(0);
    expect(run.crashes.length === 0 ? "no crashes" : describeCrashes(run.crashes)).toBe("no crashes");
  }, 300_000);

  it("typescript-eslint (every third program): no rule throws", () => {
    const run = lintPrograms(sample(programs, 3, 1), "typescript-eslint");
    console.log(`self-reference/typescript-eslint: ${run.linted} linted, ${run.unparsable} unparsable, ${run.messages} messages, ${run.crashes.length} crashes`);
    expect(run.linted).toBeGreaterThan((programs.length / 3) * 0.8);
    expect(run.crashes.length === 0 ? "no crashes" : describeCrashes(run.crashes)).toBe("no crashes");
  }, 300_000);

  it("Vue and Svelte parsers (a sample): no rule throws", () => {
    const vue = lintPrograms(sample(programs, 60, 0), "vue");
    const svelte = lintPrograms(sample(programs, 60, 30), "svelte");
    console.log(`self-reference/vue: ${vue.linted} linted, ${vue.unparsable} unparsable, ${vue.crashes.length} crashes; svelte: ${svelte.linted} linted, ${svelte.unparsable} unparsable, ${svelte.crashes.length} crashes`);
    expect(vue.linted).toBeGreaterThan(200);
    expect(svelte.linted).toBeGreaterThan(200);
    const crashes = [...vue.crashes, ...svelte.crashes];
    expect(crashes.length === 0 ? "no crashes" : describeCrashes(crashes)).toBe("no crashes");
  }, 300_000);
});
