/**
 * The ESLint side of `leakproof audit --write-summaries`: when `.leakproof/summaries.json` is
 * present above a linted file, an imported project helper is judged like a local one (its
 * dropped disposer is a leak, a self-cleaning hook owes nothing), and only while the helper's
 * file still has the text the summaries were computed from.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { SUMMARY_CACHE_FORMAT, SUMMARY_CACHE_VERSION, contentHash } from "../../src/resources/summary-cache.js";

const POLL = `export function startPolling(fn: () => void) {\n  const id = setInterval(fn, 1000);\n  return () => clearInterval(id);\n}\n`;
const HOOK = `export function useTicker(fn: () => void) {\n  useEffect(() => {\n    const id = setInterval(fn, 1000);\n    return () => clearInterval(id);\n  }, [fn]);\n  return () => {};\n}\n`;
const VIEW = `import { useEffect } from "react";
import { startPolling } from "./poll";
import { useTicker } from "./ticker";
export function Clock({ tick }: { tick: () => void }) {
  useEffect(() => {
    startPolling(tick);
  }, [tick]);
  useTicker(tick);
  return null;
}
`;

let root = "";
const write = (file: string, text: string): void => writeFileSync(path.join(root, file), text);

function cache(pollText = POLL): string {
  return JSON.stringify({
    format: SUMMARY_CACHE_FORMAT,
    version: SUMMARY_CACHE_VERSION,
    generator: "test",
    root: "..",
    modules: {
      "src/poll.ts": {
        hash: contentHash(pollText),
        imports: {},
        exports: {
          startPolling: {
            kind: "function",
            returns: { family: "disposer", callable: true, release: [], releasedBy: [], holder: "runtime", label: "an interval timer" },
          },
        },
      },
      "src/ticker.ts": {
        hash: contentHash(HOOK),
        imports: {},
        exports: {
          useTicker: {
            kind: "function",
            selfCleaning: true,
            returns: { family: "disposer", callable: true, release: [], releasedBy: [], holder: "runtime", label: "an interval timer" },
          },
        },
      },
    },
  });
}

function lint(settings: Record<string, unknown> = {}): { messageId: string | undefined; line: number }[] {
  const messages = new Linter({ configType: "flat", cwd: root }).verify(
    VIEW,
    [
      {
        files: ["**/*.tsx"],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { leakproof: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
        settings: { leakproof: settings },
        rules: { "leakproof/no-leaked-subscription": "error" },
      },
    ],
    path.join(root, "src", "view.tsx"),
  );
  return messages.map((m) => ({ messageId: m.messageId ?? m.message, line: m.line }));
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "leakproof-summaries-"));
  mkdirSync(path.join(root, "src"));
  mkdirSync(path.join(root, ".leakproof"));
  write("src/poll.ts", POLL);
  write("src/ticker.ts", HOOK);
  write("src/view.tsx", VIEW);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("the audit's summary cache, read by the rules", () => {
  it("without a cache, an imported helper is unknown: nothing is reported", () => {
    rmSync(path.join(root, ".leakproof", "summaries.json"), { force: true });
    expect(lint()).toEqual([]);
  });

  it("finds a cache written after a run that found none (a long-running editor session)", async () => {
    write(".leakproof/summaries.json", cache());
    // The folder's "no cache" answer is looked at again after a short while.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(lint()).toEqual([{ messageId: "discarded", line: 6 }]);
  });

  it("with a cache, a dropped disposer of an imported helper is reported, a self-cleaning hook is not", () => {
    write(".leakproof/summaries.json", cache());
    expect(lint()).toEqual([{ messageId: "discarded", line: 6 }]);
  });

  it("settings.leakproof.summaries: false ignores the cache", () => {
    write(".leakproof/summaries.json", cache());
    expect(lint({ summaries: false })).toEqual([]);
  });

  it("ignores the entry of a helper whose file changed since the cache was written", () => {
    write(".leakproof/summaries.json", cache(`${POLL}// edited\n`));
    expect(lint()).toEqual([]);
  });
});
