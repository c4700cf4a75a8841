#!/usr/bin/env node
// `npm run docs`: rewrites the rules table in README.md from the rules' meta (read from src/).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";
import { renderRulesTable, replaceRulesTable } from "./readme-table.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const jiti = createJiti(import.meta.url);
const plugin = await jiti.import(path.join(root, "src", "index.ts"), { default: true });

const readmePath = path.join(root, "README.md");
const before = readFileSync(readmePath, "utf8");
const after = replaceRulesTable(before, renderRulesTable(plugin));
if (after === before) {
  console.log("README.md rules table is up to date.");
} else {
  writeFileSync(readmePath, after);
  console.log(`README.md rules table updated (${Object.keys(plugin.rules).length} rules).`);
}
