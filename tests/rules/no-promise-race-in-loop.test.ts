import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-promise-race-in-loop.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const loop = (line: number) => ({ messageId: "raceInLoop" as const, line });
const recursion = (line: number) => ({ messageId: "raceInRecursion" as const, line });

describe("schema", () => {
  it("takes no options", () => {
    expect(rule.meta.schema).toEqual([]);
  });

  it("rejects any option with a schema error", () => {
    const verify = () =>
      new Linter({ configType: "flat" }).verify("while (true) Promise.race([a(), b]);", [
        {
          plugins: { leakproof: plugin as never },
          rules: { "leakproof/no-promise-race-in-loop": ["error", { loops: "all" }] as Linter.RuleEntry },
        },
      ]);
    expect(verify).toThrow(/no-promise-race-in-loop/);
  });
});

ruleTester.run("no-promise-race-in-loop", rule, {
  valid: [
    // --- owners that do it right: racers created in the iteration ---
    {
      name: "awaits the iterator directly, cancels through return()",
      code: `
async function forward(iterator, signal, send) {
  const onAbort = () => void iterator.return?.();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    while (true) {
      const result = await iterator.next();
      if (result.done) break;
      send(result.value);
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}`,
    },
    {
      name: "per-iteration abort promise whose listener is removed",
      code: `
async function pump(transport, signal, onFrame) {
  while (!signal.aborted) {
    let onAbort;
    const aborted = new Promise((resolve) => {
      onAbort = () => resolve(null);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      const frame = await Promise.race([transport.read(), aborted]);
      if (frame === null) return;
      onFrame(frame);
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }
}`,
    },
    {
      name: "per-iteration timeout race",
      code: `
async function fetchAll(urls) {
  const out = [];
  for (const url of urls) {
    out.push(await Promise.race([fetch(url), sleep(5000).then(() => { throw new Error("timeout"); })]));
  }
  return out;
}`,
    },
    {
      name: "racers are variables declared in the loop body",
      code: `
async function drain(stream) {
  for (;;) {
    const next = stream.read();
    const timeout = delay(1000);
    const chunk = await Promise.race([next, timeout]);
    if (!chunk) break;
  }
}`,
    },
    {
      name: "for...of head binding is per iteration",
      code: `
async function firstOfEach(groups) {
  for (const group of groups) {
    await Promise.race([group.primary, group.fallback]);
  }
}`,
    },
    {
      name: "outer let reassigned in the loop is a fresh promise each time",
      code: `
async function reader(source) {
  let pending;
  while (true) {
    pending = source.next();
    const r = await Promise.race([pending, wait(100)]);
    if (r?.done) return;
  }
}`,
    },
    {
      name: "this member reassigned in the loop",
      code: `
class Poller {
  async run() {
    while (this.running) {
      this.current = this.fetchPage();
      await Promise.race([this.current, sleep(10)]);
    }
  }
}`,
    },
    {
      name: "signalToPromise called per iteration is created in the iteration",
      code: `
async function consume(it, signal) {
  while (true) {
    const r = await Promise.race([it.next(), signalToPromise(signal)]);
    if (!r || r.done) return;
  }
}`,
    },
    {
      name: "recursive function racing only per-call promises",
      code: `
async function poll(queue) {
  const job = await Promise.race([queue.take(), delay(1000)]);
  if (job) handle(job);
  return poll(queue);
}`,
    },
    {
      name: "recursive call passes a fresh stop promise",
      code: `
async function poll(queue, stop) {
  const job = await Promise.race([queue.take(), stop]);
  if (!job) return;
  poll(queue, makeStop());
}`,
    },

    // --- false-alarm traps ---
    {
      name: "Promise.race outside any loop",
      code: `
const abortPromise = new Promise((resolve) => signal.addEventListener("abort", resolve));
export async function once(it) {
  return Promise.race([it.next(), abortPromise]);
}`,
    },
    {
      name: "Promise.all in a loop",
      code: `
async function run(batches, ready) {
  for (const batch of batches) await Promise.all([ready, ...batch.map(process)]);
}`,
    },
    {
      name: "Promise.allSettled in a loop",
      code: `
async function run(tasks, shutdown) {
  while (tasks.length) await Promise.allSettled([tasks.shift()(), shutdown]);
}`,
    },
    {
      name: "race in a function defined in the loop but not called there",
      code: `
function makeHandlers(items, abortPromise) {
  const handlers = [];
  for (const item of items) {
    handlers.push(() => Promise.race([item.load(), abortPromise]));
  }
  return handlers;
}`,
    },
    {
      name: "race in a callback passed from the loop",
      code: `
async function run(items, stop) {
  for (const item of items) {
    item.onReady(async () => {
      await Promise.race([item.work(), stop]);
    });
  }
}`,
    },
    {
      name: "shadowed Promise (local binding)",
      code: `
import { Promise } from "bluebird";
async function run(it, abortPromise) {
  while (true) await Promise.race([it.next(), abortPromise]);
}`,
    },
    {
      name: "shadowed Promise (parameter)",
      code: `
async function run(Promise, it, abortPromise) {
  for (;;) await Promise.race([it.next(), abortPromise]);
}`,
    },
    {
      name: "race in the for...of iterable is evaluated once",
      code: `
async function run(sources, stop) {
  for (const x of await Promise.race([sources.load(), stop])) use(x);
}`,
    },
    {
      name: "race in the for init is evaluated once",
      code: `
async function run(first, stop) {
  for (let r = await Promise.race([first(), stop]); r; r = r.next) use(r);
}`,
    },
    {
      name: "loop whose body always returns runs once",
      code: `
async function waitReady(conn, closed) {
  while (true) {
    const r = await Promise.race([conn.ready(), closed]);
    return r;
  }
}`,
    },
    {
      name: "loop whose body always breaks runs once",
      code: `
async function firstMessage(ws, closed) {
  outer: do {
    const m = await Promise.race([ws.receive(), closed]);
    handle(m);
    break outer;
  } while (true);
}`,
    },
    {
      name: "outer constants that are not promises",
      code: `
const TIMEOUT = 5000;
const label = "x";
async function run(it) {
  while (true) await Promise.race([it.next(), TIMEOUT, label]);
}`,
    },
    {
      name: "Promise.race with no argument",
      code: `
async function run() {
  while (true) await Promise.race();
}`,
    },
    {
      name: "Promise.race with an empty array",
      code: `
async function run() {
  for (;;) await Promise.race([]);
}`,
    },
    {
      name: "array of racers built in the loop",
      code: `
async function run(it, timeoutMs) {
  while (true) {
    const racers = [it.next()];
    if (timeoutMs) racers.push(delay(timeoutMs));
    const r = await Promise.race(racers);
    if (r.done) break;
  }
}`,
    },
    {
      name: "spread of an array built in the loop",
      code: `
async function run(jobs) {
  for (const job of jobs) {
    const racers = [job.start(), delay(job.timeout)];
    await Promise.race([...racers, job.cancelled()]);
  }
}`,
    },
    {
      name: "racing a mapped array of per-iteration promises",
      code: `
async function run(servers) {
  while (true) {
    const fastest = await Promise.any(servers.map((s) => s.ping()));
    use(fastest);
  }
}`,
    },
    {
      name: "non-recursive function racing a module-level promise",
      code: `
const shutdown = new Promise((resolve) => process.once("SIGTERM", resolve));
export async function handle(req) {
  return Promise.race([req.body(), shutdown]);
}`,
    },
    {
      name: "race called through another name (destructured) is not analysed",
      code: `
const { race } = Promise;
async function run(it, stop) {
  while (true) await race([it.next(), stop]);
}`,
    },
    {
      name: "race of an unrelated object",
      code: `
async function run(tournament, leader) {
  while (true) await tournament.race([tournament.next(), leader]);
}`,
    },
    {
      name: "method that calls a different method",
      code: `
class Feed {
  async poll() {
    const x = await Promise.race([this.source.next(), this.closed]);
    this.handle(x);
  }
  handle(x) { this.items.push(x); }
}`,
    },
    {
      name: "class field initialiser in a loop-free class",
      code: `
class Conn {
  ready = Promise.race([this.open(), this.closed]);
}`,
    },
    {
      name: "generator yielding per-iteration races",
      code: `
function* races(sources) {
  for (const s of sources) yield Promise.race([s.a(), s.b()]);
}`,
    },
    {
      name: "async generator with per-iteration abort promise",
      code: `
async function* events(source, signal) {
  while (!signal.aborted) {
    const ac = new AbortController();
    const aborted = once(signal, "abort", { signal: ac.signal });
    try {
      yield await Promise.race([source.next(), aborted]);
    } finally {
      ac.abort();
    }
  }
}`,
    },
    {
      name: "stop flag loop racing per-iteration promises",
      code: `
async function loop(state, it) {
  while (!state.stopped) {
    const r = await Promise.race([it.next(), sleep(state.interval)]);
    if (r) state.handle(r);
  }
}`,
    },

    // --- syntax ---
    {
      name: "TS: typed race of per-iteration promises",
      code: `
async function run(it: AsyncIterator<string>): Promise<void> {
  while (true) {
    const r = await Promise.race<IteratorResult<string> | null>([it.next(), timeout(100) as Promise<null>]);
    if (!r || r.done) return;
  }
}`,
    },
    {
      name: "TS: non-null and satisfies on per-iteration racers",
      code: `
async function run(queue: Queue) {
  for (;;) {
    const pending = queue.peek()!;
    await Promise.race([pending!, queue.wait() satisfies Promise<unknown>]);
  }
}`,
    },
    {
      name: "optional chaining on per-iteration racers",
      code: `
async function run(src) {
  while (true) await Promise.race([src?.next?.(), src.wait?.()]);
}`,
    },
    {
      name: "JSX file: race outside loops in a component effect",
      code: `
function Status({ conn }) {
  useEffect(() => {
    Promise.race([conn.ready, conn.closed]).then(setState);
  }, [conn]);
  return <span>{state}</span>;
}`,
    },
    {
      name: "for await over an iterator, no race",
      code: `
async function run(stream, send) {
  for await (const chunk of stream) send(chunk);
}`,
    },
    {
      name: "labelled nested loops racing per-iteration promises",
      code: `
async function run(rows) {
  outer: for (const row of rows) {
    for (const cell of row) {
      const v = await Promise.race([cell.load(), delay(10)]);
      if (!v) continue outer;
    }
  }
}`,
    },
    // --- real-code shapes (bench review): concurrency limiters ---
    // A pool of in-flight promises that leave it as they settle: each race waits on promises
    // that settle soon, and their reactions go with them.
    {
      name: "bench: mapLimit races a Set of pending promises that delete themselves",
      code: `
export async function mapLimit(items, limit, fn) {
  const pending = new Set();
  const results = [];
  for (const item of items) {
    const p = fn(item).then((r) => {
      results.push(r);
      pending.delete(p);
    });
    pending.add(p);
    if (pending.size >= limit) await Promise.race(pending);
  }
  await Promise.all(pending);
  return results;
}`,
    },
    {
      name: "bench: upload pool races an array whose tasks splice themselves out",
      code: `
export async function uploadAll(files, upload) {
  const inFlight = [];
  for (const file of files) {
    const task = upload(file).then(() => inFlight.splice(inFlight.indexOf(task), 1));
    inFlight.push(task);
    if (inFlight.length >= 4) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}`,
    },
    {
      name: "bench: a window of at most 8 running jobs, the oldest shifted out after each race",
      code: `
export async function drain(queue, run) {
  const running = [];
  while (queue.length > 0) {
    running.push(run(queue.pop()));
    if (running.length >= 8) {
      await Promise.race(running);
      running.shift();
    }
  }
  await Promise.all(running);
}`,
    },
  ],

  invalid: [
    // --- the tRPC shape and its variants ---
    {
      name: "iterator.next() raced against a long-lived abort promise",
      code: `
async function forward(iterator, signal, send) {
  const abortPromise = new Promise((resolve) => {
    signal.addEventListener("abort", () => resolve(null), { once: true });
  });
  while (true) {
    const result = await Promise.race([iterator.next(), abortPromise]);
    if (result === null || result.done) break;
    send(result.value);
  }
}`,
      errors: [loop(7)],
    },
    {
      name: "Promise.any in a loop against an outer promise",
      code: `
async function firstHealthy(probe, shutdown) {
  while (true) {
    const ok = await Promise.any([probe(), shutdown]);
    if (ok) return ok;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "module-level never-settling promise",
      code: `
const never = new Promise(() => {});
export async function drain(it) {
  for (;;) {
    const r = await Promise.race([it.next(), never]);
    if (r.done) break;
  }
}`,
      errors: [loop(5)],
    },
    {
      name: "never-resolved deferred bound outside the loop",
      code: `
async function serve(conn) {
  const closed = createDeferred();
  conn.onclose = () => closed.resolve();
  while (true) {
    const msg = await Promise.race([conn.receive(), closed.promise]);
    if (!msg) break;
  }
}`,
      errors: [loop(6)],
    },
    {
      name: "this.closed in a class message pump",
      code: `
class Connection {
  async pump() {
    while (!this.isClosed) {
      const frame = await Promise.race([this.transport.read(), this.closed]);
      this.onFrame(frame);
    }
  }
}`,
      errors: [loop(5)],
    },
    {
      name: "private this member",
      code: `
class Session {
  #ended;
  async loop() {
    for (;;) {
      const m = await Promise.race([this.socket.read(), this.#ended]);
      if (!m) return;
    }
  }
}`,
      errors: [loop(6)],
    },
    {
      name: "for await body",
      code: `
async function relay(source, sink, stopped) {
  for await (const chunk of source) {
    await Promise.race([sink.write(chunk), stopped]);
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "for...of body",
      code: `
async function uploadAll(files, cancelled) {
  for (const file of files) {
    await Promise.race([upload(file), cancelled]);
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "classic for loop body",
      code: `
async function retry(op, deadline) {
  for (let i = 0; i < 1000; i++) {
    const ok = await Promise.race([op(), deadline]);
    if (ok) return ok;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "do...while body",
      code: `
async function readAll(reader, aborted) {
  let chunk;
  do {
    chunk = await Promise.race([reader.read(), aborted]);
  } while (!chunk.done);
}`,
      errors: [loop(5)],
    },
    {
      name: "race in the while test",
      code: `
async function drain(queue, closed) {
  while (await Promise.race([queue.next(), closed])) {
    queue.ack();
  }
}`,
      errors: [loop(3)],
    },
    {
      name: "race in the for test",
      code: `
async function drain(queue, closed) {
  for (let item; (item = await Promise.race([queue.next(), closed])); ) use(item);
}`,
      errors: [loop(3)],
    },
    {
      name: "variable declared in the for init is bound once",
      code: `
async function run(it, signal) {
  for (let stop = toPromise(signal); ; ) {
    const r = await Promise.race([it.next(), stop]);
    if (r.done) break;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "outer array spread into the race",
      code: `
async function consume(it, abortPromise, timeoutPromise) {
  const racers = [abortPromise, timeoutPromise];
  while (true) {
    const r = await Promise.race([...racers, it.next()]);
    if (r.done) return;
  }
}`,
      errors: [loop(5)],
    },
    {
      name: "outer array passed whole",
      code: `
async function waitLoop(signals) {
  const racers = signals.map(toPromise);
  while (true) {
    await Promise.race(racers);
    tick();
  }
}`,
      errors: [loop(5)],
    },
    {
      name: "inner array holding an outer promise",
      code: `
async function consume(it, abortPromise) {
  while (true) {
    const racers = [it.next(), abortPromise];
    const r = await Promise.race(racers);
    if (r.done) return;
  }
}`,
      errors: [loop(5)],
    },
    {
      name: "inner array with an outer promise pushed in",
      code: `
async function consume(it, abortPromise) {
  while (true) {
    const racers = [it.next()];
    if (abortPromise) racers.push(abortPromise);
    const r = await Promise.race(racers);
    if (r.done) return;
  }
}`,
      errors: [loop(6)],
    },
    {
      name: "inner const alias of this member",
      code: `
class Worker {
  async run() {
    while (true) {
      const stop = this.stopped;
      const job = await Promise.race([this.queue.take(), stop]);
      if (!job) return;
    }
  }
}`,
      errors: [loop(6)],
    },
    {
      name: "member of an outer object",
      code: `
async function serve(conn) {
  while (conn.open) {
    const msg = await Promise.race([conn.read(), conn.closed]);
    conn.reply(msg);
  }
}`,
      errors: [loop(4)],
    },
    {
      name: ".then() on a long-lived promise",
      code: `
async function consume(it, abortPromise) {
  while (true) {
    const r = await Promise.race([it.next(), abortPromise.then(() => ({ done: true }))]);
    if (r.done) return;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "Promise.resolve() of a long-lived promise",
      code: `
async function consume(it, stop) {
  for (;;) {
    const r = await Promise.race([it.next(), Promise.resolve(stop)]);
    if (r.done) return;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "conditional racer",
      code: `
async function consume(it, abortPromise, timeout) {
  while (true) {
    const r = await Promise.race([it.next(), timeout ? delay(timeout) : abortPromise]);
    if (r.done) return;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "logical fallback racer",
      code: `
async function consume(it, options) {
  const stop = options.stop;
  while (true) {
    const r = await Promise.race([it.next(), stop ?? forever()]);
    if (r.done) return;
  }
}`,
      errors: [loop(5)],
    },
    {
      name: "imported long-lived promise",
      code: `
import { shutdown } from "./lifecycle";
export async function worker(queue) {
  while (true) {
    const job = await Promise.race([queue.take(), shutdown]);
    if (!job) return;
  }
}`,
      errors: [loop(5)],
    },
    {
      name: "globalThis.Promise.race",
      code: `
async function consume(it, aborted) {
  while (true) {
    const r = await globalThis.Promise.race([it.next(), aborted]);
    if (r.done) return;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "stop flag loop still races a long-lived promise",
      code: `
class Ticker {
  async run() {
    this.running = true;
    while (this.running) {
      await Promise.race([sleep(this.interval), this.stopRequested]);
      this.tick();
    }
  }
}`,
      errors: [loop(6)],
    },

    // --- nesting, labels, generators ---
    {
      name: "nested loops: racer bound in the outer loop",
      code: `
async function run(groups, signal) {
  for (const group of groups) {
    const cancelled = toPromise(signal);
    for (const task of group.tasks) {
      await Promise.race([task.run(), cancelled]);
    }
  }
}`,
      errors: [loop(6)],
    },
    {
      name: "labelled loop with continue",
      code: `
async function pump(ws, closed) {
  read: while (true) {
    const msg = await Promise.race([ws.receive(), closed]);
    if (msg.type === "ping") continue read;
    if (msg.type === "bye") break read;
    dispatch(msg);
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "returning loop that still continues",
      code: `
async function waitReady(conn, closed) {
  while (true) {
    const r = await Promise.race([conn.poll(), closed]);
    if (!r) continue;
    return r;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "generator yielding races against a long-lived promise",
      code: `
function* raced(tasks, stop) {
  for (const task of tasks) yield Promise.race([task(), stop]);
}`,
      errors: [loop(3)],
    },
    {
      name: "async generator (subscription adapter)",
      code: `
async function* subscribe(iterable, signal) {
  const iterator = iterable[Symbol.asyncIterator]();
  const aborted = new Promise((resolve) => signal.addEventListener("abort", resolve));
  while (true) {
    const r = await Promise.race([iterator.next(), aborted]);
    if (!r || r.done) return;
    yield r.value;
  }
}`,
      errors: [loop(6)],
    },
    {
      name: "two races in one loop",
      code: `
async function sync(a, b, closed) {
  while (true) {
    const x = await Promise.race([a.next(), closed]);
    const y = await Promise.any([b.next(), closed]);
    merge(x, y);
  }
}`,
      errors: [loop(4), loop(5)],
    },

    // --- recursion ---
    {
      name: "async recursive poller racing a closure stop promise",
      code: `
function startPoller(queue, run) {
  let stop;
  const stopped = new Promise((resolve) => { stop = resolve; });
  async function poll() {
    const job = await Promise.race([queue.take(), stopped]);
    if (!job) return;
    run(job);
    void poll();
  }
  void poll();
  return stop;
}`,
      errors: [recursion(6)],
    },
    {
      name: "recursive arrow passing the stop promise on",
      code: `
const poll = async (queue, stop) => {
  const job = await Promise.race([queue.take(), stop]);
  if (!job) return;
  handle(job);
  setTimeout(() => poll(queue, stop), 0);
};`,
      errors: [recursion(3)],
    },
    {
      name: "recursive method racing this.closed",
      code: `
class Reader {
  async readNext() {
    const chunk = await Promise.race([this.stream.read(), this.closed]);
    if (chunk) {
      this.emit(chunk);
      this.readNext();
    }
  }
}`,
      errors: [recursion(4)],
    },
    {
      name: "recursion through .then",
      code: `
const stopped = makeStopPromise();
function loop(source) {
  return Promise.race([source.next(), stopped]).then((r) => (r ? loop(source) : undefined));
}`,
      errors: [recursion(4)],
    },
    {
      name: "recursion via setTimeout(self)",
      code: `
let closed;
function tick() {
  Promise.race([sample(), closed]).then(report);
  setTimeout(tick, 1000);
}`,
      errors: [recursion(4)],
    },
    {
      name: "class field arrow that calls itself",
      code: `
class Watcher {
  watch = async () => {
    const change = await Promise.race([this.fs.nextChange(), this.disposed]);
    if (change) this.watch();
  };
}`,
      errors: [recursion(4)],
    },
    {
      name: "object literal method that calls itself",
      code: `
const pump = {
  async step(ws) {
    const m = await Promise.race([ws.receive(), ws.closed]);
    if (m) this.step(ws);
  },
};`,
      errors: [recursion(4)],
    },

    // --- syntax ---
    {
      name: "TS: type arguments, as and non-null",
      code: `
async function consume<T>(it: AsyncIterator<T>, abortPromise: Promise<never> | undefined) {
  while (true) {
    const r = await Promise.race<IteratorResult<T>>([it.next(), abortPromise! as Promise<never>]);
    if (r.done) return;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "TS: class with a typed closed promise",
      code: `
class Channel<T> {
  private readonly closed: Promise<void>;
  constructor(private readonly source: { read(): Promise<T> }) {
    this.closed = new Promise<void>((resolve) => this.onClose(resolve));
  }
  async *messages(): AsyncGenerator<T> {
    for (;;) {
      const m = await Promise.race([this.source.read(), this.closed]);
      if (m === undefined) return;
      yield m as T;
    }
  }
  private onClose(fn: () => void): void {}
}`,
      errors: [loop(9)],
    },
    {
      name: "optional call of race",
      code: `
async function consume(it, abortPromise) {
  while (true) {
    const r = await Promise.race?.([it.next(), abortPromise]);
    if (r.done) return;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "computed member access of race",
      code: `
async function consume(it, abortPromise) {
  while (true) {
    const r = await Promise["race"]([it.next(), abortPromise]);
    if (r.done) return;
  }
}`,
      errors: [loop(4)],
    },
    {
      name: "JS file",
      filename: "worker.js",
      code: `
export async function work(queue, shutdown) {
  while (true) {
    const job = await Promise.race([queue.take(), shutdown]);
    if (!job) break;
  }
}`,
      errors: [loop(4)],
    },
    // --- real-code shapes (bench review): the limiter exemption is not too wide ---
    {
      name: "bench exemptions: a long-lived set of promises raced again and again, never taken out",
      code: `
export async function watch(jobs, check) {
  const running = new Set();
  for (const job of jobs) running.add(job.start());
  while (true) {
    await Promise.race(running);
    await check();
  }
}`,
      errors: [loop(6)],
    },
    {
      name: "bench exemptions: a set that only grows while it is raced",
      code: `
export async function mapAll(items, fn) {
  const pending = new Set();
  for (const item of items) {
    pending.add(fn(item));
    await Promise.race(pending);
  }
}`,
      errors: [loop(6)],
    },
  ],
});
