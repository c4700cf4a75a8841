/**
 * Small application files for the end-to-end tests: for every extension the plugin lints, a
 * leaky version (with the rule and line it must be reported at) and a clean version of the
 * same code that releases what it acquires.
 */

export interface SourcePair {
  /** Path inside the scratch repository. */
  file: string;
  leaky: string;
  clean: string;
  /** The finding the leaky version must produce. */
  rule: string;
  line: number;
}

/** The extensions every recipe must cover (what the plugin and its CLI lint). */
export const EXTENSIONS = ["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "vue", "svelte"] as const;

export const SOURCES: readonly SourcePair[] = [
  {
    file: "src/tooltip.js",
    rule: "leakproof/no-leaked-event-listener",
    line: 7,
    leaky: `export class Tooltip {
  constructor(anchor) {
    this.anchor = anchor;
  }

  show() {
    window.addEventListener("scroll", this.reposition);
  }

  dispose() {
    this.anchor.remove();
  }

  reposition = () => {
    this.anchor.style.top = \`\${window.scrollY}px\`;
  };
}
`,
    clean: `export class Tooltip {
  constructor(anchor) {
    this.anchor = anchor;
  }

  show() {
    window.addEventListener("scroll", this.reposition);
  }

  dispose() {
    window.removeEventListener("scroll", this.reposition);
    this.anchor.remove();
  }

  reposition = () => {
    this.anchor.style.top = \`\${window.scrollY}px\`;
  };
}
`,
  },
  {
    file: "src/prices.mjs",
    rule: "leakproof/no-leaked-event-listener",
    line: 8,
    leaky: `import { EventEmitter } from "node:events";
import { createServer } from "node:http";

export const prices = new EventEmitter();

export const server = createServer((request, response) => {
  response.writeHead(200, { "content-type": "text/event-stream" });
  prices.on("tick", (price) => response.write(\`data: \${price}\\n\\n\`));
});
`,
    clean: `import { EventEmitter } from "node:events";
import { createServer } from "node:http";

export const prices = new EventEmitter();

export const server = createServer((request, response) => {
  response.writeHead(200, { "content-type": "text/event-stream" });
  const send = (price) => response.write(\`data: \${price}\\n\\n\`);
  prices.on("tick", send);
  request.on("close", () => prices.off("tick", send));
});
`,
  },
  {
    file: "src/shutdown.cjs",
    rule: "leakproof/no-leaked-event-listener",
    line: 5,
    leaky: `const http = require("node:http");

module.exports = http.createServer((request, response) => {
  const finish = () => response.end("server is shutting down");
  process.on("SIGTERM", finish);
  setImmediate(() => response.end("ok"));
});
`,
    clean: `const http = require("node:http");

module.exports = http.createServer((request, response) => {
  const finish = () => response.end("server is shutting down");
  process.once("SIGTERM", finish);
  response.on("close", () => process.off("SIGTERM", finish));
  setImmediate(() => response.end("ok"));
});
`,
  },
  {
    file: "src/Clock.jsx",
    rule: "leakproof/no-leaked-timer",
    line: 6,
    leaky: `import { useEffect, useState } from "react";

export function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    setInterval(() => setNow(new Date()), 1000);
  }, []);
  return <time>{now.toLocaleTimeString()}</time>;
}
`,
    clean: `import { useEffect, useState } from "react";

export function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  return <time>{now.toLocaleTimeString()}</time>;
}
`,
  },
  {
    file: "src/poller.ts",
    rule: "leakproof/no-leaked-timer",
    line: 5,
    leaky: `export class Poller {
  private polls = 0;

  start(): void {
    setInterval(() => {
      this.polls++;
    }, 1000);
  }

  dispose(): void {
    this.polls = 0;
  }
}
`,
    clean: `export class Poller {
  private polls = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  start(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.polls++;
    }, 1000);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.polls = 0;
  }
}
`,
  },
  {
    file: "src/preview.mts",
    rule: "leakproof/no-unrevoked-object-url",
    line: 5,
    leaky: `export class Preview {
  constructor(private readonly img: HTMLImageElement) {}

  show(file: Blob): void {
    this.img.src = URL.createObjectURL(file);
  }

  destroy(): void {
    this.img.remove();
  }
}
`,
    clean: `export class Preview {
  private url: string | undefined;

  constructor(private readonly img: HTMLImageElement) {}

  show(file: Blob): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = URL.createObjectURL(file);
    this.img.src = this.url;
  }

  destroy(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.img.remove();
  }
}
`,
  },
  {
    file: "src/heartbeat.cts",
    rule: "leakproof/no-leaked-timer",
    line: 7,
    leaky: `export class Heartbeat {
  private beats = 0;

  constructor(private readonly send: (beat: number) => void) {}

  start(): void {
    setInterval(() => this.send(++this.beats), 5000);
  }

  stop(): void {
    this.beats = 0;
  }
}
`,
    clean: `export class Heartbeat {
  private beats = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly send: (beat: number) => void) {}

  start(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.send(++this.beats), 5000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.beats = 0;
  }
}
`,
  },
  {
    file: "src/ResizePanel.tsx",
    rule: "leakproof/no-leaked-event-listener",
    line: 9,
    leaky: `import { useEffect, useState } from "react";

export function ResizePanel() {
  const [compact, setCompact] = useState(false);
  useEffect(() => {
    function handleResize(): void {
      setCompact(window.innerWidth < 640);
    }
    window.addEventListener("resize", handleResize);
    handleResize();
  }, []);
  return <section className={compact ? "compact" : ""} />;
}
`,
    clean: `import { useEffect, useState } from "react";

export function ResizePanel() {
  const [compact, setCompact] = useState(false);
  useEffect(() => {
    function handleResize(): void {
      setCompact(window.innerWidth < 640);
    }
    window.addEventListener("resize", handleResize);
    handleResize();
    return () => window.removeEventListener("resize", handleResize);
  }, []);
  return <section className={compact ? "compact" : ""} />;
}
`,
  },
  {
    file: "src/WidthBadge.vue",
    rule: "leakproof/no-leaked-event-listener",
    line: 9,
    leaky: `<script setup lang="ts">
import { onMounted, ref } from "vue";

const width = ref(0);
function onResize(): void {
  width.value = window.innerWidth;
}
onMounted(() => {
  window.addEventListener("resize", onResize);
});
</script>

<template>
  <span class="badge">{{ width }}px</span>
</template>
`,
    clean: `<script setup lang="ts">
import { onBeforeUnmount, onMounted, ref } from "vue";

const width = ref(0);
function onResize(): void {
  width.value = window.innerWidth;
}
onMounted(() => {
  window.addEventListener("resize", onResize);
});
onBeforeUnmount(() => {
  window.removeEventListener("resize", onResize);
});
</script>

<template>
  <span class="badge">{{ width }}px</span>
</template>
`,
  },
  {
    file: "src/Ticker.svelte",
    rule: "leakproof/no-leaked-timer",
    line: 6,
    leaky: `<script>
  import { onMount } from "svelte";

  let now = new Date();
  onMount(() => {
    setInterval(() => {
      now = new Date();
    }, 1000);
  });
</script>

<p>{now.toLocaleTimeString()}</p>
`,
    clean: `<script>
  import { onMount } from "svelte";

  let now = new Date();
  onMount(() => {
    const id = setInterval(() => {
      now = new Date();
    }, 1000);
    return () => clearInterval(id);
  });
</script>

<p>{now.toLocaleTimeString()}</p>
`,
  },
];
