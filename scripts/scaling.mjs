/**
 * Synthetic files for the scaling check (issue 12 §2), shared by bench/run.mjs (`--scaling`,
 * 1k to 64k) and tests/robustness/scaling.test.ts (1k and 4k): for every resource family,
 * files with n acquisitions in the shapes that have gone superlinear before.
 *
 * - `class`: one class whose `start()` makes n acquisitions and whose `dispose()` makes the n
 *   releases (one owner holding many resources);
 * - `effect`: one React effect with n acquisitions and the n releases in its cleanup;
 * - `owners`: n small owners, one acquisition and its release each;
 * - `types`: one class, n acquisitions that differ in their event type, channel or key;
 * - `nesting`: nested loops, functions and blocks n/64 levels deep (at most 128, then repeated),
 *   four acquisitions a level.
 *
 * Rule time is ESLint's own per-rule timing (`stats`), summed over every leakproof rule and
 * scaled by the share of the run the process spent on a CPU; small files are linted again and
 * again and the fastest run kept (see `measureScaling`). Only ratios within one run are
 * compared: the machine is shared and noisy.
 */

/**
 * The families: how one acquisition and its release are written in each shape. `i` numbers
 * the acquisition; `this.*` forms go in a class, bare forms in an effect or a function.
 * `wrap` (optional) puts a class's acquisitions in code that runs again and again, for the
 * families that only judge repeated code.
 */
export const FAMILIES = [
  {
    family: "listeners",
    rule: "no-leaked-event-listener",
    classAcquire: (i) => `document.addEventListener("click", this.h${i});`,
    classRelease: (i) => `document.removeEventListener("click", this.h${i});`,
    effectAcquire: (i) => `window.addEventListener("resize", h${i});`,
    effectRelease: (i) => `window.removeEventListener("resize", h${i});`,
    typedAcquire: (i) => `document.addEventListener("e${i}", this.onEvent);`,
    typedRelease: (i) => `document.removeEventListener("e${i}", this.onEvent);`,
    owner: (i) =>
      `export class L${i} {\n  start() { window.addEventListener("resize", this.onResize); }\n  dispose() { window.removeEventListener("resize", this.onResize); }\n}`,
    nestOpen: (i) => `el.addEventListener("x${i}", () => {`,
    nestClose: "});",
    nestBody: (i) => `window.addEventListener("a${i}", onA);\nwindow.removeEventListener("a${i}", onA);`,
  },
  {
    family: "timers",
    rule: "no-leaked-timer",
    classAcquire: (i) => `this.t${i} = setInterval(() => this.tick(${i}), 1000);`,
    classRelease: (i) => `clearInterval(this.t${i});`,
    effectAcquire: (i) => `const t${i} = setInterval(tick, ${i + 1});`,
    effectRelease: (i) => `clearInterval(t${i});`,
    typedAcquire: (i) => [`this.t${i} = setInterval(tick, 10);`, `this.t${i} = setTimeout(tick, 10);`, `this.t${i} = requestAnimationFrame(tick);`][i % 3],
    typedRelease: (i) => [`clearInterval(this.t${i});`, `clearTimeout(this.t${i});`, `cancelAnimationFrame(this.t${i});`][i % 3],
    owner: (i) => `export function poll${i}(tick) {\n  const id = setInterval(tick, 1000);\n  return () => clearInterval(id);\n}`,
    nestOpen: (i) => `function level${i}() {`,
    nestClose: "}",
    nestBody: (i) => `const t${i} = setInterval(tick, 10);\nclearInterval(t${i});`,
  },
  {
    family: "object URLs",
    rule: "no-unrevoked-object-url",
    classAcquire: (i) => `this.u${i} = URL.createObjectURL(this.blob);`,
    classRelease: (i) => `URL.revokeObjectURL(this.u${i});`,
    effectAcquire: (i) => `const u${i} = URL.createObjectURL(blob);`,
    effectRelease: (i) => `URL.revokeObjectURL(u${i});`,
    typedAcquire: (i) => `this.img${i}.src = this.u${i} = URL.createObjectURL(this.blobs[${i}]);`,
    typedRelease: (i) => `URL.revokeObjectURL(this.u${i});`,
    owner: (i) => `export function preview${i}(blob, img) {\n  const url = URL.createObjectURL(blob);\n  img.src = url;\n  return () => URL.revokeObjectURL(url);\n}`,
    nestOpen: () => `for (const blob of blobs) {`,
    nestClose: "}",
    nestBody: (i) => `const u${i} = URL.createObjectURL(blob);\nURL.revokeObjectURL(u${i});`,
  },
  {
    family: "observers",
    rule: "no-leaked-observer",
    classAcquire: (i) => `this.o${i} = new ResizeObserver(this.onResize);\nthis.o${i}.observe(this.el);`,
    classRelease: (i) => `this.o${i}.disconnect();`,
    effectAcquire: (i) => `const o${i} = new ResizeObserver(onResize);\no${i}.observe(el);`,
    effectRelease: (i) => `o${i}.disconnect();`,
    typedAcquire: (i) =>
      `this.o${i} = new ${["ResizeObserver", "MutationObserver", "IntersectionObserver"][i % 3]}(this.cb);\nthis.o${i}.observe(this.els[${i}]);`,
    typedRelease: (i) => `this.o${i}.disconnect();`,
    owner: (i) =>
      `export class O${i} {\n  start() { this.o = new ResizeObserver(this.cb); this.o.observe(document.body); }\n  dispose() { this.o.disconnect(); }\n}`,
    nestOpen: () => `if (el) {`,
    nestClose: "}",
    nestBody: (i) => `const o${i} = new MutationObserver(cb);\no${i}.observe(el);\no${i}.disconnect();`,
  },
  {
    family: "closeables",
    rule: "no-unclosed-resource",
    classAcquire: (i) => `this.s${i} = new WebSocket(this.url);\nthis.s${i}.onmessage = this.onMessage;`,
    classRelease: (i) => `this.s${i}.close();`,
    effectAcquire: (i) => `const s${i} = new WebSocket(url);\ns${i}.onmessage = onMessage;`,
    effectRelease: (i) => `s${i}.close();`,
    typedAcquire: (i) => `this.c${i} = new ${["WebSocket", "EventSource", "BroadcastChannel"][i % 3]}("c${i}");`,
    typedRelease: (i) => `this.c${i}.close();`,
    owner: (i) => `export class S${i} {\n  start() { this.ws = new WebSocket(URL${i}); }\n  dispose() { this.ws.close(); }\n}`,
    nestOpen: () => `while (running) {`,
    nestClose: "}",
    nestBody: (i) => `const s${i} = new WebSocket(url);\ns${i}.close();`,
  },
  {
    family: "subscriptions",
    rule: "no-leaked-subscription",
    classAcquire: (i) => `this.sub${i} = store.subscribe(this.onChange);`,
    classRelease: (i) => `this.sub${i}.unsubscribe();`,
    effectAcquire: (i) => `const off${i} = store.subscribe(onChange);`,
    effectRelease: (i) => `off${i}();`,
    typedAcquire: (i) => `this.sub${i} = this.sources[${i}].subscribe(this.on${i});`,
    typedRelease: (i) => `this.sub${i}.unsubscribe();`,
    owner: (i) => `export class Sub${i} {\n  start() { this.sub = store.subscribe(this.onChange); }\n  dispose() { this.sub.unsubscribe(); }\n}`,
    nestOpen: () => `{`,
    nestClose: "}",
    nestBody: (i) => `const sub${i} = store.subscribe(cb);\nsub${i}.unsubscribe();`,
  },
  {
    family: "collections",
    rule: "no-unbounded-collection",
    classAcquire: (i) => `this.m${i}.set(key, value);`,
    classRelease: (i) => `this.m${i}.delete(key);`,
    classFields: (i) => `m${i} = new Map();`,
    classMethods: { acquire: "onMessage(key, value)", release: "onClose(key)" },
    effectAcquire: (i) => `cache${i}.set(id, value);`,
    effectRelease: (i) => `cache${i}.delete(id);`,
    effectPrelude: (i) => `const cache${i} = new Map();`,
    typedAcquire: (i) => `this.byKey.set("k${i}:" + key, value);`,
    typedRelease: (i) => `this.byKey.delete("k${i}:" + key);`,
    owner: (i) =>
      `const seen${i} = new Set();\nexport function track${i}(id) {\n  seen${i}.add(id);\n}\nexport function forget${i}(id) {\n  seen${i}.delete(id);\n}`,
    nestOpen: (i) => `for (const k${i} of keys) {`,
    nestClose: "}",
    nestBody: (i) => `registry.set(k${i}, ${i});\nregistry.delete(k${i});`,
  },
  {
    family: "registrations",
    rule: "no-repeated-registration",
    prelude: () => `import { ipcMain } from "electron";`,
    wrap: (body) => `window.addEventListener("online", () => {\n${body}\n});`,
    classAcquire: (i) => `registry.register(this.h${i});`,
    classRelease: (i) => `registry.unregister(this.h${i});`,
    effectAcquire: (i) => `commands.registerCommand("c${i}", h${i});`,
    effectRelease: (i) => `commands.unregisterCommand("c${i}", h${i});`,
    typedAcquire: (i) => `ipcMain.handle("channel${i}", this.onChannel);`,
    typedRelease: (i) => `ipcMain.removeHandler("channel${i}");`,
    owner: (i) => `export function initMenu${i}() {\n  menu.addItem(item${i});\n  return () => menu.removeItem(item${i});\n}`,
    nestOpen: () => `setInterval(() => {`,
    nestClose: "}, 1000);",
    nestBody: (i) => `registry.register(h${i});\nregistry.unregister(h${i});`,
  },
  {
    family: "async loops",
    rule: "require-cancellable-loop",
    classMethods: { acquire: "async start()", release: "dispose()" },
    classAcquire: (i) => `while (!this.signal.aborted) {\n  await this.step(${i});\n}`,
    classRelease: (i) => (i === 0 ? "this.controller.abort();" : ""),
    effectAcquire: (i) => `(async () => {\n  while (!signal.aborted) await step(${i});\n})();`,
    effectRelease: (i) => (i === 0 ? "controller.abort();" : ""),
    typedAcquire: (i) => `for await (const e${i} of on(this.emitter, "e${i}", { signal: this.signal })) this.handle(e${i});`,
    typedRelease: (i) => (i === 0 ? "this.controller.abort();" : ""),
    typedPrelude: () => `import { on } from "node:events";`,
    owner: (i) => `export async function worker${i}(signal) {\n  while (!signal.aborted) {\n    await step(${i});\n  }\n}`,
    nestOpen: () => `while (true) {`,
    nestClose: "}",
    nestAsync: true,
    nestBody: (i) => `await step(${i});\nif (signal.aborted) return;`,
  },
  {
    family: "promise race",
    rule: "no-promise-race-in-loop",
    prelude: () => `const shutdown = new Promise((resolve) => process.once("SIGTERM", resolve));`,
    classMethods: { acquire: "async start()", release: "dispose()" },
    classAcquire: (i) => `for (let k = 0; k < 10; k++) {\n  await Promise.race([this.stopped, this.next(${i})]);\n}`,
    classRelease: (i) => (i === 0 ? "this.stop();" : ""),
    effectAcquire: (i) => `(async () => {\n  for (;;) await Promise.race([shutdown, next(${i})]);\n})();`,
    effectRelease: () => "",
    typedAcquire: (i) => `for (const job${i} of this.jobs) await Promise.${i % 2 ? "any" : "race"}([job${i}, shutdown]);`,
    typedRelease: () => "",
    owner: (i) => `export async function pump${i}(source) {\n  for (;;) {\n    await Promise.race([shutdown, source.next()]);\n  }\n}`,
    nestOpen: (i) => `for (const x${i} of xs) {`,
    nestClose: "}",
    nestAsync: true,
    nestBody: (i) => `await Promise.race([shutdown, x${i}]);`,
  },
  {
    family: "DOM nodes",
    rule: "no-accumulating-dom-nodes",
    wrap: (body) => `window.addEventListener("resize", () => {\n${body}\n});`,
    classAcquire: (i) => `this.n${i} = document.createElement("div");\ndocument.body.appendChild(this.n${i});`,
    classRelease: (i) => `this.n${i}.remove();`,
    effectAcquire: (i) => `const n${i} = document.createElement("p");\ncontainer.append(n${i});`,
    effectRelease: (i) => `n${i}.remove();`,
    typedAcquire: (i) => `document.body.insertAdjacentHTML("beforeend", "<div id=d${i}></div>");`,
    typedRelease: (i) => `document.getElementById("d${i}")?.remove();`,
    owner: (i) =>
      `window.addEventListener("resize", function onResize${i}() {\n  const toast = document.createElement("div");\n  document.body.appendChild(toast);\n  setTimeout(() => toast.remove(), 1000);\n});`,
    nestOpen: () => `if (visible) {`,
    nestClose: "}",
    nestBody: (i) => `const n${i} = document.createElement("span");\ndocument.body.append(n${i});\nn${i}.remove();`,
  },
  {
    family: "stream pipelines",
    rule: "prefer-stream-pipeline",
    prelude: () => `import { createReadStream, createWriteStream } from "node:fs";\nimport { createGzip } from "node:zlib";`,
    classAcquire: (i) => `this.r${i} = createReadStream(this.paths[${i}]);\nthis.r${i}.pipe(createGzip()).pipe(this.out);`,
    classRelease: (i) => `this.r${i}.destroy();`,
    effectAcquire: (i) => `const r${i} = createReadStream(path${i});\nr${i}.pipe(sink);`,
    effectRelease: (i) => `r${i}.destroy();`,
    typedAcquire: (i) => `createReadStream("in${i}").pipe(createWriteStream("out${i}"));`,
    typedRelease: () => "",
    owner: (i) => `export function copy${i}(from, to) {\n  createReadStream(from).pipe(createGzip()).pipe(createWriteStream(to));\n}`,
    nestOpen: () => `for (const file of files) {`,
    nestClose: "}",
    nestBody: (i) => `const r${i} = createReadStream(file);\nr${i}.pipe(createWriteStream(file + ${i}));`,
  },
];

export const SHAPES = ["class", "effect", "owners", "types", "nesting"];

/** The deepest nest the `nesting` shape writes (see there). */
const MAX_DEPTH = 128;

/**
 * ESLint's own rules whose work is linear in the file (one visit per node, or per variable and
 * reference), for the control `measureScaling` can run next to the plugin's rules: how the
 * time of a lint whose work is known to be linear grows with the size of these files on this
 * machine, measured in the same runs. Rules that report most lines (`no-undef` on `window`)
 * are left out: their reports would outweigh their checks.
 */
export const CONTROL_RULES = {
  "no-unused-vars": "warn",
  "prefer-const": "warn",
  "no-shadow": "warn",
  "dot-notation": "warn",
  eqeqeq: "warn",
  "no-new": "warn",
};

/** Milliseconds of CPU time in a `process.cpuUsage()` difference. */
const cpuMs = (usage) => (usage.user + usage.system) / 1000;

const lines = (count, make) => Array.from({ length: count }, (_, i) => make(i)).filter(Boolean).join("\n");

/** The synthetic file for one family and shape with `n` acquisitions. */
export function scalingFile(family, shape, n) {
  const spec = typeof family === "string" ? FAMILIES.find((f) => f.family === family) : family;
  if (!spec) throw new Error(`unknown family ${family}`);
  const prelude = spec.prelude ? spec.prelude(n) : "";
  const methods = spec.classMethods ?? { acquire: "start()", release: "dispose()" };
  const wrap = spec.wrap ?? ((body) => body);
  switch (shape) {
    case "class":
    case "types": {
      const acquire = shape === "class" ? spec.classAcquire : spec.typedAcquire;
      const release = shape === "class" ? spec.classRelease : spec.typedRelease;
      const fields = shape === "class" && spec.classFields ? lines(n, spec.classFields) : "";
      const extra = shape === "types" && spec.typedPrelude ? spec.typedPrelude() : "";
      return `${prelude}\n${extra}\nexport class Big {\n${fields}\n${methods.acquire} {\n${wrap(lines(n, acquire))}\n}\n${methods.release} {\n${lines(n, release)}\n}\n}\n`;
    }
    case "effect": {
      const module = spec.effectPrelude ? lines(n, spec.effectPrelude) : "";
      return `import { useEffect } from "react";\n${prelude}\n${module}\nexport function Big() {\n  useEffect(() => {\n${lines(n, spec.effectAcquire)}\n    return () => {\n${lines(n, spec.effectRelease)}\n    };\n  }, []);\n  return null;\n}\n`;
    }
    case "owners":
      return `${prelude}\n${lines(n, spec.owner)}\n`;
    case "nesting": {
      // n/64 levels, four acquisitions (with their releases) a level, so the file grows linearly
      // with n; past 128 levels (8k) the nest is repeated instead, in sibling functions, since
      // parsers run out of stack near a thousand levels.
      const levels = Math.max(1, Math.floor(n / 64));
      const out = [prelude];
      for (let first = 0; first < levels; first += MAX_DEPTH) {
        const depth = Math.min(MAX_DEPTH, levels - first);
        out.push(`export ${spec.nestAsync ? "async " : ""}function deep${first ? first / MAX_DEPTH : ""}(el, signal) {`);
        for (let level = first; level < first + depth; level++) {
          out.push(spec.nestOpen(level));
          for (let k = 0; k < 4; k++) out.push(spec.nestBody(level * 4 + k));
        }
        for (let level = 0; level < depth; level++) out.push(spec.nestClose);
        out.push("}");
      }
      return `${out.join("\n")}\n`;
    }
    default:
      throw new Error(`unknown shape ${shape}`);
  }
}

/**
 * Lints the file of every family × shape at every size with `rules` on and returns the rule
 * time (ESLint `stats`, summed over the rules, scaled by the run's share of time on a CPU: see
 * `lintOnce`) and the heaviest rule. `Linter` is ESLint's class; `plugin` the leakproof plugin
 * object. `times` holds the figure compared, `wall` the same from ESLint's unscaled figures,
 * `runs` how many timed runs each size had and `samples` their times.
 *
 * A row is measured in `rounds` rounds, each linting every size in turn, so that all sizes are
 * sampled over the same stretch of time on a shared machine rather than the small ones in one
 * quiet second and the big ones in a busy one. Within a round a size is linted back to back
 * until its runs took `minRoundMs` of CPU time (at most `maxRunsPerRound` runs), and the
 * batch's mean is its figure for the round; the figure kept is the lowest of the rounds (noise only adds).
 * A mean, not the fastest run: a 1k file lints in about a millisecond, and its fastest run is
 * one in which no garbage collection fell, while a 64k run always pays for the garbage it
 * makes; a batch pays its share at every size. A size that lints fast gets one untimed run
 * before its batch, which takes the garbage the previous size left; and each row starts
 * with an untimed run of its smallest file, so the first size does not pay for compiling the
 * row's code paths.
 *
 * `control` (ESLint rules, e.g. `CONTROL_RULES`) is linted in the same runs; their time,
 * scaled and chosen alike, is the row's `control`: not part of `times`, and not bounded.
 */
export function measureScaling(
  Linter,
  plugin,
  { families = FAMILIES, shapes = SHAPES, sizes = [1000, 4000], rounds = 3, minRoundMs = 400, maxRunsPerRound = 50, control = {}, onRow } = {},
) {
  const rules = { ...control, ...plugin.configs.all.rules };
  const config = [
    {
      files: ["**/*.jsx"],
      languageOptions: { ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { leakproof: plugin },
      rules,
    },
  ];
  const lintOnce = (code, label) => {
    const linter = new Linter({ configType: "flat" });
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const { messages } = linter.verifyAndFix(code, config, { filename: "big.jsx", stats: true, fix: false });
    const wall = performance.now() - wallBefore;
    const cpu = process.cpuUsage(cpuBefore);
    const fatal = messages.find((message) => message.fatal);
    if (fatal) throw new Error(`${label} does not parse: ${fatal.message}`);
    const all = Object.entries(linter.getTimes().passes[0].rules ?? {});
    const timed = all.filter(([name]) => name.startsWith("leakproof/"));
    const ruleWall = timed.reduce((sum, [, time]) => sum + time.total, 0);
    const controlWall = all.reduce((sum, [name, time]) => (name.startsWith("leakproof/") ? sum : sum + time.total), 0);
    // On a shared machine a long run spends part of its wall time waiting for a CPU, a short
    // one often none: the rules' wall time is scaled by the share of the run the process was
    // on a CPU (never up), so a 64k run is not charged for the other jobs' time.
    const onCpu = Math.min(1, cpuMs(cpu) / Math.max(wall, 0.001));
    const [heaviest] = timed.sort((a, b) => b[1].total - a[1].total)[0] ?? ["none"];
    // ESLint's own parse of the same file in the same run, scaled alike: a control that says
    // how the platform's own linear work grows in time on this machine at these sizes.
    const parse = (linter.getTimes().passes[0].parse?.total ?? 0) * onCpu;
    const findings = messages.filter((message) => message.ruleId?.startsWith("leakproof/")).length;
    return { total: ruleWall * onCpu, wall: ruleWall, parse, control: controlWall * onCpu, heaviest: heaviest.replace(/^leakproof\//, ""), findings };
  };
  const rows = [];
  for (const spec of families) {
    for (const shape of shapes) {
      const row = { family: spec.family, rule: spec.rule, shape, times: {}, wall: {}, parse: {}, control: {}, runs: {}, samples: {}, heaviest: {}, findings: {} };
      lintOnce(scalingFile(spec, shape, sizes[0]), `${spec.family}/${shape}/${sizes[0]}`);
      const codes = new Map(sizes.map((n) => [n, scalingFile(spec, shape, n)]));
      for (const n of sizes) {
        row.times[n] = Infinity;
        row.wall[n] = Infinity;
        row.parse[n] = Infinity;
        row.control[n] = Infinity;
        row.runs[n] = 0;
        row.samples[n] = [];
      }
      for (let round = 0; round < rounds; round++) {
        for (const n of sizes) {
          const label = `${spec.family}/${shape}/${n}`;
          // A file that lints fast first pays for the garbage the previous (bigger) size left:
          // one untimed run takes that debt.
          if (row.samples[n].length === 0 || Math.min(...row.samples[n]) < minRoundMs / 4) lintOnce(codes.get(n), label);
          // The batch's budget is CPU time: on a busy machine the same work takes longer to
          // get done, and a wall-time budget would give the small sizes fewer runs.
          const started = process.cpuUsage();
          const batch = [];
          let wall = 0;
          let parse = 0;
          let controlTime = 0;
          do {
            const run = lintOnce(codes.get(n), label);
            batch.push(run.total);
            wall += run.wall;
            parse += run.parse;
            controlTime += run.control;
            row.heaviest[n] = run.heaviest;
            row.findings[n] = run.findings;
          } while (batch.length < maxRunsPerRound && cpuMs(process.cpuUsage(started)) < minRoundMs);
          const mean = batch.reduce((sum, time) => sum + time, 0) / batch.length;
          row.times[n] = Math.min(row.times[n], mean);
          row.wall[n] = Math.min(row.wall[n], wall / batch.length);
          row.parse[n] = Math.min(row.parse[n], parse / batch.length);
          row.control[n] = Math.min(row.control[n], controlTime / batch.length);
          row.samples[n].push(...batch);
          row.runs[n] += batch.length;
        }
      }
      const first = sizes[0];
      const last = sizes[sizes.length - 1];
      row.ratio = row.times[last] / Math.max(row.times[first], 0.001);
      row.parseRatio = row.parse[last] / Math.max(row.parse[first], 0.001);
      row.controlRatio = row.control[last] / Math.max(row.control[first], 0.001);
      rows.push(row);
      onRow?.(row);
    }
  }
  return rows;
}

/**
 * The plugin's work for a file, exactly: how many times V8 entered each block of the plugin's
 * code while linting it (precise block coverage, summed), for files made by `make(n)` at each
 * of `sizes`. Deterministic, so a ratio between sizes says how the work grows with no noise at
 * all: linear work makes 4k/1k ≈ 4, work that walks the nest for every acquisition makes it
 * grow with the depth too. `isPluginScript(url)` picks the plugin's scripts (its build, or its
 * sources under a test runner).
 *
 * Precise coverage is switched on at the first call and stays on for the rest of the process
 * (V8 keeps exact counts only from then on, and restarting it loses them): time the process's
 * runs before asking for work, never after.
 */
export async function measureWork(Linter, plugin, make, sizes, isPluginScript) {
  const config = [
    {
      files: ["**/*.jsx"],
      languageOptions: { ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { leakproof: plugin },
      rules: plugin.configs.all.rules,
    },
  ];
  const session = await coverageSession();
  // Uncounted: the first lint builds what the plugin builds once per process.
  new Linter({ configType: "flat" }).verify(make(sizes[0]), config, { filename: "big.jsx" });
  const work = {};
  for (const n of sizes) {
    const code = make(n);
    await session.post("Profiler.takePreciseCoverage");
    const messages = new Linter({ configType: "flat" }).verify(code, config, { filename: "big.jsx" });
    const { result } = await session.post("Profiler.takePreciseCoverage");
    const fatal = messages.find((message) => message.fatal);
    if (fatal) throw new Error(`the ${n} file does not parse: ${fatal.message}`);
    let total = 0;
    for (const script of result) {
      if (!isPluginScript(script.url)) continue;
      for (const fn of script.functions) for (const range of fn.ranges) total += range.count;
    }
    work[n] = total;
  }
  return work;
}

let coverage;

/** The inspector session with precise block coverage on, started once per process. */
async function coverageSession() {
  if (!coverage) {
    coverage = (async () => {
      const { Session } = await import("node:inspector/promises");
      const session = new Session();
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: true });
      return session;
    })();
  }
  return coverage;
}
