import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../src/rules/require-cancellable-loop.js";
import { gradedCases } from "./graded.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const filename = "file.tsx";
const strict = [{ checkIgnoredSignal: true }] as const;

const { probable, checkRecommended } = gradedCases("require-cancellable-loop");

ruleTester.run("require-cancellable-loop", rule, {
  valid: [
    // --- loops with a way out ---------------------------------------------------------
    {
      filename,
      code: `
async function pollQuotes(source, signal) {
  while (!signal.aborted) {
    await sleep(1000);
    source.poll();
  }
}`,
    },
    {
      filename,
      code: `
async function pollQuotes(source, signal) {
  while (true) {
    if (signal.aborted) break;
    await source.poll();
  }
}`,
    },
    {
      filename,
      code: `
async function pollQuotes(source, signal) {
  for (;;) {
    signal.throwIfAborted();
    await source.poll();
  }
}`,
    },
    {
      filename,
      code: `
import { setTimeout as sleep } from "node:timers/promises";
async function pollQuotes(source, signal) {
  while (true) {
    await sleep(1000, undefined, { signal });
    source.poll();
  }
}`,
    },
    {
      filename,
      code: `
async function drain(queue) {
  while (true) {
    const job = await queue.take();
    if (!job) break;
    await job.run();
  }
}`,
    },
    {
      filename,
      code: `
async function readAll(reader) {
  while (true) {
    const { done, value } = await reader.read();
    if (done) return;
    consume(value);
  }
}`,
    },
    {
      filename,
      code: `
async function waitForLeader(client) {
  do {
    const leader = await client.leader();
    if (leader) throw new LeaderFound(leader);
  } while (true);
}`,
    },
    // labelled break of the outer loop from a nested loop
    {
      filename,
      code: `
async function consume(channel) {
  outer: while (true) {
    const batch = await channel.next();
    for (const message of batch) {
      if (message.type === "close") break outer;
      handle(message);
    }
  }
}`,
    },
    // a break inside a switch nested in an inner loop, plus a return
    {
      filename,
      code: `
async function serve(socket) {
  while (true) {
    const frame = await socket.read();
    switch (frame.op) {
      case "ping":
        socket.pong();
        break;
      case "close":
        return;
    }
  }
}`,
    },
    // stop flags that other code sets
    {
      filename,
      code: `
class Ticker {
  running = false;
  start() {
    this.running = true;
    this.task = this.loop();
  }
  async loop() {
    while (this.running) {
      await this.tick();
    }
  }
  async stop() {
    this.running = false;
    await this.task;
  }
}`,
    },
    {
      filename,
      code: `
let stopped = false;
export async function heartbeat(send) {
  while (!stopped) {
    await send("ping");
    await sleep(5000);
  }
}
export function shutdown() {
  stopped = true;
}`,
    },
    {
      filename,
      code: `
class Worker {
  async loop() {
    while (true) {
      if (!this.running) break;
      await this.step();
    }
  }
}`,
    },
    // a bounded condition the loop updates itself
    {
      filename,
      code: `
async function retry(fn) {
  let done = false;
  while (!done) {
    done = await fn();
  }
}`,
    },
    {
      filename,
      code: `
async function paginate(api) {
  let cursor = await api.first();
  while (cursor) {
    cursor = await api.next(cursor);
  }
}`,
    },
    {
      filename,
      code: `
async function sendAll(items, client) {
  for (let i = 0; i < items.length; i++) {
    await client.send(items[i]);
  }
}`,
    },
    // for await over finite sources
    {
      filename,
      code: `
import { createReadStream } from "node:fs";
async function countLines(path) {
  let n = 0;
  for await (const chunk of createReadStream(path)) n += chunk.length;
  return n;
}`,
    },
    {
      filename,
      code: `
async function saveAll(rows, db) {
  for await (const row of rows) {
    await db.insert(row);
  }
}`,
    },
    {
      filename,
      code: `
import { on } from "node:events";
async function record(wire, store, signal) {
  for await (const [headline] of on(wire, "headline", { signal })) {
    await store.save(headline);
  }
}`,
    },
    {
      filename,
      code: `
import { setInterval as every } from "node:timers/promises";
async function tick(signal) {
  for await (const _ of every(1000, undefined, { signal })) {
    await refresh();
  }
}`,
    },
    // `on` / `setInterval` that are not the endless Node ones
    {
      filename,
      code: `
import { on } from "./my-events";
async function record(wire) {
  for await (const event of on(wire)) await log(event);
}`,
    },
    // generators are driven by their consumer
    {
      filename,
      code: `
async function* ticks(ms) {
  while (true) {
    await sleep(ms);
    yield Date.now();
  }
}`,
    },
    {
      filename,
      code: `
function* ids() {
  let id = 0;
  while (true) yield id++;
}`,
    },
    // no await inside, or not async: not a background task loop
    {
      filename,
      code: `
async function spinUntilReady(flag) {
  while (true) {
    if (flag.ready) break;
  }
}`,
    },
    {
      filename,
      code: `
function render() {
  for (;;) {
    if (step()) return;
  }
}`,
    },
    // top-level loop of a script: the process is the owner
    {
      filename,
      code: `
while (true) {
  await job();
}`,
    },
    // check 2: catches that let cancellation through
    {
      filename,
      code: `
async function stream(upstream, signal) {
  while (true) {
    try {
      await upstream.fetchBatch({ signal });
    } catch (err) {
      if (err.name === "AbortError") break;
      await sleep(500);
    }
  }
}`,
    },
    {
      filename,
      code: `
async function stream(upstream, signal) {
  while (true) {
    try {
      await upstream.fetchBatch({ signal });
    } catch (err) {
      if (signal.aborted) return;
      report(err);
    }
  }
}`,
    },
    {
      filename,
      code: `
async function stream(upstream, signal) {
  while (true) {
    try {
      await upstream.fetchBatch({ signal });
    } catch (err) {
      if (!(err instanceof DOMException)) report(err);
      else throw err;
    }
  }
}`,
    },
    {
      filename,
      code: `
async function stream(upstream, signal) {
  while (true) {
    try {
      await upstream.fetchBatch({ signal });
    } catch {
      report("retrying");
    }
    await sleep(1000, undefined, { signal });
  }
}`,
    },
    // check 3: teardowns that wait for the task
    {
      filename,
      code: `
class Scheduler {
  start() {
    this.controller = new AbortController();
    this.task = this.run(this.controller.signal);
  }
  async run(signal) {
    while (!signal.aborted) await this.refresh(signal);
  }
  async stop() {
    this.controller.abort();
    await this.task;
  }
}`,
    },
    {
      filename,
      code: `
class Scheduler {
  #tasks = [];
  #controller = new AbortController();
  start() {
    this.#tasks.push(this.news(this.#controller.signal), this.prices(this.#controller.signal));
  }
  async news(signal) {
    while (!signal.aborted) await fetchNews({ signal });
  }
  async prices(signal) {
    while (!signal.aborted) await fetchPrices({ signal });
  }
  async close() {
    this.#controller.abort();
    await Promise.allSettled(this.#tasks);
    await this.pool.end();
  }
}`,
    },
    {
      filename,
      code: `
class Scheduler {
  start() {
    this.controller = new AbortController();
    this.task = this.run(this.controller.signal).catch(report);
  }
  async run(signal) {
    while (!signal.aborted) await this.refresh(signal);
  }
  dispose() {
    this.controller.abort();
    return this.task;
  }
}`,
    },
    {
      filename,
      code: `
class Scheduler {
  start() {
    this.controller = new AbortController();
    this.task = this.run(this.controller.signal);
  }
  async run(signal) {
    while (!signal.aborted) await this.refresh(signal);
  }
  async stop() {
    this.controller.abort();
    await this.join();
  }
  async join() {
    await this.task?.catch(() => {});
  }
}`,
    },
    // awaited directly: not a background task
    {
      filename,
      code: `
class Job {
  async start() {
    this.controller = new AbortController();
    await this.run(this.controller.signal);
  }
  async run(signal) {
    while (!signal.aborted) await this.step();
  }
  stop() {
    this.controller.abort();
  }
}`,
    },
    // module-level task with a teardown that awaits it
    {
      filename,
      code: `
let controller;
let task;
async function loop(signal) {
  while (!signal.aborted) await tick(signal);
}
export function start() {
  controller = new AbortController();
  task = loop(controller.signal);
}
export async function stop() {
  controller.abort();
  await task;
}`,
    },
    // check 4 is off by default
    {
      filename,
      code: `
async function poll(signal) {
  while (!signal.aborted) {
    await sleep(1000);
    await refresh();
  }
}`,
    },
    // check 4 on, signal passed or none in scope
    {
      filename,
      options: strict,
      code: `
import { setTimeout } from "node:timers/promises";
async function poll(signal) {
  while (!signal.aborted) {
    await setTimeout(1000, undefined, { signal });
    await refresh();
  }
}`,
    },
    {
      filename,
      options: strict,
      code: `
class Poller {
  running = true;
  async loop() {
    while (this.running) {
      await sleep(1000);
      await this.refresh();
    }
  }
  stop() { this.running = false; }
}`,
    },
    {
      filename,
      options: strict,
      code: `
async function poll(signal) {
  while (!signal.aborted) {
    await new Promise((resolve, reject) => {
      const t = setTimeout(resolve, 1000);
      signal.addEventListener("abort", () => { clearTimeout(t); reject(signal.reason); }, { once: true });
    });
  }
}`,
    },
    {
      filename,
      options: strict,
      code: `
async function poll(signal) {
  await sleep(1000);
  while (!signal.aborted) await refresh({ signal });
}`,
    },
    // TypeScript syntax
    {
      filename,
      code: `
export class PriceFeed {
  private controller?: AbortController;
  private task?: Promise<void>;
  start(): void {
    this.controller = new AbortController();
    this.task = this.run(this.controller.signal);
  }
  private async run(signal: AbortSignal): Promise<void> {
    while (!(signal as AbortSignal).aborted) {
      await this.refresh(signal!);
    }
  }
  async [Symbol.asyncDispose](): Promise<void> {
    this.controller?.abort();
    await this.task;
  }
}`,
    },
    {
      filename,
      code: `
async function poll<T>(source: { next(): Promise<T | undefined> }): Promise<void> {
  while (true as boolean) {
    const item = await source.next();
    if (item === undefined) break;
  }
}`,
    },
    // weird inputs: missing arguments, odd shapes
    {
      filename,
      code: `
import { on } from "node:events";
async function f() {
  for await (const x of on()) break;
  for await (const y of (0, on)) await y;
}`,
    },
    {
      filename,
      options: strict,
      code: `
async function f(signal) {
  while (!signal.aborted) {
    await new Promise();
    await new Promise(setTimeout);
  }
}`,
    },
  ],

  invalid: [
    // --- 1: no way out ---------------------------------------------------------------
    {
      filename,
      code: `
async function pollQuotes(source, signal) {
  while (true) {
    await sleep(1000);
    source.poll();
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    },
    probable({
      filename,
      code: `
async function pollQuotes(source) {
  for (;;) {
    await source.poll();
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    probable({
      filename,
      code: `
const pollQuotes = async (source) => {
  do {
    await source.poll();
  } while (true);
};`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    probable({
      filename,
      code: `
async function pollQuotes(source) {
  while (1) await source.poll();
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    // a break of an inner loop or a switch does not leave the outer loop
    probable({
      filename,
      code: `
async function consume(channel) {
  while (true) {
    const batch = await channel.next();
    for (const message of batch) {
      if (message.type === "close") break;
      handle(message);
    }
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    probable({
      filename,
      code: `
async function serve(socket) {
  while (true) {
    const frame = await socket.read();
    switch (frame.op) {
      case "close":
        socket.end();
        break;
      default:
        handle(frame);
    }
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    probable({
      filename,
      code: `
async function consume(channel) {
  while (true) {
    inner: for (const m of await channel.next()) {
      if (m.skip) continue inner;
      if (m.last) break inner;
    }
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    // nested endless loops: both reported
    probable({
      filename,
      code: `
async function supervise(workers) {
  for (;;) {
    while (true) {
      await workers.next();
    }
  }
}`,
      errors: [
        { messageId: "loopNeverExits", line: 3 },
        { messageId: "loopNeverExits", line: 4 },
      ],
    }, [1]),
    // labelled break that leaves only the inner loop
    probable({
      filename,
      code: `
async function supervise(workers) {
  for (;;) {
    inner: while (true) {
      const w = await workers.next();
      if (!w) break inner;
    }
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    // a throw that the loop's own catch swallows
    probable({
      filename,
      code: `
async function watch(client) {
  while (true) {
    try {
      const change = await client.next();
      if (!change) throw new Error("closed");
    } catch (err) {
      log(err);
    }
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    // a return inside a nested callback does not leave the loop
    probable({
      filename,
      code: `
async function watch(items) {
  while (true) {
    items.forEach((item) => {
      if (item.done) return;
    });
    await sleep(100);
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    // stop flags that nothing ever sets
    probable({
      filename,
      code: `
let running = true;
export async function heartbeat(send) {
  while (running) {
    await send("ping");
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 4 }],
    }),
    probable({
      filename,
      code: `
class Poller {
  running = false;
  start() {
    this.running = true;
    void this.loop();
  }
  async loop() {
    while (this.running) {
      await this.tick();
    }
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 9 }],
    }),
    probable({
      filename,
      code: `
const stopped = false;
async function run() {
  while (!stopped) await step();
}`,
      errors: [{ messageId: "loopNeverExits", line: 4 }],
    }),
    // for await over endless sources without a signal
    {
      filename,
      code: `
import { on } from "node:events";
async function record(wire, store, signal) {
  for await (const [headline] of on(wire, "headline")) {
    await store.save(headline);
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 4 }],
    },
    probable({
      filename,
      code: `
import events from "events";
async function record(wire) {
  for await (const [event] of events.on(wire, "data")) handle(event);
}`,
      errors: [{ messageId: "loopNeverExits", line: 4 }],
    }),
    probable({
      filename,
      code: `
import { EventEmitter } from "node:events";
async function record(wire) {
  for await (const [event] of EventEmitter.on(wire, "data")) handle(event);
}`,
      errors: [{ messageId: "loopNeverExits", line: 4 }],
    }),
    probable({
      filename,
      code: `
import { setInterval } from "node:timers/promises";
async function refreshEverySecond(cache) {
  for await (const _ of setInterval(1000)) {
    await cache.refresh();
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 4 }],
    }),
    probable({
      filename,
      code: `
import * as timers from "timers/promises";
class Clock {
  async run() {
    for await (const now of timers.setInterval(1000, Date.now())) this.tick(now);
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 5 }],
    }),
    // method, arrow property, object method
    probable({
      filename,
      code: `
class Sync {
  pump = async () => {
    while (true) await this.flush();
  };
}`,
      errors: [{ messageId: "loopNeverExits", line: 4 }],
    }),
    probable({
      filename,
      code: `
export const worker = {
  async loop(queue) {
    while (true) {
      const job = await queue.take();
      job.run();
    }
  },
};`,
      errors: [{ messageId: "loopNeverExits", line: 4 }],
    }),
    // --- 2: a catch that swallows the AbortError --------------------------------------
    {
      filename,
      code: `
async function streamPrices(upstream, signal) {
  while (true) {
    try {
      const batch = await upstream.fetchBatch({ signal });
      upstream.apply(batch);
    } catch (err) {
      await sleep(500);
    }
  }
}`,
      errors: [{ messageId: "abortSwallowed", line: 7 }],
    },
    {
      filename,
      code: `
async function poll(signal) {
  for (;;) {
    try {
      signal.throwIfAborted();
      await refresh();
    } catch {
      metrics.errors++;
    }
  }
}`,
      errors: [{ messageId: "abortSwallowed", line: 7 }],
    },
    {
      filename,
      code: `
import { setTimeout as sleep } from "node:timers/promises";
async function poll(signal) {
  while (true) {
    try {
      await refresh();
      await sleep(1000, undefined, { signal });
    } catch (err) {
      if (err.name === "AbortError") continue;
      log(err);
    }
  }
}`,
      errors: [{ messageId: "abortSwallowed", line: 8 }],
    },
    {
      filename,
      code: `
class Feed {
  async loop() {
    while (true) {
      try {
        await fetch(this.url, { signal: this.controller.signal });
      } catch (e) {
        this.errors.push(e);
      } finally {
        this.attempts++;
      }
    }
  }
}`,
      errors: [{ messageId: "abortSwallowed", line: 7 }],
    },
    {
      filename,
      code: `
import { on } from "node:events";
async function relay(wire, signal) {
  for await (const [msg] of on(wire, "msg")) {
    try {
      await forward(msg, { signal });
    } catch {}
  }
}`,
      errors: [{ messageId: "abortSwallowed", line: 7 }],
    },
    // --- 3: cancelled but not awaited ----------------------------------------------------
    {
      filename,
      code: `
class Scheduler {
  start() {
    this.controller = new AbortController();
    this.task = this.run(this.controller.signal);
  }
  async run(signal) {
    try {
      while (!signal.aborted) await this.refresh(signal);
    } finally {
      await this.flush();
    }
  }
  async stop() {
    this.controller.abort();
    await this.pool.end();
  }
}`,
      errors: [{ messageId: "cancelNotAwaited", line: 15 }],
    },
    {
      filename,
      code: `
class Ticker {
  start() {
    this.running = true;
    void this.loop();
  }
  async loop() {
    while (this.running) await this.tick();
  }
  dispose() {
    this.running = false;
  }
}`,
      errors: [{ messageId: "cancelNotAwaited", line: 11 }],
    },
    {
      filename,
      code: `
class Ticker {
  #ac = new AbortController();
  constructor() {
    this.#loop(this.#ac.signal);
  }
  async #loop(signal) {
    while (!signal.aborted) await this.tick(signal);
  }
  close() {
    this.#ac.abort();
  }
}`,
      errors: [{ messageId: "cancelNotAwaited", line: 11 }],
    },
    {
      filename,
      code: `
class Dashboard {
  start() {
    this.controller = new AbortController();
    this.news = this.pollNews(this.controller.signal);
    this.prices = this.pollPrices(this.controller.signal);
  }
  async pollNews(signal) {
    while (!signal.aborted) await fetchNews({ signal });
  }
  async pollPrices(signal) {
    while (!signal.aborted) await fetchPrices({ signal });
  }
  async stop() {
    this.controller.abort();
    await this.news;
  }
}`,
      errors: [{ messageId: "cancelNotAwaited", line: 15 }],
    },
    {
      filename,
      code: `
class Scheduler {
  start() {
    this.controller = new AbortController();
    this.task = this.run(this.controller.signal);
  }
  async run(signal) {
    while (!signal.aborted) await this.refresh(signal);
  }
  stop() {
    this.cancel();
  }
  cancel() {
    this.controller.abort();
  }
}`,
      errors: [{ messageId: "cancelNotAwaited", line: 14 }],
    },
    // module-level task
    {
      filename,
      code: `
let controller;
let task;
async function loop(signal) {
  while (!signal.aborted) await tick(signal);
}
export function start() {
  controller = new AbortController();
  task = loop(controller.signal);
}
export async function stop() {
  controller.abort();
}`,
      errors: [{ messageId: "cancelNotAwaited", line: 12 }],
    },
    // teardownMethods option
    {
      filename,
      options: [{ teardownMethods: ["shutdown"] }],
      code: `
class Scheduler {
  start() {
    this.controller = new AbortController();
    this.task = this.run(this.controller.signal);
  }
  async run(signal) {
    while (!signal.aborted) await this.refresh(signal);
  }
  async shutdown() {
    this.controller.abort();
  }
}`,
      errors: [{ messageId: "cancelNotAwaited", line: 11 }],
    },
    // --- 4: sleeps that ignore the signal (strict) -------------------------------------
    {
      filename,
      options: strict,
      code: `
async function poll(signal) {
  while (!signal.aborted) {
    await sleep(1000);
    await refresh({ signal });
  }
}`,
      errors: [{ messageId: "sleepIgnoresSignal", line: 4 }],
    },
    {
      filename,
      options: strict,
      code: `
import { setTimeout } from "node:timers/promises";
async function poll(signal) {
  while (!signal.aborted) {
    await setTimeout(1000);
  }
}`,
      errors: [{ messageId: "sleepIgnoresSignal", line: 5 }],
    },
    {
      filename,
      options: strict,
      code: `
async function poll({ signal }) {
  while (!signal.aborted) {
    await refresh();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}`,
      errors: [{ messageId: "sleepIgnoresSignal", line: 5 }],
    },
    {
      filename,
      options: strict,
      code: `
import { scheduler } from "node:timers/promises";
async function poll(shutdownSignal) {
  while (!shutdownSignal.aborted) {
    await scheduler.wait(1000);
  }
}`,
      errors: [{ messageId: "sleepIgnoresSignal", line: 5 }],
    },
    // strict also reports the sleep when the loop has no way out
    {
      filename,
      options: strict,
      code: `
async function poll(signal) {
  while (true) {
    await delay(1000);
  }
}`,
      errors: [
        { messageId: "loopNeverExits", line: 3 },
        { messageId: "sleepIgnoresSignal", line: 4 },
      ],
    },
    // --- TypeScript syntax -------------------------------------------------------------
    {
      filename,
      code: `
export class PriceFeed {
  private controller?: AbortController;
  private task?: Promise<void>;
  start(): void {
    this.controller = new AbortController();
    this.task = this.run(this.controller.signal);
  }
  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.refresh(signal);
    }
  }
  async [Symbol.asyncDispose](): Promise<void> {
    this.controller?.abort();
  }
}`,
      errors: [{ messageId: "cancelNotAwaited", line: 15 }],
    },
    probable({
      filename,
      code: `
async function pump<T>(queue: AsyncQueue<T>): Promise<never> {
  while (true as const) {
    const item = (await queue.take()) as T;
    process(item!);
  }
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    {
      filename,
      options: strict,
      code: `
const poll = async (signal: AbortSignal): Promise<void> => {
  while (!signal.aborted) {
    await sleep(1_000) satisfies void;
  }
};`,
      errors: [{ messageId: "sleepIgnoresSignal", line: 4 }],
    },
    // --- weird inputs --------------------------------------------------------------------
    probable({
      filename,
      code: `
import { on } from "node:events";
async function f() {
  for await (const x of on()) await x;
}`,
      errors: [{ messageId: "loopNeverExits", line: 4 }],
    }),
    probable({
      filename,
      code: `
async function f() {
  while (true) await undefined;
}`,
      errors: [{ messageId: "loopNeverExits", line: 3 }],
    }),
    {
      filename,
      options: strict,
      code: `
async function f(signal) {
  while (!signal.aborted) await sleep();
}`,
      errors: [{ messageId: "sleepIgnoresSignal", line: 3 }],
    },
    {
      filename,
      code: `
class A {
  start() { this.t = this.run(); }
  async run() { for (;;) await this.x?.(); }
  stop() { this.c?.abort?.(); }
}`,
      errors: [
        { messageId: "loopNeverExits", line: 4 },
        { messageId: "cancelNotAwaited", line: 5 },
      ],
    },
  ],
});

describe("require-cancellable-loop options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter({ configType: "flat" }).verify("async function f(signal) { while (!signal.aborted) await sleep(1); }", [
      {
        plugins: { leakproof: { rules: { "require-cancellable-loop": rule } } as never },
        rules: { "leakproof/require-cancellable-loop": ["error", options] as Linter.RuleEntry },
      },
    ]);

  it("accepts checkIgnoredSignal and teardownMethods", () => {
    expect(lint({ checkIgnoredSignal: false, teardownMethods: ["shutdown"] })).toEqual([]);
    expect(lint({ checkIgnoredSignal: true }).map((m) => m.messageId)).toEqual(["sleepIgnoresSignal"]);
  });
  it("rejects a checkIgnoredSignal that is not a boolean", () => {
    expect(() => lint({ checkIgnoredSignal: "yes" })).toThrow(/require-cancellable-loop[\s\S]*boolean/);
  });
  it("rejects unknown options", () => {
    expect(() => lint({ checkIgnoredSleep: true })).toThrow(/require-cancellable-loop[\s\S]*additional properties/i);
  });
  it("rejects an empty teardown method name", () => {
    expect(() => lint({ teardownMethods: [""] })).toThrow(/require-cancellable-loop/);
  });
});

checkRecommended();
