import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-leaked-subscription.js";
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
// ws, mqtt). Each subscription below is released somewhere in the file, but not when its
// owner ends, or by a release the rule cannot prove is this one's
// (`entry.subscription.unsubscribe()` in a helper taking any entry). By default they are not
// reported; with `reportProbable` (the strict preset) they are, with the same
// messages as before the option existed.
const releasedElsewhere = [
  {
    name: "effect unsubscribes when the tab is hidden, not in its cleanup",
    code: code`
      function LivePrices({ feed }) {
        useEffect(() => {
          const sub = feed.subscribe((p) => setPrice(p));
          const onHide = () => {
            if (document.hidden) sub.unsubscribe();
          };
          document.addEventListener("visibilitychange", onHide);
          return () => document.removeEventListener("visibilitychange", onHide);
        }, [feed]);
        return null;
      }
    `,
    errors: [{ messageId: "notReleasedInTeardown" as const, line: 3 }],
  },
  {
    name: "class unsubscribes in pause(), not in dispose()",
    code: code`
      export class Minimap {
        attach(store) {
          this.subscription = store.changes$.subscribe(() => this.redraw());
        }
        pause() {
          this.subscription.unsubscribe();
        }
        redraw() {}
        dispose() {
          this.canvas = null;
        }
      }
    `,
    errors: [{ messageId: "notReleasedInTeardown" as const, line: 3 }],
  },
  {
    name: "kept on a layer record, released by a helper that takes any record",
    code: code`
      function release(entry) {
        entry.subscription.unsubscribe();
      }
      export class Minimap {
        attach(store) {
          this.layer = {};
          this.layer.subscription = store.changes$.subscribe(() => this.redraw());
        }
        drop(entry) {
          release(entry);
        }
        redraw() {}
        dispose() {
          this.canvas = null;
        }
      }
    `,
    errors: [{ messageId: "neverReleased" as const, line: 7 }],
  },
];

const { probable, checkRecommended } = gradedCases("no-leaked-subscription");

ruleTester.run("no-leaked-subscription", rule, {
  valid: [
    {
      name: "takeUntil of a notifier the base class (another file) declares and fires on destroy",
      filename: "file.ts",
      code: `
import { fromEvent } from "rxjs";
import { takeUntil } from "rxjs/operators";
import { Frontend } from "./frontend";
export class XTermFrontend extends Frontend {
  attach(host: HTMLElement): void {
    fromEvent(window, "focus").pipe(
      takeUntil(this.destroyed$),
    ).subscribe(() => this.recover());
  }
  recover(): void {}
  destroy(): void {
    super.destroy();
  }
}`,
    },
    // ---------------------------------------------------------------------
    // Owners: React effects
    {
      name: "effect returns the store's unsubscribe function directly",
      code: code`
        function CartBadge({ store }) {
          const [count, setCount] = useState(store.getState().items.length);
          useEffect(() => store.subscribe(() => setCount(store.getState().items.length)), [store]);
          return <span className="badge">{count}</span>;
        }
      `,
    },
    {
      name: "effect keeps the unsubscribe function and returns it",
      code: code`
        function Presence({ room }) {
          const [online, setOnline] = useState([]);
          useEffect(() => {
            const unsubscribe = room.presence.subscribe(setOnline);
            return unsubscribe;
          }, [room]);
          return <ul>{online.map((u) => <li key={u.id}>{u.name}</li>)}</ul>;
        }
      `,
    },
    {
      name: "effect unsubscribes an RxJS subscription in its cleanup",
      code: code`
        import { useEffect, useState } from "react";
        import { fromEvent, map } from "rxjs";
        export function PointerPosition() {
          const [pos, setPos] = useState({ x: 0, y: 0 });
          useEffect(() => {
            const sub = fromEvent(window, "pointermove")
              .pipe(map((e) => ({ x: e.clientX, y: e.clientY })))
              .subscribe(setPos);
            return () => sub.unsubscribe();
          }, []);
          return <output>{pos.x},{pos.y}</output>;
        }
      `,
    },
    {
      name: "cleanup with optional chaining on the subscription",
      code: code`
        function Ticker({ feed$ }: { feed$: Observable<number> }) {
          const [price, setPrice] = useState(0);
          useEffect(() => {
            let sub: Subscription | undefined;
            if (feed$) sub = feed$.subscribe(setPrice);
            return () => {
              sub?.unsubscribe();
            };
          }, [feed$]);
          return <b>{price}</b>;
        }
      `,
    },
    {
      name: "cleanup calls the stored disposer with optional call",
      code: code`
        function Theme({ settings }) {
          useLayoutEffect(() => {
            const stop = settings.subscribe((s) => document.body.classList.toggle("dark", s.dark));
            return () => stop?.();
          }, [settings]);
          return null;
        }
      `,
    },
    {
      name: "several subscriptions released by one named cleanup",
      code: code`
        function Dashboard({ metrics, alerts }) {
          const [state, setState] = useState({});
          useEffect(() => {
            const offMetrics = metrics.subscribe((m) => setState((s) => ({ ...s, m })));
            const alertSub = alerts.subscribe((a) => setState((s) => ({ ...s, a })));
            function cleanup() {
              offMetrics();
              alertSub.unsubscribe();
            }
            return cleanup;
          }, [metrics, alerts]);
          return <pre>{JSON.stringify(state)}</pre>;
        }
      `,
    },
    {
      name: "effect completes the stream with take(1)",
      code: code`
        function Greeting({ user$ }) {
          const [name, setName] = useState("");
          useEffect(() => {
            user$.pipe(take(1)).subscribe((u) => setName(u.name));
          }, [user$]);
          return <h1>Hello {name}</h1>;
        }
      `,
    },
    {
      name: "useSyncExternalStore is handed the subscribe method: React owns it",
      code: code`
        function useOnline(store) {
          return useSyncExternalStore(store.subscribe, store.getSnapshot, () => true);
        }
        function Status({ store }) {
          const online = useSyncExternalStore((onChange) => store.subscribe(onChange), () => store.online);
          return <i>{online ? "online" : "offline"}</i>;
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: React class components
    {
      name: "class component unsubscribes the store in componentWillUnmount",
      code: code`
        class TodoList extends React.Component {
          state = { todos: [] };
          componentDidMount() {
            this.unsubscribe = this.props.store.subscribe(() => this.setState({ todos: this.props.store.getState() }));
          }
          componentWillUnmount() {
            this.unsubscribe();
          }
          render() {
            return <ul>{this.state.todos.map((t) => <li key={t.id}>{t.title}</li>)}</ul>;
          }
        }
      `,
    },
    {
      name: "class component releases through a helper method with optional call",
      code: code`
        class Chat extends Component<Props> {
          private off?: () => void;
          componentDidMount() {
            this.off = this.props.channel.subscribe(this.onMessage);
          }
          componentWillUnmount() {
            this.detach();
          }
          detach() {
            this.off?.();
          }
          onMessage = (m: Message) => this.setState({ last: m });
          render() {
            return <div />;
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: Angular
    {
      name: "Angular component unsubscribes in ngOnDestroy",
      code: code`
        @Component({ selector: "app-clock", template: "{{ now }}" })
        export class ClockComponent implements OnInit, OnDestroy {
          now = new Date();
          private sub?: Subscription;
          ngOnInit() {
            this.sub = interval(1000).subscribe(() => (this.now = new Date()));
          }
          ngOnDestroy() {
            this.sub?.unsubscribe();
          }
        }
      `,
    },
    {
      name: "Angular takeUntil(destroy$) with destroy$.next() in ngOnDestroy",
      code: code`
        @Component({ selector: "app-orders", templateUrl: "./orders.html" })
        export class OrdersComponent implements OnInit, OnDestroy {
          private readonly destroy$ = new Subject<void>();
          orders: Order[] = [];
          constructor(private readonly orders$: OrderStream) {}
          ngOnInit() {
            this.orders$.changes.pipe(filter(Boolean), takeUntil(this.destroy$)).subscribe((o) => (this.orders = o));
          }
          ngOnDestroy() {
            this.destroy$.next();
            this.destroy$.complete();
          }
        }
      `,
    },
    {
      name: "Angular takeUntilDestroyed()",
      code: code`
        @Component({ selector: "app-search", template: "" })
        export class SearchComponent {
          private readonly destroyRef = inject(DestroyRef);
          constructor(search: SearchService) {
            search.results$.pipe(takeUntilDestroyed()).subscribe((r) => this.render(r));
            search.query$.pipe(debounceTime(200), takeUntilDestroyed(this.destroyRef)).subscribe((q) => search.run(q));
          }
          render(r: unknown) {}
        }
      `,
    },
    {
      name: "Angular inject(DestroyRef).onDestroy unsubscribes a local subscription",
      code: code`
        @Directive({ selector: "[appAutosave]" })
        export class AutosaveDirective {
          constructor(form: FormGroup, api: Api) {
            const sub = form.valueChanges.pipe(debounceTime(500)).subscribe((v) => api.save(v));
            inject(DestroyRef).onDestroy(() => sub.unsubscribe());
          }
        }
      `,
    },
    {
      name: "Angular this.destroyRef.onDestroy unsubscribes a member",
      code: code`
        @Component({ selector: "app-feed", template: "" })
        export class FeedComponent {
          private destroyRef = inject(DestroyRef);
          private feedSub: Subscription;
          constructor(feed: FeedService) {
            this.feedSub = feed.items$.subscribe((items) => this.show(items));
            this.destroyRef.onDestroy(() => {
              this.feedSub.unsubscribe();
            });
          }
          show(items: unknown[]) {}
        }
      `,
    },
    {
      name: "Angular subscriptions collected in an array and unsubscribed in a loop",
      code: code`
        @Component({ selector: "app-panel", template: "" })
        export class PanelComponent implements OnInit, OnDestroy {
          private subs: Subscription[] = [];
          ngOnInit() {
            this.subs.push(this.a.changes.subscribe(() => this.refresh()));
            this.subs.push(this.b.changes.subscribe(() => this.refresh()));
          }
          ngOnDestroy() {
            for (const sub of this.subs) sub.unsubscribe();
            this.subs = [];
          }
          refresh() {}
        }
      `,
    },
    {
      name: "composite Subscription: children added to a parent unsubscribed in ngOnDestroy",
      code: code`
        @Component({ selector: "app-editor", template: "" })
        export class EditorComponent implements OnInit, OnDestroy {
          private readonly subscriptions = new Subscription();
          ngOnInit() {
            this.subscriptions.add(this.doc.changes$.subscribe(() => this.mark()));
            const cursor = this.doc.cursor$.subscribe((c) => this.moveTo(c));
            this.subscriptions.add(cursor);
          }
          ngOnDestroy() {
            this.subscriptions.unsubscribe();
          }
          mark() {}
          moveTo(c: number) {}
        }
      `,
    },
    {
      name: "Angular parent subscription with sub.add(child)",
      code: code`
        @Component({ selector: "app-map", template: "" })
        export class MapComponent implements OnInit, OnDestroy {
          private sub!: Subscription;
          ngOnInit() {
            this.sub = this.location.position$.subscribe((p) => this.center(p));
            this.sub.add(this.location.heading$.subscribe((h) => this.rotate(h)));
          }
          ngOnDestroy() {
            this.sub.unsubscribe();
          }
          center(p: unknown) {}
          rotate(h: number) {}
        }
      `,
    },
    {
      name: "first() and take(n) complete by themselves in an Angular component",
      code: code`
        @Component({ selector: "app-profile", template: "" })
        export class ProfileComponent implements OnInit {
          ngOnInit() {
            this.auth.user$.pipe(first()).subscribe((u) => (this.user = u));
            this.store.select(selectTheme).pipe(take(3)).subscribe((t) => this.themes.push(t));
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: plain classes and functions
    {
      name: "plain class unsubscribes in dispose()",
      code: code`
        export class PriceWidget {
          constructor(el, feed) {
            this.el = el;
            this.subscription = feed.prices$.subscribe((p) => (this.el.textContent = String(p)));
          }
          dispose() {
            this.subscription.unsubscribe();
            this.el.remove();
          }
        }
      `,
    },
    {
      name: "plain class with a custom teardown method from options",
      code: code`
        export class Sync {
          start(store) {
            this.unsubscribe = store.subscribe(() => this.push(store.getState()));
          }
          shutdown() {
            this.unsubscribe();
          }
          push(state) {}
        }
      `,
      options: [{ teardownMethods: ["shutdown"] }],
    },
    {
      name: "takeUntil with a local notifier nexted in a plain class teardown",
      code: code`
        import { Subject, interval, takeUntil } from "rxjs";
        export class Heartbeat {
          #stop$ = new Subject();
          start(send) {
            interval(5000).pipe(takeUntil(this.#stop$)).subscribe(() => send("ping"));
          }
          destroy() {
            this.#stop$.next();
          }
        }
      `,
    },
    {
      name: "one-time subscription in a plain function run at startup",
      code: code`
        export function bootstrap(store, logger) {
          store.subscribe(() => logger.debug("state", store.getState()));
          const sub = config$.subscribe((c) => applyConfig(c));
        }
      `,
    },
    {
      name: "one-time subscriptions made in a loop of a startup function",
      code: code`
        export function wireWidgets(widgets, store) {
          for (const widget of widgets) {
            store.subscribe(() => widget.render(store.getState()));
          }
        }
      `,
    },
    {
      name: "a plain function returns the subscription: the caller owns it",
      code: code`
        export function watchPrices(feed: Feed, onPrice: (p: number) => void): Subscription {
          const sub = feed.prices$.subscribe(onPrice);
          return sub;
        }
      `,
    },
    {
      name: "per-connection subscription released when the socket closes",
      code: code`
        wss.on("connection", (socket) => {
          const unsubscribe = bus.subscribe((msg) => socket.send(JSON.stringify(msg)));
          socket.on("close", () => unsubscribe());
        });
      `,
    },

    // ---------------------------------------------------------------------
    // Local functions that return a disposer
    {
      name: "local disposer-returning function used in an effect and returned",
      code: code`
        function watchOnline(onChange) {
          window.addEventListener("online", onChange);
          window.addEventListener("offline", onChange);
          return () => {
            window.removeEventListener("online", onChange);
            window.removeEventListener("offline", onChange);
          };
        }
        function OnlineBadge() {
          const [online, setOnline] = useState(navigator.onLine);
          useEffect(() => {
            const stop = watchOnline(() => setOnline(navigator.onLine));
            return () => stop();
          }, []);
          return <span>{online ? "on" : "off"}</span>;
        }
      `,
    },
    {
      name: "a curried event handler factory is not a disposer",
      code: code`
        function selectRow(id) {
          return () => setSelected(id);
        }
        function Row({ id, label, store }) {
          const onSelect = selectRow(id);
          useEffect(() => store.subscribe(() => setSelected(store.getState().selected)), [store]);
          return <li onClick={onSelect}>{label}</li>;
        }
      `,
    },

    // ---------------------------------------------------------------------
    // False-alarm traps
    {
      name: "newsletter.subscribe(email) returns a promise that is awaited",
      code: code`
        function SignupForm({ newsletter }) {
          const [email, setEmail] = useState("");
          async function onSubmit(event) {
            event.preventDefault();
            await newsletter.subscribe(email);
            toast("Thanks!");
          }
          return <form onSubmit={onSubmit}><input value={email} onChange={(e) => setEmail(e.target.value)} /></form>;
        }
      `,
    },
    {
      name: "newsletter.subscribe(email).then(...) is a promise chain",
      code: code`
        function Footer({ api }) {
          const onClick = (email: string) => {
            api.newsletter.subscribe(email).then(() => setDone(true)).catch(setError);
          };
          return <button onClick={() => onClick("me@example.com")}>Join</button>;
        }
      `,
    },
    {
      name: "pushManager.subscribe is awaited",
      code: code`
        export function NotificationsToggle({ registration, publicKey }) {
          useEffect(() => {
            (async () => {
              const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
              await fetch("/api/push", { method: "POST", body: JSON.stringify(subscription) });
            })();
          }, [registration]);
          return null;
        }
      `,
    },
    {
      name: "pushManager.subscribe with an options object and .then",
      code: code`
        class PushSettings extends React.Component {
          componentDidMount() {
            this.props.registration.pushManager
              .subscribe({ userVisibleOnly: true })
              .then((s) => this.setState({ endpoint: s.endpoint }));
          }
          render() {
            return null;
          }
        }
      `,
    },
    {
      name: "subscribe with only a data argument is not a stream subscription",
      code: code`
        @Component({ selector: "app-plans", template: "" })
        export class PlansComponent {
          choose() {
            void this.billing.subscribe("pro-monthly");
          }
        }
      `,
    },
    {
      name: "firstValueFrom / lastValueFrom make no subscription to release",
      code: code`
        @Component({ selector: "app-report", template: "" })
        export class ReportComponent implements OnInit {
          async ngOnInit() {
            this.user = await firstValueFrom(this.auth.user$);
            this.total = await lastValueFrom(this.api.totals$.pipe(toArray()));
          }
        }
      `,
    },
    {
      name: "Svelte-style get: subscribe and immediately call the unsubscriber",
      code: code`
        function readNow(store) {
          let value;
          store.subscribe((v) => (value = v))();
          return value;
        }
        function Label({ store }) {
          return <span>{readNow(store)}</span>;
        }
      `,
    },
    {
      name: "a store's own subscribe implementation",
      code: code`
        export function createStore(initial) {
          let state = initial;
          const listeners = new Set();
          return {
            getState: () => state,
            subscribe(listener) {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
          };
        }
      `,
    },
    {
      name: "subscribe in a finalize handler of a stream that completes by itself",
      code: code`
        @Component({ selector: "app-upload", template: "" })
        export class UploadComponent {
          upload(file: File) {
            this.uploads
              .send(file)
              .pipe(
                take(1),
                finalize(() => this.queue.next$.pipe(first()).subscribe((n) => this.upload(n))),
              )
              .subscribe({ complete: () => this.done.emit() });
          }
        }
      `,
    },
    {
      name: "Angular HttpClient requests complete by themselves",
      code: code`
        @Component({ selector: "app-user", template: "" })
        export class UserComponent implements OnInit {
          constructor(private readonly http: HttpClient) {}
          ngOnInit() {
            this.http.get<User>("/api/me").subscribe((u) => (this.user = u));
            this.http.post("/api/visits", {}).pipe(catchError(() => EMPTY)).subscribe();
          }
        }
      `,
    },
    {
      name: "module-level subscription lives as long as the program",
      code: code`
        import { store } from "./store";
        store.subscribe(() => localStorage.setItem("state", JSON.stringify(store.getState())));
        export const sub = interval(60_000).subscribe(() => console.log("alive"));
      `,
    },

    // ---------------------------------------------------------------------
    // Syntax
    {
      name: "computed member names on both sides",
      code: code`
        export class Gauge {
          constructor(source) {
            this["subscription"] = source["subscribe"]((v) => this.draw(v));
          }
          dispose() {
            this["subscription"]["unsubscribe"]();
          }
          draw(v) {}
        }
      `,
    },
    {
      name: "JS file: unsubscribe in disconnectedCallback of a web component",
      filename: "clock.js",
      code: code`
        class ClockElement extends HTMLElement {
          connectedCallback() {
            this.sub = timer$.subscribe((t) => (this.textContent = t));
          }
          disconnectedCallback() {
            this.sub.unsubscribe();
          }
        }
        customElements.define("x-clock", ClockElement);
      `,
    },
    {
      name: "PubSub token released by topic unsubscribe",
      code: code`
        function Inbox() {
          useEffect(() => {
            const token = PubSub.subscribe("mail", (msg, data) => notify(data));
            return () => PubSub.unsubscribe(token);
          }, []);
          return <div />;
        }
      `,
    },
    {
      name: "subscription kept in a ref and released by an unmount effect",
      code: code`
        function Player({ track$ }) {
          const subRef = useRef(null);
          useEffect(() => {
            subRef.current = track$.subscribe((t) => setTitle(t.title));
          }, [track$]);
          useEffect(() => () => subRef.current?.unsubscribe(), []);
          return null;
        }
      `,
    },
    {
      name: "outer take(1) subscription whose complete handler starts a released one",
      code: code`
        @Component({ selector: "app-wizard", template: "" })
        export class WizardComponent implements OnInit, OnDestroy {
          private stepSub?: Subscription;
          ngOnInit() {
            this.config$.pipe(take(1)).subscribe({
              complete: () => {
                this.stepSub = this.steps$.subscribe((s) => (this.step = s));
              },
            });
          }
          ngOnDestroy() {
            this.stepSub?.unsubscribe();
          }
        }
      `,
    },
    {
      name: "class field initialiser released in ngOnDestroy",
      code: code`
        @Component({ selector: "app-status", template: "{{ online }}" })
        export class StatusComponent implements OnDestroy {
          online = false;
          private readonly sub = this.network.online$.subscribe((v) => (this.online = v));
          constructor(private readonly network: NetworkService) {}
          ngOnDestroy() {
            this.sub.unsubscribe();
          }
        }
      `,
    },
    // ---------------------------------------------------------------------
    // Real-code shapes (bench review): released, but not on the owner's end or not provably
    // this subscription; not reported by default (see `releasedElsewhere` above).
    ...releasedElsewhere.map((shape) => ({ name: `released elsewhere: ${shape.name}`, code: shape.code })),
    // Real-code shapes (bench review): a local helper's disposer is dropped, but the code
    // undoes the setup through the paired helper (add/remove, on/off, start/stop, ...).
    {
      name: "addEvents(...) undone by removeEvents(...) in the cleanup",
      code: code`
        function addEvents(node, handlers) {
          for (const [type, fn] of Object.entries(handlers)) node.addEventListener(type, fn);
          return () => removeEvents(node, handlers);
        }
        function removeEvents(node, handlers) {
          for (const [type, fn] of Object.entries(handlers)) node.removeEventListener(type, fn);
        }
        export function useWindowEvents(handlers) {
          useEffect(() => {
            addEvents(window, handlers);
            return () => removeEvents(window, handlers);
          }, [handlers]);
        }
      `,
    },
    {
      name: "this.startPolling() in componentDidMount, this.stopPolling() on unmount",
      code: code`
        export class Monitor extends React.Component {
          startPolling(store) {
            const unsubscribe = store.subscribe(() => this.tick());
            this.unsubscribe = unsubscribe;
            return unsubscribe;
          }
          stopPolling() {
            this.unsubscribe?.();
          }
          componentDidMount() {
            this.startPolling(this.props.store);
          }
          componentWillUnmount() {
            this.stopPolling();
          }
          tick() {}
          render() {
            return null;
          }
        }
      `,
    },
    {
      name: "attachMedia(...) paired with detachMedia(...), in strict mode too",
      options: [{ reportProbable: true }],
      code: code`
        function attachMedia(video, onTime) {
          video.addEventListener("timeupdate", onTime);
          return () => video.removeEventListener("timeupdate", onTime);
        }
        function detachMedia(video, onTime) {
          video.removeEventListener("timeupdate", onTime);
        }
        export function useProgress(video, onTime) {
          useEffect(() => {
            attachMedia(video, onTime);
            return () => detachMedia(video, onTime);
          }, [video, onTime]);
        }
      `,
    },
  ],

  invalid: [
    // ---------------------------------------------------------------------
    // Owners: React effects
    probable({
      name: "effect discards the store's unsubscribe function",
      code: code`
        function CartBadge({ store }) {
          const [count, setCount] = useState(0);
          useEffect(() => {
            store.subscribe(() => setCount(store.getState().items.length));
          }, [store]);
          return <span>{count}</span>;
        }
      `,
      errors: [{ messageId: "discarded", line: 4 }],
    }),
    {
      name: "effect keeps the RxJS subscription but never unsubscribes",
      code: code`
        import { useEffect, useState } from "react";
        import { interval } from "rxjs";
        export function Uptime() {
          const [s, setS] = useState(0);
          useEffect(() => {
            const sub = interval(1000).subscribe((n) => setS(n));
          }, []);
          return <span>{s}s</span>;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "effect unsubscribes only on an error path in the setup, not in cleanup",
      code: code`
        function Live({ feed }) {
          useEffect(() => {
            const sub = feed.updates$.subscribe({
              next: (u) => apply(u),
              error: () => sub.unsubscribe(),
            });
            return () => console.log("bye");
          }, [feed]);
          return null;
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 3 }],
    },
    probable({
      name: "cleanup returned but it forgets one of two subscriptions",
      code: code`
        function Dashboard({ metrics, alerts }) {
          useEffect(() => {
            const m = metrics.subscribe(render);
            const a = alerts.subscribe(render);
            return () => m.unsubscribe();
          }, [metrics, alerts]);
          return <div />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "subscription made in the render body",
      code: code`
        function Price({ feed$ }) {
          const [p, setP] = useState(0);
          feed$.subscribe(setP);
          return <b>{p}</b>;
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    probable({
      name: "subscription made in a click handler of a component",
      code: code`
        function Follow({ user, events }) {
          const onFollow = () => {
            events.follows.subscribe((e) => toast(e.message));
          };
          return <button onClick={onFollow}>Follow {user.name}</button>;
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    probable({
      name: "takeUntil with a notifier that the cleanup never nexts",
      code: code`
        function Stream({ source$ }) {
          useEffect(() => {
            const stop$ = new Subject();
            source$.pipe(takeUntil(stop$)).subscribe(render);
            return () => {};
          }, [source$]);
          return null;
        }
      `,
      errors: [{ messageId: "discarded", line: 4 }],
    }),

    // ---------------------------------------------------------------------
    // Owners: React class components
    probable({
      name: "class component subscribes in componentDidMount and never unsubscribes",
      code: code`
        class TodoList extends React.Component {
          componentDidMount() {
            this.unsubscribe = this.props.store.subscribe(() => this.forceUpdate());
          }
          render() {
            return <ul />;
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    }),
    {
      options: [{ reportProbable: true }],
      name: "class component unsubscribes in an unrelated method only",
      code: code`
        class Chat extends Component {
          componentDidMount() {
            this.sub = this.props.room.messages$.subscribe((m) => this.setState({ m }));
          }
          leaveRoom() {
            this.sub.unsubscribe();
          }
          render() {
            return <button onClick={() => this.leaveRoom()}>Leave</button>;
          }
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 3 }],
    },
    {
      name: "class component discards the subscription",
      code: code`
        class Clock extends PureComponent {
          componentDidMount() {
            timer$.subscribe((now) => this.setState({ now }));
          }
          componentWillUnmount() {}
          render() {
            return <time>{String(this.state.now)}</time>;
          }
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    },

    // ---------------------------------------------------------------------
    // Owners: Angular
    {
      name: "Angular component discards an interval subscription",
      code: code`
        @Component({ selector: "app-clock", template: "{{ now }}" })
        export class ClockComponent implements OnInit {
          now = new Date();
          ngOnInit() {
            interval(1000).subscribe(() => (this.now = new Date()));
          }
        }
      `,
      errors: [{ messageId: "discarded", line: 5 }],
    },
    probable({
      name: "Angular ngOnDestroy exists but does not unsubscribe the member",
      code: code`
        @Component({ selector: "app-orders", template: "" })
        export class OrdersComponent implements OnInit, OnDestroy {
          private sub?: Subscription;
          ngOnInit() {
            this.sub = this.store.select(selectOrders).subscribe((o) => (this.orders = o));
          }
          ngOnDestroy() {
            console.log("destroyed");
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    }),
    probable({
      name: "Angular takeUntil(destroy$) where destroy$ is never nexted",
      code: code`
        @Component({ selector: "app-search", template: "" })
        export class SearchComponent implements OnInit, OnDestroy {
          private destroy$ = new Subject<void>();
          ngOnInit() {
            this.query.valueChanges.pipe(debounceTime(300), takeUntil(this.destroy$)).subscribe((q) => this.run(q));
          }
          ngOnDestroy() {}
          run(q: string) {}
        }
      `,
      errors: [{ messageId: "discarded", line: 5 }],
    }),
    probable({
      name: "Angular takeUntil(destroy$) where destroy$ is only completed (RxJS 7: complete() does not end takeUntil)",
      code: code`
        @Component({ selector: "app-feed", template: "" })
        export class FeedComponent implements OnInit, OnDestroy {
          private readonly destroy$ = new Subject<void>();
          ngOnInit() {
            this.feed.items$.pipe(takeUntil(this.destroy$)).subscribe((items) => (this.items = items));
          }
          ngOnDestroy() {
            this.destroy$.complete();
          }
        }
      `,
      errors: [{ messageId: "discarded", line: 5 }],
    }),
    probable({
      name: "Angular takeUntil(destroy$) nexted only in an unrelated method",
      code: code`
        @Component({ selector: "app-player", template: "" })
        export class PlayerComponent implements OnInit {
          private stop$ = new Subject<void>();
          ngOnInit() {
            this.player.progress$.pipe(takeUntil(this.stop$)).subscribe((p) => (this.progress = p));
          }
          pause() {
            this.stop$.next();
          }
        }
      `,
      errors: [{ messageId: "discarded", line: 5 }],
    }),
    probable({
      name: "Angular DestroyRef is injected but onDestroy releases something else",
      code: code`
        @Directive({ selector: "[appAutosave]" })
        export class AutosaveDirective {
          constructor(form: FormGroup, api: Api) {
            const sub = form.valueChanges.subscribe((v) => api.save(v));
            inject(DestroyRef).onDestroy(() => api.flush());
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    {
      options: [{ reportProbable: true }],
      name: "Angular unsubscribes in a method that ngOnDestroy does not call",
      code: code`
        @Component({ selector: "app-map", template: "" })
        export class MapComponent implements OnInit, OnDestroy {
          private positionSub!: Subscription;
          ngOnInit() {
            this.positionSub = this.location.position$.subscribe((p) => this.center(p));
          }
          stopTracking() {
            this.positionSub.unsubscribe();
          }
          ngOnDestroy() {
            this.map.remove();
          }
          center(p: unknown) {}
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 5 }],
    },
    probable({
      name: "Angular service (@Injectable) discards a store subscription",
      code: code`
        @Injectable()
        export class CartSync implements OnDestroy {
          constructor(store: Store) {
            store.select(selectCart).subscribe((cart) => localStorage.setItem("cart", JSON.stringify(cart)));
          }
          ngOnDestroy() {}
        }
      `,
      errors: [{ messageId: "discarded", line: 4 }],
    }),
    probable({
      name: "parent subscription with children added, parent never unsubscribed",
      code: code`
        @Component({ selector: "app-editor", template: "" })
        export class EditorComponent implements OnInit {
          private sub!: Subscription;
          ngOnInit() {
            this.sub = this.doc.changes$.subscribe(() => this.mark());
            this.sub.add(this.doc.cursor$.subscribe((c) => this.moveTo(c)));
          }
          mark() {}
          moveTo(c: number) {}
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    }),

    // ---------------------------------------------------------------------
    // Owners: plain classes, functions that run repeatedly
    probable({
      name: "plain class with dispose() that forgets the subscription",
      code: code`
        export class PriceWidget {
          constructor(el, feed) {
            this.el = el;
            this.subscription = feed.prices$.subscribe((p) => (this.el.textContent = String(p)));
          }
          dispose() {
            this.el.remove();
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    probable({
      name: "plain class with destroy() discards a store subscription",
      code: code`
        export class Widget {
          constructor(store) {
            store.subscribe(() => this.render(store.getState()));
          }
          render(state) {}
          destroy() {}
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    {
      options: [{ reportProbable: true }],
      name: "plain class releases in a non-teardown method only",
      code: code`
        export class Poller {
          start(source) {
            this.unsub = source.subscribe((v) => this.handle(v));
          }
          pause() {
            this.unsub();
          }
          handle(v) {}
          stop() {}
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 3 }],
    },
    probable({
      name: "custom teardown method from options",
      code: code`
        export class Sync {
          start(store) {
            this.unsubscribe = store.subscribe(() => this.push(store.getState()));
          }
          shutdown() {}
          push(state) {}
        }
      `,
      options: [{ teardownMethods: ["shutdown"] }],
      errors: [{ messageId: "neverReleased", line: 3 }],
    }),
    {
      name: "per-connection subscription in a connection handler is never released",
      code: code`
        wss.on("connection", (socket) => {
          bus.subscribe((msg) => socket.send(JSON.stringify(msg)));
        });
      `,
      errors: [{ messageId: "discarded", line: 2 }],
    },
    {
      name: "per-request subscription in a request handler",
      code: code`
        app.get("/events", (req, res) => {
          const unsubscribe = events.subscribe((e) => res.write("data: " + JSON.stringify(e) + "\\n\\n"));
          res.setHeader("Content-Type", "text/event-stream");
        });
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    },

    // ---------------------------------------------------------------------
    // Local functions that return a disposer
    {
      name: "the disposer of a local function is discarded in an effect",
      code: code`
        function watchOnline(onChange) {
          window.addEventListener("online", onChange);
          return () => window.removeEventListener("online", onChange);
        }
        function OnlineBadge() {
          const [online, setOnline] = useState(true);
          useEffect(() => {
            watchOnline(() => setOnline(navigator.onLine));
          }, []);
          return <span>{String(online)}</span>;
        }
      `,
      errors: [{ messageId: "discarded", line: 8 }],
    },
    probable({
      name: "local function returning a store subscription, kept but never called",
      code: code`
        const follow = (store, cb) => store.subscribe(() => cb(store.getState()));
        function Follower({ store }) {
          useEffect(() => {
            const stop = follow(store, console.log);
          }, [store]);
          return null;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
    {
      name: "a this-method that returns a disposer, discarded in componentDidMount",
      code: code`
        class Resizer extends React.Component {
          listen() {
            const onResize = () => this.forceUpdate();
            window.addEventListener("resize", onResize);
            return () => window.removeEventListener("resize", onResize);
          }
          componentDidMount() {
            this.listen();
          }
          render() {
            return <div />;
          }
        }
      `,
      errors: [{ messageId: "discarded", line: 8 }],
    },

    // ---------------------------------------------------------------------
    // False-alarm traps that are still leaks
    probable({
      name: "an observer argument object is a stream subscription",
      code: code`
        @Component({ selector: "app-log", template: "" })
        export class LogComponent implements OnInit {
          ngOnInit() {
            this.log.lines$.subscribe({ next: (l) => this.lines.push(l), error: console.error });
          }
        }
      `,
      errors: [{ messageId: "discarded", line: 4 }],
    }),
    probable({
      name: "takeUntil without an argument does not end anything",
      code: code`
        @Component({ selector: "app-x", template: "" })
        export class XComponent implements OnInit {
          ngOnInit() {
            this.x$.pipe(takeUntil()).subscribe();
          }
        }
      `,
      errors: [{ messageId: "discarded", line: 4 }],
    }),
    probable({
      name: "subscribe with no arguments still subscribes",
      code: code`
        function Prefetch({ cache }) {
          useEffect(() => {
            cache.warmup$.subscribe();
          }, [cache]);
          return null;
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    probable({
      name: "subscription array that is never unsubscribed on destroy is invisible, but a single member is reported",
      code: code`
        @Component({ selector: "app-panel", template: "" })
        export class PanelComponent implements OnInit, OnDestroy {
          private subs: Subscription[] = [];
          private main?: Subscription;
          ngOnInit() {
            this.subs.push(this.a.changes.subscribe(() => this.refresh()));
            this.main = this.b.changes.subscribe(() => this.refresh());
          }
          ngOnDestroy() {
            this.subs.forEach((s) => s.unsubscribe());
          }
          refresh() {}
        }
      `,
      errors: [{ messageId: "neverReleased", line: 7 }],
    }),

    // ---------------------------------------------------------------------
    // Syntax
    probable({
      name: "computed member subscribe, discarded",
      code: code`
        function Gauge({ source }) {
          useEffect(() => {
            source["subscribe"]((v) => draw(v));
          }, [source]);
          return <canvas />;
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    probable({
      name: "optional-call subscribe in an effect, discarded",
      code: code`
        function Maybe({ feed }: { feed?: Feed }) {
          useEffect(() => {
            feed?.updates$?.subscribe((u) => apply(u));
          }, [feed]);
          return null;
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    probable({
      name: "TS non-null and as-casts around the stored subscription",
      code: code`
        @Component({ selector: "app-t", template: "" })
        export class TComponent implements OnInit, OnDestroy {
          private sub!: Subscription;
          ngOnInit() {
            this.sub = this.source$!.subscribe((v) => this.v = v) as Subscription;
          }
          ngOnDestroy() {}
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    }),
    {
      name: "JS file: web component that forgets the subscription",
      filename: "clock.js",
      code: code`
        class ClockElement extends HTMLElement {
          connectedCallback() {
            this.sub = timer$.subscribe((t) => (this.textContent = t));
          }
          disconnectedCallback() {
            this.textContent = "";
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    probable({
      name: "JSX file: two discarded subscriptions in one effect",
      filename: "Board.jsx",
      code: code`
        export function Board({ game }) {
          useEffect(() => {
            game.moves.subscribe(onMove);
            game.chat.subscribe(onChat);
          }, [game]);
          return <div />;
        }
      `,
      errors: [
        { messageId: "discarded", line: 3 },
        { messageId: "discarded", line: 4 },
      ],
    }),
    {
      name: "PubSub token never released",
      code: code`
        function Inbox() {
          useEffect(() => {
            const token = PubSub.subscribe("mail", (msg, data) => notify(data));
          }, []);
          return <div />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    probable({
      name: "subscription made on every interval tick of a plain function",
      code: code`
        export function startDashboard(feed) {
          setInterval(() => {
            feed.updates.subscribe((u) => render(u));
          }, 5000);
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    probable({
      name: "nested subscription inside a complete handler is never released",
      code: code`
        @Component({ selector: "app-wizard", template: "" })
        export class WizardComponent implements OnInit {
          ngOnInit() {
            this.config$.pipe(first()).subscribe({
              complete: () => {
                this.steps$.subscribe((s) => (this.step = s));
              },
            });
          }
        }
      `,
      errors: [{ messageId: "discarded", line: 6 }],
    }),
    {
      name: "Angular component keeps a local disposer but never calls it",
      code: code`
        function watchVisibility(onChange: () => void): () => void {
          document.addEventListener("visibilitychange", onChange);
          return () => document.removeEventListener("visibilitychange", onChange);
        }
        @Component({ selector: "app-video", template: "" })
        export class VideoComponent implements OnInit, OnDestroy {
          private stopWatching?: () => void;
          ngOnInit() {
            this.stopWatching = watchVisibility(() => this.pauseIfHidden());
          }
          ngOnDestroy() {
            this.video.pause();
          }
          pauseIfHidden() {}
        }
      `,
      errors: [{ messageId: "neverReleased", line: 9 }],
    },
    {
      name: "plain class takeUntil notifier is nexted outside the teardown",
      filename: "heartbeat.ts",
      code: code`
        export class Heartbeat {
          private readonly stop$ = new Subject<void>();
          start(send: (m: string) => void) {
            interval(5000).pipe(map(() => "ping"), takeUntil(this.stop$)).subscribe(send);
          }
          pause() {
            this.stop$.next();
          }
          dispose() {}
        }
      `,
      errors: [{ messageId: "discarded", line: 4 }],
    },
    {
      name: "class field initialiser never unsubscribed",
      code: code`
        @Component({ selector: "app-status", template: "{{ online }}" })
        export class StatusComponent implements OnDestroy {
          online = false;
          private readonly sub = this.network.online$.subscribe((v) => (this.online = v));
          constructor(private readonly network: NetworkService) {}
          ngOnDestroy() {
            console.log("bye");
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
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
    {
      name: "bench exemptions: the paired removeEvents helper exists but is never called",
      code: code`
        function addEvents(node, handlers) {
          for (const [type, fn] of Object.entries(handlers)) node.addEventListener(type, fn);
          return () => {
            for (const [type, fn] of Object.entries(handlers)) node.removeEventListener(type, fn);
          };
        }
        export function removeEvents(node, handlers) {
          for (const [type, fn] of Object.entries(handlers)) node.removeEventListener(type, fn);
        }
        export function useWindowEvents(handlers) {
          useEffect(() => {
            addEvents(window, handlers);
          }, [handlers]);
        }
      `,
      errors: [{ messageId: "discarded", line: 12 }],
    },
    {
      name: "bench exemptions: onResize(...) is not undone by a call of offline()",
      code: code`
        function onResize(cb) {
          window.addEventListener("resize", cb);
          return () => window.removeEventListener("resize", cb);
        }
        function offline() {}
        export function Layout() {
          useEffect(() => {
            onResize(() => {});
            offline();
          }, []);
          return null;
        }
      `,
      errors: [{ messageId: "discarded", line: 8 }],
    },
    probable({
      name: "bench exemptions: a release of the same field name on another fixed object",
      code: code`
        export class Minimap {
          attach(store) {
            this.main = {};
            this.main.subscription = store.changes$.subscribe(() => this.redraw());
          }
          redraw() {}
          dispose() {
            this.overlay.subscription.unsubscribe();
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    }),
  ],
});

describe("no-leaked-subscription options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify("source.subscribe(f);", {
      plugins: { leakproof: plugin as never },
      rules: { "leakproof/no-leaked-subscription": ["error", options] as Linter.RuleEntry },
    });

  it("accepts a list of teardown method names", () => {
    expect(lint({ teardownMethods: ["shutdown", "release"] })).toEqual([]);
  });
  it("rejects a non-array teardownMethods", () => {
    expect(() => lint({ teardownMethods: "shutdown" })).toThrow(/teardownMethods|should be array|must be array/i);
  });
  it("rejects an unknown property", () => {
    expect(() => lint({ teardown: ["shutdown"] })).toThrow(/additional properties|unexpected property/i);
  });
  it("rejects empty and duplicate method names", () => {
    expect(() => lint({ teardownMethods: [""] })).toThrow(/shorter than 1|fewer than 1/i);
    expect(() => lint({ teardownMethods: ["a", "a"] })).toThrow(/duplicate/i);
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
