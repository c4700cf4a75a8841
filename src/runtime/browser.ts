/**
 * Browser tier of the leak oracle.
 *
 * A browser fixture is an ES module (.js/.jsx/.ts/.tsx) whose default export is a harness:
 *
 *   export default {
 *     oracle: "jsEventListeners" | ["jsEventListeners", "markers"], // what must stay flat
 *     markers?: SomeClass,         // live instances of this class are counted ("markers")
 *     setup?(): void | Promise<void>,
 *     iterate(i: number): void | Promise<void>,
 *     teardown?(): void | Promise<void>,
 *   };
 *
 * The fixture is bundled with esbuild into an IIFE, served from a loopback HTTP server and run
 * in headless Chromium through playwright-core (see {@link findChromium} for which binary). Node drives the
 * iterations; after warm-up it forces garbage collection through the DevTools protocol and
 * samples the declared oracles at N1 and N2 iterations. The late slope (S2 - S1) / (N2 - N1)
 * is the number of objects that survive each iteration: a leak retains about one (or more)
 * per iteration, a correct program retains none.
 *
 * esbuild, playwright-core and @sparticuz/chromium are loaded lazily (only this tier needs them).
 */
import { createServer, type Server } from "node:http";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";

/** Quantities the browser tier can measure. Every one is sampled; the declared ones are judged. */
export const BROWSER_ORACLES = [
  /** JS event listeners alive in the renderer (CDP `Memory.getDOMCounters`). */
  "jsEventListeners",
  /** DOM nodes alive in the renderer, attached or not (CDP `Memory.getDOMCounters`). */
  "nodes",
  /** Live nodes outside the page's document tree: `nodes` minus the nodes reachable from `document`. */
  "detachedNodes",
  /** Documents alive in the renderer (CDP `Memory.getDOMCounters`). */
  "documents",
  /** Live instances of the fixture's `markers` class(es) (CDP `Runtime.queryObjects`). */
  "markers",
  /** Object URLs the page created (`URL.createObjectURL`) that still resolve: `fetch(url)` succeeds. */
  "objectUrls",
] as const;

export type BrowserOracle = (typeof BROWSER_ORACLES)[number];

/** Count per oracle; `null` when the oracle does not apply (no `markers` declared). */
export type BrowserOracleValues = Record<BrowserOracle, number | null>;

/** Flags Chromium is launched with (see notes/CONVENTIONS.md). */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Where Debian's `chromium` package installs the browser. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Options of {@link measureLeakInBrowser}. Same meaning as the Node tier's where names match. */
export interface BrowserLeakOptions {
  /** Judge on these oracles instead of the ones the fixture declares. */
  oracle?: BrowserOracle | readonly BrowserOracle[];
  /** Iterations run before the first sample. Default 10. */
  warmup?: number;
  /** Iterations after the warm-up at which the second sample is taken. Default 10. */
  n1?: number;
  /** Iterations after the warm-up at which the last sample is taken; must exceed `n1`. Default 50. */
  n2?: number;
  /** Reject after this long (the page and, if launched here, the browser are closed). Default 30 000. */
  timeoutMs?: number;
  /** Slope at or above which an oracle is leaking. Default 0.9 per iteration. */
  leakThreshold?: number;
  /** Slope at or below which an oracle is clean. Default 0.1 per iteration. */
  cleanThreshold?: number;
  /** `HeapProfiler.collectGarbage` calls before every sample. Default 3. */
  gcRounds?: number;
  /** Milliseconds to wait before each sample, for fixtures that release on a timer. Default 0. */
  settleMs?: number;
  /**
   * When an oracle is inconclusive, the last sample is taken again this many times (after a
   * 100 ms settle and GC) and the smallest value kept. Default 2.
   */
  resamples?: number;
  /** Reuse an already launched browser (see {@link launchLeakBrowser}); a fresh context and page are still used. */
  browser?: Browser;
  /** Chromium binary when no `browser` is given. Default: see {@link findChromium}. */
  executablePath?: string;
}

/** One sampling point. */
export interface BrowserLeakSample {
  label: "after-warmup" | "after-n1" | "after-n2";
  /** Iterations completed (warm-up included) when the sample was taken. */
  iterations: number;
  values: BrowserOracleValues;
  /** V8 heap used after GC, in bytes (CDP `Runtime.getHeapUsage`). Informational only. */
  heapUsed: number;
}

export type BrowserLeakVerdict = "leaks" | "clean" | "inconclusive";

/** What {@link measureLeakInBrowser} resolves with. */
export interface BrowserLeakMeasurement {
  /** Absolute path of the fixture file. */
  fixture: string;
  description?: string;
  /** The oracles the fixture declares. */
  declaredOracles: BrowserOracle[];
  /** The oracles the verdict is based on (`options.oracle` or the declared ones). */
  oracles: BrowserOracle[];
  iterations: { warmup: number; n1: number; n2: number };
  samples: [BrowserLeakSample, BrowserLeakSample, BrowserLeakSample];
  /** Late slope `(S2 − S1) / (n2 − n1)` per oracle, in units retained per iteration. */
  slopes: BrowserOracleValues;
  /** Early slope `(S1 − S0) / n1` per oracle (informational). */
  earlySlopes: BrowserOracleValues;
  /** Largest late slope among the judged oracles. */
  slope: number;
  /** Verdict per judged oracle. */
  verdicts: Partial<Record<BrowserOracle, BrowserLeakVerdict>>;
  thresholds: { leak: number; clean: number };
  /** `"leaks"` if any judged oracle leaks, `"clean"` if all are clean, else `"inconclusive"`. */
  verdict: BrowserLeakVerdict;
  leaks: boolean;
  browserVersion: string;
  /** Wall time, bundling included. */
  durationMs: number;
}

type MarkerClass = abstract new (...args: never[]) => unknown;

/**
 * The default export of a browser fixture (it runs in the page, not in Node). Mirrors the
 * Node tier's `LeakFixture`; `oracle` may also list several oracles.
 */
export interface BrowserLeakFixture {
  oracle: BrowserOracle | readonly BrowserOracle[];
  description?: string;
  /** Runs once, before the warm-up. */
  setup?: () => void | Promise<void>;
  /** Runs one lifecycle (e.g. mount a component, unmount the previous one). May return a promise. */
  iterate: (iteration: number) => void | Promise<void>;
  /** Runs once after the last sample. */
  teardown?: () => void | Promise<void>;
  /** Class(es) whose live instances the `markers` oracle counts. */
  markers?: MarkerClass | readonly MarkerClass[];
}

/** Identity helper that types a browser fixture object. */
export function defineBrowserLeakFixture<const F extends BrowserLeakFixture>(fixture: F): F {
  return fixture;
}

// Name of the global the bundle assigns the harness to, and of the page-side helpers.
const GLOBAL = "__leakproofFixture";
const TRACKER = "__leakproofObjectUrls";

type PlaywrightCore = typeof import("playwright-core");
type Esbuild = typeof import("esbuild");

async function loadOptional<T>(name: string): Promise<T> {
  try {
    // A non-literal specifier keeps bundlers from inlining these heavy optional modules.
    return (await import(name)) as T;
  } catch (error) {
    throw new Error(
      `leakproof browser runtime needs the "${name}" package (npm install -D ${name}): ${String(error)}`,
    );
  }
}

/** Where a Chromium binary found by {@link findChromium} came from. */
export type ChromiumSource = "option" | "env" | "system" | "@sparticuz/chromium";

/** A Chromium binary and where it came from. */
export interface ChromiumExecutable {
  path: string;
  source: ChromiumSource;
}

const NPM_CHROMIUM = "@sparticuz/chromium";

function missingChromiumMessage(detail: string): string {
  return (
    `${detail} Install one of: the npm package ${NPM_CHROMIUM} (npm install -D ${NPM_CHROMIUM}; ` +
    `it ships a headless Chromium), Debian/Ubuntu's chromium (apt-get install -y chromium), ` +
    `or point LEAKPROOF_CHROMIUM at a Chromium/Chrome binary.`
  );
}

/**
 * The Chromium binary named by the caller, by `$LEAKPROOF_CHROMIUM`, or installed at
 * {@link DEFAULT_CHROMIUM_PATH}, without looking at npm packages (synchronous; see
 * {@link findChromium} for the full search). Throws when a named binary is missing, or when
 * nothing is named and there is no system Chromium.
 */
export function resolveChromiumPath(executablePath?: string): string {
  const named = namedChromium(executablePath);
  if (named) return named.path;
  if (existsSync(DEFAULT_CHROMIUM_PATH)) return DEFAULT_CHROMIUM_PATH;
  throw new Error(missingChromiumMessage(`Chromium not found at ${DEFAULT_CHROMIUM_PATH}.`));
}

/** The binary the caller or the environment asked for; it must exist (no silent fallback). */
function namedChromium(executablePath: string | undefined): ChromiumExecutable | undefined {
  const env = process.env["LEAKPROOF_CHROMIUM"];
  const named: ChromiumExecutable | undefined =
    executablePath !== undefined
      ? { path: executablePath, source: "option" }
      : env
        ? { path: env, source: "env" }
        : undefined;
  if (named && !existsSync(named.path)) {
    const where = named.source === "env" ? "LEAKPROOF_CHROMIUM" : "executablePath";
    throw new Error(`Chromium not found at ${named.path} (from ${where}).`);
  }
  return named;
}

/**
 * Find the Chromium binary the browser tier launches, in this order:
 *
 * 1. `executablePath`, when given;
 * 2. `$LEAKPROOF_CHROMIUM`, when set;
 * 3. `/usr/bin/chromium` (Debian/Ubuntu's `chromium` package), when present;
 * 4. the headless Chromium shipped inside the npm package `@sparticuz/chromium`, when installed
 *    (unpacked once per version into the temp folder, see {@link unpackNpmChromium}).
 *
 * A binary named in 1 or 2 must exist: a typo is an error rather than a silent switch to another
 * browser. Rejects with the ways to get a browser when none is found.
 */
export async function findChromium(executablePath?: string): Promise<ChromiumExecutable> {
  const named = namedChromium(executablePath);
  if (named) return named;
  if (existsSync(DEFAULT_CHROMIUM_PATH)) return { path: DEFAULT_CHROMIUM_PATH, source: "system" };
  const unpacked = await unpackNpmChromium();
  if (unpacked) return { path: unpacked, source: NPM_CHROMIUM };
  throw new Error(
    missingChromiumMessage(`No Chromium: ${DEFAULT_CHROMIUM_PATH} is missing and ${NPM_CHROMIUM} is not installed.`),
  );
}

interface NpmChromiumModule {
  default: { executablePath(input?: string): Promise<string> };
}

// One unpack per process: concurrent launches share it (the unpack briefly changes TMPDIR).
let npmChromium: Promise<string | undefined> | undefined;

/**
 * Unpack the Chromium of `@sparticuz/chromium` and return its path, or `undefined` when the
 * package is not installed.
 *
 * The package always unpacks into `os.tmpdir()` and reuses whatever `chromium` it finds there,
 * so two processes unpacking at once could launch a half-written binary, and a binary left by
 * another version would be reused. Instead each version gets its own folder
 * (`<tmp>/leakproof-chromium-<version>`), filled in a private staging folder and renamed into
 * place in one step: the folder exists only when complete, and a process that loses the race
 * simply uses the winner's copy.
 */
export function unpackNpmChromium(): Promise<string | undefined> {
  npmChromium ??= unpackNpmChromiumOnce().catch((error: unknown) => {
    npmChromium = undefined; // let a later call retry (e.g. after freeing disk space)
    throw error;
  });
  return npmChromium;
}

async function unpackNpmChromiumOnce(): Promise<string | undefined> {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(NPM_CHROMIUM);
  } catch {
    return undefined;
  }
  const version = npmPackageVersion(entry);
  const root = os.tmpdir();
  const final = path.join(root, `leakproof-chromium-${version}`);
  const binary = path.join(final, "chromium");
  if (existsSync(binary)) return binary;

  const mod = await loadOptional<NpmChromiumModule>(NPM_CHROMIUM);
  mkdirSync(root, { recursive: true });
  removeAbandonedStaging(root, path.basename(final));
  const staging = mkdtempSync(`${final}.partial-`);
  const savedTmpdir = process.env["TMPDIR"];
  try {
    // The package writes into os.tmpdir(), which reads TMPDIR on every call.
    process.env["TMPDIR"] = staging;
    const unpacked = await mod.default.executablePath();
    if (path.resolve(unpacked) !== path.join(staging, "chromium")) {
      throw new Error(`${NPM_CHROMIUM} unpacked to ${unpacked}, not into ${staging}`);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    if (savedTmpdir === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = savedTmpdir;
  }
  try {
    // mkdtemp made the folder private; the binary is meant for every user of this machine.
    chmodSync(staging, 0o755);
    renameSync(staging, final);
  } catch (error) {
    // Another process renamed its complete copy first: use it, drop ours.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}

/** Unpacking takes seconds: a staging folder an hour old belongs to a process that died. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

function removeAbandonedStaging(root: string, finalName: string): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(`${finalName}.partial-`)) continue;
    const dir = path.join(root, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > ABANDONED_AFTER_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // removed meanwhile by another process
    }
  }
}

function npmPackageVersion(entry: string): string {
  // The package's exports hide its package.json; find it above the resolved entry file.
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === NPM_CHROMIUM && typeof pkg.version === "string") return pkg.version;
  }
  throw new Error(`cannot find the version of ${NPM_CHROMIUM} installed at ${entry}`);
}

/**
 * Launch headless Chromium (found by {@link findChromium}) with the flags the oracle expects.
 * Close it when done.
 */
export async function launchLeakBrowser(options: { executablePath?: string } = {}): Promise<Browser> {
  const { chromium } = await loadOptional<PlaywrightCore>("playwright-core");
  const executable = await findChromium(options.executablePath);
  return chromium.launch({
    executablePath: executable.path,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}

/**
 * Compile-time constants of the bundle, so a fixture runs the production build of its framework:
 * React reads `process.env.NODE_ENV`; Vue's bundler build (what `vue` resolves to for the
 * browser, `vue.runtime.esm-bundler.js`) reads its feature flags, set here as a production app
 * sets them (Options API kept, no devtools hook, no hydration-mismatch details). Lit's default
 * export is already its production build.
 */
const BUNDLE_DEFINES: Readonly<Record<string, string>> = {
  "process.env.NODE_ENV": '"production"',
  __VUE_OPTIONS_API__: "true",
  __VUE_PROD_DEVTOOLS__: "false",
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
};

/** Bundle a fixture into an IIFE that installs its default export on `window.__leakproofFixture`. */
export async function bundleBrowserFixture(fixtureFile: string): Promise<string> {
  const esbuild = await loadOptional<Esbuild>("esbuild");
  const absolute = path.resolve(fixtureFile);
  const result = await esbuild.build({
    stdin: {
      contents:
        `import harness from ${JSON.stringify(absolute)};\n` +
        `window[${JSON.stringify(GLOBAL)}] = harness;\n`,
      resolveDir: path.dirname(absolute),
      sourcefile: "leakproof-entry.js",
      loader: "js",
    },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome110",
    jsx: "automatic",
    define: BUNDLE_DEFINES,
    logLevel: "silent",
    legalComments: "none",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${fixtureFile}`);
  return output.text;
}

// Runs in the page before the fixture: remembers every object URL the page creates, without
// changing what createObjectURL/revokeObjectURL do. Whether a URL still resolves is decided by
// the browser's blob registry when we sample, not by bookkeeping of revoke calls.
const OBJECT_URL_TRACKER = `
(() => {
  const created = [];
  const original = URL.createObjectURL;
  URL.createObjectURL = function createObjectURL(object) {
    const url = original.call(URL, object);
    created.push(url);
    return url;
  };
  window[${JSON.stringify(TRACKER)}] = created;
})();
`;

function servePage(bundle: string): Promise<{ server: Server; url: string }> {
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>leakproof</title></head>` +
    `<body><script src="/tracker.js"></script><script src="/fixture.js"></script></body></html>`;
  const server = createServer((request, response) => {
    const route = (request.url ?? "/").split("?")[0];
    const body =
      route === "/" ? html : route === "/tracker.js" ? OBJECT_URL_TRACKER : route === "/fixture.js" ? bundle : null;
    if (body === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": route === "/" ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8",
      "cache-control": "no-store",
    });
    response.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

function normalizeOracles(value: unknown, where: string): BrowserOracle[] {
  const list: unknown[] = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  if (list.length === 0) {
    throw new Error(`${where}: no oracle (expected one of ${BROWSER_ORACLES.join(", ")}, or a list of them)`);
  }
  for (const oracle of list) {
    if (!(BROWSER_ORACLES as readonly unknown[]).includes(oracle)) {
      throw new Error(`${where}: unknown browser oracle ${JSON.stringify(oracle)} (known: ${BROWSER_ORACLES.join(", ")})`);
    }
  }
  return [...new Set(list as BrowserOracle[])];
}

type FixtureWindow = Record<string, BrowserLeakFixture | undefined>;

async function countMarkers(cdp: CDPSession, markerCount: number): Promise<number> {
  const group = "leakproof-markers";
  let total = 0;
  try {
    for (let index = 0; index < markerCount; index++) {
      const proto = await cdp.send("Runtime.evaluate", {
        expression: `(() => { const m = window[${JSON.stringify(GLOBAL)}].markers; return (Array.isArray(m) ? m : [m])[${index}].prototype; })()`,
        objectGroup: group,
      });
      const prototypeObjectId = proto.result.objectId;
      if (!prototypeObjectId) throw new Error("a `markers` entry of the fixture has no prototype object");
      const query = await cdp.send("Runtime.queryObjects", { prototypeObjectId, objectGroup: group });
      const arrayId = query.objects.objectId;
      if (!arrayId) throw new Error("Runtime.queryObjects returned no array");
      const length = await cdp.send("Runtime.callFunctionOn", {
        objectId: arrayId,
        functionDeclaration: "function () { return this.length; }",
        returnByValue: true,
      });
      total += Number(length.result.value);
    }
    return total;
  } finally {
    // Release the handles, or the instances found stay reachable from DevTools.
    await cdp.send("Runtime.releaseObjectGroup", { objectGroup: group });
  }
}

interface SampleContext {
  page: Page;
  cdp: CDPSession;
  markerCount: number;
  gcRounds: number;
  settleMs: number;
}

async function takeSample(
  ctx: SampleContext,
  label: BrowserLeakSample["label"],
  iterations: number,
): Promise<BrowserLeakSample> {
  const { page, cdp } = ctx;
  if (ctx.settleMs > 0) await new Promise((resolve) => setTimeout(resolve, ctx.settleMs));
  // Resolvability of object URLs does not depend on GC: the blob registry holds them until revoked.
  const objectUrls = await page.evaluate(async (tracker: string) => {
    const urls = ((window as unknown as Record<string, string[] | undefined>)[tracker] ?? []).slice();
    const settled = await Promise.allSettled(urls.map((url) => fetch(url).then((response) => response.blob())));
    return settled.filter((result) => result.status === "fulfilled").length;
  }, TRACKER);
  for (let round = 0; round < ctx.gcRounds; round++) {
    await cdp.send("HeapProfiler.collectGarbage");
  }
  const dom = await cdp.send("Memory.getDOMCounters");
  const attached = await page.evaluate(() => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let count = 1; // the document itself
    while (walker.nextNode()) count++;
    return count;
  });
  const markers = ctx.markerCount > 0 ? await countMarkers(cdp, ctx.markerCount) : null;
  const heap = await cdp.send("Runtime.getHeapUsage");
  return {
    label,
    iterations,
    values: {
      jsEventListeners: dom.jsEventListeners,
      nodes: dom.nodes,
      detachedNodes: dom.nodes - attached,
      documents: dom.documents,
      markers,
      objectUrls,
    },
    heapUsed: heap.usedSize,
  };
}

async function runIterations(page: Page, from: number, to: number): Promise<void> {
  // One evaluate per iteration: between two calls the page's event loop runs, so work that
  // frameworks schedule as tasks (React's scheduler, image loads) happens as in a real app.
  for (let i = from; i < to; i++) {
    await page.evaluate(
      async ({ name, index }) => {
        await (window as unknown as FixtureWindow)[name]!.iterate(index);
      },
      { name: GLOBAL, index: i },
    );
  }
}

function slopesBetween(a: BrowserLeakSample, b: BrowserLeakSample, span: number): BrowserOracleValues {
  const out = {} as BrowserOracleValues;
  for (const oracle of BROWSER_ORACLES) {
    const from = a.values[oracle];
    const to = b.values[oracle];
    out[oracle] = from === null || to === null || span <= 0 ? null : (to - from) / span;
  }
  return out;
}

/**
 * Run a browser fixture in headless Chromium and judge whether its oracles grow with the
 * number of iterations. Rejects on page errors, invalid fixtures, a missing Chromium or a timeout.
 */
export async function measureLeakInBrowser(
  fixtureFile: string,
  options: BrowserLeakOptions = {},
): Promise<BrowserLeakMeasurement> {
  const warmup = options.warmup ?? 10;
  const n1 = options.n1 ?? 10;
  const n2 = options.n2 ?? 50;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const leak = options.leakThreshold ?? 0.9;
  const clean = options.cleanThreshold ?? 0.1;
  const gcRounds = options.gcRounds ?? 3;
  const settleMs = options.settleMs ?? 0;
  if (![warmup, n1, n2].every((n) => Number.isInteger(n) && n >= 0) || n2 <= n1) {
    throw new Error(`measureLeakInBrowser: need integers warmup >= 0 and n2 > n1 >= 0 (got ${warmup}, ${n1}, ${n2})`);
  }
  const fixture = path.resolve(fixtureFile);
  const name = path.basename(fixture);
  const started = Date.now();
  const bundle = await bundleBrowserFixture(fixture);

  let ownBrowser: Browser | undefined;
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const browser = options.browser ?? (ownBrowser = await launchLeakBrowser({ executablePath: options.executablePath }));
    const served = await servePage(bundle);
    server = served.server;
    context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on("pageerror", (error) => pageErrors.push(error));
    const checkErrors = (phase: string): void => {
      const error = pageErrors[0];
      if (error) throw new Error(`${name}: uncaught error in the page during ${phase}: ${error.message}`, { cause: error });
    };
    const openContext = context;

    const run = async (): Promise<BrowserLeakMeasurement> => {
      await page.goto(served.url, { waitUntil: "load" });
      checkErrors("load");
      const declared = await page.evaluate((global: string) => {
        const harness = (window as unknown as FixtureWindow)[global];
        if (!harness || typeof harness !== "object" || typeof harness.iterate !== "function") return null;
        const markers = harness.markers === undefined ? [] : Array.isArray(harness.markers) ? harness.markers : [harness.markers];
        return {
          oracle: harness.oracle,
          description: typeof harness.description === "string" ? harness.description : undefined,
          markerCount: markers.length,
          markersAreClasses: markers.every((m: unknown) => typeof m === "function"),
        };
      }, GLOBAL);
      if (!declared) throw new Error(`${name}: the default export must be an object with an iterate(i) function`);
      const declaredOracles = normalizeOracles(declared.oracle, `${name}: default export's \`oracle\``);
      const oracles = options.oracle === undefined ? declaredOracles : normalizeOracles(options.oracle, "options.oracle");
      if (!declared.markersAreClasses) throw new Error(`${name}: \`markers\` must be a class or a list of classes`);
      if (oracles.includes("markers") && declared.markerCount === 0) {
        throw new Error(`${name}: oracle "markers" needs \`markers: SomeClass\` in the default export`);
      }

      const cdp = await openContext.newCDPSession(page);
      const ctx: SampleContext = { page, cdp, markerCount: declared.markerCount, gcRounds, settleMs };
      await page.evaluate(async (global: string) => {
        await (window as unknown as FixtureWindow)[global]!.setup?.();
      }, GLOBAL);
      checkErrors("setup");
      await runIterations(page, 0, warmup);
      checkErrors("warm-up");
      const s0 = await takeSample(ctx, "after-warmup", warmup);
      await runIterations(page, warmup, warmup + n1);
      checkErrors("iterate to n1");
      const s1 = await takeSample(ctx, "after-n1", warmup + n1);
      await runIterations(page, warmup + n1, warmup + n2);
      checkErrors("iterate to n2");
      const s2 = await takeSample(ctx, "after-n2", warmup + n2);

      // Retention that is only transient (a task still queued, a style or template cache not yet
      // trimmed) can only add to a count, never remove from it: when a slope falls between the
      // thresholds, sample the end again after settling and keep the minimum. A real leak grows by
      // a whole unit per iteration and stays put however long we wait.
      const resamples = options.resamples ?? 2;
      const judge = (slopes: BrowserOracleValues): boolean =>
        oracles.some((oracle) => {
          const value = slopes[oracle] ?? Number.NaN;
          return value > clean && value < leak;
        });
      for (let round = 0; round < resamples && judge(slopesBetween(s1, s2, n2 - n1)); round++) {
        const again = await takeSample({ ...ctx, settleMs: Math.max(settleMs, 100) }, "after-n2", warmup + n2);
        for (const oracle of BROWSER_ORACLES) {
          const a = s2.values[oracle];
          const b = again.values[oracle];
          if (a !== null && b !== null && b < a) s2.values[oracle] = b;
        }
      }
      checkErrors("resample");
      await page.evaluate(async (global: string) => {
        await (window as unknown as FixtureWindow)[global]!.teardown?.();
      }, GLOBAL);
      checkErrors("teardown");
      const slopes = slopesBetween(s1, s2, n2 - n1);
      const earlySlopes = slopesBetween(s0, s1, n1);
      const verdicts: Partial<Record<BrowserOracle, BrowserLeakVerdict>> = {};
      for (const oracle of oracles) {
        const value = slopes[oracle] ?? Number.NaN;
        verdicts[oracle] = value >= leak ? "leaks" : value <= clean ? "clean" : "inconclusive";
      }
      const judged = oracles.map((oracle) => verdicts[oracle]);
      const verdict: BrowserLeakVerdict = judged.includes("leaks")
        ? "leaks"
        : judged.every((v) => v === "clean")
          ? "clean"
          : "inconclusive";
      return {
        fixture,
        ...(declared.description === undefined ? {} : { description: declared.description }),
        declaredOracles,
        oracles,
        iterations: { warmup, n1, n2 },
        samples: [s0, s1, s2],
        slopes,
        earlySlopes,
        slope: Math.max(...oracles.map((oracle) => slopes[oracle] ?? Number.NaN)),
        verdicts,
        thresholds: { leak, clean },
        verdict,
        leaks: verdict === "leaks",
        browserVersion: browser.version(),
        durationMs: Date.now() - started,
      };
    };
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name}: browser measurement timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    return await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => undefined);
    await ownBrowser?.close().catch(() => undefined);
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
  }
}
