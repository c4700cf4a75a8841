import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { renderRulesTable, replaceRulesTable } from "../scripts/readme-table.mjs";
import plugin from "../src/index.js";

it("README.md has the current rules table (run `npm run docs` to update it)", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const expected = replaceRulesTable(readme, renderRulesTable(plugin));
  expect(readme === expected, "README.md rules table is out of date: run npm run docs").toBe(true);
});
