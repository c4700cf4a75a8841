import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-leaked-observer.js";
import { gradedCases } from "./graded.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Strips the first newline and the common indentation, so line 1 is the first line of code. */
function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, "").replace(/\n\s*$/, "\n");
  const lines = raw.split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

// ---------------------------------------------------------------------------
// Real-code shapes (bench review: hls.js, three.js, leaflet, ol, react-use, @mantine/hooks,
// ws, mqtt). Each observer below is disconnected somewhere in the file, but not when its
// owner ends, or by a disconnect the rule cannot prove is this observer's
// (`state.observer.disconnect()` in a helper taking any state). By default they are not
// reported; with `reportProbable` (the strict preset) they are, with the same
// messages as before the option existed.
const releasedElsewhere = [
  {
    name: "disconnected when the spy is paused, not in dispose()",
    code: code`
      export class ScrollSpy {
        constructor(sections) {
          this.io = new IntersectionObserver((entries) => this.update(entries));
          for (const section of sections) this.io.observe(section);
        }
        pause() {
          this.io.disconnect();
        }
        update(entries) {}
        dispose() {
          this.sections = null;
        }
      }
    `,
    errors: [{ messageId: "notReleasedInTeardown" as const, line: 3 }],
  },
  {
    name: "kept on a state record, disconnected by a helper that takes any state",
    code: code`
      function stopWatching(state) {
        state.observer.disconnect();
        state.observer = null;
      }
      export class AutoSizer {
        constructor(target) {
          this.state = {};
          this.state.observer = new ResizeObserver(() => this.fit());
          this.state.observer.observe(target);
        }
        onDetach(state) {
          stopWatching(state);
        }
        fit() {}
        dispose() {
          this.state = null;
        }
      }
    `,
    errors: [{ messageId: "neverReleased" as const, line: 8 }],
  },
];

const { probable, checkRecommended } = gradedCases("no-leaked-observer");

ruleTester.run("no-leaked-observer", rule, {
  valid: [
    // ---------------------------------------------------------------------
    // Owners: React effects
    {
      name: "ResizeObserver disconnected in the effect cleanup",
      code: code`
        export function AutoSizeTextarea({ value, onChange }) {
          const ref = useRef(null);
          const [height, setHeight] = useState(0);
          useEffect(() => {
            const ro = new ResizeObserver(([entry]) => setHeight(entry.contentRect.height));
            ro.observe(ref.current);
            return () => ro.disconnect();
          }, []);
          return <textarea ref={ref} value={value} onChange={onChange} style={{ minHeight: height }} />;
        }
      `,
    },
    {
      name: "React.useLayoutEffect with a named cleanup function",
      code: code`
        function StickyToolbar({ children }) {
          const barRef = React.useRef(null);
          const [stuck, setStuck] = React.useState(false);
          React.useLayoutEffect(() => {
            const io = new IntersectionObserver(([e]) => setStuck(e.intersectionRatio < 1), { threshold: [1] });
            io.observe(barRef.current);
            function cleanup() {
              io.disconnect();
            }
            return cleanup;
          }, []);
          return <div ref={barRef} className={stuck ? "stuck" : ""}>{children}</div>;
        }
      `,
    },
    {
      name: "cleanup unobserves the target it observed",
      code: code`
        function Thumbnail({ src }) {
          const imgRef = useRef(null);
          const [visible, setVisible] = useState(false);
          useEffect(() => {
            const el = imgRef.current;
            const io = new IntersectionObserver((entries) => setVisible(entries[0].isIntersecting));
            io.observe(el);
            return () => io.unobserve(el);
          }, []);
          return <img ref={imgRef} src={visible ? src : undefined} alt="" />;
        }
      `,
    },
    {
      name: "observer kept in a useRef, disconnected through the ref with optional chaining",
      code: code`
        export function ChatLog({ messages }) {
          const listRef = useRef(null);
          const observerRef = useRef(null);
          useEffect(() => {
            observerRef.current = new MutationObserver(() => {
              listRef.current.scrollTop = listRef.current.scrollHeight;
            });
            observerRef.current.observe(listRef.current, { childList: true });
            return () => observerRef.current?.disconnect();
          }, []);
          return <ul ref={listRef}>{messages.map((m) => <li key={m.id}>{m.text}</li>)}</ul>;
        }
      `,
    },
    {
      name: "disconnect through an alias in the cleanup",
      code: code`
        function Chart({ data }) {
          const hostRef = useRef(null);
          useEffect(() => {
            const chart = drawChart(hostRef.current, data);
            const resizeObserver = new ResizeObserver(() => chart.resize());
            resizeObserver.observe(hostRef.current);
            return () => {
              const observer = resizeObserver;
              observer.disconnect();
              chart.destroy();
            };
          }, [data]);
          return <div ref={hostRef} />;
        }
      `,
    },
    {
      name: "cleanup calls a local helper that disconnects",
      code: code`
        function InfiniteList({ loadMore, items }) {
          const sentinelRef = useRef(null);
          useEffect(() => {
            const io = new IntersectionObserver(([e]) => e.isIntersecting && loadMore(), { rootMargin: "200px" });
            io.observe(sentinelRef.current);
            function stopWatching() {
              io.disconnect();
            }
            return () => stopWatching();
          }, [loadMore]);
          return (
            <>
              {items.map((item) => <Row key={item.id} item={item} />)}
              <div ref={sentinelRef} />
            </>
          );
        }
      `,
    },
    {
      name: "PerformanceObserver in an effect, disconnected in the cleanup",
      code: code`
        export function useLongTasks(report) {
          useEffect(() => {
            const po = new PerformanceObserver((list) => list.getEntries().forEach(report));
            po.observe({ type: "longtask", buffered: true });
            return () => po.disconnect();
          }, [report]);
        }
      `,
    },
    {
      name: "ReportingObserver in an effect, disconnected in the cleanup",
      code: code`
        export function useDeprecationReports(send) {
          useEffect(() => {
            const observer = new ReportingObserver((reports) => send(reports), { types: ["deprecation"], buffered: true });
            observer.observe();
            return () => observer.disconnect();
          }, [send]);
        }
      `,
    },
    {
      name: "several observers, each disconnected",
      code: code`
        function Viewport({ onChange }) {
          const ref = useRef(null);
          useEffect(() => {
            const el = ref.current;
            const size = new ResizeObserver(() => onChange(el.getBoundingClientRect()));
            const seen = new IntersectionObserver(([e]) => onChange(e.boundingClientRect));
            size.observe(el);
            seen.observe(el);
            return () => {
              size.disconnect();
              seen.disconnect();
            };
          }, [onChange]);
          return <div ref={ref} />;
        }
      `,
    },
    {
      name: "early return when there is no element, cleanup otherwise",
      code: code`
        function MeasuredBox({ onSize }) {
          const ref = useRef(null);
          useEffect(() => {
            const el = ref.current;
            if (!el) return;
            const ro = new ResizeObserver(([entry]) => onSize(entry.contentRect));
            ro.observe(el);
            return () => ro.disconnect();
          }, [onSize]);
          return <div ref={ref} />;
        }
      `,
    },

    {
      name: "observer started after an await inside the effect, disconnected by the cleanup",
      code: code`
        function CodeBlock({ source }) {
          const ref = useRef(null);
          useEffect(() => {
            let ro;
            let cancelled = false;
            (async () => {
              await highlighter.ready;
              if (cancelled) return;
              ro = new ResizeObserver(() => fitGutter(ref.current));
              ro.observe(ref.current);
            })();
            return () => {
              cancelled = true;
              ro?.disconnect();
            };
          }, [source]);
          return <pre ref={ref}>{source}</pre>;
        }
      `,
    },
    {
      name: "a helper inside the effect fills the ref once per run",
      code: code`
        function Minimap({ editor }) {
          const observerRef = useRef(null);
          useEffect(() => {
            const start = () => {
              observerRef.current = new MutationObserver(() => editor.redrawMinimap());
              observerRef.current.observe(editor.root, { childList: true, subtree: true });
            };
            start();
            return () => observerRef.current?.disconnect();
          }, [editor]);
          return null;
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: classes
    {
      name: "web component: class field observer, disconnected in disconnectedCallback",
      code: code`
        class AutoGrid extends HTMLElement {
          ro = new ResizeObserver(() => this.layout());
          connectedCallback() {
            this.ro.observe(this);
          }
          disconnectedCallback() {
            this.ro.disconnect();
          }
          layout() {
            this.style.setProperty("--cols", String(Math.floor(this.clientWidth / 240)));
          }
        }
      `,
    },
    {
      name: "web component: observer made in connectedCallback, disconnected in disconnectedCallback",
      code: code`
        class ChildCounter extends HTMLElement {
          connectedCallback() {
            this.observer = new MutationObserver(() => this.render());
            this.observer.observe(this, { childList: true });
            this.render();
          }
          disconnectedCallback() {
            this.observer.disconnect();
          }
          render() {
            this.dataset.count = String(this.children.length);
          }
        }
      `,
    },
    {
      name: "LitElement: private field observer, disconnect with optional chaining",
      code: code`
        export class LazyImage extends LitElement {
          #io;
          connectedCallback() {
            super.connectedCallback();
            this.#io = new IntersectionObserver(([e]) => {
              if (e.isIntersecting) this.loaded = true;
            });
            this.#io.observe(this);
          }
          disconnectedCallback() {
            super.disconnectedCallback();
            this.#io?.disconnect();
          }
        }
      `,
    },
    {
      name: "React class: componentDidMount / componentWillUnmount",
      code: code`
        export class SplitPane extends React.Component {
          paneRef = React.createRef();
          componentDidMount() {
            this.resizeObserver = new ResizeObserver(([entry]) => this.setState({ width: entry.contentRect.width }));
            this.resizeObserver.observe(this.paneRef.current);
          }
          componentWillUnmount() {
            this.resizeObserver.disconnect();
          }
          render() {
            return <div ref={this.paneRef}>{this.props.children}</div>;
          }
        }
      `,
    },
    {
      name: "Angular: created in ngAfterViewInit, disconnected in ngOnDestroy (TS)",
      code: code`
        @Component({ selector: "app-sparkline", template: "<canvas #canvas></canvas>" })
        export class SparklineComponent implements AfterViewInit, OnDestroy {
          private resizeObserver?: ResizeObserver;
          constructor(private readonly host: ElementRef<HTMLElement>) {}
          ngAfterViewInit(): void {
            this.resizeObserver = new ResizeObserver(() => this.redraw());
            this.resizeObserver.observe(this.host.nativeElement);
          }
          ngOnDestroy(): void {
            this.resizeObserver?.disconnect();
          }
          private redraw(): void {}
        }
      `,
    },
    {
      name: "plain class: constructor observes, destroy() disconnects",
      code: code`
        export class DirtyTracker {
          constructor(form, onDirty) {
            this.observer = new MutationObserver(() => onDirty(form));
            this.observer.observe(form, { subtree: true, attributes: true, characterData: true });
          }
          destroy() {
            this.observer.disconnect();
          }
        }
      `,
    },
    {
      name: "plain class: teardown calls a private method that disconnects",
      code: code`
        export class StickyHeader {
          constructor(header) {
            this.io = new IntersectionObserver(([e]) => header.classList.toggle("stuck", !e.isIntersecting));
            this.io.observe(header.previousElementSibling);
          }
          dispose() {
            this.stopObserving();
          }
          stopObserving() {
            this.io.disconnect();
          }
        }
      `,
    },
    {
      name: "plain class: [Symbol.dispose] disconnects (TS)",
      code: code`
        export class ScrollSpy implements Disposable {
          private readonly io: IntersectionObserver;
          constructor(sections: Element[], onActive: (id: string) => void) {
            this.io = new IntersectionObserver((entries) => {
              for (const e of entries) if (e.isIntersecting) onActive(e.target.id);
            });
            for (const section of sections) this.io.observe(section);
          }
          [Symbol.dispose](): void {
            this.io.disconnect();
          }
        }
      `,
    },
    {
      name: "plain class: the teardownMethods option names the teardown",
      options: [{ teardownMethods: ["shutdown"] }],
      code: code`
        export class LayoutWatcher {
          constructor(root) {
            this.ro = new ResizeObserver(() => this.relayout());
            this.ro.observe(root);
          }
          shutdown() {
            this.ro.disconnect();
          }
          relayout() {}
        }
      `,
    },
    {
      name: "plain class: the handle is released before it is replaced",
      code: code`
        export class Spotlight {
          watch(el) {
            this.ro?.disconnect();
            this.ro = new ResizeObserver(() => this.position(el));
            this.ro.observe(el);
          }
          destroy() {
            this.ro?.disconnect();
          }
          position() {}
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: plain functions
    {
      name: "function returns a disposer that disconnects",
      code: code`
        export function onResize(el, callback) {
          const ro = new ResizeObserver(([entry]) => callback(entry.contentRect));
          ro.observe(el);
          return () => ro.disconnect();
        }
      `,
    },
    {
      name: "function disconnects in finally",
      code: code`
        export async function waitForChildren(parent, count) {
          const mo = new MutationObserver(() => {});
          mo.observe(parent, { childList: true });
          try {
            while (parent.children.length < count) await nextFrame();
          } finally {
            mo.disconnect();
          }
        }
      `,
    },
    {
      name: "promise executor: the observer disconnects itself before resolving",
      code: code`
        export function waitForElement(selector) {
          return new Promise((resolve) => {
            const mo = new MutationObserver(() => {
              const el = document.querySelector(selector);
              if (el) {
                mo.disconnect();
                resolve(el);
              }
            });
            mo.observe(document.body, { childList: true, subtree: true });
          });
        }
      `,
    },
    {
      name: "lazy loader: the callback unobserves each image through its observer parameter",
      code: code`
        export function lazyLoad(images) {
          const io = new IntersectionObserver((entries, observer) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              entry.target.src = entry.target.dataset.src;
              observer.unobserve(entry.target);
            }
          });
          images.forEach((img) => io.observe(img));
        }
      `,
    },
    {
      name: "one-shot: the callback disconnects its own observer (chained observe)",
      code: code`
        export function whenVisible(el, run) {
          new IntersectionObserver(([entry], self) => {
            if (!entry.isIntersecting) return;
            self.disconnect();
            run();
          }).observe(el);
        }
      `,
    },
    {
      name: "named callback unobserves through its observer parameter",
      code: code`
        function onHit(entries, observer) {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            observer.unobserve(entry.target);
            entry.target.classList.add("in-view");
          }
        }
        export function revealAll(selector) {
          const io = new IntersectionObserver(onHit, { threshold: 0.2 });
          document.querySelectorAll(selector).forEach((el) => io.observe(el));
        }
      `,
    },
    {
      name: "callback disconnects the variable that holds its observer",
      code: code`
        export function afterFirstPaint(run) {
          const po = new PerformanceObserver((list) => {
            if (list.getEntriesByName("first-contentful-paint").length === 0) return;
            po.disconnect();
            run();
          });
          po.observe({ type: "paint", buffered: true });
        }
      `,
    },
    {
      name: "plain class without teardown: one-shot observer that disconnects itself",
      code: code`
        export class LazyEmbed {
          constructor(el, url) {
            this.el = el;
            new IntersectionObserver(([entry], observer) => {
              if (!entry.isIntersecting) return;
              observer.disconnect();
              this.el.innerHTML = \`<iframe src="\${url}"></iframe>\`;
            }).observe(el);
          }
        }
      `,
    },
    {
      name: "module-level observer lives as long as the page",
      code: code`
        const themeObserver = new MutationObserver(() => applyTheme(document.documentElement.dataset.theme));
        themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
      `,
    },
    {
      name: "module-level init called once",
      code: code`
        function main() {
          const po = new PerformanceObserver((list) => sendVitals(list.getEntries()));
          po.observe({ type: "largest-contentful-paint", buffered: true });
        }
        main();
      `,
    },

    {
      name: "plain class without a teardown: disconnected in some method is enough",
      code: code`
        export class ReadingProgress {
          constructor(article, bar) {
            this.io = new IntersectionObserver((entries) => {
              for (const e of entries) bar.style.width = \`\${Math.round(e.intersectionRatio * 100)}%\`;
            }, { threshold: [0, 0.25, 0.5, 0.75, 1] });
            this.io.observe(article);
          }
          finish() {
            this.io.disconnect();
          }
        }
      `,
    },
    {
      name: "web component: optional call on an optional member in disconnectedCallback",
      code: code`
        class TruncatedText extends HTMLElement {
          connectedCallback() {
            this.ro = new ResizeObserver(() => this.toggleAttribute("truncated", this.scrollWidth > this.clientWidth));
            this.ro.observe(this);
          }
          disconnectedCallback() {
            this.ro?.disconnect?.();
          }
        }
      `,
    },
    {
      name: "effect copies the observer into a ref and the cleanup disconnects the ref",
      code: code`
        function Canvas({ draw }) {
          const canvasRef = useRef(null);
          const observerRef = useRef(null);
          useEffect(() => {
            const ro = new ResizeObserver(() => draw(canvasRef.current));
            observerRef.current = ro;
            ro.observe(canvasRef.current);
            return () => observerRef.current.disconnect();
          }, [draw]);
          return <canvas ref={canvasRef} />;
        }
      `,
    },
    {
      name: "effect returns the disposer of a helper that owns the observer",
      code: code`
        function onResize(el, cb) {
          const ro = new ResizeObserver(([e]) => cb(e.contentRect));
          ro.observe(el);
          return () => ro.disconnect();
        }
        export function Resizable({ onRect }) {
          const ref = useRef(null);
          useEffect(() => onResize(ref.current, onRect), [onRect]);
          return <div ref={ref} />;
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Handed to the caller or to other code
    {
      name: "hook returns the observer to its caller",
      code: code`
        export function useResizeObserver(callback) {
          const [observer] = useState(() => new ResizeObserver(callback));
          return observer;
        }
      `,
    },
    {
      name: "factory returns the observer",
      code: code`
        export function createVisibilityObserver(onChange) {
          const io = new IntersectionObserver((entries) => entries.forEach(onChange), { threshold: 0.5 });
          return io;
        }
      `,
    },
    {
      name: "observer handed to a registry that owns it",
      code: code`
        export function trackSection(registry, section) {
          const io = new IntersectionObserver(([e]) => registry.update(section.id, e.isIntersecting));
          io.observe(section);
          registry.add(section.id, io);
        }
      `,
    },

    // ---------------------------------------------------------------------
    // False-alarm traps
    {
      name: "observer created but never observing holds nothing",
      code: code`
        function Probe() {
          useEffect(() => {
            const ro = new ResizeObserver(() => {});
            console.log(typeof ro.takeRecords);
          }, []);
          return null;
        }
      `,
    },
    {
      name: "`observe` method on a store is not an observer",
      code: code`
        function Counter({ store }) {
          const [count, setCount] = useState(store.value);
          useEffect(() => {
            store.observe("count", setCount);
          }, [store]);
          return <span>{count}</span>;
        }
      `,
    },
    {
      name: "a local class named ResizeObserver (a polyfill) is not the global",
      code: code`
        class ResizeObserver {
          constructor(callback) {
            this.callback = callback;
          }
          observe(el) {
            this.callback([{ target: el, contentRect: el.getBoundingClientRect() }]);
          }
        }
        export function Sized() {
          useEffect(() => {
            const ro = new ResizeObserver(() => {});
            ro.observe(document.body);
          }, []);
          return null;
        }
      `,
    },
    {
      name: "an imported ResizeObserver ponyfill is not the global",
      code: code`
        import { ResizeObserver } from "@juggle/resize-observer";
        export function Sized({ onSize }) {
          const ref = useRef(null);
          useEffect(() => {
            const ro = new ResizeObserver(([e]) => onSize(e.contentRect));
            ro.observe(ref.current);
          }, [onSize]);
          return <div ref={ref} />;
        }
      `,
    },
    {
      name: "user-defined observer class with its own observe/disconnect",
      code: code`
        class PriceObserver {
          observe(symbol) {
            feed.watch(symbol);
          }
          disconnect() {}
        }
        export function Ticker({ symbol }) {
          useEffect(() => {
            const watcher = new PriceObserver();
            watcher.observe(symbol);
          }, [symbol]);
          return null;
        }
      `,
    },
    {
      name: "disconnect on a socket in the cleanup does not confuse the observer check",
      code: code`
        function Presence({ socket }) {
          const ref = useRef(null);
          useEffect(() => {
            const io = new IntersectionObserver(([e]) => socket.emit("seen", e.isIntersecting));
            io.observe(ref.current);
            return () => {
              io.disconnect();
              socket.disconnect();
            };
          }, [socket]);
          return <div ref={ref} />;
        }
      `,
    },
    {
      name: "a bare `new MutationObserver(cb)` that never observes",
      code: code`
        export function makeObserver(onChange) {
          new MutationObserver(onChange);
          return null;
        }
      `,
    },
    {
      name: "a parameter named ResizeObserver (injected for tests) is not the global",
      code: code`
        export function trackWidth(el, onWidth, ResizeObserver) {
          const ro = new ResizeObserver(([e]) => onWidth(e.contentRect.width));
          ro.observe(el);
        }
      `,
    },
    {
      name: "constructed with no arguments and never observing",
      code: code`
        export function supportsResizeObserver() {
          try {
            const probe = new ResizeObserver();
            return typeof probe.observe === "function";
          } catch {
            return false;
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Syntax
    {
      name: "computed members for observe and disconnect",
      code: code`
        function Frame() {
          const ref = useRef(null);
          useEffect(() => {
            const ro = new ResizeObserver(() => {});
            ro["observe"](ref.current);
            return () => ro["disconnect"]();
          }, []);
          return <div ref={ref} />;
        }
      `,
    },
    {
      name: "window.ResizeObserver is the global too, and is released",
      code: code`
        function Panel() {
          const ref = useRef(null);
          useEffect(() => {
            const ro = new window.ResizeObserver(() => {});
            ro.observe(ref.current);
            return () => ro.disconnect();
          }, []);
          return <div ref={ref} />;
        }
      `,
    },
    {
      name: "plain JS file",
      filename: "file.js",
      code: code`
        export function observeTitle(onChange) {
          const mo = new MutationObserver(() => onChange(document.title));
          mo.observe(document.querySelector("title"), { childList: true });
          return function stop() {
            mo.disconnect();
          };
        }
      `,
    },
    {
      name: "TS: typed handle and non-null assertions",
      filename: "file.ts",
      code: code`
        export function watchWidth(el: HTMLElement, cb: (w: number) => void): () => void {
          const ro: ResizeObserver = new ResizeObserver((entries) => cb(entries[0]!.contentRect.width));
          ro.observe(el);
          return () => ro!.disconnect();
        }
      `,
    },
    {
      name: "JSX file with a TSX-free effect",
      filename: "file.jsx",
      code: code`
        export function Marquee({ text }) {
          const ref = useRef(null);
          useEffect(() => {
            const io = new IntersectionObserver(([e]) => ref.current.classList.toggle("run", e.isIntersecting));
            io.observe(ref.current);
            return () => io.disconnect();
          }, []);
          return <p ref={ref}>{text}</p>;
        }
      `,
    },
    // ---------------------------------------------------------------------
    // Real-code shapes (bench review): disconnected, but not on the owner's end or not
    // provably this observer; not reported by default (see `releasedElsewhere` above).
    ...releasedElsewhere.map((shape) => ({ name: `released elsewhere: ${shape.name}`, code: shape.code })),
    // Real-code shapes (bench review): a class observing only nodes it made (the nodes hold
    // the observer and go with the instance), in both modes.
    {
      name: "class: a ResizeObserver on the element the class created (this.domElement)",
      code: code`
        export class CSS2DLabel {
          constructor(text) {
            this.domElement = document.createElement("div");
            this.domElement.textContent = text;
            this.resizeObserver = new ResizeObserver(() => this.measure());
            this.resizeObserver.observe(this.domElement);
          }
          measure() {}
          dispose() {
            this.domElement.remove();
          }
        }
      `,
    },
    {
      name: "class: observes a canvas it created and inserted into the host (strict mode too)",
      options: [{ reportProbable: true }],
      code: code`
        export class Minimap {
          constructor(host) {
            const canvas = document.createElement("canvas");
            host.appendChild(canvas);
            this.canvas = canvas;
            this.ro = new ResizeObserver(() => this.redraw());
            this.ro.observe(canvas);
          }
          redraw() {}
          destroy() {
            this.canvas.remove();
          }
        }
      `,
    },
    // Real-code shapes (bench review): a store in a method reached only from the constructor
    // runs once per instance and replaces nothing.
    {
      name: "class: the observer is made in an init method that only the constructor calls",
      code: code`
        export class Chart {
          constructor(container) {
            this.container = container;
            this.initObserver();
          }
          initObserver() {
            this.observer = new ResizeObserver(() => this.resize());
            this.observer.observe(this.container);
          }
          resize() {}
          dispose() {
            this.observer.disconnect();
          }
        }
      `,
    },
    {
      name: "class: init method reached from the constructor through another init method",
      options: [{ reportProbable: true }],
      code: code`
        export class Chart {
          constructor(container) {
            this.container = container;
            this.init();
          }
          init() {
            this.initDom();
            this.initObserver();
          }
          initDom() {}
          initObserver() {
            this.observer = new ResizeObserver(() => this.resize());
            this.observer.observe(this.container);
          }
          resize() {}
          dispose() {
            this.observer.disconnect();
          }
        }
      `,
    },
  ],

  invalid: [
    {
      name: "render(query, items) makes a new observer for every result set and drops the last one",
      code: `
export class Grid {
  constructor(panel) {
    this.panel = panel;
    this.sentinel = document.createElement("p");
    this.panel.append(this.sentinel);
  }
  render(query, items) {
    this.observer = new IntersectionObserver(() => this.more(query));
    this.observer.observe(this.sentinel);
  }
  more() {}
  destroy() {
    this.observer?.disconnect();
  }
}`,
      errors: [{ messageId: "replacedWithoutRelease", line: 9 }],
    },
    // ---------------------------------------------------------------------
    // Owners: React effects
    probable({
      name: "effect observes its element and has no cleanup",
      code: code`
        export function AutoSizeTextarea({ value }) {
          const ref = useRef(null);
          const [height, setHeight] = useState(0);
          useEffect(() => {
            const ro = new ResizeObserver(([entry]) => setHeight(entry.contentRect.height));
            ro.observe(ref.current);
          }, []);
          return <textarea ref={ref} value={value} style={{ minHeight: height }} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    }),
    probable({
      name: "effect: chained observe discards the observer",
      code: code`
        function Thumbnail({ src }) {
          const ref = useRef(null);
          const [visible, setVisible] = useState(false);
          useEffect(() => {
            new IntersectionObserver(([e]) => setVisible(e.isIntersecting)).observe(ref.current);
          }, []);
          return <img ref={ref} src={visible ? src : undefined} alt="" />;
        }
      `,
      errors: [{ messageId: "discarded", line: 5 }],
    }),
    probable({
      name: "effect: cleanup exists but forgets the observer",
      code: code`
        function ChatLog({ messages, socket }) {
          const listRef = useRef(null);
          useEffect(() => {
            const mo = new MutationObserver(() => {
              listRef.current.scrollTop = listRef.current.scrollHeight;
            });
            mo.observe(listRef.current, { childList: true });
            socket.on("message", append);
            return () => socket.off("message", append);
          }, [socket]);
          return <ul ref={listRef}>{messages.map((m) => <li key={m.id}>{m.text}</li>)}</ul>;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    {
      options: [{ reportProbable: true }],
      name: "effect: disconnected only from the observer callback, not in cleanup",
      code: code`
        function RevealOnScroll({ children }) {
          const ref = useRef(null);
          const [shown, setShown] = useState(false);
          useEffect(() => {
            const io = new IntersectionObserver(([e]) => {
              if (e.isIntersecting) {
                setShown(true);
                io.disconnect();
              }
            });
            io.observe(ref.current);
          }, []);
          return <div ref={ref} className={shown ? "shown" : ""}>{children}</div>;
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 5 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "effect: disconnected from a button handler only",
      code: code`
        function LiveRegion() {
          const ref = useRef(null);
          const observerRef = useRef(null);
          useEffect(() => {
            observerRef.current = new MutationObserver(() => announce(ref.current.textContent));
            observerRef.current.observe(ref.current, { characterData: true, subtree: true });
          }, []);
          const mute = () => observerRef.current.disconnect();
          return (
            <div>
              <div ref={ref} aria-live="polite" />
              <button onClick={mute}>Mute</button>
            </div>
          );
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 5 }],
    },
    {
      name: "PerformanceObserver in an effect without cleanup",
      code: code`
        export function useLongTasks(report) {
          useEffect(() => {
            const po = new PerformanceObserver((list) => list.getEntries().forEach(report));
            po.observe({ type: "longtask", buffered: true });
          }, [report]);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "ReportingObserver chained observe in an effect",
      code: code`
        export function useDeprecationReports(send) {
          useEffect(() => {
            new ReportingObserver((reports) => send(reports), { buffered: true }).observe();
          }, [send]);
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    },
    probable({
      name: "two observers, only one disconnected",
      code: code`
        function Viewport({ onChange }) {
          const ref = useRef(null);
          useEffect(() => {
            const el = ref.current;
            const size = new ResizeObserver(() => onChange(el.getBoundingClientRect()));
            const seen = new IntersectionObserver(([e]) => onChange(e.boundingClientRect));
            size.observe(el);
            seen.observe(el);
            return () => size.disconnect();
          }, [onChange]);
          return <div ref={ref} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 6 }],
    }),
    {
      options: [{ reportProbable: true }],
      name: "cleanup disconnects the wrong ref (the grid element, not the observer)",
      code: code`
        function Gallery({ photos }) {
          const ioRef = useRef(null);
          const gridRef = useRef(null);
          useEffect(() => {
            ioRef.current = new IntersectionObserver(onVisible);
            gridRef.current.querySelectorAll("img").forEach((img) => ioRef.current.observe(img));
            return () => gridRef.current?.disconnect?.();
          }, [photos]);
          return <div ref={gridRef}>{photos.map((p) => <img key={p.id} data-src={p.url} alt="" />)}</div>;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
    probable({
      name: "effect: one-shot observer that disconnects itself is still live if the component unmounts first",
      code: code`
        function FadeIn({ children }) {
          const ref = useRef(null);
          const [shown, setShown] = useState(false);
          useEffect(() => {
            new IntersectionObserver(([entry], observer) => {
              if (!entry.isIntersecting) return;
              observer.disconnect();
              setShown(true);
            }).observe(ref.current);
          }, []);
          return <div ref={ref} className={shown ? "in" : "out"}>{children}</div>;
        }
      `,
      errors: [{ messageId: "discarded", line: 5 }],
    }),
    probable({
      name: "effect: a resize handler replaces the ref's observer on every event",
      code: code`
        function Embed({ frame }) {
          const observerRef = useRef(null);
          useEffect(() => {
            const onResize = () => {
              observerRef.current = new ResizeObserver(() => frame.current.contentWindow.postMessage("fit", "*"));
              observerRef.current.observe(frame.current);
            };
            window.addEventListener("resize", onResize);
            return () => {
              window.removeEventListener("resize", onResize);
              observerRef.current?.disconnect();
            };
          }, [frame]);
          return null;
        }
      `,
      errors: [{ messageId: "replacedWithoutRelease", line: 5 }],
    }),
    probable({
      name: "callback ref observes every attached node and never disconnects",
      code: code`
        function MeasuredList({ items, onSize }) {
          const measure = useCallback((node) => {
            if (!node) return;
            const ro = new ResizeObserver(([e]) => onSize(node.dataset.id, e.contentRect.height));
            ro.observe(node);
          }, [onSize]);
          return items.map((item) => <li key={item.id} data-id={item.id} ref={measure}>{item.text}</li>);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "render body creates an observer on every render",
      code: code`
        function Banner({ text }) {
          const ref = useRef(null);
          if (ref.current) new ResizeObserver(() => fit(ref.current)).observe(ref.current);
          return <h1 ref={ref}>{text}</h1>;
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),

    // ---------------------------------------------------------------------
    // Owners: classes
    {
      name: "web component: class field observer never disconnected",
      code: code`
        class AutoGrid extends HTMLElement {
          ro = new ResizeObserver(() => this.layout());
          connectedCallback() {
            this.ro.observe(this.parentElement);
          }
          disconnectedCallback() {
            this.innerHTML = "";
          }
          layout() {}
        }
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    },
    {
      name: "web component: disconnectedCallback missing entirely",
      code: code`
        class ThemeFollower extends HTMLElement {
          connectedCallback() {
            this.mo = new MutationObserver(() => this.sync());
            this.mo.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
            this.sync();
          }
          sync() {
            this.toggleAttribute("dark", document.documentElement.classList.contains("dark"));
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    probable({
      name: "web component: chained observe in connectedCallback",
      code: code`
        class LazyFrame extends HTMLElement {
          connectedCallback() {
            new IntersectionObserver(([e]) => e.isIntersecting && this.load()).observe(this);
          }
          disconnectedCallback() {}
          load() {}
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    probable({
      name: "React class: componentWillUnmount forgets the observer",
      code: code`
        export class SplitPane extends React.Component {
          paneRef = React.createRef();
          componentDidMount() {
            this.resizeObserver = new ResizeObserver(([entry]) => this.setState({ width: entry.contentRect.width }));
            this.resizeObserver.observe(this.paneRef.current);
            window.addEventListener("blur", this.onBlur);
          }
          componentWillUnmount() {
            window.removeEventListener("blur", this.onBlur);
          }
          render() {
            return <div ref={this.paneRef}>{this.props.children}</div>;
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    {
      name: "Angular: ngOnDestroy does not disconnect (TS)",
      code: code`
        @Component({ selector: "app-sparkline", template: "<canvas></canvas>" })
        export class SparklineComponent implements AfterViewInit, OnDestroy {
          private resizeObserver?: ResizeObserver;
          constructor(private readonly host: ElementRef<HTMLElement>) {}
          ngAfterViewInit(): void {
            this.resizeObserver = new ResizeObserver(() => this.redraw());
            this.resizeObserver.observe(this.host.nativeElement);
          }
          ngOnDestroy(): void {
            this.subscription.unsubscribe();
          }
          private redraw(): void {}
        }
      `,
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
    {
      name: "plain class: destroy() forgets the MutationObserver on document.body",
      code: code`
        export class Toaster {
          constructor() {
            this.items = [];
            this.observer = new MutationObserver(() => this.reposition());
            this.observer.observe(document.body, { childList: true });
          }
          reposition() {
            this.items.forEach((item, i) => (item.style.bottom = i * 56 + "px"));
          }
          destroy() {
            this.items = [];
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "plain class: disconnected in pause(), which the teardown never calls",
      code: code`
        export class ScrollSpy {
          constructor(sections) {
            this.io = new IntersectionObserver((entries) => this.update(entries));
            sections.forEach((s) => this.io.observe(s));
          }
          pause() {
            this.io.disconnect();
          }
          dispose() {
            this.active = null;
          }
          update() {}
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 3 }],
    },
    probable({
      name: "plain class with a teardown: a one-shot observer is still live if destroyed first",
      code: code`
        export class LazyEmbed {
          constructor(el, url) {
            this.el = el;
            new IntersectionObserver(([entry], observer) => {
              if (!entry.isIntersecting) return;
              observer.disconnect();
              this.el.innerHTML = \`<iframe src="\${url}"></iframe>\`;
            }).observe(el);
          }
          destroy() {
            this.el.textContent = "";
          }
        }
      `,
      errors: [{ messageId: "discarded", line: 4 }],
    }),
    {
      name: "plain class: a custom teardown (option) forgets the observer",
      options: [{ reportProbable: true, teardownMethods: ["shutdown"] }],
      code: code`
        export class LayoutWatcher {
          constructor(root) {
            this.ro = new ResizeObserver(() => this.relayout());
            this.ro.observe(root);
          }
          suspend() {
            this.ro.disconnect();
          }
          shutdown() {
            this.root = null;
          }
          relayout() {}
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 3 }],
    },
    probable({
      name: "plain class: watch() replaces a live observer",
      code: code`
        export class Spotlight {
          watch(el) {
            this.ro = new ResizeObserver(() => this.position(el));
            this.ro.observe(el);
          }
          destroy() {
            this.ro?.disconnect();
          }
          position() {}
        }
      `,
      errors: [{ messageId: "replacedWithoutRelease", line: 3 }],
    }),
    probable({
      name: "plain class without a teardown: nothing can ever stop the observer",
      code: code`
        export class AutoResizer {
          constructor(textarea) {
            this.textarea = textarea;
            this.ro = new ResizeObserver(() => this.fit());
            this.ro.observe(textarea.parentElement);
          }
          fit() {
            this.textarea.style.height = this.textarea.scrollHeight + "px";
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "plain class: observing through an alias still counts as observing",
      code: code`
        export class ColumnBalancer {
          constructor(columns) {
            this.ro = new ResizeObserver(() => this.balance());
            const observer = this.ro;
            columns.forEach((column) => observer.observe(column));
          }
          destroy() {
            this.columns = [];
          }
          balance() {}
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    }),
    probable({
      name: "plain class: [Symbol.dispose] forgets the observer (TS)",
      code: code`
        export class ScrollSpy implements Disposable {
          private readonly io: IntersectionObserver;
          constructor(sections: Element[], private onActive: (id: string) => void) {
            this.io = new IntersectionObserver((entries) => {
              for (const e of entries) if (e.isIntersecting) this.onActive(e.target.id);
            });
            for (const section of sections) this.io.observe(section);
          }
          [Symbol.dispose](): void {
            this.onActive = () => {};
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    {
      name: "Angular: replaced on every input change without disconnecting (TS)",
      code: code`
        @Directive({ selector: "[appVisible]" })
        export class VisibleDirective implements OnChanges, OnDestroy {
          @Input() threshold = 0;
          private io?: IntersectionObserver;
          constructor(private readonly el: ElementRef<Element>) {}
          ngOnChanges(): void {
            this.io = new IntersectionObserver(([e]) => this.emit(e.isIntersecting), { threshold: this.threshold });
            this.io.observe(this.el.nativeElement);
          }
          ngOnDestroy(): void {
            this.io?.disconnect();
          }
          private emit(_v: boolean): void {}
        }
      `,
      errors: [{ messageId: "replacedWithoutRelease", line: 7 }],
    },

    // ---------------------------------------------------------------------
    // Owners: plain functions and executors
    probable({
      name: "function observes and returns nothing that could stop it",
      code: code`
        export function trackHeight(el, report) {
          const ro = new ResizeObserver(([entry]) => report(entry.contentRect.height));
          ro.observe(el);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    }),
    probable({
      name: "function: chained observe, nothing keeps the observer",
      code: code`
        export function autoScroll(list) {
          new MutationObserver(() => list.scrollTo(0, list.scrollHeight)).observe(list, { childList: true });
        }
      `,
      errors: [{ messageId: "discarded", line: 2 }],
    }),
    probable({
      name: "function returns a disposer that forgets the observer",
      code: code`
        export function watchSize(el, cb) {
          const onScroll = () => cb(el.getBoundingClientRect());
          const ro = new ResizeObserver(onScroll);
          ro.observe(el);
          window.addEventListener("scroll", onScroll);
          return () => window.removeEventListener("scroll", onScroll);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    }),
    probable({
      name: "observer per item in a loop",
      code: code`
        export function lazyLoadAll(images) {
          for (const img of images) {
            const io = new IntersectionObserver(([e]) => {
              if (e.isIntersecting) img.src = img.dataset.src;
            });
            io.observe(img);
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    }),
    {
      name: "promise executor: resolves but never disconnects",
      code: code`
        export function waitForElement(selector) {
          return new Promise((resolve) => {
            const mo = new MutationObserver(() => {
              const el = document.querySelector(selector);
              if (el) resolve(el);
            });
            mo.observe(document.body, { childList: true, subtree: true });
          });
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "promise executor: chained observe that never stops",
      code: code`
        export function nextLayoutShift() {
          return new Promise((resolve) => {
            new PerformanceObserver((list) => resolve(list.getEntries()[0])).observe({ type: "layout-shift" });
          });
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    },
    probable({
      name: "module variable replaced on each call",
      code: code`
        let headerObserver;
        export function watchHeader(header, onStick) {
          headerObserver = new IntersectionObserver(([e]) => onStick(!e.isIntersecting));
          headerObserver.observe(header);
          return () => headerObserver.disconnect();
        }
      `,
      errors: [{ messageId: "replacedWithoutRelease", line: 3 }],
    }),
    probable({
      name: "event handler creates a new observer per click",
      code: code`
        export function setupPreview(button, frame) {
          button.addEventListener("click", () => {
            const ro = new ResizeObserver(() => frame.contentWindow.postMessage("resize", "*"));
            ro.observe(frame);
          });
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    }),

    // ---------------------------------------------------------------------
    // False-alarm traps that must still report the real leak
    probable({
      name: "disconnect on another object (the socket) does not release the observer",
      code: code`
        function Presence({ socket }) {
          const ref = useRef(null);
          useEffect(() => {
            const io = new IntersectionObserver(([e]) => socket.emit("seen", e.isIntersecting));
            io.observe(ref.current);
            return () => socket.disconnect();
          }, [socket]);
          return <div ref={ref} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "a local variable named like the observer in another scope is not it",
      code: code`
        function teardown() {
          const ro = getSharedObserver();
          ro.disconnect();
        }
        function Panel() {
          const ref = useRef(null);
          useEffect(() => {
            const ro = new ResizeObserver(() => {});
            ro.observe(ref.current);
            return () => teardown();
          }, []);
          return <div ref={ref} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 8 }],
    }),
    probable({
      name: "the ResizeObserver polyfill is local in another file only: here it is the global",
      code: code`
        import { observe } from "./polyfill";
        export function Sized() {
          const ref = useRef(null);
          useEffect(() => {
            const ro = new ResizeObserver(() => {});
            ro.observe(ref.current);
            observe(ref.current);
          }, []);
          return <div ref={ref} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    }),

    // ---------------------------------------------------------------------
    // Syntax
    probable({
      name: "missing constructor argument still observes",
      code: code`
        function Probe() {
          const ref = useRef(null);
          useEffect(() => {
            const ro = new ResizeObserver();
            ro.observe(ref.current);
          }, []);
          return <div ref={ref} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "computed member observe, no disconnect",
      code: code`
        function Frame() {
          const ref = useRef(null);
          useEffect(() => {
            const ro = new ResizeObserver(() => {});
            ro["observe"](ref.current);
          }, []);
          return <div ref={ref} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "optional-chained observe, no disconnect",
      code: code`
        function Frame() {
          const ref = useRef(null);
          useEffect(() => {
            const io = new IntersectionObserver(() => {});
            io?.observe(ref.current);
          }, []);
          return <div ref={ref} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "globalThis.ResizeObserver is the global",
      code: code`
        export function trackWidth(el, onWidth) {
          const ro = new globalThis.ResizeObserver(([e]) => onWidth(e.contentRect.width));
          ro.observe(el);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    }),
    probable({
      name: "window.MutationObserver is the global",
      code: code`
        function Editor() {
          const ref = useRef(null);
          useEffect(() => {
            const mo = new window.MutationObserver(() => save(ref.current.innerHTML));
            mo.observe(ref.current, { subtree: true, characterData: true });
          }, []);
          return <div ref={ref} contentEditable />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "plain JS file: function without disconnect",
      filename: "file.js",
      code: code`
        export function observeTitle(onChange) {
          const mo = new MutationObserver(() => onChange(document.title));
          mo.observe(document.querySelector("title"), { childList: true });
        }
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    }),
    probable({
      name: "TS file: typed handle never disconnected",
      filename: "file.ts",
      code: code`
        export function watchWidth(el: HTMLElement, cb: (w: number) => void): void {
          const ro: ResizeObserver = new ResizeObserver((entries) => cb(entries[0]!.contentRect.width));
          ro.observe(el);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    }),
    probable({
      name: "JSX file: effect without cleanup",
      filename: "file.jsx",
      code: code`
        export function Marquee({ text }) {
          const ref = useRef(null);
          useEffect(() => {
            const io = new IntersectionObserver(([e]) => ref.current.classList.toggle("run", e.isIntersecting));
            io.observe(ref.current);
          }, []);
          return <p ref={ref}>{text}</p>;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "TS as-expression around the constructor",
      filename: "file.ts",
      code: code`
        export function observeAll(nodes: Element[], cb: MutationCallback): void {
          const mo = new MutationObserver(cb) as MutationObserver;
          for (const node of nodes) mo.observe(node, { attributes: true });
        }
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    }),
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
      name: "bench exemptions: a class observing an external element it was given",
      code: code`
        export class Chart {
          constructor(container) {
            this.container = container;
            this.observer = new ResizeObserver(() => this.resize());
            this.observer.observe(container);
          }
          resize() {}
          dispose() {
            this.container = null;
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    {
      name: "bench exemptions: a class observing its own canvas and document.body",
      code: code`
        export class Chart {
          constructor() {
            this.canvas = document.createElement("canvas");
            this.observer = new ResizeObserver(() => this.resize());
            this.observer.observe(this.canvas);
            this.observer.observe(document.body);
          }
          resize() {}
          dispose() {
            this.canvas.remove();
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
    probable({
      name: "bench exemptions: an init method that a public method calls again replaces the observer",
      code: code`
        export class Chart {
          constructor(container) {
            this.container = container;
            this.initObserver();
          }
          initObserver() {
            this.observer = new ResizeObserver(() => this.resize());
            this.observer.observe(this.container);
          }
          setContainer(container) {
            this.container = container;
            this.initObserver();
          }
          resize() {}
          dispose() {
            this.observer.disconnect();
          }
        }
      `,
      errors: [{ messageId: "replacedWithoutRelease", line: 7 }],
    }),
    probable({
      name: "bench exemptions: a disconnect on the same field name of another fixed object",
      code: code`
        export class AutoSizer {
          constructor(target) {
            this.main = {};
            this.main.observer = new ResizeObserver(() => this.fit());
            this.main.observer.observe(target);
          }
          fit() {}
          dispose() {
            this.aux.observer.disconnect();
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
  ],
});

describe("no-leaked-observer options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify("new ResizeObserver(f).observe(document.body);", {
      plugins: { leakproof: plugin as never },
      rules: { "leakproof/no-leaked-observer": ["error", options] as Linter.RuleEntry },
    });

  it("accepts a list of teardown method names", () => {
    expect(lint({ teardownMethods: ["shutdown", "release"] })).toEqual([]);
  });
  it("rejects a non-array teardownMethods", () => {
    expect(() => lint({ teardownMethods: 5 })).toThrow(/teardownMethods|should be array|must be array/i);
  });
  it("rejects an unknown property", () => {
    expect(() => lint({ teardownMethod: ["shutdown"] })).toThrow(/additional properties|unexpected property/i);
  });
  it("rejects empty method names", () => {
    expect(() => lint({ teardownMethods: [""] })).toThrow(/shorter than 1|fewer than 1/i);
  });
  it("accepts reportProbable", () => {
    expect(lint({ reportProbable: true })).toEqual([]);
    expect(lint({ reportProbable: false, teardownMethods: ["shutdown"] })).toEqual([]);
  });
  it("rejects a non-boolean reportProbable", () => {
    expect(() => lint({ reportProbable: "yes" })).toThrow(/should be boolean|must be boolean/i);
  });
});

checkRecommended();
