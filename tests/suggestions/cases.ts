/**
 * Files whose suggestions went wrong (issue 12, section 3): imports of `pipeline` in Svelte and
 * Vue components, fresh names next to escaped identifiers, template-literal event types. The
 * round-trip test applies every suggestion offered on them like those of the suites.
 */
import { type Target, languageOptionsFor } from "./harness.js";

/** Drops the first newline and the common indentation, so line 1 is the first line of code. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, "").replace(/\n\s*$/, "\n");
  const lines = raw.split("\n");
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join("\n");
}

const STRICT = [{ reportProbable: true }] as const;

function target(label: string, rule: string, filename: string, text: string, options: readonly unknown[] = []): Target {
  return { label, rule, filename, code: text, options, languageOptions: languageOptionsFor(filename) };
}

export const issueCases: Target[] = [
  // --- prefer-stream-pipeline: where the import goes --------------------------------------
  target(
    "Svelte: imports in the instance script",
    "prefer-stream-pipeline",
    "Archive.svelte",
    code`
      <script>
        import fs from "node:fs";
        import zlib from "node:zlib";
        export let path;
        function archive() {
          fs.createReadStream(path).pipe(zlib.createGzip()).pipe(fs.createWriteStream(path + ".gz"));
        }
      </script>
      <button on:click={archive}>Archive {path}</button>
    `,
  ),
  target(
    "Svelte (TS): a module script and an instance script",
    "prefer-stream-pipeline",
    "Export.svelte",
    code`
      <script lang="ts" module>
        import { createWriteStream } from "node:fs";
        export const target = (name: string) => createWriteStream(name);
      </script>

      <script lang="ts">
        import { Readable } from "node:stream";
        let { rows }: { rows: string[] } = $props();
        function save() {
          Readable.from(rows).pipe(target("rows.txt"));
        }
      </script>

      <button onclick={save}>Save {rows.length} rows</button>
    `,
  ),
  target(
    "Svelte: a script without imports that requires its modules",
    "prefer-stream-pipeline",
    "Legacy.svelte",
    code`
      <script>
        const fs = require("fs");
        export let from;
        export let to;
        const copy = () => fs.createReadStream(from).pipe(fs.createWriteStream(to));
      </script>
      <button on:click={copy}>Copy</button>
    `,
  ),
  target(
    "Vue: <script setup> with imports",
    "prefer-stream-pipeline",
    "Download.vue",
    code`
      <script setup lang="ts">
      import fs from "node:fs";
      import zlib from "node:zlib";
      const props = defineProps<{ file: string }>();
      function pack() {
        fs.createReadStream(props.file).pipe(zlib.createGzip()).pipe(fs.createWriteStream(props.file + ".gz"));
      }
      </script>

      <template>
        <button @click="pack">Pack {{ props.file }}</button>
      </template>
    `,
  ),
  target(
    "Vue: <script> and <script setup>, the stream import in the first",
    "prefer-stream-pipeline",
    "Report.vue",
    code`
      <script lang="ts">
      import { Readable } from "node:stream";
      export default { name: "Report" };
      </script>

      <script setup lang="ts">
      import { createWriteStream } from "node:fs";
      const props = defineProps<{ lines: string[] }>();
      function write() {
        Readable.from(props.lines).pipe(createWriteStream("report.txt"));
      }
      </script>

      <template>
        <button @click="write">Write</button>
      </template>
    `,
  ),
  target(
    "Vue: <script setup> without imports after a <script> with them",
    "prefer-stream-pipeline",
    "Copy.vue",
    code`
      <script>
      import fs from "node:fs";
      export default { inheritAttrs: false };
      </script>
      <script setup>
      const copy = (from, to) => fs.createReadStream(from).pipe(fs.createWriteStream(to));
      </script>
      <template><button @click="copy('a', 'b')">Copy</button></template>
    `,
  ),
  target(
    "CommonJS with a directive and no top-level require",
    "prefer-stream-pipeline",
    "copy.cjs",
    code`
      "use strict";
      module.exports = function copy(from, to) {
        const fs = require("fs");
        fs.createReadStream(from).pipe(fs.createWriteStream(to));
      };
    `,
  ),

  // --- no-leaked-timer: fresh names come from scope, not text ------------------------------
  target(
    "an escaped `timer` in the component, read inside the effect",
    "no-leaked-timer",
    "Clock.tsx",
    code`
      import { useEffect } from "react";
      export function Clock({ \\u0074imer }: { \\u0074imer: { tick(): void } }) {
        useEffect(() => {
          setInterval(() => \\u0074imer.tick(), 1000);
        }, [\\u0074imer]);
        return null;
      }
    `,
  ),
  target(
    "an escaped `timer` declared in the effect itself",
    "no-leaked-timer",
    "Poll.tsx",
    code`
      import { useEffect } from "react";
      export function Poll({ load }: { load: () => void }) {
        useEffect(() => {
          const \\u0074imer = performance.now();
          setInterval(() => load(), 5000);
          console.log("poll started", \\u0074imer);
        }, [load]);
        return null;
      }
    `,
  ),
  target(
    "a module-level `timer` the effect reads after the interval starts",
    "no-leaked-timer",
    "Stopwatch.jsx",
    code`
      import { useEffect } from "react";
      let timer = 0;
      export function Stopwatch() {
        useEffect(() => {
          setInterval(() => (timer += 1), 1000);
          document.title = String(timer);
        }, []);
        return null;
      }
    `,
  ),

  // --- no-leaked-event-listener: the removal must match the listener --------------------------
  target(
    "a template-literal event type (strict)",
    "no-leaked-event-listener",
    "Channel.tsx",
    code`
      import { useEffect } from "react";
      export function Channel({ name, onUpdate }: { name: string; onUpdate: (e: Event) => void }) {
        useEffect(() => {
          window.addEventListener(\`\${name}:update\`, onUpdate);
        }, [name, onUpdate]);
        return null;
      }
    `,
    STRICT,
  ),
  target(
    "a handler declared in a block of the effect",
    "no-leaked-event-listener",
    "Keys.tsx",
    code`
      import { useEffect } from "react";
      export function Keys({ enabled, onKey }: { enabled: boolean; onKey: (key: string) => void }) {
        useEffect(() => {
          if (enabled) {
            const handler = (event: KeyboardEvent) => onKey(event.key);
            window.addEventListener("keydown", handler);
          }
        }, [enabled, onKey]);
        return null;
      }
    `,
    STRICT,
  ),
  target(
    "options passed as a variable",
    "no-leaked-event-listener",
    "Scroll.tsx",
    code`
      import { useEffect } from "react";
      const options = { capture: true, passive: true };
      export function Scroll({ onScroll }: { onScroll: () => void }) {
        useEffect(() => {
          document.addEventListener("scroll", onScroll, options);
        }, [onScroll]);
        return null;
      }
    `,
    STRICT,
  ),
];
