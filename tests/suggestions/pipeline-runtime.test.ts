/**
 * The `pipeline()` rewrite still copies the data: a small program with a `.pipe()` chain is
 * rewritten by the rule's own suggestion and both versions run in a child process. The copy
 * must come out byte for byte the same; when the source is missing, the original crashes on the
 * unhandled 'error' and the rewrite reports the error through its callback and exits cleanly.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Target, applyEdits, languageOptionsFor, offered } from "./harness.js";
import { code } from "./cases.js";

const dir = mkdtempSync(path.join(tmpdir(), "leakproof-pipeline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = path.join(dir, "input.txt");
writeFileSync(input, Array.from({ length: 20_000 }, (_, i) => `line ${i}: ${"x".repeat(i % 50)}`).join("\n"));

/** The program's `main(src, dst)` copies `src` to `dst` through the chain and prints "done" when `dst` is finished. */
const programs: { name: string; filename: string; text: string }[] = [
  {
    name: "ESM: gzip and gunzip between two files",
    filename: "copy.mjs",
    text: code`
      import fs from "node:fs";
      import zlib from "node:zlib";
      export function main(src, dst) {
        const out = fs.createWriteStream(dst);
        out.on("finish", () => console.log("done"));
        fs.createReadStream(src).pipe(zlib.createGzip()).pipe(zlib.createGunzip()).pipe(out);
      }
      main(process.argv[2], process.argv[3]);
    `,
  },
  {
    name: "CommonJS: a Transform from an existing require of stream",
    filename: "copy.cjs",
    text: code`
      "use strict";
      const fs = require("fs");
      const { PassThrough } = require("stream");
      function main(src, dst) {
        const out = fs.createWriteStream(dst);
        out.on("finish", () => console.log("done"));
        fs.createReadStream(src).pipe(new PassThrough()).pipe(out);
      }
      main(process.argv[2], process.argv[3]);
    `,
  },
];

function run(file: string, src: string, dst: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [file, src, dst], { encoding: "utf8", timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the pipeline() rewrite, run", () => {
  for (const program of programs) {
    it(program.name, () => {
      const target: Target = {
        label: program.name,
        code: program.text,
        filename: program.filename,
        languageOptions: languageOptionsFor(program.filename),
        rule: "prefer-stream-pipeline",
        options: [],
      };
      const [suggestion, ...others] = offered(target).suggestions;
      expect(others).toEqual([]);
      expect(suggestion?.report.suggestions[0]?.messageId).toBe("usePipeline");
      const rewritten = applyEdits(program.text, suggestion!.report.suggestions[0]!.edits);
      expect(rewritten).toContain("pipeline(fs.createReadStream(src), ");
      expect(rewritten).not.toContain(".pipe(");

      const ext = path.extname(program.filename);
      const original = path.join(dir, `original-${program.filename}`);
      const fixed = path.join(dir, `fixed-${program.filename}`);
      writeFileSync(original, program.text);
      writeFileSync(fixed, rewritten);

      for (const file of [original, fixed]) {
        const copy = path.join(dir, `${path.basename(file, ext)}.out`);
        const result = run(file, input, copy);
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toBe("done\n");
        expect(readFileSync(copy).equals(readFileSync(input))).toBe(true);
      }

      // A missing source: `.pipe()` leaves the 'error' unhandled, pipeline() hands it to the callback.
      const missing = path.join(dir, "missing.txt");
      const crashed = run(original, missing, path.join(dir, "never-1.out"));
      expect(crashed.status).not.toBe(0);
      expect(crashed.stderr).toContain("ENOENT");
      const reported = run(fixed, missing, path.join(dir, "never-2.out"));
      expect(reported.status, reported.stderr).toBe(0);
      expect(reported.stderr).toContain("ENOENT");
      expect(reported.stdout).toBe("");
    }, 60_000);
  }
});

describe("a chain into process.stdout", () => {
  const chain = code`
    import { Readable } from "node:stream";
    Readable.from(["copied\\n"]).pipe(process.stdout);
    setTimeout(() => console.log("later output"), 50);
  `;

  it("gets no rewrite: the finding has no suggestion", () => {
    const target: Target = {
      label: "stdout",
      code: chain,
      filename: "tail.mjs",
      languageOptions: languageOptionsFor("tail.mjs"),
      rule: "prefer-stream-pipeline",
      options: [],
    };
    expect(offered(target).suggestions).toEqual([]);
  });

  it("because pipeline() ends process.stdout, and the process's later output is lost", () => {
    const piped = path.join(dir, "stdout-pipe.mjs");
    const rewritten = path.join(dir, "stdout-pipeline.mjs");
    writeFileSync(piped, chain);
    writeFileSync(
      rewritten,
      chain
        .replace('import { Readable } from "node:stream";', 'import { Readable, pipeline } from "node:stream";')
        .replace('Readable.from(["copied\\n"]).pipe(process.stdout);', 'pipeline(Readable.from(["copied\\n"]), process.stdout, () => {});'),
    );
    // spawnSync gives the child a pipe for stdout, as a shell pipeline or a log collector would.
    expect(run(piped, "", "").stdout).toBe("copied\nlater output\n");
    expect(run(rewritten, "", "").stdout).toBe("copied\n");
  }, 60_000);
});
