import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import * as espree from "espree";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-unbounded-collection.js";
import { gradedCases } from "./graded.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const js = { parser: espree, parserOptions: { ecmaVersion: "latest", ecmaFeatures: { jsx: true } } } as const;
const unbounded = (line: number) => ({ messageId: "unbounded" as const, line });
const emptyInner = (line: number) => ({ messageId: "emptyInnerKept" as const, line });

describe("no-unbounded-collection options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter({ configType: "flat" }).verify("const seen = new Set(); export function f(x) { seen.add(x); }", [
      {
        plugins: { leakproof: plugin as never },
        rules: { "leakproof/no-unbounded-collection": ["error", options] as Linter.RuleEntry },
      },
    ]);

  it("accepts checkExported (and reportProbable: a function that may run once is no proven repetition)", () => {
    expect(lint({ checkExported: true, reportProbable: true }).map((m) => m.messageId)).toEqual(["unbounded"]);
    expect(lint({ checkExported: true })).toHaveLength(0);
    expect(lint({ reportProbable: true })).toHaveLength(1);
  });
  it("rejects a checkExported that is not a boolean", () => {
    expect(() => lint({ checkExported: "yes" })).toThrow(/boolean/i);
  });
  it("rejects an unknown option", () => {
    expect(() => lint({ exported: true })).toThrow(/additional properties|unexpected property/i);
  });
  it("describes every option", () => {
    const [schema] = rule.meta.schema as unknown as Array<{ properties: Record<string, { description?: string }>; additionalProperties: boolean }>;
    expect(schema!.additionalProperties).toBe(false);
    for (const property of Object.values(schema!.properties)) expect(property.description).toMatch(/\S/);
  });
});

const { probable, checkRecommended } = gradedCases("no-unbounded-collection");

ruleTester.run("no-unbounded-collection", rule, {
  valid: [
    // --- owners that bound or release their collections ---
    {
      name: "size-bounded cache evicts the oldest entry",
      code: `
const MAX = 500;
const cache = new Map();
export function getUser(id) {
  if (cache.has(id)) return cache.get(id);
  const user = loadUser(id);
  cache.set(id, user);
  if (cache.size > MAX) cache.delete(cache.keys().next().value);
  return user;
}`,
    },
    {
      name: "session map deleted on logout",
      code: `
const sessions = new Map();
export function login(token, user) {
  sessions.set(token, user);
}
export function logout(token) {
  sessions.delete(token);
}`,
    },
    {
      name: "queue drained by shift",
      code: `
const queue = [];
export function enqueue(job) {
  queue.push(job);
}
setInterval(() => {
  const job = queue.shift();
  if (job) run(job);
}, 100);`,
    },
    {
      name: "history truncated with length",
      code: `
const history = [];
export function record(event) {
  history.push(event);
  if (history.length > 100) history.length = 100;
}`,
    },
    {
      name: "cleared in a reset function",
      code: `
const seen = new Set();
export function track(id) {
  seen.add(id);
}
export function resetForTests() {
  seen.clear();
}`,
    },
    {
      name: "module let reassigned in a reset function",
      code: `
let pending = [];
export function schedule(task) {
  pending.push(task);
}
export function flush() {
  const batch = pending;
  pending = [];
  batch.forEach(run);
}`,
    },
    {
      name: "splice removes finished entries",
      code: `
const inflight = [];
export async function request(url) {
  const entry = { url, started: Date.now() };
  inflight.push(entry);
  try {
    return await fetch(url);
  } finally {
    inflight.splice(inflight.indexOf(entry), 1);
  }
}`,
    },
    {
      name: "dictionary object with delete",
      code: `
const timersById = Object.create(null);
export function start(id) {
  timersById[id] = Date.now();
}
export function stop(id) {
  const started = timersById[id];
  delete timersById[id];
  return Date.now() - started;
}`,
    },
    {
      name: "singleton service removes on unsubscribe",
      code: `
class Bus {
  constructor() {
    this.handlers = new Map();
  }
  on(type, fn) {
    this.handlers.set(fn, type);
  }
  off(fn) {
    this.handlers.delete(fn);
  }
}
export const bus = new Bus();`,
    },
    {
      name: "listener map deletes empty inner sets",
      code: `
class Client {
  listeners = new Map();
  subscribe(symbol, fn) {
    let set = this.listeners.get(symbol);
    if (!set) {
      set = new Set();
      this.listeners.set(symbol, set);
    }
    set.add(fn);
  }
  unsubscribe(symbol, fn) {
    const set = this.listeners.get(symbol);
    set?.delete(fn);
    if (set && set.size === 0) this.listeners.delete(symbol);
  }
}
const client = new Client();
export default client;`,
    },
    {
      name: "static registry cleared by a static method",
      code: `
export class Metrics {
  static samples = [];
  static record(value) {
    this.samples.push(value);
  }
  static drain() {
    return Metrics.samples.splice(0);
  }
}`,
    },
    {
      name: "removal through a local helper's parameter",
      code: `
const recent = [];
function trim(list, max) {
  while (list.length > max) list.shift();
}
export function remember(item) {
  recent.push(item);
  trim(recent, 50);
}`,
    },
    {
      name: "Reflect.deleteProperty",
      code: `
const locks = {};
export function lock(name) {
  locks[name] = true;
}
export function unlock(name) {
  Reflect.deleteProperty(locks, name);
}`,
    },
    // --- weak and self-bounded collections ---
    {
      name: "WeakMap keyed by the owning object",
      code: `
const metadata = new WeakMap();
export function tag(node, info) {
  metadata.set(node, info);
}`,
    },
    {
      name: "WeakSet of visited objects",
      code: `
const visited = new WeakSet();
export function visit(node) {
  if (visited.has(node)) return;
  visited.add(node);
}`,
    },
    {
      name: "lru-cache",
      code: `
import { LRUCache } from "lru-cache";
const cache = new LRUCache({ max: 500 });
export function get(key) {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = compute(key)));
  return value;
}`,
    },
    {
      name: "quick-lru",
      code: `
import QuickLRU from "quick-lru";
const lru = new QuickLRU({ maxSize: 1000 });
export const remember = (k, v) => lru.set(k, v);`,
    },
    {
      name: "a Map imported from immutable is not the global Map",
      code: `
import { Map } from "immutable";
const state = new Map();
export function update(k, v) {
  state.set(k, v);
}`,
    },
    // --- false-alarm traps ---
    {
      name: "local collection in a function",
      code: `
export function dedupe(items) {
  const seen = new Set();
  const out = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
  }
  return out;
}`,
    },
    {
      name: "visited marker set inside one recursive call",
      code: `
export function walkGraph(root) {
  const visited = new Set();
  const visit = (node) => {
    if (visited.has(node)) return;
    visited.add(node);
    node.children.forEach(visit);
  };
  visit(root);
}`,
    },
    {
      name: "constant lookup table filled at module load",
      code: `
const byCode = new Map();
for (const country of COUNTRIES) {
  byCode.set(country.code, country);
}
export function lookup(code) {
  return byCode.get(code);
}`,
    },
    {
      name: "lookup table filled by forEach at module load",
      code: `
const mimeTypes = {};
Object.entries(RAW).forEach(([ext, type]) => {
  mimeTypes[ext] = type;
});
export const mimeOf = (ext) => mimeTypes[ext];`,
    },
    {
      name: "table filled in an IIFE",
      code: `
const squares = [];
(() => {
  for (let i = 0; i < 256; i++) squares.push(i * i);
})();
export const square = (n) => squares[n];`,
    },
    {
      name: "table filled by a helper called only at load",
      code: `
const routes = new Map();
function route(path, handler) {
  routes.set(path, handler);
}
route("/", home);
route("/about", about);
export function dispatch(path) {
  return routes.get(path)?.();
}`,
    },
    {
      name: "registry filled by a class decorator",
      code: `
const commands = new Map();
function Command(name: string) {
  return (target: Function) => {
    commands.set(name, target);
  };
}
@Command("build")
class BuildCommand {}
@Command("serve")
class ServeCommand {}
export const run = (name: string) => new (commands.get(name) as any)();`,
      filename: "file.ts",
    },
    {
      name: "registry filled by a plain decorator",
      code: `
const entities: Function[] = [];
function Entity(target: Function) {
  entities.push(target);
}
@Entity
class User {}
@Entity
class Post {}
export const allEntities = () => entities.slice();`,
      filename: "file.ts",
    },
    {
      name: "module-level array only read",
      code: `
const PLANS = [{ id: "free" }, { id: "pro" }];
export function plan(id) {
  return PLANS.find((p) => p.id === id);
}`,
    },
    {
      name: "map.set with a fixed set of literal keys",
      code: `
const health = new Map();
export function report(ok, latency) {
  health.set("status", ok ? "up" : "down");
  health.set("latency", latency);
  health.set(\`checkedAt\`, Date.now());
}`,
    },
    {
      name: "keys from a literal-union parameter",
      code: `
type Level = "debug" | "info" | "warn" | "error";
const counters = new Map<Level, number>();
export function count(level: Level) {
  counters.set(level, (counters.get(level) ?? 0) + 1);
}`,
      filename: "file.ts",
    },
    {
      name: "keys from an enum",
      code: `
enum Phase { Start, End }
const marks: Record<string, number> = {};
export function mark(phase: Phase) {
  marks[phase] = performance.now();
}
export function markEnd() {
  marks[Phase.End] = performance.now();
}`,
      filename: "file.ts",
    },
    {
      name: "keys from a const",
      code: `
const LAST = "last";
const state = new Map();
export function remember(value) {
  state.set(LAST, value);
}`,
    },
    {
      name: "boolean keys",
      code: `
const byFlag = new Map();
export function note(value) {
  byFlag.set(value > 0, value);
}`,
    },
    {
      name: "React component with its own collections",
      code: `
export function Tags({ items }) {
  const seen = new Set();
  const unique = [];
  for (const item of items) if (!seen.has(item)) { seen.add(item); unique.push(item); }
  return <ul>{unique.map((tag) => <li key={tag}>{tag}</li>)}</ul>;
}`,
    },
    {
      name: "per-instance collection of a class instantiated many times",
      code: `
class Connection {
  buffer = [];
  onData(chunk) {
    this.buffer.push(chunk);
  }
}
export function connect() {
  return new Connection();
}`,
    },
    {
      name: "exported collection without checkExported",
      code: `
export const registry = new Map();
export function register(name, plugin) {
  registry.set(name, plugin);
}`,
    },
    {
      name: "exported through export specifier",
      code: `
const handlers = [];
export function addHandler(fn) {
  handlers.push(fn);
}
export { handlers };`,
    },
    {
      name: "exported through module.exports",
      code: `
const jobs = [];
function addJob(job) {
  jobs.push(job);
}
module.exports = { jobs, addJob };`,
    },
    {
      name: "returned to callers, who may clean it",
      code: `
const subscribers = new Set();
export function subscribe(fn) {
  subscribers.add(fn);
}
export function getSubscribers() {
  return subscribers;
}`,
    },
    {
      name: "push with missing args adds nothing",
      code: `
const list = [];
export function touch() {
  list.push();
}`,
    },
    {
      name: "dictionary written with static property names only",
      code: `
const stats = {};
export function hit(ok) {
  stats.total = (stats.total ?? 0) + 1;
  stats["last"] = ok;
}`,
    },
    {
      name: "static field filled in a static block",
      code: `
class Codes {
  static names = new Map();
  static {
    for (const [k, v] of Object.entries(RAW)) Codes.names.set(k, v);
  }
  static name(code) {
    return Codes.names.get(code);
  }
}
export default Codes;`,
    },
    {
      name: "singleton filled by its constructor only",
      code: `
class Catalog {
  constructor(entries) {
    this.byId = new Map();
    for (const e of entries) this.byId.set(e.id, e);
  }
  find(id) {
    return this.byId.get(id);
  }
}
const catalog = new Catalog(ENTRIES);
export const find = (id) => catalog.find(id);`,
    },
    {
      name: "optional-chained delete on the singleton map",
      code: `
const waiters = new Map();
export function wait(id) {
  return new Promise((resolve) => waiters.set(id, resolve));
}
export function settle(id, value) {
  waiters.get(id)?.(value);
  waiters?.delete(id);
}`,
    },
    {
      name: "inner removals, and the outer key is deleted when empty (dictionary of arrays)",
      code: `
const rooms = Object.create(null);
export function join(room, socket) {
  (rooms[room] ??= []).push(socket);
}
export function leave(room, socket) {
  const list = rooms[room];
  list.splice(list.indexOf(socket), 1);
  if (list.length === 0) delete rooms[room];
}`,
    },
    {
      name: "subscribe returns an unsubscribe that splices",
      code: `
const listeners = [];
export function subscribe(fn) {
  listeners.push(fn);
  return () => {
    const i = listeners.indexOf(fn);
    if (i !== -1) listeners.splice(i, 1);
  };
}`,
    },
    {
      name: "singleton field reassigned with filter",
      code: `
class Toasts {
  items = [];
  show(text) {
    this.items.push({ text, at: Date.now() });
  }
  expire(now) {
    this.items = this.items.filter((t) => now - t.at < 5000);
  }
}
export const toasts = new Toasts();`,
    },
    {
      name: "typeof keys are bounded",
      code: `
const byType = new Map();
export function tally(value) {
  byType.set(typeof value, (byType.get(typeof value) ?? 0) + 1);
}`,
    },
    {
      name: "Vue refs and React refs are not tracked collections",
      code: `
import { ref } from "vue";
import { useRef } from "react";
const items = ref([]);
export function add(x) {
  items.value.push(x);
}
export function useSeen() {
  const seen = useRef(new Set());
  return (id) => seen.current.add(id);
}`,
    },
    {
      name: "visiting marker removed at the end of each call",
      code: `
const visiting = new Set();
export function resolve(mod) {
  if (visiting.has(mod)) throw new Error("cycle");
  visiting.add(mod);
  try {
    return mod.deps.map(resolve);
  } finally {
    visiting.delete(mod);
  }
}`,
    },
    {
      name: "collection handed to an imported cleaner",
      code: `
import { scheduleEviction } from "./evict.js";
const cache = new Map();
scheduleEviction(cache, 60_000);
export function put(k, v) {
  cache.set(k, v);
}`,
    },
    {
      name: "CommonJS script reset through module.exports function (espree)",
      code: `
var hits = {};
function hit(page) {
  hits[page] = (hits[page] || 0) + 1;
}
function reset() {
  hits = {};
}
module.exports = { hit: hit, reset: reset };`,
      languageOptions: js,
    },
    // --- real-code shapes (bench review) ---
    // Keys copied from another collection's keys: the dictionary mirrors that key set (if the
    // source grows, the source is the one to report).
    {
      name: "bench: keys copied with for...of Object.keys(source)",
      code: `
const current = {};
export function applyTheme(theme) {
  for (const key of Object.keys(theme)) current[key] = theme[key];
}`,
    },
    {
      name: "bench: keys copied with for...of map.entries() and a destructured key",
      code: `
const lastSeen = new Map();
export function sync(source) {
  for (const [id] of source.entries()) lastSeen.set(id, Date.now());
}`,
    },
    {
      name: "bench: keys copied with for...in",
      code: `
const flags = {};
export function mergeFlags(overrides) {
  for (const name in overrides) flags[name] = Boolean(overrides[name]);
}`,
    },
    {
      name: "bench: const [k, v] = entries[i] of Array.from(props.entries())",
      code: `
const attributes = new Map();
export function setProps(props) {
  const entries = Array.from(props.entries());
  for (let i = 0; i < entries.length; i++) {
    const [name, value] = entries[i];
    attributes.set(name, String(value));
  }
}`,
    },
    // A parameter key that every call in the file passes a bounded key, through a wrapper.
    {
      name: "bench: wk(code, id) called by wrk(..., id) called with literal ids",
      code: `
const handlers = {};
function wk(code, id) {
  handlers[id] = code;
}
function wrk(code, label, id) {
  console.debug(label);
  wk(code, id);
}
export function onPacket(packet) {
  wrk(packet.payload, "connack", 2);
  wrk(packet.payload, "suback", 9);
}`,
    },
    // A pool grown only up to the highest index in use, its entries reused after a reset.
    {
      name: "bench: if (used >= pool.length) pool.push(...) grows the pool only to the index",
      code: `
const pool = [];
let used = 0;
export function acquireVector() {
  if (used >= pool.length) pool.push({ x: 0, y: 0, z: 0 });
  return pool[used++];
}
export function releaseVectors() {
  used = 0;
}`,
    },
  ],

  invalid: [
    // --- module-level collections ---
    probable({
      name: "module array growing per call",
      code: `
const history = [];
export function logRequest(req) {
  history.push({ url: req.url, at: Date.now() });
}`,
      errors: [unbounded(4)],
    }),
    probable({
      name: "cache keyed by request id never evicted",
      code: `
const responses = new Map();
export async function handle(requestId, payload) {
  const result = await process(payload);
  responses.set(requestId, result);
  return result;
}`,
      errors: [unbounded(5)],
    }),
    {
      name: "Set of seen ids in an event handler",
      code: `
const seenIds = new Set();
socket.on("message", (msg) => {
  if (seenIds.has(msg.id)) return;
  seenIds.add(msg.id);
  dispatch(msg);
});`,
      errors: [unbounded(5)],
    },
    {
      name: "new instance every two seconds into a module array",
      code: `
const snapshots = [];
setInterval(() => {
  snapshots.push(new Snapshot(readMetrics()));
}, 2000);`,
      errors: [unbounded(4)],
    },
    probable({
      name: "dictionary object indexed by computed keys",
      code: `
const lastSeen = {};
export function ping(userId) {
  lastSeen[userId] = Date.now();
}`,
      errors: [unbounded(4)],
    }),
    probable({
      name: "Object.create(null) dictionary",
      code: `
const perTenant = Object.create(null);
export function usage(tenant, bytes) {
  perTenant[tenant] = (perTenant[tenant] || 0) + bytes;
}`,
      errors: [unbounded(4)],
    }),
    probable({
      name: "logical assignment on a dictionary",
      code: `
const byRoom = {};
export function join(room, user) {
  (byRoom[room] ??= []).push(user);
}`,
      errors: [unbounded(4)],
    }),
    {
      name: "request handler of an http server",
      code: `
import http from "node:http";
const visits = [];
http.createServer((req, res) => {
  visits.push(req.headers["user-agent"]);
  res.end("ok");
}).listen(8080);`,
      errors: [unbounded(5)],
    },
    {
      name: "express route handler",
      code: `
const uploads = new Map();
app.post("/upload", (req, res) => {
  uploads.set(req.body.id, req.body);
  res.sendStatus(201);
});`,
      errors: [unbounded(4)],
    },
    probable({
      name: "unshift into a module array",
      code: `
const recent = [];
export function remember(item) {
  recent.unshift(item);
}`,
      errors: [unbounded(4)],
    }),
    probable({
      name: "array written at its length",
      code: `
const samples = [];
export function sample(v) {
  samples[samples.length] = v;
}`,
      errors: [unbounded(4)],
    }),
    probable({
      name: "array from Array.from",
      code: `
const log = Array.from([]);
export function write(line) {
  log.push(line);
}`,
      errors: [unbounded(4)],
    }),
    {
      name: "new Array",
      code: `
const errors = new Array();
process.on("uncaughtException", (err) => {
  errors.push(err);
});`,
      errors: [unbounded(4)],
    },
    probable({
      name: "template-literal keys are unbounded",
      code: `
const memo = new Map();
export function price(symbol, day) {
  const key = \`\${symbol}:\${day}\`;
  if (!memo.has(key)) memo.set(key, fetchPrice(symbol, day));
  return memo.get(key);
}`,
      errors: [unbounded(5)],
    }),
    probable({
      name: "memoization keyed by an argument (domain not visible)",
      code: `
const memo = new Map<string, number>();
export function fib(n: string): number {
  const hit = memo.get(n);
  if (hit !== undefined) return hit;
  const value = compute(n);
  memo.set(n, value);
  return value;
}`,
      filename: "file.ts",
      errors: [unbounded(7)],
    }),
    probable({
      name: "filled at load and also from a handler",
      code: `
const routes = new Map();
routes.set("/", home);
export function addRoute(path, handler) {
  routes.set(path, handler);
}`,
      errors: [unbounded(5)],
    }),
    probable({
      name: "helper called at load and from an exported function",
      code: `
const names = [];
function addName(n) {
  names.push(n);
}
addName("root");
export function register(n) {
  addName(n);
}`,
      errors: [unbounded(4)],
    }),
    {
      name: "React component render adds to a module cache",
      code: `
const seenRenders = new Set();
export function Avatar({ userId }) {
  seenRenders.add(userId);
  return <img src={\`/avatars/\${userId}.png\`} />;
}`,
      errors: [unbounded(4)],
    },
    probable({
      name: "array callback inside a repeated function",
      code: `
const allTags = [];
export function index(posts) {
  posts.forEach((post) => {
    allTags.push(...post.tags);
  });
}`,
      errors: [unbounded(5)],
    }),
    probable({
      name: "let that is never reassigned inside a function",
      code: `
let queue = [];
export function enqueue(x) {
  queue.push(x);
}`,
      errors: [unbounded(4)],
    }),
    probable({
      name: "collection passed to a global function is still ours",
      code: `
const pending = [];
export function track(p) {
  pending.push(p);
  return Promise.all(pending);
}`,
      errors: [unbounded(4)],
    }),
    probable({
      name: "const alias of the module collection",
      code: `
const cache = new Map();
export function put(k, v) {
  const store = cache;
  store.set(k, v);
}`,
      errors: [unbounded(5)],
    }),
    // --- static class fields ---
    probable({
      name: "static registry pushed in the constructor",
      code: `
export class Widget {
  static instances = [];
  constructor(el) {
    this.el = el;
    Widget.instances.push(this);
  }
}`,
      errors: [unbounded(6)],
    }),
    probable({
      name: "static map through this in a static method",
      code: `
class Translator {
  static cache = new Map();
  static translate(text, lang) {
    const key = lang + text;
    if (!this.cache.has(key)) this.cache.set(key, callApi(text, lang));
    return this.cache.get(key);
  }
}
export default Translator;`,
      errors: [unbounded(6)],
    }),
    probable({
      name: "TS private static field",
      code: `
export class Tracker {
  private static readonly seen: Set<string> = new Set();
  static mark(id: string): void {
    Tracker.seen.add(id);
  }
}`,
      filename: "file.ts",
      errors: [unbounded(5)],
    }),
    probable({
      name: "static #private field",
      code: `
export class Ids {
  static #issued = new Set();
  static issue(id) {
    Ids.#issued.add(id);
  }
}`,
      errors: [unbounded(5)],
    }),
    // --- singletons ---
    probable({
      name: "singleton field filled by a method",
      code: `
class Store {
  constructor() {
    this.events = [];
  }
  record(event) {
    this.events.push(event);
  }
}
export const store = new Store();`,
      errors: [unbounded(7)],
    }),
    probable({
      name: "singleton field through the instance variable",
      code: `
class Registry {
  items = new Map();
}
const registry = new Registry();
export function add(item) {
  registry.items.set(item.id, item);
}`,
      errors: [unbounded(7)],
    }),
    {
      name: "TS singleton with a private field and arrow method",
      code: `
class PriceFeed {
  private readonly ticks: Tick[] = [];
  onTick = (tick: Tick): void => {
    this.ticks.push(tick);
  };
}
export const feed = new PriceFeed();`,
      filename: "file.ts",
      errors: [unbounded(5)],
    },
    {
      name: "singleton interval callback in the constructor",
      code: `
class Monitor {
  constructor() {
    this.readings = [];
    setInterval(() => this.readings.push(readSensor()), 2000);
  }
}
new Monitor();`,
      errors: [unbounded(5)],
    },
    probable({
      name: "default-exported singleton",
      code: `
class Analytics {
  queue = [];
  track(name, props) {
    this.queue.push({ name, props });
  }
}
export default new Analytics();`,
      errors: [unbounded(5)],
    }),
    probable({
      name: "module-level object literal store",
      code: `
const store = {
  visits: [],
  add(v) {
    this.visits.push(v);
  },
};
export const addVisit = (v) => store.add(v);`,
      errors: [unbounded(5)],
    }),
    probable({
      name: "object literal field grown from outside",
      code: `
const state = { seen: new Set() };
export function see(id) {
  state.seen.add(id);
}`,
      errors: [unbounded(4)],
    }),
    // --- maps of inner collections ---
    probable({
      name: "WebSocket client whose empty listener sets are never deleted",
      code: `
class SocketClient {
  listeners = new Map();
  subscribe(symbol, fn) {
    if (!this.listeners.has(symbol)) this.listeners.set(symbol, new Set());
    this.listeners.get(symbol).add(fn);
  }
  unsubscribe(symbol, fn) {
    this.listeners.get(symbol).delete(fn);
  }
}
export const client = new SocketClient();`,
      errors: [emptyInner(9)],
    }),
    probable({
      name: "optional-chained inner delete",
      code: `
const topics = new Map();
export function on(topic, fn) {
  topics.set(topic, topics.get(topic) ?? new Set());
  topics.get(topic).add(fn);
}
export function off(topic, fn) {
  topics.get(topic)?.delete(fn);
}`,
      errors: [emptyInner(8)],
    }),
    probable({
      name: "inner set through a const",
      code: `
const watchers = new Map();
export function watch(path, cb) {
  let set = watchers.get(path);
  if (!set) watchers.set(path, (set = new Set()));
  set.add(cb);
}
export function unwatch(path, cb) {
  const set = watchers.get(path);
  if (set) set.delete(cb);
}`,
      errors: [emptyInner(10)],
    }),
    probable({
      name: "clear() on close does not delete emptied keys",
      code: `
const rooms = new Map();
export function join(room, socket) {
  if (!rooms.has(room)) rooms.set(room, []);
  rooms.get(room).push(socket);
}
export function leave(room, socket) {
  const list = rooms.get(room);
  list.splice(list.indexOf(socket), 1);
}
export function closeAll() {
  rooms.clear();
}`,
      errors: [emptyInner(9)],
    }),
    probable({
      name: "dictionary of arrays",
      code: `
const queues = {};
export function push(user, msg) {
  (queues[user] ||= []).push(msg);
}
export function ack(user) {
  queues[user].shift();
}`,
      errors: [emptyInner(7)],
    }),
    probable({
      name: "TS map of sets with non-null assertion",
      code: `
const subs = new Map<string, Set<() => void>>();
export function sub(key: string, fn: () => void): () => void {
  if (!subs.has(key)) subs.set(key, new Set());
  subs.get(key)!.add(fn);
  return () => {
    subs.get(key)!.delete(fn);
  };
}`,
      filename: "file.ts",
      errors: [emptyInner(7)],
    }),
    // --- option checkExported ---
    probable({
      name: "exported collection with checkExported",
      code: `
export const registry = new Map();
export function register(name, plugin) {
  registry.set(name, plugin);
}`,
      options: [{ checkExported: true }],
      errors: [unbounded(4)],
    }),
    probable({
      name: "returned collection with checkExported",
      code: `
const subscribers = new Set();
export function subscribe(fn) {
  subscribers.add(fn);
}
export const all = () => subscribers;`,
      options: [{ checkExported: true }],
      errors: [unbounded(4)],
    }),
    // --- syntax variants ---
    probable({
      name: "computed member with a string literal method name",
      code: `
const seen = new Set();
export function mark(id) {
  seen["add"](id);
}`,
      errors: [unbounded(4)],
    }),
    probable({
      name: "optional call on the collection",
      code: `
const log = [];
export function write(line) {
  log?.push(line);
}`,
      errors: [unbounded(4)],
    }),
    probable({
      name: "TS as-expression initialiser",
      code: `
const byId = {} as Record<string, User>;
export function save(user: User) {
  byId[user.id] = user;
}`,
      filename: "file.ts",
      errors: [unbounded(4)],
    }),
    {
      name: "JSX event handler",
      code: `
const clicks = [];
export function Button({ label }) {
  return <button onClick={(e) => clicks.push(e.timeStamp)}>{label}</button>;
}`,
      errors: [unbounded(4)],
    },
    probable({
      name: "class method of a non-singleton class growing a module map",
      code: `
const openFiles = new Map();
export class FileHandle {
  open(path) {
    openFiles.set(path, this);
  }
}`,
      errors: [unbounded(5)],
    }),
    probable({
      name: "only one report per collection",
      code: `
const events = [];
export function a(e) {
  events.push(e);
}
export function b(e) {
  events.push(e);
}`,
      errors: [unbounded(4)],
    }),
    {
      name: "CommonJS handler (espree)",
      code: `
const seen = new Set();
module.exports = function middleware(req, res, next) {
  seen.add(req.ip);
  next();
};`,
      languageOptions: js,
      errors: [unbounded(4)],
    },
    {
      name: "JSX component file parsed by espree",
      code: `
const rendered = [];
export function Row({ item }) {
  rendered.push(item.id);
  return <tr><td>{item.name}</td></tr>;
}`,
      languageOptions: js,
      errors: [unbounded(4)],
    },
    probable({
      name: "class expression singleton",
      code: `
const Queue = class {
  jobs = [];
  add(job) {
    this.jobs.push(job);
  }
};
const queue = new Queue();
export const add = (job) => queue.add(job);`,
      errors: [unbounded(5)],
    }),
    // --- real-code shapes (bench review): the new exemptions are not too wide ---
    {
      name: "bench exemptions: a parameter key whose caller passes arbitrary input",
      code: `
const handlers = {};
function wk(code, id) {
  handlers[id] = code;
}
function wrk(code, label, id) {
  wk(code, id);
}
export function onPacket(packet) {
  wrk(packet.payload, "connack", 2);
  wrk(packet.payload, "custom", packet.messageId);
}`,
      errors: [unbounded(4)],
    },
    probable({
      name: "bench exemptions: a key read from a request, not from another collection",
      code: `
const seen = {};
export function track(req) {
  const key = req.body.key;
  seen[key] = Date.now();
}`,
      errors: [unbounded(5)],
    }),
    probable({
      name: "bench exemptions: a pool pushed on every call, with no index guard",
      code: `
const pool = [];
let used = 0;
export function acquireVector() {
  pool.push({ x: 0, y: 0, z: 0 });
  return pool[used++];
}
export function releaseVectors() {
  used = 0;
}`,
      errors: [unbounded(5)],
    }),
    probable({
      name: "bench exemptions: a guard on the length of another array does not bound this one",
      code: `
const pool = [];
const slots = [];
export function acquire(i) {
  if (i >= slots.length) pool.push({ x: 0, y: 0, z: 0 });
  return pool[i];
}`,
      errors: [unbounded(5)],
    }),
  ],
});

checkRecommended();
