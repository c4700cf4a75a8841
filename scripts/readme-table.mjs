// The rules table of README.md, made from the rules' meta. Shared by
// scripts/gen-readme-table.mjs (writes it) and tests/readme.test.ts (checks it).

export const BEGIN = "<!-- begin auto-generated rules list -->";
export const END = "<!-- end auto-generated rules list -->";

const PRESET_CELL = { recommended: "✅ recommended", strict: "🔒 strict" };

function hasOptions(schema) {
  if (Array.isArray(schema)) return schema.length > 0;
  return typeof schema === "object" && schema !== null && Object.keys(schema).length > 0;
}

/** Markdown for the table, legend included, rules sorted by name. */
export function renderRulesTable(plugin) {
  const rows = Object.entries(plugin.rules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, rule]) => {
      const docs = rule.meta.docs ?? {};
      const description = String(docs.description ?? "").replaceAll("|", "\\|");
      return [
        `[${name}](docs/rules/${name}.md)`,
        description,
        PRESET_CELL[docs.preset] ?? "all",
        rule.meta.hasSuggestions ? "💡" : "",
        hasOptions(rule.meta.schema) ? "⚙️" : "",
      ];
    });
  return [
    "✅ in `recommended`, `strict` and `all` · 🔒 in `strict` and `all` · all: only in `all` · 💡 has suggestions · ⚙️ has options",
    "",
    "| Rule | Description | Preset | 💡 | ⚙️ |",
    "| --- | --- | --- | :-: | :-: |",
    ...rows.map((cells) => `|${cells.map((cell) => (cell ? ` ${cell} ` : " ")).join("|")}|`),
  ].join("\n");
}

/** `readme` with the text between the markers replaced by `table`. */
export function replaceRulesTable(readme, table) {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin === -1 || end === -1 || end < begin) {
    throw new Error(`README.md needs the markers ${BEGIN} and ${END}`);
  }
  return `${readme.slice(0, begin + BEGIN.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
