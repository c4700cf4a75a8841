/** Svelte lifecycles (.svelte through svelte-eslint-parser, and plain .ts modules). */
import { type FrameworkCase, code, runFrameworkCases } from "./harness.js";
import { type InvalidCase, type ValidCase, withVariants } from "./variants.js";

const FILE = "Widget.svelte";
/** What the strict preset passes: also report releases that exist but miss the owner's end. */
const STRICT = [{ reportProbable: true }];

const valid: ValidCase[] = [
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
    untrapped: {
      edits: { from: "\n    return () => clearInterval(id);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
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
    untrapped: {
      edits: { from: "\n  onDestroy(() => clearInterval(id));", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
    },
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
    untrapped: {
      edits: { from: "\n  onDestroy(() => clearInterval(timer));", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 4 }],
    },
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
    untrapped: {
      edits: { from: "\n    return () => clearInterval(id);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
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
    untrapped: {
      edits: { from: '\n    return () => window.removeEventListener("resize", onResize);', to: "" },
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
          ` }] }],
    },
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
    untrapped: {
      edits: { from: '\n    return () => document.removeEventListener("scroll", onScroll);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5, suggestions: [{ messageId: "addRemoval", output: code`
            <script>
              let y = $state(0);
              const onScroll = () => (y = window.scrollY);
              $effect.pre(() => {
                document.addEventListener("scroll", onScroll, { passive: true });
                return () => {
                  document.removeEventListener("scroll", onScroll);
                };
              });
            </script>
            <progress value={y}></progress>
          ` }] }],
    },
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
    untrapped: {
      edits: { from: 'document.removeEventListener("keydown", onKey);', to: 'console.log("closed");' },
      errors: [{ messageId: "listenerNeverRemoved", line: 10 }],
    },
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
    untrapped: {
      edits: { from: "bind:this={canvas}", to: 'width="300"' },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
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
    untrapped: {
      edits: { from: "\n    return () => observer.disconnect();", to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
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
    untrapped: {
      edits: { from: "\n    return () => URL.revokeObjectURL(url);", to: "" },
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
          ` }] }],
    },
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
    untrapped: {
      edits: { from: "\n  onDestroy(() => sub.unsubscribe());", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
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
    untrapped: {
      edits: { from: "\n    return () => socket.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
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
    untrapped: {
      edits: { from: ' context="module"', to: "" },
      errors: [{ messageId: "timerDiscarded", line: 3 }],
    },
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
    untrapped: {
      edits: { from: "setTimeout(() => (copied = false), 1500);", to: "setInterval(() => (copied = false), 1500);" },
      errors: [{ messageId: "timerDiscarded", line: 6 }],
    },
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
    untrapped: {
      edits: { from: "\n    clearInterval(blink);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 10 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "async onMount: the interval is cleared by onDestroy, registered synchronously",
    filename: FILE,
    code: code`
      <script lang="ts">
        import { onDestroy, onMount } from "svelte";
        let rates: Record<string, number> = {};
        let timer: ReturnType<typeof setInterval> | undefined;
        async function load() {
          rates = await (await fetch("/api/rates")).json();
        }
        onMount(async () => {
          await load();
          timer = setInterval(load, 60_000);
        });
        onDestroy(() => clearInterval(timer));
      </script>
      <pre>{JSON.stringify(rates)}</pre>
    `,
    untrapped: {
      edits: [
        { from: "onDestroy(() => clearInterval(timer));\n", to: "" },
        { from: "timer = setInterval(load, 60_000);", to: "timer = setInterval(load, 60_000);\n    onDestroy(() => clearInterval(timer));" },
      ],
      errors: [{ messageId: "timerNotClearedInTeardown", line: 10 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "handle copied to another variable (alias) and cleared through it",
    filename: FILE,
    code: code`
      <script>
        import { onDestroy, onMount } from "svelte";
        let frame = 0;
        let current;
        onMount(() => {
          const id = setInterval(() => frame++, 40);
          current = id;
        });
        onDestroy(() => clearInterval(current));
      </script>
      <span>{frame}</span>
    `,
    untrapped: {
      edits: { from: "clearInterval(current)", to: "clearInterval(frame)" },
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "$effect debounces with a timeout it clears on re-run",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { draft }: { draft: string } = $props();
        let saved = $state(false);
        $effect(() => {
          const text = draft;
          const t = setTimeout(() => {
            localStorage.setItem("draft", text);
            saved = true;
          }, 500);
          return () => clearTimeout(t);
        });
      </script>
      <small>{saved ? "saved" : ""}</small>
    `,
    untrapped: {
      edits: { from: "\n    return () => clearTimeout(t);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "requestAnimationFrame loop cancelled by the onMount cleanup",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let angle = 0;
        onMount(() => {
          let frame = requestAnimationFrame(function spin() {
            angle = (angle + 2) % 360;
            frame = requestAnimationFrame(spin);
          });
          return () => cancelAnimationFrame(frame);
        });
      </script>
      <div style:rotate="{angle}deg">*</div>
    `,
    untrapped: {
      edits: { from: "\n    return () => cancelAnimationFrame(frame);", to: "" },
      errors: [{ messageId: "loopNeverStopped", line: 7 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "readable store: the start function returns the stop function",
    filename: FILE,
    code: code`
      <script>
        import { readable } from "svelte/store";
        const time = readable(new Date(), (set) => {
          const id = setInterval(() => set(new Date()), 1000);
          return () => clearInterval(id);
        });
      </script>
      <time>{$time.toLocaleTimeString()}</time>
    `,
    untrapped: {
      edits: { from: "\n    return () => clearInterval(id);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 4 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "$effect listeners share an AbortController aborted in the teardown",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { onclose }: { onclose: () => void } = $props();
        let dragging = $state(false);
        $effect(() => {
          const controller = new AbortController();
          window.addEventListener("keydown", (event) => event.key === "Escape" && onclose(), { signal: controller.signal });
          window.addEventListener("pointerup", () => (dragging = false), { signal: controller.signal });
          return () => controller.abort();
        });
      </script>
      <div class:dragging role="dialog"><slot /></div>
    `,
    untrapped: {
      edits: { from: "\n    return () => controller.abort();", to: "" },
      errors: [{ messageId: "signalNeverAborted", line: 6 }, { messageId: "signalNeverAborted", line: 7 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "once-listener: removed by the browser after the first event",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let installPrompt = null;
        onMount(() => {
          window.addEventListener(
            "beforeinstallprompt",
            (event) => {
              event.preventDefault();
              installPrompt = event;
            },
            { once: true },
          );
        });
      </script>
      {#if installPrompt}<button on:click={() => installPrompt.prompt()}>Install</button>{/if}
    `,
    untrapped: {
      edits: { from: "\n      { once: true },", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "Svelte 5: listener on a $state element bound with bind:this",
    filename: FILE,
    code: code`
      <script lang="ts">
        let input: HTMLInputElement | undefined = $state();
        let focused = $state(false);
        $effect(() => {
          input?.addEventListener("focus", () => (focused = true));
          input?.addEventListener("blur", () => (focused = false));
        });
      </script>
      <input bind:this={input} class:focused />
    `,
    untrapped: {
      edits: { from: "bind:this={input}", to: 'placeholder="name"' },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }, { messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "action (use:clickOutside) removes its listener in destroy",
    filename: FILE,
    code: code`
      <script>
        let open = true;
        function clickOutside(node) {
          const onClick = (event) => {
            if (!node.contains(event.target)) open = false;
          };
          document.addEventListener("click", onClick, true);
          return {
            destroy() {
              document.removeEventListener("click", onClick, true);
            },
          };
        }
      </script>
      {#if open}<div class="menu" use:clickOutside>menu</div>{/if}
    `,
    untrapped: {
      edits: { from: '\n        document.removeEventListener("click", onClick, true);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "attachment ({@attach}) returns its cleanup",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { text }: { text: string } = $props();
        function sticky(node: HTMLElement) {
          const update = () => node.classList.toggle("stuck", window.scrollY > node.offsetTop);
          window.addEventListener("scroll", update, { passive: true });
          return () => window.removeEventListener("scroll", update);
        }
      </script>
      <header {@attach sticky}>{text}</header>
    `,
    untrapped: {
      edits: { from: '\n    return () => window.removeEventListener("scroll", update);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5, suggestions: [{ messageId: "addRemoval", output: code`
            <script lang="ts">
              let { text }: { text: string } = $props();
              function sticky(node: HTMLElement) {
                const update = () => node.classList.toggle("stuck", window.scrollY > node.offsetTop);
                window.addEventListener("scroll", update, { passive: true });
                return () => {
                  window.removeEventListener("scroll", update);
                };
              }
            </script>
            <header {@attach sticky}>{text}</header>
          ` }] }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "removal in a shared helper the onMount cleanup calls",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let online = navigator.onLine;
        const update = () => (online = navigator.onLine);
        function unwatch() {
          window.removeEventListener("online", update);
          window.removeEventListener("offline", update);
        }
        onMount(() => {
          window.addEventListener("online", update);
          window.addEventListener("offline", update);
          return () => unwatch();
        });
      </script>
      <span class:online>{online ? "online" : "offline"}</span>
    `,
    untrapped: {
      edits: { from: '\n    window.removeEventListener("offline", update);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 10 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "createSubscriber (svelte/reactivity) start function returns the removal",
    filename: "media-query.svelte.ts",
    code: code`
      import { createSubscriber } from "svelte/reactivity";
      export class DarkMode {
        #query = window.matchMedia("(prefers-color-scheme: dark)");
        #subscribe = createSubscriber((update) => {
          this.#query.addEventListener("change", update);
          return () => this.#query.removeEventListener("change", update);
        });
        get current() {
          this.#subscribe();
          return this.#query.matches;
        }
      }
    `,
    untrapped: {
      edits: { from: '\n    return () => this.#query.removeEventListener("change", update);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5, suggestions: [{ messageId: "addRemoval", output: code`
            import { createSubscriber } from "svelte/reactivity";
            export class DarkMode {
              #query = window.matchMedia("(prefers-color-scheme: dark)");
              #subscribe = createSubscriber((update) => {
                this.#query.addEventListener("change", update);
                return () => {
                  this.#query.removeEventListener("change", update);
                };
              });
              get current() {
                this.#subscribe();
                return this.#query.matches;
              }
            }
          ` }] }],
    },
  },
  {
    rule: "no-leaked-observer",
    name: "action (use:lazy) disconnects its IntersectionObserver in destroy",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { src }: { src: string } = $props();
        function lazy(node: HTMLImageElement) {
          const io = new IntersectionObserver(([entry]) => {
            if (entry.isIntersecting) node.src = node.dataset.src!;
          });
          io.observe(node);
          return { destroy: () => io.disconnect() };
        }
      </script>
      <img data-src={src} alt="" use:lazy />
    `,
    untrapped: {
      edits: { from: "\n    return { destroy: () => io.disconnect() };", to: "" },
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
  },
  {
    rule: "no-leaked-observer",
    name: "$effect MutationObserver on <html> disconnected by the teardown",
    filename: FILE,
    code: code`
      <script lang="ts">
        let dark = $state(false);
        $effect(() => {
          const root = document.documentElement;
          const observer = new MutationObserver(() => (dark = root.classList.contains("dark")));
          observer.observe(root, { attributes: true, attributeFilter: ["class"] });
          return () => observer.disconnect();
        });
      </script>
      <img src={dark ? "/logo-dark.svg" : "/logo.svg"} alt="logo" />
    `,
    untrapped: {
      edits: { from: "\n    return () => observer.disconnect();", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "instance script handler revokes the previous URL, onDestroy the last",
    filename: FILE,
    code: code`
      <script>
        import { onDestroy } from "svelte";
        let preview = "";
        function pick(event) {
          const file = event.currentTarget.files[0];
          if (preview) URL.revokeObjectURL(preview);
          preview = file ? URL.createObjectURL(file) : "";
        }
        onDestroy(() => preview && URL.revokeObjectURL(preview));
      </script>
      <input type="file" accept="image/*" on:change={pick} />
      {#if preview}<img src={preview} alt="" />{/if}
    `,
  },
  {
    rule: "no-leaked-subscription",
    name: "onMount returns the store's unsubscribe function (the cleanup)",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        import { session } from "./stores.js";
        let user = null;
        onMount(() => session.subscribe((value) => (user = value)));
      </script>
      <p>{user?.name ?? "guest"}</p>
    `,
    untrapped: {
      edits: { from: "onMount(() => session.subscribe((value) => (user = value)));", to: "onMount(() => {\n    session.subscribe((value) => (user = value));\n  });" },
      errors: [{ messageId: "discarded", line: 6 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "store unsubscribe passed to onDestroy",
    filename: FILE,
    code: code`
      <script>
        import { onDestroy } from "svelte";
        import { cart } from "./stores.js";
        let count = 0;
        const unsubscribe = cart.subscribe((items) => (count = items.length));
        onDestroy(unsubscribe);
      </script>
      <span class="badge">{count}</span>
    `,
    untrapped: {
      edits: { from: "\n  onDestroy(unsubscribe);", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "EventSource opened in $effect, closed by the teardown",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { room }: { room: string } = $props();
        let messages: string[] = $state([]);
        $effect(() => {
          const source = new EventSource("/rooms/" + room + "/events");
          source.onmessage = (event) => messages.push(event.data);
          return () => source.close();
        });
      </script>
      {#each messages as message}<p>{message}</p>{/each}
    `,
    untrapped: {
      edits: { from: "\n    return () => source.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "BroadcastChannel at the top level, closed in onDestroy through a helper",
    filename: FILE,
    code: code`
      <script>
        import { onDestroy } from "svelte";
        let theme = "light";
        const channel = new BroadcastChannel("theme");
        channel.onmessage = (event) => (theme = event.data);
        function disconnect() {
          channel.onmessage = null;
          channel.close();
        }
        onDestroy(disconnect);
      </script>
      <div class={theme}><slot /></div>
    `,
    untrapped: {
      edits: { from: "\n    channel.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
  },
];

const invalid: InvalidCase[] = [
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
    fixed: { from: "setInterval(() => (now = new Date()), 1000);", to: "const id = setInterval(() => (now = new Date()), 1000);\n    return () => clearInterval(id);" },
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
    fixed: { from: "id = setInterval(() => ticks++, 500);", to: "id = setInterval(() => ticks++, 500);\n    return () => clearInterval(id);" },
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
    fixed: [
      { from: "<script>", to: '<script>\n  import { onDestroy } from "svelte";' },
      { from: "setInterval(() => seconds++, 1000);", to: "const id = setInterval(() => seconds++, 1000);\n  onDestroy(() => clearInterval(id));" },
    ],
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
    fixed: { from: "setInterval(() => count++, 1000);", to: "const id = setInterval(() => count++, 1000);\n    return () => clearInterval(id);" },
  },
  {
    rule: "no-leaked-timer",
    name: "top-level interval cleared only by a button",
    filename: FILE,
    options: STRICT,
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
    fixed: [
      { from: "<script>", to: '<script>\n  import { onDestroy } from "svelte";' },
      { from: "</script>", to: "  onDestroy(stop);\n</script>" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "a local function named onDestroy is not Svelte's",
    filename: FILE,
    options: STRICT,
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
    fixed: { from: 'id = setInterval(() => console.log("tick"), 1000);', to: 'id = setInterval(() => console.log("tick"), 1000);\n    return () => clearInterval(id);' },
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
    fixed: { from: 'window.addEventListener("resize", onResize);', to: 'window.addEventListener("resize", onResize);\n    return () => window.removeEventListener("resize", onResize);' },
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
    fixed: { from: 'document.addEventListener("scroll", onScroll);', to: 'document.addEventListener("scroll", onScroll);\n    return () => document.removeEventListener("scroll", onScroll);' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "top-level listener on document, removed only in a handler",
    filename: FILE,
    options: STRICT,
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
    fixed: [
      { from: "<script>", to: '<script>\n  import { onDestroy } from "svelte";' },
      { from: "</script>", to: "  onDestroy(close);\n</script>" },
    ],
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
    fixed: { from: 'return () => window.removeEventListener("resize", onResize);', to: 'return () => {\n      window.removeEventListener("resize", onResize);\n      window.removeEventListener("scroll", onScroll);\n    };' },
  },
  {
    rule: "no-leaked-observer",
    name: "ResizeObserver in onMount watches the page, never disconnected",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let width = 0;
        onMount(() => {
          const observer = new ResizeObserver(([entry]) => (width = entry.contentRect.width));
          observer.observe(document.documentElement);
        });
      </script>
      <span>{width}</span>
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: { from: "observer.observe(document.documentElement);", to: "observer.observe(document.documentElement);\n    return () => observer.disconnect();" },
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
    fixed: { from: "src = url;", to: "src = url;\n    return () => URL.revokeObjectURL(url);" },
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
    fixed: [
      { from: 'import { interval } from "rxjs";', to: 'import { interval } from "rxjs";\n  import { onDestroy } from "svelte";' },
      { from: "interval(1000).subscribe((value) => (n = value));", to: "const sub = interval(1000).subscribe((value) => (n = value));\n  onDestroy(() => sub.unsubscribe());" },
    ],
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
    fixed: { from: "socket.onmessage = (event) => (last = String(event.data));", to: "socket.onmessage = (event) => (last = String(event.data));\n    return () => socket.close();" },
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
    fixed: { from: "setInterval(tick, 1000);", to: "const id = setInterval(tick, 1000);\n    return () => clearInterval(id);" },
  },
  {
    rule: "no-leaked-timer",
    name: "async onMount: the function it resolves to is never called",
    filename: FILE,
    options: STRICT,
    code: code`
      <script lang="ts">
        import { onMount } from "svelte";
        let rates: Record<string, number> = {};
        async function load() {
          rates = await (await fetch("/api/rates")).json();
        }
        onMount(async () => {
          await load();
          const id = setInterval(load, 60_000);
          return () => clearInterval(id);
        });
      </script>
      <pre>{JSON.stringify(rates)}</pre>
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 9 }],
    fixed: [
      { from: "import { onMount } from", to: "import { onDestroy, onMount } from" },
      { from: "let rates: Record<string, number> = {};", to: "let rates: Record<string, number> = {};\n  let id: ReturnType<typeof setInterval> | undefined;" },
      { from: "const id = setInterval(load, 60_000);", to: "id = setInterval(load, 60_000);" },
      { from: "\n    return () => clearInterval(id);", to: "" },
      { from: "</script>", to: "  onDestroy(() => clearInterval(id));\n</script>" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "$effect clears one of its two intervals",
    filename: FILE,
    code: code`
      <script>
        let seconds = $state(0);
        let blink = $state(false);
        $effect(() => {
          const tick = setInterval(() => seconds++, 1000);
          const cursor = setInterval(() => (blink = !blink), 500);
          return () => clearInterval(tick);
        });
      </script>
      <span>{seconds}{blink ? "_" : " "}</span>
    `,
    errors: [{ messageId: "timerNeverCleared", line: 6 }],
    fixed: { from: "return () => clearInterval(tick);", to: "return () => {\n      clearInterval(tick);\n      clearInterval(cursor);\n    };" },
  },
  {
    rule: "no-leaked-timer",
    name: "requestAnimationFrame loop in onMount never cancelled",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let angle = 0;
        function spin() {
          angle = (angle + 2) % 360;
          requestAnimationFrame(spin);
        }
        onMount(() => {
          requestAnimationFrame(spin);
        });
      </script>
      <div style:rotate="{angle}deg">*</div>
    `,
    errors: [{ messageId: "loopNeverStopped", line: 6 }],
    fixed: [
      { from: "let angle = 0;", to: "let angle = 0;\n  let frame = 0;" },
      { from: "    requestAnimationFrame(spin);\n  });", to: "    frame = requestAnimationFrame(spin);\n    return () => cancelAnimationFrame(frame);\n  });" },
      { from: "    requestAnimationFrame(spin);\n  }\n", to: "    frame = requestAnimationFrame(spin);\n  }\n" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "action whose destroy does not clear its interval",
    filename: FILE,
    code: code`
      <script>
        function marquee(node) {
          const id = setInterval(() => node.append(node.firstChild), 200);
          return {
            destroy() {
              node.textContent = "";
            },
          };
        }
      </script>
      <p use:marquee>breaking news</p>
    `,
    errors: [{ messageId: "timerNeverCleared", line: 3 }],
    fixed: { from: 'node.textContent = "";', to: "clearInterval(id);" },
  },
  {
    rule: "no-leaked-timer",
    name: "readable store whose start function never stops its interval",
    filename: "clock.ts",
    code: code`
      import { readable } from "svelte/store";
      export const now = readable(Date.now(), (set) => {
        setInterval(() => set(Date.now()), 1000);
      });
    `,
    errors: [{ messageId: "timerDiscarded", line: 3, suggestions: [{ messageId: "storeAndClear", output: code`
      import { readable } from "svelte/store";
      export const now = readable(Date.now(), (set) => {
        const timer = setInterval(() => set(Date.now()), 1000);
        return () => {
          clearInterval(timer);
        };
      });
    ` }]}],
    fixed: { from: "setInterval(() => set(Date.now()), 1000);", to: "const id = setInterval(() => set(Date.now()), 1000);\n  return () => clearInterval(id);" },
  },
  {
    rule: "no-leaked-timer",
    name: ".svelte.ts runes module: $effect interval discarded",
    filename: "clock.svelte.ts",
    code: code`
      export function createClock() {
        let now = $state(new Date());
        $effect(() => {
          setInterval(() => (now = new Date()), 1000);
        });
        return {
          get now() {
            return now;
          },
        };
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 4, suggestions: [{ messageId: "storeAndClear", output: code`
      export function createClock() {
        let now = $state(new Date());
        $effect(() => {
          const timer = setInterval(() => (now = new Date()), 1000);
          return () => {
            clearInterval(timer);
          };
        });
        return {
          get now() {
            return now;
          },
        };
      }
    ` }]}],
    fixed: { from: "setInterval(() => (now = new Date()), 1000);", to: "const id = setInterval(() => (now = new Date()), 1000);\n    return () => clearInterval(id);" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "action (use:clickOutside) without destroy",
    filename: FILE,
    code: code`
      <script>
        let open = true;
        function clickOutside(node) {
          const onClick = (event) => {
            if (!node.contains(event.target)) open = false;
          };
          document.addEventListener("click", onClick, true);
        }
      </script>
      {#if open}<div class="menu" use:clickOutside>menu</div>{/if}
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    fixed: { from: 'document.addEventListener("click", onClick, true);', to: 'document.addEventListener("click", onClick, true);\n    return { destroy: () => document.removeEventListener("click", onClick, true) };' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "attachment ({@attach}) returns no cleanup",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { text }: { text: string } = $props();
        function sticky(node: HTMLElement) {
          const update = () => node.classList.toggle("stuck", window.scrollY > node.offsetTop);
          window.addEventListener("scroll", update, { passive: true });
        }
      </script>
      <header {@attach sticky}>{text}</header>
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5, suggestions: [{ messageId: "addRemoval", output: code`
      <script lang="ts">
        let { text }: { text: string } = $props();
        function sticky(node: HTMLElement) {
          const update = () => node.classList.toggle("stuck", window.scrollY > node.offsetTop);
          window.addEventListener("scroll", update, { passive: true });
          return () => {
            window.removeEventListener("scroll", update);
          };
        }
      </script>
      <header {@attach sticky}>{text}</header>
    ` }]}],
    fixed: { from: 'window.addEventListener("scroll", update, { passive: true });', to: 'window.addEventListener("scroll", update, { passive: true });\n    return () => window.removeEventListener("scroll", update);' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "$effect listener with a { signal } that is never aborted",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { onclose }: { onclose: () => void } = $props();
        $effect(() => {
          const controller = new AbortController();
          window.addEventListener("keydown", (event) => event.key === "Escape" && onclose(), { signal: controller.signal });
        });
      </script>
      <div role="dialog"><slot /></div>
    `,
    errors: [{ messageId: "signalNeverAborted", line: 5 }],
    fixed: { from: "{ signal: controller.signal });", to: "{ signal: controller.signal });\n    return () => controller.abort();" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "async onMount returns the removal too late: Svelte never sees it",
    filename: FILE,
    options: STRICT,
    code: code`
      <script>
        import { onMount } from "svelte";
        let config = null;
        const onResize = () => config && (config.width = window.innerWidth);
        onMount(async () => {
          config = await (await fetch("/config.json")).json();
          window.addEventListener("resize", onResize);
          return () => window.removeEventListener("resize", onResize);
        });
      </script>
      <pre>{JSON.stringify(config)}</pre>
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 7 }],
    fixed: [
      { from: "import { onMount } from", to: "import { onDestroy, onMount } from" },
      { from: '\n    return () => window.removeEventListener("resize", onResize);', to: "" },
      { from: "</script>", to: '  onDestroy(() => window.removeEventListener("resize", onResize));\n</script>' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "inline handler: the removal passes a new function and never matches",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        onMount(() => {
          window.addEventListener("resize", () => console.log("resized"));
          return () => window.removeEventListener("resize", () => console.log("resized"));
        });
      </script>
      <div></div>
    `,
    errors: [
      { messageId: "listenerCannotBeRemoved", line: 4 },
      { messageId: "removalNeverMatches", line: 5 },
    ],
    fixed: [
      { from: "onMount(() => {", to: 'const onResize = () => console.log("resized");\n  onMount(() => {' },
      { from: '() => console.log("resized"));', to: "onResize);" },
    ],
  },
  {
    rule: "no-leaked-observer",
    name: "action (use:lazy) never disconnects its IntersectionObserver",
    filename: FILE,
    code: code`
      <script lang="ts">
        let { src }: { src: string } = $props();
        function lazy(node: HTMLImageElement) {
          const io = new IntersectionObserver(([entry]) => {
            if (entry.isIntersecting) node.src = node.dataset.src!;
          });
          io.observe(node);
        }
      </script>
      <img data-src={src} alt="" use:lazy />
    `,
    errors: [{ messageId: "neverReleased", line: 4 }],
    fixed: { from: "io.observe(node);", to: "io.observe(node);\n    return { destroy: () => io.disconnect() };" },
    probable: true,
  },
  {
    rule: "no-leaked-observer",
    name: "instance script MutationObserver on document.body, never disconnected",
    filename: FILE,
    code: code`
      <script>
        let dark = document.body.classList.contains("dark");
        const observer = new MutationObserver(() => (dark = document.body.classList.contains("dark")));
        observer.observe(document.body, { attributes: true, attributeFilter: ["class"] });
      </script>
      <span>{dark ? "dark" : "light"}</span>
    `,
    errors: [{ messageId: "neverReleased", line: 3 }],
    fixed: [
      { from: "<script>", to: '<script>\n  import { onDestroy } from "svelte";' },
      { from: "</script>", to: "  onDestroy(() => observer.disconnect());\n</script>" },
    ],
  },
  {
    rule: "no-unrevoked-object-url",
    name: "instance script: a URL per picked file, never revoked",
    filename: FILE,
    code: code`
      <script>
        let preview = "";
        function pick(event) {
          const file = event.currentTarget.files[0];
          preview = URL.createObjectURL(file);
        }
      </script>
      <input type="file" accept="image/*" on:change={pick} />
      {#if preview}<img src={preview} alt="" />{/if}
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 5 }],
    fixed: [
      { from: "<script>", to: '<script>\n  import { onDestroy } from "svelte";' },
      { from: "preview = URL.createObjectURL(file);", to: "if (preview) URL.revokeObjectURL(preview);\n    preview = URL.createObjectURL(file);" },
      { from: "</script>", to: "  onDestroy(() => URL.revokeObjectURL(preview));\n</script>" },
    ],
  },
  {
    rule: "no-unrevoked-object-url",
    name: "onMount URL revoked only by a button",
    filename: FILE,
    options: STRICT,
    code: code`
      <script lang="ts">
        import { onMount } from "svelte";
        export let report: Blob;
        let href = "";
        onMount(() => {
          href = URL.createObjectURL(report);
        });
        function dismiss() {
          URL.revokeObjectURL(href);
          href = "";
        }
      </script>
      {#if href}<a {href} download="report.pdf">Download</a><button on:click={dismiss}>x</button>{/if}
    `,
    errors: [{ messageId: "urlNotRevokedInTeardown", line: 6 }],
    fixed: [
      { from: "import { onMount } from", to: "import { onDestroy, onMount } from" },
      { from: "</script>", to: "  onDestroy(() => URL.revokeObjectURL(href));\n</script>" },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "store unsubscribe kept but never called",
    filename: FILE,
    code: code`
      <script>
        import { cart } from "./stores.js";
        let count = 0;
        const unsubscribe = cart.subscribe((items) => (count = items.length));
      </script>
      <span class="badge">{count}</span>
    `,
    errors: [{ messageId: "neverReleased", line: 4 }],
    fixed: [
      { from: "<script>", to: '<script>\n  import { onDestroy } from "svelte";' },
      { from: "</script>", to: "  onDestroy(unsubscribe);\n</script>" },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "$effect subscribes on every run and drops the subscription",
    filename: FILE,
    code: code`
      <script lang="ts">
        import { fromEvent } from "rxjs";
        let { target }: { target: HTMLElement } = $props();
        let clicks = $state(0);
        $effect(() => {
          fromEvent(target, "click").subscribe(() => clicks++);
        });
      </script>
      <b>{clicks}</b>
    `,
    // `target` is a prop: the parent decides how long it lives.
    probable: true,
    errors: [{ messageId: "discarded", line: 6 }],
    fixed: { from: 'fromEvent(target, "click").subscribe(() => clicks++);', to: 'const sub = fromEvent(target, "click").subscribe(() => clicks++);\n    return () => sub.unsubscribe();' },
  },
  {
    rule: "no-unclosed-resource",
    name: "BroadcastChannel in onMount never closed",
    filename: FILE,
    code: code`
      <script>
        import { onMount } from "svelte";
        let theme = "light";
        onMount(() => {
          const channel = new BroadcastChannel("theme");
          channel.onmessage = (event) => (theme = event.data);
        });
      </script>
      <div class={theme}><slot /></div>
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: { from: "channel.onmessage = (event) => (theme = event.data);", to: "channel.onmessage = (event) => (theme = event.data);\n    return () => channel.close();" },
  },
  {
    rule: "no-unclosed-resource",
    name: "top-level WebSocket: onDestroy closes a different connection",
    filename: FILE,
    code: code`
      <script>
        import { onDestroy } from "svelte";
        let prices = {};
        let news = [];
        const priceSocket = new WebSocket("wss://example.test/prices");
        const newsSocket = new WebSocket("wss://example.test/news");
        priceSocket.onmessage = (event) => (prices = JSON.parse(event.data));
        newsSocket.onmessage = (event) => (news = [...news, event.data]);
        onDestroy(() => newsSocket.close());
      </script>
      <pre>{JSON.stringify(prices)}</pre>
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: { from: "onDestroy(() => newsSocket.close());", to: "onDestroy(() => {\n    newsSocket.close();\n    priceSocket.close();\n  });" },
  },
];

// Valid code (and every fixed variant) stays valid under the strict preset too: it only adds
// "released elsewhere" findings. Trap-removed variants are linted with it as well.
const strict = <C extends FrameworkCase>(c: C): C => ({ options: STRICT, ...c });
const [allValid, allInvalid] = withVariants(valid.map(strict), invalid);
runFrameworkCases(allValid.map(strict), allInvalid);
