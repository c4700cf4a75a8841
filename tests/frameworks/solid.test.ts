/** Solid: onMount / createEffect / createRenderEffect released by onCleanup; component bodies are setups. */
import { type FrameworkCase, code, runFrameworkCases } from "./harness.js";

const valid: FrameworkCase[] = [
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
  },
];

const invalid: FrameworkCase[] = [
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
  },
  {
    rule: "no-leaked-timer",
    name: "interval cleared by a button, not onCleanup",
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
  },
  {
    rule: "no-leaked-event-listener",
    name: "a local function named onCleanup is not Solid's",
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
  },
  {
    rule: "no-leaked-observer",
    name: "observer in onMount never disconnected",
    code: code`
      import { onMount } from "solid-js";
      export function Box() {
        let el!: HTMLDivElement;
        onMount(() => {
          const observer = new ResizeObserver(() => console.log("resized"));
          observer.observe(el);
        });
        return <div ref={el} />;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
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
  },
];

runFrameworkCases(valid, invalid);
