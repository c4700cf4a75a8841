/**
 * The cross-file checks on small projects, one shape per case: owners (effects, Vue setups,
 * classes, handlers, loops), how a handle is used (dropped, kept, released, handed on), how a
 * name reaches its declaration (re-exports, namespaces, defaults), and the traps that must stay
 * quiet (same-file calls, one-time module code, self-cleaning helpers, public API).
 */
import { afterAll, describe, expect, it } from "vitest";
import { AuditSetupError, audit } from "../../src/audit/index.js";
import { auditKeys, keys, project, removeProjects } from "./helpers.js";

afterAll(removeProjects);

const POLLING = `export function startPolling(fn: () => void): () => void {
  const id = setInterval(fn, 1000);
  return () => clearInterval(id);
}
`;

const LISTEN = `export function listen(target: EventTarget, type: string, fn: () => void) {
  target.addEventListener(type, fn);
  return () => target.removeEventListener(type, fn);
}
`;

describe("returned handles", () => {
  it("reports a disposer dropped in a React effect as proven, and accepts the returned or called one", async () => {
    const found = await auditKeys({
      "src/polling.ts": POLLING,
      "src/Clock.tsx": `import { useEffect } from "react";
import { startPolling } from "./polling.js";
export function Clock() {
  useEffect(() => {
    startPolling(() => console.log("tick"));
  }, []);
  useEffect(() => startPolling(() => console.log("tock")), []);
  useEffect(() => {
    const stop = startPolling(() => console.log("tack"));
    return () => stop();
  }, []);
  return <span />;
}
`,
    });
    expect(found).toEqual(["src/Clock.tsx:5 returned-handle proven"]);
  });

  it("grades a release that runs only in some other callback as probable", async () => {
    const found = await auditKeys({
      "src/polling.ts": POLLING,
      "src/Panel.tsx": `import { useEffect } from "react";
import { startPolling } from "./polling.js";
export function Panel() {
  useEffect(() => {
    const stop = startPolling(() => console.log("tick"));
    document.addEventListener("keydown", () => stop(), { once: true });
  }, []);
  return <div />;
}
`,
    });
    expect(found).toEqual(["src/Panel.tsx:5 returned-handle probable"]);
  });

  it("follows barrels, renamed re-exports, namespace imports and default exports", async () => {
    const found = await auditKeys({
      "src/lib/polling.ts": POLLING,
      "src/lib/listen.ts": `export default ${LISTEN.replace("export function listen", "function listen")}`,
      "src/lib/index.ts": `export * from "./polling.js";\nexport { default as on } from "./listen.js";\n`,
      "src/a.ts": `import * as lib from "./lib/index.js";
export function handle(req: unknown, res: unknown) {
  lib.startPolling(() => undefined);
}
`,
      "src/b.ts": `import { on } from "./lib/index.js";
export function onEachMessage(messages: string[]) {
  for (const message of messages) on(window, "resize", () => console.log(message));
}
`,
    });
    expect(found).toEqual(["src/a.ts:3 returned-handle proven", "src/b.ts:3 returned-handle proven"]);
  });

  it("judges a parameter-held listener by the argument: window is proven, a local element probable", async () => {
    const found = await auditKeys({
      "src/listen.ts": LISTEN,
      "src/use.ts": `import { listen } from "./listen.js";
export function onEachRequest(req: unknown, res: unknown) {
  listen(window, "resize", () => undefined);
  const button = document.createElement("button");
  listen(button, "click", () => undefined);
}
`,
    });
    expect(found).toEqual(["src/use.ts:3 returned-handle proven", "src/use.ts:5 returned-handle probable"]);
  });

  it("follows a helper that passes another file's handle on to its own callers", async () => {
    const found = await auditKeys({
      "src/polling.ts": POLLING,
      "src/refresh.ts": `import { startPolling } from "./polling.js";
export function autoRefresh(render: () => void) {
  const stop = startPolling(render);
  return () => {
    stop();
  };
}
`,
      "src/view.ts": `import { autoRefresh } from "./refresh.js";
export class View {
  private readonly off = autoRefresh(() => this.draw());
  draw() {}
  destroy() {}
}
`,
    });
    expect(found).toEqual(["src/view.ts:3 returned-handle proven"]);
  });

  it("counts a release in afterEach for what beforeEach set up, and names the strongest holder", async () => {
    const dir = project({
      "src/nav.ts": `export function trackKeys(onKey: () => void): () => void {
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const record = () => {
    clearTimeout(timeout);
    timeout = setTimeout(onKey, 0);
  };
  window.addEventListener("keydown", record);
  return () => {
    clearTimeout(timeout);
    window.removeEventListener("keydown", record);
  };
}
`,
      "src/nav.test.ts": `import { trackKeys } from "./nav.js";
declare function beforeEach(fn: () => void): void;
declare function afterEach(fn: () => void): void;
declare function it(name: string, fn: () => void): void;
let stop: () => void;
beforeEach(() => {
  stop = trackKeys(() => undefined);
});
afterEach(() => stop());
it("leaks one", () => {
  trackKeys(() => undefined);
});
`,
    });
    const result = await audit({ cwd: dir });
    expect(keys(result.findings)).toEqual(["src/nav.test.ts:11 returned-handle probable"]);
    expect(result.findings[0]!.message).toContain("a `keydown` listener on `window`");
  });

  it("returns objects with release methods as subscriptions", async () => {
    const found = await auditKeys({
      "src/feed.ts": `export function openFeed(onTick: () => void) {
  const timer = setInterval(onTick, 500);
  return { close() { clearInterval(timer); }, paused: false };
}
`,
      "src/use.ts": `import { openFeed } from "./feed.js";
export function handle(req: unknown, res: unknown) {
  const feed = openFeed(() => undefined);
  console.log(feed.paused);
}
export function handleAndClose(req: unknown, res: unknown) {
  const feed = openFeed(() => undefined);
  feed.close();
}
`,
    });
    expect(found).toEqual(["src/use.ts:3 returned-handle proven"]);
  });

  it("takes no debounced function for a disposer, and honours { once: true } passed through a helper", async () => {
    const found = await auditKeys({
      "src/util.ts": `export function debounce(fn: () => void, ms: number) {
  let handle: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(handle);
    handle = setTimeout(fn, ms);
  };
}
export function on(target: EventTarget, type: string, fn: () => void, options?: AddEventListenerOptions) {
  target.addEventListener(type, fn, options);
  return () => target.removeEventListener(type, fn, options);
}
`,
      "src/use.ts": `import { debounce, on } from "./util.js";
export function handle(req: unknown, res: unknown) {
  debounce(() => undefined, 100);
  on(window, "pointerup", () => undefined, { once: true });
  on(window, "pointermove", () => undefined);
}
`,
    });
    expect(found).toEqual(["src/use.ts:5 returned-handle proven"]);
  });

  it("stays quiet on same-file calls, one-time module code, handed-on handles and self-cleaning helpers", async () => {
    const found = await auditKeys({
      "src/polling.ts": `${POLLING}
export function handle(req: unknown, res: unknown) {
  startPolling(() => undefined); // same file: the ESLint rules' job
}
`,
      "src/scoped.ts": `import { onScopeDispose } from "vue";
export function usePolling(fn: () => void) {
  const id = setInterval(fn, 1000);
  onScopeDispose(() => clearInterval(id));
  return () => clearInterval(id);
}
`,
      "src/main.ts": `import { startPolling } from "./polling.js";
import { usePolling } from "./scoped.js";
startPolling(() => console.log("for the life of the process"));
const stops: Array<() => void> = [];
export function handle(req: unknown, res: unknown) {
  stops.push(startPolling(() => undefined));
  usePolling(() => undefined);
  return startPolling(() => undefined);
}
`,
    });
    expect(found).toEqual([]);
  });

  it("does not take a local function of the same name for the import", async () => {
    const found = await auditKeys({
      "src/polling.ts": POLLING,
      "src/use.ts": `import { startPolling } from "./polling.js";
export function handle(req: unknown, res: unknown) {
  const startPolling = (fn: () => void) => fn;
  startPolling(() => undefined);
}
export const keep = startPolling;
`,
    });
    expect(found).toEqual([]);
  });

  it("judges Vue setups by their registered cleanups", async () => {
    const found = await auditKeys({
      "src/polling.ts": POLLING,
      "src/useA.ts": `import { onUnmounted } from "vue";
import { startPolling } from "./polling.js";
export function useA() {
  const stop = startPolling(() => undefined);
  onUnmounted(() => stop());
}
`,
      "src/useB.ts": `import { ref } from "vue";
import { startPolling } from "./polling.js";
export function useB() {
  const count = ref(0);
  const stop = startPolling(() => count.value++);
  return { count, stop };
}
export function useC() {
  const stop = startPolling(() => undefined);
  return { stopped: false };
}
`,
    });
    expect(found).toEqual(["src/useB.ts:9 returned-handle proven"]);
  });
});

const STREAM = `export class Stream {
  private timer = setInterval(() => this.tick(), 1000);
  tick() {}
  [Symbol.dispose]() {
    clearInterval(this.timer);
  }
  dispose() {
    this[Symbol.dispose]();
  }
}
`;

describe("instances", () => {
  it("accepts using, DisposableStack and a teardown call; reports the instance that is only used", async () => {
    const found = await auditKeys({
      "src/stream.ts": STREAM,
      "src/use.ts": `import { Stream } from "./stream.js";
export function a(req: unknown, res: unknown) {
  using stream = new Stream();
  stream.tick();
}
export function b(req: unknown, res: unknown) {
  const stack = new DisposableStack();
  const stream = stack.use(new Stream());
  stream.tick();
  stack.dispose();
}
export function c(req: unknown, res: unknown) {
  const stream = new Stream();
  try {
    stream.tick();
  } finally {
    stream.dispose();
  }
}
export function d(req: unknown, res: unknown) {
  const stream = new Stream();
  stream.tick();
}
export function e(req: unknown, res: unknown) {
  new Stream().tick();
}
`,
    });
    expect(found).toEqual(["src/use.ts:21 undisposed-instance proven", "src/use.ts:25 undisposed-instance proven"]);
  });

  it("skips classes that only acquire in a method the caller never calls, and framework classes", async () => {
    const found = await auditKeys({
      "src/poller.ts": `export class Poller {
  private id: ReturnType<typeof setInterval> | undefined;
  start() { this.id = setInterval(() => undefined, 1000); }
  status() { return this.id === undefined ? "idle" : "running"; }
  stop() { clearInterval(this.id); }
}
export class Ticker extends HTMLElement {
  private id = setInterval(() => undefined, 1000);
  disconnectedCallback() { clearInterval(this.id); }
}
`,
      "src/use.ts": `import { Poller, Ticker } from "./poller.js";
export function status(req: unknown, res: unknown) {
  const poller = new Poller();
  return poller.status() === "idle";
}
export function started(req: unknown, res: unknown) {
  const poller = new Poller();
  poller.start();
}
export function element(req: unknown, res: unknown) {
  const ticker = new Ticker();
  document.body.append(ticker);
}
export function shutdown(poller: Poller) {
  poller.stop();
}
`,
    });
    expect(found).toEqual(["src/use.ts:7 undisposed-instance proven"]);
  });
});

describe("what counts as a teardown", () => {
  it("takes no method that needs an argument for a teardown", async () => {
    const found = await auditKeys({
      "src/hub.ts": `export class Hub {
  private timer = setInterval(() => undefined, 1000);
  disconnect(room: string) { console.log("leave", room); }
  close(code?: number) { clearInterval(this.timer); console.log(code); }
}
`,
      "src/use.ts": `import { Hub } from "./hub.js";
export function handle(req: unknown, res: unknown) {
  const hub = new Hub();
  hub.disconnect("lobby");
}
`,
    });
    // close() is the teardown: nothing calls it, and the handler never closes its hub.
    expect(found).toEqual(["src/hub.ts:4 uncalled-teardown proven", "src/use.ts:3 undisposed-instance proven"]);
  });
});

describe("instances released through the handles they hand out", () => {
  it("accepts an observer kept only through its kept subscription, not one whose subscription is dropped", async () => {
    const found = await auditKeys({
      "src/observer.ts": `export class Observer {
  private listeners = new Set<() => void>();
  private timer = setInterval(() => this.listeners.forEach((fn) => fn()), 1000);
  subscribe(fn: () => void) {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0) this.destroy();
    };
  }
  destroy() { clearInterval(this.timer); }
}
`,
      "src/use.ts": `import { Observer } from "./observer.js";
export function kept(req: unknown, res: unknown) {
  const observer = new Observer();
  const unsubscribe = observer.subscribe(() => undefined);
  return unsubscribe;
}
export function dropped(req: unknown, res: unknown) {
  const observer = new Observer();
  observer.subscribe(() => undefined);
}
`,
    });
    expect(found).toEqual(["src/use.ts:8 undisposed-instance proven"]);
  });
});

describe("teardown methods nobody calls", () => {
  it("stays quiet when a teardown is called generically or the class is public API", async () => {
    const found = await auditKeys({
      "src/disposables.ts": `export interface Disposable { dispose(): void }
export const disposables: Disposable[] = [];
export function disposeAll() {
  for (const d of disposables) d.dispose();
  disposables.length = 0;
}
`,
      "src/watcher.ts": `export class Watcher {
  private id = setInterval(() => undefined, 1000);
  dispose() { clearInterval(this.id); }
}
`,
      "src/index.ts": `export class PublicClock {
  private id = setInterval(() => undefined, 1000);
  close() { clearInterval(this.id); }
}
import { Watcher } from "./watcher.js";
import { disposables } from "./disposables.js";
export function watch() {
  disposables.push(new Watcher());
  return new PublicClock();
}
`,
    });
    expect(found).toEqual([]);
  });

  it("reports a teardown no code calls, graded by where instances are made", async () => {
    const dir = project({
      "src/sweeper.ts": `export class Sweeper {
  private id = setInterval(() => undefined, 1000);
  destroy() { clearInterval(this.id); }
}
`,
      "src/app.ts": `import { Sweeper } from "./sweeper.js";
const all = new Set<Sweeper>();
export function once() {
  all.add(new Sweeper());
}
`,
      "src/main.ts": `import { once } from "./app.js";\nonce();\n`,
    });
    const result = await audit({ cwd: dir });
    expect(keys(result.findings)).toEqual(["src/sweeper.ts:3 uncalled-teardown probable"]);
    expect(result.findings[0]!.message).toContain("`Sweeper.destroy()` is never called");
    expect(result.findings[0]!.related).toEqual([{ file: "src/app.ts", line: 4, column: 11, message: "instance created here" }]);
    const recommended = await audit({ cwd: dir, includeProbable: false });
    expect(recommended.findings).toEqual([]);
    expect(recommended.hiddenProbable).toBe(1);
  });
});

describe("shared collections", () => {
  it("reports growth from other modules' repeated code only", async () => {
    const found = await auditKeys({
      "src/state.ts": `export const seen = new Set<string>();
export const byName = new Map<string, number>();
export const plugins: string[] = [];
export const cache = new WeakMap<object, number>();
export const visits = new Map<string, number>();
export const jobs: string[] = [];
export function forget(id: string) { visits.delete(id); }
`,
      "src/plugins.ts": `import { plugins, byName } from "./state.js";
plugins.push("core");
byName.set("core", 1);
`,
      "src/handler.ts": `import { seen, byName, cache, visits } from "./state.js";
export function handle(req: { id: string }, res: unknown) {
  seen.add(req.id);
  byName.set("total", 1);
  cache.set(req, 1);
  visits.set(req.id, 1);
}
`,
      "src/jobs.ts": `import { jobs } from "./state.js";
import { drain } from "./drain.js";
export function enqueue(job: string) {
  jobs.push(job);
  drain(jobs);
}
`,
      "src/drain.ts": `export function drain(list: string[]) { list.splice(0); }\n`,
    });
    expect(found).toEqual(["src/state.ts:1 shared-collection proven"]);
  });

  it("grades adds from a plain function as probable", async () => {
    const found = await auditKeys({
      "src/log.ts": `export const lines: string[] = [];\n`,
      "src/write.ts": `import { lines } from "./log.js";\nexport function note(text: string) {\n  lines.push(text);\n}\n`,
    });
    expect(found).toEqual(["src/log.ts:1 shared-collection probable"]);
  });
});

describe("robustness", () => {
  it("works on JavaScript without a project file, and on code that does not type-check", async () => {
    const dir = project({
      "tsconfig.json": null,
      "lib/poll.js": `export function poll(fn) {\n  const id = setInterval(fn, 10);\n  return () => clearInterval(id);\n}\n`,
      "lib/use.mjs": `import { poll } from "./poll.js";\nexport function handle(req, res) {\n  poll(() => res.missing.method());\n}\nconst x: number = "not js";\n`,
    });
    const result = await audit({ cwd: dir, paths: ["lib"] });
    expect(result.project).toBeUndefined();
    expect(keys(result.findings)).toEqual(["lib/use.mjs:3 returned-handle proven"]);
  });

  it("follows CommonJS require() and module.exports in JavaScript projects", async () => {
    const found = await auditKeys({
      "tsconfig.json": null,
      "jsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs", checkJs: false }, include: ["lib"] }),
      "lib/poll.js": `function poll(fn) {\n  const id = setInterval(fn, 10);\n  return () => clearInterval(id);\n}\nmodule.exports = { poll };\n`,
      "lib/stream.js": `class Stream {\n  constructor() { this.id = setInterval(() => {}, 10); }\n  close() { clearInterval(this.id); }\n}\nmodule.exports = Stream;\n`,
      "lib/use.js": `const { poll } = require("./poll");\nconst lib = require("./poll.js");\nconst Stream = require("./stream");\nfunction handle(req, res) {\n  poll(() => {});\n  lib.poll(() => {});\n  const stream = new Stream();\n  stream.close();\n}\nfunction leak(req, res) {\n  new Stream();\n}\nmodule.exports = { handle, leak };\n`,
    });
    expect(found).toEqual(["lib/use.js:11 undisposed-instance proven", "lib/use.js:5 returned-handle proven", "lib/use.js:6 returned-handle proven"]);
  });

  it("rejects a project file it cannot read with a setup error", async () => {
    const dir = project({ "tsconfig.json": "{ this is not json", "src/a.ts": "export const a = 1;\n" });
    await expect(audit({ cwd: dir })).rejects.toThrow(AuditSetupError);
    await expect(audit({ cwd: dir, project: "missing.json" })).rejects.toThrow(/no such project file/);
  });
});
