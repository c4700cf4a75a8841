/** Svelte lifecycles (.svelte through svelte-eslint-parser, and plain .ts modules). */
import { type FrameworkCase, code, runFrameworkCases } from "./harness.js";

const FILE = "Widget.svelte";

const valid: FrameworkCase[] = [
  // Owners: onMount with a returned cleanup, onDestroy, $effect, the instance script
  {
    rule: "no-leaked-timer",
    name: "onMount returns a cleanup that clears the interval",
    filename: FILE,
    code: code`
      <script lang="ts">
        import { onMount } from "svelte";
        let now = new Date();
        onMount(() => {
          const id = setInterval(() => (now = new Date()), 1000);
          return () => clearInterval(id);
        });
      </script>
      <time>{now.toLocaleTimeString()}</time>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "onMount interval cleared in onDestroy",
    filename: FILE,
    code: code`
      <script>
        import { onDestroy, onMount } from "svelte";
        let ticks = 0;
        let id;
        onMount(() => {
          id = setInterval(() => ticks++, 500);
        });
        onDestroy(() => clearInterval(id));
      </script>
      <span>{ticks}</span>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "instance script top level: interval cleared in onDestroy",
    filename: FILE,
    code: code`
      <script>
        import { onDestroy } from "svelte";
        let seconds = 0;
        const timer = setInterval(() => seconds++, 1000);
        onDestroy(() => clearInterval(timer));
      </script>
      <p>{seconds}</p>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "$effect returns its teardown",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { ms = 1000 } = $props();
        let count = $state(0);
        $effect(() => {
          const id = setInterval(() => count++, ms);
          return () => clearInterval(id);
        });
      </script>
      <b>{count}</b>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "onMount adds a window listener and returns its removal",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let width = 0;
        const onResize = () => (width = window.innerWidth);
        onMount(() => {
          window.addEventListener("resize", onResize);
          return () => window.removeEventListener("resize", onResize);
        });
      </script>
      <span>{width}</span>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "$effect.pre listener removed in the returned teardown",
    filename: FILE,
    code: code`
      <script>
        let y = $state(0);
        const onScroll = () => (y = window.scrollY);
        $effect.pre(() => {
          document.addEventListener("scroll", onScroll, { passive: true });
          return () => document.removeEventListener("scroll", onScroll);
        });
      </script>
      <progress value={y}></progress>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "onMount returns a named cleanup that really removes",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        function onKey(event) {
          if (event.key === "Escape") history.back();
        }
        function stop() {
          document.removeEventListener("keydown", onKey);
        }
        onMount(() => {
          document.addEventListener("keydown", onKey);
          return stop;
        });
      </script>
      <dialog open><slot /></dialog>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on an element bound with bind:this",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let canvas;
        onMount(() => {
          canvas.addEventListener("pointerdown", (event) => console.log(event.offsetX));
        });
      </script>
      <canvas bind:this={canvas}></canvas>
    `,
  },
  {
    rule: "no-leaked-observer",
    name: "ResizeObserver disconnected in the onMount cleanup",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let box;
        let width = 0;
        onMount(() => {
          const observer = new ResizeObserver(([entry]) => (width = entry.contentRect.width));
          observer.observe(box);
          return () => observer.disconnect();
        });
      </script>
      <div bind:this={box}>{width}</div>
    `,
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL revoked by the $effect teardown",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { file }: { file: Blob } = $props();
        let src = $state("");
        $effect(() => {
          const url = URL.createObjectURL(file);
          src = url;
          return () => URL.revokeObjectURL(url);
        });
      </script>
      <img {src} alt="" />
    `,
  },
  {
    rule: "no-leaked-subscription",
    name: "RxJS subscription at the top level, unsubscribed in onDestroy",
    filename: FILE,
    code: code`
      <script lang="ts">
        import { onDestroy } from "svelte";
        import { interval } from "rxjs";
        let n = 0;
        const sub = interval(1000).subscribe((value) => (n = value));
        onDestroy(() => sub.unsubscribe());
      </script>
      <b>{n}</b>
    `,
  },
  {
    rule: "no-unclosed-resource",
    name: "WebSocket opened in onMount, closed by its cleanup",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let last = "";
        onMount(() => {
          const socket = new WebSocket("wss://example.test/feed");
          socket.onmessage = (event) => (last = String(event.data));
          return () => socket.close();
        });
      </script>
      <pre>{last}</pre>
    `,
  },
  // False-alarm traps
  {
    rule: "no-leaked-timer",
    name: "module script: one timer for all instances is module-level",
    filename: FILE,
    code: code`
      <script context="module">
        export const started = Date.now();
        setInterval(() => console.debug("alive", Date.now() - started), 60_000);
      </script>
      <p>hi</p>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "one-shot timeout in a click handler",
    filename: FILE,
    code: code`
      <script>
        let copied = false;
        function copy() {
          navigator.clipboard.writeText("text");
          copied = true;
          setTimeout(() => (copied = false), 1500);
        }
      </script>
      <button on:click={copy}>{copied ? "Copied" : "Copy"}</button>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "cleanup in a shared helper called from onDestroy",
    filename: FILE,
    code: code`
      <script>
        import { onDestroy, onMount } from "svelte";
        let poll;
        let blink;
        function stopAll() {
          clearInterval(poll);
          clearInterval(blink);
        }
        onMount(() => {
          poll = setInterval(() => fetch("/ping"), 30_000);
          blink = setInterval(() => document.body.classList.toggle("on"), 500);
        });
        onDestroy(() => stopAll());
      </script>
      <div></div>
    `,
  },
];

const invalid: FrameworkCase[] = [
  {
    rule: "no-leaked-timer",
    name: "onMount interval discarded",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let now = new Date();
        onMount(() => {
          setInterval(() => (now = new Date()), 1000);
        });
      </script>
      <time>{now}</time>
    `,
    errors: [{ messageId: "timerDiscarded", line: 5, suggestions: [{ messageId: "storeAndClear", output: code`
      <script>
        import { onMount } from "svelte";
        let now = new Date();
        onMount(() => {
          const timer = setInterval(() => (now = new Date()), 1000);
          return () => {
            clearInterval(timer);
          };
        });
      </script>
      <time>{now}</time>
    ` }]}],
  },
  {
    rule: "no-leaked-timer",
    name: "onMount keeps the interval but returns nothing",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let ticks = 0;
        let id;
        onMount(() => {
          id = setInterval(() => ticks++, 500);
        });
      </script>
      <span>{ticks}</span>
    `,
    errors: [{ messageId: "timerNeverCleared", line: 6 }],
  },
  {
    rule: "no-leaked-timer",
    name: "instance script top level: interval with no onDestroy",
    filename: FILE,
    code: code`
      <script>
        let seconds = 0;
        setInterval(() => seconds++, 1000);
      </script>
      <p>{seconds}</p>
    `,
    errors: [{ messageId: "timerDiscarded", line: 3 }],
  },
  {
    rule: "no-leaked-timer",
    name: "$effect interval with no teardown",
    filename: FILE,
    code: code`
      <script>
        let count = $state(0);
        $effect(() => {
          setInterval(() => count++, 1000);
        });
      </script>
      <b>{count}</b>
    `,
    errors: [{ messageId: "timerDiscarded", line: 4, suggestions: [{ messageId: "storeAndClear", output: code`
      <script>
        let count = $state(0);
        $effect(() => {
          const timer = setInterval(() => count++, 1000);
          return () => {
            clearInterval(timer);
          };
        });
      </script>
      <b>{count}</b>
    ` }]}],
  },
  {
    rule: "no-leaked-timer",
    name: "top-level interval cleared only by a button",
    filename: FILE,
    code: code`
      <script>
        let n = 0;
        const id = setInterval(() => n++, 1000);
        function stop() {
          clearInterval(id);
        }
      </script>
      <button on:click={stop}>{n}</button>
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 3 }],
  },
  {
    rule: "no-leaked-timer",
    name: "a local function named onDestroy is not Svelte's",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        const later = [];
        function onDestroy(fn) {
          later.push(fn);
        }
        let id;
        onMount(() => {
          id = setInterval(() => console.log("tick"), 1000);
        });
        onDestroy(() => clearInterval(id));
      </script>
      <div></div>
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 9 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "onMount adds a window listener and never removes it",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let width = 0;
        const onResize = () => (width = window.innerWidth);
        onMount(() => {
          window.addEventListener("resize", onResize);
        });
      </script>
      <span>{width}</span>
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6, suggestions: [{ messageId: "addRemoval", output: code`
      <script>
        import { onMount } from "svelte";
        let width = 0;
        const onResize = () => (width = window.innerWidth);
        onMount(() => {
          window.addEventListener("resize", onResize);
          return () => {
            window.removeEventListener("resize", onResize);
          };
        });
      </script>
      <span>{width}</span>
    ` }]}],
  },
  {
    rule: "no-leaked-event-listener",
    name: "$effect listener without teardown",
    filename: FILE,
    code: code`
      <script>
        let y = $state(0);
        const onScroll = () => (y = window.scrollY);
        $effect(() => {
          document.addEventListener("scroll", onScroll);
        });
      </script>
      <progress value={y}></progress>
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5, suggestions: [{ messageId: "addRemoval", output: code`
      <script>
        let y = $state(0);
        const onScroll = () => (y = window.scrollY);
        $effect(() => {
          document.addEventListener("scroll", onScroll);
          return () => {
            document.removeEventListener("scroll", onScroll);
          };
        });
      </script>
      <progress value={y}></progress>
    ` }]}],
  },
  {
    rule: "no-leaked-event-listener",
    name: "top-level listener on document, removed only in a handler",
    filename: FILE,
    code: code`
      <script>
        function onKey(event) {
          if (event.key === "Escape") close();
        }
        function close() {
          document.removeEventListener("keydown", onKey);
        }
        document.addEventListener("keydown", onKey);
      </script>
      <button on:click={close}>x</button>
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 8 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "onMount returns a cleanup that removes something else",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        const onResize = () => console.log("resize");
        const onScroll = () => console.log("scroll");
        onMount(() => {
          window.addEventListener("resize", onResize);
          window.addEventListener("scroll", onScroll);
          return () => window.removeEventListener("resize", onResize);
        });
      </script>
      <div></div>
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
  },
  {
    rule: "no-leaked-observer",
    name: "ResizeObserver in onMount never disconnected",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let box;
        let width = 0;
        onMount(() => {
          const observer = new ResizeObserver(([entry]) => (width = entry.contentRect.width));
          observer.observe(box);
        });
      </script>
      <div bind:this={box}>{width}</div>
    `,
    errors: [{ messageId: "neverReleased", line: 6 }],
  },
  {
    rule: "no-unrevoked-object-url",
    name: "$effect makes an object URL on every run and never revokes it",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { file }: { file: Blob } = $props();
        let src = $state("");
        $effect(() => {
          const url = URL.createObjectURL(file);
          src = url;
        });
      </script>
      <img {src} alt="" />
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 5, suggestions: [{ messageId: "revokeInCleanup", output: code`
      <script lang="ts">
        let { file }: { file: Blob } = $props();
        let src = $state("");
        $effect(() => {
          const url = URL.createObjectURL(file);
          src = url;
          return () => {
            URL.revokeObjectURL(url);
          };
        });
      </script>
      <img {src} alt="" />
    ` }]}],
  },
  {
    rule: "no-leaked-subscription",
    name: "top-level subscription never unsubscribed",
    filename: FILE,
    code: code`
      <script lang="ts">
        import { interval } from "rxjs";
        let n = 0;
        interval(1000).subscribe((value) => (n = value));
      </script>
      <b>{n}</b>
    `,
    errors: [{ messageId: "discarded", line: 4 }],
  },
  {
    rule: "no-unclosed-resource",
    name: "WebSocket opened in onMount never closed",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let last = "";
        let socket;
        onMount(() => {
          socket = new WebSocket("wss://example.test/feed");
          socket.onmessage = (event) => (last = String(event.data));
        });
      </script>
      <pre>{last}</pre>
    `,
    errors: [{ messageId: "neverReleased", line: 6 }],
  },
  {
    rule: "no-leaked-timer",
    name: "svelte import in a .ts store helper: onMount interval discarded",
    filename: "ticker.ts",
    code: code`
      import { onMount } from "svelte";
      export function startTicker(tick: () => void) {
        onMount(() => {
          setInterval(tick, 1000);
        });
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 4, suggestions: [{ messageId: "storeAndClear", output: code`
      import { onMount } from "svelte";
      export function startTicker(tick: () => void) {
        onMount(() => {
          const timer = setInterval(tick, 1000);
          return () => {
            clearInterval(timer);
          };
        });
      }
    ` }]}],
  },
];

runFrameworkCases(valid, invalid);
