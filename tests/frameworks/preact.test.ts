/**
 * Preact: hooks from `preact/hooks` and `preact/compat` behave like React's (the effect's
 * returned function is its cleanup); class components run componentDidMount →
 * componentWillUnmount; `@preact/signals` effects hand back a dispose function. Invalid cases
 * carry the edit that fixes them and valid cases the edit that removes their release or trap
 * (see variants.ts): both must flip the outcome.
 */
import { code, runFrameworkCases } from "./harness.js";
import { type InvalidCase, type ValidCase, withVariants } from "./variants.js";

/** What the strict preset passes: also report releases that miss the owner's end. */
const STRICT = [{ reportProbable: true }] as const;

const valid: ValidCase[] = [
  // ---------------------------------------------------------------------------
  // Owners: useEffect / useLayoutEffect from preact/hooks and preact/compat
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
    untrapped: {
      edits: { from: "return () => clearInterval(id);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
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
    untrapped: {
      edits: { from: '\n    return () => window.removeEventListener("resize", onResize);', to: "" },
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 6,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                import { useLayoutEffect, useState } from "preact/compat";
                export function Width() {
                  const [w, setW] = useState(0);
                  useLayoutEffect(() => {
                    const onResize = () => setW(window.innerWidth);
                    window.addEventListener("resize", onResize);
                    return () => {
                      window.removeEventListener("resize", onResize);
                    };
                  }, []);
                  return <span>{w}</span>;
                }
              `,
            },
          ],
        },
      ],
    },
  },
  {
    rule: "no-leaked-observer",
    name: "preact/hooks observer of a shared element disconnected in the cleanup",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function ViewportWidth() {
        const [width, setWidth] = useState(0);
        useEffect(() => {
          const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
          observer.observe(document.body);
          return () => observer.disconnect();
        }, []);
        return <output>{width}</output>;
      }
    `,
    untrapped: {
      edits: { from: "return () => observer.disconnect();", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
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
    untrapped: {
      edits: { from: "\n    return () => URL.revokeObjectURL(url);", to: "" },
      errors: [
        {
          messageId: "urlNeverRevoked",
          line: 5,
          suggestions: [
            {
              messageId: "revokeInCleanup",
              output: code`
                import { useEffect, useState } from "preact/hooks";
                export function Preview({ file }: { file: Blob }) {
                  const [src, setSrc] = useState("");
                  useEffect(() => {
                    const url = URL.createObjectURL(file);
                    setSrc(url);
                    return () => {
                      URL.revokeObjectURL(url);
                    };
                  }, [file]);
                  return <img src={src} />;
                }
              `,
            },
          ],
        },
      ],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "preact/hooks RxJS subscription unsubscribed in the cleanup",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      import { fromEvent } from "rxjs";
      import { debounceTime, map } from "rxjs/operators";
      export function SearchBox({ input }: { input: HTMLInputElement }) {
        const [query, setQuery] = useState("");
        useEffect(() => {
          const sub = fromEvent(input, "input")
            .pipe(debounceTime(200), map(() => input.value))
            .subscribe(setQuery);
          return () => sub.unsubscribe();
        }, [input]);
        return <output>{query}</output>;
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.unsubscribe();", to: "" },
      errors: [{ messageId: "neverReleased", line: 7 }],
      probable: true,
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "preact/hooks WebSocket closed in the cleanup",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function LiveScore({ matchId }: { matchId: string }) {
        const [score, setScore] = useState("0 - 0");
        useEffect(() => {
          const socket = new WebSocket(\`wss://scores.example.com/\${matchId}\`);
          socket.onmessage = (event) => setScore(String(event.data));
          return () => socket.close();
        }, [matchId]);
        return <strong>{score}</strong>;
      }
    `,
    untrapped: {
      edits: { from: "return () => socket.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "preact/compat EventSource closed by a named function the effect returns",
    code: code`
      import { useEffect, useState } from "preact/compat";
      export function NotificationBadge() {
        const [count, setCount] = useState(0);
        useEffect(() => {
          const source = new EventSource("/api/notifications");
          source.addEventListener("message", () => setCount((n) => n + 1));
          function disconnect() {
            source.close();
          }
          return disconnect;
        }, []);
        return <span class="badge">{count}</span>;
      }
    `,
    untrapped: {
      edits: { from: "source.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "preact/hooks Worker terminated in the cleanup (.jsx)",
    filename: "Hash.jsx",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Hash({ file }) {
        const [digest, setDigest] = useState("");
        useEffect(() => {
          const worker = new Worker(new URL("./hash-worker.js", import.meta.url), { type: "module" });
          worker.onmessage = (event) => setDigest(event.data);
          worker.postMessage(file);
          return () => worker.terminate();
        }, [file]);
        return <code>{digest}</code>;
      }
    `,
    untrapped: {
      edits: { from: "return () => worker.terminate();", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "BroadcastChannel closed in a local helper that the cleanup calls",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function useCartCount(initial: number) {
        const [count, setCount] = useState(initial);
        useEffect(() => {
          const channel = new BroadcastChannel("cart");
          channel.onmessage = (event) => setCount(event.data.count);
          const teardown = () => {
            channel.onmessage = null;
            channel.close();
          };
          return () => teardown();
        }, []);
        return count;
      }
    `,
    untrapped: {
      edits: { from: "channel.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "the effect returns a component-level helper that clears the interval kept in a ref",
    code: code`
      import { useEffect, useRef, useState } from "preact/hooks";
      export function Inbox({ load }: { load(): Promise<number> }) {
        const [unread, setUnread] = useState(0);
        const timer = useRef<number>();
        function stopPolling() {
          window.clearInterval(timer.current);
        }
        useEffect(() => {
          timer.current = window.setInterval(() => load().then(setUnread), 30_000);
          return stopPolling;
        }, [load]);
        return <span>{unread}</span>;
      }
    `,
    untrapped: {
      edits: { from: "window.clearInterval(timer.current);", to: "timer.current = undefined;" },
      errors: [{ messageId: "timerNeverCleared", line: 9 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "matchMedia list listener removed by a detach function the layout effect returns",
    code: code`
      import { useLayoutEffect, useState } from "preact/compat";
      export function useMediaQuery(query: string) {
        const [matches, setMatches] = useState(false);
        useLayoutEffect(() => {
          const list = window.matchMedia(query);
          const update = () => setMatches(list.matches);
          update();
          list.addEventListener("change", update);
          const detach = () => list.removeEventListener("change", update);
          return detach;
        }, [query]);
        return matches;
      }
    `,
    untrapped: {
      edits: { from: 'list.removeEventListener("change", update)', to: "undefined" },
      errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "custom useInterval hook: latest callback in a ref, interval cleared in the cleanup",
    code: code`
      import { useEffect, useRef } from "preact/hooks";
      export function useInterval(callback: () => void, delay: number | null) {
        const saved = useRef(callback);
        useEffect(() => {
          saved.current = callback;
        }, [callback]);
        useEffect(() => {
          if (delay === null) return;
          const id = setInterval(() => saved.current(), delay);
          return () => clearInterval(id);
        }, [delay]);
      }
    `,
    untrapped: {
      edits: { from: "return () => clearInterval(id);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 9 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "debounced save: the pending timeout is cleared in the cleanup",
    code: code`
      import { useEffect } from "preact/hooks";
      export function useAutosave(draft: string, save: (text: string) => void) {
        useEffect(() => {
          const pending = setTimeout(() => save(draft), 800);
          return () => clearTimeout(pending);
        }, [draft, save]);
      }
    `,
    untrapped: {
      edits: { from: "return () => clearTimeout(pending);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 4 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-observer",
    name: "useInView hook: IntersectionObserver disconnected in the cleanup",
    code: code`
      import { useEffect, useRef, useState } from "preact/hooks";
      export function useInView<T extends Element>() {
        const ref = useRef<T>(null);
        const [visible, setVisible] = useState(false);
        useEffect(() => {
          const target = ref.current;
          if (!target) return;
          const observer = new IntersectionObserver(([entry]) => setVisible(!!entry?.isIntersecting), {
            rootMargin: "200px",
          });
          observer.observe(target);
          return () => observer.disconnect();
        }, []);
        return [ref, visible] as const;
      }
    `,
    untrapped: {
      edits: { from: "return () => observer.disconnect();", to: "" },
      errors: [{ messageId: "neverReleased", line: 8 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-timer",
    name: "namespace import: hooks.useEffect clears its timeout",
    code: code`
      import * as hooks from "preact/hooks";
      export function Flash({ message }: { message: string }) {
        const [shown, setShown] = hooks.useState(true);
        hooks.useEffect(() => {
          setShown(true);
          const hide = setTimeout(() => setShown(false), 4000);
          return () => clearTimeout(hide);
        }, [message]);
        return shown ? <div role="status">{message}</div> : null;
      }
    `,
    untrapped: {
      edits: { from: "return () => clearTimeout(hide);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-timer",
    name: "memo() component: frame loop cancelled through the handle it keeps updating",
    code: code`
      import { memo, useLayoutEffect, useRef } from "preact/compat";
      export const Spinner = memo(function Spinner({ speed }: { speed: number }) {
        const el = useRef<HTMLDivElement>(null);
        useLayoutEffect(() => {
          let angle = 0;
          let frame = requestAnimationFrame(function spin() {
            angle = (angle + speed) % 360;
            el.current!.style.transform = \`rotate(\${angle}deg)\`;
            frame = requestAnimationFrame(spin);
          });
          return () => cancelAnimationFrame(frame);
        }, [speed]);
        return <div ref={el} class="spinner" />;
      });
    `,
    untrapped: {
      edits: { from: "return () => cancelAnimationFrame(frame);", to: "" },
      errors: [{ messageId: "loopNeverStopped", line: 9 }],
    },
  },

  // ---------------------------------------------------------------------------
  // Owners: class components (componentDidMount → componentWillUnmount)
  {
    rule: "no-leaked-timer",
    name: "class component: interval cleared in componentWillUnmount",
    code: code`
      import { Component } from "preact";
      export class Countdown extends Component<{ until: number }, { left: number }> {
        timer?: ReturnType<typeof setInterval>;
        componentDidMount() {
          this.timer = setInterval(() => this.setState({ left: this.props.until - Date.now() }), 1000);
        }
        componentWillUnmount() {
          clearInterval(this.timer);
        }
        render() {
          return <span>{Math.round(this.state.left / 1000)}s</span>;
        }
      }
    `,
    untrapped: {
      edits: { from: "clearInterval(this.timer);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: arrow-field handler added and removed with the same reference",
    code: code`
      import { Component } from "preact";
      export class StickyHeader extends Component<{}, { stuck: boolean }> {
        state = { stuck: false };
        onScroll = () => this.setState({ stuck: window.scrollY > 64 });
        componentDidMount() {
          window.addEventListener("scroll", this.onScroll, { passive: true });
        }
        componentWillUnmount() {
          window.removeEventListener("scroll", this.onScroll);
        }
        render() {
          return <header class={this.state.stuck ? "stuck" : ""} />;
        }
      }
    `,
    untrapped: {
      edits: { from: 'window.removeEventListener("scroll", this.onScroll);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-observer",
    name: "class component: observer disconnected in a method componentWillUnmount calls (strict)",
    options: STRICT,
    code: code`
      import { Component } from "preact";
      export class Popover extends Component<{ anchor: HTMLElement }, { width: number }> {
        observer?: ResizeObserver;
        componentDidMount() {
          this.observer = new ResizeObserver(([entry]) => this.setState({ width: entry!.contentRect.width }));
          this.observer.observe(this.props.anchor);
        }
        componentWillUnmount() {
          this.teardown();
        }
        teardown() {
          this.observer?.disconnect();
        }
        render() {
          return <div class="popover" style={{ width: this.state.width }} />;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.teardown();", to: "" },
      errors: [{ messageId: "notReleasedInTeardown", line: 5 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "class component: WebSocket closed in componentWillUnmount",
    code: code`
      import { Component } from "preact";
      export class ChatRoom extends Component<{ room: string }, { lines: string[] }> {
        socket?: WebSocket;
        componentDidMount() {
          this.socket = new WebSocket(\`wss://chat.example.com/\${this.props.room}\`);
          this.socket.onmessage = (event) => this.setState({ lines: [...this.state.lines, String(event.data)] });
        }
        componentWillUnmount() {
          this.socket?.close();
        }
        render() {
          return <pre>{this.state.lines.join("\\n")}</pre>;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.socket?.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "class component: subscription unsubscribed in componentWillUnmount",
    code: code`
      import { Component } from "preact";
      import type { Observable, Subscription } from "rxjs";
      export class Price extends Component<{ quotes: Observable<number> }, { price: number }> {
        private sub?: Subscription;
        componentDidMount() {
          this.sub = this.props.quotes.subscribe((price) => this.setState({ price }));
        }
        componentWillUnmount() {
          this.sub?.unsubscribe();
        }
        render() {
          return <b>{this.state.price}</b>;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.sub?.unsubscribe();", to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
      probable: true,
    },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "class component: object URL revoked when the file changes and at unmount (strict)",
    options: STRICT,
    code: code`
      import { Component } from "preact";
      export class Thumbnail extends Component<{ file: File }> {
        url = URL.createObjectURL(this.props.file);
        componentDidUpdate(previous: { file: File }) {
          if (previous.file === this.props.file) return;
          URL.revokeObjectURL(this.url);
          this.url = URL.createObjectURL(this.props.file);
          this.forceUpdate();
        }
        componentWillUnmount() {
          URL.revokeObjectURL(this.url);
        }
        render() {
          return <img src={this.url} alt={this.props.file.name} />;
        }
      }
    `,
    untrapped: {
      edits: { from: "componentWillUnmount() {\n    URL.revokeObjectURL(this.url);", to: "componentWillUnmount() {" },
      errors: [
        { messageId: "urlNotRevokedInTeardown", line: 3 },
        { messageId: "urlNotRevokedInTeardown", line: 7 },
      ],
    },
  },

  // ---------------------------------------------------------------------------
  // False-alarm traps
  {
    rule: "no-leaked-event-listener",
    name: "trap: a once-listener removes itself",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function SoundGate({ audio }: { audio: AudioContext }) {
        const [ready, setReady] = useState(audio.state === "running");
        useEffect(() => {
          const unlock = () => audio.resume().then(() => setReady(true));
          document.addEventListener("pointerdown", unlock, { once: true });
        }, [audio]);
        return ready ? null : <p>Tap anywhere to turn the sound on</p>;
      }
    `,
    untrapped: {
      edits: { from: ", { once: true }", to: "" },
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 6,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                import { useEffect, useState } from "preact/hooks";
                export function SoundGate({ audio }: { audio: AudioContext }) {
                  const [ready, setReady] = useState(audio.state === "running");
                  useEffect(() => {
                    const unlock = () => audio.resume().then(() => setReady(true));
                    document.addEventListener("pointerdown", unlock);
                    return () => {
                      document.removeEventListener("pointerdown", unlock);
                    };
                  }, [audio]);
                  return ready ? null : <p>Tap anywhere to turn the sound on</p>;
                }
              `,
            },
          ],
        },
      ],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "trap: listeners tied to an AbortController the cleanup aborts",
    code: code`
      import { useEffect } from "preact/hooks";
      export function Shortcuts({ onKey }: { onKey(event: KeyboardEvent): void }) {
        useEffect(() => {
          const controller = new AbortController();
          window.addEventListener("keydown", onKey, { signal: controller.signal });
          document.addEventListener("keyup", onKey, { signal: controller.signal });
          return () => controller.abort();
        }, [onKey]);
        return null;
      }
    `,
    untrapped: {
      edits: { from: "return () => controller.abort();", to: "" },
      errors: [
        { messageId: "signalNeverAborted", line: 5 },
        { messageId: "signalNeverAborted", line: 6 },
      ],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "trap: listener on the component's own ref element",
    code: code`
      import { useEffect, useRef, useState } from "preact/hooks";
      export function Drawer({ open }: { open: boolean }) {
        const panel = useRef<HTMLElement>(null);
        const [settled, setSettled] = useState(true);
        useEffect(() => {
          const onDone = () => setSettled(true);
          panel.current?.addEventListener("transitionend", onDone);
        }, []);
        return <aside ref={panel} class={open ? "open" : ""} data-settled={settled} />;
      }
    `,
    untrapped: {
      edits: { from: "ref={panel}", to: "ref={undefined}" },
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 7,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                import { useEffect, useRef, useState } from "preact/hooks";
                export function Drawer({ open }: { open: boolean }) {
                  const panel = useRef<HTMLElement>(null);
                  const [settled, setSettled] = useState(true);
                  useEffect(() => {
                    const onDone = () => setSettled(true);
                    panel.current?.addEventListener("transitionend", onDone);
                    return () => {
                      panel.current.removeEventListener("transitionend", onDone);
                    };
                  }, []);
                  return <aside ref={undefined} class={open ? "open" : ""} data-settled={settled} />;
                }
              `,
            },
          ],
        },
      ],
      probable: true,
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "trap: the component's own ref element read into a local before adding the listener",
    code: code`
      import { useEffect, useRef, useState } from "preact/hooks";
      export function Slider() {
        const track = useRef<HTMLDivElement>(null);
        const [value, setValue] = useState(0);
        useEffect(() => {
          const el = track.current!;
          const onDown = (event: PointerEvent) => setValue(Math.round((event.offsetX / el.clientWidth) * 100));
          el.addEventListener("pointerdown", onDown);
        }, []);
        return <div ref={track} class="track" aria-valuenow={value} />;
      }
    `,
    untrapped: {
      edits: { from: "ref={track}", to: "ref={undefined}" },
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 8,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                import { useEffect, useRef, useState } from "preact/hooks";
                export function Slider() {
                  const track = useRef<HTMLDivElement>(null);
                  const [value, setValue] = useState(0);
                  useEffect(() => {
                    const el = track.current!;
                    const onDown = (event: PointerEvent) => setValue(Math.round((event.offsetX / el.clientWidth) * 100));
                    el.addEventListener("pointerdown", onDown);
                    return () => {
                      el.removeEventListener("pointerdown", onDown);
                    };
                  }, []);
                  return <div ref={undefined} class="track" aria-valuenow={value} />;
                }
              `,
            },
          ],
        },
      ],
      probable: true,
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "trap: listener on an element the effect creates itself",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function useScript(src: string) {
        const [loaded, setLoaded] = useState(false);
        useEffect(() => {
          const script = document.createElement("script");
          script.src = src;
          script.addEventListener("load", () => setLoaded(true));
          document.head.appendChild(script);
          return () => script.remove();
        }, [src]);
        return loaded;
      }
    `,
    untrapped: {
      edits: { from: 'document.createElement("script")', to: 'document.querySelector("script#loader") as HTMLScriptElement' },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "trap: subscription kept in a ref and unsubscribed through it in the cleanup",
    code: code`
      import { useEffect, useRef } from "preact/hooks";
      import type { Observable, Subscription } from "rxjs";
      export function PresenceDot({ presence }: { presence: Observable<boolean> }) {
        const sub = useRef<Subscription>();
        const dot = useRef<HTMLSpanElement>(null);
        useEffect(() => {
          sub.current = presence.subscribe((online) => dot.current?.classList.toggle("online", online));
          return () => sub.current?.unsubscribe();
        }, [presence]);
        return <span ref={dot} class="dot" />;
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.current?.unsubscribe();", to: "" },
      errors: [{ messageId: "neverReleased", line: 7 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "trap: subscription kept in a ref, released by a separate unmount-only effect",
    code: code`
      import { useEffect, useRef, useState } from "preact/hooks";
      import type { Observable, Subscription } from "rxjs";
      export function Ticker({ feed }: { feed: Observable<number> }) {
        const [price, setPrice] = useState(0);
        const sub = useRef<Subscription | null>(null);
        useEffect(() => {
          sub.current = feed.subscribe(setPrice);
        }, []);
        useEffect(() => () => sub.current?.unsubscribe(), []);
        return <b>{price}</b>;
      }
    `,
    untrapped: {
      edits: { from: "useEffect(() => () => sub.current?.unsubscribe(), []);", to: "" },
      errors: [{ messageId: "neverReleased", line: 7 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-timer",
    name: "trap: @preact/signals useSignalEffect returns the cleanup that clears its interval",
    code: code`
      import { signal, useSignalEffect } from "@preact/signals";
      const polling = signal(true);
      export function Status({ refresh }: { refresh(): void }) {
        useSignalEffect(() => {
          if (!polling.value) return;
          const id = setInterval(refresh, 15_000);
          return () => clearInterval(id);
        });
        return <button onClick={() => (polling.value = !polling.value)}>toggle</button>;
      }
    `,
    untrapped: {
      edits: { from: "return () => clearInterval(id);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "trap: the dispose of a @preact/signals effect() is the useEffect cleanup (strict)",
    options: STRICT,
    code: code`
      import { useEffect } from "preact/hooks";
      import { effect, signal } from "@preact/signals";
      const tracking = signal(true);
      export function PointerTracker({ onMove }: { onMove(event: PointerEvent): void }) {
        useEffect(() => {
          return effect(() => {
            if (!tracking.value) return;
            document.addEventListener("pointermove", onMove);
            return () => document.removeEventListener("pointermove", onMove);
          });
        }, [onMove]);
        return null;
      }
    `,
    untrapped: {
      edits: { from: "return effect(", to: "effect(" },
      errors: [{ messageId: "listenerNotRemovedInTeardown", line: 8 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "trap: class component removes its listener through a detach() method (strict)",
    options: STRICT,
    code: code`
      import { Component } from "preact";
      export class OutsideClick extends Component<{ onOutside(): void }> {
        handle = (event: MouseEvent) => {
          if (!this.base?.contains(event.target as Node)) this.props.onOutside();
        };
        componentDidMount() {
          document.addEventListener("mousedown", this.handle, true);
        }
        componentWillUnmount() {
          this.detach();
        }
        detach() {
          document.removeEventListener("mousedown", this.handle, true);
        }
        render() {
          return <div>{this.props.children}</div>;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.detach();", to: "" },
      errors: [{ messageId: "listenerNotRemovedInTeardown", line: 7 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "trap: handler set on a module-level socket is reset to null in the cleanup",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      const socket = new WebSocket("wss://feed.example.com");
      export function Headlines() {
        const [latest, setLatest] = useState("");
        useEffect(() => {
          socket.onmessage = (event) => setLatest(String(event.data));
          return () => {
            socket.onmessage = null;
          };
        }, []);
        return <marquee>{latest}</marquee>;
      }
    `,
    untrapped: {
      edits: { from: "socket.onmessage = null;", to: "" },
      errors: [{ messageId: "handlerLeftInPlace", line: 6 }],
    },
  },
];

const invalid: InvalidCase[] = [
  // ---------------------------------------------------------------------------
  // Owners: useEffect / useLayoutEffect from preact/hooks and preact/compat
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
    fixed: { from: "console.debug(typeof id);", to: "return () => clearInterval(id);" },
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
    fixed: { from: 'document.addEventListener("keydown", onKey);', to: 'document.addEventListener("keydown", onKey);\n    return () => document.removeEventListener("keydown", onKey);' },
  },
  {
    rule: "no-leaked-observer",
    name: "preact/hooks observer of a shared element never disconnected",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function ViewportWidth() {
        const [width, setWidth] = useState(0);
        useEffect(() => {
          const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
          observer.observe(document.body);
        }, []);
        return <output>{width}</output>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: { from: "observer.observe(document.body);", to: "observer.observe(document.body);\n    return () => observer.disconnect();" },
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
    fixed: { from: "interval(1000).subscribe(setN);", to: "const sub = interval(1000).subscribe(setN);\n    return () => sub.unsubscribe();" },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "preact/hooks object URL never revoked: the suggestion revokes it in a new cleanup",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Preview({ file }: { file: Blob }) {
        const [src, setSrc] = useState("");
        useEffect(() => {
          const url = URL.createObjectURL(file);
          setSrc(url);
        }, [file]);
        return <img src={src} />;
      }
    `,
    errors: [
      {
        messageId: "urlNeverRevoked",
        line: 5,
        suggestions: [
          {
            messageId: "revokeInCleanup",
            output: code`
              import { useEffect, useState } from "preact/hooks";
              export function Preview({ file }: { file: Blob }) {
                const [src, setSrc] = useState("");
                useEffect(() => {
                  const url = URL.createObjectURL(file);
                  setSrc(url);
                  return () => {
                    URL.revokeObjectURL(url);
                  };
                }, [file]);
                return <img src={src} />;
              }
            `,
          },
        ],
      },
    ],
    fixed: { from: "setSrc(url);", to: "setSrc(url);\n    return () => URL.revokeObjectURL(url);" },
  },
  {
    rule: "no-unclosed-resource",
    name: "preact/hooks WebSocket opened per match and never closed",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function LiveScore({ matchId }: { matchId: string }) {
        const [score, setScore] = useState("0 - 0");
        useEffect(() => {
          const socket = new WebSocket(\`wss://scores.example.com/\${matchId}\`);
          socket.onmessage = (event) => setScore(String(event.data));
        }, [matchId]);
        return <strong>{score}</strong>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: { from: "socket.onmessage = (event) => setScore(String(event.data));", to: "socket.onmessage = (event) => setScore(String(event.data));\n    return () => socket.close();" },
  },
  {
    rule: "no-unclosed-resource",
    name: "preact/compat EventSource never closed",
    code: code`
      import { useEffect, useState } from "preact/compat";
      export function NotificationBadge() {
        const [count, setCount] = useState(0);
        useEffect(() => {
          const source = new EventSource("/api/notifications");
          source.addEventListener("message", () => setCount((n) => n + 1));
        }, []);
        return <span class="badge">{count}</span>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: { from: 'source.addEventListener("message", () => setCount((n) => n + 1));', to: 'source.addEventListener("message", () => setCount((n) => n + 1));\n    return () => source.close();' },
  },
  {
    rule: "no-unclosed-resource",
    name: "preact/hooks Worker never terminated (.jsx)",
    filename: "Hash.jsx",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Hash({ file }) {
        const [digest, setDigest] = useState("");
        useEffect(() => {
          const worker = new Worker(new URL("./hash-worker.js", import.meta.url), { type: "module" });
          worker.onmessage = (event) => setDigest(event.data);
          worker.postMessage(file);
        }, [file]);
        return <code>{digest}</code>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: { from: "worker.postMessage(file);", to: "worker.postMessage(file);\n    return () => worker.terminate();" },
  },
  {
    rule: "no-unclosed-resource",
    name: "BroadcastChannel: the helper the cleanup calls resets the handler but never closes",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function useCartCount(initial: number) {
        const [count, setCount] = useState(initial);
        useEffect(() => {
          const channel = new BroadcastChannel("cart");
          channel.onmessage = (event) => setCount(event.data.count);
          const teardown = () => {
            channel.onmessage = null;
          };
          return () => teardown();
        }, []);
        return count;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: { from: "channel.onmessage = null;", to: "channel.onmessage = null;\n      channel.close();" },
  },
  {
    rule: "no-leaked-subscription",
    name: "preact/compat useLayoutEffect keeps the subscription but never unsubscribes",
    code: code`
      import { useLayoutEffect, useState } from "preact/compat";
      import type { Observable } from "rxjs";
      export function Cursor({ positions }: { positions: Observable<{ x: number; y: number }> }) {
        const [pos, setPos] = useState({ x: 0, y: 0 });
        useLayoutEffect(() => {
          const sub = positions.subscribe(setPos);
          console.debug("subscribed", sub.closed);
        }, [positions]);
        return <div class="cursor" style={{ left: pos.x, top: pos.y }} />;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 6 }],
    fixed: { from: 'console.debug("subscribed", sub.closed);', to: "return () => sub.unsubscribe();" },
    probable: true,
  },
  {
    rule: "no-leaked-timer",
    name: "preact/hooks timeout discarded: the suggestion keeps and clears it",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Toast({ text }: { text: string }) {
        const [shown, setShown] = useState(true);
        useEffect(() => {
          setTimeout(() => setShown(false), 3000);
        }, [text]);
        return shown ? <p>{text}</p> : null;
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
              import { useEffect, useState } from "preact/hooks";
              export function Toast({ text }: { text: string }) {
                const [shown, setShown] = useState(true);
                useEffect(() => {
                  const timer = setTimeout(() => setShown(false), 3000);
                  return () => {
                    clearTimeout(timer);
                  };
                }, [text]);
                return shown ? <p>{text}</p> : null;
              }
            `,
          },
        ],
      },
    ],
    fixed: { from: "setTimeout(() => setShown(false), 3000);", to: "const t = setTimeout(() => setShown(false), 3000);\n    return () => clearTimeout(t);" },
    probable: true,
  },
  {
    rule: "no-leaked-timer",
    name: "the cleanup clears only one of the effect's two timers",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Banner({ slides }: { slides: string[] }) {
        const [index, setIndex] = useState(0);
        useEffect(() => {
          const rotate = setInterval(() => setIndex((i) => (i + 1) % slides.length), 5000);
          const hint = setInterval(() => console.debug("still here"), 60_000);
          return () => clearInterval(rotate);
        }, [slides]);
        return <div class="banner">{slides[index]}</div>;
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 6 }],
    fixed: { from: "return () => clearInterval(rotate);", to: "return () => {\n      clearInterval(rotate);\n      clearInterval(hint);\n    };" },
  },
  {
    rule: "no-leaked-timer",
    name: "the cleanup calls a helper that only sets a flag: the interval keeps running",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Poller({ load }: { load(): Promise<string> }) {
        const [data, setData] = useState("");
        useEffect(() => {
          let active = true;
          const id = setInterval(() => active && load().then(setData), 5000);
          function stop() {
            active = false;
          }
          return stop;
        }, [load]);
        return <pre>{data}</pre>;
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 6 }],
    fixed: { from: "active = false;", to: "active = false;\n      clearInterval(id);" },
  },
  {
    rule: "no-leaked-timer",
    name: "forwardRef component: frame loop in useLayoutEffect never stopped",
    code: code`
      import { forwardRef, useLayoutEffect } from "preact/compat";
      export const Meter = forwardRef<HTMLCanvasElement, { read(): number }>(({ read }, ref) => {
        useLayoutEffect(() => {
          function draw() {
            console.debug(read());
            requestAnimationFrame(draw);
          }
          requestAnimationFrame(draw);
        }, [read]);
        return <canvas ref={ref} />;
      });
    `,
    errors: [{ messageId: "loopNeverStopped", line: 6 }],
    fixed: [
      { from: "function draw() {", to: "let frame = 0;\n    function draw() {" },
      { from: "      requestAnimationFrame(draw);", to: "      frame = requestAnimationFrame(draw);" },
      { from: "    requestAnimationFrame(draw);\n  }, [read]);", to: "    frame = requestAnimationFrame(draw);\n    return () => cancelAnimationFrame(frame);\n  }, [read]);" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "namespace import: hooks.useEffect starts an interval it never clears",
    code: code`
      import * as hooks from "preact/hooks";
      export function Uptime() {
        const [seconds, setSeconds] = hooks.useState(0);
        hooks.useEffect(() => {
          const id = setInterval(() => setSeconds((s) => s + 1), 1000);
          console.debug("started", typeof id);
        }, []);
        return <span>{seconds}s</span>;
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 5 }],
    fixed: { from: 'console.debug("started", typeof id);', to: "return () => clearInterval(id);" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "memo() arrow component: inline listener on window never removed",
    code: code`
      import { memo, useEffect, useState } from "preact/compat";
      export const OnlineDot = memo(() => {
        const [online, setOnline] = useState(navigator.onLine);
        useEffect(() => {
          window.addEventListener("online", () => setOnline(true));
        }, []);
        return <i class={online ? "on" : "off"} />;
      });
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    fixed: { from: 'window.addEventListener("online", () => setOnline(true));', to: 'const on = () => setOnline(true);\n    window.addEventListener("online", on);\n    return () => window.removeEventListener("online", on);' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener added while rendering, outside any effect",
    code: code`
      import { useState } from "preact/hooks";
      export function ScrollSpy({ onSection }: { onSection(id: string): void }) {
        const [active] = useState("top");
        const onScroll = () => onSection(active);
        window.addEventListener("scroll", onScroll);
        return <nav data-active={active} />;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    fixed: [
      { from: 'import { useState } from "preact/hooks";', to: 'import { useEffect, useState } from "preact/hooks";' },
      { from: 'window.addEventListener("scroll", onScroll);', to: 'useEffect(() => {\n    window.addEventListener("scroll", onScroll);\n    return () => window.removeEventListener("scroll", onScroll);\n  });' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "removal with a different capture flag never matches",
    code: code`
      import { useEffect } from "preact/hooks";
      export function Dropdown({ onClose }: { onClose(): void }) {
        useEffect(() => {
          const onDown = () => onClose();
          document.addEventListener("mousedown", onDown, { capture: true });
          return () => document.removeEventListener("mousedown", onDown);
        }, [onClose]);
        return null;
      }
    `,
    errors: [
      { messageId: "listenerNeverRemoved", line: 5 },
      { messageId: "removalNeverMatches", line: 6 },
    ],
    fixed: { from: 'document.removeEventListener("mousedown", onDown)', to: 'document.removeEventListener("mousedown", onDown, { capture: true })' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "AbortController signal passed but never aborted",
    code: code`
      import { useEffect } from "preact/hooks";
      export function Shortcuts({ onKey }: { onKey(event: KeyboardEvent): void }) {
        useEffect(() => {
          const controller = new AbortController();
          window.addEventListener("keydown", onKey, { signal: controller.signal });
        }, [onKey]);
        return null;
      }
    `,
    errors: [{ messageId: "signalNeverAborted", line: 5 }],
    fixed: { from: 'window.addEventListener("keydown", onKey, { signal: controller.signal });', to: 'window.addEventListener("keydown", onKey, { signal: controller.signal });\n    return () => controller.abort();' },
  },
  {
    rule: "no-leaked-timer",
    name: "@preact/signals useSignalEffect starts an interval and returns no cleanup",
    code: code`
      import { signal, useSignalEffect } from "@preact/signals";
      const polling = signal(true);
      export function Status({ refresh }: { refresh(): void }) {
        useSignalEffect(() => {
          if (!polling.value) return;
          const id = setInterval(refresh, 15_000);
          console.debug("polling", typeof id);
        });
        return <button onClick={() => (polling.value = !polling.value)}>toggle</button>;
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 6 }],
    fixed: { from: 'console.debug("polling", typeof id);', to: "return () => clearInterval(id);" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "@preact/signals useSignalEffect adds a listener it never removes: the suggestion returns a cleanup",
    code: code`
      import { signal, useSignalEffect } from "@preact/signals";
      const follow = signal(true);
      export function ScrollFollower({ onScroll }: { onScroll(): void }) {
        useSignalEffect(() => {
          if (!follow.value) return;
          window.addEventListener("scroll", onScroll);
        });
        return <span>{follow.value ? "following" : "paused"}</span>;
      }
    `,
    errors: [
      {
        messageId: "listenerNeverRemoved",
        line: 6,
        suggestions: [
          {
            messageId: "addRemoval",
            output: code`
              import { signal, useSignalEffect } from "@preact/signals";
              const follow = signal(true);
              export function ScrollFollower({ onScroll }: { onScroll(): void }) {
                useSignalEffect(() => {
                  if (!follow.value) return;
                  window.addEventListener("scroll", onScroll);
                  return () => {
                    window.removeEventListener("scroll", onScroll);
                  };
                });
                return <span>{follow.value ? "following" : "paused"}</span>;
              }
            `,
          },
        ],
      },
    ],
    fixed: { from: 'window.addEventListener("scroll", onScroll);', to: 'window.addEventListener("scroll", onScroll);\n    return () => window.removeEventListener("scroll", onScroll);' },
  },
  {
    rule: "no-leaked-timer",
    name: "@preact/signals useSignalEffect: interval cleared by a button, not by the effect's cleanup (strict)",
    options: STRICT,
    code: code`
      import { signal, useSignalEffect } from "@preact/signals";
      import { useRef } from "preact/hooks";
      const polling = signal(true);
      export function Status({ refresh }: { refresh(): void }) {
        const timer = useRef<ReturnType<typeof setInterval>>();
        useSignalEffect(() => {
          if (!polling.value) return;
          timer.current = setInterval(refresh, 15_000);
        });
        return <button onClick={() => clearInterval(timer.current)}>stop</button>;
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 8 }],
    fixed: { from: "timer.current = setInterval(refresh, 15_000);", to: "timer.current = setInterval(refresh, 15_000);\n    return () => clearInterval(timer.current);" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "the dispose of a @preact/signals effect() is dropped: its cleanup never runs at unmount (strict)",
    options: STRICT,
    code: code`
      import { useEffect } from "preact/hooks";
      import { effect, signal } from "@preact/signals";
      const tracking = signal(true);
      export function PointerTracker({ onMove }: { onMove(event: PointerEvent): void }) {
        useEffect(() => {
          effect(() => {
            if (!tracking.value) return;
            document.addEventListener("pointermove", onMove);
            return () => document.removeEventListener("pointermove", onMove);
          });
        }, [onMove]);
        return null;
      }
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 8 }],
    fixed: { from: "    effect(() => {", to: "    return effect(() => {" },
  },
  {
    rule: "no-unclosed-resource",
    name: "handler set on a module-level socket and left in place at unmount",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      const socket = new WebSocket("wss://feed.example.com");
      export function Headlines() {
        const [latest, setLatest] = useState("");
        useEffect(() => {
          socket.onmessage = (event) => setLatest(String(event.data));
        }, []);
        return <marquee>{latest}</marquee>;
      }
    `,
    errors: [{ messageId: "handlerLeftInPlace", line: 6 }],
    fixed: { from: "socket.onmessage = (event) => setLatest(String(event.data));", to: "socket.onmessage = (event) => setLatest(String(event.data));\n    return () => {\n      socket.onmessage = null;\n    };" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener never removed in a .jsx component: the suggestion adds the cleanup",
    filename: "Sidebar.jsx",
    code: code`
      import { useEffect, useState } from "preact/hooks";
      export function Sidebar() {
        const [narrow, setNarrow] = useState(false);
        useEffect(() => {
          const onResize = () => setNarrow(window.innerWidth < 720);
          window.addEventListener("resize", onResize);
        }, []);
        return <aside class={narrow ? "narrow" : ""} />;
      }
    `,
    errors: [
      {
        messageId: "listenerNeverRemoved",
        line: 6,
        suggestions: [
          {
            messageId: "addRemoval",
            output: code`
              import { useEffect, useState } from "preact/hooks";
              export function Sidebar() {
                const [narrow, setNarrow] = useState(false);
                useEffect(() => {
                  const onResize = () => setNarrow(window.innerWidth < 720);
                  window.addEventListener("resize", onResize);
                  return () => {
                    window.removeEventListener("resize", onResize);
                  };
                }, []);
                return <aside class={narrow ? "narrow" : ""} />;
              }
            `,
          },
        ],
      },
    ],
    fixed: { from: 'window.addEventListener("resize", onResize);', to: 'window.addEventListener("resize", onResize);\n    return () => window.removeEventListener("resize", onResize);' },
  },

  // ---------------------------------------------------------------------------
  // Owners: class components
  {
    rule: "no-leaked-timer",
    name: "class component: interval started in componentDidMount, no componentWillUnmount",
    code: code`
      import { Component } from "preact";
      export class Clock extends Component<{}, { now: number }> {
        timer?: number;
        componentDidMount() {
          this.timer = window.setInterval(() => this.setState({ now: Date.now() }), 1000);
        }
        render() {
          return <time>{this.state.now}</time>;
        }
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 5 }],
    fixed: { from: "  render() {", to: "  componentWillUnmount() {\n    clearInterval(this.timer);\n  }\n  render() {" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: arrow-field handler added in componentDidMount, never removed",
    code: code`
      import { Component } from "preact";
      export class StickyHeader extends Component<{}, { stuck: boolean }> {
        state = { stuck: false };
        onScroll = () => this.setState({ stuck: window.scrollY > 64 });
        componentDidMount() {
          window.addEventListener("scroll", this.onScroll, { passive: true });
        }
        componentWillUnmount() {
          console.debug("bye");
        }
        render() {
          return <header class={this.state.stuck ? "stuck" : ""} />;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: { from: 'console.debug("bye");', to: 'window.removeEventListener("scroll", this.onScroll);' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: listener removed only when the user dismisses, not at unmount (strict)",
    options: STRICT,
    code: code`
      import { Component } from "preact";
      export class CookieBar extends Component<{ onDismiss(): void }> {
        onKey = (event: KeyboardEvent) => event.key === "Escape" && this.dismiss();
        componentDidMount() {
          document.addEventListener("keydown", this.onKey);
        }
        dismiss() {
          document.removeEventListener("keydown", this.onKey);
          this.props.onDismiss();
        }
        render() {
          return <button onClick={() => this.dismiss()}>OK</button>;
        }
      }
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 5 }],
    fixed: { from: "  render() {", to: '  componentWillUnmount() {\n    document.removeEventListener("keydown", this.onKey);\n  }\n  render() {' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: inline arrow added and 'removed' with another inline arrow",
    code: code`
      import { Component } from "preact";
      export class KeyLog extends Component {
        componentDidMount() {
          document.addEventListener("keydown", (event) => this.log(event));
        }
        componentWillUnmount() {
          document.removeEventListener("keydown", (event) => this.log(event));
        }
        log(event: KeyboardEvent) {
          console.debug(event.key);
        }
        render() {
          return null;
        }
      }
    `,
    errors: [
      { messageId: "listenerCannotBeRemoved", line: 4 },
      { messageId: "removalNeverMatches", line: 7 },
    ],
    fixed: [
      { from: 'document.addEventListener("keydown", (event) => this.log(event));', to: 'document.addEventListener("keydown", this.onKey);' },
      { from: 'document.removeEventListener("keydown", (event) => this.log(event));', to: 'document.removeEventListener("keydown", this.onKey);' },
      { from: "  log(event: KeyboardEvent) {", to: "  onKey = (event: KeyboardEvent) => this.log(event);\n  log(event: KeyboardEvent) {" },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: .bind(this) in both calls makes two different functions",
    code: code`
      import { Component } from "preact";
      export class Resizable extends Component {
        componentDidMount() {
          window.addEventListener("resize", this.onResize.bind(this));
        }
        componentWillUnmount() {
          window.removeEventListener("resize", this.onResize.bind(this));
        }
        onResize() {
          this.forceUpdate();
        }
        render() {
          return <div />;
        }
      }
    `,
    errors: [
      { messageId: "listenerCannotBeRemoved", line: 4 },
      { messageId: "removalNeverMatches", line: 7 },
    ],
    fixed: [
      { from: 'window.addEventListener("resize", this.onResize.bind(this));', to: 'window.addEventListener("resize", this.onResize);' },
      { from: 'window.removeEventListener("resize", this.onResize.bind(this));', to: 'window.removeEventListener("resize", this.onResize);' },
      { from: "  onResize() {\n    this.forceUpdate();\n  }", to: "  onResize = () => {\n    this.forceUpdate();\n  };" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "class component: interval cleared on pause only, not in componentWillUnmount (strict)",
    options: STRICT,
    code: code`
      import { Component } from "preact";
      export class Slideshow extends Component<{ count: number }, { index: number }> {
        timer?: ReturnType<typeof setInterval>;
        componentDidMount() {
          this.timer = setInterval(() => this.setState({ index: (this.state.index + 1) % this.props.count }), 4000);
        }
        pause = () => clearInterval(this.timer);
        componentWillUnmount() {
          console.debug("slideshow gone");
        }
        render() {
          return <div onMouseEnter={this.pause}>{this.state.index}</div>;
        }
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 5 }],
    fixed: { from: 'console.debug("slideshow gone");', to: "clearInterval(this.timer);" },
  },
  {
    rule: "no-leaked-observer",
    name: "class component: observer replaced on every update without disconnecting the old one",
    code: code`
      import { Component } from "preact";
      export class LazyList extends Component<{ root: Element }> {
        observer?: IntersectionObserver;
        componentDidMount() {
          this.watch();
        }
        componentDidUpdate() {
          this.watch();
        }
        watch() {
          this.observer = new IntersectionObserver((entries) => console.debug(entries.length));
          this.observer.observe(this.props.root);
        }
        componentWillUnmount() {
          this.observer?.disconnect();
        }
        render() {
          return <ul />;
        }
      }
    `,
    errors: [{ messageId: "replacedWithoutRelease", line: 11 }],
    fixed: { from: "  watch() {\n", to: "  watch() {\n    this.observer?.disconnect();\n" },
    probable: true,
  },
  {
    rule: "no-leaked-observer",
    name: "class component: MutationObserver on the document element never disconnected",
    code: code`
      import { Component } from "preact";
      export class ThemeWatcher extends Component<{ onTheme(dark: boolean): void }> {
        observer?: MutationObserver;
        componentDidMount() {
          this.observer = new MutationObserver(() => this.props.onTheme(document.documentElement.classList.contains("dark")));
          this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
        }
        componentWillUnmount() {
          console.debug("theme watcher gone");
        }
        render() {
          return null;
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: { from: 'console.debug("theme watcher gone");', to: "this.observer?.disconnect();" },
  },
  {
    rule: "no-unclosed-resource",
    name: "class component: reconnect replaces the socket without closing the old one",
    code: code`
      import { Component } from "preact";
      export class ChatRoom extends Component<{ url: string }> {
        socket?: WebSocket;
        componentDidMount() {
          this.connect();
        }
        connect() {
          this.socket = new WebSocket(this.props.url);
          this.socket.onclose = () => setTimeout(() => this.connect(), 1000);
        }
        componentWillUnmount() {
          this.socket?.close();
        }
        render() {
          return <div />;
        }
      }
    `,
    errors: [{ messageId: "replacedWithoutRelease", line: 8 }],
    fixed: { from: "  connect() {\n", to: "  connect() {\n    this.socket?.close();\n" },
  },
  {
    rule: "no-leaked-subscription",
    name: "class component: subscription kept in a field and never unsubscribed",
    code: code`
      import { Component } from "preact";
      import type { Observable, Subscription } from "rxjs";
      export class Price extends Component<{ quotes: Observable<number> }, { price: number }> {
        private sub?: Subscription;
        componentDidMount() {
          this.sub = this.props.quotes.subscribe((price) => this.setState({ price }));
        }
        render() {
          return <b>{this.state.price}</b>;
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 6 }],
    fixed: { from: "  render() {", to: "  componentWillUnmount() {\n    this.sub?.unsubscribe();\n  }\n  render() {" },
    probable: true,
  },
  {
    rule: "no-unrevoked-object-url",
    name: "class component: object URL kept in a field, componentWillUnmount never revokes it",
    code: code`
      import { Component } from "preact";
      export class Thumbnail extends Component<{ file: File }> {
        url = "";
        componentDidMount() {
          this.url = URL.createObjectURL(this.props.file);
          this.forceUpdate();
        }
        componentWillUnmount() {
          this.url = "";
        }
        render() {
          return <img src={this.url} alt={this.props.file.name} />;
        }
      }
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 5 }],
    fixed: { from: 'this.url = "";', to: "URL.revokeObjectURL(this.url);" },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "class component: object URL put straight into state is never revoked",
    code: code`
      import { Component } from "preact";
      export class Avatar extends Component<{ image: Blob }, { src: string }> {
        componentDidMount() {
          this.setState({ src: URL.createObjectURL(this.props.image) });
        }
        render() {
          return <img class="avatar" src={this.state.src} />;
        }
      }
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    fixed: { from: "  render() {", to: "  componentWillUnmount() {\n    URL.revokeObjectURL(this.state.src);\n  }\n  render() {" },
  },
];

runFrameworkCases(...withVariants(valid, invalid));
