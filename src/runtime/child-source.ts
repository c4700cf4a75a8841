/**
 * Source of the measuring child process, run with
 * `node --expose-gc --input-type=module -e <CHILD_SOURCE>`.
 *
 * It is kept as a plain ES module string (rather than a file next to this one) so that it works
 * the same from the TypeScript sources, from the bundled `dist/runtime/index.{js,cjs}`, and
 * from any bundle a user makes: nothing has to be resolved on disk except the fixture itself.
 *
 * Protocol (over the IPC channel): the parent passes a JSON config in the
 * `LEAKPROOF_CHILD_CONFIG` environment variable; the child sends `{ type: "phase" }` messages
 * as it goes, then exactly one `{ type: "result" }` or `{ type: "error" }`, and exits.
 * See `ChildMessage` in `measure.ts`.
 */
export const CONFIG_ENV = "LEAKPROOF_CHILD_CONFIG";

export const CHILD_SOURCE = String.raw`
import v8 from "node:v8";
import { readdirSync } from "node:fs";
import { resolveObjectURL } from "node:buffer";
import { getEventListeners } from "node:events";
import { pathToFileURL } from "node:url";

const config = JSON.parse(process.env.LEAKPROOF_CHILD_CONFIG);
delete process.env.LEAKPROOF_CHILD_CONFIG;
let phase = "load";

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

let fixture;
try {
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
