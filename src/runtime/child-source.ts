/**
 * Source of the measuring child process, run with
 * `node --expose-gc --max-old-space-size=<limit> --input-type=module -e <CHILD_SOURCE>`.
 *
 * It is kept as a plain ES module string (rather than a file next to this one) so that it works
 * the same from the TypeScript sources, from the bundled `dist/runtime/index.{js,cjs}`, and
 * from any bundle a user makes: nothing has to be resolved on disk except the fixture itself.
 *
 * Protocol (over the IPC channel): the parent passes a JSON config in the
 * `LEAKPROOF_CHILD_CONFIG` environment variable; the child sends `{ type: "phase" }` messages
 * as it goes, then exactly one `{ type: "result" }` or `{ type: "error" }`, and exits.
 * See `ChildMessage` in `measure.ts`.
 *
 * The child leads its own process group (the parent spawns it detached). A watchdog thread
 * kills that whole group when the parent goes away or when the child's resident memory passes
 * the limit; it runs on its own thread so that a fixture spinning in a loop cannot stop it.
 * Before a memory kill it writes one `MEMORY_MARKER` line to stderr, which the parent reads.
 */
export const CONFIG_ENV = "LEAKPROOF_CHILD_CONFIG";

/** Prefix of the stderr line the watchdog writes before killing an over-limit child. */
export const MEMORY_MARKER = "[leakproof-memory]";

export const CHILD_SOURCE = String.raw`
import v8 from "node:v8";
import { readdirSync } from "node:fs";
import { resolveObjectURL } from "node:buffer";
import { getEventListeners } from "node:events";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const config = JSON.parse(process.env.LEAKPROOF_CHILD_CONFIG);
delete process.env.LEAKPROOF_CHILD_CONFIG;
let phase = "load";

// Runs in the watchdog thread. It is stringified, and the thread inherits --input-type=module:
// dynamic import() is what works there whichever module type it ends up with.
async function watchdog() {
  const { workerData } = await import("node:worker_threads");
  const { writeSync } = await import("node:fs");
  const { parentPid, limitBytes, intervalMs, marker } = workerData;
  const killGroup = () => {
    try {
      process.kill(-process.pid, "SIGKILL");
    } catch {
      process.kill(process.pid, "SIGKILL");
    }
  };
  // Polled rather than tied to the IPC channel's 'disconnect': a listener there would keep an
  // idle child alive, and the main thread may be spinning where no event can reach it.
  setInterval(() => {
    // Orphaned: the parent died (SIGKILL included) and this process was re-parented.
    if (process.ppid !== parentPid) killGroup();
    const rss = process.memoryUsage.rss();
    if (limitBytes > 0 && rss > limitBytes) {
      try {
        writeSync(2, "\n" + marker + " " + JSON.stringify({ rssBytes: rss, limitBytes }) + "\n");
      } finally {
        killGroup();
      }
    }
  }, intervalMs);
}

const watchdogThread = new Worker("(" + watchdog.toString() + ")()", {
  eval: true,
  workerData: {
    parentPid: config.parentPid,
    limitBytes: config.memoryLimitBytes,
    intervalMs: config.watchdogIntervalMs,
    marker: config.memoryMarker,
  },
  // Not the fixture's loaders (--import tsx, ...): the watchdog needs none of them.
  execArgv: [],
});
// Started before anything is measured, so its own handles and descriptors are part of every sample.
try {
  await new Promise((resolve, reject) => {
    watchdogThread.once("online", resolve);
    watchdogThread.once("error", reject);
  });
} catch (error) {
  await fail("setup", error);
}
// Only then unref'd: until it is online it is what keeps this process waiting for it.
watchdogThread.unref();
// Without its watchdog the child could outlive its parent or eat the machine: stop here.
watchdogThread.on("error", (error) => fail("setup", error));

function send(message) {
  return new Promise((resolve) => {
    if (typeof process.send !== "function") return resolve();
    process.send(message, () => resolve());
  });
}

function fail(kind, error) {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && kind !== "invalid-fixture" ? error.stack : undefined;
  return send({ type: "error", kind, phase, message, stack }).finally(() => process.exit(1));
}

if (typeof globalThis.gc !== "function") {
  await fail("setup", new Error("global.gc is missing: the child must run with --expose-gc"));
}

// objectUrls oracle: remember every blob URL the fixture creates.
const createdUrls = new Set();
const originalCreateObjectURL = URL.createObjectURL;
if (typeof originalCreateObjectURL === "function") {
  URL.createObjectURL = function createObjectURL(object) {
    const url = originalCreateObjectURL.call(URL, object);
    createdUrls.add(url);
    return url;
  };
}

// Node refuses to import a file URL with an encoded backslash ("%5C"), which is what a POSIX path
// such as "/srv/a\b/fixture.mjs" becomes. A resolve hook lets those files (and the relative
// and bare imports inside them) through; it is only registered when the fixture path needs it.
const BACKSLASH_HOOK = [
  "import { createRequire } from 'node:module';",
  "import { pathToFileURL } from 'node:url';",
  "export async function resolve(specifier, context, next) {",
  "  try { return await next(specifier, context); } catch (error) {",
  "    if (error?.code !== 'ERR_INVALID_MODULE_SPECIFIER') throw error;",
  "    if (/^(?:\\.{1,2}\\/|\\/|file:)/.test(specifier)) {",
  "      const url = new URL(specifier, context.parentURL).href;",
  "      if (/%5c/i.test(url)) return { url, shortCircuit: true };",
  "      throw error;",
  "    }",
  "    // A package imported from such a folder: found with require's lookup (its 'require' entry).",
  "    if (!context.parentURL?.startsWith('file:') || !/%5c/i.test(context.parentURL)) throw error;",
  "    return { url: pathToFileURL(createRequire(context.parentURL).resolve(specifier)).href, shortCircuit: true };",
  "  }",
  "}",
].join("\n");

let fixture;
try {
  if (process.platform !== "win32" && config.file.includes("\\")) {
    const { register } = await import("node:module");
    register("data:text/javascript," + encodeURIComponent(BACKSLASH_HOOK));
  }
  const mod = await import(pathToFileURL(config.file).href);
  fixture = mod.default ?? mod.fixture;
} catch (error) {
  await fail("load", error);
}

const ORACLES = ["markers", "listeners", "handles", "objectUrls", "fds"];
function invalid(message) {
  return fail("invalid-fixture", new Error(message));
}
if (!fixture || typeof fixture !== "object") {
  await invalid("the module must default-export a fixture object ({ oracle, iterate, ... })");
}
if (typeof fixture.iterate !== "function") await invalid("fixture.iterate must be a function");
if (!ORACLES.includes(fixture.oracle)) {
  await invalid("fixture.oracle must be one of " + ORACLES.join(", ") + ", got " + String(fixture.oracle));
}
const markerClasses = fixture.markers == null ? [] : [].concat(fixture.markers);
if (markerClasses.some((c) => typeof c !== "function")) await invalid("fixture.markers must be a class or an array of classes");
const judged = config.oracle ?? fixture.oracle;
if (judged === "markers" && markerClasses.length === 0) await invalid("oracle 'markers' needs fixture.markers");
if (judged === "listeners" && fixture.listeners == null) await invalid("oracle 'listeners' needs fixture.listeners");

function probes() {
  if (fixture.listeners == null) return null;
  return typeof fixture.listeners === "function" ? fixture.listeners() : fixture.listeners;
}

function countMarkers() {
  if (markerClasses.length === 0 || typeof v8.queryObjects !== "function") return null;
  let total = 0;
  for (const cls of markerClasses) total += v8.queryObjects(cls, { format: "count" });
  return total;
}

function countListeners() {
  const list = probes();
  if (list == null) return null;
  let total = 0;
  for (const probe of list) total += getEventListeners(probe.target, probe.type).length;
  return total;
}

function countObjectUrls() {
  if (typeof originalCreateObjectURL !== "function") return null;
  let live = 0;
  for (const url of createdUrls) {
    if (resolveObjectURL(url) === undefined) createdUrls.delete(url); // revoked: never comes back
    else live++;
  }
  return live;
}

function countFds() {
  try {
    return readdirSync("/proc/self/fd").length;
  } catch {
    return null;
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function settle() {
  if (config.settleMs > 0) await sleep(config.settleMs);
  for (let round = 0; round < config.gcRounds; round++) {
    await tick();
    globalThis.gc();
  }
  await tick();
}

async function sample(label, iterations) {
  phase = "sample " + label;
  await settle();
  const values = {
    markers: countMarkers(),
    listeners: countListeners(),
    handles: typeof process.getActiveResourcesInfo === "function" ? process.getActiveResourcesInfo().length : null,
    objectUrls: countObjectUrls(),
    fds: countFds(),
  };
  globalThis.gc();
  return { label, iterations, values, heapUsed: process.memoryUsage().heapUsed };
}

// Each iteration runs in its own frame: a suspended async loop body would otherwise keep the
// last iteration's objects reachable.
async function runOne(i) {
  await fixture.iterate(i);
}
async function runMany(from, count) {
  for (let i = from; i < from + count; i++) await runOne(i);
}

const started = performance.now();
try {
  phase = "setup";
  await send({ type: "phase", phase });
  if (typeof fixture.setup === "function") await fixture.setup();

  const samples = [];
  phase = "warmup";
  await send({ type: "phase", phase });
  await runMany(0, config.warmup);
  samples.push(await sample("after-warmup", config.warmup));

  phase = "iterate to n1";
  await send({ type: "phase", phase });
  await runMany(config.warmup, config.n1);
  samples.push(await sample("after-n1", config.warmup + config.n1));

  phase = "iterate to n2";
  await send({ type: "phase", phase });
  await runMany(config.warmup + config.n1, config.n2 - config.n1);
  samples.push(await sample("after-n2", config.warmup + config.n2));

  phase = "teardown";
  await send({ type: "phase", phase });
  if (typeof fixture.teardown === "function") await fixture.teardown();

  await send({
    type: "result",
    declaredOracle: fixture.oracle,
    description: typeof fixture.description === "string" ? fixture.description : undefined,
    samples,
    nodeVersion: process.version,
    childDurationMs: performance.now() - started,
  });
} catch (error) {
  await fail("fixture-error", error);
}
// A leaky fixture may well keep the event loop alive: always exit explicitly.
process.exit(0);
`;
