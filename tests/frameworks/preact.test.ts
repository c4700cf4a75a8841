/** Preact hooks from `preact/hooks` and `preact/compat` behave like React's. */
import { type FrameworkCase, code, runFrameworkCases } from "./harness.js";

const valid: FrameworkCase[] = [
  {
    rule: "no-leaked-timer",
    name: "preact/hooks useEffect clears its interval",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Clock() {
        const [now, setNow] = useState(new Date());
        useEffect(() => {
          const id = setInterval(() => setNow(new Date()), 1000);
          return () => clearInterval(id);
        }, []);
        return <time>{now.toISOString()}</time>;
      }
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "preact/compat useLayoutEffect removes its listener",
    code: code`
      import { useLayoutEffect, useState } from "preact/compat";
      export function Width() {
        const [w, setW] = useState(0);
        useLayoutEffect(() => {
          const onResize = () => setW(window.innerWidth);
          window.addEventListener("resize", onResize);
          return () => window.removeEventListener("resize", onResize);
        }, []);
        return <span>{w}</span>;
      }
    `,
  },
  {
    rule: "no-leaked-observer",
    name: "preact/hooks observer disconnected in the cleanup",
    code: code`
      import { useEffect, useRef } from "preact/hooks";
      export function Box() {
        const ref = useRef<HTMLDivElement>(null);
        useEffect(() => {
          const observer = new ResizeObserver(() => console.log("resized"));
          observer.observe(ref.current!);
          return () => observer.disconnect();
        }, []);
        return <div ref={ref} />;
      }
    `,
  },
  {
    rule: "no-unrevoked-object-url",
    name: "preact/hooks object URL revoked in the cleanup",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Preview({ file }: { file: Blob }) {
        const [src, setSrc] = useState("");
        useEffect(() => {
          const url = URL.createObjectURL(file);
          setSrc(url);
          return () => URL.revokeObjectURL(url);
        }, [file]);
        return <img src={src} />;
      }
    `,
  },
];

const invalid: FrameworkCase[] = [
  {
    rule: "no-leaked-timer",
    name: "preact/hooks interval never cleared",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Clock() {
        const [now, setNow] = useState(new Date());
        useEffect(() => {
          const id = setInterval(() => setNow(new Date()), 1000);
          console.debug(typeof id);
        }, []);
        return <time>{now.toISOString()}</time>;
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 5 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "preact/compat listener never removed",
    code: code`
      import { useEffect } from "preact/compat";
      export function Hotkeys({ onEscape }: { onEscape(): void }) {
        useEffect(() => {
          const onKey = (event: KeyboardEvent) => event.key === "Escape" && onEscape();
          document.addEventListener("keydown", onKey);
        }, [onEscape]);
        return null;
      }
    `,
    errors: [
      {
        messageId: "listenerNeverRemoved",
        line: 5,
        suggestions: [
          {
            messageId: "addRemoval",
            output: code`
              import { useEffect } from "preact/compat";
              export function Hotkeys({ onEscape }: { onEscape(): void }) {
                useEffect(() => {
                  const onKey = (event: KeyboardEvent) => event.key === "Escape" && onEscape();
                  document.addEventListener("keydown", onKey);
                  return () => {
                    document.removeEventListener("keydown", onKey);
                  };
                }, [onEscape]);
                return null;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    rule: "no-leaked-observer",
    name: "preact/hooks observer never disconnected",
    code: code`
      import { useEffect, useRef } from "preact/hooks";
      export function Box() {
        const ref = useRef<HTMLDivElement>(null);
        useEffect(() => {
          const observer = new ResizeObserver(() => console.log("resized"));
          observer.observe(ref.current!);
        }, []);
        return <div ref={ref} />;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
  },
  {
    rule: "no-leaked-subscription",
    name: "preact/hooks subscription discarded",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      import { interval } from "rxjs";
      export function Counter() {
        const [n, setN] = useState(0);
        useEffect(() => {
          interval(1000).subscribe(setN);
        }, []);
        return <b>{n}</b>;
      }
    `,
    errors: [{ messageId: "discarded", line: 6 }],
  },
];

runFrameworkCases(valid, invalid);
