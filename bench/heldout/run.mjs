// Held-out lint run of eslint-plugin-leakproof over packages its rules were not tuned on.
// Usage (from the repository root, after `npm run build`):
//   cd bench/heldout && npm install && node run.mjs   -> writes results.json, prints a summary.
import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import plugin from "../../dist/index.js"; // the plugin as built by `npm run build`
import fs from "node:fs";
import path from "node:path";

const NM = path.resolve("node_modules");

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out.sort();
}
const isCode = (f) =>
  /\.(js|mjs|cjs|jsx|ts|tsx)$/.test(f) && !/\.d\.(c|m)?ts$/.test(f) && !/\.min\./.test(f);

// package -> list of source-like files (paths relative to node_modules)
const targets = process.env.CROSSCHECK ? {
  "reconnecting-websocket (TS source, cross-check)": ["reconnecting-websocket/reconnecting-websocket.ts", "reconnecting-websocket/events.ts"],
  "sortablejs (src, cross-check)": ["sortablejs/src/Sortable.js","sortablejs/src/Animation.js","sortablejs/src/BrowserInfo.js","sortablejs/src/EventDispatcher.js","sortablejs/src/PluginManager.js","sortablejs/src/utils.js"],
} : {
  "video.js": ["video.js/dist/video.es.js"], // src/ ships only CSS
  "chart.js": ["chart.js/dist/chart.js", "chart.js/dist/chunks/index.js"], // chunk = helpers imported by chart.js
  plyr: walk(path.join(NM, "plyr/src/js")).filter(isCode).map((f) => path.relative(NM, f)),
  sortablejs: ["sortablejs/modular/sortable.esm.js"],
  "tippy.js": ["tippy.js/dist/tippy.esm.js"],
  "reconnecting-websocket": ["reconnecting-websocket/dist/reconnecting-websocket-mjs.js"],
  dygraphs: walk(path.join(NM, "dygraphs/src")).filter(isCode).map((f) => path.relative(NM, f)),
};

const jsConfig = {
  files: ["**/*.{js,mjs,cjs,jsx,ts,tsx}"],
  languageOptions: {
    ecmaVersion: "latest",
    sourceType: "module",
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
  plugins: { leakproof: plugin },
  rules: plugin.configs.recommended.rules,
};
const tsConfig = {
  ...jsConfig,
  files: ["**/*.{ts,tsx}"],
  languageOptions: { ...jsConfig.languageOptions, parser: tsParser },
};
const config = [jsConfig, tsConfig];

const linter = new Linter({ configType: "flat" });
const results = { files: {}, messages: [], crashes: [], parseErrors: [], directiveNotices: [] };
const t0 = Date.now();
for (const [pkg, files] of Object.entries(targets)) {
  results.files[pkg] = files;
  for (const rel of files) {
    const abs = path.join(NM, rel);
    const code = fs.readFileSync(abs, "utf8");
    const t = Date.now();
    let msgs;
    try {
      // Virtual filename: flat config ignores **/node_modules/ by default, which would
      // silently skip every file ("No matching configuration found"). Map it out of node_modules.
      const filename = path.resolve("pkgs", rel);
      const r = linter.verifyAndFix(code, config, { filename, fix: false });
      msgs = r.messages;
    } catch (err) {
      results.crashes.push({ pkg, file: rel, error: String(err && err.stack || err) });
      console.error("CRASH", rel, err && err.message);
      continue;
    }
    for (const m of msgs) {
      if (/No matching configuration/.test(m.message)) {
        throw new Error(`file not linted (config mismatch): ${rel}`);
      }
      if (m.fatal) {
        results.parseErrors.push({ pkg, file: rel, line: m.line, column: m.column, message: m.message });
      } else if (!m.ruleId) {
        // e.g. "'/* eslint-disable */' has no effect because you have 'noInlineConfig'" -- not a finding
        results.directiveNotices.push({ pkg, file: rel, line: m.line, message: m.message });
      } else {
        results.messages.push({ pkg, file: rel, line: m.line, column: m.column, rule: m.ruleId, message: m.message });
      }
    }
    console.error(`${rel}: ${msgs.length} msgs (${Date.now() - t} ms)`);
  }
}
results.elapsedMs = Date.now() - t0;
fs.writeFileSync(process.env.CROSSCHECK ? "results-crosscheck.json" : "results.json", JSON.stringify(results, null, 2));
const byRule = {};
for (const m of results.messages) byRule[m.rule] = (byRule[m.rule] || 0) + 1;
const byPkg = {};
for (const m of results.messages) byPkg[m.pkg] = (byPkg[m.pkg] || 0) + 1;
console.log(JSON.stringify({ total: results.messages.length, byRule, byPkg, crashes: results.crashes.length, parseErrors: results.parseErrors, directiveNotices: results.directiveNotices.length, elapsedMs: results.elapsedMs }, null, 2));
