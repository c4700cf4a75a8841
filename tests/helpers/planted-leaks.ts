/**
 * One planted leak per file type the presets claim, each written in that type's own
 * syntax (JSX in .js, `require` in .cjs, type annotations in TypeScript, SFCs with
 * `lang="ts"`), so a file only gets its finding if the user's config really parses it.
 */

export const FILE_TYPES = ["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "vue", "svelte"] as const;
export type FileType = (typeof FILE_TYPES)[number];

export interface PlantedLeak {
  /** Where the file goes in the scratch project. */
  path: string;
  code: string;
  /** The rule that must report it, on this line. */
  rule: string;
  line: number;
}

const reactClockJsx = `import { useEffect, useState } from "react";

export function Clock() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    setInterval(() => setNow(Date.now()), 1000);
  }, []);
  return <time>{new Date(now).toLocaleTimeString()}</time>;
}
`;

const reactClockTsx = `import { useEffect, useState } from "react";

export function Clock({ label }: { label: string }) {
  const [now, setNow] = useState<number>(Date.now());
  useEffect(() => {
    setInterval(() => setNow(Date.now()), 1000);
  }, []);
  return <time title={label}>{new Date(now).toLocaleTimeString()}</time>;
}
`;

const tickerHook = `import { useEffect } from "react";

export function useTicker(onTick: (at: number) => void): void {
  useEffect(() => {
    setInterval(() => onTick(Date.now()), 1000);
  }, [onTick]);
}
`;

/** JavaScript files go to scripts/ and TypeScript files to src/ (the folder a tsconfig covers). */
export const PLANTED_LEAKS: Readonly<Record<FileType, PlantedLeak>> = {
  js: { path: "scripts/clock.js", code: reactClockJsx, rule: "leakproof/no-leaked-timer", line: 6 },
  jsx: { path: "scripts/clock-view.jsx", code: reactClockJsx, rule: "leakproof/no-leaked-timer", line: 6 },
  mjs: {
    path: "scripts/poller.mjs",
    code: `export class Poller {
  start(url) {
    this.timer = setInterval(() => this.poll(url), 5000);
  }
  poll(url) {
    return fetch(url);
  }
  dispose() {
    this.started = false;
  }
}
`,
    rule: "leakproof/no-leaked-timer",
    line: 3,
  },
  cjs: {
    path: "scripts/ticker.cjs",
    code: `const { useEffect } = require("react");

function useTicker(onTick) {
  useEffect(() => {
    setInterval(() => onTick(Date.now()), 1000);
  }, [onTick]);
}

module.exports = { useTicker };
`,
    rule: "leakproof/no-leaked-timer",
    line: 5,
  },
  ts: { path: "src/ticker.ts", code: tickerHook, rule: "leakproof/no-leaked-timer", line: 5 },
  mts: { path: "src/ticker-esm.mts", code: tickerHook, rule: "leakproof/no-leaked-timer", line: 5 },
  cts: { path: "src/ticker-cjs.cts", code: tickerHook, rule: "leakproof/no-leaked-timer", line: 5 },
  tsx: { path: "src/Clock.tsx", code: reactClockTsx, rule: "leakproof/no-leaked-timer", line: 6 },
  vue: {
    path: "src/WindowWidth.vue",
    code: `<script setup lang="ts">
import { onMounted, ref } from "vue";

const width = ref<number>(0);
onMounted(() => {
  window.addEventListener("resize", () => {
    width.value = window.innerWidth;
  });
});
</script>

<template>
  <p>{{ width }}px</p>
</template>
`,
    rule: "leakproof/no-leaked-event-listener",
    line: 6,
  },
  svelte: {
    path: "src/WindowWidth.svelte",
    code: `<script lang="ts">
  import { onMount } from "svelte";

  let width: number = 0;
  onMount(() => {
    window.addEventListener("resize", () => {
      width = window.innerWidth;
    });
  });
</script>

<p>{width}px</p>
`,
    rule: "leakproof/no-leaked-event-listener",
    line: 6,
  },
};

/** The planted files for `types`, as `writeFiles` takes them. */
export function plantedFiles(types: readonly FileType[]): Record<string, string> {
  return Object.fromEntries(types.map((type) => [PLANTED_LEAKS[type].path, PLANTED_LEAKS[type].code]));
}
