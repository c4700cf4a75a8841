import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-leaked-timer.js";
import { gradedCases } from "./graded.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Drops the leading newline and the common indentation, so line 1 is the first line of code. */
function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, "").replace(/\n\s*$/, "\n");
  const lines = raw.split("\n");
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join("\n");
}

const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

// ---------------------------------------------------------------------------
// Real-code shapes (bench review: hls.js, three.js, leaflet, ol, react-use, @mantine/hooks,
// ws, mqtt). Each timer below is cleared somewhere in the file, but not when its owner ends,
// or by a clear the rule cannot prove is this timer's (`clearTimeout(track.timeoutId)` in a
// helper taking the track). By default they are not reported; with `reportProbable`
// (the strict preset) they are, with the same messages as before the option existed.
const releasedElsewhere = [
  {
    name: "interval cleared by the media-detaching handler, not in destroy()",
    code: code`
      export class StreamController {
        constructor(hls) {
          this.hls = hls;
        }
        onMediaAttached(media) {
          this.media = media;
          this.tick = setInterval(() => this.doTick(), 100);
        }
        onMediaDetaching() {
          clearInterval(this.tick);
          this.media = null;
        }
        doTick() {}
        destroy() {
          this.hls = null;
        }
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown" as const, line: 7 }],
  },
  {
    name: "retry timeout cleared when the upload succeeds, not in dispose()",
    code: code`
      export class Uploader {
        constructor(transport) {
          this.transport = transport;
        }
        send(chunk) {
          this.retry = setTimeout(() => this.send(chunk), 5000);
          this.transport.post(chunk).then(() => clearTimeout(this.retry));
        }
        dispose() {
          this.transport = null;
        }
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown" as const, line: 6 }],
  },
  {
    name: "timeout kept on a track record, cleared by a helper called with the track from another method",
    code: code`
      function cancelReload(track) {
        clearTimeout(track.timeoutId);
        track.timeoutId = undefined;
      }
      export class SubtitleTrackController {
        constructor(hls) {
          this.hls = hls;
          this.track = { timeoutId: undefined };
        }
        scheduleReload(delay) {
          this.track.timeoutId = setTimeout(() => this.loadPlaylist(), delay);
        }
        onTrackSwitched() {
          cancelReload(this.track);
        }
        loadPlaylist() {}
        destroy() {
          this.hls = null;
        }
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown" as const, line: 11 }],
  },
];

const { probable, checkRecommended } = gradedCases("no-leaked-timer");

ruleTester.run("no-leaked-timer", rule, {
  valid: [
    {
      // outline (sample B): each retry is a new promise with its own timer, bounded by the count.
      name: "a retry timeout in a promise's catch that starts the next attempt through the enclosing function",
      code: code`
        export function retry(fn, retriesLeft = 3, interval = 1000) {
          return new Promise((resolve, reject) => {
            fn()
              .then(resolve)
              .catch((error) => {
                setTimeout(() => {
                  if (retriesLeft === 1) {
                    reject(error);
                    return;
                  }
                  retry(fn, retriesLeft - 1, interval).then(resolve, reject);
                }, interval);
              });
          });
        }
      `,
    },
    {
      // Joplin (sample E): the promise settles only in check(), called before the interval
      // exists or from its callback, which clears it right after.
      name: "an interval whose callback settles through a local helper and then clears itself",
      code: code`
        export class TaskQueue {
          waitForResult(taskId) {
            return new Promise((resolve) => {
              const check = () => {
                const result = this.results[taskId];
                if (result) {
                  resolve(result);
                  return true;
                }
                return false;
              };
              if (check()) return;
              const checkIID = setInterval(() => {
                if (check()) clearInterval(checkIID);
              }, 100);
            });
          }
        }
      `,
    },
    // ---------------------------------------------------------------------
    // Owners: React effects and hooks
    {
      name: "effect clears its interval in an inline cleanup",
      code: code`
        import { useEffect, useState } from "react";
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
      name: "effect returns a named cleanup function",
      code: code`
        import { useEffect } from "react";
        export function Presence({ socket }) {
          useEffect(() => {
            const heartbeat = setInterval(() => socket.send("ping"), 15_000);
            function cleanup() {
              clearInterval(heartbeat);
            }
            return cleanup;
          }, [socket]);
          return null;
        }
      `,
    },
    {
      name: "React.useEffect debounces a search and clears the pending timeout",
      code: code`
        import React from "react";
        export function SearchBox({ query, onSearch }: { query: string; onSearch(q: string): void }) {
          React.useEffect(() => {
            const timer = setTimeout(() => onSearch(query), 300);
            return () => clearTimeout(timer);
          }, [query, onSearch]);
          return <input defaultValue={query} />;
        }
      `,
    },
    {
      name: "custom hook keeps the interval in a ref and clears it in the cleanup",
      code: code`
        import { useEffect, useRef } from "react";
        export function useHeartbeat(send: () => void, ms = 5000) {
          const timerRef = useRef<ReturnType<typeof setInterval>>();
          useEffect(() => {
            timerRef.current = setInterval(send, ms);
            return () => clearInterval(timerRef.current);
          }, [send, ms]);
        }
      `,
    },
    {
      name: "effect uses a helper that returns a disposer",
      code: code`
        import { useEffect } from "react";
        function every(ms: number, fn: () => void) {
          const id = setInterval(fn, ms);
          return () => clearInterval(id);
        }
        export function AutoSave({ save }: { save(): void }) {
          useEffect(() => every(30_000, save), [save]);
          return null;
        }
      `,
    },
    {
      name: "useLayoutEffect frame loop stopped with cancelAnimationFrame",
      code: code`
        import { useLayoutEffect, useRef } from "react";
        export function Meter({ analyser }) {
          const canvas = useRef(null);
          useLayoutEffect(() => {
            let frame = 0;
            const draw = () => {
              paint(canvas.current, analyser);
              frame = requestAnimationFrame(draw);
            };
            frame = requestAnimationFrame(draw);
            return () => cancelAnimationFrame(frame);
          }, [analyser]);
          return <canvas ref={canvas} />;
        }
      `,
    },
    {
      name: "effect frame loop that checks a stop flag set by the cleanup",
      code: code`
        import { useEffect } from "react";
        export function Spinner({ ctx }) {
          useEffect(() => {
            let running = true;
            function frame(t: number) {
              if (!running) return;
              ctx.rotate(t / 1000);
              requestAnimationFrame(frame);
            }
            requestAnimationFrame(frame);
            return () => {
              running = false;
            };
          }, [ctx]);
          return null;
        }
      `,
    },
    {
      name: "requestIdleCallback handle cancelled in the cleanup",
      code: code`
        import { useEffect } from "react";
        export function Prefetch({ urls }: { urls: string[] }) {
          useEffect(() => {
            const handle = requestIdleCallback(() => urls.forEach((url) => fetch(url)));
            return () => cancelIdleCallback(handle);
          }, [urls]);
          return null;
        }
      `,
    },
    {
      name: "setTimeout(fn, 0) and setTimeout(fn) in an effect only defer work",
      code: code`
        import { useEffect } from "react";
        export function AutoFocus({ input }: { input: HTMLInputElement }) {
          useEffect(() => {
            setTimeout(() => input.focus(), 0);
            setTimeout(() => input.select());
          }, [input]);
          return null;
        }
      `,
    },
    {
      name: "a button starts a guarded interval that an unmount effect clears",
      code: code`
        import { useEffect, useRef, useState } from "react";
        export function Stopwatch() {
          const [ms, setMs] = useState(0);
          const ref = useRef<number>();
          const start = () => {
            if (ref.current) return;
            ref.current = window.setInterval(() => setMs((v) => v + 10), 10);
          };
          useEffect(() => () => window.clearInterval(ref.current), []);
          return <button onClick={start}>{ms}</button>;
        }
      `,
    },
    {
      name: "useInsertionEffect clears its interval",
      code: code`
        import { useInsertionEffect } from "react";
        export function useStyleTicker(update: () => void) {
          useInsertionEffect(() => {
            const id = setInterval(update, 16);
            return () => clearInterval(id);
          });
        }
      `,
    },
    {
      name: "interval started once data loaded, in a variable of this effect run",
      code: code`
        import { useEffect } from "react";
        export function LiveScores({ load }: { load(): Promise<void> }) {
          useEffect(() => {
            let id: ReturnType<typeof setInterval> | undefined;
            load().then(() => {
              id = setInterval(load, 5000);
            });
            return () => clearInterval(id);
          }, [load]);
          return null;
        }
      `,
    },
    {
      // Deliberate: a one-shot timeout started by a handler the effect installs is a one-shot of
      // that handler (like a timeout in onClick), not bound to the effect.
      name: "one-shot timeout in a scroll handler installed by an effect",
      code: code`
        import { useEffect, useState } from "react";
        export function ScrollHint() {
          const [visible, setVisible] = useState(true);
          useEffect(() => {
            const onScroll = () => {
              setTimeout(() => setVisible(false), 1000);
            };
            window.addEventListener("scroll", onScroll, { passive: true });
            return () => window.removeEventListener("scroll", onScroll);
          }, []);
          return visible ? <p>Scroll for more</p> : null;
        }
      `,
    },
    {
      // Deliberate: a one-shot timeout in an event handler is not reported (React ignores a
      // setState after unmount); only intervals and loops there are.
      name: "one-shot timeout in a click handler resets a label",
      code: code`
        import { useState } from "react";
        export function CopyButton({ text }: { text: string }) {
          const [copied, setCopied] = useState(false);
          const copy = async () => {
            await navigator.clipboard.writeText(text);
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          };
          return <button onClick={copy}>{copied ? "Copied" : "Copy"}</button>;
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: lifecycle classes
    {
      name: "React class component clears in componentWillUnmount",
      code: code`
        import React from "react";
        export class Ticker extends React.Component<{ symbol: string }> {
          private timer?: number;
          componentDidMount() {
            this.timer = window.setInterval(() => this.refresh(), 5000);
          }
          componentWillUnmount() {
            window.clearInterval(this.timer);
          }
          refresh() {}
          render() {
            return <span>{this.props.symbol}</span>;
          }
        }
      `,
    },
    {
      name: "React class toast clears its auto-close timeout on unmount",
      code: code`
        import { Component } from "react";
        export class Toast extends Component<{ onClose(): void }> {
          closeTimer: ReturnType<typeof setTimeout> | undefined;
          componentDidMount() {
            this.closeTimer = setTimeout(() => this.props.onClose(), 4000);
          }
          componentWillUnmount() {
            clearTimeout(this.closeTimer);
          }
          render() {
            return <div role="status" />;
          }
        }
      `,
    },
    {
      name: "web component starts in connectedCallback and clears in disconnectedCallback",
      code: code`
        export class LiveClock extends HTMLElement {
          #timer?: number;
          connectedCallback() {
            this.#timer = window.setInterval(() => this.render(), 1000);
            this.render();
          }
          disconnectedCallback() {
            clearInterval(this.#timer);
          }
          render() {
            this.textContent = new Date().toLocaleTimeString();
          }
        }
        customElements.define("live-clock", LiveClock);
      `,
    },
    {
      name: "Angular component clears in ngOnDestroy",
      code: code`
        import { Component, OnDestroy, OnInit } from "@angular/core";
        @Component({ selector: "app-clock", template: "{{ now | date: 'mediumTime' }}" })
        export class ClockComponent implements OnInit, OnDestroy {
          now = new Date();
          private tick?: ReturnType<typeof setInterval>;
          ngOnInit(): void {
            this.tick = setInterval(() => (this.now = new Date()), 1000);
          }
          ngOnDestroy(): void {
            clearInterval(this.tick);
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: plain classes
    {
      name: "guarded start (`if (this.timer) return`) and stop that clears",
      code: code`
        export class Poller {
          private timer?: ReturnType<typeof setInterval>;
          constructor(private readonly fetchJobs: () => Promise<void>) {}
          start() {
            if (this.timer) return;
            this.timer = setInterval(() => void this.fetchJobs(), 2000);
          }
          stop() {
            clearInterval(this.timer);
            this.timer = undefined;
          }
        }
      `,
    },
    {
      name: "start() calls this.stop() before re-arming",
      code: code`
        export class Heartbeat {
          private timer: NodeJS.Timeout | null = null;
          constructor(private readonly socket: { send(data: string): void }) {}
          start(ms: number) {
            this.stop();
            this.timer = setInterval(() => this.socket.send("ping"), ms);
          }
          stop() {
            if (this.timer) clearInterval(this.timer);
            this.timer = null;
          }
        }
      `,
    },
    {
      name: "`??=` never replaces a live handle",
      code: code`
        export class Autosave {
          private timer?: ReturnType<typeof setInterval>;
          constructor(private readonly save: () => void) {}
          enable() {
            this.timer ??= setInterval(this.save, 10_000);
          }
          dispose() {
            clearInterval(this.timer);
            this.timer = undefined;
          }
        }
      `,
    },
    {
      name: "field initialiser cleared in [Symbol.dispose]",
      code: code`
        export class CacheSweeper implements Disposable {
          readonly #entries = new Map<string, { expires: number }>();
          #sweep = setInterval(() => this.prune(), 60_000);
          prune() {
            const now = Date.now();
            for (const [key, entry] of this.#entries) if (entry.expires < now) this.#entries.delete(key);
          }
          [Symbol.dispose]() {
            clearInterval(this.#sweep);
          }
        }
      `,
    },
    {
      name: "[Symbol.asyncDispose] clears the flush timer",
      code: code`
        export class BatchWriter {
          private flushTimer = setInterval(() => void this.flush(), 1000);
          private pending: string[] = [];
          async flush() {
            const lines = this.pending.splice(0);
            if (lines.length) await write(lines);
          }
          async [Symbol.asyncDispose]() {
            clearInterval(this.flushTimer);
            await this.flush();
          }
        }
      `,
    },
    {
      name: "teardownMethods option: shutdown() clears",
      options: [{ teardownMethods: ["shutdown"] }],
      code: code`
        export class QueueConsumer {
          private poll: ReturnType<typeof setInterval>;
          constructor(private readonly queue: { receive(): Promise<void> }) {
            this.poll = setInterval(() => void this.queue.receive(), 500);
          }
          shutdown() {
            clearInterval(this.poll);
          }
        }
      `,
    },
    {
      // A plain class with no teardown method cannot end before its one-shot timeout.
      name: "plain class without a teardown: one-shot timeout that uses `this`",
      code: code`
        export class Notifier {
          visible = false;
          flash() {
            this.visible = true;
            setTimeout(() => (this.visible = false), 1500);
          }
        }
      `,
    },
    {
      name: "start() guarded by a running flag it sets itself",
      code: code`
        export class Poller {
          private running = false;
          private timer?: ReturnType<typeof setInterval>;
          start() {
            if (this.running) return;
            this.running = true;
            this.timer = setInterval(() => this.poll(), 1000);
          }
          poll() {}
          stop() {
            this.running = false;
            clearInterval(this.timer);
          }
        }
      `,
    },
    {
      name: "start() guarded by a state machine",
      code: code`
        type State = "idle" | "running";
        export class Sampler {
          private state: State = "idle";
          private timer?: ReturnType<typeof setInterval>;
          start() {
            if (this.state === "running") {
              return;
            }
            this.state = "running";
            this.timer = setInterval(() => this.sample(), 250);
          }
          sample() {}
          stop() {
            this.state = "idle";
            clearInterval(this.timer);
          }
        }
      `,
    },
    {
      name: "timers pushed into a collection that dispose() clears",
      code: code`
        export class Scheduler {
          private readonly timers: ReturnType<typeof setInterval>[] = [];
          every(ms: number, job: () => void) {
            this.timers.push(setInterval(job, ms));
          }
          dispose() {
            for (const timer of this.timers) clearInterval(timer);
            this.timers.length = 0;
          }
        }
      `,
    },
    {
      name: "handle kept in a Set via a variable, cleared in close()",
      code: code`
        export class Retrier {
          private readonly pending = new Set<ReturnType<typeof setTimeout>>();
          later(fn: () => void, ms: number) {
            const t = setTimeout(() => {
              this.pending.delete(t);
              fn();
            }, ms);
            this.pending.add(t);
          }
          close() {
            this.pending.forEach((t) => clearTimeout(t));
            this.pending.clear();
          }
        }
      `,
    },
    {
      name: "frame loop in a class, cancelled by stop()",
      code: code`
        export class Animator {
          private frame = 0;
          start() {
            const loop = () => {
              this.draw();
              this.frame = requestAnimationFrame(loop);
            };
            this.frame = requestAnimationFrame(loop);
          }
          draw() {}
          stop() {
            cancelAnimationFrame(this.frame);
          }
        }
      `,
    },
    {
      name: "self-rescheduling poll with a stop flag",
      code: code`
        export class StatusPoller {
          private stopped = false;
          private next?: ReturnType<typeof setTimeout>;
          start() {
            const tick = async () => {
              await this.poll();
              if (!this.stopped) this.next = setTimeout(tick, 1000);
            };
            void tick();
          }
          poll() {
            return Promise.resolve();
          }
          stop() {
            this.stopped = true;
            clearTimeout(this.next);
          }
        }
      `,
    },
    {
      name: "unref()'d handle stored and cleared in close()",
      code: code`
        export class KeepAlive {
          private timer = setInterval(() => this.ping(), 30_000).unref();
          ping() {}
          close() {
            clearInterval(this.timer);
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: plain functions
    {
      name: "function returns a disposer that clears the interval",
      code: code`
        export function watchJob(client, jobId, onChange, ms = 2000) {
          const poll = setInterval(async () => onChange(await client.status(jobId)), ms);
          return () => clearInterval(poll);
        }
      `,
    },
    {
      name: "function clears its progress interval in finally",
      code: code`
        export async function withSpinner<T>(task: () => Promise<T>): Promise<T> {
          const spinner = setInterval(() => process.stdout.write("."), 250);
          try {
            return await task();
          } finally {
            clearInterval(spinner);
          }
        }
      `,
    },
    {
      name: "function clears in the same body after awaiting",
      code: code`
        export async function migrate(db, log) {
          const progress = setInterval(() => log(db.progress()), 1000);
          await db.migrate();
          clearInterval(progress);
        }
      `,
    },
    {
      name: "one-shot setTimeout in a plain function",
      code: code`
        export function flash(el: HTMLElement) {
          el.classList.add("flash");
          setTimeout(() => el.classList.remove("flash"), 300);
        }
      `,
    },
    {
      name: "one-shot unref()'d timeout in a plain function",
      code: code`
        export function scheduleCacheWarmup(cache) {
          setTimeout(() => cache.warm(), 5000).unref();
        }
      `,
    },
    {
      name: "debounce clears before re-arming",
      code: code`
        export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          return (...args: A) => {
            clearTimeout(timer);
            timer = setTimeout(() => fn(...args), ms);
          };
        }
      `,
    },
    {
      name: "throttle skips while a timeout is pending",
      code: code`
        export function throttle(fn: () => void, ms: number) {
          let pending: ReturnType<typeof setTimeout> | null = null;
          return () => {
            if (pending) return;
            pending = setTimeout(() => {
              pending = null;
              fn();
            }, ms);
          };
        }
      `,
    },
    {
      name: "sleep helpers",
      code: code`
        export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
        export function delay(ms: number) {
          return new Promise((resolve) => {
            setTimeout(resolve, ms);
          });
        }
      `,
    },
    {
      // Limitation: a self-rescheduling loop in a plain function is taken as deliberate
      // (reconnect for the life of the process); only owners with a release phase are checked.
      name: "reconnect loop in a plain function",
      code: code`
        export function connectForever(url: string, onMessage: (data: string) => void) {
          const ws = new WebSocket(url);
          ws.onmessage = (event) => onMessage(event.data);
          ws.onclose = () => setTimeout(() => connectForever(url, onMessage), 1000);
        }
      `,
    },
    {
      name: "main() called once from the module body",
      code: code`
        import { createServer } from "node:http";
        async function main() {
          const server = createServer(handler);
          setInterval(() => console.log(process.memoryUsage().rss), 60_000);
          server.listen(8080);
        }
        main().catch(console.error);
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: module
    {
      name: "module-level interval and unref()'d interval",
      code: code`
        const started = Date.now();
        setInterval(() => console.log("uptime", Date.now() - started), 60_000);
        setInterval(() => gc(), 10_000).unref();
      `,
    },
    {
      name: "module-level frame loop",
      code: code`
        const canvas = document.querySelector("canvas")!;
        function render(time: number) {
          draw(canvas, time);
          requestAnimationFrame(render);
        }
        requestAnimationFrame(render);
      `,
    },
    {
      name: "top-level IIFE",
      code: code`
        (async () => {
          const metrics = await connectMetrics();
          setInterval(() => metrics.flush(), 10_000);
        })();
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: promise executors
    {
      name: "connect timeout cleared on every settle path through a shared cleanup",
      code: code`
        import type { Socket } from "node:net";
        export function connected(socket: Socket, ms: number) {
          return new Promise<Socket>((resolve, reject) => {
            const cleanup = () => {
              clearTimeout(timer);
              socket.off("error", onError);
            };
            const onError = (err: Error) => {
              cleanup();
              reject(err);
            };
            const timer = setTimeout(() => {
              cleanup();
              reject(new Error("connect timed out"));
            }, ms);
            socket.once("connect", () => {
              cleanup();
              resolve(socket);
            });
            socket.once("error", onError);
          });
        }
      `,
    },
    {
      name: "timeout cleared in .finally() after the promise settles",
      code: code`
        export function opened(ws: WebSocket, ms: number) {
          let timer: ReturnType<typeof setTimeout>;
          return new Promise((resolve, reject) => {
            timer = setTimeout(() => reject(new Error("open timed out")), ms);
            ws.onopen = resolve;
            ws.onerror = reject;
          }).finally(() => clearTimeout(timer));
        }
      `,
    },
    {
      name: "Promise.race with a timeout cleared in finally",
      code: code`
        export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error("timed out")), ms);
          });
          try {
            return await Promise.race([work, timeout]);
          } finally {
            clearTimeout(timer);
          }
        }
      `,
    },
    {
      name: "polling interval clears itself before resolving",
      code: code`
        export function waitFor(check: () => boolean, ms = 50) {
          return new Promise<void>((resolve) => {
            const id = setInterval(() => {
              if (!check()) return;
              clearInterval(id);
              resolve();
            }, ms);
          });
        }
      `,
    },
    {
      name: "abortable delay clears when the signal aborts",
      code: code`
        export function delay(ms: number, signal: AbortSignal) {
          return new Promise<void>((resolve, reject) => {
            const t = setTimeout(resolve, ms);
            signal.addEventListener(
              "abort",
              () => {
                clearTimeout(t);
                reject(signal.reason);
              },
              { once: true },
            );
          });
        }
      `,
    },
    {
      name: "timeout in an executor that does not settle the promise (one-shot log)",
      code: code`
        export function loadImage(img: HTMLImageElement, src: string) {
          return new Promise((resolve) => {
            setTimeout(() => console.warn("slow image", src), 5000);
            img.onload = resolve;
            img.src = src;
          });
        }
      `,
    },
    {
      // Limitation: a one-shot timeout in a plain async function is not followed; aborting a
      // request that already finished is harmless, and the timer ends on its own.
      name: "fetch timeout in an async function without clearTimeout",
      code: code`
        export async function fetchWithTimeout(url: string, ms: number) {
          const controller = new AbortController();
          setTimeout(() => controller.abort(), ms);
          return fetch(url, { signal: controller.signal });
        }
      `,
    },

    // ---------------------------------------------------------------------
    // False-alarm traps: what is a timer
    {
      name: "a local function named setInterval is not a timer",
      code: code`
        function setInterval(fn: () => void, ticks: number) {
          return scheduler.every(ticks, fn);
        }
        export function startGameLoop() {
          setInterval(() => world.step(), 1);
        }
      `,
    },
    {
      name: "setInterval imported from a non-timer module",
      code: code`
        import { setInterval } from "./virtual-clock";
        import { setInterval as every } from "node:timers/promises";
        export async function simulate() {
          setInterval(() => {}, 10);
          for await (const _ of every(100)) break;
        }
      `,
    },
    {
      name: "a parameter named window shadows the global",
      code: code`
        export function install(window: { setInterval(fn: () => void, ms: number): void }) {
          window.setInterval(() => {}, 1000);
        }
      `,
    },
    {
      name: "a method called setTimeout on another object",
      code: code`
        export function configure(socket: { setTimeout(ms: number, cb?: () => void): void }) {
          socket.setTimeout(30_000, () => console.warn("idle"));
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Syntax: missing/spread arguments, optional chaining, computed members, JS
    {
      name: "clearInterval() with no argument and setInterval() with none do not crash",
      code: code`
        export function reset() {
          clearInterval();
          clearTimeout(undefined);
          setInterval();
        }
      `,
    },
    {
      name: "computed members and optional chaining on a guarded handle",
      code: code`
        export class Ticker {
          timer?: ReturnType<typeof setInterval>;
          start() {
            if (this["timer"] !== undefined) return;
            this["timer"] = globalThis["setInterval"](() => this.tick?.(), 1000);
            this.timer?.unref?.();
          }
          tick?(): void;
          stop() {
            globalThis.clearInterval(this.timer!);
            this.timer = undefined;
          }
        }
      `,
    },
    {
      name: "dynamic computed key (not followed, no crash)",
      code: code`
        export class Timers {
          private byKey: Record<string, ReturnType<typeof setInterval>> = {};
          every(key: string, fn: () => void, ms: number) {
            this.byKey[key] = setInterval(fn, ms);
          }
          dispose() {
            for (const key of Object.keys(this.byKey)) clearInterval(this.byKey[key]);
          }
        }
      `,
    },
    {
      name: "plain JavaScript file: class with start/stop",
      filename: "poller.js",
      code: code`
        export class Poller {
          constructor(fn, ms) {
            this.fn = fn;
            this.ms = ms;
            this.timer = null;
          }
          start() {
            if (this.timer !== null) return;
            this.timer = setInterval(this.fn, this.ms);
          }
          stop() {
            clearInterval(this.timer);
            this.timer = null;
          }
        }
      `,
    },
    // ---------------------------------------------------------------------
    // Real-code shapes (bench review): cleared, but not on the owner's end or not provably
    // this timer; not reported by default (see `releasedElsewhere` above).
    ...releasedElsewhere.map((shape) => ({ name: `released elsewhere: ${shape.name}`, code: shape.code })),
    // Real-code shapes (bench review): a dropped timeout of under a second in a plain class.
    {
      name: "plain class: a dropped 300 ms timeout that resets a CSS class",
      code: code`
        export class Tooltip {
          constructor(el) {
            this.el = el;
          }
          flash() {
            this.el.classList.add("flash");
            setTimeout(() => this.el.classList.remove("flash"), 300);
          }
          dispose() {
            this.el = null;
          }
        }
      `,
    },
    {
      name: "plain class: a dropped one-frame debounce (16 ms), in strict mode too",
      options: [{ reportProbable: true }],
      code: code`
        export class Minimap {
          constructor(view) {
            this.view = view;
            this.view.on("change", () => setTimeout(() => this.render(), 16));
          }
          render() {}
          destroy() {
            this.view = null;
          }
        }
      `,
    },
  ],

  invalid: [
    {
      name: "an interval that settles through a local helper but never clears itself",
      code: code`
        export function waitFor(read) {
          return new Promise((resolve) => {
            const check = () => {
              const value = read();
              if (value) resolve(value);
              return !!value;
            };
            if (check()) return;
            setInterval(() => {
              check();
            }, 100);
          });
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 9 }],
    },
    // ---------------------------------------------------------------------
    // Owners: React effects and hooks
    {
      name: "effect discards its interval (suggestion adds a cleanup)",
      code: code`
        import { useEffect, useState } from "react";
        export function Clock() {
          const [now, setNow] = useState(() => new Date());
          useEffect(() => {
            setInterval(() => setNow(new Date()), 1000);
          }, []);
          return <time>{now.toLocaleTimeString()}</time>;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 5,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useEffect, useState } from "react";
                export function Clock() {
                  const [now, setNow] = useState(() => new Date());
                  useEffect(() => {
                    const timer = setInterval(() => setNow(new Date()), 1000);
                    return () => {
                      clearInterval(timer);
                    };
                  }, []);
                  return <time>{now.toLocaleTimeString()}</time>;
                }
              `,
            },
          ],
        },
      ],
    },
    probable({
      // tabby (sample C): a one-shot callback that acquires runs at most once, after the owner
      // may have ended; what it acquires is judged by its own family. Only a callback that arms
      // the timer again (a poll, a reconnect) keeps it alive for good.
      name: "a dropped one-shot timeout whose callback subscribes is a race, not a proven leak",
      code: code`
        import { Component } from "@angular/core";
        @Component({ selector: "app-tab", template: "" })
        export class TabComponent {
          ngOnInit() {
            setTimeout(() => {
              this.output$.subscribe((data) => this.write(data));
            }, 1000);
          }
          ngOnDestroy() {
            this.output$.complete();
          }
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 5 }],
    }),
    probable({
      name: "React.useEffect discards an auto-close timeout",
      code: code`
        import React from "react";
        export function Toast({ onClose }: { onClose(): void }) {
          React.useEffect(() => {
            setTimeout(onClose, 5000);
          }, [onClose]);
          return <div role="status" />;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 4,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import React from "react";
                export function Toast({ onClose }: { onClose(): void }) {
                  React.useEffect(() => {
                    const timer = setTimeout(onClose, 5000);
                    return () => {
                      clearTimeout(timer);
                    };
                  }, [onClose]);
                  return <div role="status" />;
                }
              `,
            },
          ],
        },
      ],
    }),
    probable({
      name: "useLayoutEffect with window.setTimeout; the suggestion picks a free name",
      code: code`
        import { useLayoutEffect } from "react";
        export function Tooltip({ hide, timer }: { hide(): void; timer: number }) {
          useLayoutEffect(() => {
            window.setTimeout(hide, timer);
          }, [hide, timer]);
          return null;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 4,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useLayoutEffect } from "react";
                export function Tooltip({ hide, timer }: { hide(): void; timer: number }) {
                  useLayoutEffect(() => {
                    const timer2 = window.setTimeout(hide, timer);
                    return () => {
                      clearTimeout(timer2);
                    };
                  }, [hide, timer]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    }),
    probable({
      name: "requestIdleCallback in an effect",
      code: code`
        import { useEffect } from "react";
        export function Prefetch({ urls }: { urls: string[] }) {
          useEffect(() => {
            requestIdleCallback(() => urls.forEach((url) => fetch(url)));
          }, [urls]);
          return null;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 4,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useEffect } from "react";
                export function Prefetch({ urls }: { urls: string[] }) {
                  useEffect(() => {
                    const timer = requestIdleCallback(() => urls.forEach((url) => fetch(url)));
                    return () => {
                      cancelIdleCallback(timer);
                    };
                  }, [urls]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    }),
    {
      name: "custom hook discards its interval",
      code: code`
        import { useEffect } from "react";
        export function usePolling(refresh: () => void, ms: number) {
          useEffect(() => {
            refresh();
            setInterval(refresh, ms);
          }, [refresh, ms]);
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 5,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useEffect } from "react";
                export function usePolling(refresh: () => void, ms: number) {
                  useEffect(() => {
                    refresh();
                    const timer = setInterval(refresh, ms);
                    return () => {
                      clearInterval(timer);
                    };
                  }, [refresh, ms]);
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "effect already returns a cleanup for something else: no suggestion",
      code: code`
        import { useEffect } from "react";
        export function Feed({ bus, refresh }) {
          useEffect(() => {
            const off = bus.subscribe("update", refresh);
            setInterval(refresh, 60_000);
            return off;
          }, [bus, refresh]);
          return null;
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 5 }],
    },
    {
      name: "expression-bodied effect returns the handle instead of a cleanup",
      code: code`
        import { useEffect } from "react";
        export function Blink({ toggle }: { toggle(): void }) {
          useEffect(() => void setInterval(toggle, 500), [toggle]);
          useEffect(() => setInterval(toggle, 500), [toggle]);
          return null;
        }
      `,
      errors: [
        { messageId: "timerDiscarded", line: 3 },
        { messageId: "timerDiscarded", line: 4 },
      ],
    },
    {
      name: "effect keeps the handle but never clears it",
      code: code`
        import { useEffect } from "react";
        export function Countdown({ onTick }: { onTick(): void }) {
          useEffect(() => {
            const id = setInterval(onTick, 1000);
          }, [onTick]);
          return null;
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 4 }],
    },
    {
      name: "ref written in an effect, never cleared",
      code: code`
        import { useEffect, useRef } from "react";
        export function useHeartbeat(send: () => void) {
          const timerRef = useRef<ReturnType<typeof setInterval>>();
          useEffect(() => {
            timerRef.current = setInterval(send, 5000);
          }, [send]);
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "interval cleared by a pause button but not by the effect cleanup",
      code: code`
        import { useEffect, useRef } from "react";
        export function Slideshow({ next }: { next(): void }) {
          const timer = useRef<number>();
          useEffect(() => {
            timer.current = window.setInterval(next, 3000);
          }, [next]);
          return <button onClick={() => clearInterval(timer.current)}>Pause</button>;
        }
      `,
      errors: [{ messageId: "timerNotClearedInTeardown", line: 5 }],
    },
    {
      name: "frame loop in an effect with nothing to stop it",
      code: code`
        import { useEffect } from "react";
        export function Particles({ ctx }) {
          useEffect(() => {
            function frame() {
              ctx.clearRect(0, 0, 300, 150);
              step(ctx);
              requestAnimationFrame(frame);
            }
            requestAnimationFrame(frame);
          }, [ctx]);
          return null;
        }
      `,
      errors: [{ messageId: "loopNeverStopped", line: 7 }],
    },
    {
      name: "interval started during render",
      code: code`
        export function Uptime({ since }: { since: number }) {
          setInterval(() => console.log(Date.now() - since), 1000);
          return <span>{since}</span>;
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 2 }],
    },
    {
      name: "a button stores an interval in a ref that nothing clears",
      code: code`
        import { useRef } from "react";
        export function Stopwatch() {
          const ref = useRef<number>();
          const start = () => {
            ref.current = window.setInterval(() => tick(), 10);
          };
          return <button onClick={start}>Start</button>;
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
    {
      name: "inline JSX handler returns an interval handle nobody keeps",
      code: code`
        export function AutoRefresh({ refresh }: { refresh(): void }) {
          return <button onClick={() => setInterval(refresh, 5000)}>Auto-refresh</button>;
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 2 }],
    },

    // ---------------------------------------------------------------------
    // Owners: lifecycle classes
    {
      name: "React class never clears its interval",
      code: code`
        import React from "react";
        export class Ticker extends React.Component {
          timer?: number;
          componentDidMount() {
            this.timer = window.setInterval(() => this.forceUpdate(), 1000);
          }
          render() {
            return null;
          }
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
    probable({
      name: "React class discards an auto-close timeout that calls setState",
      code: code`
        import { Component } from "react";
        export class Banner extends Component<{}, { open: boolean }> {
          state = { open: true };
          componentDidMount() {
            setTimeout(() => this.setState({ open: false }), 3000);
          }
          render() {
            return this.state.open ? <div className="banner" /> : null;
          }
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 5 }],
    }),
    {
      options: [{ reportProbable: true }],
      name: "React class clears only when props change, not on unmount",
      code: code`
        import { PureComponent } from "react";
        export class Poll extends PureComponent<{ ms: number }> {
          private id?: ReturnType<typeof setInterval>;
          componentDidMount() {
            this.id = setInterval(() => this.load(), this.props.ms);
          }
          componentDidUpdate() {
            clearInterval(this.id);
          }
          load() {}
          render() {
            return null;
          }
        }
      `,
      errors: [{ messageId: "timerNotClearedInTeardown", line: 5 }],
    },
    {
      name: "web component discards its interval",
      code: code`
        export class RelativeTime extends HTMLElement {
          connectedCallback() {
            setInterval(() => this.update(), 60_000);
          }
          update() {}
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 3 }],
    },
    {
      name: "web component keeps the handle but disconnectedCallback forgets it",
      code: code`
        export class LiveClock extends HTMLElement {
          #timer?: number;
          connectedCallback() {
            this.#timer = window.setInterval(() => this.render(), 1000);
          }
          disconnectedCallback() {
            this.replaceChildren();
          }
          render() {}
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 4 }],
    },
    {
      name: "Angular component discards its interval",
      code: code`
        import { Component, OnInit } from "@angular/core";
        @Component({ selector: "app-clock", template: "{{ now }}" })
        export class ClockComponent implements OnInit {
          now = new Date();
          ngOnInit() {
            setInterval(() => (this.now = new Date()), 1000);
          }
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 6 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "Angular component clears on pause() but not in ngOnDestroy",
      code: code`
        import { Component, OnDestroy, OnInit } from "@angular/core";
        @Component({ selector: "app-carousel", template: "" })
        export class CarouselComponent implements OnInit, OnDestroy {
          private auto?: ReturnType<typeof setInterval>;
          ngOnInit() {
            this.auto = setInterval(() => this.next(), 5000);
          }
          pause() {
            clearInterval(this.auto);
          }
          next() {}
          ngOnDestroy() {}
        }
      `,
      errors: [{ messageId: "timerNotClearedInTeardown", line: 6 }],
    },

    // ---------------------------------------------------------------------
    // Owners: plain classes
    probable({
      name: "start() twice overwrites a live interval",
      code: code`
        export class Poller {
          private timer?: ReturnType<typeof setInterval>;
          start() {
            this.timer = setInterval(() => this.poll(), 1000);
          }
          poll() {}
          stop() {
            clearInterval(this.timer);
          }
        }
      `,
      errors: [{ messageId: "timerOverwritten", line: 4 }],
    }),
    probable({
      name: "an arrow-function field start() without a guard",
      code: code`
        export class Poller {
          timer?: ReturnType<typeof setInterval>;
          start = () => {
            this.timer = setInterval(this.poll, 1000);
          };
          poll = () => {};
          stop = () => clearInterval(this.timer);
        }
      `,
      errors: [{ messageId: "timerOverwritten", line: 4 }],
    }),
    probable({
      name: "an early return on an unrelated setting is not a guard",
      code: code`
        export class Autosave {
          private timer?: ReturnType<typeof setInterval>;
          constructor(private readonly settings: { enabled: boolean }, private readonly save: () => void) {}
          enable() {
            if (!this.settings.enabled) return;
            this.timer = setInterval(this.save, 10_000);
          }
          dispose() {
            clearInterval(this.timer);
          }
        }
      `,
      errors: [{ messageId: "timerOverwritten", line: 6 }],
    }),
    {
      name: "stop() forgets to clear",
      code: code`
        export class MetricsReporter {
          private timer?: ReturnType<typeof setInterval>;
          start() {
            if (this.timer !== undefined) return;
            this.timer = setInterval(() => this.flush(), 10_000);
          }
          flush() {}
          stop() {
            this.timer = undefined;
            this.flush();
          }
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "cleared in pause() but not in dispose()",
      code: code`
        export class Carousel {
          private auto = setInterval(() => this.next(), 5000);
          next() {}
          pause() {
            clearInterval(this.auto);
          }
          dispose() {
            this.next = () => {};
          }
        }
      `,
      errors: [{ messageId: "timerNotClearedInTeardown", line: 2 }],
    },
    {
      name: "field interval not cleared by [Symbol.dispose]",
      code: code`
        export class Sweeper {
          #sweep = setInterval(() => this.prune(), 60_000);
          prune() {}
          [Symbol.dispose]() {
            this.prune();
          }
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 2 }],
    },
    {
      name: "plain class frame loop with nothing to stop it",
      code: code`
        export class Confetti {
          start() {
            const loop = () => {
              this.draw();
              requestAnimationFrame(loop);
            };
            requestAnimationFrame(loop);
          }
          draw() {}
          destroy() {}
        }
      `,
      errors: [{ messageId: "loopNeverStopped", line: 5 }],
    },
    probable({
      name: "timeout acts on the instance after destroy()",
      code: code`
        export class Toast {
          constructor(private el: HTMLElement) {}
          show() {
            this.el.hidden = false;
            setTimeout(() => this.hide(), 3000);
          }
          hide() {
            this.el.hidden = true;
          }
          destroy() {
            this.el.remove();
          }
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 5 }],
    }),
    {
      name: "teardownMethods option: shutdown() ends the instance, pause() alone clears",
      options: [{ reportProbable: true, teardownMethods: ["shutdown"] }],
      code: code`
        export class QueueConsumer {
          private poll: ReturnType<typeof setInterval>;
          constructor(private readonly queue: { receive(): Promise<void> }) {
            this.poll = setInterval(() => void this.queue.receive(), 500);
          }
          pause() {
            clearInterval(this.poll);
          }
          shutdown() {}
          retry() {
            setTimeout(() => this.queue.receive(), 1000);
          }
        }
      `,
      errors: [
        { messageId: "timerNotClearedInTeardown", line: 4 },
        { messageId: "timerDiscarded", line: 11 },
      ],
    },

    // ---------------------------------------------------------------------
    // Owners: plain functions and loop iterations
    {
      name: "function discards an interval although it returns a disposer",
      code: code`
        export function watchJob(client, jobId, onChange, ms = 2000) {
          let stopped = false;
          setInterval(async () => {
            const status = await client.status(jobId);
            if (!stopped) onChange(status);
          }, ms);
          return () => {
            stopped = true;
          };
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 3 }],
    },
    {
      name: "function keeps the handle and never clears it",
      code: code`
        export async function migrate(db, log) {
          const progress = setInterval(() => log(db.progress()), 1000);
          await db.migrate();
          log("done");
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 2 }],
    },
    probable({
      name: "unref() does not stop an interval started per call",
      code: code`
        export function trackSession(session) {
          setInterval(() => session.touch(), 30_000).unref();
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 2 }],
    }),
    {
      name: "one interval per loop iteration, all discarded",
      code: code`
        export function monitor(hosts: string[]) {
          for (const host of hosts) {
            setInterval(() => ping(host), 10_000);
          }
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 3 }],
    },
    {
      name: "loop overwrites the handle, so only the last interval can be cleared",
      code: code`
        export function monitor(hosts: string[], signal: AbortSignal) {
          let timer: ReturnType<typeof setInterval> | undefined;
          for (const host of hosts) {
            timer = setInterval(() => ping(host), 10_000);
          }
          signal.addEventListener("abort", () => clearInterval(timer));
        }
      `,
      errors: [{ messageId: "timerOverwritten", line: 4 }],
    },
    probable({
      name: "exported main() may be called more than once",
      code: code`
        export function startReporter(report: () => void) {
          setInterval(report, 60_000);
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 2 }],
    }),

    // ---------------------------------------------------------------------
    // Owners: promise executors
    probable({
      name: "connect timeout never cleared when the connection succeeds",
      code: code`
        export function connect(transport, timeoutMs = 30_000) {
          return new Promise((resolve, reject) => {
            setTimeout(() => reject(new Error("connect timed out")), timeoutMs);
            transport.once("connect", (session) => resolve(session));
            transport.open();
          });
        }
      `,
      errors: [{ messageId: "timerRacesPromise", line: 3 }],
    }),
    probable({
      name: "timeout cleared on success but not on the error path",
      code: code`
        import type { Socket } from "node:net";
        export function connected(socket: Socket, ms: number) {
          return new Promise<Socket>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error("connect timed out")), ms);
            socket.once("connect", () => {
              clearTimeout(timer);
              resolve(socket);
            });
            socket.once("error", (err) => reject(err));
          });
        }
      `,
      errors: [{ messageId: "timerRacesPromise", line: 4 }],
    }),
    probable({
      name: "resolve handed straight to onopen cannot clear the timer",
      code: code`
        export function opened(ws: WebSocket, ms: number) {
          return new Promise((resolve, reject) => {
            const timer = setTimeout(reject, ms);
            ws.onopen = resolve;
          });
        }
      `,
      errors: [{ messageId: "timerRacesPromise", line: 3 }],
    }),
    probable({
      name: "Promise.race with an inline timeout racer",
      code: code`
        export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
          return Promise.race([
            work,
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms)),
          ]);
        }
      `,
      errors: [{ messageId: "timerRacesPromise", line: 4 }],
    }),
    probable({
      name: "Promise.race with a timeout promise kept in a variable",
      code: code`
        export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
          const timeout = new Promise<never>((_, reject) => {
            setTimeout(() => reject(new Error("timed out")), ms);
          });
          return Promise.race([work, timeout]);
        }
      `,
      errors: [{ messageId: "timerRacesPromise", line: 3 }],
    }),
    probable({
      name: "abortable delay that leaves the timer behind on abort",
      code: code`
        export function delay(ms: number, signal: AbortSignal) {
          return new Promise<void>((resolve, reject) => {
            setTimeout(resolve, ms);
            signal.addEventListener("abort", () => reject(signal.reason), { once: true });
          });
        }
      `,
      errors: [{ messageId: "timerRacesPromise", line: 3 }],
    }),
    {
      name: "progress interval cleared on end but not on error",
      code: code`
        export function drain(stream, onProgress: (n: number) => void) {
          return new Promise<void>((resolve, reject) => {
            const id = setInterval(() => onProgress(stream.bytesRead), 500);
            stream.on("end", () => {
              clearInterval(id);
              resolve();
            });
            stream.on("error", reject);
          });
        }
      `,
      errors: [{ messageId: "timerRacesPromise", line: 3 }],
    },
    {
      name: "polling interval resolves but never clears itself",
      code: code`
        export function waitFor(check: () => boolean) {
          return new Promise<void>((resolve) => {
            const id = setInterval(() => {
              if (check()) resolve();
            }, 50);
          });
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 3 }],
    },
    {
      name: "polling interval in an executor with a discarded handle",
      code: code`
        export function waitFor(check: () => boolean) {
          return new Promise<void>((resolve) => {
            setInterval(() => check() && resolve(), 50);
          });
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 3 }],
    },

    // ---------------------------------------------------------------------
    // What is a timer: prefixes and node:timers imports
    probable({
      name: "window., globalThis. and self. prefixes",
      code: code`
        export function startAll(fn: () => void) {
          window.setInterval(fn, 1000);
          globalThis.setInterval(fn, 1000);
          self.setInterval(fn, 1000);
        }
      `,
      errors: [
        { messageId: "timerDiscarded", line: 2 },
        { messageId: "timerDiscarded", line: 3 },
        { messageId: "timerDiscarded", line: 4 },
      ],
    }),
    probable({
      name: "setInterval imported from node:timers, also renamed and as a namespace",
      code: code`
        import { setInterval } from "node:timers";
        import { setInterval as every } from "timers";
        import * as timers from "node:timers";
        export function startSweeps(sweep: () => void) {
          setInterval(sweep, 1000);
          every(sweep, 2000);
          timers.setInterval(sweep, 3000);
        }
      `,
      errors: [
        { messageId: "timerDiscarded", line: 5 },
        { messageId: "timerDiscarded", line: 6 },
        { messageId: "timerDiscarded", line: 7 },
      ],
    }),

    // ---------------------------------------------------------------------
    // Syntax
    probable({
      name: "spread arguments",
      code: code`
        export function every(...args: [() => void, number]) {
          setInterval(...args);
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 2 }],
    }),
    probable({
      name: "TS casts and optional call on the overwritten handle",
      code: code`
        export class Blinker {
          private id = 0;
          start(ms: number) {
            this.id = globalThis.setInterval?.(() => this.toggle(), ms) as unknown as number;
          }
          toggle() {}
          stop() {
            clearInterval(this.id);
          }
        }
      `,
      errors: [{ messageId: "timerOverwritten", line: 4 }],
    }),
    probable({
      name: "computed member access to the global",
      code: code`
        export function pulse(el: HTMLElement) {
          window["setInterval"](() => el.classList.toggle("on"), 500);
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 2 }],
    }),
    {
      name: "plain JavaScript file: class whose stop() forgets the interval",
      filename: "reporter.js",
      code: code`
        export class Reporter {
          constructor(sink) {
            this.sink = sink;
            this.timer = setInterval(() => this.sink.flush(), 1000);
          }
          stop() {
            this.sink.close();
          }
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 4 }],
    },
    // ---------------------------------------------------------------------
    // Real-code shapes (bench review): the same code with `reportProbable`
    // reports what the default mode leaves out (see `releasedElsewhere` above).
    ...releasedElsewhere.map((shape) => ({
      ...shape,
      name: `reportProbable: ${shape.name}`,
      options: [{ reportProbable: true }] as [{ reportProbable: boolean }],
    })),

    // Real-code shapes (bench review): the new exemptions are not too wide.
    probable({
      name: "bench exemptions: a dropped timeout of a full second in a plain class",
      code: code`
        export class Tooltip {
          constructor(el) {
            this.el = el;
          }
          flash() {
            this.el.classList.add("flash");
            setTimeout(() => this.el.classList.remove("flash"), 1000);
          }
          dispose() {
            this.el = null;
          }
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 7 }],
    }),
    probable({
      name: "bench exemptions: a dropped timeout whose delay is not a literal",
      code: code`
        export class Tooltip {
          constructor(el, delay) {
            this.el = el;
            this.delay = delay;
          }
          flash() {
            setTimeout(() => this.el.classList.remove("flash"), this.delay);
          }
          dispose() {
            this.el = null;
          }
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 7 }],
    }),
    {
      name: "bench exemptions: a dropped short interval still runs forever",
      code: code`
        export class Blinker {
          constructor(el) {
            this.el = el;
            setInterval(() => this.el.classList.toggle("on"), 500);
          }
          dispose() {
            this.el = null;
          }
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 4 }],
    },
    probable({
      name: "bench exemptions: a short timeout kept in a field must still be cleared",
      code: code`
        export class Tooltip {
          constructor(el) {
            this.el = el;
          }
          hideSoon() {
            this.hideTimer = setTimeout(() => this.el.classList.remove("open"), 300);
          }
          dispose() {
            this.el = null;
          }
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
    }),
    probable({
      name: "bench exemptions: a short dropped timeout in a React class component",
      code: code`
        class Toast extends React.Component {
          show() {
            this.setState({ open: true });
            setTimeout(() => this.setState({ open: false }), 300);
          }
          render() {
            return null;
          }
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 4 }],
    }),
    probable({
      name: "bench exemptions: a clear on the same field name of another fixed object",
      code: code`
        export class Player {
          constructor() {
            this.audio = { timeoutId: undefined };
            this.video = { timeoutId: undefined };
          }
          scheduleAudio() {
            this.audio.timeoutId = setTimeout(() => this.fetchAudio(), 2000);
          }
          fetchAudio() {}
          destroy() {
            clearTimeout(this.video.timeoutId);
          }
        }
      `,
      errors: [{ messageId: "timerNeverCleared", line: 7 }],
    }),
  ],
});

describe("no-leaked-timer options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify("setInterval(tick, 1000);", {
      plugins: { leakproof: plugin as never },
      rules: { "leakproof/no-leaked-timer": ["error", options] as Linter.RuleEntry },
    });

  it("accepts teardown method names", () => {
    expect(lint({ teardownMethods: ["shutdown", "release"] })).toEqual([]);
  });
  it("rejects a teardownMethods that is not an array", () => {
    expect(() => lint({ teardownMethods: "shutdown" })).toThrow(/must be array|should be array/i);
  });
  it("rejects an unknown option", () => {
    expect(() => lint({ teardown: ["shutdown"] })).toThrow(/additional properties|unexpected property/i);
  });
  it("rejects empty and duplicate names", () => {
    expect(() => lint({ teardownMethods: [""] })).toThrow(/fewer than 1|shorter than 1/i);
    expect(() => lint({ teardownMethods: ["stop", "stop"] })).toThrow(/duplicate/i);
  });
  it("accepts reportProbable", () => {
    expect(lint({ reportProbable: true })).toEqual([]);
    expect(lint({ reportProbable: false, teardownMethods: ["shutdown"] })).toEqual([]);
  });
  it("rejects a non-boolean reportProbable", () => {
    expect(() => lint({ reportProbable: 1 })).toThrow(/should be boolean|must be boolean/i);
  });
});

checkRecommended();

describe("reportReleasedElsewhere (deprecated alias of reportProbable)", () => {
  it("still turns on probable findings, so existing configs keep their meaning", () => {
    const linter = new Linter({ configType: "flat" });
    const source = "export function pulse(el) {\n  setInterval(() => el.classList.toggle('on'), 500);\n}\n";
    const lint = (options: object) =>
      linter.verify(source, [
        {
          files: ["**/*.js"],
          plugins: { leakproof: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
          rules: { "leakproof/no-leaked-timer": ["error", options] },
        },
      ], "src/file.js");
    expect(lint({}).map((m) => m.messageId)).toEqual([]);
    expect(lint({ reportReleasedElsewhere: true }).map((m) => m.messageId)).toEqual(["timerDiscarded"]);
    expect(lint({ reportProbable: true }).map((m) => m.messageId)).toEqual(["timerDiscarded"]);
  });
});
