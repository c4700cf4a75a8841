/** Solid: onMount / createEffect / createRenderEffect released by onCleanup; component bodies are setups. */
import { type FrameworkCase, code, runFrameworkCases } from "./harness.js";
import { type InvalidCase, type ValidCase, withVariants } from "./variants.js";

/** What the strict preset passes: also report releases that exist but miss the owner's end. */
const STRICT = [{ reportProbable: true }];

const valid: ValidCase[] = [
  {
    rule: "no-leaked-timer",
    name: "onMount interval cleared by onCleanup inside it",
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      export function Clock() {
        const [now, setNow] = createSignal(new Date());
        onMount(() => {
          const id = setInterval(() => setNow(new Date()), 1000);
          onCleanup(() => clearInterval(id));
        });
        return <time>{now().toLocaleTimeString()}</time>;
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => clearInterval(id));", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "interval in the component body, onCleanup in the component",
    code: code`
      import { createSignal, onCleanup } from "solid-js";
      export function Ticker() {
        const [n, setN] = createSignal(0);
        const id = setInterval(() => setN(n() + 1), 500);
        onCleanup(() => clearInterval(id));
        return <span>{n()}</span>;
      }
    `,
    untrapped: {
      edits: { from: "\n  onCleanup(() => clearInterval(id));", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 4 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "createEffect removes its listener in onCleanup",
    code: code`
      import { createEffect, onCleanup } from "solid-js";
      export function Hotkey(props: { key: string; onPress(): void }) {
        createEffect(() => {
          const onKey = (event: KeyboardEvent) => event.key === props.key && props.onPress();
          window.addEventListener("keydown", onKey);
          onCleanup(() => window.removeEventListener("keydown", onKey));
        });
        return null;
      }
    `,
    untrapped: {
      edits: { from: '\n    onCleanup(() => window.removeEventListener("keydown", onKey));', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "onMount listener removed by a component-level onCleanup",
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      export function Width() {
        const [w, setW] = createSignal(0);
        const onResize = () => setW(window.innerWidth);
        onMount(() => window.addEventListener("resize", onResize));
        onCleanup(() => window.removeEventListener("resize", onResize));
        return <span>{w()}</span>;
      }
    `,
    untrapped: {
      edits: { from: '\n  onCleanup(() => window.removeEventListener("resize", onResize));', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on the component's own element (ref={el})",
    code: code`
      import { onMount } from "solid-js";
      export function Pad() {
        let el!: HTMLDivElement;
        onMount(() => el.addEventListener("pointerdown", (event) => console.log(event.offsetX)));
        return <div ref={el} />;
      }
    `,
    untrapped: {
      edits: { from: "<div ref={el} />", to: "<div />" },
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
  },
  {
    rule: "no-leaked-observer",
    name: "createRenderEffect observer disconnected in onCleanup",
    code: code`
      import { createRenderEffect, onCleanup } from "solid-js";
      export function useSize(target: () => HTMLElement) {
        createRenderEffect(() => {
          const observer = new ResizeObserver(() => console.log("resized"));
          observer.observe(target());
          onCleanup(() => observer.disconnect());
        });
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => observer.disconnect());", to: "" },
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "createEffect revokes the previous URL in onCleanup",
    code: code`
      import { createEffect, createSignal, onCleanup } from "solid-js";
      export function Preview(props: { file: Blob }) {
        const [src, setSrc] = createSignal("");
        createEffect(() => {
          const url = URL.createObjectURL(props.file);
          setSrc(url);
          onCleanup(() => URL.revokeObjectURL(url));
        });
        return <img src={src()} />;
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => URL.revokeObjectURL(url));", to: "" },
      errors: [{ messageId: "urlNeverRevoked", line: 5 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "cleanup in a shared helper passed to onCleanup",
    code: code`
      import { onCleanup, onMount } from "solid-js";
      export function Poller(props: { load(): void }) {
        let id: ReturnType<typeof setInterval> | undefined;
        function stop() {
          clearInterval(id);
        }
        onMount(() => {
          id = setInterval(() => props.load(), 5000);
        });
        onCleanup(stop);
        return null;
      }
    `,
    untrapped: {
      edits: { from: "\n    clearInterval(id);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 7 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "subscription in onMount, unsubscribed in onCleanup",
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      import { interval } from "rxjs";
      export function Counter() {
        const [n, setN] = createSignal(0);
        onMount(() => {
          const sub = interval(1000).subscribe(setN);
          onCleanup(() => sub.unsubscribe());
        });
        return <b>{n()}</b>;
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => sub.unsubscribe());", to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "one-shot timeout in a click handler",
    code: code`
      import { createSignal } from "solid-js";
      export function Copy(props: { text: string }) {
        const [done, setDone] = createSignal(false);
        const copy = () => {
          navigator.clipboard.writeText(props.text);
          setDone(true);
          setTimeout(() => setDone(false), 1500);
        };
        return <button onClick={copy}>{done() ? "Copied" : "Copy"}</button>;
      }
    `,
    untrapped: {
      edits: { from: "setTimeout(() => setDone(false), 1500);", to: "setInterval(() => setDone(false), 1500);" },
      errors: [{ messageId: "timerDiscarded", line: 7 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "handle copied to a component variable (alias) and cleared through it",
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      export function Spinner() {
        const [frame, setFrame] = createSignal(0);
        let current: ReturnType<typeof setInterval> | undefined;
        onMount(() => {
          const id = setInterval(() => setFrame((f) => (f + 1) % 8), 80);
          current = id;
        });
        onCleanup(() => clearInterval(current));
        return <span class={"frame-" + frame()} />;
      }
    `,
    untrapped: {
      edits: { from: "clearInterval(current)", to: "clearInterval(undefined)" },
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "custom primitive: createInterval registers its own onCleanup",
    filename: "createInterval.ts",
    code: code`
      import { onCleanup } from "solid-js";
      export function createInterval(fn: () => void, ms: number) {
        const id = setInterval(fn, ms);
        onCleanup(() => clearInterval(id));
      }
    `,
    untrapped: {
      edits: { from: "\n  onCleanup(() => clearInterval(id));", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 3 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "createEffect debounce timeout cleared by onCleanup on re-run",
    code: code`
      import { createEffect, onCleanup } from "solid-js";
      export function Autosave(props: { draft: string }) {
        createEffect(() => {
          const text = props.draft;
          const t = setTimeout(() => localStorage.setItem("draft", text), 500);
          onCleanup(() => clearTimeout(t));
        });
        return null;
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => clearTimeout(t));", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "requestAnimationFrame loop cancelled in onCleanup",
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      export function Spinner() {
        const [angle, setAngle] = createSignal(0);
        let frame = 0;
        const spin = () => {
          setAngle((a) => (a + 2) % 360);
          frame = requestAnimationFrame(spin);
        };
        onMount(() => {
          frame = requestAnimationFrame(spin);
        });
        onCleanup(() => cancelAnimationFrame(frame));
        return <div style={{ rotate: angle() + "deg" }}>*</div>;
      }
    `,
    untrapped: {
      edits: { from: "\n  onCleanup(() => cancelAnimationFrame(frame));", to: "" },
      errors: [{ messageId: "loopNeverStopped", line: 7 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "async onMount: interval cleared by the component's onCleanup, registered synchronously",
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      export function Rates() {
        const [rates, setRates] = createSignal<Record<string, number>>({});
        let timer: ReturnType<typeof setInterval> | undefined;
        const load = async () => setRates(await (await fetch("/api/rates")).json());
        onMount(async () => {
          await load();
          timer = setInterval(load, 60_000);
        });
        onCleanup(() => clearInterval(timer));
        return <pre>{JSON.stringify(rates())}</pre>;
      }
    `,
    untrapped: {
      edits: [
        { from: "\n  onCleanup(() => clearInterval(timer));", to: "" },
        { from: "timer = setInterval(load, 60_000);", to: "timer = setInterval(load, 60_000);\n    onCleanup(() => clearInterval(timer));" },
      ],
      errors: [{ messageId: "timerNotClearedInTeardown", line: 8 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "createEffect interval stopped by a shared helper onCleanup calls",
    code: code`
      import { createEffect, onCleanup } from "solid-js";
      export function Poller(props: { url: string; every: number }) {
        let poll: ReturnType<typeof setInterval> | undefined;
        function stopPolling() {
          if (poll) clearInterval(poll);
          poll = undefined;
        }
        createEffect(() => {
          poll = setInterval(() => fetch(props.url), props.every);
          onCleanup(() => stopPolling());
        });
        return null;
      }
    `,
    untrapped: {
      edits: { from: "\n    if (poll) clearInterval(poll);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 8 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "createEffect listeners share an AbortController aborted in onCleanup",
    code: code`
      import { createEffect, onCleanup } from "solid-js";
      export function Dialog(props: { open: boolean; onClose(): void }) {
        createEffect(() => {
          if (!props.open) return;
          const controller = new AbortController();
          document.addEventListener("keydown", (event) => event.key === "Escape" && props.onClose(), { signal: controller.signal });
          document.addEventListener("pointerdown", () => props.onClose(), { signal: controller.signal });
          onCleanup(() => controller.abort());
        });
        return <dialog open={props.open} />;
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => controller.abort());", to: "" },
      errors: [{ messageId: "signalNeverAborted", line: 6 }, { messageId: "signalNeverAborted", line: 7 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "once-listener: removed by the browser after the first event",
    code: code`
      import { createSignal, onMount } from "solid-js";
      export function FirstVisit() {
        const [seen, setSeen] = createSignal(false);
        onMount(() => {
          document.addEventListener("visibilitychange", () => setSeen(true), { once: true });
        });
        return <p>{seen() ? "welcome back" : "hello"}</p>;
      }
    `,
    untrapped: {
      edits: { from: ", { once: true });", to: ");" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "custom primitive createShortcut removes its listener in onCleanup",
    filename: "createShortcut.ts",
    code: code`
      import { onCleanup } from "solid-js";
      export function createShortcut(key: string, run: () => void) {
        const onKey = (event: KeyboardEvent) => {
          if ((event.metaKey || event.ctrlKey) && event.key === key) run();
        };
        window.addEventListener("keydown", onKey);
        onCleanup(() => window.removeEventListener("keydown", onKey));
      }
    `,
    untrapped: {
      edits: { from: 'onCleanup(() => window.removeEventListener("keydown", onKey));', to: 'onCleanup(() => console.debug("shortcut", key, "off"));' },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "capture listener removed with the same capture flag",
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      export function Menu() {
        const [open, setOpen] = createSignal(false);
        const close = () => setOpen(false);
        onMount(() => document.addEventListener("click", close, true));
        onCleanup(() => document.removeEventListener("click", close, true));
        return <button onClick={() => setOpen(!open())}>{open() ? "close" : "open"}</button>;
      }
    `,
    untrapped: {
      edits: { from: 'document.removeEventListener("click", close, true)', to: 'document.removeEventListener("click", close)' },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }, { messageId: "removalNeverMatches", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "@solid-primitives makeEventListener cleans up by itself",
    code: code`
      import { createSignal } from "solid-js";
      import { makeEventListener } from "@solid-primitives/event-listener";
      export function ScrollY() {
        const [y, setY] = createSignal(0);
        makeEventListener(window, "scroll", () => setY(window.scrollY), { passive: true });
        return <progress value={y()} max={document.body.scrollHeight} />;
      }
    `,
    untrapped: {
      edits: [
        { from: 'import { makeEventListener } from "@solid-primitives/event-listener";\n', to: "" },
        { from: "makeEventListener(window, ", to: "window.addEventListener(" },
      ],
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
  },
  {
    rule: "no-leaked-observer",
    name: "directive (use:lazy) disconnects its observer in onCleanup",
    code: code`
      import { onCleanup } from "solid-js";
      export function lazy(el: HTMLImageElement, src: () => string) {
        const io = new IntersectionObserver(([entry]) => {
          if (entry.isIntersecting) el.src = src();
        });
        io.observe(el);
        onCleanup(() => io.disconnect());
      }
      export function Photo(props: { src: string }) {
        return <img use:lazy={props.src} alt="" />;
      }
    `,
    untrapped: {
      edits: { from: "\n  onCleanup(() => io.disconnect());", to: "" },
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
  },
  {
    rule: "no-leaked-observer",
    name: "createEffect MutationObserver on <html> disconnected in onCleanup",
    code: code`
      import { createEffect, createSignal, onCleanup } from "solid-js";
      export function ThemeLogo() {
        const [dark, setDark] = createSignal(false);
        createEffect(() => {
          const root = document.documentElement;
          const observer = new MutationObserver(() => setDark(root.classList.contains("dark")));
          observer.observe(root, { attributes: true, attributeFilter: ["class"] });
          onCleanup(() => observer.disconnect());
        });
        return <img src={dark() ? "/logo-dark.svg" : "/logo.svg"} alt="logo" />;
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => observer.disconnect());", to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "createRenderEffect revokes its URL in onCleanup",
    code: code`
      import { createRenderEffect, createSignal, onCleanup } from "solid-js";
      export function Thumb(props: { blob: Blob }) {
        const [src, setSrc] = createSignal("");
        createRenderEffect(() => {
          const url = URL.createObjectURL(props.blob);
          setSrc(url);
          onCleanup(() => URL.revokeObjectURL(url));
        });
        return <img src={src()} alt="" />;
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => URL.revokeObjectURL(url));", to: "" },
      errors: [{ messageId: "urlNeverRevoked", line: 5 }],
    },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL made in the component body, revoked in onCleanup",
    code: code`
      import { onCleanup } from "solid-js";
      export function Download(props: { report: Blob }) {
        const href = URL.createObjectURL(props.report);
        onCleanup(() => URL.revokeObjectURL(href));
        return <a href={href} download="report.pdf">Download</a>;
      }
    `,
    untrapped: {
      edits: { from: "\n  onCleanup(() => URL.revokeObjectURL(href));", to: "" },
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "store disposer handed to onCleanup",
    code: code`
      import { createSignal, onCleanup } from "solid-js";
      import { cart } from "./cart-store";
      export function CartBadge() {
        const [count, setCount] = createSignal(0);
        const unsubscribe = cart.subscribe((items) => setCount(items.length));
        onCleanup(unsubscribe);
        return <span class="badge">{count()}</span>;
      }
    `,
    untrapped: {
      edits: { from: "\n  onCleanup(unsubscribe);", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "createEffect resubscribes and unsubscribes the previous run in onCleanup",
    code: code`
      import { createEffect, createSignal, onCleanup } from "solid-js";
      import { fromEvent } from "rxjs";
      export function ClickCount(props: { target: HTMLElement }) {
        const [clicks, setClicks] = createSignal(0);
        createEffect(() => {
          const sub = fromEvent(props.target, "click").subscribe(() => setClicks((n) => n + 1));
          onCleanup(() => sub.unsubscribe());
        });
        return <b>{clicks()}</b>;
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => sub.unsubscribe());", to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "WebSocket opened in onMount, closed by onCleanup",
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      export function Ticker() {
        const [price, setPrice] = createSignal(0);
        onMount(() => {
          const socket = new WebSocket("wss://example.test/prices");
          socket.onmessage = (event) => setPrice(Number(event.data));
          onCleanup(() => socket.close());
        });
        return <b>{price()}</b>;
      }
    `,
    untrapped: {
      edits: { from: "\n    onCleanup(() => socket.close());", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "BroadcastChannel in the component body closed by a helper onCleanup calls",
    code: code`
      import { createSignal, onCleanup } from "solid-js";
      export function ThemeSync() {
        const [theme, setTheme] = createSignal("light");
        const channel = new BroadcastChannel("theme");
        channel.onmessage = (event) => setTheme(event.data);
        function disconnect() {
          channel.onmessage = null;
          channel.close();
        }
        onCleanup(disconnect);
        return <div class={theme()} />;
      }
    `,
    untrapped: {
      edits: { from: "\n    channel.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "createEffect(on(...)) closes the previous EventSource in onCleanup",
    code: code`
      import { createEffect, createSignal, on, onCleanup } from "solid-js";
      export function Room(props: { room: string }) {
        const [messages, setMessages] = createSignal<string[]>([]);
        createEffect(
          on(
            () => props.room,
            (room) => {
              const source = new EventSource("/rooms/" + room + "/events");
              source.onmessage = (event) => setMessages((list) => [...list, event.data]);
              onCleanup(() => source.close());
            },
          ),
        );
        return <ul>{messages().map((m) => <li>{m}</li>)}</ul>;
      }
    `,
    untrapped: {
      edits: { from: "\n        onCleanup(() => source.close());", to: "" },
      errors: [{ messageId: "neverReleased", line: 8 }],
    },
  },
];

const invalid: InvalidCase[] = [
  {
    rule: "no-leaked-timer",
    name: "onMount interval discarded",
    code: code`
      import { createSignal, onMount } from "solid-js";
      export function Clock() {
        const [now, setNow] = createSignal(new Date());
        onMount(() => {
          setInterval(() => setNow(new Date()), 1000);
        });
        return <time>{now().toISOString()}</time>;
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 5 }],
    fixed: [
      { from: "import { createSignal, onMount }", to: "import { createSignal, onCleanup, onMount }" },
      { from: "setInterval(() => setNow(new Date()), 1000);", to: "const id = setInterval(() => setNow(new Date()), 1000);\n    onCleanup(() => clearInterval(id));" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "interval in the component body with no onCleanup",
    code: code`
      import { createSignal } from "solid-js";
      export function Ticker() {
        const [n, setN] = createSignal(0);
        const id = setInterval(() => setN(n() + 1), 500);
        console.debug("started", typeof id);
        return <span>{n()}</span>;
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 4 }],
    fixed: [
      { from: "import { createSignal }", to: "import { createSignal, onCleanup }" },
      { from: 'console.debug("started", typeof id);', to: "onCleanup(() => clearInterval(id));" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "interval cleared by a button, not onCleanup",
    options: STRICT,
    code: code`
      import { createSignal, onMount } from "solid-js";
      export function Ticker() {
        const [n, setN] = createSignal(0);
        let id: ReturnType<typeof setInterval> | undefined;
        onMount(() => {
          id = setInterval(() => setN(n() + 1), 500);
        });
        return <button onClick={() => clearInterval(id)}>{n()}</button>;
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 6 }],
    fixed: [
      { from: "import { createSignal, onMount }", to: "import { createSignal, onCleanup, onMount }" },
      { from: "  return <button", to: "  onCleanup(() => clearInterval(id));\n  return <button" },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "createEffect adds a listener on every run, no onCleanup",
    code: code`
      import { createEffect } from "solid-js";
      export function Hotkey(props: { key: string; onPress(): void }) {
        const onKey = (event: KeyboardEvent) => event.key === props.key && props.onPress();
        createEffect(() => {
          window.addEventListener("keydown", onKey);
        });
        return null;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    fixed: [
      { from: "import { createEffect }", to: "import { createEffect, onCleanup }" },
      { from: 'window.addEventListener("keydown", onKey);', to: 'window.addEventListener("keydown", onKey);\n    onCleanup(() => window.removeEventListener("keydown", onKey));' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "a local function named onCleanup is not Solid's",
    options: STRICT,
    code: code`
      import { onMount } from "solid-js";
      const pending: (() => void)[] = [];
      function onCleanup(fn: () => void) {
        pending.push(fn);
      }
      export function Width() {
        const onResize = () => console.log(window.innerWidth);
        onMount(() => window.addEventListener("resize", onResize));
        onCleanup(() => window.removeEventListener("resize", onResize));
        return null;
      }
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 8 }],
    fixed: [
      { from: "import { onMount }", to: "import { onCleanup as disposeWith, onMount }" },
      { from: "  onCleanup(() => window.removeEventListener", to: "  disposeWith(() => window.removeEventListener" },
    ],
  },
  {
    rule: "no-leaked-observer",
    name: "observer in onMount watches the page, never disconnected",
    code: code`
      import { createSignal, onMount } from "solid-js";
      export function PageWidth() {
        const [width, setWidth] = createSignal(0);
        onMount(() => {
          const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
          observer.observe(document.body);
        });
        return <span>{width()}</span>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: [
      { from: "import { createSignal, onMount }", to: "import { createSignal, onCleanup, onMount }" },
      { from: "observer.observe(document.body);", to: "observer.observe(document.body);\n    onCleanup(() => observer.disconnect());" },
    ],
  },
  {
    rule: "no-unrevoked-object-url",
    name: "createEffect makes a URL per run and never revokes it",
    code: code`
      import { createEffect, createSignal } from "solid-js";
      export function Preview(props: { file: Blob }) {
        const [src, setSrc] = createSignal("");
        createEffect(() => {
          const url = URL.createObjectURL(props.file);
          setSrc(url);
        });
        return <img src={src()} />;
      }
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 5 }],
    fixed: [
      { from: "import { createEffect, createSignal }", to: "import { createEffect, createSignal, onCleanup }" },
      { from: "setSrc(url);", to: "setSrc(url);\n    onCleanup(() => URL.revokeObjectURL(url));" },
    ],
    probable: true,
  },
  {
    rule: "no-leaked-subscription",
    name: "subscription in onMount never unsubscribed",
    code: code`
      import { createSignal, onMount } from "solid-js";
      import { interval } from "rxjs";
      export function Counter() {
        const [n, setN] = createSignal(0);
        onMount(() => {
          interval(1000).subscribe(setN);
        });
        return <b>{n()}</b>;
      }
    `,
    errors: [{ messageId: "discarded", line: 6 }],
    fixed: [
      { from: "import { createSignal, onMount }", to: "import { createSignal, onCleanup, onMount }" },
      { from: "interval(1000).subscribe(setN);", to: "const sub = interval(1000).subscribe(setN);\n    onCleanup(() => sub.unsubscribe());" },
    ],
  },
  {
    rule: "no-unclosed-resource",
    name: "EventSource opened in the component body, never closed",
    code: code`
      import { createSignal } from "solid-js";
      export function Feed() {
        const [last, setLast] = createSignal("");
        const source = new EventSource("/events");
        source.onmessage = (event) => setLast(event.data);
        return <pre>{last()}</pre>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 4 }],
    fixed: [
      { from: "import { createSignal }", to: "import { createSignal, onCleanup }" },
      { from: "source.onmessage = (event) => setLast(event.data);", to: "source.onmessage = (event) => setLast(event.data);\n  onCleanup(() => source.close());" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "custom primitive: createInterval never clears",
    filename: "createInterval.ts",
    code: code`
      export function createInterval(fn: () => void, ms: number) {
        const id = setInterval(fn, ms);
        console.debug("interval", ms, typeof id);
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 2 }],
    fixed: [
      { from: "export function createInterval", to: 'import { onCleanup } from "solid-js";\nexport function createInterval' },
      { from: 'console.debug("interval", ms, typeof id);', to: "onCleanup(() => clearInterval(id));" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "createRenderEffect interval discarded",
    code: code`
      import { createRenderEffect, createSignal } from "solid-js";
      export function Blink(props: { ms: number }) {
        const [on, setOn] = createSignal(true);
        createRenderEffect(() => {
          setInterval(() => setOn(!on()), props.ms);
        });
        return <span style={{ opacity: on() ? 1 : 0 }}>_</span>;
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 5 }],
    fixed: [
      { from: "import { createRenderEffect, createSignal }", to: "import { createRenderEffect, createSignal, onCleanup }" },
      { from: "setInterval(() => setOn(!on()), props.ms);", to: "const id = setInterval(() => setOn(!on()), props.ms);\n    onCleanup(() => clearInterval(id));" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "onCleanup clears the other interval",
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      export function Clock() {
        const [now, setNow] = createSignal(new Date());
        const [blink, setBlink] = createSignal(false);
        let tick: ReturnType<typeof setInterval> | undefined;
        let cursor: ReturnType<typeof setInterval> | undefined;
        onMount(() => {
          tick = setInterval(() => setNow(new Date()), 1000);
          cursor = setInterval(() => setBlink(!blink()), 500);
        });
        onCleanup(() => clearInterval(cursor));
        return <time>{now().toLocaleTimeString()}{blink() ? ":" : " "}</time>;
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 8 }],
    fixed: { from: "onCleanup(() => clearInterval(cursor));", to: "onCleanup(() => {\n    clearInterval(cursor);\n    clearInterval(tick);\n  });" },
  },
  {
    rule: "no-leaked-timer",
    name: "createEffect debounce timeout never cleared",
    code: code`
      import { createEffect } from "solid-js";
      export function Autosave(props: { draft: string }) {
        createEffect(() => {
          const text = props.draft;
          const t = setTimeout(() => localStorage.setItem("draft", text), 500);
        });
        return null;
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 5 }],
    fixed: [
      { from: "import { createEffect }", to: "import { createEffect, onCleanup }" },
      { from: 'const t = setTimeout(() => localStorage.setItem("draft", text), 500);', to: 'const t = setTimeout(() => localStorage.setItem("draft", text), 500);\n    onCleanup(() => clearTimeout(t));' },
    ],
    probable: true,
  },
  {
    rule: "no-leaked-timer",
    name: "requestAnimationFrame loop in onMount never stopped",
    code: code`
      import { createSignal, onMount } from "solid-js";
      export function Spinner() {
        const [angle, setAngle] = createSignal(0);
        const spin = () => {
          setAngle((a) => (a + 2) % 360);
          requestAnimationFrame(spin);
        };
        onMount(() => requestAnimationFrame(spin));
        return <div style={{ rotate: angle() + "deg" }}>*</div>;
      }
    `,
    errors: [{ messageId: "loopNeverStopped", line: 6 }],
    fixed: [
      { from: "import { createSignal, onMount }", to: "import { createSignal, onCleanup, onMount }" },
      { from: "  const spin = () => {", to: "  let frame = 0;\n  const spin = () => {" },
      { from: "    requestAnimationFrame(spin);", to: "    frame = requestAnimationFrame(spin);" },
      { from: "onMount(() => requestAnimationFrame(spin));", to: "onMount(() => (frame = requestAnimationFrame(spin)));\n  onCleanup(() => cancelAnimationFrame(frame));" },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "createEffect listener with a { signal } that is never aborted",
    code: code`
      import { createEffect } from "solid-js";
      export function Dialog(props: { open: boolean; onClose(): void }) {
        createEffect(() => {
          if (!props.open) return;
          const controller = new AbortController();
          document.addEventListener("keydown", (event) => event.key === "Escape" && props.onClose(), { signal: controller.signal });
        });
        return <dialog open={props.open} />;
      }
    `,
    errors: [{ messageId: "signalNeverAborted", line: 6 }],
    fixed: [
      { from: "import { createEffect }", to: "import { createEffect, onCleanup }" },
      { from: "{ signal: controller.signal });", to: "{ signal: controller.signal });\n    onCleanup(() => controller.abort());" },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "async onMount: onCleanup after an await has no owner and never runs",
    options: STRICT,
    code: code`
      import { createSignal, onCleanup, onMount } from "solid-js";
      export function Viewport() {
        const [width, setWidth] = createSignal(0);
        const onResize = () => setWidth(window.innerWidth);
        onMount(async () => {
          await document.fonts.ready;
          window.addEventListener("resize", onResize);
          onCleanup(() => window.removeEventListener("resize", onResize));
        });
        return <span>{width()}</span>;
      }
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 7 }],
    fixed: [
      { from: '\n    onCleanup(() => window.removeEventListener("resize", onResize));', to: "" },
      { from: "  onMount(async () => {", to: '  onCleanup(() => window.removeEventListener("resize", onResize));\n  onMount(async () => {' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "component body adds a document listener and never removes it",
    code: code`
      import { createSignal } from "solid-js";
      export function Menu() {
        const [open, setOpen] = createSignal(false);
        document.addEventListener("click", () => setOpen(false), true);
        return <button onClick={() => setOpen(!open())}>{open() ? "close" : "open"}</button>;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    fixed: [
      { from: "import { createSignal }", to: "import { createSignal, onCleanup }" },
      { from: 'document.addEventListener("click", () => setOpen(false), true);', to: 'const close = () => setOpen(false);\n  document.addEventListener("click", close, true);\n  onCleanup(() => document.removeEventListener("click", close, true));' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "createEffect(on(...)) adds a listener on every change",
    code: code`
      import { createEffect, on } from "solid-js";
      export function Hotkey(props: { key: string; onPress(): void }) {
        const onKey = (event: KeyboardEvent) => event.key === props.key && props.onPress();
        createEffect(
          on(
            () => props.key,
            () => window.addEventListener("keydown", onKey),
          ),
        );
        return null;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    fixed: [
      { from: "import { createEffect, on }", to: "import { createEffect, on, onCleanup }" },
      { from: '() => window.addEventListener("keydown", onKey),', to: '() => {\n        window.addEventListener("keydown", onKey);\n        onCleanup(() => window.removeEventListener("keydown", onKey));\n      },' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "onCleanup removes an inline function that was never added",
    code: code`
      import { onCleanup, onMount } from "solid-js";
      export function Logger() {
        onMount(() => window.addEventListener("resize", () => console.log(window.innerWidth)));
        onCleanup(() => window.removeEventListener("resize", () => console.log(window.innerWidth)));
        return null;
      }
    `,
    errors: [
      { messageId: "listenerCannotBeRemoved", line: 3 },
      { messageId: "removalNeverMatches", line: 4 },
    ],
    fixed: [
      { from: "export function Logger() {", to: "export function Logger() {\n  const log = () => console.log(window.innerWidth);" },
      { from: '"resize", () => console.log(window.innerWidth))', to: '"resize", log)' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener removed only by a button, not in onCleanup",
    options: STRICT,
    code: code`
      import { onMount } from "solid-js";
      export function Tour(props: { next(): void }) {
        const onKey = (event: KeyboardEvent) => event.key === "ArrowRight" && props.next();
        onMount(() => document.addEventListener("keydown", onKey));
        return <button onClick={() => document.removeEventListener("keydown", onKey)}>skip tour</button>;
      }
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 4 }],
    fixed: [
      { from: "import { onMount }", to: "import { onCleanup, onMount }" },
      { from: "  return <button", to: '  onCleanup(() => document.removeEventListener("keydown", onKey));\n  return <button' },
    ],
  },
  {
    rule: "no-leaked-observer",
    name: "directive (use:lazy) never disconnects its observer",
    code: code`
      export function lazy(el: HTMLImageElement, src: () => string) {
        const io = new IntersectionObserver(([entry]) => {
          if (entry.isIntersecting) el.src = src();
        });
        io.observe(el);
      }
      export function Photo(props: { src: string }) {
        return <img use:lazy={props.src} alt="" />;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 2 }],
    fixed: [
      { from: "export function lazy", to: 'import { onCleanup } from "solid-js";\nexport function lazy' },
      { from: "io.observe(el);", to: "io.observe(el);\n  onCleanup(() => io.disconnect());" },
    ],
    probable: true,
  },
  {
    rule: "no-leaked-observer",
    name: "component body MutationObserver on document.body, never disconnected",
    code: code`
      import { createSignal } from "solid-js";
      export function ThemeLogo() {
        const [dark, setDark] = createSignal(false);
        const observer = new MutationObserver(() => setDark(document.body.classList.contains("dark")));
        observer.observe(document.body, { attributes: true });
        return <img src={dark() ? "/logo-dark.svg" : "/logo.svg"} alt="logo" />;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 4 }],
    fixed: [
      { from: "import { createSignal }", to: "import { createSignal, onCleanup }" },
      { from: "observer.observe(document.body, { attributes: true });", to: "observer.observe(document.body, { attributes: true });\n  onCleanup(() => observer.disconnect());" },
    ],
  },
  {
    rule: "no-leaked-observer",
    name: "createRenderEffect observes the target prop on every run, never disconnects",
    code: code`
      import { createRenderEffect, createSignal } from "solid-js";
      export function useSize(target: () => HTMLElement) {
        const [size, setSize] = createSignal(0);
        createRenderEffect(() => {
          const observer = new ResizeObserver(([entry]) => setSize(entry.contentRect.width));
          observer.observe(target());
        });
        return size;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: [
      { from: "import { createRenderEffect, createSignal }", to: "import { createRenderEffect, createSignal, onCleanup }" },
      { from: "observer.observe(target());", to: "observer.observe(target());\n    onCleanup(() => observer.disconnect());" },
    ],
    probable: true,
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL made in the component body, never revoked",
    code: code`
      export function Download(props: { report: Blob }) {
        const href = URL.createObjectURL(props.report);
        return <a href={href} download="report.pdf">Download</a>;
      }
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 2 }],
    fixed: [
      { from: "export function Download", to: 'import { onCleanup } from "solid-js";\nexport function Download' },
      { from: "const href = URL.createObjectURL(props.report);", to: "const href = URL.createObjectURL(props.report);\n  onCleanup(() => URL.revokeObjectURL(href));" },
    ],
  },
  {
    rule: "no-unrevoked-object-url",
    name: "onMount URL revoked only when the link is clicked",
    options: STRICT,
    code: code`
      import { onMount } from "solid-js";
      export function Receipt(props: { pdf: Blob }) {
        let link!: HTMLAnchorElement;
        let url = "";
        onMount(() => {
          url = URL.createObjectURL(props.pdf);
          link.href = url;
        });
        return (
          <a ref={link} download="receipt.pdf" onClick={() => setTimeout(() => URL.revokeObjectURL(url), 0)}>
            Save receipt
          </a>
        );
      }
    `,
    errors: [{ messageId: "urlNotRevokedInTeardown", line: 6 }],
    fixed: [
      { from: "import { onMount }", to: "import { onCleanup, onMount }" },
      { from: "  return (", to: "  onCleanup(() => URL.revokeObjectURL(url));\n  return (" },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "store disposer kept but never called",
    code: code`
      import { createSignal } from "solid-js";
      import { cart } from "./cart-store";
      export function CartBadge() {
        const [count, setCount] = createSignal(0);
        const unsubscribe = cart.subscribe((items) => setCount(items.length));
        return <span class="badge" title={typeof unsubscribe}>{count()}</span>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: [
      { from: "import { createSignal }", to: "import { createSignal, onCleanup }" },
      { from: "const unsubscribe = cart.subscribe((items) => setCount(items.length));", to: "const unsubscribe = cart.subscribe((items) => setCount(items.length));\n  onCleanup(() => unsubscribe());" },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "createEffect resubscribes on every run and drops the subscription",
    code: code`
      import { createEffect, createSignal } from "solid-js";
      import { fromEvent } from "rxjs";
      export function ClickCount(props: { target: HTMLElement }) {
        const [clicks, setClicks] = createSignal(0);
        createEffect(() => {
          fromEvent(props.target, "click").subscribe(() => setClicks((n) => n + 1));
        });
        return <b>{clicks()}</b>;
      }
    `,
    errors: [{ messageId: "discarded", line: 6 }],
    fixed: [
      { from: "import { createEffect, createSignal }", to: "import { createEffect, createSignal, onCleanup }" },
      { from: 'fromEvent(props.target, "click").subscribe(() => setClicks((n) => n + 1));', to: 'const sub = fromEvent(props.target, "click").subscribe(() => setClicks((n) => n + 1));\n    onCleanup(() => sub.unsubscribe());' },
    ],
    probable: true,
  },
  {
    rule: "no-unclosed-resource",
    name: "WebSocket opened in onMount, never closed",
    code: code`
      import { createSignal, onMount } from "solid-js";
      export function Ticker() {
        const [price, setPrice] = createSignal(0);
        onMount(() => {
          const socket = new WebSocket("wss://example.test/prices");
          socket.onmessage = (event) => setPrice(Number(event.data));
        });
        return <b>{price()}</b>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: [
      { from: "import { createSignal, onMount }", to: "import { createSignal, onCleanup, onMount }" },
      { from: "socket.onmessage = (event) => setPrice(Number(event.data));", to: "socket.onmessage = (event) => setPrice(Number(event.data));\n    onCleanup(() => socket.close());" },
    ],
  },
  {
    rule: "no-unclosed-resource",
    name: "BroadcastChannel in createEffect, never closed",
    code: code`
      import { createEffect, createSignal } from "solid-js";
      export function Presence(props: { room: string }) {
        const [peers, setPeers] = createSignal(0);
        createEffect(() => {
          const channel = new BroadcastChannel("presence:" + props.room);
          channel.onmessage = (event) => setPeers(event.data.count);
        });
        return <span>{peers()} online</span>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: [
      { from: "import { createEffect, createSignal }", to: "import { createEffect, createSignal, onCleanup }" },
      { from: "channel.onmessage = (event) => setPeers(event.data.count);", to: "channel.onmessage = (event) => setPeers(event.data.count);\n    onCleanup(() => channel.close());" },
    ],
  },
  {
    rule: "no-unclosed-resource",
    name: "createEffect(on(...)) opens an EventSource per room and never closes it",
    code: code`
      import { createEffect, createSignal, on } from "solid-js";
      export function Room(props: { room: string }) {
        const [messages, setMessages] = createSignal<string[]>([]);
        createEffect(
          on(
            () => props.room,
            (room) => {
              const source = new EventSource("/rooms/" + room + "/events");
              source.onmessage = (event) => setMessages((list) => [...list, event.data]);
            },
          ),
        );
        return <ul>{messages().map((m) => <li>{m}</li>)}</ul>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 8 }],
    fixed: [
      { from: "import { createEffect, createSignal, on }", to: "import { createEffect, createSignal, on, onCleanup }" },
      { from: "source.onmessage = (event) => setMessages((list) => [...list, event.data]);", to: "source.onmessage = (event) => setMessages((list) => [...list, event.data]);\n        onCleanup(() => source.close());" },
    ],
  },
];

// Valid code (and every fixed variant) stays valid under the strict preset too: it only adds
// "released elsewhere" findings. Trap-removed variants are linted with it as well.
const strict = <C extends FrameworkCase>(c: C): C => ({ options: STRICT, ...c });
const [allValid, allInvalid] = withVariants(valid.map(strict), invalid);
runFrameworkCases(allValid.map(strict), allInvalid);
