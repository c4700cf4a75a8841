/**
 * The examples of docs/audit.md are real: every `<!-- audit-file: <example>/<path> -->` block
 * becomes a file of a throw-away project, and each example's findings must be exactly its
 * `<!-- audit-expect: <example> <file>:<line> <kind> <grade> -->` lines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditKeys, removeProjects, repoRoot } from "./helpers.js";

afterAll(removeProjects);

const markdown = readFileSync(path.join(repoRoot, "docs", "audit.md"), "utf8");
const examples = new Map<string, { files: Record<string, string>; expected: string[] }>();
const example = (name: string) => {
  let entry = examples.get(name);
  if (!entry) {
    entry = { files: {}, expected: [] };
    examples.set(name, entry);
  }
  return entry;
};
for (const match of markdown.matchAll(/<!-- audit-file: ([\w-]+)\/(\S+) -->\n```ts\n([\s\S]*?)```/g)) {
  example(match[1]!).files[match[2]!] = match[3]!;
}
for (const match of markdown.matchAll(/<!-- audit-expect: ([\w-]+) (\S+ \S+ \S+) -->/g)) {
  example(match[1]!).expected.push(match[2]!);
}

describe("docs/audit.md examples", () => {
  it("has examples", () => {
    expect(examples.size).toBeGreaterThanOrEqual(3);
  });
  for (const [name, { files, expected }] of examples) {
    it(`${name}: reports exactly what the page says`, async () => {
      expect(Object.keys(files).length).toBeGreaterThan(0);
      expect(await auditKeys(files)).toEqual([...expected].sort());
    });
  }
});
