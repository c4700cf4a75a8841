/**
 * Type-aware mode (issue 6): with a TypeScript program in the parser services the
 * listener and subscription analyses ask the checker about receivers, handler identity and
 * returned disposers. Each case below runs twice — with `projectService` and without type
 * information — and states the errors of each mode, so every difference is explicit and
 * the untyped behaviour stays pinned.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { RuleTester } from "@typescript-eslint/rule-tester";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { afterAll, describe, expect, it, vi } from "vitest";
import { typeFacts } from "../../src/analysis/engine/type-facts.js";
import plugin from "../../src/index.js";
import listenerRule from "../../src/rules/no-leaked-event-listener.js";
import subscriptionRule from "../../src/rules/no-leaked-subscription.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// The first type-aware case starts TypeScript's project service (seconds on a busy machine).
vi.setConfig({ testTimeout: 60_000 });

/** Strips the first newline and the common indentation, so line 1 is the first line of code. */
function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, "").replace(/\n\s*$/, "\n");
  const lines = raw.split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

/** tests/fixtures/type-aware: tsconfig (allowJs, DOM, node), typed APIs and handler modules the cases import. */
const tsconfigRootDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "type-aware");

const typedTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir, ecmaFeatures: { jsx: true } } },
});
const untypedTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

interface Expected<M extends string> {
  messageId: M;
  line: number;
}

/** One snippet and what each mode reports on it (`[]`: valid). */
interface Case<M extends string> {
  name: string;
  /** A file of the fixture project: `file.ts`, `view.tsx` or `legacy.js`. */
  filename: "file.ts" | "view.tsx" | "legacy.js";
  code: string;
  typed: Expected<M>[];
  untyped: Expected<M>[];
}

function runBoth<M extends string>(ruleName: string, rule: TSESLint.RuleModule<M, readonly unknown[]>, cases: Case<M>[]): void {
  for (const [mode, tester] of [
    ["typed", typedTester],
    ["untyped", untypedTester],
  ] as const) {
    const valid = cases.filter((c) => c[mode].length === 0).map(({ name, filename, code }) => ({ name, filename, code }));
    const invalid = cases
      .filter((c) => c[mode].length > 0)
      .map(({ name, filename, code, ...expected }) => ({ name, filename, code, errors: expected[mode] }));
    tester.run(`${ruleName} (${mode})`, rule, { valid, invalid });
  }
}

// ---------------------------------------------------------------------------
// no-leaked-event-listener

type ListenerMessage = "listenerNeverRemoved" | "removalNeverMatches";
const never = (line: number): Expected<ListenerMessage> => ({ messageId: "listenerNeverRemoved", line });
const neverMatches = (line: number): Expected<ListenerMessage> => ({ messageId: "removalNeverMatches", line });

const listenerCases: Case<ListenerMessage>[] = [
  // --- receivers that are no event target: a custom `on()` that returns its unsubscribe function
  {
    name: "custom bus whose on() returns the unsubscribe function, called when the element disconnects",
    filename: "file.ts",
    code: code`
      import { bus } from "./apis.js";
      export class CartBadge extends HTMLElement {
        private stop: (() => void) | undefined;
        connectedCallback(): void {
          this.stop = bus.on("cart:changed", () => this.render());
        }
        disconnectedCallback(): void {
          this.stop?.();
        }
        render(): void {
          this.textContent = "updated";
        }
      }
    `,
    typed: [],
    untyped: [never(5)],
  },
  {
    name: "signal whose on() returns a disposable, disposed in the effect cleanup",
    filename: "view.tsx",
    code: code`
      import { theme } from "./apis.js";
      export function ThemeLabel() {
        const [name, setName] = useState(theme.value);
        useEffect(() => {
          const subscription = theme.on("change", (value) => setName(value));
          return () => subscription.dispose();
        }, []);
        return <span>{name}</span>;
      }
    `,
    typed: [],
    untyped: [never(5)],
  },
  {
    name: "chainable chart.on() on a type with no way to remove a handler is not an event target",
    filename: "file.ts",
    code: code`
      import { chart } from "./apis.js";
      export class SalesPanel extends HTMLElement {
        connectedCallback(): void {
          chart.on("click", () => this.dispatchEvent(new Event("select")));
          chart.render();
        }
        disconnectedCallback(): void {
          this.replaceChildren();
        }
      }
    `,
    typed: [],
    untyped: [never(4)],
  },
  {
    name: "React Native style addEventListener (no removeEventListener in its type) is left to no-leaked-subscription",
    filename: "view.tsx",
    code: code`
      import { AppState } from "./apis.js";
      export function useAppState(onChange: (state: string) => void) {
        useEffect(() => {
          AppState.addEventListener("change", (state) => onChange(state));
        }, [onChange]);
      }
    `,
    typed: [],
    untyped: [never(4)],
  },
  {
    name: "JS file: the bus imported from a typed module is known in a .js file too",
    filename: "legacy.js",
    code: code`
      import { bus } from "./apis.js";
      export class Counter extends HTMLElement {
        connectedCallback() {
          this.off = bus.on("tick", () => this.render());
        }
        disconnectedCallback() {
          this.off();
        }
        render() {
          this.textContent = String(Date.now());
        }
      }
    `,
    typed: [],
    untyped: [never(4)],
  },

  // --- handler identity across names
  {
    name: "handler imported under a barrel's new name, removed under its own name",
    filename: "file.ts",
    code: code`
      import { handleResize } from "./reexports.js";
      import { onResize } from "./handlers.js";
      export class Layout extends HTMLElement {
        connectedCallback(): void {
          window.addEventListener("resize", handleResize);
        }
        disconnectedCallback(): void {
          window.removeEventListener("resize", onResize);
        }
      }
    `,
    typed: [],
    untyped: [never(5)],
  },
  {
    name: "namespace import member and named import of the same function",
    filename: "file.ts",
    code: code`
      import * as handlers from "./handlers.js";
      import { handleKeydown } from "./reexports.js";
      export class Dialog extends HTMLElement {
        connectedCallback(): void {
          document.addEventListener("keydown", handlers.onKeydown);
        }
        disconnectedCallback(): void {
          document.removeEventListener("keydown", handleKeydown);
        }
      }
    `,
    typed: [],
    untyped: [never(5)],
  },
  {
    name: "const alias exported from another module",
    filename: "file.ts",
    code: code`
      import { scrollHandler } from "./reexports.js";
      import { onScroll } from "./handlers.js";
      export class StickyHeader extends HTMLElement {
        connectedCallback(): void {
          window.addEventListener("scroll", scrollHandler, { passive: true });
        }
        disconnectedCallback(): void {
          window.removeEventListener("scroll", onScroll);
        }
      }
    `,
    typed: [],
    untyped: [never(5)],
  },
  {
    name: "readonly field initialised with a module handler, removed by the handler's name",
    filename: "file.ts",
    code: code`
      import { onResize } from "./handlers.js";
      export class ResizeWatcher {
        private readonly handler = onResize;
        start(): void {
          window.addEventListener("resize", this.handler);
        }
        dispose(): void {
          window.removeEventListener("resize", onResize);
        }
      }
    `,
    typed: [],
    untyped: [never(5)],
  },
  {
    name: "readonly field assigned once in the constructor",
    filename: "file.ts",
    code: code`
      import * as handlers from "./handlers.js";
      import { onScroll } from "./handlers.js";
      export class ScrollSpy {
        private readonly listener: () => void;
        constructor() {
          this.listener = handlers.onScroll;
        }
        start(): void {
          window.addEventListener("scroll", this.listener);
        }
        dispose(): void {
          window.removeEventListener("scroll", onScroll);
        }
      }
    `,
    typed: [],
    untyped: [never(9)],
  },

  // --- the same in both modes: real event targets and emitters, and traps for identity
  {
    name: "typed window listener removed in the teardown",
    filename: "file.ts",
    code: code`
      import { onResize } from "./handlers.js";
      export class Layout extends HTMLElement {
        connectedCallback(): void {
          window.addEventListener("resize", onResize);
        }
        disconnectedCallback(): void {
          window.removeEventListener("resize", onResize);
        }
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "Node EventEmitter listener removed in dispose()",
    filename: "file.ts",
    code: code`
      import { jobs } from "./apis.js";
      export class JobLog {
        private readonly lines: string[] = [];
        private readonly onDone = (id: string): void => {
          this.lines.push(id);
        };
        start(): void {
          jobs.on("done", this.onDone);
        }
        dispose(): void {
          jobs.off("done", this.onDone);
        }
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "typed window listener never removed is still reported",
    filename: "file.ts",
    code: code`
      import { onResize } from "./handlers.js";
      export class Layout extends HTMLElement {
        connectedCallback(): void {
          window.addEventListener("resize", onResize);
        }
        disconnectedCallback(): void {
          this.replaceChildren();
        }
      }
    `,
    typed: [never(4)],
    untyped: [never(4)],
  },
  {
    name: "Node EventEmitter listener never removed is still reported",
    filename: "file.ts",
    code: code`
      import { jobs } from "./apis.js";
      export class JobLog {
        private readonly lines: string[] = [];
        start(): void {
          jobs.on("done", (id: string) => this.lines.push(id));
        }
        dispose(): void {
          this.lines.length = 0;
        }
      }
    `,
    typed: [never(5)],
    untyped: [never(5)],
  },
  {
    name: "a mutable field is not proof of identity: removal by the module name does not count",
    filename: "file.ts",
    code: code`
      import { onResize } from "./handlers.js";
      export class ResizeWatcher {
        private handler = onResize;
        start(): void {
          window.addEventListener("resize", this.handler);
        }
        dispose(): void {
          window.removeEventListener("resize", onResize);
        }
      }
    `,
    typed: [never(5)],
    untyped: [never(5)],
  },
  {
    name: "an `any` receiver falls back to the untyped rules",
    filename: "file.ts",
    code: code`
      import { onResize } from "./handlers.js";
      declare const legacyBus: any;
      export class Layout extends HTMLElement {
        connectedCallback(): void {
          legacyBus.on("resize", onResize);
        }
        disconnectedCallback(): void {
          this.replaceChildren();
        }
      }
    `,
    typed: [never(5)],
    untyped: [never(5)],
  },

  // --- reported only with types
  {
    name: "the same handler (through a barrel) removed from another target can never match",
    filename: "file.ts",
    code: code`
      import { handleResize } from "./reexports.js";
      import { onResize } from "./handlers.js";
      export class Layout extends HTMLElement {
        connectedCallback(): void {
          window.addEventListener("resize", handleResize);
        }
        disconnectedCallback(): void {
          document.removeEventListener("resize", onResize);
        }
      }
    `,
    typed: [never(5), neverMatches(8)],
    untyped: [never(5)],
  },
  {
    name: "a local function that shares the handler's name is a different function",
    filename: "file.ts",
    code: code`
      import * as layout from "./handlers.js";
      function onResize(): void {
        document.body.classList.toggle("narrow", window.innerWidth < 600);
      }
      export class Layout extends HTMLElement {
        connectedCallback(): void {
          window.addEventListener("resize", layout.onResize);
          onResize();
        }
        disconnectedCallback(): void {
          window.removeEventListener("resize", onResize);
        }
      }
    `,
    typed: [never(7)],
    untyped: [],
  },
];

runBoth("no-leaked-event-listener", listenerRule, listenerCases);

// ---------------------------------------------------------------------------
// no-leaked-subscription

type SubscriptionMessage = "discarded" | "neverReleased";
const discarded = (line: number): Expected<SubscriptionMessage> => ({ messageId: "discarded", line });
const neverReleased = (line: number): Expected<SubscriptionMessage> => ({ messageId: "neverReleased", line });

const subscriptionCases: Case<SubscriptionMessage>[] = [
  // --- `.subscribe()` on something that is no observable
  {
    name: "a mailing list's subscribe() returns a promise (not awaited)",
    filename: "view.tsx",
    code: code`
      import { newsletter } from "./apis.js";
      export function SignupBanner({ email }: { email: string }) {
        useEffect(() => {
          newsletter.subscribe(email, () => console.info("confirmed", email));
        }, [email]);
        return null;
      }
    `,
    typed: [],
    untyped: [discarded(4)],
  },
  {
    name: "a feature-flag service's subscribe() returns a boolean",
    filename: "file.ts",
    code: code`
      import { flags } from "./apis.js";
      export class BetaBanner extends HTMLElement {
        connectedCallback(): void {
          flags.subscribe((all) => this.toggleAttribute("hidden", !all.beta));
        }
        disconnectedCallback(): void {
          this.removeAttribute("hidden");
        }
      }
    `,
    typed: [],
    untyped: [discarded(4)],
  },
  {
    name: "JS file: a promise-returning subscribe() imported from a typed module",
    filename: "legacy.js",
    code: code`
      import { push } from "./apis.js";
      export class Signup extends HTMLElement {
        connectedCallback() {
          push.subscribe((text) => this.classList.toggle("done", text === "ok"));
        }
        disconnectedCallback() {
          this.classList.remove("done");
        }
      }
    `,
    typed: [],
    untyped: [discarded(4)],
  },

  // --- released in both modes
  {
    name: "store subscribe() returning an unsubscribe function, returned as the cleanup",
    filename: "view.tsx",
    code: code`
      import { cart } from "./apis.js";
      export function CartCount() {
        const [count, setCount] = useState(cart.getState().items.length);
        useEffect(() => cart.subscribe(() => setCount(cart.getState().items.length)), []);
        return <b>{count}</b>;
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "RxJS subscription unsubscribed in the cleanup",
    filename: "view.tsx",
    code: code`
      import { interval } from "rxjs";
      export function Clock() {
        const [now, setNow] = useState(Date.now());
        useEffect(() => {
          const subscription = interval(1000).subscribe(() => setNow(Date.now()));
          return () => subscription.unsubscribe();
        }, []);
        return <time>{now}</time>;
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "token-style pub/sub: the token is unsubscribed in the cleanup",
    filename: "view.tsx",
    code: code`
      import { PubSub } from "./apis.js";
      export function Toasts() {
        const [last, setLast] = useState<unknown>(null);
        useEffect(() => {
          const token = PubSub.subscribe("toast", (data) => setLast(data));
          return () => PubSub.unsubscribe(token);
        }, []);
        return <output>{String(last)}</output>;
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "an imported helper's disposer kept and returned as the cleanup",
    filename: "view.tsx",
    code: code`
      import { watchTheme } from "./apis.js";
      export function ThemeRoot() {
        useEffect(() => {
          const stop = watchTheme((theme) => document.documentElement.setAttribute("data-theme", theme));
          return stop;
        }, []);
        return null;
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "a helper returning void is no disposer",
    filename: "view.tsx",
    code: code`
      import { logTheme } from "./apis.js";
      export function ThemeLogger() {
        useEffect(() => {
          logTheme((theme) => console.debug(theme));
        }, []);
        return null;
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "a callback made by a helper and used as a handler is not a dropped disposer",
    filename: "view.tsx",
    code: code`
      import { makeToggle } from "./apis.js";
      export function Switch() {
        const [on, setOn] = useState(false);
        useEffect(() => {
          const toggle = makeToggle(setOn);
          document.body.addEventListener("dblclick", toggle, { once: true });
        }, []);
        return <span>{on ? "on" : "off"}</span>;
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "custom bus on(): the returned unsubscribe function is the cleanup",
    filename: "view.tsx",
    code: code`
      import { bus } from "./apis.js";
      export function CartBadge() {
        const [count, setCount] = useState(0);
        useEffect(() => {
          const off = bus.on("cart:changed", () => setCount((n) => n + 1));
          return off;
        }, []);
        return <b>{count}</b>;
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "React Native style subscription removed in the cleanup",
    filename: "view.tsx",
    code: code`
      import { AppState } from "./apis.js";
      export function useAppState(onChange: (state: string) => void) {
        useEffect(() => {
          const subscription = AppState.addEventListener("change", (state) => onChange(state));
          return () => subscription.remove();
        }, [onChange]);
      }
    `,
    typed: [],
    untyped: [],
  },

  // --- reported only with types
  {
    name: "subscribe() with only a topic still returns a subscription that must end",
    filename: "view.tsx",
    code: code`
      import { prices } from "./apis.js";
      export function Ticker({ symbol }: { symbol: string }) {
        useEffect(() => {
          prices.subscribe(\`quotes:\${symbol}\`);
        }, [symbol]);
        return <span>{symbol}</span>;
      }
    `,
    typed: [discarded(4)],
    untyped: [],
  },
  {
    name: "`void` does not make a store's unsubscribe function a promise",
    filename: "view.tsx",
    code: code`
      import { cart } from "./apis.js";
      export function CartWatcher() {
        useEffect(() => {
          void cart.subscribe(() => console.info(cart.getState().items));
        }, []);
        return null;
      }
    `,
    typed: [discarded(4)],
    untyped: [],
  },
  {
    name: "an imported helper's returned disposer is dropped",
    filename: "view.tsx",
    code: code`
      import { watchTheme } from "./apis.js";
      export function ThemeRoot() {
        useEffect(() => {
          watchTheme((theme) => document.documentElement.setAttribute("data-theme", theme));
        }, []);
        return null;
      }
    `,
    typed: [discarded(4)],
    untyped: [],
  },
  {
    name: "an imported helper's returned { remove } handle is dropped",
    filename: "view.tsx",
    code: code`
      import { subscribeConnectivity } from "./apis.js";
      export function OfflineBanner() {
        const [online, setOnline] = useState(true);
        useEffect(() => {
          subscribeConnectivity(setOnline);
        }, []);
        return online ? null : <p>Offline</p>;
      }
    `,
    typed: [discarded(5)],
    untyped: [],
  },
  {
    name: "limitation: a file that names no API the engine knows is skipped before any type question",
    filename: "view.tsx",
    code: code`
      import { onConnectivity } from "./apis.js";
      export function OfflineBanner() {
        const [online, setOnline] = useState(true);
        useEffect(() => {
          onConnectivity(setOnline);
        }, []);
        return online ? null : <p>Offline</p>;
      }
    `,
    typed: [],
    untyped: [],
  },
  {
    name: "custom bus on(): the unsubscribe function it returns is dropped",
    filename: "view.tsx",
    code: code`
      import { bus } from "./apis.js";
      export function CartBadge() {
        const [count, setCount] = useState(0);
        useEffect(() => {
          bus.on("cart:changed", () => setCount((n) => n + 1));
        }, []);
        return <b>{count}</b>;
      }
    `,
    typed: [discarded(5)],
    untyped: [],
  },
  {
    name: "custom bus on(): the unsubscribe function is kept but never called",
    filename: "view.tsx",
    code: code`
      import { bus } from "./apis.js";
      export function CartBadge() {
        const [count, setCount] = useState(0);
        useEffect(() => {
          const off = bus.on("cart:changed", () => setCount((n) => n + 1));
          console.debug("listening", typeof off);
        }, []);
        return <b>{count}</b>;
      }
    `,
    typed: [neverReleased(5)],
    untyped: [],
  },
  {
    name: "React Native style subscription dropped",
    filename: "view.tsx",
    code: code`
      import { AppState } from "./apis.js";
      export function useAppState(onChange: (state: string) => void) {
        useEffect(() => {
          AppState.addEventListener("change", (state) => onChange(state));
        }, [onChange]);
      }
    `,
    typed: [discarded(4)],
    untyped: [],
  },
  {
    name: "signal on() returning a disposable, dropped in a class with a teardown",
    filename: "file.ts",
    code: code`
      import { theme } from "./apis.js";
      export class ThemeBadge {
        label = "";
        start(): void {
          theme.on("change", (value) => {
            this.label = value;
          });
        }
        dispose(): void {
          this.label = "";
        }
      }
    `,
    typed: [discarded(5)],
    untyped: [],
  },

  // --- reported in both modes
  {
    name: "RxJS interval subscription dropped",
    filename: "view.tsx",
    code: code`
      import { interval } from "rxjs";
      export function Clock() {
        const [now, setNow] = useState(Date.now());
        useEffect(() => {
          interval(1000).subscribe(() => setNow(Date.now()));
        }, []);
        return <time>{now}</time>;
      }
    `,
    typed: [discarded(5)],
    untyped: [discarded(5)],
  },
  {
    name: "an `any` receiver falls back to the call's shape",
    filename: "view.tsx",
    code: code`
      declare const hub: any;
      export function Presence() {
        useEffect(() => {
          hub.subscribe((users: string[]) => console.info(users.length));
        }, []);
        return null;
      }
    `,
    typed: [discarded(4)],
    untyped: [discarded(4)],
  },
  {
    name: "store unsubscribe function kept in a field and never called",
    filename: "file.ts",
    code: code`
      import { cart } from "./apis.js";
      export class CartWidget {
        private unsubscribe: (() => void) | undefined;
        count = 0;
        mount(): void {
          this.unsubscribe = cart.subscribe(() => {
            this.count = cart.getState().items.length;
          });
        }
        dispose(): void {
          this.count = 0;
        }
      }
    `,
    typed: [neverReleased(6)],
    untyped: [neverReleased(6)],
  },
];

runBoth("no-leaked-subscription", subscriptionRule, subscriptionCases);

describe("case counts", () => {
  it("has at least 15 valid and 15 invalid type-aware cases", () => {
    const all = [...listenerCases, ...subscriptionCases];
    expect(all.filter((c) => c.typed.length === 0).length).toBeGreaterThanOrEqual(15);
    expect(all.filter((c) => c.typed.length > 0).length).toBeGreaterThanOrEqual(15);
    // Every case differs between modes or pins that it does not.
    expect(all.filter((c) => JSON.stringify(c.typed) !== JSON.stringify(c.untyped)).length).toBeGreaterThanOrEqual(20);
  });
});

// ---------------------------------------------------------------------------
// TypeFacts answers, read through a probe rule: `kind(x)`, `same(a, b)`, `disposer(call())`.

type Answer = string | boolean | undefined;

function probe(source: string, filename: string, typed = true): Answer[] {
  const answers: Answer[] = [];
  const rule: TSESLint.RuleModule<never> = {
    defaultOptions: [],
    meta: { type: "problem", messages: {}, schema: [] },
    create(context) {
      const facts = typeFacts(context.sourceCode);
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== "Identifier") return;
          const [a, b] = node.arguments as TSESTree.Node[];
          if (node.callee.name === "kind" && a) answers.push(facts?.receiverKind(a));
          if (node.callee.name === "same" && a && b) answers.push(facts?.sameFunction(a, b));
          if (node.callee.name === "disposer" && a?.type === "CallExpression") answers.push(facts?.returnsDisposer(a));
        },
      };
    },
  };
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    source,
    [
      {
        files: ["**/*.{js,ts,tsx}"],
        languageOptions: {
          parser: tsParser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir, ecmaFeatures: { jsx: true } } : {},
        },
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { "probe/probe": "error" },
      },
    ],
    path.join(tsconfigRootDir, filename),
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return answers;
}

describe("TypeFacts", () => {
  it("classifies receivers by their type", () => {
    const answers = probe(
      code`
        import { PassThrough } from "node:stream";
        import { interval } from "rxjs";
        import { bus, cart, chart, jobs, mqtt, newsletter, PubSub } from "./apis.js";
        declare const any: any;
        declare const either: Window | typeof bus;
        declare function kind(value: unknown): void;
        kind(window);
        kind(document.body);
        kind(jobs);
        kind(process);
        kind(new PassThrough());
        kind(interval(10));
        kind(cart);
        kind(PubSub);
        kind(bus);
        kind(chart);
        kind(newsletter);
        kind(any);
        kind(either);
        kind(mqtt);
      `,
      "file.ts",
    );
    expect(answers).toEqual([
      "event-target",
      "event-target",
      "emitter",
      "emitter",
      "node-stream",
      "observable",
      "observable",
      "observable",
      "other",
      "other",
      "other",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("follows handler identity through aliases, re-exports and readonly fields", () => {
    const answers = probe(
      code`
        import { onResize, onScroll } from "./handlers.js";
        import * as handlers from "./handlers.js";
        import { handleResize, scrollHandler } from "./reexports.js";
        declare function same(a: unknown, b: unknown): void;
        declare let mutable: () => void;
        const alias = onResize;
        class Holder {
          readonly fixed = onResize;
          loose = onResize;
          readonly twice: () => void;
          readonly perInstance = () => undefined;
          constructor(flag: boolean) {
            if (flag) this.twice = onResize;
            else this.twice = onScroll;
          }
          check(other: Holder): void {
            same(this.fixed, onResize);
            same(this.loose, onResize);
            same(this.twice, onResize);
            same(this.perInstance, other.perInstance);
          }
        }
        same(handleResize, onResize);
        same(handlers.onResize, alias);
        same(scrollHandler, onScroll);
        same(onResize, onScroll);
        same(mutable, onResize);
      `,
      "file.ts",
    );
    expect(answers).toEqual([true, undefined, undefined, undefined, true, true, true, false, undefined]);
  });

  it("tells returned disposers from other results", () => {
    const answers = probe(
      code`
        import { bus, cart, chart, logTheme, makeToggle, newsletter, onConnectivity, watchTheme } from "./apis.js";
        declare const any: any;
        declare function disposer(value: unknown): void;
        disposer(watchTheme(() => undefined));
        disposer(onConnectivity(() => undefined));
        disposer(cart.subscribe(() => undefined));
        disposer(bus.on("x", () => undefined));
        disposer(makeToggle(() => undefined));
        disposer(logTheme(() => undefined));
        disposer(newsletter.subscribe("a@b.c", () => undefined));
        disposer(chart.on("click", () => undefined));
        disposer(any.watch(() => undefined));
      `,
      "file.ts",
    );
    // `makeToggle` returns `() => void` too: only where the result is dropped does the engine ask.
    expect(answers).toEqual([true, true, true, true, true, false, false, false, undefined]);
  });

  it("is absent without type information", () => {
    expect(probe("declare function kind(v: unknown): void;\nkind(window);\n", "file.ts", false)).toEqual([undefined]);
  });
});

// ---------------------------------------------------------------------------
// No crash in type-aware mode: `any`, unresolved imports, type errors, JS and TSX files.

describe("type-aware mode never crashes", () => {
  const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`leakproof/${name}`, "error" as const]));
  const linter = new Linter({ configType: "flat" });
  const lint = (source: string, filename: string) =>
    linter.verify(
      source,
      [
        {
          files: ["**/*.{js,ts,tsx}"],
          languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir, ecmaFeatures: { jsx: true } } },
          plugins: { leakproof: plugin as never },
          rules: allRules,
        },
      ],
      path.join(tsconfigRootDir, filename),
    );

  it.each([
    [
      "file.ts",
      code`
        import { missing } from "./does-not-exist.js";
        import widget from "not-an-installed-package";
        declare const anything: any;
        export class Widget {
          private stop: any;
          start(): void {
            anything.addEventListener("x", anything.handler);
            anything.removeEventListener("x", missing);
            widget.on("x", missing);
            this.stop = anything.subscribe(missing);
            missing(() => undefined);
            setInterval(anything, 1000);
            const url = URL.createObjectURL(anything);
            new ResizeObserver(anything).observe(anything);
            anything.pipe(widget);
          }
          dispose(): void {
            widget.off("x", anything);
          }
        }
      `,
    ],
    [
      "file.ts",
      code`
        // Type errors everywhere: the checker still answers, or says it cannot tell.
        const n: number = "text";
        const handler: string = () => 1;
        window.addEventListener("resize", handler);
        window.removeEventListener(42, handler);
        undefinedThing.on("x", handler).subscribe(handler);
        export function f<T>(target: T, fn: () => void) {
          (target as any).addEventListener("x", fn);
          return (target as unknown as { subscribe(f: () => void): unknown }).subscribe(fn);
        }
      `,
    ],
    [
      "legacy.js",
      code`
        import { bus } from "./apis.js";
        import thing from "./nowhere.js";
        export function attach(el, handler) {
          el.addEventListener("click", handler);
          bus.on("x", handler);
          thing.subscribe(handler);
          const off = thing.on("y", handler);
          return () => off && off();
        }
        export class Legacy {
          constructor() { this.h = handler; }
          start() { window.addEventListener("x", this.h); }
          dispose() { window.removeEventListener("x", this.h); }
        }
      `,
    ],
    [
      "view.tsx",
      code`
        import { useEffect } from "react";
        import { bus, cart } from "./apis.js";
        import { helper } from "./missing.js";
        export function View<T extends EventTarget>({ target }: { target: T }) {
          useEffect(() => {
            target.addEventListener("x", helper);
            bus.on("x", helper);
            helper(cart.subscribe(() => undefined));
            void helper(helper);
          }, [target]);
          return <div onClick={helper}>{String(cart.getState().items.length)}</div>;
        }
      `,
    ],
  ])("%s (%#)", (filename, source) => {
    const messages = lint(source, filename);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });
});
